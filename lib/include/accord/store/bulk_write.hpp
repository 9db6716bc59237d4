#pragma once
// How an import writes fast and stays all-or-nothing: triggers suspended inside its transaction,
// the search index filled in one statement, a rollback journal and foreign keys checked at the
// end for a first import. Each piece is undone by the transaction's rollback or by its destructor.
#include "accord/store/store.hpp"
#include "accord/store/writer.hpp"

#include <SQLiteCpp/Database.h>

#include <string>
#include <vector>

namespace accord {

// Triggers of the main database dropped inside the import's transaction and created again
// from their own stored text by restore(), before the commit; a rollback (an error, a dry
// run) brings them back with everything else.
class SuspendedTriggers {
public:
    // Drops the triggers of these names that the database has (a database without full-text
    // search has none of the store's search triggers).
    SuspendedTriggers(SQLite::Database& db, const std::vector<std::string>& names);

    bool empty() const { return m_sql.empty(); }
    void restore();

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
    SearchIndexBatch(SQLite::Database& db, bool empty);

    // Indexes the rows written since the start and restores the trigger. In one statement,
    // also into an empty search_text: indexing in chunks while the writer waits (as the fill
    // of search_text does) left the index's segments depending on the timing of the two
    // threads, so that two imports of the same data gave different database files.
    void finish();

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
    SearchTextBatch(SQLite::Database& db, Writer& writer, bool empty, bool dry_run);

    // Puts the triggers back (before SearchIndexBatch::finish, which indexes the new rows).
    void finish() { m_triggers.restore(); }

private:
    SuspendedTriggers m_triggers;
};

// A statement run when this goes out of scope, once armed: a setting put back after the
// import's transaction, committed or not. An error there is swallowed (a destructor must not
// throw); each user says what happens then.
class AtExit {
public:
    AtExit(SQLite::Database& db, const char* sql) : m_db(db), m_sql(sql) {}
    AtExit(const AtExit&) = delete;
    AtExit& operator=(const AtExit&) = delete;
    ~AtExit();
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
    FirstImportJournal(SQLite::Database& db, bool use);

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
    ForeignKeysAtEnd(SQLite::Database& db, bool use);
    // Before the commit.
    void check(Store& store);

private:
    AtExit m_back; // fails only inside a transaction, and runs after the import's
};

// True when the database's search_text holds no row (so neither does any kind table); false
// also for a database without full-text search.
bool search_text_empty(SQLite::Database& db);

} // namespace accord
