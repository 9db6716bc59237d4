#pragma once
// Upserts records by id inside the caller's transaction, with prepared statements
// reused for every row. Records whose content is unchanged are not written.
#include "accord/model/record.hpp"
#include "accord/store/store.hpp"

#include <SQLiteCpp/Statement.h>

#include <map>
#include <memory>
#include <optional>

namespace accord {

enum class Upsert { inserted, updated, unchanged };

// Where a record or progress event is defined: a row of table `file` (0: none, as for the rows
// of a database from before files were kept) and the line and column where it starts.
struct Place {
    std::int64_t file = 0;
    int line = 0;
    int column = 0;
    friend bool operator==(const Place& a, const Place& b) {
        return a.file == b.file && a.line == b.line && a.column == b.column;
    }
    friend bool operator!=(const Place& a, const Place& b) { return !(a == b); }
};

class Writer {
public:
    explicit Writer(Store& store);
    ~Writer();
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    // What the record table holds under an id.
    struct Stored {
        std::optional<Kind> kind; // none: no such record
        std::string digest; // digest_key()
        Place place;
        std::int64_t rowid = 0;
    };
    // The last lookup is kept, since the importer asks for a record (stored) just before it
    // upserts it.
    const Stored& stored(const std::string& id);

    struct Upserted {
        Upsert change = Upsert::inserted;
        Place was; // where the row was defined before (file 0: a new row, or one without a file)
    };
    // Writes a record (or progress event) defined at place, with its digest() computed by the
    // caller (the import computes it on its reading thread). Content that is unchanged is not
    // written; a place that changed alone is (a line moved, or the record moved to another file).
    Upserted upsert(const Record& record, const std::string& digest, const Place& place);

    // Every record and event written from now on is new: the database held no record when the
    // caller's transaction began, and the caller writes no id or event key twice (the import's
    // duplicate checks come first, and nothing is written after an error). stored() and
    // upsert() then skip their lookups, which the deferred indexes (DeferredIndexes) would
    // otherwise turn into scans.
    void all_new() { m_all_new = true; }

private:
    bool m_all_new = false;
    struct Lookup : Stored {
        bool valid = false;
        std::string id;
    };
    Lookup m_last;
    std::string m_fresh_commitment; // the last commitment upserted, when it was new
    struct KindStatements;
    KindStatements& statements(Kind kind);
    void write_links(const Record& record, bool replace);

    SQLite::Database& m_db;
    std::map<Kind, std::unique_ptr<KindStatements>> m_kinds;
    SQLite::Statement m_find;
    SQLite::Statement m_insert_record;
    SQLite::Statement m_update_record;
    SQLite::Statement m_move_record;
    SQLite::Statement m_find_progress;
    SQLite::Statement m_move_progress;
    SQLite::Statement m_insert_party_link;
    SQLite::Statement m_insert_theme_link;
    SQLite::Statement m_insert_reference;
    SQLite::Statement m_delete_party_links;
    SQLite::Statement m_delete_theme_links;
    SQLite::Statement m_delete_references;
    SQLite::Statement m_insert_milestone;
    SQLite::Statement m_delete_milestones;
    // Where the import order stands (progress.after_record): the id of the last record
    // upserted, or the commitment of the last event; and the rowid of the last record.
    std::string m_previous;
    std::int64_t m_previous_rowid = 0;
};

// A 128-bit content digest of a record, as hex.
std::string digest(const Record& record);
// What the database stores of a digest (schema version 7): its first 64 bits, as 8 bytes.
std::string digest_key(std::string_view hex);

} // namespace accord
