// import_files: one import, from the files' paths to the commit (docs/ARCHITECTURE.md).
#include "accord/import/importer.hpp"

#include "files.hpp"
#include "pipeline.hpp"
#include "sink.hpp"

#include "accord/error.hpp"
#include "accord/import/inputs.hpp"
#include "accord/store/bulk_write.hpp"
#include "accord/store/writer.hpp"

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <sqlite3.h>

namespace accord {

KindCounts ImportSummary::total() const {
    KindCounts t;
    for (const auto& c : counts) {
        t.inserted += c.inserted;
        t.updated += c.updated;
        t.deleted += c.deleted;
        t.moved += c.moved;
        t.unchanged += c.unchanged;
    }
    return t;
}

bool ImportSummary::changed() const {
    KindCounts t = total();
    return t.inserted + t.updated + t.deleted + t.moved > 0;
}

std::string_view to_string(Change::Class what) {
    switch (what) {
    case Change::Class::inserted:
        return "inserted";
    case Change::Class::updated:
        return "updated";
    case Change::Class::deleted:
        return "deleted";
    case Change::Class::moved:
        return "moved";
    }
    return "";
}

ImportSummary import_files(Store& store, const ImportRequest& request, Diagnostics& diags) {
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
        for (const auto& s : request.streams) {
            origins.push_back({s.name, origins.size(), false, 0, s.in});
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
        db.exec("CREATE TEMP TABLE IF NOT EXISTS import_ref (subject TEXT, record TEXT, field TEXT, target TEXT, kinds INTEGER, "
                "may_be_text INTEGER, file TEXT, file_index INTEGER, line INTEGER, col INTEGER)");
        // What the import deletes (ImportSink::find_gone).
        db.exec("CREATE TEMP TABLE IF NOT EXISTS import_gone (id TEXT PRIMARY KEY, kind TEXT, file_id INTEGER, "
                "line INTEGER) WITHOUT ROWID");
        db.exec("CREATE TEMP TABLE IF NOT EXISTS import_gone_progress (seq INTEGER PRIMARY KEY, commitment_id TEXT, "
                "date TEXT, party_id TEXT, file_id INTEGER, line INTEGER)");
        db.exec("DELETE FROM temp.import_seen; DELETE FROM temp.import_ref; DELETE FROM temp.import_gone; "
                "DELETE FROM temp.import_gone_progress;");
        // 16 MiB of page cache for the import's writes: 32 and 128 MiB were no faster at 100,000
        // commitments (the pages are written once either way) and 17 and 129 MB larger at the peak.
        db.exec("PRAGMA cache_size = -16384");
        bool empty = search_text_empty(db); // again, in the transaction: another import may have come first
        FilePaths paths(store.path());
        ImportFiles files(db, paths, request.paths, origins, !empty);
        SearchIndexBatch search(db, empty);
        Writer writer(store);
        SearchTextBatch search_text(db, writer, empty, request.dry_run);
        // A dry run into a database without records (check, or import --dry-run of a first
        // import) writes nothing: what it would write is read by nothing before the rollback.
        bool writes = !(request.dry_run && empty);
        // Into a database that held no records, every row is new: no lookups, and the indexes
        // built once at the end (docs/performance.md, "The writer of a first import").
        const bool all_new = empty && writes;
        DeferredIndexes indexes(db, all_new);
        if (all_new) {
            writer.all_new();
        }
        ImportSink sink(store, writer, files, origins, summary, diags, request.list_changes, writes);
        write_messages(origins, sink, diags, summary, request, writes);
        if (diags.empty()) {
            indexes.restore(); // with an error nothing is written: the rollback brings them back
        }
        // What the files no longer hold: nothing in a database that held no record, nothing with
        // --keep, and not looked for once the input has an error (nothing will be written).
        bool deletes = !empty && !request.keep && diags.empty();
        if (deletes) {
            sink.find_gone();
            sink.check_gone();
        } else if (!empty && diags.empty()) {
            summary.kept = sink.count_gone(); // --keep: what a deletion would have deleted
        }
        if (!diags.full()) {
            sink.resolve();
        }
        if (deletes && diags.empty()) {
            sink.delete_gone();
        }
        if (diags.empty()) {
            sink.forget_vanished();
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
