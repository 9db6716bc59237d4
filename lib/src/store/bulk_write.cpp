// How an import writes fast: triggers suspended, the search index in one statement, a
// rollback journal and foreign keys at the end for a first import.
#include "accord/store/bulk_write.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace accord {

namespace {

// A name as an SQL identifier, in double quotes (a quote inside doubled): the names come from
// sqlite_master of the file being written to, which is never trusted to hold only ours.
std::string quoted_identifier(const std::string& name) {
    std::string out = "\"";
    for (char c : name) {
        out += c;
        if (c == '"') {
            out += c;
        }
    }
    return out + '"';
}

} // namespace

SuspendedSchema::SuspendedSchema(SQLite::Database& db, const char* type, const std::vector<std::string>& names)
    : m_db(&db) {
    if (names.empty()) {
        return;
    }
    SQLite::Statement q(db, "SELECT sql FROM main.sqlite_master WHERE type = ? AND name = ? AND sql IS NOT NULL");
    std::vector<std::string> found;
    for (const auto& name : names) {
        q.reset();
        q.bind(1, type);
        q.bind(2, name);
        if (q.executeStep()) {
            found.push_back(name);
            m_sql.push_back(q.getColumn(0).getString());
        }
    }
    q.reset();
    const std::string drop = std::string("DROP ") + type + " main."; // "index" or "trigger": code's own
    for (const auto& name : found) {
        db.exec(drop + quoted_identifier(name));
    }
}

void SuspendedSchema::restore() {
    for (const auto& sql : m_sql) {
        m_db->exec(sql);
    }
    m_sql.clear();
}

namespace {

// The indexes written in the schema (an index SQLite makes for a key has no text).
std::vector<std::string> schema_indexes(SQLite::Database& db) {
    std::vector<std::string> names;
    SQLite::Statement q(db, "SELECT name FROM main.sqlite_master WHERE type = 'index' AND sql IS NOT NULL");
    while (q.executeStep()) {
        names.push_back(q.getColumn(0).getString());
    }
    return names;
}

} // namespace

DeferredIndexes::DeferredIndexes(SQLite::Database& db, bool use)
    : m_db(db), m_indexes(db, "index", use ? schema_indexes(db) : std::vector<std::string>()) {}

void DeferredIndexes::restore() {
    if (m_indexes.empty()) {
        return;
    }
    SQLite::Statement size(m_db, "PRAGMA main.cache_size");
    const std::string was = size.executeStep() ? size.getColumn(0).getString() : "-2000";
    size.reset();
    m_db.exec("PRAGMA main.cache_size = -4096");
    m_indexes.restore();
    m_db.exec("PRAGMA main.cache_size = " + std::to_string(std::stoll(was)));
}

SearchIndexBatch::SearchIndexBatch(SQLite::Database& db, bool empty) : m_db(db), m_empty(empty) {}

void SearchIndexBatch::finish() {
    if (m_empty) {
        m_db.exec(Store::search_fill_sql());
    }
}

SearchTextBatch::SearchTextBatch(SQLite::Database& db, Writer&, bool empty, bool dry_run)
    : m_triggers(db, "trigger", empty || dry_run ? Store::search_triggers() : std::vector<std::string>()) {}

AtExit::~AtExit() {
    if (!m_armed) {
        return;
    }
    try {
        m_db.exec(m_sql);
    } catch (const SQLite::Exception&) {
        // Swallowed: see above.
    }
}

FirstImportJournal::FirstImportJournal(SQLite::Database& db, bool use) : m_back(db, "PRAGMA main.journal_mode = WAL") {
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

ForeignKeysAtEnd::ForeignKeysAtEnd(SQLite::Database& db, bool use) : m_back(db, "PRAGMA foreign_keys = ON") {
    if (use) {
        db.exec("PRAGMA foreign_keys = OFF");
        m_back.arm(true);
    }
}

void ForeignKeysAtEnd::check(Store& store) {
    if (m_back.armed()) {
        store.check_foreign_keys();
    }
}

bool search_text_empty(SQLite::Database& db) {
    SQLite::Statement any(db, "SELECT EXISTS (SELECT 1 FROM main.record)");
    return any.executeStep() && any.getColumn(0).getInt() == 0;
}

} // namespace accord
