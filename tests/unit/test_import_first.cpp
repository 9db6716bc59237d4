// A first import (into a database that holds no records) writes without lookups and builds the
// schema's indexes at the end (DeferredIndexes, Writer::all_new; docs/performance.md, "The
// writer of a first import"). Its rows and indexes must be those of an import that goes the
// usual way, into a database that already holds a record.
#include "accord/import/importer.hpp"
#include "accord/store/store.hpp"

#include "helpers.hpp"

#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace accord;
namespace fs = std::filesystem;

namespace {

ImportSummary run(const std::string& db, const std::vector<std::string>& paths, Diagnostics& d) {
    Store store(db, Store::Access::read_write);
    store.migrate();
    ImportRequest r;
    r.paths = paths;
    return import_files(store, r, d);
}

std::vector<std::string> strings(SQLite::Database& db, const std::string& sql) {
    SQLite::Statement q(db, sql);
    std::vector<std::string> out;
    while (q.executeStep()) {
        std::string row;
        for (int i = 0; i < q.getColumnCount(); ++i) {
            row += (i ? "|" : "") + (q.getColumn(i).isNull() ? std::string("NULL") : q.getColumn(i).getString());
        }
        out.push_back(row);
    }
    return out;
}

// Every row of every table of the records, their events and links, without the columns that
// number rows in the order they were written (seq, the file's id, the record written before an
// event), which the seed record of the usual import shifts; the seed itself left out.
std::vector<std::string> rows(SQLite::Database& db) {
    std::vector<std::string> out;
    for (const std::string& table : strings(db, "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name "
                                                "NOT LIKE 'search_index%' AND name NOT LIKE 'sqlite_%' AND name "
                                                "NOT IN ('file', 'meta') ORDER BY name")) {
        std::vector<std::string> columns;
        for (const std::string& c : strings(db, fmt::format("SELECT name FROM pragma_table_info('{}')", table))) {
            if (c != "seq" && c != "file_id" && c != "after_record") {
                columns.push_back('"' + c + '"');
            }
        }
        std::string list = fmt::format("{}", fmt::join(columns, ", "));
        for (auto& row : strings(db, fmt::format("SELECT {} FROM main.\"{}\" ORDER BY {}", list, table, list))) {
            if (row.find("zz-seed") == std::string::npos) {
                out.push_back(table + ": " + row);
            }
        }
    }
    return out;
}

const char* const k_seed = "kind: party\nid: zz-seed\nname: Seed\ntype: state\n";

} // namespace

TEST_CASE("a first import writes the rows and indexes of an import into a database that holds records",
          "[import][first]") {
    test::ScratchDir scratch;
    const std::string data = std::string(ACCORD_SOURCE_DIR) + "/data";
    const std::string first = scratch.path + "/first.db";
    const std::string usual = scratch.path + "/usual.db";
    const std::string seed = scratch.path + "/seed.yaml";
    std::ofstream(seed) << k_seed;

    Diagnostics d1;
    ImportSummary s1 = run(first, {data}, d1);
    REQUIRE(d1.empty());
    REQUIRE(s1.committed);
    Diagnostics d2;
    REQUIRE(run(usual, {seed}, d2).committed);
    ImportSummary s2 = run(usual, {data}, d2);
    REQUIRE(d2.empty());
    CHECK(s2.total().inserted == s1.total().inserted);

    Store a(first, Store::Access::read_only);
    Store b(usual, Store::Access::read_only);
    std::vector<std::string> ra = rows(a.db());
    CHECK(ra.size() > 400);
    CHECK(ra == rows(b.db()));
    // The same indexes, with the same text, and each one holding exactly its table's rows.
    const std::string indexes = "SELECT name, sql FROM main.sqlite_master WHERE type = 'index' ORDER BY name";
    CHECK(strings(a.db(), indexes).size() >= 8);
    CHECK(strings(a.db(), indexes) == strings(b.db(), indexes));
    CHECK(strings(a.db(), "PRAGMA integrity_check") == std::vector<std::string>{"ok"});
}

TEST_CASE("after a first import every record and event is found again: a second import changes nothing",
          "[import][first]") {
    test::ScratchDir scratch;
    const std::string db = scratch.path + "/a.db";
    const std::string data = std::string(ACCORD_SOURCE_DIR) + "/data";
    Diagnostics d;
    ImportSummary first = run(db, {data}, d);
    REQUIRE(d.empty());
    ImportSummary again = run(db, {data}, d);
    REQUIRE(d.empty());
    CHECK(again.total().unchanged == first.total().inserted);
    CHECK_FALSE(again.changed());
}

TEST_CASE("a first import that fails leaves the file as it was, indexes and all", "[import][first]") {
    test::ScratchDir scratch;
    const std::string db = scratch.path + "/a.db";
    {
        Store(db, Store::Access::read_write).migrate();
    }
    auto dump = [&] {
        Store store(db, Store::Access::read_only);
        std::vector<std::string> out = strings(store.db(), "SELECT type, name, sql FROM main.sqlite_master ORDER BY rowid");
        for (const auto& table : strings(store.db(), "SELECT name FROM main.sqlite_master WHERE type = 'table' AND "
                                                     "name NOT LIKE 'sqlite_%' ORDER BY name")) {
            for (auto& row : strings(store.db(), fmt::format("SELECT * FROM main.\"{}\"", table))) {
                out.push_back(table + ": " + row);
            }
        }
        return out;
    };
    const std::vector<std::string> before = dump();
    CHECK(before.size() > 30);
    // The sample data, then a file with a duplicate id: the error comes after every record of
    // data/ was written (and its indexes dropped).
    const std::string bad = scratch.path + "/zz-duplicate.yaml";
    std::ofstream(bad) << "kind: party\nid: zz-seed\nname: One\ntype: state\n---\n"
                          "kind: party\nid: zz-seed\nname: Two\ntype: state\n";
    Diagnostics d;
    ImportSummary s = run(db, {std::string(ACCORD_SOURCE_DIR) + "/data", bad}, d);
    CHECK_FALSE(s.committed);
    REQUIRE(d.count() == 1);
    CHECK(d.sorted().front().message.find("duplicate id") != std::string::npos);
    CHECK(dump() == before);
}
