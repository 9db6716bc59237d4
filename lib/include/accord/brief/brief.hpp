#pragma once
// `accord report brief SERIES|DIALOGUE`: the data of the brief before the next meeting of a
// series (docs/brief.md): its meetings so far and their statements, the undertakings made at
// them by status (text, actors, due, latest progress, the programs carrying each), what is
// overdue, what falls due before the next meeting, what was renewed and what looks renewed but
// is not linked, the acknowledgements, and what changed since the last meeting. Plain data:
// the report writers render it.
#include "accord/report/changes.hpp"
#include "accord/report/dialogue.hpp"
#include "accord/report/overdue.hpp"
#include "accord/report/substance.hpp"
#include "accord/store/store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace accord {

struct BriefRequest {
    std::string target;              // a series (us-asean-cpd) or a dialogue id (us-asean-cpd-6)
    std::optional<std::string> next; // YYYY-MM-DD: the next meeting's day (--next); series only
    std::string as_of;               // YYYY-MM-DD: the day the brief is prepared (--as-of, else today)
    double min_score = 0.6;          // the least score of a similar-but-unlinked pair (xref similar's)
};

// The latest progress event of a commitment on the brief's day (accord/report/substance.hpp).
using BriefProgress = LatestNote;

struct BriefProgram {
    std::string id;
    std::string title;
    std::string status; // planned, active, completed, discontinued; empty: not given
};

// An undertaking made at a meeting of the series, as it stands on the brief's day.
struct BriefUndertaking {
    std::string id;
    std::string statement;
    std::string dialogue;
    std::string made; // its statement's date
    MaybeText paragraph;
    MaybeText action;
    std::string text;
    std::vector<ActorAsOf> actors; // each actor with its own status
    MaybeText due;                      // as written (2025, 2025-03, 2025-03-31)
    MaybeText due_end;                  // the last day of the due period (YYYY-MM-DD)
    std::string status;            // overall (docs/format.md)
    std::optional<long> days_overdue; // past due_end and neither complete nor withdrawn
    std::optional<long> days_left;    // due_end from the brief's day to the day before the next meeting
    std::optional<BriefProgress> latest;
    std::vector<BriefProgram> programs; // programs that implement it, started on or before the day
};

struct BriefStatusGroup {
    std::string status;
    std::vector<BriefUndertaking> undertakings; // in the order they were made
};

// An acknowledgement (action note or recall) made at a meeting of the series.
struct BriefAcknowledgement {
    std::string id;
    std::string statement;
    std::string dialogue;
    std::string made;
    MaybeText action;
    std::string text;
    std::vector<std::string> actors;
};

struct BriefMeeting {
    std::string id;
    std::string title;
    std::string date;
    MaybeText end_date, number, location, alongside;
    std::vector<std::string> parties, chairs;
    std::vector<DialogueStatement> statements; // with their counts of undertakings and acknowledgements
};

// A commitment that renews an earlier one by a reference (xref lineage): later -relation-> earlier,
// one of them made at a meeting of the series.
struct BriefRenewal {
    std::string later;
    std::string later_date;
    std::string later_text;
    std::string relation; // recalls, reaffirms, builds-on, supersedes or follows-up
    std::string earlier;
    std::string earlier_date;
    std::string earlier_text;
};

// Two commitments with alike texts that no reference links (xref similar), one of them made at
// a meeting of the series; `references` is the line to paste under the later one's references:.
struct BriefSimilar {
    std::string later;
    std::string later_statement;
    std::string later_date;
    std::string later_text;
    std::string earlier;
    std::string earlier_date;
    std::string earlier_text;
    double score = 0;
    std::string relation;   // what the later one would state (xref similar's choice)
    std::string references; // "- {relation: reaffirms, target: ID}"
};

struct Brief {
    std::string target;                 // as asked
    std::string target_kind;            // "series" or "dialogue"
    std::string series;                 // the series the brief is for
    std::optional<std::string> dialogue; // the dialogue asked for (target_kind "dialogue")
    std::string as_of;                  // YYYY-MM-DD: the day the brief describes
    std::string next;                   // YYYY-MM-DD: the next meeting's (first) day
    bool next_given = false;            // false: the day after the last meeting (no --next)
    std::vector<BriefMeeting> meetings; // the series' meetings on or before as_of, the latest first
    std::vector<BriefStatusGroup> by_status; // undertakings, statuses in docs/format.md order, withdrawn last
    std::vector<BriefUndertaking> overdue;   // the longest overdue first
    std::vector<BriefUndertaking> upcoming;  // due from as_of to the day before next, the soonest first
    std::vector<BriefRenewal> renewed;       // by the later one's date
    std::vector<BriefSimilar> similar;       // best first
    std::vector<BriefAcknowledgement> acknowledgements; // in the order they were made
    std::optional<ChangesReport> changes;    // from the day after the last meeting to as_of; none when
                                             // that window is empty (or there is no meeting)

    std::size_t undertaking_count() const;
};

// Throws DataError (exit 1, as `report dialogue ID` does) when the target names neither a series
// nor a dialogue (with a "did you mean" hint), names a dialogue of no series, or a series with
// no meeting on or before the day; UsageError when next is given for a dialogue.
Brief make_brief(Store& store, const BriefRequest& request);

} // namespace accord
