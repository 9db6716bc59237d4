// The importer fed text: streams named as files, into a real SQLite file in a scratch folder.
#include "accord/import/importer.hpp"
#include "accord/store/store.hpp"

#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>

#include <cstdio>
#include <sstream>
#include <string>
#include <unistd.h>

using namespace accord;

namespace {

// A database file in a folder of its own, removed at the end.
struct TempDatabase {
    std::string folder;
    std::string path;
    TempDatabase() {
        char dir[] = "/tmp/accord-unit-XXXXXX";
        folder = ::mkdtemp(dir);
        path = folder + "/accord.db";
    }
    ~TempDatabase() {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
            std::remove((path + suffix).c_str());
        }
        ::rmdir(folder.c_str());
    }
};

const char* const k_parties = "kind: party\nid: fr\nname: France\ntype: state\n"
                              "---\nkind: party\nid: de\nname: Germany\ntype: state\n";
const char* const k_statement = "kind: statement\nid: st-1\ntitle: A statement\ndate: 2024-05-01\n"
                                "type: joint-statement\nparties: [fr, de]\n";

long long count(Store& store, const std::string& sql) {
    SQLite::Statement q(store.db(), sql);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

} // namespace

TEST_CASE("streams import into a database file, each kept under its name", "[import]") {
    TempDatabase db;
    {
        Store store(db.path, Store::Access::read_write);
        store.migrate();
        std::istringstream parties(k_parties);
        std::istringstream statement(k_statement);
        ImportRequest r;
        r.streams = {{"parties.yaml", &parties}, {"statements/st-1.yaml", &statement}};
        Diagnostics diags;
        ImportSummary s = import_files(store, r, diags);
        CHECK(diags.empty());
        CHECK(s.committed);
        CHECK(s.files == 2);
        CHECK(s.documents == 3);
        CHECK(s.total().inserted == 3);
    }
    // Read back from the file by a new connection.
    Store store(db.path, Store::Access::read_only);
    CHECK(count(store, "SELECT count(*) FROM record") == 3);
    CHECK(count(store, "SELECT count(*) FROM record_party WHERE record_id = 'st-1'") == 2);
    CHECK(count(store, "SELECT line FROM record WHERE id = 'de'") == 6); // a record's place is its first field
    CHECK(count(store, "SELECT count(*) FROM file WHERE path LIKE '%parties.yaml'") == 1);
    // Search text is written and indexed as for files.
    CHECK(count(store, "SELECT count(*) FROM search_index WHERE search_index MATCH 'germany'") == 1);
}

TEST_CASE("errors in streams name the stream, line, column, record and field, and write nothing", "[import]") {
    TempDatabase db;
    Store store(db.path, Store::Access::read_write);
    store.migrate();
    std::istringstream parties(k_parties);
    std::istringstream bad("kind: statement\nid: st-1\ntitle: A statement\ndate: 2024-05-01\n"
                           "type: joint-statement\nparties: [fr, frr]\n---\nkind: party\nid: fr\nname: F\ntype: state\n");
    ImportRequest r;
    r.streams = {{"parties.yaml", &parties}, {"bad.yaml", &bad}};
    Diagnostics diags;
    ImportSummary s = import_files(store, r, diags);
    CHECK_FALSE(s.committed);
    auto errors = diags.sorted();
    REQUIRE(errors.size() == 2);
    // Sorted by line within the file: the dangling reference, then the duplicate id.
    CHECK(errors[0].file == "bad.yaml");
    CHECK(errors[0].line == 6);
    CHECK(errors[0].column == 15);
    CHECK(errors[0].record == "st-1");
    CHECK(errors[0].field == "parties");
    CHECK(errors[0].message ==
          "record st-1, field parties: dangling reference: no record 'frr' in the input or the database");
    CHECK(errors[1].file == "bad.yaml");
    CHECK(errors[1].line == 8);
    CHECK(errors[1].record == "fr");
    CHECK(errors[1].message == "record fr: duplicate id (first at parties.yaml:1:1)");
    CHECK(count(store, "SELECT count(*) FROM record") == 0);
}

TEST_CASE("a stream that is not text is refused at its first bad byte", "[import]") {
    Store store = Store::memory();
    std::istringstream bad(std::string("kind: party\nid: f\0r\n", 20));
    ImportRequest r;
    r.streams = {{"nul.yaml", &bad}};
    Diagnostics diags;
    import_files(store, r, diags);
    auto errors = diags.sorted();
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].file == "nul.yaml");
    CHECK(errors[0].line == 2);
    CHECK(errors[0].column == 6);
}
