#pragma once
// `accord report scores`: a G7/G20 Research Group style compliance table as of a day:
// rows commitments, columns parties (each actor scored on its own status), cells
// +1 / 0 / -1 (docs/format.md), averages per party and per commitment (docs/reports.md).
#include "accord/report/as_of.hpp"
#include "accord/report/substance.hpp"
#include "accord/store/filter.hpp"
#include "accord/store/store.hpp"

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace accord {

// A mean of scores: its sum and how many cells were scored.
struct ScoreMean {
    long sum = 0;
    long scored = 0;
    // Two decimals, rounded half away from zero, signed: "+0.50", "0.00", "-0.33"; empty
    // when nothing was scored.
    std::string text() const;
    // The same without "+", for JSON and CSV ("0.50"); empty when nothing was scored.
    std::string number() const;
};

struct ScoreCell {
    std::string status;
    std::optional<int> score; // nullopt: unassessed
};

struct ScoreRow {
    std::string commitment;
    std::string statement;
    std::map<std::string, ScoreCell> cells; // by party; a party that is not an actor has none
    ScoreMean mean;
    std::optional<std::string> due; // as written
    std::string status;             // overall
    std::string text;
    std::optional<LatestNote> latest; // its latest progress event on the as-of day
};

struct ScoresReport {
    std::string as_of; // YYYY-MM-DD
    std::vector<std::string> parties; // the columns: every actor of the rows, by id
    std::vector<ScoreRow> rows;       // commitments with actors, in statement order
    std::map<std::string, ScoreMean> party_means;
    ScoreMean overall; // every scored cell
    long noted = 0;    // acknowledgements left out (acknowledgements_left_out)
};

// One query (cells, with the per-commitment and per-party sums as window aggregates).
ScoresReport scores_report(Store& store, const Filter& filter, const std::string& as_of);
// The report as a document (write_report() renders it); style: the html format's charts.
text::Document scores_document(const ScoresReport& r, const ReportStyle& style);

} // namespace accord
