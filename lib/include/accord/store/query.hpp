#pragma once
// Browsing queries: one row per record of a kind, filtered.
#include "accord/report/table.hpp"
#include "accord/store/filter.hpp"
#include "accord/store/store.hpp"

#include <string>
#include <vector>

namespace accord {

// The records of a kind as a table (columns fixed per kind, documented in docs/commands.md).
Table list_records(Store& store, Kind kind, const Filter& filter);

struct ActorStatus {
    std::string party; // empty: the commitment has no actors
    std::string status;
};

// A commitment's overall status and each actor's (SPEC section 1).
std::string commitment_status(Store& store, const std::string& id);
std::vector<ActorStatus> actor_statuses(Store& store, const std::string& id);

// Records that reference id: (source id, relation) pairs.
std::vector<std::pair<std::string, std::string>> referenced_by(Store& store, const std::string& id);

} // namespace accord
