// Commands on pathological shapes of data must grow linearly (issue 25). Time is not asserted
// (the machines are shared); the work SQLite does is: sqlite3_progress_handler counts the
// virtual-machine instructions a command runs, which do not depend on the machine. Ten times
// the records may cost at most twelve times the instructions (docs/performance.md, "Shapes").
#include "helpers.hpp"

#include "commands/show.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <sqlite3.h>

#include <functional>
#include <sstream>
#include <string>

using namespace accord;

namespace {

// One dialogue, one statement holding n commitments (each with two actors and two progress
// events), as top-level records that name the statement.
std::string one_statement(std::size_t n) {
    std::string y = "- {kind: party, id: asean, name: ASEAN, type: regional-organisation}\n"
                    "- {kind: party, id: us, name: United States, type: state}\n"
                    "- kind: dialogue\n  id: d1\n  title: A dialogue\n  date: 2024-10\n"
                    "  statements:\n    - {id: s1, title: A statement, date: 2024-10-17}\n";
    for (std::size_t i = 0; i < n; ++i) {
        y += fmt::format("- kind: commitment\n  id: s1.c{0}\n  statement: s1\n  text: Commitment number {0}.\n"
                         "  actors: [us, asean]\n  due: 2026\n  progress:\n"
                         "    - {{date: 2025, status: limited}}\n"
                         "    - {{date: 2025-06, status: complete, party: us}}\n",
                         i);
    }
    return y;
}

// SQLite virtual-machine instructions (in hundreds) that run() makes on store's connection.
long sqlite_work(Store& store, const std::function<void()>& run) {
    long count = 0;
    sqlite3* db = store.db().getHandle();
    sqlite3_progress_handler(
        db, 100, [](void* c) { return ++*static_cast<long*>(c), 0; }, &count);
    run();
    sqlite3_progress_handler(db, 0, nullptr, nullptr);
    return count;
}

} // namespace

TEST_CASE("show of a statement grows linearly with its commitments", "[growth][show]") {
    long work[2] = {0, 0};
    std::size_t bytes[2] = {0, 0};
    const std::size_t sizes[2] = {150, 1500};
    for (int k = 0; k < 2; ++k) {
        Store store = test::store_with(one_statement(sizes[k]));
        std::ostringstream out;
        cli::ShowOptions show;
        show.id = "s1";
        work[k] = sqlite_work(store, [&] { cli::run_show(show, store, out); });
        bytes[k] = out.str().size();
        // Every commitment is shown, with its status (each actor's included).
        CHECK(out.str().find(fmt::format("# status of s1.c{}: limited (us: complete, asean: limited)", sizes[k] - 1)) !=
              std::string::npos);
    }
    INFO("SQLite instructions/100: " << work[0] << " for " << sizes[0] << ", " << work[1] << " for " << sizes[1]);
    CHECK(bytes[1] > 9 * bytes[0]);
    CHECK(work[1] <= 12 * work[0]);
}
