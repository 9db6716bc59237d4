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
#endif

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <streambuf>
#include <unordered_map>

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
            out.insert(out.end(), found.begin(), found.end());
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

std::string read_all(const std::string& path) {
    if (path == "-") {
        return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw IoError(fmt::format("cannot read {}: {}", path, std::strerror(errno)));
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
        throw IoError(fmt::format("cannot read {}: {}", path, std::strerror(errno)));
    }
    return text;
}

class ImportSink : public RecordSink {
public:
    ImportSink(Store& store, Writer& writer, ImportSummary& summary, Diagnostics& diags)
        : m_db(store.db()), m_writer(writer), m_summary(summary), m_diags(diags),
          m_find_seen(m_db, "SELECT kind, file, line, col FROM temp.import_seen WHERE id = ?"),
          m_insert_seen(m_db, "INSERT OR IGNORE INTO temp.import_seen (id, kind, file, line, col) VALUES (?, ?, ?, ?, ?)"),
          m_insert_ref(m_db, "INSERT INTO temp.import_ref (subject, field, target, kinds, may_be_text, file, "
                             "file_index, line, col) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)") {}

    void declare(Kind kind, const std::string& id, const Origin& origin, const yaml::Mark& mark) override {
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

    void accept(const Record& record, const Origin& origin, const yaml::Mark& mark) override {
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
        switch (m_writer.upsert(record)) {
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

    void refer(PendingRef ref) override {
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
        m_insert_seen.bindNoCopy(3, origin.file);
        m_insert_seen.bind(4, mark.line);
        m_insert_seen.bind(5, mark.column);
        if (m_insert_seen.exec() > 0) {
            return true;
        }
        m_find_seen.reset();
        m_find_seen.bind(1, key);
        if (m_find_seen.executeStep()) {
            m_diags.add({origin.file, mark.line, mark.column,
                         fmt::format("{} (first at {}:{}:{})", what(), m_find_seen.getColumn(1).getString(),
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
    ImportSummary& m_summary;
    Diagnostics& m_diags;
    SQLite::Statement m_find_seen;
    SQLite::Statement m_insert_seen;
    SQLite::Statement m_insert_ref;
};

// A hint when a syntax error sits near a line indented with a tab, which YAML forbids.
std::string tab_hint(const std::string& text, int line) {
    std::size_t pos = 0;
    for (int l = 1; l < line - 1 && pos != std::string::npos; ++l) {
        pos = text.find('\n', pos);
        pos = pos == std::string::npos ? pos : pos + 1;
    }
    for (int l = std::max(1, line - 1); l <= line + 1 && pos < text.size(); ++l) {
        std::size_t end = text.find('\n', pos);
        std::string_view row(text.data() + pos, (end == std::string::npos ? text.size() : end) - pos);
        std::size_t indent = row.find_first_not_of(" \t");
        if (row.substr(0, indent).find('\t') != std::string_view::npos) {
            return fmt::format(" (line {} is indented with a tab; YAML indents with spaces only)", l);
        }
        if (end == std::string::npos) {
            break;
        }
        pos = end + 1;
    }
    return {};
}

void read_file(const std::string& path, std::size_t index, RecordSink& sink, Diagnostics& diags,
               ImportSummary& summary) {
    std::string text = read_all(path);
    Origin origin{path == "-" ? std::string("<stdin>") : path, index};
    if (auto p = yaml::check_text(text)) {
        diags.add({origin.file, p->mark.line, p->mark.column, p->message, index});
        return;
    }
    ViewBuf buf(text);
    std::istream in(&buf);
    yaml::DocumentStream stream(in);
    std::size_t records = 0;
    // A long top-level list arrives in parts, so memory follows a part, not the file.
    auto read_part = [&](const yaml::Document& doc) {
        const auto& root = doc.root;
        records += root.type == yaml::NodeType::sequence ? root.items.size() : (root.type == yaml::NodeType::null ? 0 : 1);
        if (!diags.full()) {
            read_document(doc, origin, sink, diags);
        }
    };
    while (auto doc = stream.next(read_part)) {
        ++summary.documents;
        read_part(*doc);
        if (diags.full()) {
            return;
        }
    }
    if (auto e = stream.syntax_error()) {
        diags.add({origin.file, e->mark.line, e->mark.column, e->message + tab_hint(text, e->mark.line), index});
    } else if (records == 0) {
        diags.add({origin.file, 1, 1, "the file holds no record (it is empty or only comments)", index});
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
class SearchIndexBatch {
public:
    explicit SearchIndexBatch(SQLite::Database& db) : m_db(db), m_trigger(db, "name = 'search_text_insert'") {
        if (m_trigger.empty()) {
            return; // a database without full-text search
        }
        m_db.exec("CREATE TEMP TABLE IF NOT EXISTS import_search (seq INTEGER PRIMARY KEY)");
        m_db.exec("DELETE FROM temp.import_search");
        m_db.exec("CREATE TEMP TRIGGER IF NOT EXISTS import_search_new AFTER INSERT ON main.search_text BEGIN "
                  "INSERT INTO import_search (seq) VALUES (new.seq); END");
    }

    // Indexes the rows written since the start and restores the trigger.
    void finish() {
        if (m_trigger.empty()) {
            return;
        }
        m_db.exec("DROP TRIGGER temp.import_search_new");
        m_db.exec("INSERT INTO main.search_index (rowid, title, body, notes) SELECT s.seq, s.title, s.body, s.notes "
                  "FROM temp.import_search n JOIN main.search_text s ON s.seq = n.seq ORDER BY n.seq");
        m_trigger.restore();
    }

private:
    SQLite::Database& m_db;
    SuspendedTriggers m_trigger;
};

// An import into a database that holds no records fills search_text once at the end
// instead of row by row: the kind tables' triggers that keep it in step (schema_v2.sql.inc;
// the progress one also looks for events that no longer exist) are dropped for the import,
// the writer notes each row it writes in temp.import_order, and the fill gives every row the
// seq it would have had from the triggers, so the order of search_text (which export yaml
// reads to place progress events) is the same. Measured: 20,000 generated commitments
// imported in 0.78x the time (docs/performance.md). Within the import's transaction, like
// SearchIndexBatch: a failed or dry-run import rolls it back, triggers included. Into a
// database that holds records the triggers stay (an import then usually touches few rows).
class SearchTextBatch {
public:
    SearchTextBatch(Store& store, Writer& writer) : m_db(store.db()), m_triggers(suspend_if_empty(m_db)) {
        if (m_triggers.empty()) {
            return;
        }
        m_db.exec("CREATE TEMP TABLE IF NOT EXISTS import_order (n INTEGER PRIMARY KEY, kind TEXT NOT NULL, id TEXT "
                  "NOT NULL, event INTEGER NOT NULL)");
        m_db.exec("DELETE FROM temp.import_order");
        writer.log_order();
    }

    // Fills search_text (before SearchIndexBatch::finish, which indexes the new rows) and
    // restores the triggers.
    void finish() {
        if (m_triggers.empty()) {
            return;
        }
        m_db.exec(Store::search_fill_sql(true));
        m_triggers.restore();
    }

private:
    static SuspendedTriggers suspend_if_empty(SQLite::Database& db) {
        SQLite::Statement any(db, "SELECT EXISTS (SELECT 1 FROM main.search_text)");
        bool empty = any.executeStep() && any.getColumn(0).getInt() == 0;
        return SuspendedTriggers(db, empty ? "tbl_name != 'search_text' AND instr(name, '_search_') > 0" : "0");
    }

    SQLite::Database& m_db;
    SuspendedTriggers m_triggers;
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
    std::vector<std::string> files = expand_inputs(request.paths);
    auto& db = store.db();
    try {
        // IMMEDIATE: take the write lock now (waiting up to the busy timeout), so that a
        // second importer waits its turn instead of failing half-way.
        SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
        db.exec("CREATE TEMP TABLE IF NOT EXISTS import_seen (id TEXT PRIMARY KEY, kind TEXT, file TEXT, line INTEGER, "
                "col INTEGER)");
        db.exec("CREATE TEMP TABLE IF NOT EXISTS import_ref (subject TEXT, field TEXT, target TEXT, kinds INTEGER, "
                "may_be_text INTEGER, file TEXT, file_index INTEGER, line INTEGER, col INTEGER)");
        db.exec("DELETE FROM temp.import_seen; DELETE FROM temp.import_ref;");
        db.exec("PRAGMA cache_size = -32768"); // 32 MiB of page cache for the import's writes
        SearchIndexBatch search(db);
        Writer writer(store);
        SearchTextBatch search_text(store, writer);
        ImportSink sink(store, writer, summary, diags);
        for (std::size_t i = 0; i < files.size(); ++i) {
            read_file(files[i], i, sink, diags, summary);
            ++summary.files;
            if (request.on_file) {
                request.on_file(i + 1, files.size(), files[i]);
            }
            if (diags.full()) {
                break;
            }
        }
        if (!diags.full()) {
            sink.resolve();
        }
        if (diags.empty() && !request.dry_run) {
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
