#pragma once
// The SQLite database: opening it safely, creating and migrating its schema.
#include "accord/model/vocab.hpp"

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace accord {

// PRAGMA application_id of an accord database ("ACRD").
inline constexpr int k_application_id = 0x41435244;
// PRAGMA user_version this build creates and understands (2: full-text search; 3: v_timeline for
// export; 4: the file and line of each record; 5: v_timeline with via_statement, date_first and
// date_last, and ids in the search index).
inline constexpr int k_schema_version = 7;

// What the search index holds of a kind's rows besides their notes and id: the field searched as
// the title and the one searched as the body (null: none). One list (store.cpp), read by the
// triggers, by search's field names (search/search.cpp), and checked against the view
// search_doc_record (schema_v7.sql.inc) by tests/unit/test_store_search_sources.cpp.
struct SearchSource {
    Kind kind;
    const char* title;
    const char* body;
};

class Store {
public:
    enum class Access { read_only, read_write };

    // Opens the database at path. read_only: the file must exist and be an accord
    // database of a known version. read_write: created when missing; an older schema
    // is migrated. A file that is not an accord database, or is newer than this build,
    // is refused (IoError) and left untouched.
    Store(const std::string& path, Access access);
    // A fresh database in memory (for check and tests).
    static Store memory();

    SQLite::Database& db() { return *m_db; }
    const std::string& path() const { return m_path; }
    int schema_version();
    // Puts an accord database back in WAL mode (docs/commands.md, "accord init") if it was left in rollback
    // mode: by an import killed while it wrote into an empty database (importer.cpp), or by
    // a hand edit. Best effort: a file another connection has open stays as it is.
    void restore_wal();
    // Checks every foreign key of the main database (PRAGMA foreign_key_check): for a writer
    // that turned their enforcement off (an import into an empty database, importer.cpp).
    // Throws SQLite::Exception (SQLITE_CONSTRAINT_FOREIGNKEY) naming the first row found
    // that names a missing row.
    void check_foreign_keys();
    // Brings the schema to k_schema_version; returns the version it was at.
    int migrate();
    // SQL that indexes every document (schema_v7.sql.inc's views search_doc_progress, then
    // search_doc_record, each in rowid order) into an empty search_index.
    static std::string search_fill_sql();
    // The triggers that keep search_index in step with the kind tables (schema_v7.sql.inc), by
    // name: KIND_search_insert, KIND_search_update and KIND_search_delete for each kind.
    static std::vector<std::string> search_triggers();
    // Every kind's SearchSource, in the order of the Kind enum's searched kinds.
    static const std::vector<SearchSource>& search_sources();
    // The SearchSource of a kind.
    static const SearchSource& search_source(Kind kind);

private:
    Store(std::unique_ptr<SQLite::Database> db, std::string path);
    void check_is_ours();

    std::unique_ptr<SQLite::Database> m_db;
    std::string m_path;
};

// The names under which the database keeps the files its records come from (table `file`):
// a path relative to the database file's folder, after resolving ".", ".." and symbolic links,
// so that `data`, `./data/` and a link to it name the same files, and a checkout moved with its
// database keeps them; "-" for standard input (docs/format.md, "What a file owns").
class FilePaths {
public:
    // The database's folder; for a database in memory, the current folder.
    explicit FilePaths(const std::string& db_path);
    // The stored name of a file or folder given on the command line ("." for the database's
    // own folder; "-" stays "-").
    std::string key(const std::string& path) const;
    // A stored name as the user can open it: relative to the current folder; "<stdin>" for "-".
    std::string display(const std::string& key) const;
    // True when the stored name is that of a file or folder under the folder stored as folder
    // ("." holds everything under the database's folder; "-" is under no folder).
    static bool under(const std::string& key, const std::string& folder);
    // True when the file a stored name names exists.
    bool exists(const std::string& key) const;

private:
    std::filesystem::path m_base; // canonical
    std::filesystem::path m_cwd;  // canonical
};

// The SQL column that holds a field (e.g. "statement" -> "statement_id").
std::string column_of(std::string_view field);

} // namespace accord
