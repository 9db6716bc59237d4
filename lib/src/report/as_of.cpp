// What the reports share: the "as of" SQL, report style and charts, percent complete.
#include "accord/report/as_of.hpp"

#include "accord/error.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace accord {

void write_report(std::ostream& out, const text::Document& doc, const ReportStyle& style) {
    text::write_report(out, doc, style.format, style.options);
}

void add_charts(text::Document& doc, const ReportStyle& style, BarChart chart, std::function<void(std::ostream&)> more) {
    // The status words in their colours: swatches in html, coloured cells on a terminal.
    doc.swatches = status_keys();
    for (auto key : coloured_keys()) {
        doc.colours.emplace_back(std::string(key), std::string(key_colour(key)));
    }
    if (style.format != text::Format::html) {
        return;
    }
    doc.figures = [chart = std::move(chart), timeline = style.timeline, more = std::move(more)](std::ostream& out) {
        write_bar_chart(out, chart);
        if (timeline) {
            write_timeline_chart(out, *timeline);
        }
        if (more) {
            more(out);
        }
    };
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
        "  SELECT a.commitment_id, a.party_id, a.pos, {5}\n"
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
        days_overdue_sql("o.status", "c.due_end"), filter.status ? "o.status = :status" : "1",
        actor_status_sql("a.commitment_id", "a.party_id", "p.date <= :as_of"));
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

std::optional<std::string> cell_of(const SQLite::Column& c) {
    if (c.isNull()) {
        return std::nullopt;
    }
    return c.getString();
}

} // namespace accord
