#include "helpers.hpp"

#include "accord/error.hpp"
#include "accord/search/search.hpp"

#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>

using namespace accord;
using namespace accord::xref;
using accord::test::import_text;

namespace {

const char* k_records = R"(
- {kind: party, id: us, name: United States, type: state}
- {kind: theme, id: ci, label: Critical infrastructure}
- kind: statement
  id: s1
  title: Statement on cyber resilience
  date: 2024-10
  notes: Adopted in Singapore.
  commitments:
    - id: s1.c1
      text: Commit to protecting critical infrastructure.
      actors: [us]
      themes: [ci]
      progress:
        - {date: 2025-01, status: limited, note: A first drill was held.}
    - id: s1.c2
      text: Explore the critical role of infrastructure funds.
)";

std::vector<std::string> ids(const SearchResult& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits) {
        out.push_back(std::string(to_string(h.kind)) + ":" + h.id);
    }
    return out;
}

SearchResult find(Store& store, std::vector<std::string> terms, bool any = false) {
    SearchRequest q;
    q.terms = std::move(terms);
    q.any_term = any;
    q.limit = 0;
    return search(store, q);
}

} // namespace

TEST_CASE("a fresh database is at the current schema and its records are searchable", "[xref][search][store]") {
    Store store = Store::memory();
    CHECK(store.schema_version() == k_schema_version);
    Diagnostics d;
    import_text(store, k_records, d);
    REQUIRE(d.empty());
    // A phrase finds the words side by side; separate words anywhere in the record.
    CHECK(ids(find(store, {"critical infrastructure"})) == std::vector<std::string>{"theme:ci", "commitment:s1.c1"});
    CHECK(ids(find(store, {"critical", "infrastructure"})).size() == 3);
    CHECK(ids(find(store, {"resilience", "singapore"})) == std::vector<std::string>{"statement:s1"});
    CHECK(ids(find(store, {"drill"})) == std::vector<std::string>{"progress:s1.c1"});
    CHECK(ids(find(store, {"protect"})) == std::vector<std::string>{"commitment:s1.c1"}); // stemmed
    CHECK(ids(find(store, {"singap*"})) == std::vector<std::string>{"statement:s1"});
    CHECK(ids(find(store, {"drill", "resilience"}, true)).size() == 2);
    auto hit = find(store, {"drill"}).hits.at(0);
    CHECK(hit.field == "note");
    CHECK(hit.date == "2025-01");
    CHECK(mark_snippet(hit.snippet, "[", "]") == "A first [drill] was held.");
}

TEST_CASE("the index follows re-imports and hand edits", "[xref][search][store]") {
    Store store = Store::memory();
    Diagnostics d1;
    import_text(store, k_records, d1);
    std::string edited(k_records);
    edited.replace(edited.find("A first drill"), 13, "A second exercise");
    Diagnostics d2;
    import_text(store, edited, d2);
    REQUIRE(d2.empty());
    CHECK(find(store, {"drill"}).hits.empty());
    CHECK(ids(find(store, {"exercise"})) == std::vector<std::string>{"progress:s1.c1"});
    store.db().exec("PRAGMA foreign_keys = OFF");
    store.db().exec("DELETE FROM commitment WHERE id = 's1.c2'");
    CHECK(find(store, {"funds"}).hits.empty());
    store.db().exec("INSERT INTO search_index (search_index) VALUES ('integrity-check')");
}

TEST_CASE("migrating a version-1 database fills the index from its rows", "[xref][search][store]") {
    Store store = Store::memory();
    Diagnostics d;
    import_text(store, k_records, d);
    // Back to version 1: version 2 only adds the search table, its index and triggers; version 3
    // a view (the same again); version 4 the table of files and the columns that name them;
    // version 6 the table of milestones (and the view again).
    store.db().exec("DROP VIEW v_timeline; DROP TABLE program_milestone; DROP INDEX record_file; DROP INDEX progress_file; ALTER TABLE record DROP COLUMN file_id; "
                    "ALTER TABLE record DROP COLUMN line; ALTER TABLE record DROP COLUMN col; "
                    "ALTER TABLE progress DROP COLUMN file_id; ALTER TABLE progress DROP COLUMN line; "
                    "ALTER TABLE progress DROP COLUMN col; DROP TABLE file");
    std::vector<std::string> triggers;
    {
        SQLite::Statement q(store.db(), "SELECT name FROM sqlite_master WHERE type = 'trigger'");
        while (q.executeStep()) {
            triggers.push_back(q.getColumn(0).getString());
        }
    }
    for (const auto& t : triggers) {
        store.db().exec("DROP TRIGGER \"" + t + "\"");
    }
    store.db().exec("DROP TABLE search_index; DROP VIEW search_doc; DROP VIEW search_doc_record; "
                    "DROP VIEW search_doc_progress; ALTER TABLE progress DROP COLUMN after_record; "
                    "PRAGMA user_version = 1");
    CHECK(store.migrate() == 1);
    CHECK(store.schema_version() == k_schema_version);
    CHECK(ids(find(store, {"critical infrastructure"})) == std::vector<std::string>{"theme:ci", "commitment:s1.c1"});
    CHECK(ids(find(store, {"drill"})) == std::vector<std::string>{"progress:s1.c1"});
}

TEST_CASE("search terms are quoted, never FTS5 syntax", "[xref][search]") {
    CHECK(fts_query({"critical infrastructure"}, false) ==
          "(\"critical infrastructure\" OR \"criticalinfrastructure\")");
    CHECK(fts_query({"a", "b"}, true) == "\"a\" OR \"b\"");
    CHECK(fts_query({"say \"no\" NOT", "cyber*"}, false) == "\"say \"\"no\"\" NOT\" AND \"cyber\" *");
    CHECK_THROWS_AS(fts_query({"..."}, false), UsageError);
    CHECK_THROWS_AS(fts_query({}, false), UsageError);
}

TEST_CASE("a filter leaves out the kinds it does not apply to", "[xref][search]") {
    Store store = Store::memory();
    Diagnostics d;
    import_text(store, k_records, d);
    SearchRequest q;
    q.terms = {"critical"};
    q.filter.theme = "ci";
    auto r = search(store, q);
    CHECK(ids(r) == std::vector<std::string>{"theme:ci", "commitment:s1.c1"});
    q.kinds = {Kind::statement};
    CHECK_THROWS_AS(search(store, q), UsageError); // --theme does not apply to statements
}

TEST_CASE("a word also matches as two words, and two words as one", "[xref][search]") {
    CHECK(fts_query({"Vietnam"}, false) == "(\"Vietnam\" OR \"Vie tnam\" OR \"Viet nam\")");
    CHECK(fts_query({"Viet Nam"}, false) == "(\"Viet Nam\" OR \"VietNam\")");
    CHECK(fts_query({"cyber"}, false) == "\"cyber\"");     // under six letters: as it is
    CHECK(fts_query({"cyber*"}, false) == "\"cyber\" *");  // a prefix: as it is
    CHECK(fts_query({"13j"}, false) == "\"13j\"");         // not letters only
    CHECK(fts_query({"a b c"}, false) == "\"a b c\"");     // three words: as they are
    Store store = test::store_with(R"(
- {kind: party, id: viet-nam, name: Viet Nam, type: state}
- {kind: party, id: cyberland, name: Cyberspace Republic, type: state}
)");
    CHECK(ids(find(store, {"Vietnam"})) == std::vector<std::string>{"party:viet-nam"});
    CHECK(ids(find(store, {"cyber space"})) == std::vector<std::string>{"party:cyberland"});
}

TEST_CASE("ids are searchable, and a record whose id is the term comes first", "[xref][search]") {
    Store store = test::store_with(std::string(k_records) + R"YAML(
- {kind: theme, id: norm-13j, label: Reporting vulnerabilities, code: "13(j)"}
- {kind: statement, id: us-ai-2024, title: Statement on Artificial Intelligence, date: 2024}
- {kind: statement, id: s2, title: "Statement that names s1.c1 in its title", date: 2025}
)YAML");
    CHECK(ids(find(store, {"norm-13j"})) == std::vector<std::string>{"theme:norm-13j"});
    auto ai = find(store, {"AI"}); // two letters, found in the id
    REQUIRE(ids(ai) == std::vector<std::string>{"statement:us-ai-2024"});
    CHECK(ai.hits[0].field == "id");
    CHECK(mark_snippet(ai.hits[0].snippet, "[", "]") == "Statement on Artificial Intelligence");
    // The record of that id first; then, by rank, the statement whose title holds the words
    // (a title weighs twice an id) and the commitment's progress event (its commitment's id).
    CHECK(ids(find(store, {"s1.c1"})) ==
          std::vector<std::string>{"commitment:s1.c1", "statement:s2", "progress:s1.c1"});
    CHECK(ids(find(store, {"S1.C1"})).front() == "commitment:s1.c1");
}

TEST_CASE("highlights hold whole words, less the punctuation around them", "[xref][search]") {
    auto whole = [](std::string marked) {
        for (char& c : marked) {
            c = c == '[' ? k_mark_open[0] : c == ']' ? k_mark_close[0] : c;
        }
        return mark_snippet(whole_tokens(marked), "[", "]");
    };
    CHECK(whole("norm [13(j]) on reporting") == "norm [13(j)] on reporting");
    CHECK(whole("the [U.S]. and ASEAN") == "the [U.S.] and ASEAN");
    CHECK(whole("the [U.S].-ASEAN dialogue") == "the [U.S.-ASEAN] dialogue");
    CHECK(whole("([critical] infrastructure).") == "([critical] infrastructure).");
    CHECK(whole("of [cooperation].") == "of [cooperation].");
    CHECK(whole("[Viet] [Nam], a state") == "[Viet] [Nam], a state");
    CHECK(whole("\"[cyber]space\" is") == "\"[cyberspace]\" is");
    CHECK(whole("[cyber]-[security]") == "[cyber-security]"); // marks that meet merge
    CHECK(whole("no mark at all") == "no mark at all");
    CHECK(whole("...[drill] was") == "...[drill] was");   // the snippet's ellipsis stays outside
    CHECK(whole("a [drill]...") == "a [drill]...");
    CHECK(whole("the [U.S]...") == "the [U.S.]..");
}
