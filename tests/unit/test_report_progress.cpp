// accord report: progress, overdue and dialogue on the hand-worked fixture
// (tests/fixtures/report/fixture.yaml, whose comment shows the working).
#include "helpers.hpp"

#include "accord/error.hpp"
#include "accord/report/progress.hpp"
#include "accord/report/changes.hpp"
#include "accord/report/coverage.hpp"
#include "accord/report/dialogue.hpp"
#include "accord/report/overdue.hpp"
#include "accord/report/scores.hpp"
#include "commands/report.hpp"

#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>

#include <sstream>

using namespace accord;

namespace {

const std::string k_a = "2024-07-01";
const std::string k_b = "2026-01-01";

Store fixture_store(const std::string& folder = "/tests/fixtures/report") {
    return test::store_of_source(folder);
}

// unassessed, not-started, limited, substantial, complete, withdrawn, total, overdue
std::vector<long> numbers(const StatusCounts& c) {
    return {c.unassessed, c.not_started, c.limited, c.substantial, c.complete, c.withdrawn, c.total, c.overdue};
}

const ProgressGroup& group(const ProgressReport& r, const std::optional<std::string>& id) {
    for (const auto& g : r.groups) {
        if (g.id == id) {
            return g;
        }
    }
    FAIL("no group " << id.value_or("(none)"));
    throw std::logic_error("unreachable");
}

std::vector<std::string> ids(const ProgressReport& r) {
    std::vector<std::string> out;
    for (const auto& g : r.groups) {
        out.push_back(g.id.value_or("(none)"));
    }
    return out;
}

} // namespace

TEST_CASE("report progress by party as of 2026-01-01 gives the hand-worked numbers", "[report]") {
    Store store = fixture_store();
    auto r = progress_report(store, ProgressBy::party, Filter{}, k_b);
    CHECK(ids(r) == std::vector<std::string>{"asean", "singapore", "us"});
    CHECK(numbers(group(r, "asean").counts) == std::vector<long>{2, 0, 0, 2, 2, 0, 6, 3});
    CHECK(numbers(group(r, "singapore").counts) == std::vector<long>{0, 0, 1, 1, 1, 0, 3, 2});
    CHECK(numbers(group(r, "us").counts) == std::vector<long>{1, 0, 0, 0, 2, 1, 4, 1});
    CHECK(numbers(r.all) == std::vector<long>{3, 0, 0, 1, 2, 1, 7, 3});
    CHECK(group(r, "us").counts.percent_complete() == "66.7");
    CHECK(r.all.percent_complete() == "33.3");
    REQUIRE(r.rolled_up.size() == 1);
    CHECK(r.rolled_up[0].first == "asean");
    CHECK(r.rolled_up[0].second == std::vector<std::string>{"singapore"});
    CHECK(group(r, "asean").label == std::optional<std::string>("Association of Southeast Asian Nations"));
}

TEST_CASE("report progress by statement, dialogue, series and theme as of 2026-01-01", "[report]") {
    Store store = fixture_store();
    auto st = progress_report(store, ProgressBy::statement, Filter{}, k_b);
    CHECK(ids(st) == std::vector<std::string>{"fx-cpd-1-js", "fx-cpd-2-js"});
    CHECK(numbers(group(st, "fx-cpd-1-js").counts) == std::vector<long>{1, 0, 0, 1, 1, 1, 4, 1});
    CHECK(numbers(group(st, "fx-cpd-2-js").counts) == std::vector<long>{2, 0, 0, 0, 1, 0, 3, 2});
    auto d = progress_report(store, ProgressBy::dialogue, Filter{}, k_b);
    CHECK(numbers(group(d, "fx-cpd-1").counts) == numbers(group(st, "fx-cpd-1-js").counts));
    auto se = progress_report(store, ProgressBy::series, Filter{}, k_b);
    CHECK(ids(se) == std::vector<std::string>{"fx-cpd"});
    CHECK(numbers(group(se, "fx-cpd").counts) == numbers(se.all));
    auto th = progress_report(store, ProgressBy::theme, Filter{}, k_b);
    CHECK(ids(th) == std::vector<std::string>{"cb", "norms", "(none)"});
    CHECK(numbers(group(th, "cb").counts) == std::vector<long>{1, 0, 0, 1, 1, 1, 4, 2});
    CHECK(numbers(group(th, "norms").counts) == std::vector<long>{2, 0, 0, 0, 1, 0, 3, 2});
    CHECK(numbers(group(th, std::nullopt).counts) == std::vector<long>{1, 0, 0, 0, 0, 0, 1, 0});
}

TEST_CASE("report progress as of an earlier day counts only what existed then", "[report][as-of]") {
    Store store = fixture_store();
    auto a = progress_report(store, ProgressBy::party, Filter{}, k_a);
    CHECK(numbers(group(a, "asean").counts) == std::vector<long>{1, 1, 1, 0, 0, 0, 3, 1});
    CHECK(numbers(group(a, "singapore").counts) == std::vector<long>{0, 1, 0, 0, 0, 0, 1, 1});
    CHECK(numbers(group(a, "us").counts) == std::vector<long>{0, 0, 2, 0, 0, 0, 2, 0});
    CHECK(numbers(a.all) == std::vector<long>{1, 1, 2, 0, 0, 0, 4, 1});
    // --as-of 2024 is 2024-12-31: fx-cpd-2-js exists, none of its events yet; a due
    // date of 2024 is reached but not passed.
    auto y = progress_report(store, ProgressBy::statement, Filter{}, as_of_day(*PartialDate::parse("2024")));
    CHECK(y.as_of == "2024-12-31");
    CHECK(numbers(y.all) == std::vector<long>{4, 0, 1, 0, 1, 1, 7, 0});
    CHECK(y.all.percent_complete() == "16.7");
    // Before anything was made: no groups, zero counts, no share.
    auto none = progress_report(store, ProgressBy::statement, Filter{}, "2020-01-01");
    CHECK(none.groups.empty());
    CHECK(numbers(none.all) == std::vector<long>{0, 0, 0, 0, 0, 0, 0, 0});
    CHECK(none.all.percent_complete().empty());
}

TEST_CASE("the as-of SQL equals the status views when every event counts", "[report][as-of]") {
    for (const char* folder : {"/tests/fixtures/report", "/data"}) {
        Store store = fixture_store(folder);
        SQLite::Statement q(store.db(),
                            as_of_sql(Filter{}) +
                                "\nSELECT (SELECT count(*) FROM v_actor_status), (SELECT count(*) FROM a_actor_status),"
                                " (SELECT count(*) FROM a_actor_status a JOIN v_actor_status v ON v.commitment_id ="
                                " a.commitment_id AND v.party_id IS a.party_id AND v.status = a.status),"
                                " (SELECT count(*) FROM v_commitment_status), (SELECT count(*) FROM a_status),"
                                " (SELECT count(*) FROM a_status a JOIN v_commitment_status v ON v.commitment_id ="
                                " a.commitment_id AND v.status = a.status)");
        bind_as_of(q, Filter{}, "9999-12-31");
        REQUIRE(q.executeStep());
        INFO(folder);
        CHECK(q.getColumn(0).getInt() > 0);
        CHECK(q.getColumn(1).getInt() == q.getColumn(0).getInt());
        CHECK(q.getColumn(2).getInt() == q.getColumn(0).getInt());
        CHECK(q.getColumn(3).getInt() > 0);
        CHECK(q.getColumn(4).getInt() == q.getColumn(3).getInt());
        CHECK(q.getColumn(5).getInt() == q.getColumn(3).getInt());
    }
}

TEST_CASE("partial dates: events count from their first day, due dates end with their period", "[report][as-of]") {
    Store store = Store::memory();
    Diagnostics diags;
    test::import_text(store, R"(
- {kind: party, id: us, name: United States, type: state}
- {kind: party, id: asean, name: ASEAN, type: regional-organisation}
- kind: statement
  id: s
  title: S
  date: 2023
  commitments:
    - {id: s.year, text: Y, actors: [us], due: 2025}
    - {id: s.feb, text: F, actors: [us], due: 2024-02}
    - id: s.march
      text: M
      actors: [us, asean]
      progress:
        - {date: 2025-03, status: complete}
    - id: s.half
      text: H
      actors: [us, asean]
      due: 2024
      progress:
        - {date: 2024-01, party: us, status: withdrawn}
        - {date: 2024-01, party: asean, status: complete}
)",
                      diags);
    REQUIRE(diags.empty());
    auto status_of = [&](const std::string& id, const std::string& day) {
        Filter f;
        f.statement = "s";
        SQLite::Statement q(store.db(), as_of_sql(f) + "\nSELECT status, days_overdue FROM a_status "
                                                       "WHERE commitment_id = :id");
        bind_as_of(q, f, day);
        q.bind(":id", id);
        REQUIRE(q.executeStep());
        return std::make_pair(q.getColumn(0).getString(),
                              q.getColumn(1).isNull() ? -1L : static_cast<long>(q.getColumn(1).getInt64()));
    };
    // 2025-03 counts from 2025-03-01.
    CHECK(status_of("s.march", "2025-02-28").first == "unassessed");
    CHECK(status_of("s.march", "2025-03-01").first == "complete");
    // A due date of 2025 is overdue from 2026-01-01; of 2024-02 (a leap year) from 2024-03-01.
    CHECK(status_of("s.year", "2025-12-31").second == -1);
    CHECK(status_of("s.year", "2026-01-01").second == 1);
    CHECK(status_of("s.feb", "2024-02-29").second == -1);
    CHECK(status_of("s.feb", "2024-03-01").second == 1);
    CHECK(status_of("s.feb", "2025-03-01").second == 366); // 2024-02-29 + 366 days
    // A withdrawn actor is left out: the other's complete is the overall status, not overdue.
    CHECK(status_of("s.half", "2026-01-01") == std::make_pair(std::string("complete"), -1L));
    // Not yet made: the commitment does not exist.
    Filter f;
    SQLite::Statement q(store.db(), as_of_sql(f) + "\nSELECT count(*) FROM a_status");
    bind_as_of(q, f, "2022-12-31");
    REQUIRE(q.executeStep());
    CHECK(q.getColumn(0).getInt() == 0);
}

TEST_CASE("the shared filters select the commitments and --status means the status as of the day", "[report][filter]") {
    Store store = fixture_store();
    Filter f;
    f.status = "not-started";
    CHECK(progress_report(store, ProgressBy::statement, f, k_a).all.total == 1); // fx-cpd-1-js.c2
    CHECK(progress_report(store, ProgressBy::statement, f, k_b).all.total == 0);
    Filter p;
    p.party = "singapore"; // commitments with singapore as actor: 1.c2, 2.c1, 2.c2
    auto r = progress_report(store, ProgressBy::party, p, k_b);
    CHECK(r.all.total == 3);
    CHECK(ids(r) == std::vector<std::string>{"asean", "singapore", "us"});
    Filter t;
    t.theme = "norms";
    t.since = PartialDate::parse("2024");
    CHECK(numbers(progress_report(store, ProgressBy::statement, t, k_b).all) ==
          std::vector<long>{2, 0, 0, 0, 0, 0, 2, 2}); // 2.c1, 2.c2
}

TEST_CASE("report overdue lists the longest overdue first with days and actors", "[report][overdue]") {
    Store store = fixture_store();
    auto b = overdue_report(store, Filter{}, k_b);
    REQUIRE(b.items.size() == 3);
    CHECK(b.items[0].commitment == "fx-cpd-1-js.c1");
    CHECK(b.items[0].days == 366);
    CHECK(b.items[0].due_end == "2024-12-31");
    CHECK(b.items[0].actors.size() == 2);
    CHECK(b.items[0].actors[1].party == "asean");
    CHECK(b.items[0].actors[1].status == "substantial");
    CHECK(b.items[1].commitment == "fx-cpd-2-js.c1");
    CHECK(b.items[1].days == 276);
    CHECK(b.items[2].commitment == "fx-cpd-2-js.c2");
    CHECK(b.items[2].days == 1);
    auto a = overdue_report(store, Filter{}, k_a);
    REQUIRE(a.items.size() == 1);
    CHECK(a.items[0].commitment == "fx-cpd-1-js.c2");
    CHECK(a.items[0].status == "not-started");
    CHECK(a.items[0].days == 1);
}

TEST_CASE("report dialogue shows statuses and what followed, as of the day", "[report][dialogue]") {
    Store store = fixture_store();
    auto b = dialogue_report(store, "fx-cpd-1", Filter{}, k_b);
    CHECK(b.statements.size() == 1);
    CHECK(b.statements[0].commitments == 4);
    REQUIRE(b.commitments.size() == 4);
    CHECK(b.commitments[0].status == "substantial");
    CHECK(b.commitments[0].days_overdue == std::optional<long>(366));
    CHECK(b.followed.size() == 5);
    CHECK(b.followed[0].record == "fx-cpd-1");
    CHECK(b.followed[0].other == "fx-cpd-2-js");
    CHECK(b.followed[0].relation == "recalls");
    auto a = dialogue_report(store, "fx-cpd-1", Filter{}, k_a);
    REQUIRE(a.followed.size() == 1);
    CHECK(a.followed[0].other == "fx-training");
    CHECK(a.commitments[1].status == "not-started");
    auto two = dialogue_report(store, "fx-cpd-2", Filter{}, k_b);
    CHECK(two.references.size() == 4);
    CHECK(two.followed.size() == 1); // fx-fund implements 2.c1
    CHECK_THROWS_AS(dialogue_report(store, "fx-cpd-2", Filter{}, k_a), DataError); // not yet held
    CHECK_THROWS_AS(dialogue_report(store, "nope", Filter{}, k_b), DataError);
    CHECK_THROWS_AS(dialogue_report(store, "fx-cpd-1-js", Filter{}, k_b), DataError);
}

TEST_CASE("share complete rounds half up to one decimal", "[report]") {
    CHECK(percent_complete(2, 3, 0) == "66.7");
    CHECK(percent_complete(1, 3, 0) == "33.3");
    CHECK(percent_complete(1, 16, 0) == "6.3");
    CHECK(percent_complete(1, 8, 0) == "12.5");
    CHECK(percent_complete(0, 4, 0) == "0.0");
    CHECK(percent_complete(4, 4, 0) == "100.0");
    CHECK(percent_complete(2, 7, 1) == "33.3");
    CHECK(percent_complete(0, 2, 2).empty());
    CHECK(percent_complete(0, 0, 0).empty());
}

TEST_CASE("report writers: the same numbers in every format, colour only when asked", "[report][format]") {
    Store store = fixture_store();
    auto r = progress_report(store, ProgressBy::party, Filter{}, k_b);
    std::ostringstream table, colour, md, csv, json;
    write_report(table, progress_document(r, {text::Format::table, false}), {text::Format::table, false});
    write_report(colour, progress_document(r, {text::Format::table, true}), {text::Format::table, true});
    write_report(md, progress_document(r, {text::Format::md, false}), {text::Format::md, false});
    write_report(csv, progress_document(r, {text::Format::csv, false}), {text::Format::csv, false});
    write_report(json, progress_document(r, {text::Format::json, false}), {text::Format::json, false});
    CHECK(table.str().find('\x1b') == std::string::npos);
    CHECK(colour.str().rfind("\x1b[1mparty", 0) == 0);
    CHECK(table.str().find("us                  1            0        0            0         2          1      4 "
                           "       66.7        1\n") != std::string::npos);
    CHECK(md.str().find("| us | 1 | 0 | 0 | 0 | 2 | 1 | 4 | 66.7 | 1 |\n") != std::string::npos);
    CHECK(csv.str().find("us,United States,1,0,0,0,2,1,4,66.7,1\n") != std::string::npos);
    CHECK(csv.str().find('\r') == std::string::npos); // LF, as every CSV accord writes
    std::ostringstream crlf;
    ReportStyle crlf_style{text::Format::csv, false};
    crlf_style.options.crlf = true;
    write_report(crlf, progress_document(r, crlf_style), crlf_style);
    CHECK(crlf.str().find("us,United States,1,0,0,0,2,1,4,66.7,1\r\n") != std::string::npos);
    CHECK(json.str().find("\"group\": \"us\", \"label\": \"United States\", \"unassessed\": 1, \"not_started\": 0, "
                          "\"limited\": 0, \"substantial\": 0, \"complete\": 2, \"withdrawn\": 1, \"total\": 4, "
                          "\"complete_pct\": 66.7, \"overdue\": 1") != std::string::npos);
    CHECK(table.str().find("singapore counts for asean") != std::string::npos);
    CHECK(text::parse_format("md", k_report_formats) == text::Format::md);
    CHECK(text::parse_format("html", k_report_formats) == text::Format::html);
    CHECK_THROWS_AS(text::parse_format("pdf", k_report_formats), UsageError);
    CHECK_THROWS_AS(text::parse_format("jsonl", k_report_formats), UsageError);
    CHECK_THROWS_AS(progress_by_from_string("year"), UsageError);
}

TEST_CASE("the report command parses its options in-process", "[cli][report]") {
    using namespace accord::cli;
    CLI::App app;
    GlobalOptions global;
    add_global_options(app, global);
    auto* cmd = app.add_subcommand("report");
    setup_report(*cmd, global);
    // The callback runs after parsing and finds no database: the parsed values stay readable.
    CHECK_THROWS_AS(app.parse("report progress --by party --as-of 2025-02 --format json --party asean "
                              "--db /nonexistent/x.db",
                              false),
                    accord::IoError);
    auto* progress = cmd->get_subcommand("progress");
    CHECK(progress->get_option("--by")->as<std::string>() == "party");
    CHECK(progress->get_option("--format")->as<std::string>() == "json");
    CHECK(progress->get_option("--party")->as<std::string>() == "asean");
    ReportOptions o;
    o.filters.as_of = "2025-02";
    CHECK(report_day(o) == "2025-02-28");
    o.filters.as_of = "2025";
    CHECK(report_day(o) == "2025-12-31");
    o.filters.as_of = "2025-13";
    CHECK_THROWS_AS(report_day(o), UsageError);
    o.filters.as_of.clear();
    CHECK(PartialDate::parse(report_day(o)).has_value()); // today

    CLI::App bad;
    GlobalOptions g2;
    add_global_options(bad, g2);
    setup_report(*bad.add_subcommand("report"), g2);
    CHECK_THROWS_AS(bad.parse("report progress --by year", false), CLI::ValidationError);
    CHECK_THROWS_AS(bad.parse("report progress --format pdf", false), CLI::ValidationError);
}

TEST_CASE("report scores: each party on its own status, averages leave out unscored cells", "[report][scores]") {
    Store store = fixture_store();
    auto b = scores_report(store, Filter{}, k_b);
    CHECK(b.parties == std::vector<std::string>{"asean", "singapore", "us"});
    REQUIRE(b.rows.size() == 7);
    CHECK(b.rows[0].commitment == "fx-cpd-1-js.c1");
    CHECK(b.rows[0].cells.at("us").score == std::optional<int>(1));
    CHECK(b.rows[0].cells.at("asean").score == std::optional<int>(0));
    CHECK(b.rows[0].mean.text() == "+0.50");
    CHECK(b.rows[2].mean.text() == "-1.00");      // 1.c3 withdrawn
    CHECK(b.rows[3].mean.text().empty());         // 1.c4 unassessed: no score
    CHECK_FALSE(b.rows[3].cells.at("asean").score);
    CHECK(b.rows[4].cells.count("asean") == 0);   // 2.c1: asean is not an actor
    CHECK(b.party_means.at("asean").text() == "+0.50");
    CHECK(b.party_means.at("asean").scored == 2);
    CHECK(b.party_means.at("singapore").text() == "+0.33");
    CHECK(b.party_means.at("us").text() == "+0.33");
    CHECK(b.overall.text() == "+0.38"); // 3 / 8 = 0.375, half away from zero
    CHECK(b.overall.number() == "0.38");
    auto a = scores_report(store, Filter{}, k_a);
    CHECK(a.rows.size() == 4);
    CHECK(a.overall.text() == "-0.25");
    CHECK(a.party_means.at("singapore").text() == "-1.00");
    CHECK(ScoreMean{0, 3}.text() == "0.00");
    CHECK(ScoreMean{-1, 8}.text() == "-0.13"); // -0.125
    CHECK(ScoreMean{2, 3}.text() == "+0.67");
}

TEST_CASE("report coverage: themes against commitments and programs, as of the day", "[report][coverage]") {
    Store store = fixture_store();
    auto b = coverage_report(store, Filter{}, std::nullopt, k_b);
    REQUIRE(b.rows.size() == 2);
    CHECK(b.rows[0].theme == "cb");
    CHECK(std::vector<long>{b.rows[0].commitments, b.rows[0].implemented, b.rows[0].implementing,
                            b.rows[0].programs} == std::vector<long>{4, 1, 1, 1});
    CHECK(b.rows[0].parties == std::vector<std::string>{"asean", "singapore", "us"});
    CHECK_FALSE(b.rows[0].gap());
    CHECK(std::vector<long>{b.rows[1].commitments, b.rows[1].implemented, b.rows[1].implementing,
                            b.rows[1].programs} == std::vector<long>{3, 2, 2, 0});
    REQUIRE(b.unlinked.size() == 1);
    CHECK(b.unlinked[0].id == "fx-exchange");
    auto a = coverage_report(store, Filter{}, std::nullopt, k_a);
    CHECK(a.rows[0].commitments == 2);
    CHECK(a.rows[0].gap()); // cb: no program that exists yet implements 1.c1 or 1.c3
    CHECK_FALSE(a.rows[1].gap());
    CHECK(a.unlinked.empty()); // fx-exchange starts in 2025
    auto g = coverage_report(store, Filter{}, std::string("un-norms"), k_b);
    REQUIRE(g.rows.size() == 1);
    CHECK(g.rows[0].theme == "norms");
}

TEST_CASE("report changes: statuses on the day before the window against its last day", "[report][changes]") {
    Store store = fixture_store();
    auto y = changes_report(store, Filter{}, "2025-01-01", "2025-12-31");
    CHECK(y.before == "2024-12-31");
    REQUIRE(y.changes.size() == 2);
    CHECK(y.changes[0].commitment == "fx-cpd-1-js.c1");
    CHECK(y.changes[0].from == "limited");
    CHECK(y.changes[0].to == "substantial");
    CHECK(y.changes[1].commitment == "fx-cpd-2-js.c3");
    CHECK(y.made.empty());
    REQUIRE(y.programs.size() == 2);
    CHECK(y.programs[0].id == "fx-exchange"); // start 2025 counts from 2025-01-01
    CHECK(y.programs[1].implements == std::vector<std::string>{"fx-cpd-2-js.c1"});
    auto h = changes_report(store, Filter{}, "2024-07-01", "2024-12-31");
    CHECK(h.changes.size() == 2);
    CHECK(h.made.size() == 3);
    Filter f;
    f.status = "complete";
    auto c = changes_report(store, f, "2024-07-01", "2024-12-31");
    REQUIRE(c.changes.size() == 1);
    CHECK(c.changes[0].commitment == "fx-cpd-1-js.c2");
    CHECK_THROWS_AS(changes_report(store, Filter{}, "2025-01-01", "2024-12-31"), UsageError);
}

TEST_CASE("report upcoming: due periods ending in the window, not complete, soonest first", "[report][upcoming]") {
    Store store = fixture_store();
    Filter all;
    auto ids_of = [](const UpcomingReport& r) {
        std::vector<std::string> out;
        for (const auto& it : r.items) {
            out.push_back(it.commitment + " " + std::to_string(it.days));
        }
        return out;
    };
    // As of 2024-07-01: 1.c1 (due 2024) and 1.c3 (due 2024-12-31) fall due on 2024-12-31,
    // 183 days later; 1.c2 (due 2024-06) is overdue, not upcoming.
    CHECK(ids_of(upcoming_report(store, all, k_a, "2025-01-01")) ==
          std::vector<std::string>{"fx-cpd-1-js.c1 183", "fx-cpd-1-js.c3 183"});
    CHECK(upcoming_report(store, all, k_a, "2024-12-30").items.empty()); // the window ends a day early
    // As of 2024-12-31: 1.c1 falls due that day (0 days left); 1.c3 was withdrawn.
    auto last = upcoming_report(store, all, "2024-12-31", "2024-12-31");
    CHECK(ids_of(last) == std::vector<std::string>{"fx-cpd-1-js.c1 0"});
    CHECK(last.items[0].status == "limited");
    std::ostringstream json;
    write_report(json, upcoming_document(last, ReportStyle(text::Format::json)), ReportStyle(text::Format::json));
    CHECK(json.str().find("\"report\": \"upcoming\",\n  \"as_of\": \"2024-12-31\",\n  \"until\": \"2024-12-31\"") !=
          std::string::npos);
    CHECK(json.str().find("\"days_left\": 0") != std::string::npos);
}

TEST_CASE("the reports count undertakings; --include-noted counts acknowledgements too", "[report][noted]") {
    Store store = test::store_with(R"(
- {kind: party, id: us, name: United States, type: state}
- kind: statement
  id: s
  title: Readout
  date: 2024-05
  commitments:
    - {id: s.will, text: Participants committed to train officials., actors: [us], action: commit, due: 2025}
    - {id: s.noted, text: Participants noted the launch of a centre., actors: [us], action: note, due: 2025}
    - {id: s.recalled, text: Participants recalled the 2018 statement., actors: [us], action: recall}
)");
    Filter undertakings;
    undertakings.undertakings_only = true;
    Filter every;
    auto p = progress_report(store, ProgressBy::statement, undertakings, k_b);
    CHECK(p.all.total == 1);
    CHECK(p.all.overdue == 1);
    CHECK(p.noted == 2);
    CHECK(progress_notes(p).back() == "2 acknowledgements (action note or recall) are not counted: only undertakings "
                                      "are; --include-noted counts them too.");
    auto q = progress_report(store, ProgressBy::statement, every, k_b);
    CHECK(q.all.total == 3);
    CHECK(q.all.overdue == 2);
    CHECK(q.noted == 0);
    CHECK(overdue_report(store, undertakings, k_b).items.size() == 1);
    CHECK(overdue_report(store, every, k_b).items.size() == 2);
    CHECK(scores_report(store, undertakings, k_b).rows.size() == 1);
    CHECK(scores_report(store, every, k_b).rows.size() == 3);
    // report dialogue lists both, the acknowledgements apart.
    Store d = test::store_with(R"(
- kind: dialogue
  id: d
  title: Dialogue
  date: 2024-05
  statements:
    - id: ds
      title: Readout
      date: 2024-05
      commitments:
        - {id: ds.will, text: Committed to train officials., action: commit, due: 2025}
        - {id: ds.noted, text: Noted the launch of a centre., action: note, due: 2025}
)");
    auto r = dialogue_report(d, "d", undertakings, k_b);
    REQUIRE(r.commitments.size() == 1);
    CHECK(r.commitments[0].id == "ds.will");
    CHECK(r.commitments[0].days_overdue == 1);
    REQUIRE(r.acknowledgements.size() == 1);
    CHECK(r.acknowledgements[0].id == "ds.noted");
    CHECK_FALSE(r.acknowledgements[0].days_overdue);
    CHECK(r.statements[0].commitments == 1);
    CHECK(r.statements[0].acknowledgements == 1);
    std::ostringstream text;
    write_report(text, dialogue_document(r, ReportStyle()), ReportStyle());
    CHECK(text.str().find("Acknowledgements (action note or recall: not counted as undertakings)\n"
                          "commitment  statement  action  status      actors  text\n"
                          "ds.noted    ds         note    unassessed          Noted the launch of a centre.") !=
          std::string::npos);
}
