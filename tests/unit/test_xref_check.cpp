#include "helpers.hpp"

#include "accord/xref/check.hpp"

#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

using namespace accord;
using namespace accord::xref;

namespace {

Store fixture(const char* name) { return test::store_of_source(std::string("/tests/fixtures/xref/") + name); }

std::vector<std::string> records_with(const std::vector<Finding>& findings, FindingCode code) {
    std::vector<std::string> out;
    for (const auto& f : findings) {
        if (f.code == code) {
            out.push_back(f.record);
        }
    }
    return out;
}

} // namespace

TEST_CASE("orphans are warnings; --strict makes them errors", "[xref][check]") {
    Store store = fixture("chain.yaml");
    auto findings = check_database(store, CheckRequest{});
    // s2024.c2 ("noted the launch") is an acknowledgement: no orphan unless --include-noted.
    CHECK(records_with(findings, FindingCode::orphan) == std::vector<std::string>{"s2018.c2", "s2025.c1"});
    CHECK(count_findings(findings).errors == 0);
    CheckRequest strict;
    strict.strict = true;
    CHECK(count_findings(check_database(store, strict)).errors == 2);
    CheckRequest noted;
    noted.include_noted = true;
    CHECK(records_with(check_database(store, noted), FindingCode::orphan) ==
          std::vector<std::string>{"s2018.c2", "s2024.c2", "s2025.c1"});
}

TEST_CASE("a cycle is an error that names its members", "[xref][check]") {
    Store store = fixture("cycle.yaml");
    auto findings = check_database(store, CheckRequest{});
    auto cycles = std::count_if(findings.begin(), findings.end(),
                                [](const Finding& f) { return f.code == FindingCode::cycle; });
    REQUIRE(cycles == 2);
    const Finding& f = findings.front(); // errors first
    CHECK(f.code == FindingCode::cycle);
    CHECK(f.severity == Severity::error);
    CHECK(f.members == std::vector<std::string>{"s-a", "s-b", "s-c"});
    CHECK(f.message == "record s-a: reference cycle among s-a, s-b, s-c: s-a supersedes s-b, s-b builds-on s-c, "
                       "s-c follows-up s-a");
    CHECK(records_with(findings, FindingCode::fulfils_target) == std::vector<std::string>{"s-d"});
}

TEST_CASE("the lint names each commitment without actors, due date or verb of commitment", "[xref][check]") {
    Store store = fixture("cycle.yaml");
    CheckRequest lint;
    lint.lint = true;
    auto findings = check_database(store, lint);
    CHECK(records_with(findings, FindingCode::no_actor) == std::vector<std::string>{"s-d.c1"});
    CHECK(records_with(findings, FindingCode::no_due) == std::vector<std::string>{"s-d.c2"});
    CHECK(records_with(findings, FindingCode::no_verb) == std::vector<std::string>{"s-d.c1"});
    CHECK(records_with(findings, FindingCode::no_evidence) == std::vector<std::string>{"s-d.c1"});
    CHECK(records_with(check_database(store, CheckRequest{}), FindingCode::no_due).empty());
}

TEST_CASE("dangling references and wrong kinds put in by hand are errors", "[xref][check]") {
    Store store = fixture("chain.yaml");
    store.db().exec("PRAGMA foreign_keys = OFF");
    store.db().exec("INSERT INTO record_reference (source_id, field, pos, relation, target_id) "
                    "VALUES ('s2025', 'references', 1, 'recalls', 'nowhere')");
    store.db().exec("INSERT INTO record_theme (record_id, pos, theme_id) VALUES ('s2018.c1', 5, 'us')");
    auto findings = check_database(store, CheckRequest{});
    CHECK(records_with(findings, FindingCode::unresolved) == std::vector<std::string>{"s2025"});
    CHECK(records_with(findings, FindingCode::wrong_kind) == std::vector<std::string>{"s2018.c1"});
    auto it = std::find_if(findings.begin(), findings.end(),
                           [](const Finding& f) { return f.code == FindingCode::wrong_kind; });
    CHECK(it->message == "record s2018.c1, field themes: 'us' is a party, expected a theme");
    std::ostringstream json;
    write_findings_json(json, findings);
    CHECK(json.str().rfind("{\"ok\": false, \"errors\": 2, \"warnings\": 2,", 0) == 0); // orphans: undertakings
}

TEST_CASE("findings are placed at the record or reference in the YAML", "[xref][check]") {
    Store store = fixture("cycle.yaml");
    auto findings = check_database(store, CheckRequest{});
    Places places;
    places.read({std::string(ACCORD_SOURCE_DIR) + "/tests/fixtures/xref/cycle.yaml"});
    place_findings(findings, places);
    REQUIRE(findings.front().place);
    CHECK(findings.front().place->line == 11); // s-a's reference to s-b
    std::ostringstream text;
    write_findings_text(text, {findings.front()});
    CHECK(text.str().find("cycle.yaml:11:38: error: record s-a: reference cycle") != std::string::npos);
}
