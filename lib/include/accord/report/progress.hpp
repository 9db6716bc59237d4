#pragma once
// `accord report progress`: per group, how many commitments stand at each status,
// the share complete and how many are overdue, as of a day (docs/reports.md).
#include "accord/report/as_of.hpp"
#include "accord/store/filter.hpp"
#include "accord/store/store.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace accord {

enum class ProgressBy { statement, dialogue, party, theme, series };
inline constexpr std::string_view k_progress_by_names[] = {"statement", "dialogue", "party", "theme", "series"};
std::string_view to_string(ProgressBy by);
ProgressBy progress_by_from_string(std::string_view name); // throws UsageError

struct StatusCounts {
    long unassessed = 0;
    long not_started = 0;
    long limited = 0;
    long substantial = 0;
    long complete = 0;
    long withdrawn = 0;
    long total = 0;
    long overdue = 0;
    // complete / (total - withdrawn) in percent, one decimal; empty when undefined.
    std::string percent_complete() const;
};

struct ProgressGroup {
    std::optional<std::string> id; // nullopt: the commitments that have no such group
    std::optional<std::string> label;
    StatusCounts counts;
};

struct ProgressReport {
    std::string as_of; // YYYY-MM-DD
    ProgressBy by = ProgressBy::statement;
    std::vector<ProgressGroup> groups;
    StatusCounts all; // every selected commitment once
    // By party: the members counted for their organisations, (organisation, members).
    std::vector<std::pair<std::string, std::vector<std::string>>> rolled_up;
    long noted = 0; // acknowledgements left out (acknowledgements_left_out)
};

// Computes the report in SQL (one query for the groups, one for all, one for the
// roll-up note). as_of: a YYYY-MM-DD day.
ProgressReport progress_report(Store& store, ProgressBy by, const Filter& filter, const std::string& as_of);

// The footnote lines that explain the numbers (the same in every format).
std::vector<std::string> progress_notes(const ProgressReport& r);

// The report as a document (write_report() renders it); style: the html format's charts.
text::Document progress_document(const ProgressReport& r, const ReportStyle& style);

} // namespace accord
