// A dry run into a database without records (check, import --dry-run of a first import) writes
// nothing (docs/ARCHITECTURE.md, "Flow of an import"): its messages, counts and plan must be
// those of the import itself, and the database file must be left as it was.
#include "accord/import/importer.hpp"
#include "accord/store/store.hpp"

#include "helpers.hpp"

#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>

using namespace accord;
namespace fs = std::filesystem;

namespace {

std::string bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Everything an import reports: its messages (with record and field), counts and plan.
std::string report(const ImportSummary& s, const Diagnostics& d) {
    std::string out = fmt::format("files {} documents {} taken_over {} kept {}\n", s.files, s.documents,
                                  s.taken_over, s.kept);
    for (std::size_t k = 0; k < s.counts.size(); ++k) {
        const KindCounts& c = s.counts[k];
        out += fmt::format("{}: {} {} {} {} {}\n", k_kind_names[k], c.inserted, c.updated, c.deleted, c.moved,
                           c.unchanged);
    }
    for (const Change& c : s.changes) {
        out += fmt::format("{} {} {} {}:{} {}:{}\n", to_string(c.what), to_string(c.kind), c.id, c.file, c.line,
                           c.from_file, c.from_line);
    }
    out += fmt::format("{} errors\n", d.count());
    for (const Diagnostic& x : d.sorted()) {
        out += fmt::format("{}:{}:{}: {} [{}|{}]\n", x.file, x.line, x.column, x.message, x.record, x.field);
    }
    return out;
}

ImportSummary run(Store& store, const std::vector<std::string>& paths, bool dry_run, Diagnostics& d) {
    ImportRequest r;
    r.paths = paths;
    r.dry_run = dry_run;
    r.list_changes = true;
    return import_files(store, r, d);
}

// The inputs: the sample data, and every bad input of tests/fixtures/bad (files and folders).
std::vector<std::vector<std::string>> inputs() {
    std::vector<std::vector<std::string>> out{{std::string(ACCORD_SOURCE_DIR) + "/data"}};
    std::vector<std::string> bad;
    for (const auto& e : fs::directory_iterator(std::string(ACCORD_SOURCE_DIR) + "/tests/fixtures/bad")) {
        auto ext = e.path().extension();
        if (ext == ".yaml" || (e.is_directory() && ext.empty())) {
            bad.push_back(e.path().string());
        }
    }
    std::sort(bad.begin(), bad.end());
    for (auto& b : bad) {
        out.push_back({b});
    }
    out.push_back({std::string(ACCORD_SOURCE_DIR) + "/data", bad.front()}); // good and bad together
    return out;
}

} // namespace

TEST_CASE("a dry run into an empty database reports what the import does and leaves the file as it was",
          "[import][dry-run]") {
    test::ScratchDir scratch;
    // One database file for every dry run: each must leave it as it was.
    std::string dry = scratch.path + "/dry.db";
    Store(dry, Store::Access::read_write).migrate();
    const std::string before = bytes(dry);
    std::size_t clean = 0;
    std::size_t refused = 0;
    for (const auto& paths : inputs()) {
        INFO(paths.back());
        Diagnostics dd(100);
        ImportSummary ds;
        {
            Store store(dry, Store::Access::read_write);
            ds = run(store, paths, true, dd);
        }
        Store real = Store::memory();
        Diagnostics rd(100);
        ImportSummary rs = run(real, paths, false, rd);
        CHECK(report(ds, dd) == report(rs, rd));
        CHECK_FALSE(ds.committed);
        CHECK(bytes(dry) == before);
        (dd.empty() ? clean : refused) += 1;
        if (dd.empty()) {
            CHECK(ds.total().inserted > 0);
        }
    }
    Store after(dry, Store::Access::read_only);
    SQLite::Statement q(after.db(), "SELECT (SELECT count(*) FROM record) + (SELECT count(*) FROM progress) + "
                                    "(SELECT count(*) FROM file)");
    REQUIRE(q.executeStep());
    CHECK(q.getColumn(0).getInt() == 0);
    CHECK(clean >= 1);    // the sample data
    CHECK(refused >= 50); // the bad inputs
}
