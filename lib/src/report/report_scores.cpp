#include "accord/report/report_scores.hpp"

#include "accord/report/html.hpp"
#include "accord/report/table.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>

namespace accord {

namespace {

// Hundredths of sum / scored, rounded half away from zero.
long hundredths(long sum, long scored) {
    long num = sum * 100;
    return num >= 0 ? (2 * num + scored) / (2 * scored) : -((-2 * num + scored) / (2 * scored));
}

std::string two_decimals(long h, bool plus) {
    long a = h < 0 ? -h : h;
    return fmt::format("{}{}.{:02}", h < 0 ? "-" : (plus && h > 0 ? "+" : ""), a / 100, a % 100);
}

std::string score_text(const std::optional<int>& s) {
    if (!s) {
        return "?";
    }
    return *s > 0 ? "+1" : (*s < 0 ? "-1" : "0");
}

} // namespace

std::string ScoreMean::text() const { return scored ? two_decimals(hundredths(sum, scored), true) : ""; }

std::string ScoreMean::number() const { return scored ? two_decimals(hundredths(sum, scored), false) : ""; }

ScoresReport scores_report(Store& store, const Filter& filter, const std::string& as_of) {
    ScoresReport r;
    r.as_of = as_of;
    SQLite::Statement q(
        store.db(),
        fmt::format("{}\n"
                    "SELECT commitment_id, statement_id, party_id, status, score,\n"
                    "       ifnull(sum(score) OVER (PARTITION BY commitment_id), 0),\n"
                    "       count(score) OVER (PARTITION BY commitment_id),\n"
                    "       ifnull(sum(score) OVER (PARTITION BY party_id), 0),\n"
                    "       count(score) OVER (PARTITION BY party_id),\n"
                    "       ifnull(sum(score) OVER (), 0), count(score) OVER ()\n"
                    "  FROM (SELECT a.commitment_id, c.statement_id, a.party_id, a.status, a.pos, c.made,\n"
                    "               st.rowid AS st_order, t.rowid AS c_order,\n"
                    "               CASE a.status WHEN 'complete' THEN 1 WHEN 'substantial' THEN 0\n"
                    "                             WHEN 'limited' THEN 0 WHEN 'not-started' THEN -1\n"
                    "                             WHEN 'withdrawn' THEN -1 END AS score\n"
                    "          FROM a_actor_status a\n"
                    "          JOIN a_status s ON s.commitment_id = a.commitment_id\n"
                    "          JOIN a_commitment c ON c.commitment_id = a.commitment_id\n"
                    "          JOIN statement st ON st.id = c.statement_id\n"
                    "          JOIN commitment t ON t.id = a.commitment_id\n"
                    "         WHERE a.party_id IS NOT NULL)\n"
                    " ORDER BY made, st_order, c_order, pos",
                    as_of_sql(filter)));
    bind_as_of(q, filter, as_of);
    while (q.executeStep()) {
        std::string commitment = q.getColumn(0).getString();
        if (r.rows.empty() || r.rows.back().commitment != commitment) {
            ScoreRow row;
            row.commitment = commitment;
            row.statement = q.getColumn(1).getString();
            row.mean = {q.getColumn(5).getInt64(), q.getColumn(6).getInt64()};
            r.rows.push_back(std::move(row));
        }
        std::string party = q.getColumn(2).getString();
        ScoreCell cell;
        cell.status = q.getColumn(3).getString();
        if (!q.getColumn(4).isNull()) {
            cell.score = q.getColumn(4).getInt();
        }
        r.rows.back().cells[party] = cell;
        r.party_means[party] = {q.getColumn(7).getInt64(), q.getColumn(8).getInt64()};
        r.overall = {q.getColumn(9).getInt64(), q.getColumn(10).getInt64()};
    }
    for (const auto& [party, mean] : r.party_means) {
        r.parties.push_back(party); // std::map: by id
    }
    r.noted = acknowledgements_left_out(store, filter, as_of);
    return r;
}

namespace {

std::vector<std::string> score_notes(const ScoresReport& r) {
    std::vector<std::string> notes = {fmt::format("As of {}. +1 complete; 0 substantial or limited; -1 not-started or withdrawn; ? unassessed "
                        "(no score); blank: not an actor. Each party is scored on its own status; averages leave out "
                        "unscored cells.",
                        r.as_of)};
    if (std::string n = acknowledgements_note(r.noted); !n.empty()) {
        notes.push_back(n);
    }
    return notes;
}

} // namespace

void write_scores(std::ostream& out, const ScoresReport& r, const ReportStyle& style) {
    if (style.format == ReportFormat::json) {
        auto mean_json = [](const ScoreMean& m) {
            return fmt::format("\"average\": {}, \"scored\": {}", m.scored ? m.number() : "null", m.scored);
        };
        out << "{\n  \"report\": \"scores\",\n  \"as_of\": " << json_quote(r.as_of)
            << ",\n  \"parties\": " << json_text_list(r.parties) << ",\n  \"commitments\": [";
        for (std::size_t i = 0; i < r.rows.size(); ++i) {
            const auto& row = r.rows[i];
            std::string scores;
            std::string statuses;
            for (const auto& [party, cell] : row.cells) {
                scores += fmt::format("{}{}: {}", scores.empty() ? "" : ", ", json_quote(party),
                                      cell.score ? std::to_string(*cell.score) : "null");
                statuses += fmt::format("{}{}: {}", statuses.empty() ? "" : ", ", json_quote(party),
                                        json_quote(cell.status));
            }
            out << (i ? ",\n" : "\n")
                << fmt::format("    {{\"commitment\": {}, \"statement\": {}, \"scores\": {{{}}}, \"statuses\": {{{}}}, "
                               "{}}}",
                               json_quote(row.commitment), json_quote(row.statement), scores, statuses,
                               mean_json(row.mean));
        }
        out << (r.rows.empty() ? "]" : "\n  ]") << ",\n  \"parties_average\": {";
        for (std::size_t i = 0; i < r.parties.size(); ++i) {
            out << (i ? ", " : "") << json_quote(r.parties[i]) << ": {" << mean_json(r.party_means.at(r.parties[i]))
                << "}";
        }
        out << "},\n  \"overall\": {" << mean_json(r.overall) << "},\n  \"notes\": " << json_text_list(score_notes(r))
            << "\n}\n";
        return;
    }
    bool csv = style.format == ReportFormat::csv;
    Grid g;
    g.headers = {"commitment", "statement"};
    g.numeric = {false, false};
    for (const auto& p : r.parties) {
        g.headers.push_back(p);
        g.numeric.push_back(true);
    }
    g.headers.push_back("average");
    g.numeric.push_back(true);
    if (csv) {
        g.headers.push_back("scored");
        g.numeric.push_back(true);
    }
    auto mean_cell = [&](const ScoreMean& m) { return m.scored ? Cell(csv ? m.number() : m.text()) : Cell(); };
    for (const auto& row : r.rows) {
        std::vector<Cell> cells = {row.commitment, row.statement};
        for (const auto& p : r.parties) {
            auto it = row.cells.find(p);
            if (it == row.cells.end()) {
                cells.emplace_back();
            } else if (csv) {
                cells.push_back(it->second.score ? Cell(std::to_string(*it->second.score)) : Cell());
            } else {
                cells.push_back(score_text(it->second.score));
            }
        }
        cells.push_back(mean_cell(row.mean));
        if (csv) {
            cells.push_back(std::to_string(row.mean.scored));
        }
        g.rows.push_back(std::move(cells));
    }
    std::vector<Cell> avg = {Cell("(average)"), Cell()};
    std::vector<Cell> scored = {Cell("(scored)"), Cell()};
    for (const auto& p : r.parties) {
        avg.push_back(mean_cell(r.party_means.at(p)));
        scored.push_back(std::to_string(r.party_means.at(p).scored));
    }
    avg.push_back(mean_cell(r.overall));
    scored.push_back(std::to_string(r.overall.scored));
    if (csv) {
        avg.push_back(std::to_string(r.overall.scored));
        scored.emplace_back();
    }
    g.rows.push_back(std::move(avg));
    g.rows.push_back(std::move(scored));

    const auto notes = score_notes(r);
    const std::string title = "Compliance scores, as of " + r.as_of;
    switch (style.format) {
    case ReportFormat::csv:
        write_csv_grid(out, g, style.csv);
        break;
    case ReportFormat::html: {
        // Each party's own status on each commitment it is an actor of (what its scores come from).
        BarChart chart{"Each party's status on its commitments, as of " + r.as_of, "commitments", status_keys(), {}};
        for (const auto& p : r.parties) {
            chart.bar(p);
        }
        for (const auto& row : r.rows) {
            for (const auto& [party, cell] : row.cells) {
                chart.add(party, cell.status);
            }
        }
        write_html_page(out, title, chart, style, g, notes);
        break;
    }
    case ReportFormat::md:
        out << "## " << md_text(title) << "\n\n";
        write_md_grid(out, g);
        for (const auto& n : notes) {
            out << '\n' << md_text(n) << '\n';
        }
        break;
    default:
        write_text_grid(out, g, style.colour);
        out << '\n';
        for (const auto& n : notes) {
            out << n << '\n';
        }
        break;
    }
}

} // namespace accord
