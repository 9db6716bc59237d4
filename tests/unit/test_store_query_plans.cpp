// The hot queries of `report progress` and `export timeline` must not scan a table where
// an index can find the rows. The test records every statement the two run (sqlite3_trace_v2),
// asks SQLite for its plan (EXPLAIN QUERY PLAN) and fails on any SCAN that is not in the
// list of legitimate ones below, or on an automatic (missing) index on a real table.
//
// Legitimate SCANs, each of which reads every row it scans once, at the outermost level:
// - the driving table: `commitment` (aliases c, t) — every commitment is a row or a group
//   member of both outputs;
// - in export timeline, `progress` (p) and `record_reference` (r): every progress event and
//   every reference is an event of the timeline, read once to be sorted by date;
// - materialised CTEs and subqueries (base, event, reached, a_* ..., "(subquery-N)" over
//   the rows an index search already chose), which are SQLite's temporary tables, and the
//   view's co-routine itself; the --party filter's recursive CTE of members;
// - report progress --by theme: record_theme, read once to group by theme.
// The allowed names are per query (k_timeline_scans, k_progress_scans below).
// Not legitimate: a SCAN of statement, dialogue, party, theme, program, record_party,
// record_theme or of commitment/progress/record_reference under another alias than those
// above (a lookup per row without an index: quadratic time on large databases).
#include "helpers.hpp"

#include "accord/export/rows.hpp"
#include "accord/report/progress.hpp"
#include "accord/report/as_of.hpp"
#include "accord/validate/diagnostics.hpp"

#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace accord;

namespace {

const char* k_records = R"(
- {kind: party, id: asean, name: ASEAN, type: regional-organisation}
- {kind: party, id: singapore, name: Singapore, type: state, member_of: [asean]}
- {kind: party, id: us, name: "United States", type: state}
- {kind: theme, id: cb, label: Capacity building}
- kind: dialogue
  id: d1
  title: A dialogue
  date: 2024-10
  series: cpd
  statements:
    - id: s1
      title: A statement
      date: 2024-10-17
      commitments:
        - id: s1.c1
          text: Commit to more capacity building.
          actors: [us, singapore]
          themes: [cb]
          due: 2025
          progress:
            - {date: 2025-03, status: limited}
- kind: statement
  id: s2
  title: Later
  date: 2025-06-01
  references: [{relation: recalls, target: d1}]
  commitments:
    - id: s2.c1
      text: Another commitment.
      actors: [asean]
      references: [{relation: reaffirms, target: s1.c1}]
- {kind: program, id: p1, title: A centre, start: 2020, implements: [s1.c1]}
)";

// Records the SQL of every statement run on the connection while alive.
class SqlRecorder {
public:
    explicit SqlRecorder(SQLite::Database& db) : m_db(db.getHandle()) {
        sqlite3_trace_v2(m_db, SQLITE_TRACE_STMT, &SqlRecorder::on_statement, this);
    }
    ~SqlRecorder() { sqlite3_trace_v2(m_db, 0, nullptr, nullptr); }
    SqlRecorder(const SqlRecorder&) = delete;
    SqlRecorder& operator=(const SqlRecorder&) = delete;
    const std::vector<std::string>& statements() const { return m_sql; }

private:
    static int on_statement(unsigned, void* self, void* stmt, void*) {
        const char* sql = sqlite3_sql(static_cast<sqlite3_stmt*>(stmt));
        if (sql != nullptr) {
            std::string s(sql);
            auto& seen = static_cast<SqlRecorder*>(self)->m_sql;
            if (std::find(seen.begin(), seen.end(), s) == seen.end()) {
                seen.push_back(std::move(s));
            }
        }
        return 0;
    }
    sqlite3* m_db;
    std::vector<std::string> m_sql;
};

// What a plan line scans ("SCAN c USING INDEX x" -> "c"; "(subquery-3)" -> "(subquery)").
std::string scanned(const std::string& detail) {
    std::string what = detail.substr(5, detail.find(' ', 5) == std::string::npos ? std::string::npos
                                                                                  : detail.find(' ', 5) - 5);
    if (what.rfind("(subquery-", 0) == 0) {
        return "(subquery)";
    }
    return what;
}

// The plan lines of the queries that scan something not in `allowed`, or that need an
// automatic index on something not in `allowed` (a missing index on a real table).
std::vector<std::string> bad_plan_lines(SQLite::Database& db, const std::vector<std::string>& queries,
                                        const std::set<std::string>& allowed) {
    std::vector<std::string> bad;
    for (const auto& sql : queries) {
        if (sql.rfind("SELECT", 0) != 0 && sql.rfind("WITH", 0) != 0) {
            continue;
        }
        SQLite::Statement plan(db, "EXPLAIN QUERY PLAN " + sql);
        while (plan.executeStep()) {
            std::string detail = plan.getColumn(3).getString();
            bool scan = detail.rfind("SCAN ", 0) == 0 && allowed.count(scanned(detail)) == 0;
            bool automatic = detail.rfind("SEARCH ", 0) == 0 && detail.find("AUTOMATIC") != std::string::npos &&
                             allowed.count(detail.substr(7, detail.find(' ', 7) - 7)) == 0;
            if (scan || automatic) {
                bad.push_back(detail + "    in: " + sql.substr(0, 300));
            }
        }
    }
    return bad;
}

Store store_with_records() { return test::store_with(k_records); }

} // namespace

// Driving tables (c: commitment in the view's base; p: progress, r: record_reference, each
// row an event) and the view's CTEs: b (base), reached_any (each commitment a reference
// reaches, read once to keep the most direct), x (reached), e (event), the actors
// subquery, and the view itself.
// With --party, the filter's recursive CTE m of the party and its members (and its
// CONSTANT row seed).
const std::set<std::string> k_timeline_scans = {"c", "p", "r", "b", "reached_any", "x", "e", "(subquery)",
                                                "v_timeline", "m", "CONSTANT"};

TEST_CASE("export timeline scans only its driving tables", "[export][plan]") {
    Store store = store_with_records();
    for (int variant = 0; variant < 4; ++variant) {
        TimelineQuery query;
        if (variant == 1) {
            query.filter.party = "asean";
        } else if (variant == 2) {
            query.filter.since = PartialDate(2025);
            query.filter.until = PartialDate(2025, 6);
        } else if (variant == 3) {
            query.commitment = "s1.c1";
        }
        std::vector<std::string> queries;
        {
            SqlRecorder rec(store.db());
            std::ostringstream out;
            export_timeline(store, query, out, RowFormat());
            CHECK(!out.str().empty());
            queries = rec.statements();
        }
        REQUIRE(!queries.empty());
        INFO("variant " << variant);
        CHECK(bad_plan_lines(store.db(), queries, k_timeline_scans) == std::vector<std::string>{});
    }
}

// Driving table: commitment (t) filtered by as-of; the a_* CTEs materialised from it and
// their aliases in the report's SQL (c, s, a, o, g, u, rt), subqueries.
const std::set<std::string> k_progress_scans = {"t", "c", "s", "a", "o", "g", "u", "(subquery)", "rt",
                                                "a_commitment", "a_actor", "a_actor_status", "a_overall",
                                                "a_status", "a_group", "a_up", "a_party_status"};

TEST_CASE("report progress scans only its driving table", "[report][plan]") {
    Store store = store_with_records();
    for (ProgressBy by : {ProgressBy::statement, ProgressBy::dialogue, ProgressBy::party, ProgressBy::theme,
                          ProgressBy::series}) {
        std::vector<std::string> queries;
        {
            SqlRecorder rec(store.db());
            Filter filter;
            auto report = progress_report(store, by, filter, "2025-12-31");
            CHECK(report.all.total == 2);
            queries = rec.statements();
        }
        REQUIRE(!queries.empty());
        INFO("by " << to_string(by));
        std::set<std::string> allowed = k_progress_scans;
        if (by == ProgressBy::theme) {
            // Grouping by theme reads every commitment-theme link once (DISTINCT, then an
            // index on the result): linear, like the driving table.
            allowed.insert("record_theme");
        }
        CHECK(bad_plan_lines(store.db(), queries, allowed) == std::vector<std::string>{});
    }
}

// The check itself: a query that looks a statement up by a column with no index fails it.
TEST_CASE("the plan check catches a full table scan", "[plan]") {
    Store store = store_with_records();
    std::vector<std::string> queries = {
        "SELECT c.id FROM commitment c JOIN statement st ON st.title = c.text"};
    CHECK(bad_plan_lines(store.db(), queries, k_timeline_scans).size() == 1);
}
