#include "accord/report/report_changes.hpp"

#include "accord/error.hpp"
#include "accord/report/html.hpp"
#include "accord/report/table.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <map>

namespace accord {

namespace {

struct Standing {
    std::string commitment, statement, made, status;
};

std::vector<Standing> standings(Store& store, const Filter& filter, const std::string& day) {
    SQLite::Statement q(store.db(), as_of_sql(filter) +
                                        "\nSELECT s.commitment_id, c.statement_id, c.made, s.status\n"
                                        "  FROM a_status s JOIN a_commitment c ON c.commitment_id = s.commitment_id\n"
                                        "  JOIN statement st ON st.id = c.statement_id\n"
                                        "  JOIN commitment t ON t.id = s.commitment_id\n"
                                        " ORDER BY c.made, st.rowid, t.rowid");
    bind_as_of(q, filter, day);
    std::vector<Standing> out;
    while (q.executeStep()) {
        out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                       q.getColumn(3).getString()});
    }
    return out;
}

} // namespace

ChangesReport changes_report(Store& store, const Filter& filter, const std::string& since, const std::string& until) {
    if (until < since) {
        throw UsageError(fmt::format("--until {} is before --since {}", until, since));
    }
    ChangesReport r;
    r.since = since;
    r.until = until;
    {
        SQLite::Statement q(store.db(), "SELECT date(:since, '-1 day')");
        q.bind(":since", since);
        q.executeStep();
        r.before = q.getColumn(0).getString();
    }
    // The status compared against is the one on the last day; before, every status counts.
    Filter without_status = filter;
    without_status.status.reset();
    std::map<std::string, std::string> before;
    for (const auto& s : standings(store, without_status, r.before)) {
        before[s.commitment] = s.status;
    }
    for (const auto& s : standings(store, filter, until)) {
        auto it = before.find(s.commitment);
        if (it == before.end()) {
            r.made.push_back({s.commitment, s.statement, s.made, s.status});
        } else if (it->second != s.status) {
            r.changes.push_back({s.commitment, s.statement, it->second, s.status});
        }
    }
    // Text order is first-day order, so "after the day before" keeps a start of `2025`
    // in a window from 2025-01-01.
    SQLite::Statement p(store.db(),
                        "SELECT p.id, p.type, p.start_date, p.title, (SELECT group_concat(target_id, ';') FROM "
                        "(SELECT r.target_id FROM record_reference r WHERE r.source_id = p.id AND r.relation = "
                        "'implements' ORDER BY r.pos)) FROM program p WHERE p.start_date > :before AND "
                        "p.start_date <= :until ORDER BY p.start_date, p.id");
    p.bind(":before", r.before);
    p.bind(":until", until);
    while (p.executeStep()) {
        NewProgram np;
        np.id = p.getColumn(0).getString();
        np.type = cell_of(p.getColumn(1));
        np.start = p.getColumn(2).getString();
        np.title = p.getColumn(3).getString();
        std::string impl = p.getColumn(4).getString();
        std::size_t start = 0;
        while (start < impl.size()) {
            std::size_t end = impl.find(';', start);
            if (end == std::string::npos) {
                end = impl.size();
            }
            np.implements.push_back(impl.substr(start, end - start));
            start = end + 1;
        }
        r.programs.push_back(std::move(np));
    }
    return r;
}

void write_changes(std::ostream& out, const ChangesReport& r, const ReportStyle& style) {
    if (style.format == ReportFormat::json) {
        out << "{\n  \"report\": \"changes\",\n  \"since\": " << json_quote(r.since)
            << ",\n  \"until\": " << json_quote(r.until) << ",\n  \"compared_with\": " << json_quote(r.before)
            << ",\n  \"status_changes\": [";
        for (std::size_t i = 0; i < r.changes.size(); ++i) {
            const auto& c = r.changes[i];
            out << (i ? ",\n" : "\n")
                << fmt::format("    {{\"commitment\": {}, \"statement\": {}, \"from\": {}, \"to\": {}}}",
                               json_quote(c.commitment), json_quote(c.statement), json_quote(c.from),
                               json_quote(c.to));
        }
        out << (r.changes.empty() ? "]" : "\n  ]") << ",\n  \"new_commitments\": [";
        for (std::size_t i = 0; i < r.made.size(); ++i) {
            const auto& c = r.made[i];
            out << (i ? ",\n" : "\n")
                << fmt::format("    {{\"commitment\": {}, \"statement\": {}, \"made\": {}, \"status\": {}}}",
                               json_quote(c.commitment), json_quote(c.statement), json_quote(c.made),
                               json_quote(c.status));
        }
        out << (r.made.empty() ? "]" : "\n  ]") << ",\n  \"new_programs\": [";
        for (std::size_t i = 0; i < r.programs.size(); ++i) {
            const auto& p = r.programs[i];
            out << (i ? ",\n" : "\n")
                << fmt::format("    {{\"program\": {}, \"type\": {}, \"start\": {}, \"implements\": {}, \"title\": {}}}",
                               json_quote(p.id), json_text(p.type), json_quote(p.start),
                               json_text_list(p.implements), json_quote(p.title));
        }
        out << (r.programs.empty() ? "]" : "\n  ]") << "\n}\n";
        return;
    }
    if (style.format == ReportFormat::csv) {
        Grid g{{"change", "id", "statement", "date", "from", "to", "implements", "title"}, {}, {}};
        for (const auto& c : r.changes) {
            g.rows.push_back({"status", c.commitment, c.statement, Cell(), c.from, c.to, Cell(), Cell()});
        }
        for (const auto& c : r.made) {
            g.rows.push_back({"new-commitment", c.commitment, c.statement, c.made, Cell(), c.status, Cell(), Cell()});
        }
        for (const auto& p : r.programs) {
            g.rows.push_back({"new-program", p.id, Cell(), p.start, Cell(), Cell(), join(p.implements, ";"), p.title});
        }
        write_csv_grid(out, g, style.csv);
        return;
    }
    Grid changes{{"commitment", "statement", "from", "to"}, {}, {}};
    for (const auto& c : r.changes) {
        changes.rows.push_back({c.commitment, c.statement, c.from, c.to});
    }
    Grid made{{"commitment", "statement", "made", "status"}, {}, {}};
    for (const auto& c : r.made) {
        made.rows.push_back({c.commitment, c.statement, c.made, c.status});
    }
    Grid programs{{"program", "start", "type", "implements", "title"}, {}, {}};
    for (const auto& p : r.programs) {
        programs.rows.push_back({p.id, p.start, p.type, join(p.implements, ", "), p.title});
    }
    bool md = style.format == ReportFormat::md;
    std::string title = fmt::format("Changes from {} to {} (statuses on {} against {})", r.since, r.until, r.before,
                                    r.until);
    if (style.format == ReportFormat::html) {
        BarChart chart{fmt::format("Status on {} of the commitments whose status changed or that were made, by "
                                   "statement",
                                   r.until),
                       "commitments", status_keys(), {}};
        for (const auto& c : r.changes) {
            chart.add(c.statement, c.to);
        }
        for (const auto& c : r.made) {
            chart.add(c.statement, c.status);
        }
        write_html_begin(out, title);
        write_html_charts(out, chart, style);
        for (const auto& [name, g] : {std::pair<const char*, const Grid*>{"Status changes", &changes},
                                      {"New commitments", &made},
                                      {"New programs", &programs}}) {
            write_html_heading(out, name);
            write_html_grid(out, *g);
        }
        write_html_end(out);
        return;
    }
    out << (md ? "## " + md_text(title) : title) << '\n';
    auto section = [&](const char* name, const Grid& g) {
        out << '\n' << (md ? "### " : "") << name << (md ? "\n\n" : "\n");
        if (g.rows.empty()) {
            out << "(none)\n";
        } else if (md) {
            write_md_grid(out, g);
        } else {
            write_text_grid(out, g, style.colour);
        }
    };
    section("Status changes", changes);
    section("New commitments", made);
    section("New programs", programs);
}

} // namespace accord
