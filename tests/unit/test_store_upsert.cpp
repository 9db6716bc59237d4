#include "helpers.hpp"

#include "accord/store/query.hpp"
#include "accord/store/reader.hpp"

#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>
#include <sqlite3.h>

using namespace accord;
using accord::test::import_text;

namespace {

const char* k_base = R"(
- {kind: party, id: asean, name: ASEAN, type: regional-organisation}
- {kind: party, id: singapore, name: Singapore, type: state, member_of: [asean]}
- {kind: party, id: us, name: United States, type: state}
- {kind: theme, id: cb, label: Capacity building}
- kind: statement
  id: s1
  title: A statement
  date: 2024-10
  commitments:
    - id: s1.c1
      text: Commit to more capacity building.
      actors: [us, asean]
      themes: [cb]
      due: 2025
)";

int count(Store& s, const char* sql) {
    SQLite::Statement q(s.db(), sql);
    q.executeStep();
    return q.getColumn(0).getInt();
}

} // namespace

TEST_CASE("an import inserts, a re-import changes nothing, an edit updates", "[store]") {
    Store store = Store::memory();
    Diagnostics d1;
    auto first = import_text(store, k_base, d1);
    REQUIRE(d1.empty());
    CHECK(first.committed);
    CHECK(first.total().inserted == 6);
    Diagnostics d2;
    auto again = import_text(store, k_base, d2);
    CHECK(again.total().inserted == 0);
    CHECK(again.total().updated == 0);
    CHECK(again.total().unchanged == 6);
    CHECK_FALSE(again.changed());
    std::string edited = std::string(k_base);
    edited.replace(edited.find("more capacity"), 4, "much");
    Diagnostics d3;
    auto third = import_text(store, edited, d3);
    CHECK(third.counts[static_cast<std::size_t>(Kind::commitment)].updated == 1);
    CHECK(third.total().unchanged == 5);
    RecordReader reader(store);
    CHECK(reader.load("s1.c1")->text("text") == "Commit to much capacity building.");
    // Links are replaced, not doubled.
    CHECK(count(store, "SELECT count(*) FROM record_party WHERE record_id = 's1.c1'") == 2);
}

TEST_CASE("an import with an error writes nothing", "[store]") {
    Store store = Store::memory();
    Diagnostics d1;
    import_text(store, k_base, d1);
    int before = count(store, "SELECT count(*) FROM record");
    Diagnostics d2;
    auto s = import_text(store, "- {kind: party, id: japan, name: Japan, type: state}\n"
                                "- {kind: party, id: x, name: X, type: planet}\n",
                         d2, false, "japan.yaml");
    CHECK_FALSE(s.committed);
    CHECK(d2.count() == 1);
    CHECK(count(store, "SELECT count(*) FROM record") == before);
}

TEST_CASE("a dry run validates against the database and writes nothing", "[store]") {
    Store store = Store::memory();
    Diagnostics d1;
    import_text(store, k_base, d1);
    Diagnostics d2;
    auto s = import_text(store, "{kind: party, id: japan, name: Japan, type: state, member_of: [asean]}", d2, true,
                         "japan.yaml");
    CHECK(d2.empty()); // asean resolves from the database
    CHECK_FALSE(s.committed);
    CHECK(count(store, "SELECT count(*) FROM party WHERE id = 'japan'") == 0);
}

TEST_CASE("status: latest event per actor, overall the lowest, withdrawn only when all withdrew", "[store]") {
    Store store = Store::memory();
    Diagnostics d;
    import_text(store, k_base, d);
    REQUIRE(d.empty());
    // CommitmentStatus (show) and the view v_commitment_status (reports) give the same status.
    auto commitment_status = [&](Store& st, const std::string& id) {
        std::string status = CommitmentStatus(st).overall(id);
        SQLite::Statement q(st.db(), "SELECT status FROM v_commitment_status WHERE commitment_id = ?");
        q.bind(1, id);
        REQUIRE(q.executeStep());
        CHECK(q.getColumn(0).getString() == status);
        return status;
    };
    CHECK(commitment_status(store, "s1.c1") == "unassessed");
    CHECK(CommitmentStatus(store).overall("no-such-commitment") == "unassessed");
    // Each event in a file of its own (a file owns its events: the same file again would replace them).
    int files = 0;
    auto progress = [&](const std::string& yaml) {
        Diagnostics dd;
        import_text(store, yaml, dd, false, "progress-" + std::to_string(++files) + ".yaml");
        REQUIRE(dd.empty());
    };
    progress("{kind: progress, commitment: s1.c1, date: 2025-01, status: limited}");
    CHECK(commitment_status(store, "s1.c1") == "limited");
    progress("{kind: progress, commitment: s1.c1, date: 2025-06, status: complete, party: us}");
    CHECK(commitment_status(store, "s1.c1") == "limited"); // asean still limited
    progress("{kind: progress, commitment: s1.c1, date: 2025-07, status: withdrawn, party: asean}");
    CHECK(commitment_status(store, "s1.c1") == "complete"); // withdrawn actors are left out
    progress("{kind: progress, commitment: s1.c1, date: 2025-08, status: withdrawn}");
    CHECK(commitment_status(store, "s1.c1") == "withdrawn");
}

TEST_CASE("the party filter rolls members up into their organisations", "[store][filter]") {
    Store store = Store::memory();
    Diagnostics d;
    import_text(store, std::string(k_base) + R"(
- kind: statement
  id: s2
  title: Singapore alone
  date: 2025
  commitments:
    - {id: s2.c1, text: Host a centre., actors: [singapore]}
)",
                d);
    REQUIRE(d.empty());
    Filter f;
    f.party = "asean";
    text::Table t = list_records(store, Kind::commitment, f);
    REQUIRE(t.rows.size() == 2);
    f.party = "us";
    CHECK(list_records(store, Kind::commitment, f).rows.size() == 1);
    Filter g;
    g.until = PartialDate::parse("2024");
    CHECK(list_records(store, Kind::commitment, g).rows.size() == 1);
    g.until = PartialDate::parse("2025-01-01");
    CHECK(list_records(store, Kind::commitment, g).rows.size() == 2);
}

TEST_CASE("ids are unique across kinds, also against the database", "[store]") {
    Store store = Store::memory();
    Diagnostics d;
    import_text(store, k_base, d);
    Diagnostics d2;
    import_text(store, "{kind: theme, id: us, label: Not a party}", d2, false, "theme.yaml");
    REQUIRE(d2.count() == 1);
    CHECK(d2.sorted()[0].message.find("already used by a party") != std::string::npos);
}

TEST_CASE("an import into an empty database checks foreign keys at the end and enforces them again after",
          "[store]") {
    Store store = Store::memory();
    Diagnostics d;
    auto first = import_text(store, k_base, d);
    REQUIRE(d.empty());
    REQUIRE(first.committed);
    // Enforcement, turned off for the import into the empty database, is back on.
    CHECK(count(store, "PRAGMA foreign_keys") == 1);
    CHECK(count(store, "SELECT count(*) FROM pragma_foreign_key_check") == 0);
    CHECK_NOTHROW(store.check_foreign_keys());
    // The index, filled at the end instead of by the triggers, holds every record's text.
    CHECK_NOTHROW(store.db().exec("INSERT INTO search_index (search_index) VALUES ('integrity-check')"));
    CHECK(count(store, "SELECT count(*) FROM search_index") == 6);
    // The triggers suspended for the import are all back.
    CHECK(count(store, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'") == 24);
    // The check finds a row that names a missing row (one written with enforcement off).
    store.db().exec("PRAGMA foreign_keys = OFF");
    store.db().exec("INSERT INTO record_theme (record_id, pos, theme_id) VALUES ('s1.c1', 7, 'no-such-theme')");
    try {
        store.check_foreign_keys();
        FAIL("no violation found");
    } catch (const SQLite::Exception& e) {
        CHECK(e.getErrorCode() == SQLITE_CONSTRAINT_FOREIGNKEY);
        CHECK(std::string(e.what()).find("of record_theme names a missing row of theme") != std::string::npos);
    }
}
