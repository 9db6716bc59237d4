// The files are the truth (docs/format.md, "What a file owns"): imports that delete, move
// and refuse, on real files in a scratch folder and a database in memory.
#include "helpers.hpp"

#include "accord/store/writer.hpp"

#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace accord;
namespace fs = std::filesystem;

namespace {

// A folder of YAML files, removed at the end of the test.
class Folder {
public:
    Folder() {
        char dir[] = "/tmp/accord-truth-XXXXXX";
        m_path = ::mkdtemp(dir);
    }
    ~Folder() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    std::string path(const std::string& name = "") const { return name.empty() ? m_path : m_path + "/" + name; }
    void write(const std::string& name, const std::string& text) const {
        fs::create_directories(fs::path(path(name)).parent_path());
        std::ofstream(path(name)) << text;
    }
    void remove(const std::string& name) const { fs::remove(path(name)); }
    ImportSummary import(Store& store, Diagnostics& diags, std::vector<std::string> paths = {}, bool keep = false,
                         bool dry_run = false) const {
        ImportRequest r;
        r.paths = paths.empty() ? std::vector<std::string>{m_path} : std::move(paths);
        r.keep = keep;
        r.dry_run = dry_run;
        r.list_changes = true;
        return import_files(store, r, diags);
    }

private:
    std::string m_path;
};

std::string text(Store& s, const std::string& sql) {
    SQLite::Statement q(s.db(), sql);
    return q.executeStep() && !q.getColumn(0).isNull() ? q.getColumn(0).getString() : std::string();
}

int count(Store& s, const std::string& sql) { return std::stoi(text(s, sql)); }

std::string messages(const Diagnostics& d) {
    std::string out;
    for (const auto& x : d.sorted()) {
        out += x.file + ":" + std::to_string(x.line) + ":" + std::to_string(x.column) + ": " + x.message + "\n";
    }
    return out;
}

const char* k_parties = R"(- {kind: party, id: us, name: United States, type: state}
- {kind: party, id: asean, name: ASEAN, type: regional-organisation}
- {kind: party, id: japan, name: Japan, type: state}
)";

const char* k_statement = R"(kind: statement
id: s1
title: A statement
date: 2024-10
commitments:
  - id: s1.c1
    text: Commit to more capacity building.
    actors: [us, asean]
    progress:
      - {date: 2025-01, status: limited}
      - {date: 2025-06, status: complete, party: us}
  - id: s1.c2
    text: Explore a dialogue.
    actors: [japan]
)";

std::size_t k(Kind kind) { return static_cast<std::size_t>(kind); }

// k_parties without japan (its last line).
std::string parties_without_japan() {
    std::string parties = k_parties;
    return parties.erase(parties.find("- {kind: party, id: japan"));
}

// A database in memory holding the folder's parties.yaml (k_parties) and, with statement,
// s1.yaml (k_statement), imported as a folder.
Store imported(const Folder& f, bool statement = true) {
    f.write("parties.yaml", k_parties);
    if (statement) {
        f.write("s1.yaml", k_statement);
    }
    Store store = Store::memory();
    Diagnostics d;
    f.import(store, d);
    if (!d.empty()) {
        throw std::runtime_error("the test records do not import: " + messages(d));
    }
    return store;
}

} // namespace

TEST_CASE("every record and progress event keeps its file, line and column, nested ones too", "[import][truth]") {
    Folder f;
    Store store = imported(f);
    FilePaths paths(":memory:");
    CHECK(text(store, "SELECT f.path FROM record r JOIN file f ON f.id = r.file_id WHERE r.id = 's1.c2'") ==
          paths.key(f.path("s1.yaml")));
    CHECK(text(store, "SELECT line || ':' || col FROM record WHERE id = 's1'") == "1:1");
    CHECK(text(store, "SELECT line || ':' || col FROM record WHERE id = 's1.c2'") == "12:5");
    CHECK(text(store, "SELECT line || ':' || col FROM record WHERE id = 'japan'") == "3:3");
    CHECK(text(store, "SELECT line || ':' || col FROM progress WHERE party_id = 'us'") == "11:9");
    CHECK(count(store, "SELECT count(*) FROM record WHERE file_id IS NULL") == 0);
    CHECK(count(store, "SELECT count(*) FROM progress WHERE file_id IS NULL") == 0);
    // A line that moves is brought up to date, and the record still counts as unchanged.
    f.write("parties.yaml", std::string("# a comment\n") + k_parties);
    Diagnostics d2;
    auto s = f.import(store, d2);
    REQUIRE(d2.empty());
    CHECK(s.total().unchanged == 8);
    CHECK_FALSE(s.changed());
    CHECK(text(store, "SELECT line FROM record WHERE id = 'japan'") == "4");
}

TEST_CASE("a record or progress event deleted from its file is deleted, with its links", "[import][truth]") {
    Folder f;
    Store store = imported(f);
    std::string edited = k_statement;
    edited.erase(edited.find("  - id: s1.c2")); // c2 goes
    edited.erase(edited.find("      - {date: 2025-06"), std::string("      - {date: 2025-06, status: complete, party: us}\n").size());
    f.write("s1.yaml", edited);
    Diagnostics d2;
    auto s = f.import(store, d2);
    REQUIRE(messages(d2) == "");
    CHECK(s.committed);
    CHECK(s.counts[k(Kind::commitment)].deleted == 1);
    CHECK(s.counts[k(Kind::progress)].deleted == 1);
    CHECK(s.total().deleted == 2);
    CHECK(count(store, "SELECT count(*) FROM record WHERE id = 's1.c2'") == 0);
    CHECK(count(store, "SELECT count(*) FROM commitment WHERE id = 's1.c2'") == 0);
    CHECK(count(store, "SELECT count(*) FROM record_party WHERE record_id = 's1.c2'") == 0);
    CHECK(count(store, "SELECT count(*) FROM search_index WHERE search_index MATCH 'id: \"s1 c2\"'") == 0);
    CHECK_NOTHROW(store.db().exec("INSERT INTO search_index (search_index) VALUES ('integrity-check')"));
    CHECK(count(store, "SELECT count(*) FROM progress") == 1);
    CHECK(count(store, "SELECT count(*) FROM pragma_foreign_key_check") == 0);
    // The plan names them, with the place they had.
    REQUIRE(s.changes.size() == 2);
    CHECK(s.changes[0].what == Change::Class::deleted);
    CHECK(s.changes[0].id == "s1.c1@2025-06@us");
    CHECK(s.changes[0].line == 11);
    CHECK(s.changes[1].id == "s1.c2");
    CHECK(s.changes[1].kind == Kind::commitment);
    CHECK(s.changes[1].line == 12);
}

TEST_CASE("a progress event whose date is fixed replaces the old one", "[import][truth]") {
    Folder f;
    Store store = imported(f);
    std::string edited = k_statement;
    edited.replace(edited.find("2025-01"), 7, "2025-02");
    f.write("s1.yaml", edited);
    Diagnostics d2;
    auto s = f.import(store, d2);
    REQUIRE(d2.empty());
    CHECK(s.counts[k(Kind::progress)].inserted == 1);
    CHECK(s.counts[k(Kind::progress)].deleted == 1);
    CHECK(text(store, "SELECT group_concat(date, ' ') FROM (SELECT date FROM progress ORDER BY date)") ==
          "2025-02 2025-06");
}

TEST_CASE("a folder import deletes the records of a vanished file; a file import does not", "[import][truth]") {
    Folder f;
    f.write("sub/more.yaml", "{kind: party, id: korea, name: Korea, type: state}\n");
    Store store = imported(f);
    f.remove("sub/more.yaml");
    Diagnostics d2;
    auto one = f.import(store, d2, {f.path("parties.yaml")});
    REQUIRE(d2.empty());
    CHECK(one.total().deleted == 0);
    CHECK(count(store, "SELECT count(*) FROM party WHERE id = 'korea'") == 1);
    Diagnostics d3;
    auto all = f.import(store, d3);
    REQUIRE(d3.empty());
    CHECK(all.counts[k(Kind::party)].deleted == 1);
    CHECK(count(store, "SELECT count(*) FROM party WHERE id = 'korea'") == 0);
    // The vanished file is forgotten.
    CHECK(count(store, "SELECT count(*) FROM file WHERE path LIKE '%more.yaml'") == 0);
}

TEST_CASE("a renamed file and a record moved between two files are moves", "[import][truth]") {
    Folder f;
    Store store = imported(f);
    fs::rename(f.path("s1.yaml"), f.path("statement-1.yaml"));
    Diagnostics d2;
    auto renamed = f.import(store, d2);
    REQUIRE(messages(d2) == "");
    CHECK(renamed.counts[k(Kind::statement)].moved == 1);
    CHECK(renamed.counts[k(Kind::commitment)].moved == 2);
    CHECK(renamed.counts[k(Kind::progress)].moved == 2);
    CHECK(renamed.total().deleted == 0);
    CHECK(renamed.total().inserted == 0);
    CHECK(text(store, "SELECT f.path FROM record r JOIN file f ON f.id = r.file_id WHERE r.id = 's1.c1'")
              .find("statement-1.yaml") != std::string::npos);
    // japan moves from parties.yaml to its own file, both in the import.
    f.write("parties.yaml", parties_without_japan());
    f.write("japan.yaml", "{kind: party, id: japan, name: Japan, type: state}\n");
    Diagnostics d3;
    auto moved = f.import(store, d3, {f.path("parties.yaml"), f.path("japan.yaml")});
    REQUIRE(messages(d3) == "");
    CHECK(moved.counts[k(Kind::party)].moved == 1);
    REQUIRE(moved.changes.size() == 1);
    CHECK(moved.changes[0].what == Change::Class::moved);
    CHECK(moved.changes[0].line == 1);
    CHECK(moved.changes[0].from_line == 3);
    CHECK(moved.changes[0].from_file.find("parties.yaml") != std::string::npos);
}

TEST_CASE("an id defined in a file that the import does not read is refused, naming both places",
          "[import][truth]") {
    Folder f;
    Store store = imported(f, false);
    std::string before = text(store, "SELECT group_concat(id || name, ',') FROM party");
    f.write("new/copy.yaml", "{kind: party, id: japan, name: Japan (copy), type: state}\n");
    Diagnostics d2;
    auto s = f.import(store, d2, {f.path("new/copy.yaml")});
    CHECK_FALSE(s.committed);
    REQUIRE(d2.count() == 1);
    auto e = d2.sorted()[0];
    CHECK(e.line == 1);
    CHECK(e.record == "japan");
    CHECK(e.message.find("record japan is already defined in ") == 0);
    CHECK(e.message.find("parties.yaml:3 ") != std::string::npos);
    CHECK(text(store, "SELECT group_concat(id || name, ',') FROM party") == before);
    // A progress event too.
    f.remove("new/copy.yaml");
    f.write("s1.yaml", k_statement);
    Diagnostics d3;
    f.import(store, d3);
    REQUIRE(d3.empty());
    f.write("new/event.yaml", "{kind: progress, commitment: s1.c1, date: 2025-01, status: complete}\n");
    Diagnostics d4;
    f.import(store, d4, {f.path("new/event.yaml")});
    REQUIRE(d4.count() == 1);
    CHECK(d4.sorted()[0].message.find("progress of s1.c1 dated 2025-01 is already defined in ") == 0);
    CHECK(text(store, "SELECT status FROM progress WHERE date = '2025-01'") == "limited");
}

TEST_CASE("a deletion that would leave a reference dangling is refused, naming both records", "[import][truth]") {
    Folder f;
    Store store = imported(f);
    // japan goes from parties.yaml, but s1.c2 (not in the import) names it.
    f.write("parties.yaml", parties_without_japan());
    Diagnostics d2;
    auto s = f.import(store, d2, {f.path("parties.yaml")});
    CHECK_FALSE(s.committed);
    REQUIRE(d2.count() == 1);
    auto e = d2.sorted()[0];
    CHECK(e.message ==
          "record s1.c2, field actors: dangling reference: 'japan' would be deleted, as it is no longer in " +
              FilePaths(":memory:").display(FilePaths(":memory:").key(f.path("parties.yaml"))) +
              " (it was at line 3)");
    CHECK(e.line == 12);
    CHECK(e.record == "s1.c2");
    CHECK(e.field == "actors");
    CHECK(count(store, "SELECT count(*) FROM party WHERE id = 'japan'") == 1);
    // The same from a record the import reads: placed at the reference.
    Diagnostics d3;
    f.import(store, d3);
    REQUIRE(d3.count() == 1);
    CHECK(d3.sorted()[0].line == 14);
    CHECK(d3.sorted()[0].column == 14);
    CHECK(d3.sorted()[0].message.find("record s1.c2, field actors: dangling reference: 'japan' would be deleted") ==
          0);
}

TEST_CASE("with keep nothing is deleted; the next import deletes", "[import][truth]") {
    Folder f;
    Store store = imported(f, false);
    f.write("parties.yaml", parties_without_japan());
    Diagnostics d2;
    auto kept = f.import(store, d2, {}, true);
    REQUIRE(d2.empty());
    CHECK(kept.total().deleted == 0);
    CHECK(count(store, "SELECT count(*) FROM party") == 3);
    Diagnostics d3;
    auto s = f.import(store, d3);
    REQUIRE(d3.empty());
    CHECK(s.total().deleted == 1);
    CHECK(count(store, "SELECT count(*) FROM party") == 2);
}

TEST_CASE("a dry run plans the deletions and writes nothing", "[import][truth]") {
    Folder f;
    Store store = imported(f, false);
    f.write("parties.yaml", parties_without_japan() + "- {kind: party, id: korea, name: Korea, type: state}\n");
    Diagnostics d2;
    auto s = f.import(store, d2, {}, false, true);
    REQUIRE(d2.empty());
    CHECK_FALSE(s.committed);
    REQUIRE(s.changes.size() == 2);
    CHECK(s.changes[0].what == Change::Class::inserted);
    CHECK(s.changes[0].id == "korea");
    CHECK(s.changes[0].line == 3);
    CHECK(s.changes[1].what == Change::Class::deleted);
    CHECK(s.changes[1].id == "japan");
    CHECK(count(store, "SELECT count(*) FROM party WHERE id = 'japan'") == 1);
    CHECK(count(store, "SELECT count(*) FROM party WHERE id = 'korea'") == 0);
}

TEST_CASE("records from before files were kept are taken over by the first file that defines them",
          "[import][truth]") {
    Folder f;
    Store store = imported(f);
    // As a database migrated from version 3: no file anywhere.
    store.db().exec("UPDATE record SET file_id = NULL, line = NULL, col = NULL; "
                    "UPDATE progress SET file_id = NULL, line = NULL, col = NULL; DELETE FROM file");
    // A file that the database does not know defines japan: taken over, not refused.
    f.write("other/japan.yaml", "{kind: party, id: japan, name: Japan, type: state}\n");
    f.write("parties.yaml", parties_without_japan());
    Diagnostics d2;
    auto s = f.import(store, d2);
    REQUIRE(messages(d2) == "");
    CHECK(s.taken_over == 8);
    CHECK(s.total().unchanged == 8);
    CHECK(s.total().deleted == 0);
    CHECK(count(store, "SELECT count(*) FROM record WHERE file_id IS NULL") == 0);
    CHECK(text(store, "SELECT f.path FROM record r JOIN file f ON f.id = r.file_id WHERE r.id = 'japan'")
              .find("other/japan.yaml") != std::string::npos);
}

TEST_CASE("file names: relative to the database's folder, links and dots resolved, shown from here",
          "[store][truth]") {
    Folder f;
    f.write("data/a.yaml", "x");
    fs::create_directory_symlink(f.path("data"), f.path("link"));
    FilePaths paths(f.path("accord.db"));
    CHECK(paths.key(f.path("data")) == "data");
    CHECK(paths.key(f.path("data/")) == "data");
    CHECK(paths.key(f.path("./data/./")) == "data");
    CHECK(paths.key(f.path("link/")) == "data");
    CHECK(paths.key(f.path("link/a.yaml")) == "data/a.yaml");
    CHECK(paths.key(f.path("data/../data/a.yaml")) == "data/a.yaml");
    CHECK(paths.key(f.path()) == ".");
    CHECK(paths.key("-") == "-");
    CHECK(paths.display("-") == "<stdin>");
    FilePaths here(":memory:");
    CHECK(here.display(here.key("tests/unit/helpers.hpp")) == "tests/unit/helpers.hpp");
    CHECK(FilePaths::under("data/a.yaml", "data"));
    CHECK(FilePaths::under("data/sub/a.yaml", "data"));
    CHECK_FALSE(FilePaths::under("data2/a.yaml", "data"));
    CHECK_FALSE(FilePaths::under("data", "data"));
    CHECK(FilePaths::under("data/a.yaml", "."));
    CHECK_FALSE(FilePaths::under("../x/a.yaml", "."));
    CHECK_FALSE(FilePaths::under("-", "."));
    CHECK(paths.exists("data/a.yaml"));
    CHECK_FALSE(paths.exists("data/b.yaml"));
}
