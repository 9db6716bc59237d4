#include "accord/import/importer.hpp"

#include "accord/error.hpp"
#include "accord/store/writer.hpp"
#include "accord/validate/records.hpp"
#include "accord/yaml/node.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <sqlite3.h>

#ifdef __GLIBC__
#include <malloc.h>
#include <pthread.h>
#endif

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <mutex>
#include <streambuf>
#include <thread>
#include <unordered_map>
#include <variant>

namespace accord {

namespace fs = std::filesystem;

KindCounts ImportSummary::total() const {
    KindCounts t;
    for (const auto& c : counts) {
        t.inserted += c.inserted;
        t.updated += c.updated;
        t.unchanged += c.unchanged;
    }
    return t;
}

bool ImportSummary::changed() const {
    KindCounts t = total();
    return t.inserted + t.updated > 0;
}

std::vector<std::string> expand_inputs(const std::vector<std::string>& paths) {
    std::vector<std::string> out;
    for (const auto& p : paths) {
        if (p == "-") {
            out.push_back(p);
            continue;
        }
        std::error_code ec;
        auto status = fs::status(p, ec);
        if (ec || !fs::exists(status)) {
            throw IoError(fmt::format("cannot read {}: no such file or folder", p));
        }
        if (fs::is_directory(status)) {
            std::vector<std::string> found;
            for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
                 it.increment(ec)) {
                auto ext = it->path().extension().string();
                if (it->is_regular_file() && (ext == ".yaml" || ext == ".yml")) {
                    found.push_back(it->path().lexically_normal().string());
                }
            }
            if (ec) {
                throw IoError(fmt::format("cannot read folder {}: {}", p, ec.message()));
            }
            std::sort(found.begin(), found.end());
            out.insert(out.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
        } else {
            out.push_back(p);
        }
    }
    return out;
}

namespace {

// A read-only streambuf over a string, so the parser reads the text without a copy.
class ViewBuf : public std::streambuf {
public:
    explicit ViewBuf(std::string& s) { setg(s.data(), s.data(), s.data() + s.size()); }
};

// The error for a file that could not be opened or read (errno tells why).
IoError read_error(const std::string& path) {
    return IoError(fmt::format("cannot read {}: {}", path, std::strerror(errno)));
}

std::string read_all(const std::string& path) {
    if (path == "-") {
        return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw read_error(path);
    }
    // Read straight into a string of the file's size (no second copy of a large file), then
    // whatever is left (a file that grew, or a pipe).
    std::string text;
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) {
        auto size = fs::file_size(path, ec);
        if (!ec) {
            text.resize(size);
            in.read(text.data(), static_cast<std::streamsize>(size));
            text.resize(static_cast<std::size_t>(in.gcount()));
        }
    }
    char buf[65536];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        text.append(buf, static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) {
        throw read_error(path);
    }
    return text;
}

// The writing side's checks and writes: what each record read, accepted or referred to
// means for the input and the database (write_messages calls it in the input's order).
class ImportSink {
public:
    ImportSink(Store& store, Writer& writer, const std::vector<Origin>& origins, ImportSummary& summary,
               Diagnostics& diags)
        : m_db(store.db()), m_writer(writer), m_origins(origins), m_summary(summary), m_diags(diags),
          m_find_seen(m_db, "SELECT kind, file_index, line, col FROM temp.import_seen WHERE id = ?"),
          m_insert_seen(m_db, "INSERT OR IGNORE INTO temp.import_seen (id, kind, file_index, line, col) "
                              "VALUES (?, ?, ?, ?, ?)"),
          m_insert_ref(m_db, "INSERT INTO temp.import_ref (subject, field, target, kinds, may_be_text, file, "
                             "file_index, line, col) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)") {}

    // A record with this id was read.
    void declare(Kind kind, const std::string& id, const Origin& origin, const yaml::Mark& mark) {
        if (!first_seen(id, kind, origin, mark, [&] { return fmt::format("record {}: duplicate id", id); })) {
            return;
        }
        if (m_known.size() < k_known_cap) {
            m_known.emplace(id, kind);
        }
        auto stored = m_writer.kind_of(id);
        if (stored && *stored != kind) {
            m_diags.add({origin.file, mark.line, mark.column,
                         fmt::format("record {}: id already used by a {} in the database (ids are unique across kinds)",
                                     id, to_string(*stored)),
                         origin.index});
        }
    }

    // A record that passed the checks of the reading thread, with its digest.
    void accept(const Record& record, const std::string& digest, const Origin& origin, const yaml::Mark& mark) {
        if (record.kind == Kind::progress) {
            std::string key = "progress:" + record.text("commitment") + '@' + record.text("date") + '@' +
                              record.text("party");
            auto what = [&] {
                return fmt::format("progress of {}: a second event dated {}{}", record.text("commitment"),
                                   record.text("date"),
                                   record.has("party") ? " for party " + record.text("party") : std::string());
            };
            if (!first_seen(key, Kind::progress, origin, mark, what)) {
                return;
            }
        }
        if (!m_diags.empty()) {
            return; // nothing will be written: skip the work
        }
        // An id stored under another kind was reported by declare(): nothing is written after an error.
        auto& counts = m_summary.counts[static_cast<std::size_t>(record.kind)];
        switch (m_writer.upsert(record, digest)) {
        case Upsert::inserted:
            ++counts.inserted;
            break;
        case Upsert::updated:
            ++counts.updated;
            break;
        case Upsert::unchanged:
            ++counts.unchanged;
            break;
        }
    }

    // A reference: checked at once when it names a record read before, else noted for resolve().
    void refer(const PendingRef& ref) {
        // Most references name records read earlier (parties, themes): check those at once.
        auto known = m_known.find(ref.target);
        if (known != m_known.end() && (ref.kinds & kind_bit(known->second))) {
            return;
        }
        auto& q = m_insert_ref;
        q.reset();
        q.bind(1, ref.subject);
        q.bind(2, ref.field);
        q.bind(3, ref.target);
        q.bind(4, static_cast<int>(ref.kinds));
        q.bind(5, ref.may_be_text ? 1 : 0);
        q.bind(6, ref.origin.file);
        q.bind(7, static_cast<int64_t>(ref.origin.index));
        q.bind(8, ref.mark.line);
        q.bind(9, ref.mark.column);
        q.exec();
    }

    // Checks every reference against the input and the database.
    void resolve() {
        SQLite::Statement q(m_db, R"SQL(
            SELECT p.subject, p.field, p.target, p.kinds, p.may_be_text, p.file, p.file_index, p.line, p.col,
                   coalesce(s.kind, r.kind)
              FROM temp.import_ref p
              LEFT JOIN temp.import_seen s ON s.id = p.target
              LEFT JOIN main.record r ON r.id = p.target
             ORDER BY p.rowid)SQL");
        while (q.executeStep()) {
            std::string subject = q.getColumn(0).getString();
            std::string field = q.getColumn(1).getString();
            std::string target = q.getColumn(2).getString();
            auto kinds = static_cast<KindSet>(q.getColumn(3).getInt());
            bool may_be_text = q.getColumn(4).getInt() != 0;
            Diagnostic d{q.getColumn(5).getString(), q.getColumn(7).getInt(), q.getColumn(8).getInt(), "",
                         static_cast<std::size_t>(q.getColumn(6).getInt64())};
            if (q.getColumn(9).isNull()) {
                if (may_be_text) {
                    continue;
                }
                d.message = fmt::format("{}, field {}: dangling reference: no record '{}' in the input or the database",
                                        subject, field, target);
            } else {
                auto kind = kind_from_string(q.getColumn(9).getString());
                if (kind && (kinds & kind_bit(*kind))) {
                    continue;
                }
                d.message = fmt::format("{}, field {}: '{}' is a {}, expected {}", subject, field, target,
                                        q.getColumn(9).getString(), describe(kinds));
            }
            m_diags.add(std::move(d));
        }
    }

private:
    // Notes key as seen here; false (and an error naming the first place) when it was seen before.
    // One statement in the common case: the lookup runs only for a duplicate.
    template <class What>
    bool first_seen(const std::string& key, Kind kind, const Origin& origin, const yaml::Mark& mark, What what) {
        m_insert_seen.reset();
        m_insert_seen.bindNoCopy(1, key);
        m_insert_seen.bindNoCopy(2, to_string(kind).data()); // the kind names are NUL-terminated literals
        m_insert_seen.bind(3, static_cast<int64_t>(origin.index));
        m_insert_seen.bind(4, mark.line);
        m_insert_seen.bind(5, mark.column);
        if (m_insert_seen.exec() > 0) {
            return true;
        }
        m_find_seen.reset();
        m_find_seen.bind(1, key);
        if (m_find_seen.executeStep()) {
            m_diags.add({origin.file, mark.line, mark.column,
                         fmt::format("{} (first at {}:{}:{})", what(),
                                     m_origins.at(static_cast<std::size_t>(m_find_seen.getColumn(1).getInt64())).file,
                                     m_find_seen.getColumn(2).getInt(), m_find_seen.getColumn(3).getInt()),
                         origin.index});
        }
        return false;
    }

    // Ids read in this import and their kinds, for resolving references at once; bounded,
    // so that memory does not grow with the input (the rest are resolved at the end in SQL).
    static constexpr std::size_t k_known_cap = 100000;
    std::unordered_map<std::string, Kind> m_known;
    SQLite::Database& m_db;
    Writer& m_writer;
    const std::vector<Origin>& m_origins;
    ImportSummary& m_summary;
    Diagnostics& m_diags;
    SQLite::Statement m_find_seen;
    SQLite::Statement m_insert_seen;
    SQLite::Statement m_insert_ref;
};

// A hint when a syntax error sits near a line indented with a tab, which YAML forbids; the
// lines are read from `in`, positioned at the start of the text.
std::string tab_hint(std::istream& in, int line) {
    std::string row;
    for (int l = 1; l <= line + 1 && std::getline(in, row); ++l) {
        if (l < line - 1) {
            continue;
        }
        std::size_t indent = row.find_first_not_of(" \t");
        if (row.substr(0, indent).find('\t') != std::string::npos) {
            return fmt::format(" (line {} is indented with a tab; YAML indents with spaces only)", l);
        }
    }
    return {};
}

// The import reads on two threads and writes on a third: the reading threads parse and check
// the files (yaml-cpp's parser is the larger half of the work), two files at a time, and hand
// the writing thread (the caller's, which alone uses the database) the calls a sequential
// import would have made on the sink, in batches; the writer takes each file's batches in the
// files' order, so it makes the calls in the same order. Diagnostics travel in the same
// stream, so they are added in the same order as before and --max-errors cuts the list at the
// same place.
struct Declared {
    Kind kind = Kind::party;
    std::string id;
    const Origin* origin = nullptr;
    yaml::Mark mark;
};
struct Accepted {
    Record record;
    std::string digest; // computed here, off the writing thread
    const Origin* origin = nullptr;
    yaml::Mark mark;
};
struct DocumentRead {}; // a document was read (counted before its last part)
struct PartEnd {
    bool last = true; // the document's last part; false for a part of a long top-level list
};
struct FileDiagnostic { // a syntax error or an empty file, found after the file's documents
    Diagnostic diagnostic;
};
struct FileEnd {};
using Message = std::variant<Declared, Accepted, PendingRef, Diagnostic, DocumentRead, PartEnd, FileDiagnostic, FileEnd,
                             std::exception_ptr>;
using Batch = std::vector<Message>;

// A bounded queue of batches between the two threads: memory stays at a few batches
// whatever the size of the input.
class Pipe {
public:
    // Blocks while the queue is full; drops the batch once the reader must stop.
    void push(Batch&& batch) {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_space.wait(lock, [&] { return m_stopped || m_batches.size() < k_max_batches; });
        if (m_stopped) {
            return;
        }
        m_batches.push_back(std::move(batch));
        m_ready.notify_one();
    }
    // A batch of this pipe the writer is done with: it goes back to the reader, which frees
    // its contents (freeing in the thread that allocated keeps glibc's malloc from locking an
    // arena shared by the threads; measured: the reader ran at half speed) and reuses it.
    void recycle(Batch& spent) {
        if (spent.empty()) {
            return;
        }
        std::lock_guard<std::mutex> lock(m_mutex);
        m_spent.push_back(std::move(spent));
        spent = Batch();
    }
    // The next batch (out, recycled first, must be empty or from this pipe); false once the
    // reader is done and everything was taken.
    bool pop(Batch& out) {
        recycle(out);
        std::unique_lock<std::mutex> lock(m_mutex);
        m_ready.wait(lock, [&] { return m_closed || !m_batches.empty(); });
        if (m_batches.empty()) {
            return false;
        }
        out = std::move(m_batches.front());
        m_batches.pop_front();
        m_space.notify_one();
        return true;
    }
    // A batch the writer is done with, emptied here in the reader's thread; or an empty one.
    Batch reuse() {
        Batch b;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (!m_spent.empty()) {
                b = std::move(m_spent.back());
                m_spent.pop_back();
            }
        }
        b.clear();
        return b;
    }
    void close() {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_closed = true;
        m_ready.notify_one();
    }
    // The writer needs no more: the reader stops at its next document.
    void stop() {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_stopped = true;
        }
        m_flag.store(true, std::memory_order_relaxed);
        m_space.notify_all();
    }
    bool stopped() const { return m_flag.load(std::memory_order_relaxed); }

private:
    static constexpr std::size_t k_max_batches = 16;
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::condition_variable m_space;
    std::deque<Batch> m_batches;
    std::vector<Batch> m_spent;
    bool m_closed = false;
    bool m_stopped = false;
    std::atomic<bool> m_flag{false};
};

// The reading thread's sink: turns each call into a message.
class Reading : public RecordSink {
public:
    explicit Reading(Pipe& pipe) : m_pipe(pipe) { m_batch.reserve(k_batch); }

    void declare(Kind kind, const std::string& id, const Origin& origin, const yaml::Mark& mark) override {
        flush_diagnostics();
        put(Declared{kind, id, &origin, mark});
    }
    void accept(const Record& record, const Origin& origin, const yaml::Mark& mark) override {
        flush_diagnostics();
        put(Accepted{record, digest(record), &origin, mark});
    }
    void refer(PendingRef ref) override {
        flush_diagnostics();
        put(std::move(ref));
    }

    // Where the checks of this thread add their findings (no limit: the writer applies it).
    Diagnostics& diagnostics() { return m_diags; }
    // Queues the findings added since the last call, in their order.
    void flush_diagnostics() {
        for (auto& d : m_diags.take()) {
            put(std::move(d));
        }
    }
    // Builds the message in place (moving a whole variant made GCC 12 at -O3 warn of
    // members used uninitialized, wrongly).
    template <class T> void put(T&& m) {
        m_batch.emplace_back(std::in_place_type<std::decay_t<T>>, std::forward<T>(m));
        if (m_batch.size() >= k_batch) {
            send();
        }
    }
    void send() {
        if (!m_batch.empty()) {
            m_pipe.push(std::move(m_batch));
            m_batch = m_pipe.reuse();
            m_batch.reserve(k_batch);
        }
    }
    bool stopped() const { return m_pipe.stopped(); }

private:
    static constexpr std::size_t k_batch = 256;
    Pipe& m_pipe;
    Diagnostics m_diags{0};
    Batch m_batch;
};

// Checks a file's text (yaml::TextCheck) a piece of whole lines at a time, so that only a
// piece is held, however large the file; the first problem, if any.
std::optional<yaml::Problem> check_file(std::istream& in, const std::string& path) {
    constexpr std::size_t k_piece = 1 << 20;
    // Read in blocks appended to the piece: a piece grown by resize() was zero-filled first, a
    // megabyte for every file however small (measured: 1.7% of the reading threads' time at
    // 100,000 commitments in 5,001 files of 14 KB).
    constexpr std::size_t k_block = 1 << 16;
    std::unique_ptr<char[]> block(new char[k_block]);
    yaml::TextCheck check;
    std::string piece; // what was read and not yet checked: the start of a line
    for (;;) {
        in.read(block.get(), static_cast<std::streamsize>(k_block));
        piece.append(block.get(), static_cast<std::size_t>(in.gcount()));
        if (in.bad()) {
            throw read_error(path);
        }
        bool end = !in;
        if (!end && piece.size() < k_piece) {
            continue;
        }
        std::size_t cut = end ? piece.size() : piece.rfind('\n') + 1; // 0: a line longer than the piece
        if (cut > 0 || end) {
            if (!check.feed(std::string_view(piece).substr(0, cut))) {
                break;
            }
            piece.erase(0, cut);
        }
        if (end) {
            break;
        }
    }
    return check.result();
}

// Reads a file (or stdin: "-") document by document and hands what it finds to out. A
// regular file is read twice from the disk, once for the checks of its text and once by the
// parser, so that memory follows a document, not the file; anything else (stdin, a pipe)
// cannot be read twice and is held whole.
void read_file(const std::string& path, const Origin& origin, Reading& out) {
    auto tail = [&](int line, int column, std::string message) {
        out.put(FileDiagnostic{{origin.file, line, column, std::move(message), origin.index}});
    };
    Diagnostics& diags = out.diagnostics();
    std::error_code ec;
    bool regular = path != "-" && fs::is_regular_file(path, ec);
    std::ifstream file;
    std::string text; // stdin or a pipe, held whole
    if (regular) {
        file.open(path, std::ios::binary);
        if (!file) {
            throw read_error(path);
        }
        if (auto p = check_file(file, path)) {
            tail(p->mark.line, p->mark.column, p->message);
            return;
        }
        file.clear();
        file.seekg(0);
    } else {
        text = read_all(path);
        if (auto p = yaml::check_text(text)) {
            tail(p->mark.line, p->mark.column, p->message);
            return;
        }
    }
    ViewBuf buf(text);
    std::istream held(&buf);
    std::istream& in = regular ? static_cast<std::istream&>(file) : held;
    auto hint = [&](int line) {
        if (regular) {
            file.clear();
            file.seekg(0);
            return tab_hint(file, line);
        }
        ViewBuf again(text);
        std::istream from_start(&again);
        return tab_hint(from_start, line);
    };
    yaml::DocumentStream stream(in);
    std::size_t records = 0;
    // A long top-level list arrives in parts, so memory follows a part, not the file.
    auto read_part = [&](const yaml::Document& doc, bool last) {
        const auto& root = doc.root;
        records +=
            root.type == yaml::NodeType::sequence ? root.items.size() : (root.type == yaml::NodeType::null ? 0 : 1);
        read_document(doc, origin, out, diags);
        out.flush_diagnostics();
        out.put(PartEnd{last});
    };
    while (auto doc = stream.next([&](const yaml::Document& part) { read_part(part, false); })) {
        out.put(DocumentRead{});
        read_part(*doc, true);
        if (out.stopped()) {
            return;
        }
    }
    if (file.bad()) {
        throw read_error(path);
    }
    if (auto e = stream.syntax_error()) {
        tail(e->mark.line, e->mark.column, e->message + hint(e->mark.line));
    } else if (records == 0) {
        tail(1, 1, "the file holds no record (it is empty or only comments)");
    }
}

// A reading thread: the files first, first + step, first + 2 * step, ... in order, then the
// end of its stream. Each file's messages end with FileEnd and a send(), so that a batch
// never holds two files.
void read_files(const std::vector<Origin>& origins, std::size_t first, std::size_t step, Pipe& pipe) {
#ifdef __GLIBC__
    pthread_setname_np(pthread_self(), "accord-read"); // names the thread in top and perf
#endif
    Reading out(pipe);
    try {
        for (std::size_t i = first; i < origins.size() && !out.stopped(); i += step) {
            read_file(origins[i].standard_input ? std::string("-") : origins[i].file, origins[i], out);
            out.put(FileEnd{});
            out.send();
        }
    } catch (...) {
        out.put(std::current_exception());
        out.send();
    }
    pipe.close();
}

// The reading threads, each with its pipe: file i is read by thread i % size(), so that the
// files are read two at a time while the writer takes them in order. Stops and joins the
// threads when it goes out of scope, also when the writer throws.
class ReadingThreads {
public:
    // Two readers: the parser is most of the work, and on two cores the writer waited for a
    // single reader for up to half of the import (docs/performance.md).
    static constexpr std::size_t k_readers = 2;

    explicit ReadingThreads(const std::vector<Origin>& origins)
        : m_pipes(std::clamp<std::size_t>(origins.size(), 1, k_readers)) {
        for (std::size_t k = 0; k < m_pipes.size(); ++k) {
            Pipe& pipe = m_pipes[k];
            std::size_t step = m_pipes.size();
            m_threads.emplace_back([&origins, &pipe, k, step] { read_files(origins, k, step, pipe); });
        }
    }
    ReadingThreads(const ReadingThreads&) = delete;
    ReadingThreads& operator=(const ReadingThreads&) = delete;
    ~ReadingThreads() {
        for (auto& pipe : m_pipes) {
            pipe.stop();
        }
        for (auto& thread : m_threads) {
            thread.join();
        }
    }

    // The pipe that carries file i.
    Pipe& pipe_of(std::size_t file) { return m_pipes[file % m_pipes.size()]; }

private:
    std::deque<Pipe> m_pipes; // a Pipe cannot move
    std::vector<std::thread> m_threads;
};

// The writing side: applies the readers' messages to the sink and the summary as the
// sequential import did, file after file, and stops where it stopped once --max-errors are
// held (after the document in hand; the rest of a long document is read only for a syntax
// error in it).
void write_messages(const std::vector<Origin>& origins, ImportSink& sink, Diagnostics& diags, ImportSummary& summary,
                    const ImportRequest& request) {
    ReadingThreads readers(origins);
    bool draining = false; // full in the middle of a document: only its syntax error still counts
    auto file_done = [&] {
        ++summary.files;
        if (request.on_file) {
            request.on_file(summary.files, origins.size(), origins[summary.files - 1].file);
        }
    };
    Batch batch;
    Pipe* pipe = &readers.pipe_of(0);
    while (pipe->pop(batch)) {
        bool file_end = false;
        for (auto& message : batch) {
            bool stop = std::visit(
                [&](auto& m) {
                    using T = std::decay_t<decltype(m)>;
                    if constexpr (std::is_same_v<T, Declared>) {
                        if (!draining) {
                            sink.declare(m.kind, m.id, *m.origin, m.mark);
                        }
                    } else if constexpr (std::is_same_v<T, Accepted>) {
                        if (!draining) {
                            sink.accept(m.record, m.digest, *m.origin, m.mark);
                        }
                    } else if constexpr (std::is_same_v<T, PendingRef>) {
                        if (!draining) {
                            sink.refer(m);
                        }
                    } else if constexpr (std::is_same_v<T, Diagnostic>) {
                        if (!draining) {
                            diags.add(std::move(m));
                        }
                    } else if constexpr (std::is_same_v<T, DocumentRead>) {
                        ++summary.documents;
                        if (draining) {
                            file_done();
                            return true;
                        }
                    } else if constexpr (std::is_same_v<T, PartEnd>) {
                        if (!draining && diags.full()) {
                            if (m.last) {
                                file_done();
                                return true;
                            }
                            draining = true;
                        }
                    } else if constexpr (std::is_same_v<T, FileDiagnostic>) {
                        diags.add(std::move(m.diagnostic));
                    } else if constexpr (std::is_same_v<T, FileEnd>) {
                        file_done();
                        file_end = true;
                        return diags.full();
                    } else {
                        std::rethrow_exception(m);
                    }
                    return false;
                },
                message);
            if (stop) {
                return;
            }
        }
        if (file_end) { // the batch's last message: the next file comes from the next pipe
            pipe->recycle(batch);
            pipe = &readers.pipe_of(summary.files);
        }
    }
}

// Triggers of the main database dropped inside the import's transaction and created again
// from their own stored text by restore(), before the commit; a rollback (an error, a dry
// run) brings them back with everything else.
class SuspendedTriggers {
public:
    // condition: a fixed SQL condition on sqlite_master's columns, never a value.
    SuspendedTriggers(SQLite::Database& db, const char* condition) : m_db(&db) {
        SQLite::Statement q(db, fmt::format("SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND ({})",
                                            condition));
        std::vector<std::string> names;
        while (q.executeStep()) {
            names.push_back(q.getColumn(0).getString());
            m_sql.push_back(q.getColumn(1).getString());
        }
        q.reset();
        for (const auto& name : names) {
            db.exec("DROP TRIGGER main.\"" + name + "\""); // a name read from sqlite_master
        }
    }

    bool empty() const { return m_sql.empty(); }
    void restore() {
        for (const auto& sql : m_sql) {
            m_db->exec(sql);
        }
        m_sql.clear();
    }

private:
    SQLite::Database* m_db;
    std::vector<std::string> m_sql;
};

// Indexes the search text written by an import in one statement at the end, instead of one
// FTS5 insert per row: with a row-by-row index, every later write statement of the import
// opens a savepoint, which makes FTS5 flush its pending terms each time (measured: a sixth of
// the import's instructions). Inside the import's transaction, the trigger that indexes each
// new search_text row is dropped and a temporary trigger notes the new rows instead; finish()
// indexes them and puts the trigger back before the commit. On a rollback (an error, a dry
// run) SQLite restores the trigger with everything else. A row written by this import is
// never deleted by it (an id is written once per import), so the delete trigger, which stays,
// only ever removes rows indexed before.
//
// Into a database whose search_text is empty, every row of search_text at the end is new:
// the index is then filled from all of them, and nothing is noted.
class SearchIndexBatch {
public:
    SearchIndexBatch(SQLite::Database& db, bool empty)
        : m_db(db), m_trigger(db, "name = 'search_text_insert'"), m_empty(empty) {
        if (m_trigger.empty() || m_empty) {
            return; // a database without full-text search, or nothing to note
        }
        m_db.exec("CREATE TEMP TABLE IF NOT EXISTS import_search (seq INTEGER PRIMARY KEY)");
        m_db.exec("DELETE FROM temp.import_search");
        m_db.exec("CREATE TEMP TRIGGER IF NOT EXISTS import_search_new AFTER INSERT ON main.search_text BEGIN "
                  "INSERT INTO import_search (seq) VALUES (new.seq); END");
    }

    // Indexes the rows written since the start and restores the trigger. In one statement,
    // also into an empty search_text: indexing in chunks while the writer waits (as the fill
    // of search_text does) left the index's segments depending on the timing of the two
    // threads, so that two imports of the same data gave different database files.
    void finish() {
        if (m_trigger.empty()) {
            return;
        }
        if (m_empty) {
            m_db.exec("INSERT INTO main.search_index (rowid, title, body, notes, id) SELECT seq, title, body, notes, "
                      "id FROM main.search_text ORDER BY seq");
        } else {
            m_db.exec("DROP TRIGGER temp.import_search_new");
            m_db.exec("INSERT INTO main.search_index (rowid, title, body, notes, id) SELECT s.seq, s.title, s.body, "
                      "s.notes, s.id FROM temp.import_search n JOIN main.search_text s ON s.seq = n.seq ORDER BY "
                      "n.seq");
        }
        m_trigger.restore();
    }

private:
    SQLite::Database& m_db;
    SuspendedTriggers m_trigger;
    bool m_empty;
};

// An import into a database that holds no records writes search_text from the writer: the
// kind tables' triggers that keep it in step (schema_v2.sql.inc; each first deletes the row it
// replaces, and the progress one also looks for events that no longer exist) are dropped for
// the import, and the writer writes each row's search_text row right after it
// (Writer::write_search_text), so the rows and their order are those the triggers would give
// (export yaml reads that order to place progress events). Measured: the writer's time for
// search_text 1.24 s -> 0.87 s at 100,000 commitments, against the earlier notes in a
// temporary table and a fill from them (docs/performance.md). Within the import's
// transaction, like SearchIndexBatch: a failed or dry-run import rolls it back, triggers
// included. Into a database that holds records the triggers stay (an import then usually
// touches few rows, and may replace them).
//
// A dry run (and so `accord check`, into a database in memory) writes no search_text at all,
// into any database: nothing reads it before the rollback, and a check of a large file would
// otherwise hold a copy of all its text in memory.
class SearchTextBatch {
public:
    SearchTextBatch(SQLite::Database& db, Writer& writer, bool empty, bool dry_run)
        : m_triggers(db, empty || dry_run ? "tbl_name != 'search_text' AND instr(name, '_search_') > 0" : "0") {
        if (!m_triggers.empty() && !dry_run) {
            writer.write_search_text();
        }
    }

    // Puts the triggers back (before SearchIndexBatch::finish, which indexes the new rows).
    void finish() { m_triggers.restore(); }

private:
    SuspendedTriggers m_triggers;
};

// True when the database's search_text holds no row (so neither does any kind table); false
// also for a database without full-text search.
bool search_text_empty(SQLite::Database& db) {
    if (!db.tableExists("search_text")) {
        return false;
    }
    SQLite::Statement any(db, "SELECT EXISTS (SELECT 1 FROM main.search_text)");
    return any.executeStep() && any.getColumn(0).getInt() == 0;
}

// A statement run when this goes out of scope, once armed: a setting put back after the
// import's transaction, committed or not. An error there is swallowed (a destructor must not
// throw); each user says what happens then.
class AtExit {
public:
    AtExit(SQLite::Database& db, const char* sql) : m_db(db), m_sql(sql) {}
    AtExit(const AtExit&) = delete;
    AtExit& operator=(const AtExit&) = delete;
    ~AtExit() {
        if (!m_armed) {
            return;
        }
        try {
            m_db.exec(m_sql);
        } catch (const SQLite::Exception&) {
            // Swallowed: see above.
        }
    }
    void arm(bool armed) { m_armed = armed; }
    bool armed() const { return m_armed; }

private:
    SQLite::Database& m_db;
    const char* m_sql; // a literal
    bool m_armed = false;
};

// An import into a database that holds no records (the first, and usually the largest) is
// written with a rollback journal instead of the WAL: each page is then written once, into the
// database file, where in WAL mode it went into the WAL and then again into the file by the
// checkpoint at the commit; and the pages the import adds are not journaled at all.
// Measured: 100,000 generated commitments imported in 0.79-0.89x the time (docs/performance.md).
// All-or-nothing is kept: a failed import is rolled back from the journal, also after a kill
// (SQLite rolls a hot journal back when the file is next opened). The database goes back to
// WAL mode once the transaction is over, committed or not; if that fails, or the process was
// killed, the next command that writes to it does it (Store::restore_wal). Leaving WAL mode
// needs the file to itself: when another connection has it open, the import stays in WAL mode.
class FirstImportJournal {
public:
    FirstImportJournal(SQLite::Database& db, bool use) : m_back(db, "PRAGMA main.journal_mode = WAL") {
        if (!use) {
            return;
        }
        try {
            SQLite::Statement q(db, "PRAGMA main.journal_mode = DELETE");
            m_back.arm(q.executeStep() && q.getColumn(0).getString() == "delete");
        } catch (const SQLite::Exception&) {
            // Busy: another connection has the file open; the import stays in WAL mode.
        }
    }

private:
    AtExit m_back; // a failure is left to Store::restore_wal at the next write
};

// An import into a database that holds no records runs with foreign keys unenforced and
// checks them all once before the commit (Store::check_foreign_keys). Enforced, each row
// written looked up the rows it names, and while any row named one not yet written (a
// program's `implements` naming a commitment of a later file) every insert into a table that
// rows name looked for those rows too; the import's own checks have already found every
// missing or wrong reference by then (ImportSink), so the check at the end is a safety net
// that costs one pass. Measured: the writer's inserts at 100,000 commitments 16-20% faster,
// for a check of 0.32 s (docs/performance.md). Enforcement can only change outside a
// transaction: set before it, and back on after it, committed or not.
class ForeignKeysAtEnd {
public:
    ForeignKeysAtEnd(SQLite::Database& db, bool use) : m_back(db, "PRAGMA foreign_keys = ON") {
        if (use) {
            db.exec("PRAGMA foreign_keys = OFF");
            m_back.arm(true);
        }
    }
    // Before the commit.
    void check(Store& store) {
        if (m_back.armed()) {
            store.check_foreign_keys();
        }
    }

private:
    AtExit m_back; // fails only inside a transaction, and runs after the import's
};

} // namespace

ImportSummary import_files(Store& store, const ImportRequest& request, Diagnostics& diags) {
#ifdef __GLIBC__
    // Keep freed memory at the top of the heap instead of returning it at once: the import
    // frees and reallocates the same few MB (documents, SQLite's pages) thousands of times,
    // and glibc's default trimming turned that into one brk call and fresh zeroed pages each
    // time (measured: 7,700 brk calls and 1.5 s of system time for 2,000 commitments, three
    // times the wall time). The peak is unchanged: only memory already used is kept.
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_TOP_PAD, 16 << 20);
#endif
    ImportSummary summary;
    // The files in order, each path kept once (50,001 files: 3.4 MB instead of 7.6).
    std::vector<Origin> origins;
    {
        std::vector<std::string> files = expand_inputs(request.paths);
        origins.reserve(files.size());
        for (std::size_t i = 0; i < files.size(); ++i) {
            bool standard_input = files[i] == "-";
            origins.push_back({standard_input ? std::string("<stdin>") : std::move(files[i]), i, standard_input});
        }
    }
    auto& db = store.db();
    try {
        // Before the transaction (neither the journal mode nor foreign key enforcement can
        // change inside one), and so ended after it.
        bool was_empty = search_text_empty(db);
        FirstImportJournal journal(db, !request.dry_run && store.path() != ":memory:" && was_empty);
        ForeignKeysAtEnd foreign_keys(db, was_empty);
        // IMMEDIATE: take the write lock now (waiting up to the busy timeout), so that a
        // second importer waits its turn instead of failing half-way.
        SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
        db.exec("DROP TABLE IF EXISTS temp.import_seen");
        db.exec("CREATE TEMP TABLE import_seen (id TEXT PRIMARY KEY, kind TEXT, file_index INTEGER, line INTEGER, "
                "col INTEGER) WITHOUT ROWID");
        db.exec("CREATE TEMP TABLE IF NOT EXISTS import_ref (subject TEXT, field TEXT, target TEXT, kinds INTEGER, "
                "may_be_text INTEGER, file TEXT, file_index INTEGER, line INTEGER, col INTEGER)");
        db.exec("DELETE FROM temp.import_seen; DELETE FROM temp.import_ref;");
        // 16 MiB of page cache for the import's writes: 32 and 128 MiB were no faster at 100,000
        // commitments (the pages are written once either way) and 17 and 129 MB larger at the peak.
        db.exec("PRAGMA cache_size = -16384");
        bool empty = search_text_empty(db); // again, in the transaction: another import may have come first
        SearchIndexBatch search(db, empty);
        Writer writer(store);
        SearchTextBatch search_text(db, writer, empty, request.dry_run);
        ImportSink sink(store, writer, origins, summary, diags);
        write_messages(origins, sink, diags, summary, request);
        if (!diags.full()) {
            sink.resolve();
        }
        if (diags.empty() && !request.dry_run) {
            foreign_keys.check(store);
            search_text.finish();
            search.finish();
            transaction.commit();
            summary.committed = true;
        }
    } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() == SQLITE_BUSY) {
            throw IoError(fmt::format("{} is busy: another process is writing to it; nothing was written "
                                      "(wait longer with --busy-timeout)",
                                      store.path()));
        }
        if (e.getErrorCode() == SQLITE_FULL) {
            throw IoError(fmt::format("the disk is full: cannot write to {}; nothing was written", store.path()));
        }
        if (e.getErrorCode() == SQLITE_READONLY) {
            throw IoError(
                fmt::format("cannot write to database {}: it is read-only; nothing was written", store.path()));
        }
        throw IoError(fmt::format("database error during import into {}: {}", store.path(), e.what()));
    }
    return summary;
}

} // namespace accord
