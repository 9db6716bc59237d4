#pragma once
// The writing side of an import: what each record read means for the input and the database
// (duplicates, ids of another kind or file, references), the writes, and what the files no
// longer hold.
#include "files.hpp"

#include "accord/import/importer.hpp"
#include "accord/store/writer.hpp"
#include "accord/validate/records.hpp"

#include <SQLiteCpp/Statement.h>

#include <cstddef>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace accord {

// The writing side's checks and writes: what each record read, accepted or referred to
// means for the input and the database (write_messages calls it in the input's order); then
// what the files no longer hold (find_gone, check_gone, delete_gone).
class ImportSink {
public:
    // writes false: a dry run into a database that holds no records, where every record
    // valid is new and nothing written would be read (the reference checks find the ids of the
    // input in temp.import_seen): records are counted as inserted, without a lookup or a write.
    ImportSink(Store& store, Writer& writer, ImportFiles& files, const std::vector<Origin>& origins,
               ImportSummary& summary, Diagnostics& diags, bool list_changes, bool writes)
        : m_db(store.db()), m_writer(writer), m_files(files), m_origins(origins), m_summary(summary), m_diags(diags),
          m_list(list_changes), m_writes(writes),
          m_find_seen(m_db, "SELECT kind, file_index, line, col FROM temp.import_seen WHERE id = ?"),
          m_insert_seen(m_db, "INSERT OR IGNORE INTO temp.import_seen (id, kind, file_index, line, col) "
                              "VALUES (?, ?, ?, ?, ?)"),
          m_insert_ref(m_db, "INSERT INTO temp.import_ref (subject, record, field, target, kinds, may_be_text, file, "
                             "file_index, line, col) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") {}

    // A record with this id was read.
    void declare(Kind kind, const std::string& id, const Origin& origin, const yaml::Mark& mark);

    // A record that passed the checks of the reading thread, with its digest.
    void accept(const Record& record, const std::string& digest, const Origin& origin, const yaml::Mark& mark);

    // A reference: checked at once when it names a record read before, else noted for resolve().
    void refer(const PendingRef& ref);

    // Notes in temp.import_gone and temp.import_gone_progress what the import deletes.
    void find_gone();

    // With --keep: how many records and events an import without it would delete.
    std::size_t count_gone();

    // Refuses the deletions that would leave a reference of a record or event this import does
    // not read dangling (those it reads are checked by resolve()).
    void check_gone();

    // Checks every reference against the input and the database (without what this import deletes).
    void resolve();

    // Counts what find_gone() found (and lists it), then deletes it, with the rows that hang on
    // it (links, search text).
    void delete_gone();

    // Forgets the vanished files that nothing in the database comes from any more (their records
    // were deleted, or moved to the files read).
    void forget_vanished();

private:
    // True when a row defined at `was` comes from another file than origin's, one that this
    // import neither reads nor finds vanished: the row's home is elsewhere.
    bool elsewhere(const Place& was, const Origin& origin) const;

    std::string already_defined(const std::string& subject, const Place& was);

    // Why a reference to a record this import deletes would dangle.
    std::string gone_reason(const std::string& target, const Place& was);

    // A reference from a record or event this import does not read to one it deletes: q's
    // columns from i are field, target, the referrer's file, line and column, and the deleted
    // record's file and line.
    void dangling_from_stored(const std::string& subject, const std::string& record, SQLite::Statement& q, int i);

    // " (did you mean 'X'?)" for a target that names no record, X being the closest id of a
    // record of the right kinds in the input or the database (not one this import deletes).
    std::string target_hint(const std::string& target, KindSet kinds);

    void note(Change::Class what, const Record& record, const Origin& origin, const yaml::Mark& mark,
              const Place* from);

    // Notes key as seen here; false (and an error about record, naming the first place) when it
    // was seen before. One statement in the common case: the lookup runs only for a duplicate.
    template <class What>
    bool first_seen(const std::string& key, const std::string& record, Kind kind, const Origin& origin, const yaml::Mark& mark, What what);

    // Ids read in this import and their kinds, for resolving references at once; bounded,
    // so that memory does not grow with the input (the rest are resolved at the end in SQL).
    static constexpr std::size_t k_known_cap = 100000;
    std::unordered_map<std::string, Kind> m_known;
    SQLite::Database& m_db;
    Writer& m_writer;
    ImportFiles& m_files;
    const std::vector<Origin>& m_origins;
    ImportSummary& m_summary;
    Diagnostics& m_diags;
    bool m_list;
    bool m_writes;
    bool m_gone = false; // find_gone() found something
    // For "did you mean": the ids of the input and the database, loaded at the first dangling
    // reference; a hint for the first few only (each looks at every id).
    std::vector<std::pair<std::string, Kind>> m_ids;
    bool m_ids_loaded = false;
    int m_hints_left = 20;
    SQLite::Statement m_find_seen;
    SQLite::Statement m_insert_seen;
    SQLite::Statement m_insert_ref;
};

} // namespace accord
