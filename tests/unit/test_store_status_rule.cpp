// The status rules stated once (store/filter.hpp): the views v_actor_status and v_commitment_status,
// Filter's as-of status and the reports' as-of SQL agree on every case of docs/format.md's rules.
#include "helpers.hpp"

#include "accord/report/as_of.hpp"
#include "accord/store/filter.hpp"

#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>

#include <functional>
#include <map>
#include <string>

using namespace accord;

namespace {

// One commitment per case; its id says the overall status the rules give (docs/format.md).
const char* const k_cases = R"(
- {kind: party, id: a, name: A, type: state}
- {kind: party, id: b, name: B, type: state}
- kind: statement
  id: s
  title: S
  date: 2024
  commitments:
    - {id: s.unassessed-none, text: T}
    - id: s.no-actors-latest
      text: T
      progress:
        - {date: 2024-02, status: complete}
        - {date: 2024-05, status: limited}
    - id: s.actors-unassessed
      text: T
      actors: [a, b]
      progress:
        - {date: 2024-02, party: a, status: complete}
    - id: s.lowest-not-started
      text: T
      actors: [a, b]
      progress:
        - {date: 2024-02, party: a, status: not-started}
        - {date: 2024-02, party: b, status: substantial}
    - id: s.all-withdrawn
      text: T
      actors: [a, b]
      progress:
        - {date: 2024-02, party: a, status: withdrawn}
        - {date: 2024-03, party: b, status: withdrawn}
    - id: s.withdrawn-left-out
      text: T
      actors: [a, b]
      progress:
        - {date: 2024-02, party: a, status: withdrawn}
        - {date: 2024-03, party: b, status: complete}
    - id: s.event-for-all
      text: T
      actors: [a, b]
      progress:
        - {date: 2024-02, party: a, status: complete}
        - {date: 2024-04, status: substantial}
    - id: s.same-day-file-order
      text: T
      actors: [a]
      progress:
        - {date: "2024-06-01", status: complete}
        - {date: "2024-06-01", party: a, status: limited}
    - id: s.later-date-wins
      text: T
      actors: [a]
      progress:
        - {date: 2025, party: a, status: complete}
        - {date: 2024, party: a, status: not-started}
)";

// The overall status the rules give each case.
std::string expected(const std::string& id) {
    static const std::map<std::string, std::string> k = {
        {"s.unassessed-none", "unassessed"},    {"s.no-actors-latest", "limited"},
        {"s.actors-unassessed", "unassessed"},  {"s.lowest-not-started", "not-started"},
        {"s.all-withdrawn", "withdrawn"},       {"s.withdrawn-left-out", "complete"},
        {"s.event-for-all", "substantial"},     {"s.same-day-file-order", "limited"},
        {"s.later-date-wins", "complete"}};
    return k.at(id);
}

std::map<std::string, std::string> statuses(Store& store, const std::string& sql,
                                             const std::function<void(SQLite::Statement&)>& bind = {}) {
    SQLite::Statement q(store.db(), sql);
    if (bind) {
        bind(q);
    }
    std::map<std::string, std::string> out;
    while (q.executeStep()) {
        out[q.getColumn(0).getString()] = q.getColumn(1).getString();
    }
    return out;
}

} // namespace

TEST_CASE("v_commitment_status, Filter's as-of status and the reports' as-of SQL agree on every status case",
          "[store][status]") {
    Store store = test::store_with(k_cases);

    auto view = statuses(store, "SELECT commitment_id, status FROM v_commitment_status");
    REQUIRE(view.size() == 9);
    for (const auto& [id, status] : view) {
        INFO(id);
        CHECK(status == expected(id));
    }

    Filter later;
    later.as_of = PartialDate::parse("2030");
    auto filter = statuses(store, "SELECT t.id, " + later.commitment_status_sql("t.id") + " FROM commitment t",
                           [&](SQLite::Statement& q) { later.bind(q); });
    CHECK(filter == view);

    auto as_of = statuses(store, as_of_sql(Filter{}) + " SELECT commitment_id, status FROM a_status",
                          [&](SQLite::Statement& q) { bind_as_of(q, Filter{}, "2030-12-31"); });
    CHECK(as_of == view);

    // On an earlier day the as-of forms count only the events up to it, and still agree.
    Filter early;
    early.as_of = PartialDate::parse("2024-03");
    auto filter_early = statuses(store, "SELECT t.id, " + early.commitment_status_sql("t.id") + " FROM commitment t",
                                 [&](SQLite::Statement& q) { early.bind(q); });
    auto as_of_early = statuses(store, as_of_sql(Filter{}) + " SELECT commitment_id, status FROM a_status",
                                [&](SQLite::Statement& q) { bind_as_of(q, Filter{}, "2024-03-31"); });
    CHECK(filter_early == as_of_early);
    CHECK(filter_early.at("s.no-actors-latest") == "complete");
    CHECK(filter_early.at("s.event-for-all") == "unassessed"); // b has no event yet
    CHECK(filter_early.at("s.all-withdrawn") == "withdrawn");
}
