#pragma once
// accord report progress|overdue|upcoming|dialogue|scores|coverage|changes|brief: reports over the records as of a day.
#include "common.hpp"
#include "filters.hpp"
#include "output.hpp"

#include "accord/store/store.hpp"

#include <ostream>
#include <string>

namespace accord::cli {

struct ReportOptions : OutputOptions {
    std::string format = "table"; // table, md, json, csv, html
    std::string by = "statement"; // report progress --by (scores: party)
    std::string id;               // report dialogue ID
    std::string group;            // report coverage --group; empty: every theme
    std::string within;           // report upcoming --within (default 90d)
    std::string before;           // report upcoming --before DATE
    std::string next;             // report brief --next DATE
    bool include_noted = false;   // --include-noted: acknowledgements count too
    FilterOptions filters;
    bool colour = false; // bold headers: set only on a terminal without NO_COLOR
};

// Adds the subcommands progress, overdue, upcoming, dialogue, scores, coverage, changes and brief to cmd.
void setup_report(CLI::App& cmd, GlobalOptions& global);

void run_report_progress(const ReportOptions& options, Store& store, std::ostream& out);
void run_report_overdue(const ReportOptions& options, Store& store, std::ostream& out);
// The window: from the as-of day (default today) for --within (default 90d), or up to the
// day before --before.
void run_report_upcoming(const ReportOptions& options, Store& store, std::ostream& out);
void run_report_dialogue(const ReportOptions& options, Store& store, std::ostream& out);
void run_report_scores(const ReportOptions& options, Store& store, std::ostream& out);
void run_report_coverage(const ReportOptions& options, Store& store, std::ostream& out);
// --since and --until are the window here, not filters.
void run_report_changes(const ReportOptions& options, Store& store, std::ostream& out);
// The brief for the next meeting of a series, or before a dialogue (docs/brief.md).
void run_report_brief(const ReportOptions& options, Store& store, std::ostream& out);

// The day a report is computed for: the last day of --as-of's period, else today.
std::string report_day(const ReportOptions& options);
// The shared filters checked against the database, for commitments; undertakings only
// unless --include-noted.
Filter report_filter(const ReportOptions& options, Store& store);

} // namespace accord::cli
