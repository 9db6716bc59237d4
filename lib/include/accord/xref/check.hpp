#pragma once
// `accord xref check`: what is wrong or missing in the web of references of a database.
#include "accord/store/store.hpp"
#include "accord/xref/places.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace accord::xref {

enum class Severity { warning, error };

// What a finding is about, in the order findings are listed.
enum class FindingCode {
    unresolved,     // error: a reference to no record
    wrong_kind,     // error: a reference to a record of a kind the field does not take
    cycle,          // error: supersedes / builds-on / follows-up references that go round
    fulfils_target, // warning: `fulfils` names something other than a commitment
    orphan,         // warning: an undertaking no program implements and no progress event assesses
    no_actor,       // --lint: a commitment without actors
    no_due,         // --lint: a commitment without a due date
    no_verb,        // --lint: a commitment text without a verb of commitment
    no_evidence,    // --lint: a progress event with neither evidence nor source
};
std::string_view to_string(FindingCode code);

struct Finding {
    Severity severity = Severity::warning;
    FindingCode code = FindingCode::orphan;
    std::string record;               // the record concerned (a progress event: its commitment)
    std::string message;              // "record ID[, field F]: ..." or "progress of ID dated D: ..."
    std::vector<std::string> members; // a cycle's records
    std::optional<Place> place;       // when the YAML files were given
    // For placing the finding in the YAML: the reference's field and target; whether it is
    // about a progress event, and that event's date and party.
    std::string field, target;
    bool event = false;
    std::string event_date, event_party;
};

struct CheckRequest {
    bool lint = false;   // also the commitment-quality warnings
    bool strict = false; // warnings become errors
    bool include_noted = false; // orphans: acknowledgements (action note or recall) too
};

// Every finding, errors first, then by code, record and message.
std::vector<Finding> check_database(Store& store, const CheckRequest& request);
// Fills in each finding's place from the files read.
void place_findings(std::vector<Finding>& findings, const Places& places);
// Fills in each finding's place from the database: the file, line and column its record (or
// progress event) was imported from.
void place_findings(std::vector<Finding>& findings, Store& store);

struct FindingCounts {
    std::size_t errors = 0;
    std::size_t warnings = 0;
};
FindingCounts count_findings(const std::vector<Finding>& findings);

// One line each: "[FILE:LINE:COLUMN: ]error|warning: MESSAGE".
void write_findings_text(std::ostream& out, const std::vector<Finding>& findings);
// {"ok", "errors", "warnings", "findings": [{"severity", "code", "record", "message",
// "members", "file", "line", "column"}]}
void write_findings_json(std::ostream& out, const std::vector<Finding>& findings);

} // namespace accord::xref
