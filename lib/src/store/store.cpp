// Store: opening a database (checks, pragmas) and its migrations up to the current schema.
#include "accord/store/store.hpp"

#include "accord/store/filter.hpp"

#include "accord/error.hpp"
#include "accord/model/record.hpp"
#include "accord/store/writer.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string>

#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace accord {

namespace {

const char* const k_schema_v1 =
#include "schema.sql.inc"
    ;
// Step 2: the full-text search table and the triggers that keep it in step.
const char* const k_schema_v2 =
#include "schema_v2.sql.inc"
    ;
// Step 3: the version-1 v_timeline dropped (step 4 holds its definition).
const char* const k_schema_v3 =
#include "schema_v3.sql.inc"
    ;
// Step 4: the file, line and column each record and progress event comes from.
const char* const k_schema_v4 =
#include "schema_v4.sql.inc"
    ;
// Step 5: v_timeline (re-)created (now defined in step 6): references at their own level (via_statement), date_first
// and date_last; the search index with the record ids.
const char* const k_schema_v5 =
#include "schema_v5.sql.inc"
    ;
// Step 6: program milestones; v_timeline re-created with the milestone event.
const char* const k_schema_v6 =
#include "schema_v6.sql.inc"
    ;
// Step 7: the text stored once: search_text dropped, the index over the kind tables; link
// tables without rowid; digests as blobs.
const char* const k_schema_v7 =
#include "schema_v7.sql.inc"
    ;

int pragma_int(SQLite::Database& db, const char* pragma) {
    SQLite::Statement q(db, std::string("PRAGMA ") + pragma);
    return q.executeStep() ? q.getColumn(0).getInt() : 0;
}

// Why a database at path cannot be written ("" when it can): a read-only file, folder or file
// system. Asked before opening, so that the message is clear and nothing is touched. (As root,
// permission bits do not stop a write; a read-only mount does, and is caught here too.)
std::string why_read_only(const std::string& path, bool exists) {
    std::string folder = path.find('/') == std::string::npos ? "." : path.substr(0, path.rfind('/') + 1);
    const std::string& target = exists ? path : folder;
    if (::access(target.c_str(), W_OK) == 0) {
        return {};
    }
    int err = errno;
    struct statvfs fs {};
    if (err == EROFS || (::statvfs(target.c_str(), &fs) == 0 && (fs.f_flag & ST_RDONLY))) {
        return "it is on a read-only file system";
    }
    if (err == EACCES || err == EPERM) {
        return exists ? "the file is read-only" : "its folder is read-only";
    }
    return {};
}

constexpr int k_busy_timeout_ms = 5000;

// SQLite's reason for a failure, said plainly where it can be: a full disk is often reported
// as a plain I/O error (the shared-memory file of WAL mode cannot grow), so the system's own
// error (ENOSPC) is asked for too.
std::string failure_reason(const SQLite::Exception& e, SQLite::Database* db) {
    int system = db && db->getHandle() ? sqlite3_system_errno(db->getHandle()) : 0;
    if (e.getErrorCode() == SQLITE_FULL || system == ENOSPC) {
        return "the disk is full";
    }
    return e.what();
}

void configure(SQLite::Database& db) {
    db.exec("PRAGMA foreign_keys = ON");
    db.setBusyTimeout(k_busy_timeout_ms);
}

} // namespace

namespace fs = std::filesystem;

namespace {

fs::path canonical_or_absolute(const fs::path& p) {
    std::error_code ec;
    fs::path c = fs::weakly_canonical(fs::absolute(p, ec), ec);
    return ec ? fs::absolute(p, ec).lexically_normal() : c;
}

} // namespace

FilePaths::FilePaths(const std::string& db_path) {
    std::error_code ec;
    m_cwd = canonical_or_absolute(fs::current_path(ec));
    if (db_path.empty() || db_path == ":memory:") {
        m_base = m_cwd;
    } else {
        m_base = canonical_or_absolute(fs::path(db_path)).parent_path();
    }
}

std::string FilePaths::key(const std::string& path) const {
    if (path == "-") {
        return path;
    }
    fs::path full = canonical_or_absolute(path);
    fs::path rel = full.lexically_relative(m_base);
    if (rel.empty()) {
        return full.generic_string();
    }
    std::string out = rel.generic_string();
    // A folder given with a trailing slash ("data/") comes out as "data/."; keep "data".
    while (out.size() > 2 && out.compare(out.size() - 2, 2, "/.") == 0) {
        out.resize(out.size() - 2);
    }
    return out;
}

std::string FilePaths::display(const std::string& key) const {
    if (key == "-") {
        return "<stdin>";
    }
    fs::path full = (m_base / key).lexically_normal();
    fs::path rel = full.lexically_relative(m_cwd);
    return rel.empty() ? full.generic_string() : rel.generic_string();
}

bool FilePaths::under(const std::string& key, const std::string& folder) {
    if (key == "-") {
        return false;
    }
    if (folder == ".") {
        return key != ".." && key.compare(0, 3, "../") != 0 && key.front() != '/';
    }
    return key.size() > folder.size() && key.compare(0, folder.size(), folder) == 0 && key[folder.size()] == '/';
}

bool FilePaths::exists(const std::string& key) const {
    std::error_code ec;
    return key != "-" && fs::exists(m_base / key, ec);
}

std::string column_of(std::string_view field) {
    if (field == "group") {
        return "group_name";
    }
    if (field == "start" || field == "end") {
        return std::string(field) + "_date";
    }
    if (field == "statement" || field == "dialogue" || field == "commitment" || field == "party") {
        return std::string(field) + "_id";
    }
    return std::string(field);
}

namespace {

// Set once, before the first connection (afterwards sqlite3_config refuses, harmlessly): no
// memory statistics. By default SQLite counts every allocation under a global mutex for
// sqlite3_memory_used(), which accord never asks for.
void configure_library() {
    static const bool done = [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return true;
    }();
    (void)done;
}

} // namespace

Store::Store(std::unique_ptr<SQLite::Database> db, std::string path) : m_db(std::move(db)), m_path(std::move(path)) {}

Store::Store(const std::string& path, Access access) : m_path(path) {
    configure_library();
    struct stat st {};
    bool exists = ::stat(path.c_str(), &st) == 0;
    if (access == Access::read_only && !exists) {
        throw IoError(fmt::format("no database at {} (create one with 'accord init' or 'accord import')", path));
    }
    if (exists && S_ISDIR(st.st_mode)) {
        throw IoError(fmt::format("{} is a folder, not a database file", path));
    }
    if (std::string why = access == Access::read_write ? why_read_only(path, exists) : std::string(); !why.empty()) {
        throw IoError(fmt::format("cannot write to database {}: {}; nothing was written", path, why));
    }
    try {
        // One connection per thread: SQLite's own mutexes are not needed.
        int flags = SQLite::OPEN_NOMUTEX |
                    (access == Access::read_only ? SQLite::OPEN_READONLY : (SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE));
        auto open = [&] {
            m_db = std::make_unique<SQLite::Database>(path, flags);
            configure(*m_db);
            check_is_ours();
        };
        try {
            open();
        } catch (const SQLite::Exception& e) {
            if (e.getExtendedErrorCode() != SQLITE_READONLY_ROLLBACK || !why_read_only(path, true).empty()) {
                throw;
            }
            // A hot rollback journal, left by an import killed while it wrote into an empty
            // database (importer.cpp): a read-only connection cannot roll it back, so a
            // read-write one does first, as any writer would, and puts the file back in WAL mode.
            m_db.reset();
            Store(path, Access::read_write);
            open();
        }
        if (access == Access::read_write) {
            restore_wal();
        }
    } catch (const SQLite::Exception& e) {
        std::string why = failure_reason(e, m_db.get());
        if (e.getErrorCode() == SQLITE_NOTADB) {
            why = "the file is not a SQLite database";
        } else if (e.getErrorCode() == SQLITE_CANTOPEN && !why_read_only(path, exists).empty()) {
            why = "cannot open the file: " + why_read_only(path, exists) +
                  " (reading a database needs its folder writable for SQLite's -wal and -shm files)";
        } else if (e.getErrorCode() == SQLITE_CANTOPEN) {
            why = "cannot open the file (check that it and its folder exist and are writable)";
        } else if (e.getErrorCode() == SQLITE_CORRUPT) {
            why = "the database file is corrupt";
        } else if (e.getErrorCode() == SQLITE_READONLY && access == Access::read_only &&
                   !why_read_only(path, false).empty()) {
            // A database in WAL mode is read with its -shm file, which SQLite creates beside it.
            why = "cannot read it: " + why_read_only(path, false) +
                  " (reading a database in WAL mode needs its folder writable for SQLite's -wal and -shm files)";
        }
        throw IoError(fmt::format("cannot use database {}: {}", path, why));
    }
}

Store Store::memory() {
    configure_library();
    auto db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    configure(*db);
    Store s(std::move(db), ":memory:");
    s.migrate();
    return s;
}

void Store::check_is_ours() {
    // Reading the header also tells a random file from a database.
    int app = pragma_int(*m_db, "application_id");
    int version = pragma_int(*m_db, "user_version");
    int tables = 0;
    {
        SQLite::Statement q(*m_db, "SELECT count(*) FROM sqlite_master");
        q.executeStep();
        tables = q.getColumn(0).getInt();
    }
    if (app != k_application_id && (tables > 0 || version != 0)) {
        throw IoError(fmt::format("{} is not an accord database (another application's SQLite file); left untouched",
                                  m_path));
    }
    if (version == 0 && tables > 0) {
        throw IoError(fmt::format("{} is not an accord database of a known version (its schema version is 0, yet "
                                  "it holds tables); left untouched",
                                  m_path));
    }
    if (version > k_schema_version) {
        throw IoError(fmt::format("{} has schema version {}, newer than this accord understands ({}); "
                                  "upgrade accord. The file was left untouched",
                                  m_path, version, k_schema_version));
    }
    if (m_db->getHandle() && sqlite3_db_readonly(m_db->getHandle(), "main") == 1 && version < k_schema_version) {
        if (version == 0) {
            throw IoError(fmt::format("{} is an empty database; run 'accord init' first", m_path));
        }
        throw IoError(fmt::format("{} has schema version {}; run 'accord init' to migrate it to {}", m_path, version,
                                  k_schema_version));
    }
}

int Store::schema_version() { return pragma_int(*m_db, "user_version"); }

void Store::restore_wal() {
    if (schema_version() == 0) {
        return; // not initialised: migrate() sets WAL mode
    }
    SQLite::Statement mode(*m_db, "PRAGMA main.journal_mode");
    if (!mode.executeStep() || mode.getColumn(0).getString() == "wal") {
        return;
    }
    mode.reset();
    m_db->setBusyTimeout(0); // never wait for it: another connection reading would hold it up
    try {
        m_db->exec("PRAGMA main.journal_mode = WAL");
    } catch (const SQLite::Exception&) {
        // Busy: another connection has the file open. A later write puts it back.
    }
    m_db->setBusyTimeout(k_busy_timeout_ms);
}

namespace {

// The one list of searched fields (store.hpp, SearchSource); schema_v7.sql.inc's view
// search_doc_record reads the same columns (tests/unit/test_store_search_sources.cpp).
const std::vector<SearchSource> k_search_sources = {
    {Kind::party, "name", nullptr},       {Kind::forum, "name", nullptr},
    {Kind::theme, "label", "description"}, {Kind::dialogue, "title", nullptr},
    {Kind::statement, "title", nullptr},  {Kind::commitment, nullptr, "text"},
    {Kind::program, "title", "description"}, {Kind::progress, nullptr, "note"},
};

// The values of a document from the row `row` (new or old) of its kind table.
std::string doc_values(const SearchSource& s, const char* row) {
    auto column = [&](const char* field) { return field ? fmt::format("{}.{}", row, field) : std::string("NULL"); };
    return fmt::format("{}, {}, {}.notes, {}.{}", column(s.title), column(s.body), row, row,
                       s.kind == Kind::progress ? "commitment_id" : "id");
}

// The triggers of one kind table: an insert indexes the new row, an update that changes a
// searched column indexes it again, a delete removes it. The index's 'delete' is given the
// values indexed (old.*), as an external-content FTS5 index needs. The writer never replaces a
// row (INSERT OR REPLACE deletes without firing a delete trigger), and neither should a hand edit.
std::string search_triggers_of(const SearchSource& s) {
    std::string kind(to_string(s.kind));
    const std::string table(kind_spec(s.kind).table);
    const bool progress = s.kind == Kind::progress;
    // The document's rowid, from the row `row`.
    auto rowid_from = [&](const char* row) {
        return progress ? fmt::format("{}.seq", row)
                        : fmt::format("(SELECT rowid FROM record WHERE id = {}.id)", row);
    };
    auto insert = [&](const char* row) {
        return fmt::format("INSERT INTO search_index (rowid, title, body, notes, id) SELECT {0}, {1} WHERE {0} IS NOT "
                           "NULL;",
                           rowid_from(row), doc_values(s, row));
    };
    auto remove = [&](const char* row) {
        return fmt::format("INSERT INTO search_index (search_index, rowid, title, body, notes, id) SELECT 'delete', "
                           "{0}, {1} WHERE {0} IS NOT NULL;",
                           rowid_from(row), doc_values(s, row));
    };
    std::string changed = fmt::format("old.{0} IS NOT new.{0} OR old.notes IS NOT new.notes", progress ? "seq" : "id");
    for (const char* field : {s.title, s.body}) {
        if (field) {
            changed += fmt::format(" OR old.{0} IS NOT new.{0}", field);
        }
    }
    if (progress) {
        changed += " OR old.commitment_id IS NOT new.commitment_id";
    }
    std::string sql;
    sql += fmt::format("CREATE TRIGGER {}_search_insert AFTER INSERT ON {} BEGIN\n  {}\nEND;\n", kind, table,
                       insert("new"));
    sql += fmt::format("CREATE TRIGGER {}_search_update AFTER UPDATE ON {} WHEN {} BEGIN\n  {}\n  {}\nEND;\n", kind,
                       table, changed, remove("old"), insert("new"));
    sql += fmt::format("CREATE TRIGGER {}_search_delete AFTER DELETE ON {} BEGIN\n  {}\nEND;\n", kind, table,
                       remove("old"));
    return sql;
}

// The names of the triggers of version 2 to 6, which wrote search_text.
std::string drop_old_search_triggers_sql() {
    std::string sql;
    for (const auto& s : k_search_sources) {
        for (const char* event : {"insert", "update", "delete"}) {
            sql += fmt::format("DROP TRIGGER IF EXISTS {}_search_{};\n", to_string(s.kind), event);
        }
    }
    return sql;
}

// accord_digest_blob(hex): a digest stored as text by versions 1 to 6, as Writer stores it now.
void digest_blob_function(sqlite3_context* ctx, int, sqlite3_value** argv) {
    const unsigned char* text = sqlite3_value_text(argv[0]);
    std::string blob = text ? digest_key(reinterpret_cast<const char*>(text)) : std::string();
    sqlite3_result_blob(ctx, blob.data(), static_cast<int>(blob.size()), SQLITE_TRANSIENT);
}

void replace_mark(std::string& sql, const std::string& mark, const std::string& with) {
    sql.replace(sql.find(mark), mark.size(), with);
}

} // namespace

std::string Store::search_fill_sql() {
    return "INSERT INTO main.search_index (rowid, title, body, notes, id) SELECT * FROM main.search_doc_progress "
           "ORDER BY seq;\n"
           "INSERT INTO main.search_index (rowid, title, body, notes, id) SELECT * FROM main.search_doc_record "
           "ORDER BY seq;\n";
}

const std::vector<SearchSource>& Store::search_sources() {
    return k_search_sources;
}

const SearchSource& Store::search_source(Kind kind) {
    for (const auto& s : k_search_sources) {
        if (s.kind == kind) {
            return s;
        }
    }
    throw std::logic_error("no search source for a kind");
}

std::vector<std::string> Store::search_triggers() {
    std::vector<std::string> names;
    for (const auto& s : k_search_sources) {
        for (const char* event : {"insert", "update", "delete"}) {
            names.push_back(fmt::format("{}_search_{}", to_string(s.kind), event));
        }
    }
    return names;
}

void Store::check_foreign_keys() {
    SQLite::Statement q(*m_db, "PRAGMA main.foreign_key_check");
    if (q.executeStep()) {
        // Columns: the table, the row's rowid, the parent table, the constraint's number.
        throw SQLite::Exception(fmt::format("FOREIGN KEY constraint failed: row {} of {} names a missing row of {}",
                                            q.getColumn(1).getString(), q.getColumn(0).getString(),
                                            q.getColumn(2).getString()),
                                SQLITE_CONSTRAINT_FOREIGNKEY);
    }
}

int Store::migrate() {
    int from = schema_version();
    if (from >= k_schema_version) {
        return from;
    }
    try {
        if (m_path != ":memory:") {
            m_db->exec("PRAGMA journal_mode = WAL");
        }
        SQLite::Transaction t(*m_db);
        if (from < 1) {
            std::string v1 = k_schema_v1;
            const std::string mark = "-- @status_views\n";
            v1.replace(v1.find(mark), mark.size(), status_views_sql());
            m_db->exec(v1);
        }
        if (from < 2) {
            std::string v2 = k_schema_v2;
            replace_mark(v2, "-- @search_fill\n", ""); // nothing to index: step 7 does
            m_db->exec(v2);
        }
        if (from < 3) {
            m_db->exec(k_schema_v3);
        }
        if (from < 4) {
            m_db->exec(k_schema_v4);
        }
        if (from < 5) {
            m_db->exec(k_schema_v5);
        }
        if (from < 6) {
            m_db->exec(k_schema_v6);
        }
        if (from < 7) {
            std::string v7 = k_schema_v7;
            replace_mark(v7, "-- @drop_search_triggers\n", drop_old_search_triggers_sql());
            std::string triggers;
            for (const auto& s : k_search_sources) {
                triggers += search_triggers_of(s);
            }
            replace_mark(v7, "-- @search_triggers\n", triggers);
            replace_mark(v7, "-- @search_fill\n", search_fill_sql());
            sqlite3_create_function_v2(m_db->getHandle(), "accord_digest_blob", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                       nullptr, digest_blob_function, nullptr, nullptr, nullptr);
            m_db->exec(v7);
        }
        // Later versions append steps here: ALTER TABLE ... never DROP of user data.
        m_db->exec(fmt::format("PRAGMA application_id = {}", k_application_id));
        m_db->exec(fmt::format("PRAGMA user_version = {}", k_schema_version));
        t.commit();
    } catch (const SQLite::Exception& e) {
        throw IoError(fmt::format("cannot create the schema in {}: {}", m_path, failure_reason(e, m_db.get())));
    }
    return from;
}

} // namespace accord
