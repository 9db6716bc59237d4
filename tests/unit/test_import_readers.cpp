// An import reads its files on two threads, or on one where the process may run on one
// processor only (docs/performance.md, "One reading thread on one processor"). Either way it
// finds the same records, messages and changes.
#include "accord/import/importer.hpp"
#include "accord/store/store.hpp"

#include "helpers.hpp"

#include <catch2/catch.hpp>

#include <sched.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace accord;
namespace fs = std::filesystem;

namespace {

// The threads of this process named as the import names its reading threads.
std::size_t reading_threads_running() {
    std::size_t n = 0;
    for (const auto& task : fs::directory_iterator("/proc/self/task")) {
        std::ifstream comm(task.path() / "comm");
        std::string name;
        std::getline(comm, name);
        n += name == "accord-read";
    }
    return n;
}

struct Outcome {
    std::string text;             // counts, changes and messages, one per line
    std::size_t most_readers = 0; // reading threads seen while the files were read
};

Outcome import(const std::string& db, const std::vector<std::string>& paths) {
    Store store(db, Store::Access::read_write);
    store.migrate();
    ImportRequest r;
    r.paths = paths;
    r.list_changes = true;
    Outcome out;
    r.on_file = [&](std::size_t, std::size_t, const std::string&) {
        out.most_readers = std::max(out.most_readers, reading_threads_running());
    };
    Diagnostics d;
    ImportSummary s = import_files(store, r, d);
    std::ostringstream text;
    text << s.files << " files\n";
    for (const auto& c : s.counts) {
        text << c.inserted << ' ' << c.updated << ' ' << c.unchanged << ' ' << c.deleted << '\n';
    }
    for (const auto& c : s.changes) {
        text << c.id << ' ' << c.file << ':' << c.line << '\n';
    }
    d.print(text);
    out.text = text.str();
    return out;
}

// Runs f with this thread (and the threads it starts) allowed the first processor it may use.
template <class F>
void on_one_processor(F f) {
    cpu_set_t all;
    REQUIRE(sched_getaffinity(0, sizeof all, &all) == 0);
    cpu_set_t one;
    CPU_ZERO(&one);
    for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
        if (CPU_ISSET(cpu, &all)) {
            CPU_SET(cpu, &one);
            break;
        }
    }
    REQUIRE(sched_setaffinity(0, sizeof one, &one) == 0);
    try {
        f();
    } catch (...) {
        sched_setaffinity(0, sizeof all, &all);
        throw;
    }
    REQUIRE(sched_setaffinity(0, sizeof all, &all) == 0);
}

} // namespace

TEST_CASE("on one processor an import reads with one thread, and finds what two threads find", "[import][readers]") {
    test::ScratchDir scratch;
    cpu_set_t all;
    REQUIRE(sched_getaffinity(0, sizeof all, &all) == 0);
    const std::size_t usual_readers = std::min<std::size_t>(2, static_cast<std::size_t>(CPU_COUNT(&all)));
    // Many small files: more than a reading thread may hold ready, so that every reader is
    // still there (waiting) while the first files are written.
    const std::string many = scratch.path + "/many";
    fs::create_directories(many);
    for (int i = 0; i < 100; ++i) {
        std::ofstream(many + "/p" + std::to_string(1000 + i) + ".yaml")
            << "kind: party\nid: p-" << i << "\nname: Party " << i << "\ntype: state\n";
    }
    const std::string src = ACCORD_SOURCE_DIR;
    // data/, the small files, and a folder of bad files (messages of files read by either
    // thread, in the input's order).
    for (const std::string& input : {src + "/data", many, src + "/tests/fixtures/bad"}) {
        CAPTURE(input);
        Outcome usual = import(scratch.path + "/usual.db", {input});
        Outcome one;
        on_one_processor([&] { one = import(scratch.path + "/one.db", {input}); });
        CHECK(one.text == usual.text);
        CHECK(usual.text.size() > 200);
        if (input == many) {
            CHECK(usual.most_readers == usual_readers);
            CHECK(one.most_readers == 1);
        }
        fs::remove(scratch.path + "/usual.db");
        fs::remove(scratch.path + "/one.db");
    }
}
