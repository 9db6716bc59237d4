#pragma once
// `accord report dialogue ID`: one dialogue as of a day: when and where, its
// statements, each commitment with its status, what they referred to and what
// followed them (docs/reports.md).
#include "accord/report/as_of.hpp"
#include "accord/report/overdue.hpp"
#include "accord/store/filter.hpp"
#include "accord/store/store.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace accord {

struct DialogueStatement {
    std::string id;
    std::string title;
    std::string date;
    MaybeText type;
    long commitments = 0;      // undertakings shown (after the filters)
    long acknowledgements = 0; // acknowledgements shown
};

struct DialogueCommitment {
    std::string id;
    std::string statement;
    MaybeText paragraph;
    MaybeText action;
    MaybeText due;
    std::string status;
    std::optional<long> days_overdue; // undertakings only
    std::vector<ActorAsOf> actors;
    std::string text;
    std::optional<LatestNote> latest; // its latest progress event on the as-of day
};

// A reference between a record of the dialogue (`record`: the dialogue, one of its
// statements or commitments) and another record (`other`, of kind `kind`, dated
// `date`): record -relation-> other (references made), or other -relation-> record
// (what followed).
struct DialogueLink {
    std::string record;
    std::string relation;
    std::string other;
    std::string kind;
    MaybeText date;
};

struct DialogueReport {
    std::string as_of; // YYYY-MM-DD
    std::string id;
    std::string title;
    std::string date;
    MaybeText end_date, series, number, location, alongside;
    std::vector<std::string> parties, chairs;
    std::vector<DialogueStatement> statements;
    std::vector<DialogueCommitment> commitments;      // undertakings
    std::vector<DialogueCommitment> acknowledgements; // action note or recall: listed apart
    std::vector<DialogueLink> references; // made by its statements and commitments
    std::vector<DialogueLink> followed;   // records that reference the dialogue, its statements or commitments
};

// Throws DataError when id names no dialogue, or one dated after as_of.
// The filter selects the commitments shown (undertakings and acknowledgements, whatever
// filter.undertakings_only says); every statement of the dialogue dated on or before as_of
// is listed.
DialogueReport dialogue_report(Store& store, const std::string& id, const Filter& filter, const std::string& as_of);
// The report as a document (write_report() renders it); style: the html format's charts.
text::Document dialogue_document(const DialogueReport& r, const ReportStyle& style);

} // namespace accord
