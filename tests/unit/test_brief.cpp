// The brief's data (accord/brief/brief.hpp, docs/brief.md) on tests/fixtures/brief (every section
// filled, worked by hand in its README.md) and on data/, each imported into a SQLite file.
#include "accord/brief/brief.hpp"
#include "accord/error.hpp"
#include "accord/import/importer.hpp"
#include "accord/report/overdue.hpp"
#include "accord/store/filter.hpp"
#include "accord/validate/diagnostics.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <unistd.h>

using namespace accord;

namespace {

// A database file in a scratch folder holding the records of a folder of the repository.
struct TempDb {
    std::string folder;
    std::string path;
    explicit TempDb(const std::string& source) {
        char dir[] = "/tmp/accord-brief-XXXXXX";
        folder = ::mkdtemp(dir);
        path = folder + "/accord.db";
        Store store(path, Store::Access::read_write);
        store.migrate();
        Diagnostics diags;
        ImportRequest r;
        r.paths = {std::string(ACCORD_SOURCE_DIR) + "/" + source};
        import_files(store, r, diags);
        if (!diags.empty()) {
            std::ostringstream why;
            diags.print(why);
            FAIL(why.str());
        }
    }
    ~TempDb() { std::filesystem::remove_all(folder); }
};

std::vector<std::string> ids(const std::vector<BriefUndertaking>& v) {
    std::vector<std::string> out;
    for (const auto& u : v) {
        out.push_back(u.id);
    }
    return out;
}

const BriefUndertaking& find(const Brief& b, const std::string& id) {
    for (const auto& g : b.by_status) {
        for (const auto& u : g.undertakings) {
            if (u.id == id) {
                return u;
            }
        }
    }
    FAIL("no undertaking " << id);
    throw std::logic_error("unreachable");
}

Brief fixture_brief(const TempDb& db, std::optional<std::string> next = "2025-10-01",
                    const std::string& target = "fx-cpd", const std::string& as_of = "2025-06-30") {
    Store store(db.path, Store::Access::read_only);
    return make_brief(store, BriefRequest{target, std::move(next), as_of, 0.6});
}

} // namespace

TEST_CASE("brief of the fixture series: every section, worked by hand", "[brief]") {
    TempDb db("tests/fixtures/brief");
    Brief b = fixture_brief(db);

    CHECK(b.target_kind == "series");
    CHECK(b.series == "fx-cpd");
    CHECK(b.as_of == "2025-06-30");
    CHECK(b.next == "2025-10-01");
    CHECK(b.next_given);

    // The meetings on or before the day, the latest first (fx-later, 2025-08-20, is not yet).
    REQUIRE(b.meetings.size() == 2);
    CHECK(b.meetings[0].id == "fx-cpd-2");
    CHECK(b.meetings[0].location == std::optional<std::string>("Manila"));
    CHECK(b.meetings[0].chairs == std::vector<std::string>{"fx-asean"});
    REQUIRE(b.meetings[0].statements.size() == 1);
    CHECK(b.meetings[0].statements[0].id == "fx-cpd-2-js");
    CHECK(b.meetings[0].statements[0].commitments == 3);
    CHECK(b.meetings[0].statements[0].acknowledgements == 1);
    CHECK(b.meetings[1].id == "fx-cpd-1");

    // Undertakings by status, in the order of docs/format.md; fx-other.c1 is not of the series.
    std::vector<std::string> statuses;
    for (const auto& g : b.by_status) {
        statuses.push_back(g.status);
    }
    CHECK(statuses == std::vector<std::string>{"unassessed", "not-started", "substantial", "complete"});
    CHECK(ids(b.by_status[0].undertakings) == std::vector<std::string>{"fx-cpd-2-js.c2", "fx-cpd-2-js.c4"});
    CHECK(b.undertaking_count() == 5);

    const auto& c1 = find(b, "fx-cpd-1-js.c1");
    CHECK(c1.status == "substantial");
    CHECK(c1.dialogue == "fx-cpd-1");
    CHECK(c1.made == "2024-03-12");
    CHECK(c1.due == std::optional<std::string>("2024-12"));
    CHECK(c1.due_end == std::optional<std::string>("2024-12-31"));
    CHECK(c1.days_overdue == std::optional<long>(181));
    REQUIRE(c1.latest);
    CHECK(c1.latest->date == "2025-05-20");
    CHECK(c1.latest->status == "substantial");
    CHECK(c1.latest->note == "The drafting group agreed the text of two chapters.");
    CHECK(c1.latest->evidence == "https://example.org/fx/ransomware-guidance");
    REQUIRE(c1.actors.size() == 2);
    CHECK(c1.actors[0].party == "fx-us");
    CHECK(c1.actors[0].status == "substantial");
    CHECK(c1.text.find("ransomware incidents to national CERTs") != std::string::npos);

    const auto& c2 = find(b, "fx-cpd-1-js.c2");
    CHECK(c2.status == "complete");
    REQUIRE(c2.programs.size() == 1);
    CHECK(c2.programs[0].id == "fx-platform");
    CHECK(c2.programs[0].title == "Fixture Threat Information Platform");
    CHECK(c2.programs[0].status == "active");
    REQUIRE(c2.latest);
    CHECK(c2.latest->evidence == "fx-platform");

    const auto& r1 = find(b, "fx-cpd-2-js.c1");
    REQUIRE(r1.programs.size() == 1); // fx-drill started 2025-04
    CHECK(r1.programs[0].id == "fx-drill");
    CHECK_FALSE(find(b, "fx-cpd-2-js.c2").latest);

    // Overdue and falling due before the next meeting.
    CHECK(ids(b.overdue) == std::vector<std::string>{"fx-cpd-1-js.c1"});
    CHECK(ids(b.upcoming) == std::vector<std::string>{"fx-cpd-2-js.c1"});
    CHECK(b.upcoming[0].days_left == std::optional<long>(92));

    // Renewed by a reference, and alike but unlinked with the line to paste.
    REQUIRE(b.renewed.size() == 1);
    CHECK(b.renewed[0].later == "fx-cpd-2-js.c1");
    CHECK(b.renewed[0].relation == "reaffirms");
    CHECK(b.renewed[0].earlier == "fx-cpd-1-js.c1");
    CHECK(b.renewed[0].earlier_date == "2024-03-12");
    REQUIRE(b.similar.size() == 1);
    CHECK(b.similar[0].later == "fx-cpd-2-js.c2");
    CHECK(b.similar[0].later_statement == "fx-cpd-2-js");
    CHECK(b.similar[0].earlier == "fx-cpd-1-js.c2");
    CHECK(b.similar[0].score > 0.9);
    CHECK(b.similar[0].relation == "reaffirms");
    CHECK(b.similar[0].references == "- {relation: reaffirms, target: fx-cpd-1-js.c2}");

    // Acknowledgements, in the order made.
    REQUIRE(b.acknowledgements.size() == 2);
    CHECK(b.acknowledgements[0].id == "fx-cpd-1-js.c3");
    CHECK(b.acknowledgements[0].action == std::optional<std::string>("note"));
    CHECK(b.acknowledgements[0].actors == std::vector<std::string>{"fx-asean"});
    CHECK(b.acknowledgements[1].id == "fx-cpd-2-js.c3");
    CHECK(b.acknowledgements[1].action == std::optional<std::string>("recall"));

    // What changed since the day after the last meeting.
    REQUIRE(b.changes);
    CHECK(b.changes->since == "2025-03-15");
    CHECK(b.changes->until == "2025-06-30");
    REQUIRE(b.changes->changes.size() == 2);
    CHECK(b.changes->changes[0].commitment == "fx-cpd-1-js.c1");
    CHECK(b.changes->changes[0].from == "limited");
    CHECK(b.changes->changes[0].to == "substantial");
    CHECK(b.changes->changes[1].commitment == "fx-cpd-2-js.c1");
    CHECK(b.changes->changes[1].from == "unassessed");
    CHECK(b.changes->changes[1].to == "not-started");
    CHECK(b.changes->made.empty());
    REQUIRE(b.changes->programs.size() == 1);
    CHECK(b.changes->programs[0].id == "fx-drill");
}

TEST_CASE("brief of a dialogue: as it stood the day before", "[brief]") {
    TempDb db("tests/fixtures/brief");
    Brief b = fixture_brief(db, std::nullopt, "fx-cpd-2", "2026-12-31");
    CHECK(b.target_kind == "dialogue");
    CHECK(b.dialogue == std::optional<std::string>("fx-cpd-2"));
    CHECK(b.series == "fx-cpd");
    CHECK(b.next == "2025-03-14");
    CHECK(b.as_of == "2025-03-13");
    REQUIRE(b.meetings.size() == 1);
    CHECK(b.meetings[0].id == "fx-cpd-1");
    // On 2025-03-13, 1.c1 was limited and overdue 72 days; 1.c2 complete (2025-02-10) and not yet due.
    CHECK(find(b, "fx-cpd-1-js.c1").status == "limited");
    CHECK(ids(b.overdue) == std::vector<std::string>{"fx-cpd-1-js.c1"});
    CHECK(b.overdue[0].days_overdue == std::optional<long>(72));
    CHECK(find(b, "fx-cpd-1-js.c2").status == "complete");
    CHECK(b.upcoming.empty());
    // The second meeting's commitments do not exist yet: nothing renewed, nothing alike.
    CHECK(b.renewed.empty());
    CHECK(b.similar.empty());
    REQUIRE(b.acknowledgements.size() == 1);
    REQUIRE(b.changes);
    CHECK(b.changes->since == "2024-03-13");
    // 1.c1 limited (2024-06-15), 1.c2 complete (2025-02-10); fx-platform started 2024-05.
    REQUIRE(b.changes->changes.size() == 2);
    CHECK(b.changes->changes[1].to == "complete");
    REQUIRE(b.changes->programs.size() == 1);
    CHECK(b.changes->programs[0].id == "fx-platform");

    // The first meeting of a series: no earlier meeting, nothing to brief on but an empty record.
    Brief first = fixture_brief(db, std::nullopt, "fx-cpd-1", "2026-12-31");
    CHECK(first.meetings.empty());
    CHECK(first.undertaking_count() == 0);
    CHECK_FALSE(first.changes);
}

TEST_CASE("brief without --next: the day after the last meeting", "[brief]") {
    TempDb db("tests/fixtures/brief");
    Brief b = fixture_brief(db, std::nullopt, "fx-cpd", "2025-06-30");
    CHECK_FALSE(b.next_given);
    CHECK(b.next == "2025-03-15");
    CHECK(b.as_of == "2025-06-30");
    CHECK(b.upcoming.empty()); // no day from the brief's to the day before the next meeting
    CHECK(ids(b.overdue) == std::vector<std::string>{"fx-cpd-1-js.c1"});

    // A --next before the day: the brief as it stood the day before it.
    Brief earlier = fixture_brief(db, "2025-04-01", "fx-cpd", "2025-06-30");
    CHECK(earlier.as_of == "2025-03-31");
    CHECK(find(earlier, "fx-cpd-2-js.c1").status == "unassessed");
}

TEST_CASE("brief of an unknown or wrong target", "[brief]") {
    TempDb db("tests/fixtures/brief");
    Store store(db.path, Store::Access::read_only);
    auto message = [&](const std::string& target, std::optional<std::string> next = std::nullopt) {
        try {
            make_brief(store, BriefRequest{target, std::move(next), "2025-06-30", 0.6});
        } catch (const Error& e) {
            return std::to_string(e.exit_code()) + " " + e.what();
        }
        return std::string("no error");
    };
    // A typo of a series or of a dialogue id: exit 1 with the closest, as `report dialogue`.
    CHECK(message("fx-cdp") == "1 no series or dialogue 'fx-cdp' in " + db.path + " (did you mean 'fx-cpd'?)");
    CHECK(message("fx-cpd-22") == "1 no series or dialogue 'fx-cpd-22' in " + db.path + " (did you mean 'fx-cpd-2'?)");
    CHECK(message("zzzzzzzz").rfind("1 no series or dialogue 'zzzzzzzz'", 0) == 0);
    CHECK(message("fx-cpd-1-js") == "1 'fx-cpd-1-js' is a statement, not a series or a dialogue");
    CHECK(message("fx-cpd-2", "2025-10-01").rfind("2 --next:", 0) == 0);
    CHECK(message("fx-cpd", "2024-01-01") == "1 series 'fx-cpd' has no meeting on or before 2023-12-31");
}

TEST_CASE("brief of data/: the U.S.-ASEAN Cyber Policy Dialogue", "[brief]") {
    TempDb db("data");
    Store store(db.path, Store::Access::read_only);
    Brief b = make_brief(store, BriefRequest{"us-asean-cpd", std::string("2026-01-01"), "2025-06-30", 0.6});
    REQUIRE(b.meetings.size() == 4); // the sixth met on 2025-10-21
    CHECK(b.meetings[0].id == "us-asean-cpd-5");
    CHECK(b.meetings[3].id == "us-asean-cpd-1");
    CHECK(b.next == "2026-01-01");

    // Overdue and upcoming agree with `report overdue` and `report upcoming` of the series.
    Filter series;
    series.series = "us-asean-cpd";
    series.undertakings_only = true;
    std::vector<std::string> overdue;
    for (const auto& d : overdue_report(store, series, b.as_of).items) {
        overdue.push_back(d.commitment);
    }
    std::vector<std::string> upcoming;
    for (const auto& d : upcoming_report(store, series, b.as_of, "2025-12-31").items) {
        upcoming.push_back(d.commitment);
    }
    CHECK(ids(b.overdue) == overdue);
    CHECK(ids(b.upcoming) == upcoming);
    // Convening the sixth dialogue, due 2025, not yet assessed on 2025-06-30.
    CHECK(ids(b.upcoming) == std::vector<std::string>{"us-asean-cpd-5-js.c7"});
    CHECK(b.upcoming[0].days_left == std::optional<long>(184));
    CHECK(b.upcoming[0].status == "unassessed");

    // Every undertaking and acknowledgement of the series' statements, once.
    std::size_t commitments = 0, acknowledgements = 0;
    for (const auto& m : b.meetings) {
        for (const auto& s : m.statements) {
            commitments += static_cast<std::size_t>(s.commitments);
            acknowledgements += static_cast<std::size_t>(s.acknowledgements);
        }
    }
    CHECK(b.undertaking_count() == commitments);
    CHECK(b.acknowledgements.size() == acknowledgements);
    CHECK(commitments == 5);
    CHECK(acknowledgements == 5);
    for (const auto& g : b.by_status) {
        for (const auto& u : g.undertakings) {
            CHECK(u.status == g.status);
            if (u.latest) {
                CHECK(u.latest->date <= b.as_of);
            }
        }
    }
    // The fifth's undertaking on capacity building renews the fourth's, and five programs carry it.
    bool renewed = false;
    for (const auto& r : b.renewed) {
        renewed = renewed || (r.later == "us-asean-cpd-5-js.c3" && r.relation == "reaffirms" &&
                              r.earlier == "us-asean-cpd-4-js.c2");
    }
    CHECK(renewed);
    CHECK(find(b, "us-asean-cpd-5-js.c3").programs.size() == 5);
}

TEST_CASE("brief of data/: before the sixth dialogue", "[brief]") {
    TempDb db("data");
    Store store(db.path, Store::Access::read_only);
    Brief b = make_brief(store, BriefRequest{"us-asean-cpd-6", std::nullopt, "2026-12-06", 0.6});
    CHECK(b.as_of == "2025-10-20");
    CHECK(b.meetings.front().id == "us-asean-cpd-5");
    CHECK(find(b, "us-asean-cpd-5-js.c7").status == "unassessed"); // completed by the sixth itself
    REQUIRE(b.changes);
    CHECK(b.changes->since == "2024-10-18");
    REQUIRE(b.changes->changes.size() == 1);
    CHECK(b.changes->changes[0].commitment == "us-asean-cpd-5-js.c1");
    CHECK(b.changes->changes[0].from == "unassessed");
    CHECK(b.changes->changes[0].to == "substantial");
}
