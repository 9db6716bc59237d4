// The import's reading threads (parse and check two files at a time), the bounded pipes that
// carry their findings, and the writing side that applies them in the input's order.
#include "pipeline.hpp"

#include "accord/error.hpp"
#include "accord/import/inputs.hpp"
#include "accord/yaml/node.hpp"

#ifdef __GLIBC__
#include <pthread.h>
#include <sched.h>
#endif

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <fstream>
#include <istream>
#include <mutex>
#include <streambuf>
#include <thread>
#include <variant>

namespace accord {

namespace fs = std::filesystem;

namespace {

// A read-only streambuf over a string, so the parser reads the text without a copy.
class ViewBuf : public std::streambuf {
public:
    explicit ViewBuf(std::string& s) { setg(s.data(), s.data(), s.data() + s.size()); }
};

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
    // digests false: the writer writes nothing (a dry run into a database without records).
    Reading(Pipe& pipe, bool digests) : m_pipe(pipe), m_digests(digests) { m_batch.reserve(k_batch); }

    void declare(Kind kind, const std::string& id, const Origin& origin, const yaml::Mark& mark) override {
        flush_diagnostics();
        put(Declared{kind, id, &origin, mark});
    }
    void accept(Record&& record, const Origin& origin, const yaml::Mark& mark) override {
        flush_diagnostics();
        std::string d = m_digests ? digest(record) : std::string();
        put(Accepted{std::move(record), std::move(d), &origin, mark});
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
    bool m_digests;
    Diagnostics m_diags{0};
    Batch m_batch;
};

// Reads a file (or stdin: "-", or the stream of origin) document by document and hands what it finds to out. A
// regular file is read twice from the disk, once for the checks of its text and once by the
// parser, so that memory follows a document, not the file; anything else (stdin, a pipe, a
// device) cannot be read twice and is held whole, up to k_max_held.
void read_file(const std::string& path, const Origin& origin, Reading& out) {
    auto tail = [&](int line, int column, std::string message) {
        out.put(FileDiagnostic{{origin.file, line, column, std::move(message), origin.index}});
    };
    Diagnostics& diags = out.diagnostics();
    std::error_code ec;
    bool regular = !origin.stream && path != "-" && fs::is_regular_file(path, ec);
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
        yaml::TextCheck check;
        text = origin.stream ? read_held(*origin.stream, path, check) : read_input(path, check);
        if (auto p = check.result()) {
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
            return yaml::syntax_hint(file, line);
        }
        ViewBuf again(text);
        std::istream from_start(&again);
        return yaml::syntax_hint(from_start, line);
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
        bool syntax = e->message.rfind("YAML syntax", 0) == 0; // not the limits (nesting, size)
        tail(e->mark.line, e->mark.column, e->message + (syntax ? hint(e->mark.line) : std::string()));
    } else if (records == 0) {
        tail(1, 1, "the file holds no record (it is empty or only comments)");
    }
}

// A reading thread: the files first, first + step, first + 2 * step, ... in order, then the
// end of its stream. Each file's messages end with FileEnd and a send(), so that a batch
// never holds two files.
void read_files(const std::vector<Origin>& origins, std::size_t first, std::size_t step, Pipe& pipe, bool digests) {
#ifdef __GLIBC__
    pthread_setname_np(pthread_self(), "accord-read"); // names the thread in top and perf
#endif
    Reading out(pipe, digests);
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
    ReadingThreads(const std::vector<Origin>& origins, bool digests)
        : m_pipes(std::clamp<std::size_t>(origins.size(), 1, reading_threads())) {
        for (std::size_t k = 0; k < m_pipes.size(); ++k) {
            Pipe& pipe = m_pipes[k];
            std::size_t step = m_pipes.size();
            m_threads.emplace_back(
                [&origins, &pipe, k, step, digests] { read_files(origins, k, step, pipe, digests); });
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
} // namespace

std::size_t reading_threads() {
    // Two readers: the parser is most of the work, and on two cores the writer waited for a
    // single reader for up to half of the import. On one processor a second parser only takes
    // turns with the first (docs/performance.md, "One reading thread on one processor").
    constexpr std::size_t k_readers = 2;
    std::size_t processors = std::thread::hardware_concurrency();
#ifdef __GLIBC__
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        processors = static_cast<std::size_t>(CPU_COUNT(&set)); // those this process may run on
    }
#endif
    return std::clamp<std::size_t>(processors, 1, k_readers);
}

void write_messages(const std::vector<Origin>& origins, ImportSink& sink, Diagnostics& diags, ImportSummary& summary,
                    const ImportRequest& request, bool writes) {
    ReadingThreads readers(origins, writes);
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

} // namespace accord
