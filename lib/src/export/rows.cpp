// `accord export KIND|links|timeline`: rows read from SQLite and streamed through text::RowStream.
#include "accord/export/rows.hpp"

#include "accord/error.hpp"
#include "accord/model/record.hpp"
#include "accord/output/output.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <memory>

namespace accord {

// ---------------------------------------------------------------------------------------
// Writing rows

text::WriteOptions RowFormat::options() const {
    text::WriteOptions o;
    o.crlf = crlf;
    o.bom = bom;
    o.safe_csv = safe_csv;
    o.sqlite_csv = true;
    return o;
}

// ---------------------------------------------------------------------------------------
// Reading rows

namespace {

void read_cell(SQLite::Statement& q, int column, text::Cell& cell) {
    SQLite::Column c = q.getColumn(column);
    if (c.isNull()) {
        cell.type = text::CellType::null;
        cell.value.clear();
    } else if (c.isInteger()) {
        cell.type = text::CellType::integer;
        cell.value = c.getString();
    } else {
        cell.type = text::CellType::text;
        cell.value = c.getString();
    }
}

void set_text_or_null(text::Cell& cell, std::string text) {
    cell.type = text.empty() ? text::CellType::null : text::CellType::text;
    cell.value = std::move(text);
}

std::vector<text::Column> export_table_columns(const std::vector<std::string>& headers,
                                              const std::vector<text::Shape>& shapes) {
    std::vector<text::Column> columns;
    for (std::size_t c = 0; c < headers.size(); ++c) {
        columns.emplace_back(headers[c]);
        columns.back().shape = c < shapes.size() ? shapes[c] : text::Shape::value;
    }
    return columns;
}

// Writes every row of q (one column per header, in order) as it is read; returns the count.
std::size_t write_all_rows(SQLite::Statement& q, const std::vector<std::string>& headers, std::ostream& out,
                           const RowFormat& format, const std::vector<text::Shape>& shapes = {}) {
    text::RowStream writer(out, export_table_columns(headers, shapes), format.format, format.options());
    std::vector<text::Cell> row(headers.size());
    while (q.executeStep()) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            read_cell(q, static_cast<int>(c), row[c]);
        }
        writer.write(row);
    }
    writer.finish();
    return writer.rows();
}

const char* const k_source_columns[] = {"source_title", "source_publisher", "source_url", "source_published",
                                        "source_paragraph"};

// How one exported column of a kind is filled.
struct ColumnPlan {
    int sql_column = -1;                       // a column of the main query
    std::unique_ptr<SQLite::Statement> lookup; // or a list read per row: (value[, relation]) by pos
    bool references = false;                   // lookup gives relation, target
};

} // namespace

std::vector<std::string> export_columns(Kind kind) {
    std::vector<std::string> cols;
    for (const auto& fs : kind_spec(kind).fields) {
        if (fs.type == FieldType::children || fs.type == FieldType::milestones) {
            continue; // nested records and a program's milestones are rows of their own
        }
        if (fs.type == FieldType::source) {
            cols.insert(cols.end(), std::begin(k_source_columns), std::end(k_source_columns));
        } else {
            cols.emplace_back(fs.name);
        }
    }
    return cols;
}

const std::vector<std::string>& timeline_columns() {
    static const std::vector<std::string> cols = {
        "date",   "date_precision", "date_first", "date_last",  "event",         "commitment_id",
        "statement_id", "dialogue_id", "series", "actors", "party", "status", "related_id", "via_statement",
        "text",   "source_url"};
    return cols;
}

const std::vector<text::Shape>& timeline_shapes() {
    static const std::vector<text::Shape> shapes = [] {
        std::vector<text::Shape> s(timeline_columns().size(), text::Shape::value);
        for (std::size_t c = 0; c < s.size(); ++c) {
            if (timeline_columns()[c] == "actors") {
                s[c] = text::Shape::list;
            }
        }
        return s;
    }();
    return shapes;
}

const std::vector<std::string>& links_columns() {
    static const std::vector<std::string> cols = {"source_id", "field", "relation", "target_id"};
    return cols;
}

std::size_t export_kind(Store& store, Kind kind, const Filter& filter, std::ostream& out, const RowFormat& format) {
    SQLite::Database& db = store.db();
    const KindSpec& spec = kind_spec(kind);
    // Column names come from the kind table, never from values; filter values are bound.
    std::string select;
    std::vector<ColumnPlan> plan;
    int sql_columns = 0;
    auto add_sql = [&](const std::string& column) {
        select += select.empty() ? "" : ", ";
        select += "t." + column;
        ColumnPlan p;
        p.sql_column = sql_columns++;
        plan.push_back(std::move(p));
    };
    for (const auto& fs : spec.fields) {
        if (fs.type == FieldType::children || fs.type == FieldType::milestones) {
            continue;
        }
        if (fs.type == FieldType::source) {
            for (const char* c : k_source_columns) {
                add_sql(c);
            }
        } else if (in_kind_table(fs)) {
            add_sql(column_of(fs.name));
        } else {
            ColumnPlan p;
            std::string sql;
            if (fs.type == FieldType::references) {
                sql = "SELECT relation, target_id FROM record_reference WHERE source_id = ?1 AND field = ?2 "
                      "ORDER BY pos";
                p.references = true;
            } else if (fs.ref_kinds == kind_bit(Kind::party)) {
                sql = "SELECT party_id FROM record_party WHERE record_id = ?1 AND role = ?2 ORDER BY pos";
            } else if (fs.ref_kinds == kind_bit(Kind::theme)) {
                sql = "SELECT theme_id FROM record_theme WHERE record_id = ?1 AND ?2 = ?2 ORDER BY pos";
            } else {
                sql = "SELECT target_id FROM record_reference WHERE source_id = ?1 AND field = ?2 ORDER BY pos";
            }
            p.lookup = std::make_unique<SQLite::Statement>(db, sql);
            p.lookup->bind(2, std::string(fs.name));
            plan.push_back(std::move(p));
        }
    }
    int id_column = -1;
    if (kind != Kind::progress) {
        select += ", t.id";
        id_column = sql_columns++;
    }
    SQLite::Statement q(db, fmt::format("SELECT {} FROM {} t WHERE {} ORDER BY t.rowid", select, spec.table,
                                        filter.where(kind)));
    filter.bind(q);

    std::vector<text::Shape> shapes;
    for (const auto& p : plan) {
        shapes.push_back(p.sql_column >= 0 ? text::Shape::value
                                           : (p.references ? text::Shape::references : text::Shape::list));
    }
    text::RowStream writer(out, export_table_columns(export_columns(kind), shapes), format.format, format.options());
    std::vector<text::Cell> row(plan.size());
    std::string joined;
    while (q.executeStep()) {
        std::string id = id_column >= 0 ? q.getColumn(id_column).getString() : std::string();
        for (std::size_t c = 0; c < plan.size(); ++c) {
            ColumnPlan& p = plan[c];
            if (p.sql_column >= 0) {
                read_cell(q, p.sql_column, row[c]);
                continue;
            }
            p.lookup->reset();
            p.lookup->bind(1, id);
            joined.clear();
            while (p.lookup->executeStep()) {
                if (!joined.empty()) {
                    joined += ';';
                }
                if (p.references) {
                    joined += p.lookup->getColumn(0).getString();
                    joined += ':';
                    joined += p.lookup->getColumn(1).getString();
                } else {
                    joined += p.lookup->getColumn(0).getString();
                }
            }
            set_text_or_null(row[c], joined);
        }
        writer.write(row);
    }
    writer.finish();
    return writer.rows();
}

std::size_t export_links(Store& store, std::ostream& out, const RowFormat& format) {
    SQLite::Statement q(store.db(), "SELECT r.source_id, r.field, r.relation, r.target_id FROM record_reference r "
                                    "JOIN record s ON s.id = r.source_id ORDER BY s.rowid, r.field, r.pos");
    return write_all_rows(q, links_columns(), out, format);
}

std::size_t export_timeline(Store& store, const TimelineQuery& query, std::ostream& out, const RowFormat& format) {
    SQLite::Database& db = store.db();
    if (query.commitment) {
        SQLite::Statement find(db, "SELECT 1 FROM commitment WHERE id = ?");
        find.bind(1, *query.commitment);
        if (!find.executeStep()) {
            throw DataError(fmt::format("no commitment '{}'", *query.commitment));
        }
    }
    Filter commitments = query.filter;
    commitments.since.reset();
    commitments.until.reset();
    std::string sql = "SELECT ";
    for (std::size_t c = 0; c < timeline_columns().size(); ++c) {
        sql += (c ? ", " : "") + timeline_columns()[c];
    }
    sql += " FROM v_timeline WHERE 1";
    if (std::string where = commitments.where(Kind::commitment); where != "1") {
        sql += " AND commitment_id IN (SELECT t.id FROM commitment t WHERE " + where + ")";
    }
    if (query.commitment) {
        sql += " AND commitment_id = :timeline_commitment";
    }
    if (query.filter.since) {
        sql += " AND date >= :event_since";
    }
    if (query.filter.until) {
        sql += " AND date <= :event_until";
    }
    if (query.filter.as_of) {
        // As the timeline stood on the day: what had happened by then, and the due dates then known.
        sql += " AND (event = 'due' OR date <= :as_of_end)";
    }
    // The view's own order (see schema.sql.inc): made, references, progress, due on one day.
    sql += " ORDER BY date, commitment_id, CASE event WHEN 'made' THEN 0 WHEN 'progress' THEN 2 WHEN 'due' THEN 3 "
           "ELSE 1 END, event, party, related_id, text";
    SQLite::Statement q(db, sql);
    commitments.bind(q);
    if (query.commitment) {
        q.bind(":timeline_commitment", *query.commitment);
    }
    if (query.filter.since) {
        q.bind(":event_since", query.filter.since_bound());
    }
    if (query.filter.until) {
        q.bind(":event_until", query.filter.until_bound());
    }

    return write_all_rows(q, timeline_columns(), out, format, timeline_shapes());
}

} // namespace accord
