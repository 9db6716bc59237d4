#pragma once
// Browsing queries: one row per record of a kind, filtered.
#include "accord/store/filter.hpp"
#include "accord/store/store.hpp"
#include "accord/text/table.hpp"

#include <SQLiteCpp/Statement.h>

#include <optional>
#include <string>
#include <vector>

namespace accord {

// The records of a kind as a table (columns fixed per kind, documented in docs/commands.md):
// text cells, null for no value; a party's member_of is a `;`-joined list.
text::Table list_records(Store& store, Kind kind, const Filter& filter);

struct ActorStatus {
    std::string party; // empty: the commitment has no actors
    std::string status;
};

// A commitment's overall status and each actor's (docs/format.md), one commitment at a time,
// with statements prepared once. Both read v_actor_status, which SQLite narrows to the one
// commitment; v_commitment_status with the same condition computes every commitment's
// status first, which made `show` of a statement quadratic in its commitments.
class CommitmentStatus {
public:
    explicit CommitmentStatus(Store& store);
    std::string overall(const std::string& id);
    std::vector<ActorStatus> actors(const std::string& id);

private:
    SQLite::Statement m_overall;
    SQLite::Statement m_actors;
};

// Where records and progress events were imported from (docs/format.md, "What a file owns"),
// as the user can open it: the file relative to the current folder ("<stdin>" for standard
// input), line and column. None for a row without a file (imported before files were kept).
struct StoredPlace {
    std::string file;
    int line = 0;
    int column = 0;
};
class PlaceFinder {
public:
    explicit PlaceFinder(Store& store);
    std::optional<StoredPlace> record(const std::string& id);
    std::optional<StoredPlace> progress(const std::string& commitment, const std::string& date,
                                        const std::string& party);

private:
    std::optional<StoredPlace> step(SQLite::Statement& q);
    FilePaths m_paths;
    SQLite::Statement m_record;
    SQLite::Statement m_progress;
};
// Why id names no record of that kind, "" when it does: "no party 'asaen' (did you mean
// 'asean'?)", or "'us-asean-cpd-5' is a dialogue, not a party".
std::string why_not_a(Store& store, const std::string& id, Kind kind);
// " (did you mean 'ID'?)" naming the closest id of a record (of kind, when given; an id that
// differs only in case first), or "" when none is close.
std::string id_hint(Store& store, const std::string& id, std::optional<Kind> kind = std::nullopt);

// Throws UsageError "OPTION: MISSING 'VALUE' (did you mean 'X'?)" (or "... (OTHERWISE)" when no
// value is close) unless value is one of the values of the first column of values_sql (a
// literal at every call).
void require_value(Store& store, const char* values_sql, const std::string& value, const char* option,
                   const char* missing, const char* otherwise);

// Records that reference id: (source id, relation) pairs.
std::vector<std::pair<std::string, std::string>> referenced_by(Store& store, const std::string& id);

} // namespace accord
