// The import's bulk-write pieces against a real database: the triggers they suspend are named
// by the store, and come back as they were.
#include "accord/store/bulk_write.hpp"
#include "accord/store/store.hpp"

#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace accord;

namespace {

std::vector<std::string> triggers(SQLite::Database& db, const std::string& condition) {
    SQLite::Statement q(db, "SELECT name FROM main.sqlite_master WHERE type = 'trigger' AND " + condition +
                                " ORDER BY name");
    std::vector<std::string> names;
    while (q.executeStep()) {
        names.push_back(q.getColumn(0).getString());
    }
    return names;
}

} // namespace

TEST_CASE("the store names every trigger that keeps search_index in step, and only those") {
    Store store = Store::memory();
    std::vector<std::string> named = Store::search_triggers();
    std::sort(named.begin(), named.end());
    // Every trigger is a kind table's, and writes the index.
    CHECK(named == triggers(store.db(), "1"));
    CHECK(named == triggers(store.db(), "sql LIKE '%INSERT INTO search_index%'"));
    CHECK(named.size() == 24);
}

TEST_CASE("suspended triggers are dropped, and restored with their own text") {
    Store store = Store::memory();
    auto& db = store.db();
    std::vector<std::string> before = triggers(db, "1");
    {
        SuspendedSchema suspended(db, "trigger", Store::search_triggers());
        CHECK_FALSE(suspended.empty());
        CHECK(triggers(db, "1").empty());
        CHECK(triggers(db, "1").size() == before.size() - Store::search_triggers().size());
        suspended.restore();
    }
    CHECK(triggers(db, "1") == before);
    SuspendedSchema none(db, "trigger", {});
    CHECK(none.empty());
}
