#pragma once
// Browsing queries: one row per record of a kind, filtered.
#include "accord/report/table.hpp"
#include "accord/store/filter.hpp"
#include "accord/store/store.hpp"

#include <SQLiteCpp/Statement.h>

#include <string>
#include <vector>

namespace accord {

// The records of a kind as a table (columns fixed per kind, documented in docs/commands.md).
Table list_records(Store& store, Kind kind, const Filter& filter);

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

// Records that reference id: (source id, relation) pairs.
std::vector<std::pair<std::string, std::string>> referenced_by(Store& store, const std::string& id);

} // namespace accord
