// How an import writes fast: triggers suspended, the search index in one statement, a
// rollback journal and foreign keys at the end for a first import.
#include "accord/store/bulk_write.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace accord {

SuspendedTriggers::SuspendedTriggers(SQLite::Database& db, const std::vector<std::string>& names) : m_db(&db) {
    if (names.empty()) {
        return;
    }
    // The names are the store's own constants, never values; listed in sqlite_master's order.
    std::string list;
    for (const auto& name : names) {
        list += fmt::format("{}'{}'", list.empty() ? "" : ", ", name);
    }
    SQLite::Statement q(db, fmt::format("SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND name "
                                        "IN ({})",
                                        list));
    std::vector<std::string> found;
    while (q.executeStep()) {
        found.push_back(q.getColumn(0).getString());
        m_sql.push_back(q.getColumn(1).getString());
    }
    q.reset();
    for (const auto& name : found) {
        db.exec("DROP TRIGGER main.\"" + name + "\"");
    }
}

void SuspendedTriggers::restore() {
    for (const auto& sql : m_sql) {
        m_db->exec(sql);
    }
    m_sql.clear();
}

SearchIndexBatch::SearchIndexBatch(SQLite::Database& db, bool empty) : m_db(db), m_empty(empty) {}

void SearchIndexBatch::finish() {
    if (m_empty) {
        m_db.exec(Store::search_fill_sql());
    }
}

SearchTextBatch::SearchTextBatch(SQLite::Database& db, Writer&, bool empty, bool dry_run)
    : m_triggers(db, empty || dry_run ? Store::search_triggers() : std::vector<std::string>()) {}

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
