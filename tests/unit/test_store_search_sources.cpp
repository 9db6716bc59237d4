// The searched fields stated once (store.hpp, SearchSource): the view search_doc_record and
// search_doc_progress (schema_v7.sql.inc) read, for every kind, the columns the list names, and
// the triggers keep search_index in step with them.
#include "helpers.hpp"

#include "accord/store/store.hpp"

#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <set>
#include <string>

using namespace accord;

namespace {

// One record of every kind, each searched field holding its own words.
const char* const k_records = R"(- {kind: party, id: pa, name: Party name, type: state, notes: Party notes}
- {kind: forum, id: fo, name: Forum name, notes: Forum notes}
- {kind: theme, id: th, label: Theme label, description: Theme description, notes: Theme notes}
- {kind: dialogue, id: di, title: Dialogue title, date: 2024-01, notes: Dialogue notes}
- {kind: statement, id: st, title: Statement title, date: 2024-01, notes: Statement notes}
- kind: commitment
  id: st.c
  statement: st
  text: Commitment text
  notes: Commitment notes
  progress:
    - {date: 2024-02, status: limited, note: Progress note, notes: Progress notes}
- {kind: program, id: pr, title: Program title, description: Program description, notes: Program notes}
)";

// The value of a field of the record (or of the commitment's progress event) of a kind; NULL
// when the source names no field.
std::string field_sql(const SearchSource& s, const char* field) {
    if (field == nullptr) {
        return "NULL";
    }
    std::string kind(to_string(s.kind));
    if (s.kind == Kind::progress) {
        return fmt::format("(SELECT {} FROM progress)", field);
    }
    return fmt::format("(SELECT {} FROM {} LIMIT 1)", field, kind);
}

} // namespace

TEST_CASE("the view search_doc reads the fields Store::search_sources names for every kind") {
    Store store = test::store_with(k_records);
    auto& db = store.db();
    std::set<Kind> seen;
    for (const SearchSource& s : Store::search_sources()) {
        INFO("kind " << to_string(s.kind));
        seen.insert(s.kind);
        const std::string doc = s.kind == Kind::progress
                                    ? std::string("SELECT title, body FROM search_doc_progress")
                                    : fmt::format("SELECT d.title, d.body FROM search_doc_record d "
                                                  "JOIN record r ON r.rowid = d.seq WHERE r.kind = '{}'",
                                                  to_string(s.kind));
        SQLite::Statement indexed(db, "SELECT quote(title), quote(body), count(*) OVER () FROM (" + doc + ")");
        REQUIRE(indexed.executeStep());
        SQLite::Statement named(db, fmt::format("SELECT quote({}), quote({})", field_sql(s, s.title),
                                                field_sql(s, s.body)));
        REQUIRE(named.executeStep());
        CHECK(indexed.getColumn(0).getString() == named.getColumn(0).getString());
        CHECK(indexed.getColumn(1).getString() == named.getColumn(1).getString());
        CHECK(indexed.getColumn(2).getInt() == 1);
        // Every field the list names holds words here, so the comparison above is not NULL = NULL.
        CHECK((s.title == nullptr || named.getColumn(0).getString() != "NULL"));
        CHECK((s.body == nullptr || named.getColumn(1).getString() != "NULL"));
    }
    CHECK(seen.size() == 8);
}

TEST_CASE("search_index finds the words of each field the list names") {
    Store store = test::store_with(k_records);
    auto& db = store.db();
    for (const SearchSource& s : Store::search_sources()) {
        INFO("kind " << to_string(s.kind));
        for (const char* field : {s.title, s.body}) {
            if (field == nullptr) {
                continue;
            }
            const std::string value = db.execAndGet(field_sql(s, field).insert(0, "SELECT ")).getString();
            SQLite::Statement q(db, "SELECT count(*) FROM search_index WHERE search_index MATCH ?");
            q.bind(1, "\"" + value + "\"");
            REQUIRE(q.executeStep());
            CHECK(q.getColumn(0).getInt() == 1);
        }
    }
}
