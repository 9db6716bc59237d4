#include "helpers.hpp"

#include "accord/error.hpp"
#include "accord/store/filter.hpp"
#include "accord/validate/diagnostics.hpp"

#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>

#include <fmt/format.h>

using namespace accord;

namespace {

// Statements dated at each precision around November 2024.
const char* k_statements = R"(
- {kind: statement, id: s-2024, title: T, date: 2024}
- {kind: statement, id: s-2024-10-31, title: T, date: 2024-10-31}
- {kind: statement, id: s-2024-11, title: T, date: 2024-11}
- {kind: statement, id: s-2024-11-01, title: T, date: 2024-11-01}
- {kind: statement, id: s-2024-11-05, title: T, date: 2024-11-05}
- {kind: statement, id: s-2024-12, title: T, date: 2024-12}
- {kind: statement, id: s-2025, title: T, date: 2025}
)";

std::string ids(Store& store, const Filter& f) {
    SQLite::Statement q(store.db(), fmt::format("SELECT t.id FROM statement t WHERE {} ORDER BY t.date, t.id",
                                                f.where(Kind::statement)));
    f.bind(q);
    std::string out;
    while (q.executeStep()) {
        out += (out.empty() ? "" : " ") + q.getColumn(0).getString().substr(2);
    }
    return out;
}

} // namespace

TEST_CASE("the since and until filters count a partial date at its first day", "[filter]") {
    Store store = Store::memory();
    Diagnostics diags;
    test::import_text(store, k_statements, diags);
    REQUIRE(diags.empty());
    Filter f;
    // The partial 2024-11 is 2024-11-01: on or after 2024-11 (and after 2024-11-01).
    f.since = PartialDate(2024, 11);
    CHECK(ids(store, f) == "2024-11 2024-11-01 2024-11-05 2024-12 2025");
    f.since = PartialDate(2024, 11, 1);
    CHECK(ids(store, f) == "2024-11 2024-11-01 2024-11-05 2024-12 2025");
    // 2024-11 counts at 2024-11-01, before the 2nd.
    f.since = PartialDate(2024, 11, 2);
    CHECK(ids(store, f) == "2024-11-05 2024-12 2025");
    // 2024 counts at 2024-01-01: in from --since 2024, out from --since 2024-01-02.
    f.since = PartialDate(2024);
    CHECK(ids(store, f) == "2024 2024-10-31 2024-11 2024-11-01 2024-11-05 2024-12 2025");
    f.since = PartialDate(2024, 1, 2);
    CHECK(ids(store, f) == "2024-10-31 2024-11 2024-11-01 2024-11-05 2024-12 2025");
    f.since = PartialDate(2024, 12);
    CHECK(ids(store, f) == "2024-12 2025");

    f = Filter();
    // --until 2024-10 is to 2024-10-31; 2024 (at 2024-01-01) is in, 2024-11 is not.
    f.until = PartialDate(2024, 10);
    CHECK(ids(store, f) == "2024 2024-10-31");
    f.until = PartialDate(2024, 11, 1);
    CHECK(ids(store, f) == "2024 2024-10-31 2024-11 2024-11-01");
    f.since = PartialDate(2024, 11);
    f.until = PartialDate(2024, 11);
    CHECK(ids(store, f) == "2024-11 2024-11-01 2024-11-05");
}

TEST_CASE("the date bounds are plain text bounds", "[filter]") {
    Filter f;
    CHECK(f.since_bound().empty());
    CHECK(f.until_bound().empty());
    f.since = PartialDate(2024, 11);
    CHECK(f.since_bound() == "2024-11");
    f.since = PartialDate(2024, 1, 1);
    CHECK(f.since_bound() == "2024");
    f.since = PartialDate(2024, 3, 2);
    CHECK(f.since_bound() == "2024-03-02");
    f.until = PartialDate(2024, 2);
    CHECK(f.until_bound() == "2024-02-29~");
}

namespace {

// A commitment of two actors with progress over the years, and one of no actor.
const char* k_progress = R"(
- {kind: party, id: a, name: A, type: state}
- {kind: party, id: b, name: B, type: state}
- {kind: statement, id: s1, title: T, date: 2020-03-01}
- {kind: commitment, id: s1.c1, statement: s1, text: We will act., actors: [a, b]}
- {kind: commitment, id: s1.c2, statement: s1, text: We will also act.}
- {kind: statement, id: s2, title: T, date: 2023-06}
- {kind: commitment, id: s2.c1, statement: s2, text: We will act again., actors: [a]}
- {kind: progress, commitment: s1.c1, date: 2021-05-01, status: limited}
- {kind: progress, commitment: s1.c1, date: 2022, party: a, status: complete}
- {kind: progress, commitment: s1.c1, date: 2024-02-10, party: b, status: complete}
- {kind: progress, commitment: s1.c2, date: 2021-01, status: withdrawn}
)";

// "id:status" of the commitments the filter keeps, with the status as the filter sees it.
std::string statuses(Store& store, const Filter& f) {
    SQLite::Statement q(store.db(), fmt::format("SELECT t.id, {} FROM commitment t WHERE {} ORDER BY t.id",
                                                f.commitment_status_sql("t.id"), f.where(Kind::commitment)));
    f.bind(q);
    std::string out;
    while (q.executeStep()) {
        out += (out.empty() ? "" : " ") + q.getColumn(0).getString() + ":" + q.getColumn(1).getString();
    }
    return out;
}

} // namespace

TEST_CASE("as-of leaves out later records and gives the statuses of that day", "[filter]") {
    Store store = Store::memory();
    Diagnostics diags;
    test::import_text(store, k_progress, diags);
    REQUIRE(diags.empty());
    Filter f;
    // Today: b completed in 2024, so both actors are complete.
    CHECK(statuses(store, f) == "s1.c1:complete s1.c2:withdrawn s2.c1:unassessed");
    // Before anything: s1 not yet made.
    f.as_of = PartialDate(2020, 2);
    CHECK(statuses(store, f).empty());
    // s1 made, no progress yet.
    f.as_of = PartialDate(2020);
    CHECK(statuses(store, f) == "s1.c1:unassessed s1.c2:unassessed");
    // The 2021-05-01 event (no party) counts for both actors; c2 withdrawn in January.
    f.as_of = PartialDate(2021, 5);
    CHECK(statuses(store, f) == "s1.c1:limited s1.c2:withdrawn");
    f.as_of = PartialDate(2021, 4, 30);
    CHECK(statuses(store, f) == "s1.c1:unassessed s1.c2:withdrawn");
    // a complete in 2022 (counted at 2022-01-01), b still limited: the lowest is limited.
    f.as_of = PartialDate(2022, 1, 1);
    CHECK(statuses(store, f) == "s1.c1:limited s1.c2:withdrawn");
    // s2 dated 2023-06 counts at its first day.
    f.as_of = PartialDate(2023, 6, 1);
    CHECK(statuses(store, f) == "s1.c1:limited s1.c2:withdrawn s2.c1:unassessed");
    f.as_of = PartialDate(2024, 2, 10);
    CHECK(statuses(store, f) == "s1.c1:complete s1.c2:withdrawn s2.c1:unassessed");
    // --status applies to the status of the day.
    f.as_of = PartialDate(2023);
    f.status = "limited";
    CHECK(statuses(store, f) == "s1.c1:limited");
    f.status = "complete";
    CHECK(statuses(store, f).empty());
    f.as_of.reset();
    CHECK(statuses(store, f) == "s1.c1:complete");
    // Statements and progress events are left out by their own dates; parties have none.
    Filter g;
    g.as_of = PartialDate(2021);
    SQLite::Statement p(store.db(), "SELECT count(*) FROM progress t WHERE " + g.where(Kind::progress));
    g.bind(p);
    REQUIRE(p.executeStep());
    CHECK(p.getColumn(0).getInt() == 2);
    CHECK(g.where(Kind::party) == "1");
}

namespace {

const char* k_strict = R"(
- {kind: party, id: asean, name: ASEAN, type: regional-organisation}
- {kind: party, id: malaysia, name: Malaysia, type: state, member_of: [asean]}
- {kind: theme, id: scams, label: Online scams, group: crime}
- kind: dialogue
  id: cpd-5
  title: Fifth Dialogue
  series: us-asean-cpd
  date: 2024-10
  statements:
    - id: cpd-5-js
      title: Joint Statement
      date: 2024-10
      commitments:
        - {id: cpd-5-js.c1, text: Commit to it., actors: [asean], themes: [scams]}
)";

// The message of the UsageError that check throws, or "" when it passes.
std::string refused(Store& store, const Filter& f, KindSet kinds = kind_bit(Kind::commitment)) {
    try {
        f.check(store, kinds);
    } catch (const UsageError& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("filters are strict: a value that names nothing is a usage error with a hint", "[filter][strict]") {
    Store store = test::store_with(k_strict);
    Filter f;
    CHECK(refused(store, f).empty());
    f.party = "asean";
    f.theme = "scams";
    f.statement = "cpd-5-js";
    f.dialogue = "cpd-5";
    f.series = "us-asean-cpd";
    f.status = "not-started";
    CHECK(refused(store, f).empty());

    Filter p;
    p.party = "asaen";
    CHECK(refused(store, p) == "--party: no party 'asaen' (did you mean 'asean'?)");
    p.party = "ASEAN"; // differs only in case
    CHECK(refused(store, p) == "--party: no party 'ASEAN' (did you mean 'asean'?)");
    p.party = "malaysa";
    CHECK(refused(store, p) == "--party: no party 'malaysa' (did you mean 'malaysia'?)");
    p.party = "cpd-5"; // a record of another kind
    CHECK(refused(store, p) == "--party: 'cpd-5' is a dialogue, not a party");
    p.party = "zzzzzzzz";
    CHECK(refused(store, p) == "--party: no party 'zzzzzzzz' (accord list party lists them)");

    Filter t;
    t.theme = "nope";
    CHECK(refused(store, t).rfind("--theme: no theme 'nope'", 0) == 0);
    Filter d;
    d.dialogue = "cpd-9";
    CHECK(refused(store, d) == "--dialogue: no dialogue 'cpd-9' (did you mean 'cpd-5'?)");
    Filter st;
    st.statement = "cpd-5-j";
    CHECK(refused(store, st) == "--statement: no statement 'cpd-5-j' (did you mean 'cpd-5-js'?)");
    Filter se;
    se.series = "us-asean-cp";
    CHECK(refused(store, se) == "--series: no dialogue has the series 'us-asean-cp' (did you mean 'us-asean-cpd'?)");

    Filter s;
    s.status = "not_started";
    CHECK(refused(store, s) == "--status: 'not_started' is not a status of commitments (did you mean 'not-started'?)");
    s.status = "overdue";
    CHECK(refused(store, s).find("accord report overdue") != std::string::npos);
    s.status = "active"; // a program's status, not a commitment's
    CHECK(refused(store, s).rfind("--status: 'active' is not a status of commitments (unassessed, not-started", 0) ==
          0);
    CHECK(refused(store, s, kind_bit(Kind::program)).empty());
    // Search filters many kinds: a word of any of them passes.
    CHECK(refused(store, s, kind_bit(Kind::commitment) | kind_bit(Kind::program)).empty());
    s.status = "unassessed"; // a commitment's overall status, never a progress event's
    CHECK(refused(store, s, kind_bit(Kind::progress)).find("is not a status of progress events") !=
          std::string::npos);
}

TEST_CASE("undertakings only leaves out the acknowledgements (action note or recall)", "[filter]") {
    Store store = test::store_with(R"(
- kind: statement
  id: s
  title: S
  date: 2024
  commitments:
    - {id: s.commit, text: T, action: commit}
    - {id: s.none, text: T}
    - {id: s.note, text: T, action: note}
    - {id: s.recall, text: T, action: recall}
    - {id: s.reaffirm, text: T, action: reaffirm}
)");
    auto list = [&](const Filter& f) {
        SQLite::Statement q(store.db(), "SELECT group_concat(id, ' ') FROM (SELECT t.id FROM commitment t WHERE " +
                                            f.where(Kind::commitment) + " ORDER BY t.id)");
        f.bind(q);
        q.executeStep();
        return q.getColumn(0).getString();
    };
    Filter f;
    CHECK(list(f) == "s.commit s.none s.note s.reaffirm s.recall");
    f.undertakings_only = true;
    CHECK(list(f) == "s.commit s.none s.reaffirm");
    CHECK(is_acknowledgement("note"));
    CHECK(is_acknowledgement("recall"));
    CHECK_FALSE(is_acknowledgement(""));
    CHECK_FALSE(is_acknowledgement("reaffirm"));
}
