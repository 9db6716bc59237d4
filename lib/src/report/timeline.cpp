// report_timeline(): the events per day that the html reports' timeline chart draws.
#include "accord/report/timeline.hpp"

#include "accord/report/as_of.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <map>
#include <tuple>

namespace accord {

namespace {

int event_order(const std::string& event) { return event == "made" ? 0 : event == "due" ? 1 : 2; }

} // namespace

ReportTimeline report_timeline(Store& store, const Filter& filter, const std::string& as_of) {
    ReportTimeline t;
    t.as_of = as_of;
    SQLite::Statement q(store.db(),
                        fmt::format("{}\n"
                                    "SELECT 'made', c.made, NULL, count(*)\n"
                                    "  FROM a_status s JOIN a_commitment c ON c.commitment_id = s.commitment_id\n"
                                    " GROUP BY c.made\n"
                                    "UNION ALL\n"
                                    "SELECT 'due', c.due_end, NULL, count(*)\n"
                                    "  FROM a_status s JOIN a_commitment c ON c.commitment_id = s.commitment_id\n"
                                    " WHERE c.due_end IS NOT NULL GROUP BY c.due_end\n"
                                    "UNION ALL\n"
                                    "SELECT 'progress', p.date, p.status, count(*)\n"
                                    "  FROM a_status s JOIN progress p ON p.commitment_id = s.commitment_id\n"
                                    " WHERE p.date <= :as_of GROUP BY p.date, p.status",
                                    as_of_sql(filter)));
    bind_as_of(q, filter, as_of);
    // Partial dates (2024-10) are drawn at their first day, so several rows may meet.
    std::map<std::tuple<std::string, int, std::string>, long> counts;
    while (q.executeStep()) {
        std::string event = q.getColumn(0).getString();
        auto date = PartialDate::parse(q.getColumn(1).getString());
        if (!date) {
            continue; // the store holds only valid dates; nothing to draw otherwise
        }
        counts[{date->first_day().str(), event_order(event), q.getColumn(2).getString()}] +=
            q.getColumn(3).getInt64();
    }
    static const char* const k_events[] = {"made", "due", "progress"};
    for (const auto& [key, n] : counts) {
        t.points.push_back({std::get<0>(key), k_events[std::get<1>(key)], std::get<2>(key), n});
    }
    return t;
}

} // namespace accord
