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

// Triggers or indexes of the main database dropped inside the import's transaction and created
// again from their own stored text by restore(), before the commit; a rollback (an error, a dry
// run) brings them back with everything else.
class SuspendedSchema {
public:
    // Drops the objects of this type ("trigger" or "index") and of these names that the
    // database has (a database without full-text search has none of the store's search
    // triggers).
    SuspendedSchema(SQLite::Database& db, const char* type, const std::vector<std::string>& names);

    bool empty() const { return m_sql.empty(); }
    void restore();

private:
    SQLite::Database* m_db;
    std::vector<std::string> m_sql;
};

// The secondary indexes of the main database (every index written in the schema: those on
// party, theme and reference links, progress keys, statements, files) dropped for an import
// into a database that holds no records, and built again by restore() from the whole tables,
// before the import's last checks and its commit. Kept up to date row by row, each index
// took a B-tree insert at a place of no order for every row written (a party id, a statement
// id); built at the end, SQLite sorts each once. Measured: docs/performance.md, "The writer of
// a first import". The import's lookups do not need them meanwhile: into a database that
// held no record, the Writer looks nothing up (Writer::all_new), and the import's own
// duplicate and reference checks use its temporary tables.
class DeferredIndexes {
public:
    DeferredIndexes(SQLite::Database& db, bool use);
    // Before anything reads the tables by those indexes (the reference checks, the foreign
    // key check, the search index's fill). The builds sort with a page cache of 4 MiB, put
    // back as it was afterwards: with the import's 16 MiB the peak was 12 MB higher at
    // 100,000 commitments, and the import no faster.
    void restore();

private:
    SQLite::Database& m_db;
    SuspendedSchema m_indexes;
};

// Indexes the documents of an import into a database that held no records in one pass at
// the end (Store::search_fill_sql: the progress events, then the records, each in rowid
// order, so that FTS5 appends to one segment instead of flushing its pending terms at each
// write statement's savepoint, as it would row by row). Into a database that holds records
// the kind tables' triggers index each row as it is written (an import then usually touches
// few rows, and may replace them). Inside the import's transaction: a rollback (an error, a
// dry run) undoes it.
class SearchIndexBatch {
public:
    SearchIndexBatch(SQLite::Database& db, bool empty);
    // After SearchTextBatch::finish, before the commit.
    void finish();

private:
    SQLite::Database& m_db;
    bool m_empty;
};

// The kind tables' search triggers (Store::search_triggers) dropped for an import into a
// database that holds no records, which SearchIndexBatch indexes at the end, and for a dry
// run (and so `accord check`), which indexes nothing: within the import's transaction, so a
// failed or dry-run import gets them back with the rollback.
class SearchTextBatch {
public:
    SearchTextBatch(SQLite::Database& db, Writer& writer, bool empty, bool dry_run);

    // Puts the triggers back (before SearchIndexBatch::finish).
    void finish() { m_triggers.restore(); }

private:
    SuspendedSchema m_triggers;
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

// True when the database holds no record (and so no progress event either).
bool search_text_empty(SQLite::Database& db);

} // namespace accord
