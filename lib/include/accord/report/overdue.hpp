#pragma once
// `accord report overdue`: commitments past due and not complete (nor withdrawn) as
// of a day, the longest overdue first; `accord report upcoming`: those falling due in a
// window from the day, the soonest first (docs/reports.md).
#include "accord/report/as_of.hpp"
#include "accord/report/substance.hpp"
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

// The actors as a JSON array of {"party": ..., "status": ...} objects (party null for a
// commitment without actors).
text::Json actors_json(const std::vector<ActorAsOf>& actors);
std::string json_actors(const std::vector<ActorAsOf>& actors); // actors_json's items, without the brackets
// The actors' ids joined with sep ("us, asean"); an empty party (no actors) left out.
std::string actor_ids(const std::vector<ActorAsOf>& actors, const char* sep);

// A commitment with a due date, as the overdue and upcoming reports list it.
struct DueItem {
    std::string commitment;
    std::string statement;
    std::optional<std::string> dialogue;
    std::string due;     // as written (2025, 2025-03, 2025-03-31)
    std::string due_end; // the last day of the due period
    long days = 0;       // overdue: days from due_end to the as-of day; upcoming: days left until due_end
    std::string status;
    std::vector<ActorAsOf> actors;
    std::string text;
    std::optional<LatestNote> latest; // its latest progress event on the as-of day
};

struct OverdueReport {
    std::string as_of; // YYYY-MM-DD
    std::vector<DueItem> items;
};

// One query. as_of: a YYYY-MM-DD day.
OverdueReport overdue_report(Store& store, const Filter& filter, const std::string& as_of);
// The report as a document (write_report() renders it); style: the html format's charts.
text::Document overdue_document(const OverdueReport& r, const ReportStyle& style);

struct UpcomingReport {
    std::string as_of; // YYYY-MM-DD: the window's first day
    std::string until; // YYYY-MM-DD: its last day
    std::vector<DueItem> items;
};

// The commitments whose due period ends on a day from as_of to until (both YYYY-MM-DD,
// included) and whose status on as_of is neither complete nor withdrawn, the soonest first.
UpcomingReport upcoming_report(Store& store, const Filter& filter, const std::string& as_of, const std::string& until);
text::Document upcoming_document(const UpcomingReport& r, const ReportStyle& style);

// "us:complete;asean:limited" (group_concat of the as-of SQL) -> actors.
std::vector<ActorAsOf> parse_actor_list(const std::string& text);
// SQL expression: the actors of commitment `id_column` with their as-of statuses, in
// `actors` order, as parse_actor_list reads them.
std::string actor_list_sql(const std::string& id_column);

} // namespace accord
