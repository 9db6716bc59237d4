#include "accord/report/report_common.hpp"

#include "accord/error.hpp"
#include "accord/output/output.hpp"
#include "accord/report/table.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace accord {

ReportFormat report_format_from_string(std::string_view name) {
    if (name == "table") {
        return ReportFormat::table;
    }
    if (name == "md") {
        return ReportFormat::md;
    }
    if (name == "json") {
        return ReportFormat::json;
    }
    if (name == "csv") {
        return ReportFormat::csv;
    }
    if (name == "html") {
        return ReportFormat::html;
    }
    throw UsageError(fmt::format("unknown report format '{}' (table, md, json, csv, html)", name));
}

std::string join(const std::vector<std::string>& items, const char* sep) {
    std::string s;
    for (const auto& i : items) {
        s += (s.empty() ? "" : sep) + i;
    }
    return s;
}

std::string as_of_day(const PartialDate& d) { return d.last_day().str(); }

std::string days_overdue_sql(const std::string& status_column, const std::string& due_end_column) {
    return fmt::format("CASE WHEN {1} IS NOT NULL AND {1} < :as_of AND {0} NOT IN ('complete', 'withdrawn') "
                       "THEN CAST(julianday(:as_of) - julianday({1}) AS INTEGER) END",
                       status_column, due_end_column);
}

std::string as_of_sql(const Filter& filter, const std::string& extra) {
    // --status is the status as of the day, so it is applied to a_status below and
    // not by Filter::where (which would use the current status of v_commitment_status).
    Filter without_status = filter;
    without_status.status.reset();
    return fmt::format(
        "WITH RECURSIVE\n"
        "a_commitment(commitment_id, statement_id, due, due_end, made) AS (\n"
        "  SELECT t.id, t.statement_id, t.due,\n"
        "         CASE length(t.due) WHEN 4 THEN t.due || '-12-31'\n"
        "                            WHEN 7 THEN date(t.due || '-01', '+1 month', '-1 day')\n"
        "                            ELSE t.due END,\n"
        "         s.date\n"
        "    FROM commitment t JOIN statement s ON s.id = t.statement_id\n"
        "   WHERE s.date <= :as_of AND ({0}) AND ({1})\n"
        "),\n"
        "a_actor(commitment_id, party_id, pos) AS (\n"
        "  SELECT c.commitment_id, rp.party_id, rp.pos FROM a_commitment c\n"
        "    JOIN record_party rp ON rp.record_id = c.commitment_id AND rp.role = 'actors'\n"
        "  UNION ALL\n"
        "  SELECT c.commitment_id, NULL, 0 FROM a_commitment c\n"
        "   WHERE NOT EXISTS (SELECT 1 FROM record_party rp WHERE rp.record_id = c.commitment_id AND rp.role = "
        "'actors')\n"
        "),\n"
        "a_actor_status(commitment_id, party_id, pos, status) AS (\n"
        "  SELECT a.commitment_id, a.party_id, a.pos,\n"
        "         ifnull((SELECT p.status FROM progress p\n"
        "                  WHERE p.commitment_id = a.commitment_id\n"
        "                    AND (p.party_id IS NULL OR a.party_id IS NULL OR p.party_id = a.party_id)\n"
        "                    AND p.date <= :as_of\n"
        "                  ORDER BY p.date DESC, p.seq DESC LIMIT 1), 'unassessed')\n"
        "    FROM a_actor a\n"
        "),\n"
        "a_overall(commitment_id, status) AS (\n"
        "  SELECT s.commitment_id, {2} FROM a_actor_status s GROUP BY s.commitment_id\n"
        "),\n"
        "a_status(commitment_id, status, days_overdue) AS (\n"
        "  SELECT o.commitment_id, o.status, {3}\n"
        "    FROM a_overall o JOIN a_commitment c ON c.commitment_id = o.commitment_id\n"
        "   WHERE {4}\n"
        ")",
        without_status.where(Kind::commitment), extra, status_rule_sql("s.status"),
        days_overdue_sql("o.status", "c.due_end"), filter.status ? "o.status = :status" : "1");
}

void bind_as_of(SQLite::Statement& q, const Filter& filter, const std::string& day) {
    q.bind(":as_of", day);
    filter.bind(q); // binds :status of a_status too
}

long acknowledgements_left_out(Store& store, const Filter& filter, const std::string& as_of) {
    if (!filter.undertakings_only) {
        return 0;
    }
    Filter all = filter;
    all.undertakings_only = false;
    SQLite::Statement q(store.db(), as_of_sql(all, acknowledgement_sql("t")) + "\nSELECT count(*) FROM a_status");
    bind_as_of(q, all, as_of);
    return q.executeStep() ? q.getColumn(0).getInt64() : 0;
}

std::string acknowledgements_note(long left_out) {
    if (left_out == 0) {
        return {};
    }
    return fmt::format("{} {} (action note or recall) {} not counted: only undertakings are; --include-noted counts "
                       "them too.",
                       left_out, left_out == 1 ? "acknowledgement" : "acknowledgements",
                       left_out == 1 ? "is" : "are");
}

std::string percent_complete(long complete, long total, long withdrawn) {
    long den = total - withdrawn;
    if (den <= 0) {
        return "";
    }
    // Tenths of a percent, rounded half up, in integers (no binary rounding surprises).
    long tenths = (complete * 2000 + den) / (2 * den);
    return fmt::format("{}.{}", tenths / 10, tenths % 10);
}

namespace {

bool is_numeric(const Grid& g, std::size_t c) { return c < g.numeric.size() && g.numeric[c]; }

} // namespace

void write_text_grid(std::ostream& out, const Grid& g, bool colour) {
    std::vector<std::size_t> widths(g.headers.size());
    for (std::size_t c = 0; c < g.headers.size(); ++c) {
        widths[c] = display_width(g.headers[c]);
        for (const auto& r : g.rows) {
            widths[c] = std::max(widths[c], display_width(r[c].value_or("")));
        }
    }
    auto line = [&](const std::vector<std::string>& cells, bool header) {
        std::string s;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            std::size_t pad = widths[c] - display_width(cells[c]);
            bool last = c + 1 == cells.size();
            if (is_numeric(g, c)) {
                s.append(pad, ' ');
                s += cells[c];
            } else {
                s += cells[c];
                if (!last) {
                    s.append(pad, ' ');
                }
            }
            if (!last) {
                s += "  ";
            }
        }
        while (!s.empty() && s.back() == ' ') {
            s.pop_back();
        }
        if (header && colour) {
            write_raw(out, "\x1b[1m"); // accord's own sequence: a terminal that shows the data's controls lets it through
            out << s;
            write_raw(out, "\x1b[0m");
        } else {
            out << s;
        }
        out << '\n';
    };
    line(g.headers, true);
    for (const auto& r : g.rows) {
        std::vector<std::string> cells;
        for (const auto& cell : r) {
            cells.push_back(cell.value_or(""));
        }
        line(cells, false);
    }
}

void write_md_grid(std::ostream& out, const Grid& g) {
    auto escape = [](const std::string& s) {
        std::string e;
        for (char ch : md_text(s)) {
            if (ch == '|') {
                e += "\\|";
            } else {
                e += ch;
            }
        }
        return e;
    };
    out << "|";
    for (const auto& h : g.headers) {
        out << ' ' << escape(h) << " |";
    }
    out << "\n|";
    for (std::size_t c = 0; c < g.headers.size(); ++c) {
        out << (is_numeric(g, c) ? "--:|" : "---|");
    }
    out << '\n';
    for (const auto& r : g.rows) {
        out << "|";
        for (const auto& cell : r) {
            out << ' ' << escape(cell.value_or("")) << " |";
        }
        out << '\n';
    }
}

void write_csv_grid(std::ostream& out, const Grid& g, const CsvStyle& csv) {
    for (std::size_t c = 0; c < g.headers.size(); ++c) {
        out << (c ? "," : "") << csv_cell(g.headers[c]);
    }
    out << csv.line_end();
    for (const auto& r : g.rows) {
        for (std::size_t c = 0; c < r.size(); ++c) {
            out << (c ? "," : "") << csv_cell(r[c].value_or(""), csv.safe && !is_numeric(g, c));
        }
        out << csv.line_end();
    }
}

std::string json_text(const Cell& v) { return v ? json_quote(*v) : "null"; }

std::string json_number(const Cell& v) { return v && !v->empty() ? *v : "null"; }

std::string json_text_list(const std::vector<std::string>& items) { return text::json_list(items); }

Cell cell_of(const SQLite::Column& c) {
    if (c.isNull()) {
        return std::nullopt;
    }
    return c.getString();
}

} // namespace accord
