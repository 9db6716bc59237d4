// `accord report overdue` and `upcoming`: commitments past due, or falling due in a window.
#include "accord/report/overdue.hpp"

#include "accord/report/svg.hpp"
#include "accord/text/strings.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace accord {

text::Json actors_json(const std::vector<ActorAsOf>& actors) {
    text::Json list = text::Json::array();
    for (const auto& a : actors) {
        list.push(text::Json::object().add("party", a.party.empty() ? text::Json() : text::Json(a.party))
                      .add("status", a.status));
    }
    return list;
}

std::string json_actors(const std::vector<ActorAsOf>& actors) {
    std::string s;
    actors_json(actors).append_inline(s);
    return s.substr(1, s.size() - 2);
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

namespace {

// The commitments of the as-of query that pass `where` (fixed SQL on s: a_status, c:
// a_commitment), with `days` (fixed SQL) and in `order`.
std::vector<DueItem> due_items(Store& store, const Filter& filter, const std::string& as_of, const char* days,
                               const char* where, const char* order, const std::string& until = {}) {
    SQLite::Statement q(store.db(),
                        fmt::format("{}\nSELECT s.commitment_id, c.statement_id, st.dialogue_id, c.due, c.due_end, "
                                    "{}, s.status, {}, t.text\n"
                                    "  FROM a_status s JOIN a_commitment c ON c.commitment_id = s.commitment_id\n"
                                    "  JOIN commitment t ON t.id = s.commitment_id\n"
                                    "  JOIN statement st ON st.id = c.statement_id\n"
                                    " WHERE {}\n"
                                    " ORDER BY {}",
                                    as_of_sql(filter), days, actor_list_sql("s.commitment_id"), where, order));
    bind_as_of(q, filter, as_of);
    if (!until.empty()) {
        q.bind(":until", until);
    }
    std::vector<DueItem> items;
    const auto notes = latest_notes(store, as_of);
    while (q.executeStep()) {
        DueItem it;
        it.commitment = q.getColumn(0).getString();
        it.statement = q.getColumn(1).getString();
        it.dialogue = cell_of(q.getColumn(2));
        it.due = q.getColumn(3).getString();
        it.due_end = q.getColumn(4).getString();
        it.days = q.getColumn(5).getInt64();
        it.status = q.getColumn(6).getString();
        it.actors = parse_actor_list(q.getColumn(7).getString());
        it.text = q.getColumn(8).getString();
        it.latest = latest_of(notes, it.commitment);
        items.push_back(std::move(it));
    }
    return items;
}

} // namespace

OverdueReport overdue_report(Store& store, const Filter& filter, const std::string& as_of) {
    OverdueReport r;
    r.as_of = as_of;
    r.items = due_items(store, filter, as_of, "s.days_overdue", "s.days_overdue IS NOT NULL",
                        "c.due_end, c.due, c.made, s.commitment_id");
    return r;
}

UpcomingReport upcoming_report(Store& store, const Filter& filter, const std::string& as_of, const std::string& until) {
    UpcomingReport r;
    r.as_of = as_of;
    r.until = until;
    r.items = due_items(store, filter, as_of, "CAST(julianday(c.due_end) - julianday(:as_of) AS INTEGER)",
                        "c.due_end >= :as_of AND c.due_end <= :until AND s.status NOT IN ('complete', 'withdrawn')",
                        "c.due_end, c.due, c.made, s.commitment_id", until);
    return r;
}

std::string actor_ids(const std::vector<ActorAsOf>& actors, const char* sep) {
    std::string s;
    for (const auto& a : actors) {
        if (!a.party.empty()) {
            s += (s.empty() ? "" : sep) + a.party;
        }
    }
    return s;
}

namespace {

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

namespace {

// What tells the overdue and upcoming reports apart in writing.
struct DueReport {
    const char* name;      // "overdue", "upcoming" (the JSON "report")
    std::string title;     // the Markdown heading
    std::string summary;   // the line after the table
    const char* days;      // the days column: "days overdue", "days left"
    const char* days_key;  // its JSON and CSV name
    std::string chart;     // the html bar chart's title
    std::vector<std::pair<const char*, std::string>> json_head; // string fields after "as_of"
};

text::Document due_document(const DueReport& d, const std::string& as_of, const std::vector<DueItem>& items,
                            const ReportStyle& style) {
    using text::Cell;
    using text::CellType;
    using text::Column;
    using text::Json;
    text::Document doc;
    doc.title = d.title;
    doc.notes = {d.summary};

    text::Table t;
    t.columns = {text::nowrap(Column("commitment")), text::nowrap(Column("due")), Column(d.days, CellType::integer),
                 text::nowrap(Column("status")), text::nowrap(Column("statement")), Column("actors")};
    text::Table csv;
    csv.columns = {Column("commitment"), Column("statement"), Column("dialogue"),
                   Column("due"),        Column("due_end"),   Column(d.days_key, CellType::integer),
                   Column("status"),     Column("actors")};
    for (auto* table : {&t, &csv}) {
        for (auto& c : substance_columns()) {
            table->columns.push_back(std::move(c));
        }
    }
    Json rows = Json::array();
    for (const auto& it : items) {
        t.rows.push_back({it.commitment, it.due, Cell::integer(it.days), it.status, it.statement,
                          actor_ids(it.actors, ", ")});
        add_substance_cells(t.rows.back(), it.text, it.latest, style.format);
        csv.rows.push_back({it.commitment, it.statement, Cell(it.dialogue), it.due, it.due_end, Cell::integer(it.days),
                            it.status, actor_pairs(it.actors)});
        add_substance_cells(csv.rows.back(), it.text, it.latest, style.format);
        Json item = Json::object();
        item.add("commitment", it.commitment).add("statement", it.statement).add("dialogue", it.dialogue);
        item.add("due", it.due).add("due_end", it.due_end).add(d.days_key, it.days).add("status", it.status);
        rows.push(std::move(item.add("actors", actors_json(it.actors)).add("text", it.text).add("latest", latest_json(it.latest))));
    }
    // With nothing due, table and md write the summary alone; html says "(none)".
    if (!items.empty() || style.format == text::Format::html) {
        doc.sections.push_back({"", std::move(t)});
    }
    doc.csv = std::move(csv);

    doc.json = Json::object();
    doc.json.add("report", d.name).add("as_of", as_of);
    for (const auto& [key, value] : d.json_head) {
        doc.json.add(key, value);
    }
    doc.json.add("count", items.size()).add("commitments", std::move(rows));

    BarChart chart{d.chart, "commitments", status_keys(), {}};
    for (const auto& it : items) {
        chart.add(it.statement, it.status);
    }
    add_charts(doc, style, std::move(chart));
    return doc;
}

} // namespace

text::Document overdue_document(const OverdueReport& r, const ReportStyle& style) {
    DueReport d{"overdue",
                "Overdue commitments, as of " + r.as_of,
                fmt::format("{} {} overdue as of {} (past the end of the due period, neither complete nor withdrawn).",
                            r.items.size(), r.items.size() == 1 ? "commitment" : "commitments", r.as_of),
                "days overdue",
                "days_overdue",
                "Overdue commitments by status, by statement, as of " + r.as_of,
                {}};
    return due_document(d, r.as_of, r.items, style);
}

text::Document upcoming_document(const UpcomingReport& r, const ReportStyle& style) {
    DueReport d{"upcoming",
                fmt::format("Commitments falling due from {} to {}", r.as_of, r.until),
                fmt::format("{} {} falling due from {} to {} (the end of the due period in the window, neither "
                            "complete nor withdrawn on {}).",
                            r.items.size(), r.items.size() == 1 ? "commitment" : "commitments", r.as_of, r.until,
                            r.as_of),
                "days left",
                "days_left",
                fmt::format("Commitments falling due from {} to {}, by status, by statement", r.as_of, r.until),
                {{"until", r.until}}};
    return due_document(d, r.as_of, r.items, style);
}

} // namespace accord
