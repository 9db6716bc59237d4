#include "helpers.hpp"

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
