#pragma once
// `accord report changes --since D [--until D]`: what moved between two days: the
// commitments whose overall status differs, the commitments made and the programs
// started within the window (docs/reports.md).
#include "accord/report/as_of.hpp"
#include "accord/report/overdue.hpp"
#include "accord/store/filter.hpp"
#include "accord/store/store.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace accord {

struct StatusChange {
    std::string commitment;
    std::string statement;
    std::string from; // on the day before the window
    std::string to;   // on its last day
    std::vector<ActorAsOf> actors; // on the last day
    MaybeText due;
    std::string text;
    std::optional<LatestNote> latest; // on the last day
};

struct NewCommitment {
    std::string commitment;
    std::string statement;
    std::string made;
    std::string status; // on the last day of the window
    std::vector<ActorAsOf> actors;
    MaybeText due;
    std::string text;
    std::optional<LatestNote> latest;
};

struct NewProgram {
    std::string id;
    MaybeText type;
    std::string start;
    std::vector<std::string> implements;
    std::string title;
};

struct ChangesReport {
    std::string since;  // first day of the window (YYYY-MM-DD)
    std::string before; // the day before it: the statuses compared against
    std::string until;  // last day of the window
    std::vector<StatusChange> changes;
    std::vector<NewCommitment> made;
    std::vector<NewProgram> programs;
};

// since, until: YYYY-MM-DD days, since <= until. The filter selects commitments (its
// --status: the status on `until`); its own since/until must be unset (the window
// replaces them). Two as-of queries (the day before `since`, and `until`) and one for
// programs.
ChangesReport changes_report(Store& store, const Filter& filter, const std::string& since, const std::string& until);
// The report as a document (write_report() renders it); style: the html format's charts.
text::Document changes_document(const ChangesReport& r, const ReportStyle& style);
// Its JSON form (`report changes --format json`; the brief's "changes" too).
text::Json changes_json(const ChangesReport& r);

} // namespace accord
