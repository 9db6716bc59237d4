#pragma once
// `accord report coverage`: themes against the commitments, programs and parties that
// carry them, as of a day; flags themes whose commitments no program implements, and
// lists programs that implement no commitment (docs/reports.md).
#include "accord/report/as_of.hpp"
#include "accord/store/filter.hpp"
#include "accord/store/store.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace accord {

struct CoverageRow {
    std::string theme;
    std::string label;
    MaybeText group, code;
    long commitments = 0;  // selected commitments with the theme
    long implemented = 0;  // of those, implemented by at least one program
    long implementing = 0; // programs that implement one of them
    long programs = 0;     // programs with the theme
    std::vector<std::string> parties; // actors of those commitments, by id
    // A theme with commitments that no program implements.
    bool gap() const { return commitments > 0 && implemented == 0; }
};

struct UnlinkedProgram {
    std::string id;
    MaybeText type, status, start;
    std::string title;
};

struct CoverageReport {
    std::string as_of; // YYYY-MM-DD
    std::optional<std::string> group;
    std::vector<CoverageRow> rows;             // themes, as `accord list theme` orders them
    std::vector<UnlinkedProgram> unlinked;     // programs that implement no commitment
    long noted = 0;                            // acknowledgements left out (acknowledgements_left_out)
};

// Programs exist from their start (a program without a start always does). The filter
// selects commitments (and --theme the rows); `group` keeps the themes of that group (a
// group no theme has is a UsageError with a "did you mean" hint).
CoverageReport coverage_report(Store& store, const Filter& filter, const std::optional<std::string>& group,
                               const std::string& as_of);
// The report as a document (write_report() renders it); style: the html format's charts.
text::Document coverage_document(const CoverageReport& r, const ReportStyle& style);

} // namespace accord
