#include "accord/report/report_dialogue.hpp"

#include "accord/error.hpp"
#include "accord/report/html.hpp"
#include "accord/report/table.hpp"
#include "accord/store/query.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>

namespace accord {

namespace {

// The date a record is placed at (a commitment: its statement's; a program: its start).
std::string record_date_sql(const std::string& id_column) {
    return fmt::format("coalesce((SELECT x.date FROM statement x WHERE x.id = {0}), "
                       "(SELECT xs.date FROM commitment xc JOIN statement xs ON xs.id = xc.statement_id "
                       "WHERE xc.id = {0}), (SELECT x.date FROM dialogue x WHERE x.id = {0}), "
                       "(SELECT x.start_date FROM program x WHERE x.id = {0}), "
                       "(SELECT x.established FROM forum x WHERE x.id = {0}))",
                       id_column);
}

// The dialogue's statements that exist on the day, as a fixed condition.
const char* k_statements = "(SELECT st.id FROM statement st WHERE st.dialogue_id = :report_dialogue "
                           "AND st.date <= :as_of)";

} // namespace

DialogueReport dialogue_report(Store& store, const std::string& id, const Filter& selected, const std::string& as_of) {
    Filter filter = selected;
    filter.undertakings_only = false; // acknowledgements are listed apart
    DialogueReport r;
    r.as_of = as_of;
    r.id = id;
    auto& db = store.db();
    {
        SQLite::Statement q(db, "SELECT r.kind, d.title, d.date, d.end_date, d.series, d.number, d.location, "
                                "d.alongside FROM record r LEFT JOIN dialogue d ON d.id = r.id WHERE r.id = :id");
        q.bind(":id", id);
        if (!q.executeStep()) {
            throw DataError(fmt::format("no record '{}' in {}{}", id, store.path(), id_hint(store, id, Kind::dialogue)));
        }
        std::string kind = q.getColumn(0).getString();
        if (kind != "dialogue") {
            throw DataError(fmt::format("'{}' is a {}, not a dialogue", id, kind));
        }
        r.title = q.getColumn(1).getString();
        r.date = q.getColumn(2).getString();
        r.end_date = cell_of(q.getColumn(3));
        r.series = cell_of(q.getColumn(4));
        r.number = cell_of(q.getColumn(5));
        r.location = cell_of(q.getColumn(6));
        r.alongside = cell_of(q.getColumn(7));
    }
    if (r.date > as_of) {
        throw DataError(fmt::format("dialogue '{}' is dated {}, after the as-of day {}", id, r.date, as_of));
    }
    {
        SQLite::Statement q(db, "SELECT role, party_id FROM record_party WHERE record_id = :id "
                                "AND role IN ('parties', 'chairs') ORDER BY role, pos");
        q.bind(":id", id);
        while (q.executeStep()) {
            (q.getColumn(0).getString() == "parties" ? r.parties : r.chairs).push_back(q.getColumn(1).getString());
        }
    }

    const std::string ctes =
        as_of_sql(filter, fmt::format("t.statement_id IN {}", k_statements));
    auto prepare = [&](const std::string& select) {
        auto q = std::make_unique<SQLite::Statement>(db, ctes + "\n" + select);
        bind_as_of(*q, filter, as_of);
        q->bind(":report_dialogue", id);
        return q;
    };

    // Statements, with the number of undertakings and acknowledgements shown.
    auto st = prepare(fmt::format("SELECT st.id, st.title, st.date, st.type, "
                                  "(SELECT count(*) FROM a_status s JOIN a_commitment c ON c.commitment_id = "
                                  "s.commitment_id JOIN commitment t ON t.id = s.commitment_id "
                                  "WHERE c.statement_id = st.id AND NOT {0}), "
                                  "(SELECT count(*) FROM a_status s JOIN a_commitment c ON c.commitment_id = "
                                  "s.commitment_id JOIN commitment t ON t.id = s.commitment_id "
                                  "WHERE c.statement_id = st.id AND {0}) "
                                  "FROM statement st WHERE st.id IN {1} ORDER BY st.date, st.rowid",
                                  acknowledgement_sql("t"), k_statements));
    while (st->executeStep()) {
        r.statements.push_back({st->getColumn(0).getString(), st->getColumn(1).getString(),
                                st->getColumn(2).getString(), cell_of(st->getColumn(3)), st->getColumn(4).getInt64(),
                                st->getColumn(5).getInt64()});
    }

    // Commitments with their as-of status; acknowledgements apart, and never overdue.
    std::vector<std::string> listed; // both, in the order of the statements
    auto cq = prepare(fmt::format("SELECT s.commitment_id, c.statement_id, t.paragraph, c.due, s.status, "
                                  "s.days_overdue, {}, t.text, t.action, {} "
                                  "FROM a_status s JOIN a_commitment c ON c.commitment_id = s.commitment_id "
                                  "JOIN commitment t ON t.id = s.commitment_id "
                                  "JOIN statement st ON st.id = c.statement_id "
                                  "ORDER BY c.made, st.rowid, t.rowid",
                                  actor_list_sql("s.commitment_id"), acknowledgement_sql("t")));
    while (cq->executeStep()) {
        DialogueCommitment c;
        c.id = cq->getColumn(0).getString();
        c.statement = cq->getColumn(1).getString();
        c.paragraph = cell_of(cq->getColumn(2));
        c.due = cell_of(cq->getColumn(3));
        c.status = cq->getColumn(4).getString();
        bool acknowledgement = cq->getColumn(9).getInt() != 0;
        if (!cq->getColumn(5).isNull() && !acknowledgement) {
            c.days_overdue = cq->getColumn(5).getInt64();
        }
        c.actors = parse_actor_list(cq->getColumn(6).getString());
        c.text = cq->getColumn(7).getString();
        c.action = cell_of(cq->getColumn(8));
        listed.push_back(c.id);
        (acknowledgement ? r.acknowledgements : r.commitments).push_back(std::move(c));
    }

    // The order records are listed in: the dialogue, its statements, its commitments.
    std::map<std::string, std::size_t> order;
    order[id] = 0;
    for (const auto& s : r.statements) {
        order.emplace(s.id, order.size());
    }
    for (const auto& c : listed) {
        order.emplace(c, order.size());
    }
    auto by_record = [&](const DialogueLink& a, const DialogueLink& b) { return order[a.record] < order[b.record]; };

    // References made by the statements and commitments shown.
    auto made = prepare(fmt::format("SELECT r.source_id, r.relation, r.target_id, rec.kind, {} "
                                    "FROM record_reference r JOIN record rec ON rec.id = r.target_id "
                                    "WHERE r.source_id IN {} OR r.source_id IN (SELECT commitment_id FROM a_status) "
                                    "ORDER BY r.source_id, r.field, r.pos",
                                    record_date_sql("r.target_id"), k_statements));
    while (made->executeStep()) {
        r.references.push_back({made->getColumn(0).getString(), made->getColumn(1).getString(),
                                made->getColumn(2).getString(), made->getColumn(3).getString(),
                                cell_of(made->getColumn(4))});
    }
    std::stable_sort(r.references.begin(), r.references.end(), by_record);

    // What followed: records that exist on the day (a program without a start date
    // always does) and refer to the dialogue, its statements or its commitments shown.
    auto followed = prepare(fmt::format("SELECT target_id, relation, source_id, kind, date FROM ("
                                        "SELECT r.target_id, r.relation, r.source_id, rec.kind, {} AS date, r.pos "
                                        "FROM record_reference r JOIN record rec ON rec.id = r.source_id "
                                        "WHERE r.target_id = :report_dialogue OR r.target_id IN {} "
                                        "OR r.target_id IN (SELECT commitment_id FROM a_status)) "
                                        "WHERE date IS NULL OR date <= :as_of "
                                        "ORDER BY date IS NULL, date, source_id, pos",
                                        record_date_sql("r.source_id"), k_statements));
    while (followed->executeStep()) {
        r.followed.push_back({followed->getColumn(0).getString(), followed->getColumn(1).getString(),
                              followed->getColumn(2).getString(), followed->getColumn(3).getString(),
                              cell_of(followed->getColumn(4))});
    }
    std::stable_sort(r.followed.begin(), r.followed.end(), by_record);
    return r;
}

namespace {

std::string actors_text(const std::vector<ActorAsOf>& actors, const char* pair_sep, const char* sep) {
    std::string s;
    for (const auto& a : actors) {
        if (!a.party.empty()) {
            s += (s.empty() ? "" : sep) + a.party + pair_sep + a.status;
        }
    }
    return s;
}

// (label, value) lines describing the dialogue.
std::vector<std::pair<std::string, std::string>> facts(const DialogueReport& r) {
    std::vector<std::pair<std::string, std::string>> f;
    f.emplace_back("date", r.end_date ? r.date + " to " + *r.end_date : r.date);
    if (r.location) {
        f.emplace_back("location", *r.location);
    }
    if (r.alongside) {
        f.emplace_back("alongside", *r.alongside);
    }
    if (r.series) {
        f.emplace_back("series", r.number ? *r.series + ", number " + *r.number : *r.series);
    }
    if (!r.parties.empty()) {
        f.emplace_back("parties", join(r.parties, ", "));
    }
    if (!r.chairs.empty()) {
        f.emplace_back("chairs", join(r.chairs, ", "));
    }
    f.emplace_back("as of", r.as_of);
    return f;
}

Grid statements_grid(const DialogueReport& r) {
    Grid g{{"statement", "date", "type", "commitments", "acknowledgements", "title"},
           {false, false, false, true, true, false},
           {}};
    for (const auto& s : r.statements) {
        g.rows.push_back(
            {s.id, s.date, s.type, std::to_string(s.commitments), std::to_string(s.acknowledgements), s.title});
    }
    return g;
}

// What a statement acknowledged: no due date, never overdue; the text says what.
Grid acknowledgements_grid(const DialogueReport& r, std::size_t width) {
    Grid g{{"commitment", "statement", "action", "status", "actors", "text"}, {}, {}};
    for (const auto& c : r.acknowledgements) {
        g.rows.push_back({c.id, c.statement, c.action, c.status, actors_text(c.actors, ": ", ", "),
                          width ? shorten(c.text, width) : c.text});
    }
    return g;
}

Grid commitments_grid(const DialogueReport& r) {
    Grid g{{"commitment", "statement", "due", "status", "days overdue", "actors"},
           {false, false, false, false, true, false},
           {}};
    for (const auto& c : r.commitments) {
        g.rows.push_back({c.id, c.statement, c.due, c.status,
                          c.days_overdue ? Cell(std::to_string(*c.days_overdue)) : Cell(),
                          actors_text(c.actors, ": ", ", ")});
    }
    return g;
}

// References made read "record relation target"; what followed reads "record, followed
// by other (kind, date), which <relation> it".
Grid links_grid(const std::vector<DialogueLink>& links, bool made) {
    Grid g;
    if (made) {
        g.headers = {"record", "relation", "target", "kind", "date"};
    } else {
        g.headers = {"record", "followed by", "kind", "date", "which"};
    }
    for (const auto& l : links) {
        if (made) {
            g.rows.push_back({l.record, l.relation, l.other, l.kind, l.date});
        } else {
            g.rows.push_back({l.record, l.other, l.kind, l.date, l.relation + " it"});
        }
    }
    return g;
}

std::string json_links(const std::vector<DialogueLink>& links, const std::string& record, bool made) {
    std::string s = "[";
    bool first = true;
    for (const auto& l : links) {
        if (l.record != record) {
            continue;
        }
        s += fmt::format("{}{{\"relation\": {}, \"{}\": {}, \"kind\": {}, \"date\": {}}}", first ? "" : ", ",
                         json_quote(l.relation), made ? "target" : "source", json_quote(l.other), json_quote(l.kind),
                         json_text(l.date));
        first = false;
    }
    return s + "]";
}

// A paragraph is a number (8) or text ("13(a)"); a number stays one in JSON.
std::string paragraph_json(const Cell& p) {
    bool digits = p && !p->empty() && p->size() < 10 &&
                  std::all_of(p->begin(), p->end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    return digits ? *p : json_text(p);
}

void write_json(std::ostream& out, const DialogueReport& r) {
    out << "{\n  \"report\": \"dialogue\",\n  \"as_of\": " << json_quote(r.as_of) << ",\n  \"dialogue\": {"
        << fmt::format("\"id\": {}, \"title\": {}, \"date\": {}, \"end_date\": {}, \"location\": {}, "
                       "\"alongside\": {}, \"series\": {}, \"number\": {}, \"parties\": {}, \"chairs\": {}, "
                       "\"followed_by\": {}",
                       json_quote(r.id), json_quote(r.title), json_quote(r.date), json_text(r.end_date),
                       json_text(r.location), json_text(r.alongside), json_text(r.series), json_number(r.number),
                       json_text_list(r.parties), json_text_list(r.chairs), json_links(r.followed, r.id, false))
        << "},\n  \"statements\": [";
    for (std::size_t i = 0; i < r.statements.size(); ++i) {
        const auto& s = r.statements[i];
        out << (i ? ",\n" : "\n")
            << fmt::format("    {{\"id\": {}, \"title\": {}, \"date\": {}, \"type\": {}, \"references\": {}, "
                           "\"followed_by\": {}, \"commitments\": [",
                           json_quote(s.id), json_quote(s.title), json_quote(s.date), json_text(s.type),
                           json_links(r.references, s.id, true), json_links(r.followed, s.id, false));
        bool first = true;
        for (const auto& c : r.commitments) {
            if (c.statement != s.id) {
                continue;
            }
            std::string actors = json_actors(c.actors);
            out << (first ? "\n" : ",\n")
                << fmt::format("      {{\"id\": {}, \"paragraph\": {}, \"due\": {}, \"status\": {}, "
                               "\"days_overdue\": {}, \"actors\": [{}], \"references\": {}, \"followed_by\": {}, "
                               "\"text\": {}}}",
                               json_quote(c.id), paragraph_json(c.paragraph), json_text(c.due), json_quote(c.status),
                               c.days_overdue ? std::to_string(*c.days_overdue) : "null", actors,
                               json_links(r.references, c.id, true), json_links(r.followed, c.id, false),
                               json_quote(c.text));
            first = false;
        }
        out << (first ? "]" : "\n    ]") << ", \"acknowledgements\": [";
        first = true;
        for (const auto& c : r.acknowledgements) {
            if (c.statement != s.id) {
                continue;
            }
            out << (first ? "\n" : ",\n")
                << fmt::format("      {{\"id\": {}, \"paragraph\": {}, \"action\": {}, \"status\": {}, "
                               "\"actors\": [{}], \"references\": {}, \"followed_by\": {}, \"text\": {}}}",
                               json_quote(c.id), paragraph_json(c.paragraph), json_text(c.action),
                               json_quote(c.status), json_actors(c.actors), json_links(r.references, c.id, true),
                               json_links(r.followed, c.id, false), json_quote(c.text));
            first = false;
        }
        out << (first ? "]}" : "\n    ]}");
    }
    out << (r.statements.empty() ? "]" : "\n  ]") << "\n}\n";
}

void write_csv(std::ostream& out, const DialogueReport& r, const CsvStyle& csv) {
    Grid g{{"dialogue", "statement", "commitment", "acknowledgement", "paragraph", "due", "status", "days_overdue",
            "actors", "followed_by", "text"},
           {false, false, false, false, false, false, false, true, false, false, false},
           {}};
    for (const auto* list : {&r.commitments, &r.acknowledgements}) {
        for (const auto& c : *list) {
            std::string followed;
            for (const auto& l : r.followed) {
                if (l.record == c.id) {
                    followed += (followed.empty() ? "" : ";") + l.relation + ":" + l.other;
                }
            }
            g.rows.push_back({r.id, c.statement, c.id, list == &r.commitments ? "false" : "true", c.paragraph, c.due,
                              c.status, c.days_overdue ? Cell(std::to_string(*c.days_overdue)) : Cell(),
                              actors_text(c.actors, ":", ";"), followed, c.text});
        }
    }
    write_csv_grid(out, g, csv);
}

} // namespace

void write_dialogue(std::ostream& out, const DialogueReport& r, const ReportStyle& style) {
    if (style.format == ReportFormat::json) {
        write_json(out, r);
        return;
    }
    if (style.format == ReportFormat::csv) {
        write_csv(out, r, style.csv);
        return;
    }
    if (style.format == ReportFormat::html) {
        BarChart chart{"Commitments by status, by statement, as of " + r.as_of, "commitments", status_keys(), {}};
        for (const auto& st : r.statements) {
            chart.bar(st.id);
        }
        for (const auto& c : r.commitments) {
            chart.add(c.statement, c.status);
        }
        write_html_begin(out, r.title + " (" + r.id + ")");
        write_html_facts(out, facts(r));
        write_html_charts(out, chart, style);
        for (const auto& [name, g] : {std::pair<const char*, Grid>{"Statements", statements_grid(r)},
                                      {"Commitments", commitments_grid(r)},
                                      {"Acknowledgements", acknowledgements_grid(r, 0)},
                                      {"References made", links_grid(r.references, true)},
                                      {"What followed", links_grid(r.followed, false)}}) {
            write_html_heading(out, name);
            write_html_grid(out, g);
        }
        write_html_end(out);
        return;
    }
    bool md = style.format == ReportFormat::md;
    auto section = [&](const std::string& title, const Grid& g, const char* none) {
        out << '\n' << (md ? "### " : "") << title << (md ? "\n\n" : "\n");
        if (g.rows.empty()) {
            out << none << '\n';
        } else if (md) {
            write_md_grid(out, g);
        } else {
            write_text_grid(out, g, style.colour);
        }
    };
    if (md) {
        out << "## " << md_text(r.title) << " (" << r.id << ")\n\n";
        for (const auto& [label, value] : facts(r)) {
            out << "- " << label << ": " << md_text(value) << '\n';
        }
    } else {
        out << r.title << " (" << r.id << ")\n";
        Grid g{{"", ""}, {}, {}};
        for (const auto& [label, value] : facts(r)) {
            g.rows.push_back({label, value});
        }
        std::size_t width = 0;
        for (const auto& row : g.rows) {
            width = std::max(width, row[0]->size());
        }
        for (const auto& row : g.rows) {
            out << "  " << *row[0] << std::string(width - row[0]->size() + 2, ' ') << *row[1] << '\n';
        }
    }
    section("Statements", statements_grid(r), "(none)");
    section("Commitments", commitments_grid(r), "(none)");
    section("Acknowledgements (action note or recall: not counted as undertakings)", acknowledgements_grid(r, 60),
            "(none)");
    section("References made", links_grid(r.references, true), "(none)");
    section("What followed", links_grid(r.followed, false), "(none)");
}

} // namespace accord
