// `accord report progress`: commitments per status per group, share complete, overdue.
#include "accord/report/progress.hpp"

#include "accord/error.hpp"
#include "accord/report/svg.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace accord {

std::string_view to_string(ProgressBy by) { return k_progress_by_names[static_cast<std::size_t>(by)]; }

ProgressBy progress_by_from_string(std::string_view name) {
    for (std::size_t i = 0; i < std::size(k_progress_by_names); ++i) {
        if (k_progress_by_names[i] == name) {
            return static_cast<ProgressBy>(i);
        }
    }
    throw UsageError(fmt::format("--by: unknown grouping '{}' (statement, dialogue, party, theme, series)", name));
}

std::string StatusCounts::percent_complete() const { return accord::percent_complete(complete, total, withdrawn); }

namespace {

// The CTE a_group(grp, commitment_id, status, days_overdue): one row per commitment
// and group it counts in, with the status it counts with. Fixed SQL per grouping.
std::string group_cte(ProgressBy by) {
    const char* plain = "a_group(grp, commitment_id, status, days_overdue) AS (\n"
                        "  SELECT {}, s.commitment_id, s.status, s.days_overdue\n"
                        "    FROM a_status s JOIN a_commitment c ON c.commitment_id = s.commitment_id\n"
                        "    JOIN statement st ON st.id = c.statement_id\n"
                        "    LEFT JOIN dialogue d ON d.id = st.dialogue_id{}\n"
                        ")";
    switch (by) {
    case ProgressBy::statement:
        return fmt::format(fmt::runtime(plain), "c.statement_id", "");
    case ProgressBy::dialogue:
        return fmt::format(fmt::runtime(plain), "st.dialogue_id", "");
    case ProgressBy::series:
        return fmt::format(fmt::runtime(plain), "d.series", "");
    case ProgressBy::theme:
        return fmt::format(fmt::runtime(plain), "rt.theme_id",
                           "\n    LEFT JOIN (SELECT DISTINCT record_id, theme_id FROM record_theme) rt"
                           " ON rt.record_id = s.commitment_id");
    case ProgressBy::party:
        // Each actor counts for itself and for every organisation it is (recursively) a
        // member of; a group's status for a commitment is the rule of docs/format.md
        // applied to the actors in that group. Commitments without actors: no group.
        return fmt::format(
            "a_up(commitment_id, actor, party) AS (\n"
            "  SELECT a.commitment_id, a.party_id, a.party_id\n"
            "    FROM a_actor_status a JOIN a_status s ON s.commitment_id = a.commitment_id\n"
            "   WHERE a.party_id IS NOT NULL\n"
            "  UNION\n"
            "  SELECT u.commitment_id, u.actor, rp.party_id\n"
            "    FROM a_up u JOIN record_party rp ON rp.record_id = u.party AND rp.role = 'member_of'\n"
            "),\n"
            "a_party_status(grp, commitment_id, status) AS (\n"
            "  SELECT u.party, u.commitment_id, {0}\n"
            "    FROM a_up u JOIN a_actor_status a ON a.commitment_id = u.commitment_id AND a.party_id = u.actor\n"
            "   GROUP BY u.party, u.commitment_id\n"
            "),\n"
            "a_group(grp, commitment_id, status, days_overdue) AS (\n"
            "  SELECT g.grp, g.commitment_id, g.status, {1}\n"
            "    FROM a_party_status g JOIN a_commitment c ON c.commitment_id = g.commitment_id\n"
            "  UNION ALL\n"
            "  SELECT NULL, s.commitment_id, s.status, s.days_overdue FROM a_status s\n"
            "   WHERE EXISTS (SELECT 1 FROM a_actor_status a WHERE a.commitment_id = s.commitment_id\n"
            "                    AND a.party_id IS NULL)\n"
            ")",
            status_rule_sql("a.status"), days_overdue_sql("g.status", "c.due_end"));
    }
    return "";
}

struct GroupLabel {
    const char* join;  // joins alias x to the group id
    const char* label; // on x
    const char* order; // after "g.grp IS NULL"
};

GroupLabel group_label(ProgressBy by) {
    switch (by) {
    case ProgressBy::statement:
        return {"LEFT JOIN statement x ON x.id = g.grp", "x.title", "x.date, g.grp"};
    case ProgressBy::dialogue:
        return {"LEFT JOIN dialogue x ON x.id = g.grp", "x.title", "x.date, g.grp"};
    case ProgressBy::series:
        return {"", "NULL", "g.grp"};
    case ProgressBy::theme:
        return {"LEFT JOIN theme x ON x.id = g.grp", "x.label", "x.group_name, x.code, g.grp"};
    case ProgressBy::party:
        return {"LEFT JOIN party x ON x.id = g.grp", "x.name", "g.grp"};
    }
    return {"", "NULL", "g.grp"};
}

const char* k_count_columns = "ifnull(sum({0}status = 'unassessed'), 0), ifnull(sum({0}status = 'not-started'), 0), "
                              "ifnull(sum({0}status = 'limited'), 0), ifnull(sum({0}status = 'substantial'), 0), "
                              "ifnull(sum({0}status = 'complete'), 0), ifnull(sum({0}status = 'withdrawn'), 0), "
                              "count(*), count({0}days_overdue)";

StatusCounts read_counts(SQLite::Statement& q, int first) {
    StatusCounts c;
    long* fields[] = {&c.unassessed, &c.not_started, &c.limited, &c.substantial,
                      &c.complete,   &c.withdrawn,   &c.total,   &c.overdue};
    for (int i = 0; i < 8; ++i) {
        *fields[i] = q.getColumn(first + i).getInt64();
    }
    return c;
}

} // namespace

ProgressReport progress_report(Store& store, ProgressBy by, const Filter& filter, const std::string& as_of) {
    ProgressReport r;
    r.as_of = as_of;
    r.by = by;
    const std::string ctes = as_of_sql(filter);

    GroupLabel gl = group_label(by);
    SQLite::Statement groups(store.db(),
                             fmt::format("{},\n{}\nSELECT g.grp, {}, {} FROM a_group g {} GROUP BY g.grp "
                                         "ORDER BY g.grp IS NULL, {}",
                                         ctes, group_cte(by), gl.label, fmt::format(fmt::runtime(k_count_columns), "g."), gl.join,
                                         gl.order));
    bind_as_of(groups, filter, as_of);
    StatusCounts sum;
    while (groups.executeStep()) {
        ProgressGroup g;
        g.id = cell_of(groups.getColumn(0));
        g.label = cell_of(groups.getColumn(1));
        g.counts = read_counts(groups, 2);
        long* to[] = {&sum.unassessed, &sum.not_started, &sum.limited, &sum.substantial,
                      &sum.complete,   &sum.withdrawn,   &sum.total,   &sum.overdue};
        const long* from[] = {&g.counts.unassessed, &g.counts.not_started, &g.counts.limited, &g.counts.substantial,
                              &g.counts.complete,   &g.counts.withdrawn,   &g.counts.total,   &g.counts.overdue};
        for (std::size_t i = 0; i < std::size(to); ++i) {
            *to[i] += *from[i];
        }
        r.groups.push_back(std::move(g));
    }

    if (by == ProgressBy::statement || by == ProgressBy::dialogue || by == ProgressBy::series) {
        // Each commitment is in exactly one group (the NULL group included): the totals are
        // the sums, and the as-of query need not run a second time.
        r.all = sum;
    } else {
        SQLite::Statement all(store.db(), fmt::format("{}\nSELECT {} FROM a_status s", ctes,
                                                      fmt::format(fmt::runtime(k_count_columns), "s.")));
        bind_as_of(all, filter, as_of);
        if (all.executeStep()) {
            r.all = read_counts(all, 0);
        }
    }

    r.noted = acknowledgements_left_out(store, filter, as_of);
    if (by == ProgressBy::party) {
        SQLite::Statement up(store.db(), fmt::format("{},\n{}\nSELECT DISTINCT u.party, u.actor FROM a_up u "
                                                     "WHERE u.actor <> u.party ORDER BY u.party, u.actor",
                                                     ctes, group_cte(by)));
        bind_as_of(up, filter, as_of);
        while (up.executeStep()) {
            std::string org = up.getColumn(0).getString();
            if (r.rolled_up.empty() || r.rolled_up.back().first != org) {
                r.rolled_up.push_back({org, {}});
            }
            r.rolled_up.back().second.push_back(up.getColumn(1).getString());
        }
    }
    return r;
}

std::vector<std::string> progress_notes(const ProgressReport& r) {
    std::vector<std::string> notes;
    notes.push_back(fmt::format("As of {}. complete % = complete / (total - withdrawn); overdue = past the end of "
                                "the due period and neither complete nor withdrawn.",
                                r.as_of));
    if (r.by == ProgressBy::party) {
        std::string members;
        for (const auto& [org, list] : r.rolled_up) {
            std::string names;
            for (std::size_t i = 0; i < list.size(); ++i) {
                names += (i ? ", " : "") + list[i];
            }
            members += fmt::format("{}{} {} for {}", members.empty() ? "" : "; ", names,
                                   list.size() == 1 ? "counts" : "count", org);
        }
        notes.push_back(
            fmt::format("Parties include their members (member_of, recursively){}. A commitment counts once in each "
                        "group of its actors, with the lowest status among the actors in that group, so the groups "
                        "overlap and (all) counts each commitment once.",
                        members.empty() ? "" : ": " + members));
    } else if (r.by == ProgressBy::theme) {
        notes.push_back("A commitment counts once for each of its themes, so the groups overlap and (all) counts each "
                        "commitment once.");
    }
    if (std::string n = acknowledgements_note(r.noted); !n.empty()) {
        notes.push_back(n);
    }
    return notes;
}

namespace {

const char* const k_count_keys[] = {"unassessed", "not_started", "limited", "substantial", "complete",
                                    "withdrawn",  "total",       "complete_pct", "overdue"};
const char* const k_count_titles[] = {"unassessed", "not-started", "limited",    "substantial", "complete",
                                      "withdrawn",  "total",       "complete %", "overdue"};

void add_counts(text::Row& row, const StatusCounts& c) {
    for (long n : {c.unassessed, c.not_started, c.limited, c.substantial, c.complete, c.withdrawn, c.total}) {
        row.push_back(text::Cell::integer(n));
    }
    row.push_back(text::Cell::real(c.percent_complete()));
    row.push_back(text::Cell::integer(c.overdue));
}

} // namespace

text::Document progress_document(const ProgressReport& r, const ReportStyle& style) {
    using text::Cell;
    using text::CellType;
    using text::Column;
    const std::string by(to_string(r.by));
    text::Document doc;
    doc.title = fmt::format("Progress by {}, as of {}", by, r.as_of);
    doc.notes = progress_notes(r);

    text::Table t;
    t.columns = {text::nowrap(Column("group", by)), Column("label", "label", CellType::text, text::Show::machine)};
    for (std::size_t i = 0; i < std::size(k_count_keys); ++i) {
        t.columns.emplace_back(k_count_keys[i], k_count_titles[i], i == 7 ? CellType::real : CellType::integer);
    }
    for (const auto& g : r.groups) {
        text::Row row = {Cell(g.id).shown_as(g.id.value_or("(none)")), Cell(g.label)};
        add_counts(row, g.counts);
        t.rows.push_back(std::move(row));
    }
    text::Row all = {Cell("(all)"), Cell()};
    add_counts(all, r.all);

    doc.json = text::Json::object();
    doc.json.add("report", "progress").add("as_of", r.as_of).add("by", by).add("groups", text::Json::rows(t));
    doc.json.add("all", text::Json::row(std::vector<Column>(t.columns.begin() + 2, t.columns.end()),
                                        text::Row(all.begin() + 2, all.end())));
    doc.json.add("notes", text::Json::strings(doc.notes));
    t.footer.push_back(std::move(all));
    doc.sections.push_back({"", std::move(t)});

    BarChart chart{fmt::format("Commitments by status, by {}, as of {}", by, r.as_of), "commitments", status_keys(), {}};
    for (const auto& g : r.groups) {
        const auto& c = g.counts;
        chart.bars.push_back({g.id.value_or("(none)"),
                              {c.unassessed, c.not_started, c.limited, c.substantial, c.complete, c.withdrawn}});
    }
    add_charts(doc, style, std::move(chart));
    return doc;
}

} // namespace accord
