#pragma once
// `accord report overdue`: commitments past due and not complete (nor withdrawn) as
// of a day, the longest overdue first (docs/reports.md).
#include "accord/report/report_common.hpp"
#include "accord/store/filter.hpp"
#include "accord/store/store.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace accord {

struct ActorAsOf {
    std::string party; // empty: a commitment without actors
    std::string status;
};

// The actors as JSON objects {"party": ..., "status": ...} joined with ", " (the inside of
// an array; party null for a commitment without actors).
std::string json_actors(const std::vector<ActorAsOf>& actors);

struct OverdueItem {
    std::string commitment;
    std::string statement;
    std::optional<std::string> dialogue;
    std::string due;     // as written (2025, 2025-03, 2025-03-31)
    std::string due_end; // the last day of the due period
    long days = 0;       // days from due_end to the as-of day
    std::string status;
    std::vector<ActorAsOf> actors;
    std::string text;
};

struct OverdueReport {
    std::string as_of; // YYYY-MM-DD
    std::vector<OverdueItem> items;
};

// One query. as_of: a YYYY-MM-DD day.
OverdueReport overdue_report(Store& store, const Filter& filter, const std::string& as_of);
void write_overdue(std::ostream& out, const OverdueReport& r, const ReportStyle& style);

// "us:complete;asean:limited" (group_concat of the as-of SQL) -> actors.
std::vector<ActorAsOf> parse_actor_list(const std::string& text);
// SQL expression: the actors of commitment `id_column` with their as-of statuses, in
// `actors` order, as parse_actor_list reads them.
std::string actor_list_sql(const std::string& id_column);

} // namespace accord
