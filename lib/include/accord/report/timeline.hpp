#pragma once
// The events behind the timeline chart of the HTML reports: commitments made, due
// dates and progress events of the selected commitments, counted per day, as of a
// day (docs/reports.md, "HTML").
#include "accord/store/filter.hpp"
#include "accord/store/store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace accord {

// How many events of one kind fall on one day.
struct TimelinePoint {
    std::string day;   // YYYY-MM-DD: a partial date at its first day; a due date at the end of its period
    std::string event; // made, due, progress
    std::string status; // progress: the status the event records; else empty
    long count = 0;
};

struct ReportTimeline {
    std::string as_of;                // YYYY-MM-DD, drawn as a line
    std::optional<std::string> since; // report changes: the window from since to as_of, shaded
    std::vector<TimelinePoint> points; // by day, then made, due, progress, then status
};

// One query over the "as of" SQL of the reports: the filter selects the commitments
// (its --status is the status as of the day); only progress events dated on or
// before as_of count; due dates may lie after it.
ReportTimeline report_timeline(Store& store, const Filter& filter, const std::string& as_of);

} // namespace accord
