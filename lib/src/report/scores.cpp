// `accord report scores`: the +1/0/-1 compliance table of commitments against parties.
#include "accord/report/scores.hpp"

#include "accord/report/svg.hpp"

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
                    "       ifnull(sum(score) OVER (), 0), count(score) OVER (), due, overall, text\n"
                    "  FROM (SELECT a.commitment_id, c.statement_id, a.party_id, a.status, a.pos, c.made,\n"
                    "               c.due, s.status AS overall, t.text,\n"
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
    const auto notes = latest_notes(store, as_of);
    while (q.executeStep()) {
        std::string commitment = q.getColumn(0).getString();
        if (r.rows.empty() || r.rows.back().commitment != commitment) {
            ScoreRow row;
            row.commitment = commitment;
            row.statement = q.getColumn(1).getString();
            row.mean = {q.getColumn(5).getInt64(), q.getColumn(6).getInt64()};
            row.due = cell_of(q.getColumn(11));
            row.status = q.getColumn(12).getString();
            row.text = q.getColumn(13).getString();
            row.latest = latest_of(notes, commitment);
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

text::Document scores_document(const ScoresReport& r, const ReportStyle& style) {
    using text::Cell;
    using text::CellType;
    using text::Column;
    using text::Json;
    text::Document doc;
    doc.title = "Compliance scores, as of " + r.as_of;
    doc.notes = score_notes(r);

    // Scores are numbers (+1 shown with its sign, an unassessed cell as "?"); averages two
    // decimals ("+0.50" in table, md and html; 0.50 in CSV and JSON).
    auto mean = [](const ScoreMean& m) { return m.scored ? Cell::real(m.number()).shown_as(m.text()) : Cell(); };
    text::Table t;
    t.columns = {text::nowrap(Column("commitment")), text::nowrap(Column("statement")), text::nowrap(Column("due")),
                 text::nowrap(Column("status"))};
    for (const auto& p : r.parties) {
        t.columns.emplace_back(p, CellType::real);
    }
    t.columns.emplace_back("average", CellType::real);
    t.columns.emplace_back("scored", "scored", CellType::integer, text::Show::machine);
    for (auto& c : substance_columns()) {
        t.columns.push_back(std::move(c));
    }
    Json rows = Json::array();
    auto mean_json = [](const ScoreMean& m) {
        return Json::object().add("average", Json::number(m.number())).add("scored", m.scored);
    };
    for (const auto& row : r.rows) {
        text::Row cells = {Cell(row.commitment), Cell(row.statement), Cell(row.due), Cell(row.status)};
        for (const auto& p : r.parties) {
            auto it = row.cells.find(p);
            if (it == row.cells.end()) {
                cells.emplace_back();
            } else if (it->second.score) {
                cells.push_back(Cell::integer(*it->second.score).shown_as(score_text(it->second.score)));
            } else {
                cells.push_back(Cell().shown_as("?"));
            }
        }
        cells.push_back(mean(row.mean));
        cells.push_back(Cell::integer(row.mean.scored));
        add_substance_cells(cells, row.text, row.latest, style.format);
        t.rows.push_back(std::move(cells));

        Json scores = Json::object();
        Json statuses = Json::object();
        for (const auto& [party, cell] : row.cells) {
            scores.add(party, cell.score ? Json(*cell.score) : Json());
            statuses.add(party, cell.status);
        }
        Json item = Json::object();
        item.add("commitment", row.commitment).add("statement", row.statement).add("due", row.due);
        item.add("status", row.status).add("scores", std::move(scores));
        item.add("statuses", std::move(statuses)).add("average", Json::number(row.mean.number()));
        item.add("scored", row.mean.scored).add("text", row.text);
        rows.push(std::move(item.add("latest", latest_json(row.latest))));
    }
    text::Row avg = {Cell("(average)"), Cell(), Cell(), Cell()};
    text::Row scored = {Cell("(scored)"), Cell(), Cell(), Cell()};
    Json parties_average = Json::object();
    for (const auto& p : r.parties) {
        const ScoreMean& m = r.party_means.at(p);
        avg.push_back(mean(m));
        scored.push_back(Cell::integer(m.scored));
        parties_average.add(p, mean_json(m));
    }
    avg.push_back(mean(r.overall));
    scored.push_back(Cell::integer(r.overall.scored));
    avg.push_back(Cell::integer(r.overall.scored));
    scored.emplace_back();
    for (std::size_t i = 0; i < substance_columns().size(); ++i) {
        avg.emplace_back();
        scored.emplace_back();
    }
    t.footer = {std::move(avg), std::move(scored)};
    doc.sections.push_back({"", std::move(t)});

    doc.json = Json::object();
    doc.json.add("report", "scores").add("as_of", r.as_of).add("parties", Json::strings(r.parties));
    doc.json.add("commitments", std::move(rows)).add("parties_average", std::move(parties_average));
    doc.json.add("overall", mean_json(r.overall)).add("notes", Json::strings(doc.notes));

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
    add_charts(doc, style, std::move(chart));
    return doc;
}

} // namespace accord
