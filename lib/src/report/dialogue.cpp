// `accord report dialogue ID`: one dialogue, its statements and commitments as of a day.
#include "accord/report/dialogue.hpp"

#include "accord/error.hpp"
#include "accord/report/svg.hpp"
#include "accord/text/strings.hpp"
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
    const auto notes = latest_notes(store, as_of);
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
        c.latest = latest_of(notes, c.id);
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
        f.emplace_back("parties", fmt::format("{}", fmt::join(r.parties, ", ")));
    }
    if (!r.chairs.empty()) {
        f.emplace_back("chairs", fmt::format("{}", fmt::join(r.chairs, ", ")));
    }
    f.emplace_back("as of", r.as_of);
    return f;
}

using text::Cell;
using text::CellType;
using text::Column;
using text::Json;

text::Table table_of(std::initializer_list<Column> columns, bool substance = false) {
    text::Table t;
    t.columns = columns;
    if (substance) {
        for (auto& c : substance_columns()) {
            t.columns.push_back(std::move(c));
        }
    }
    t.none = "(none)";
    return t;
}

Column id(const char* key) { return text::nowrap(Column(key)); }

text::Table statements_table(const DialogueReport& r) {
    text::Table t = table_of({id("statement"), id("date"), id("type"),
                              Column("commitments", CellType::integer), Column("acknowledgements", CellType::integer),
                              Column("title")});
    for (const auto& s : r.statements) {
        t.rows.push_back({s.id, s.date, Cell(s.type), Cell::integer(s.commitments),
                          Cell::integer(s.acknowledgements), s.title});
    }
    return t;
}

// What a statement acknowledged: no due date, never overdue; the text says what.
text::Table acknowledgements_table(const DialogueReport& r, text::Format format) {
    text::Table t = table_of({id("commitment"), id("statement"), Column("action"), id("status"), Column("actors")},
                             true);
    for (const auto& c : r.acknowledgements) {
        t.rows.push_back({c.id, c.statement, Cell(c.action), c.status, actors_text(c.actors, ": ", ", ")});
        add_substance_cells(t.rows.back(), c.text, c.latest, format);
    }
    return t;
}

text::Table commitments_table(const DialogueReport& r, text::Format format) {
    text::Table t = table_of({id("commitment"), id("statement"), id("due"), id("status"),
                              Column("days overdue", CellType::integer), Column("actors")},
                             true);
    for (const auto& c : r.commitments) {
        t.rows.push_back({c.id, c.statement, Cell(c.due), c.status,
                          c.days_overdue ? Cell::integer(*c.days_overdue) : Cell(), actors_text(c.actors, ": ", ", ")});
        add_substance_cells(t.rows.back(), c.text, c.latest, format);
    }
    return t;
}

// References made read "record relation target"; what followed reads "record, followed
// by other (kind, date), which <relation> it".
text::Table links_table(const std::vector<DialogueLink>& links, bool made) {
    text::Table t = made ? table_of({id("record"), id("relation"), id("target"), id("kind"), id("date")})
                         : table_of({id("record"), id("followed by"), id("kind"), id("date"), id("which")});
    for (const auto& l : links) {
        if (made) {
            t.rows.push_back({l.record, l.relation, l.other, l.kind, Cell(l.date)});
        } else {
            t.rows.push_back({l.record, l.other, l.kind, Cell(l.date), l.relation + " it"});
        }
    }
    return t;
}

Json links_json(const std::vector<DialogueLink>& links, const std::string& record, bool made) {
    Json list = Json::array();
    for (const auto& l : links) {
        if (l.record == record) {
            list.push(Json::object().add("relation", l.relation).add(made ? "target" : "source", l.other)
                          .add("kind", l.kind).add("date", l.date));
        }
    }
    return list;
}

// A paragraph is a number (8) or text ("13(a)"); a number stays one in JSON.
Json paragraph_json(const std::optional<std::string>& p) {
    bool digits = p && !p->empty() && p->size() < 10 &&
                  std::all_of(p->begin(), p->end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    return digits ? Json::number(*p) : Json(p);
}

Json dialogue_json(const DialogueReport& r) {
    Json d = Json::object();
    d.add("id", r.id).add("title", r.title).add("date", r.date).add("end_date", r.end_date);
    d.add("location", r.location).add("alongside", r.alongside).add("series", r.series);
    d.add("number", Json::number(r.number.value_or(""))).add("parties", Json::strings(r.parties));
    d.add("chairs", Json::strings(r.chairs)).add("followed_by", links_json(r.followed, r.id, false));
    Json statements = Json::array();
    for (const auto& s : r.statements) {
        Json commitments = Json::lines();
        for (const auto& c : r.commitments) {
            if (c.statement == s.id) {
                Json item = Json::object();
                item.add("id", c.id).add("paragraph", paragraph_json(c.paragraph)).add("due", c.due);
                item.add("status", c.status).add("days_overdue", c.days_overdue ? Json(*c.days_overdue) : Json());
                item.add("actors", actors_json(c.actors)).add("references", links_json(r.references, c.id, true));
                item.add("followed_by", links_json(r.followed, c.id, false)).add("text", c.text);
                item.add("latest", latest_json(c.latest));
                commitments.push(std::move(item));
            }
        }
        Json acknowledgements = Json::lines();
        for (const auto& c : r.acknowledgements) {
            if (c.statement == s.id) {
                Json item = Json::object();
                item.add("id", c.id).add("paragraph", paragraph_json(c.paragraph)).add("action", c.action);
                item.add("status", c.status).add("actors", actors_json(c.actors));
                item.add("references", links_json(r.references, c.id, true));
                item.add("followed_by", links_json(r.followed, c.id, false)).add("text", c.text);
                item.add("latest", latest_json(c.latest));
                acknowledgements.push(std::move(item));
            }
        }
        Json item = Json::object();
        item.add("id", s.id).add("title", s.title).add("date", s.date).add("type", s.type);
        item.add("references", links_json(r.references, s.id, true));
        item.add("followed_by", links_json(r.followed, s.id, false)).add("commitments", std::move(commitments));
        statements.push(std::move(item.add("acknowledgements", std::move(acknowledgements))));
    }
    Json j = Json::object();
    j.add("report", "dialogue").add("as_of", r.as_of).add("dialogue", std::move(d));
    return j.add("statements", std::move(statements));
}

text::Table csv_table(const DialogueReport& r) {
    text::Table t = table_of({Column("dialogue"), Column("statement"), Column("commitment"),
                              Column("acknowledgement", CellType::boolean), Column("paragraph"), Column("due"),
                              Column("status"), Column("days_overdue", CellType::integer), Column("actors"),
                              Column("followed_by")},
                             true);
    for (const auto* list : {&r.commitments, &r.acknowledgements}) {
        for (const auto& c : *list) {
            std::string followed;
            for (const auto& l : r.followed) {
                if (l.record == c.id) {
                    followed += (followed.empty() ? "" : ";") + l.relation + ":" + l.other;
                }
            }
            t.rows.push_back({r.id, c.statement, c.id, Cell::boolean(list != &r.commitments), Cell(c.paragraph),
                              Cell(c.due), c.status, c.days_overdue ? Cell::integer(*c.days_overdue) : Cell(),
                              actors_text(c.actors, ":", ";"), followed});
            add_substance_cells(t.rows.back(), c.text, c.latest, text::Format::csv);
        }
    }
    return t;
}

} // namespace

text::Document dialogue_document(const DialogueReport& r, const ReportStyle& style) {
    const bool html = style.format == text::Format::html;
    text::Document doc;
    doc.title = r.title + " (" + r.id + ")";
    doc.title_in_text = true;
    doc.facts = facts(r);
    doc.sections.push_back({"Statements", statements_table(r)});
    doc.sections.push_back({"Commitments", commitments_table(r, style.format)});
    doc.sections.push_back({html ? "Acknowledgements"
                                 : "Acknowledgements (action note or recall: not counted as undertakings)",
                            acknowledgements_table(r, style.format)});
    doc.sections.push_back({"References made", links_table(r.references, true)});
    doc.sections.push_back({"What followed", links_table(r.followed, false)});
    doc.csv = csv_table(r);
    doc.json = dialogue_json(r);

    BarChart chart{"Commitments by status, by statement, as of " + r.as_of, "commitments", status_keys(), {}};
    for (const auto& st : r.statements) {
        chart.bar(st.id);
    }
    for (const auto& c : r.commitments) {
        chart.add(c.statement, c.status);
    }
    add_charts(doc, style, std::move(chart));
    return doc;
}

} // namespace accord
