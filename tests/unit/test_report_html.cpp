// The html format's pieces: escaping, the bar chart's arithmetic, and the timeline
// query on the hand-worked fixture (tests/fixtures/report/fixture.yaml).
#include "helpers.hpp"

#include "accord/text/strings.hpp"
#include "accord/report/timeline.hpp"
#include "accord/report/svg.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

using namespace accord;

TEST_CASE("html_escape escapes the five characters of markup and keeps the rest", "[report][html]") {
    CHECK(text::html_escape("a < b & c > \"d\" 'e'") == "a &lt; b &amp; c &gt; &quot;d&quot; &#39;e&#39;");
    CHECK(text::html_escape("&amp;") == "&amp;amp;");
    CHECK(text::html_escape("Việt Nam: ASEAN–U.S.") == "Việt Nam: ASEAN–U.S.");
    CHECK(text::html_escape("") == "");
}

TEST_CASE("a bar chart keeps one bar per group and draws heights to one scale", "[report][html]") {
    BarChart c{"t", "commitments", status_keys(), {}};
    c.bar("empty");
    c.add("a", "complete", 3);
    c.add("b", "limited");
    c.add("a", "limited");
    c.add("a", "no-such-status"); // ignored
    REQUIRE(c.bars.size() == 3);
    CHECK(c.bars[1].group == "a");
    CHECK(c.bars[1].values == std::vector<long>{0, 0, 1, 0, 3, 0});
    std::ostringstream out;
    write_bar_chart(out, c);
    const std::string svg = out.str();
    std::regex seg("data-key=\"([a-z-]+)\" data-count=\"(\\d+)\"[^>]* height=\"([0-9.]+)\"");
    std::vector<double> per_unit;
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), seg); it != std::sregex_iterator(); ++it) {
        per_unit.push_back(std::stod((*it)[3]) / std::stod((*it)[2]));
    }
    REQUIRE(per_unit.size() == 3); // a: limited, complete; b: limited; the empty bar has none
    for (double u : per_unit) {
        CHECK(u == Approx(per_unit[0]).epsilon(0.001));
    }
    CHECK(svg.find("data-group=\"empty\" data-total=\"0\"") != std::string::npos);
}

TEST_CASE("the timeline counts commitments made, due dates and progress events as of a day", "[report][html]") {
    Store store = Store::memory();
    Diagnostics diags;
    ImportRequest r;
    r.paths = {std::string(ACCORD_SOURCE_DIR) + "/tests/fixtures/report"};
    import_files(store, r, diags);
    REQUIRE(diags.empty());
    auto count = [](const ReportTimeline& t, const std::string& event) {
        long n = 0;
        for (const auto& p : t.points) {
            n += p.event == event ? p.count : 0;
        }
        return n;
    };
    // As of 2024-07-01: fx-cpd-1-js's 4 commitments (made 2023-10-05), 3 with a due date;
    // events dated by then: 1.c1 2024-03, 1.c2 2024-05-10, 1.c3 2024-02.
    ReportTimeline a = report_timeline(store, Filter{}, "2024-07-01");
    CHECK(count(a, "made") == 4);
    CHECK(count(a, "due") == 3);
    CHECK(count(a, "progress") == 3);
    REQUIRE(!a.points.empty());
    CHECK(a.points.front().day == "2023-10-05");
    CHECK(a.points.front().event == "made");
    // A partial date is drawn at its first day, a due date at the end of its period.
    bool march = false, due_june = false;
    for (const auto& p : a.points) {
        march |= p.day == "2024-03-01" && p.event == "progress" && p.status == "limited";
        due_june |= p.day == "2024-06-30" && p.event == "due";
    }
    CHECK(march);
    CHECK(due_june);
    // As of 2026-01-01 all 7; --party singapore selects 1.c2, 2.c1 and 2.c2.
    CHECK(count(report_timeline(store, Filter{}, "2026-01-01"), "made") == 7);
    Filter singapore;
    singapore.party = "singapore";
    CHECK(count(report_timeline(store, singapore, "2026-01-01"), "made") == 3);
}
