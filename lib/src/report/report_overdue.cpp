#include "accord/report/report_overdue.hpp"

#include "accord/report/html.hpp"
#include "accord/report/table.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace accord {

std::string json_actors(const std::vector<ActorAsOf>& actors) {
    std::string out;
    for (std::size_t a = 0; a < actors.size(); ++a) {
        out += fmt::format("{}{{\"party\": {}, \"status\": {}}}", a ? ", " : "",
                           actors[a].party.empty() ? "null" : json_quote(actors[a].party), json_quote(actors[a].status));
    }
    return out;
}

std::string actor_list_sql(const std::string& id_column) {
    // Ids and statuses hold neither ':' nor ';' (slugs and vocabulary words).
    return fmt::format("(SELECT group_concat(x, ';') FROM (SELECT ifnull(a.party_id, '') || ':' || a.status AS x "
                       "FROM a_actor_status a WHERE a.commitment_id = {} ORDER BY a.pos))",
                       id_column);
}

std::vector<ActorAsOf> parse_actor_list(const std::string& text) {
    std::vector<ActorAsOf> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(';', start);
        if (end == std::string::npos) {
            end = text.size();
        }
        std::string item = text.substr(start, end - start);
        std::size_t colon = item.find(':');
        if (colon != std::string::npos) {
            out.push_back({item.substr(0, colon), item.substr(colon + 1)});
        }
        start = end + 1;
    }
    return out;
}

OverdueReport overdue_report(Store& store, const Filter& filter, const std::string& as_of) {
    OverdueReport r;
    r.as_of = as_of;
    SQLite::Statement q(store.db(),
                        fmt::format("{}\nSELECT s.commitment_id, c.statement_id, st.dialogue_id, c.due, c.due_end, "
                                    "s.days_overdue, s.status, {}, t.text\n"
                                    "  FROM a_status s JOIN a_commitment c ON c.commitment_id = s.commitment_id\n"
                                    "  JOIN commitment t ON t.id = s.commitment_id\n"
                                    "  JOIN statement st ON st.id = c.statement_id\n"
                                    " WHERE s.days_overdue IS NOT NULL\n"
                                    " ORDER BY c.due_end, c.due, c.made, s.commitment_id",
                                    as_of_sql(filter), actor_list_sql("s.commitment_id")));
    bind_as_of(q, filter, as_of);
    while (q.executeStep()) {
        OverdueItem it;
        it.commitment = q.getColumn(0).getString();
        it.statement = q.getColumn(1).getString();
        it.dialogue = cell_of(q.getColumn(2));
        it.due = q.getColumn(3).getString();
        it.due_end = q.getColumn(4).getString();
        it.days = q.getColumn(5).getInt64();
        it.status = q.getColumn(6).getString();
        it.actors = parse_actor_list(q.getColumn(7).getString());
        it.text = q.getColumn(8).getString();
        r.items.push_back(std::move(it));
    }
    return r;
}

namespace {

std::string actor_ids(const std::vector<ActorAsOf>& actors, const char* sep) {
    std::string s;
    for (const auto& a : actors) {
        if (!a.party.empty()) {
            s += (s.empty() ? "" : sep) + a.party;
        }
    }
    return s;
}

// CSV: "us:complete;asean:limited", as in `report dialogue --format csv`.
std::string actor_pairs(const std::vector<ActorAsOf>& actors) {
    std::string s;
    for (const auto& a : actors) {
        if (!a.party.empty()) {
            s += (s.empty() ? "" : ";") + a.party + ":" + a.status;
        }
    }
    return s;
}

} // namespace

void write_overdue(std::ostream& out, const OverdueReport& r, const ReportStyle& style) {
    std::string summary =
        fmt::format("{} {} overdue as of {} (past the end of the due period, neither complete nor withdrawn).",
                    r.items.size(), r.items.size() == 1 ? "commitment" : "commitments", r.as_of);
    if (style.format == ReportFormat::json) {
        out << "{\n  \"report\": \"overdue\",\n  \"as_of\": " << json_quote(r.as_of)
            << ",\n  \"count\": " << r.items.size() << ",\n  \"commitments\": [";
        for (std::size_t i = 0; i < r.items.size(); ++i) {
            const auto& it = r.items[i];
            std::string actors = json_actors(it.actors);
            out << (i ? ",\n" : "\n")
                << fmt::format("    {{\"commitment\": {}, \"statement\": {}, \"dialogue\": {}, \"due\": {}, "
                               "\"due_end\": {}, \"days_overdue\": {}, \"status\": {}, \"actors\": [{}], "
                               "\"text\": {}}}",
                               json_quote(it.commitment), json_quote(it.statement), json_text(it.dialogue),
                               json_quote(it.due), json_quote(it.due_end), it.days, json_quote(it.status), actors,
                               json_quote(it.text));
        }
        out << (r.items.empty() ? "]" : "\n  ]") << "\n}\n";
        return;
    }
    Grid g;
    bool csv = style.format == ReportFormat::csv;
    if (csv) {
        g.headers = {"commitment", "statement", "dialogue", "due", "due_end", "days_overdue", "status", "actors", "text"};
        g.numeric = {false, false, false, false, false, true, false, false, false};
    } else {
        g.headers = {"commitment", "due", "days overdue", "status", "statement", "actors"};
        g.numeric = {false, false, true, false, false, false};
    }
    for (const auto& it : r.items) {
        if (csv) {
            g.rows.push_back({it.commitment, it.statement, it.dialogue, it.due, it.due_end, std::to_string(it.days),
                              it.status, actor_pairs(it.actors), it.text});
        } else {
            g.rows.push_back(
                {it.commitment, it.due, std::to_string(it.days), it.status, it.statement, actor_ids(it.actors, ", ")});
        }
    }
    const std::string title = "Overdue commitments, as of " + r.as_of;
    switch (style.format) {
    case ReportFormat::csv:
        write_csv_grid(out, g, style.csv);
        break;
    case ReportFormat::html: {
        BarChart chart{"Overdue commitments by status, by statement, as of " + r.as_of, "commitments",
                       status_keys(), {}};
        for (const auto& it : r.items) {
            chart.add(it.statement, it.status);
        }
        write_html_page(out, title, chart, style, g, {summary});
        break;
    }
    case ReportFormat::md:
        out << "## " << md_text(title) << "\n\n";
        if (!g.rows.empty()) {
            write_md_grid(out, g);
            out << '\n';
        }
        out << md_text(summary) << '\n';
        break;
    default:
        if (!g.rows.empty()) {
            write_text_grid(out, g, style.colour);
            out << '\n';
        }
        out << summary << '\n';
        break;
    }
}

} // namespace accord
