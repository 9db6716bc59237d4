#pragma once
// What the reports share: their formats, the "as of" SQL (docs/format.md), and the
// writers of aligned text tables, Markdown tables, CSV and JSON values.
#include "accord/model/date.hpp"
#include "accord/report/report_timeline.hpp"
#include "accord/report/table.hpp"
#include "accord/store/filter.hpp"
#include "accord/store/store.hpp"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace accord {

enum class ReportFormat { table, md, json, csv, html };
ReportFormat report_format_from_string(std::string_view name); // throws UsageError
inline constexpr std::string_view k_report_format_names[] = {"table", "md", "json", "csv", "html"};

// How a report is written. colour: ANSI bold headers in the table format; the app
// sets it only on a terminal without NO_COLOR. timeline: the events that the html
// format draws as its timeline chart (report_timeline(), same filter and day as the
// report); none is drawn without it.
struct ReportStyle {
    ReportStyle(ReportFormat f = ReportFormat::table, bool c = false) : format(f), colour(c) {}
    ReportFormat format;
    bool colour;
    CsvStyle csv; // the csv format: line ends, --safe-csv
    std::optional<ReportTimeline> timeline;
};

// The day a report is computed for: the last day of D's period (`--as-of 2025`
// is 2025-12-31), as YYYY-MM-DD.
std::string as_of_day(const PartialDate& d);

// The records as they stood on a day, in SQL (docs/format.md, "as of"). The text
// starts with `WITH RECURSIVE` and defines, for the named parameter :as_of (a
// YYYY-MM-DD day):
//   a_commitment(commitment_id, statement_id, due, due_end, made)
//       commitments whose statement is dated on or before :as_of and that pass
//       the filter (alias t, Filter::where(Kind::commitment)) and `extra` (a
//       fixed condition on t, never built from values; "1" for none);
//   a_actor_status(commitment_id, party_id, pos, status)
//       as v_actor_status (pos: the actor's place in `actors`), counting only
//       progress events dated on or before :as_of;
//   a_status(commitment_id, status, days_overdue)
//       as v_commitment_status; days_overdue is NULL unless overdue (past due,
//       status neither complete nor withdrawn); the filter's --status applies
//       to this as-of status.
// Further CTEs may follow after a comma. Bind with bind_as_of().
std::string as_of_sql(const Filter& filter, const std::string& extra = "1");
void bind_as_of(SQLite::Statement& q, const Filter& filter, const std::string& day);

// How many commitments the filter would select on the day (a YYYY-MM-DD as_of) that are
// acknowledgements (action note or recall) left out because filter.undertakings_only is set;
// 0 when it is not set.
long acknowledgements_left_out(Store& store, const Filter& filter, const std::string& as_of);
// The footnote that says so (docs/reports.md); empty for none.
std::string acknowledgements_note(long left_out);

// status_rule_sql(): accord/store/filter.hpp.
// SQL: days past the end of due period (col_due_end, YYYY-MM-DD) on :as_of when
// overdue for the given status column, else NULL.
std::string days_overdue_sql(const std::string& status_column, const std::string& due_end_column);

// Share complete: complete / (total - withdrawn) in percent with one decimal,
// rounded half up ("33.3"); empty when nothing is left to complete.
std::string percent_complete(long complete, long total, long withdrawn);

// A table of optional text cells (nullopt: no value).
using Cell = std::optional<std::string>;
struct Grid {
    std::vector<std::string> headers;
    std::vector<bool> numeric; // right-aligned in text and Markdown; empty: none
    std::vector<std::vector<Cell>> rows;
};
// Aligned text columns; an empty cell for nullopt. colour: bold header.
void write_text_grid(std::ostream& out, const Grid& g, bool colour);
using text::md_text;
// A GitHub-flavoured Markdown table: cells through md_text(), '|' escaped.
void write_md_grid(std::ostream& out, const Grid& g);
// RFC 4180 CSV with a header row, lines ended as csv says; nullopt is an empty cell; with
// csv.safe, cells of columns not marked numeric go through csv_safe().
void write_csv_grid(std::ostream& out, const Grid& g, const CsvStyle& csv);

// JSON values: a quoted string or null; a number literal or null.
std::string json_text(const Cell& v);
std::string json_number(const Cell& v);
// A JSON array of strings.
std::string json_text_list(const std::vector<std::string>& items);
// The items with sep between them.
std::string join(const std::vector<std::string>& items, const char* sep);

// A cell from an SQLite column (nullopt for NULL).
Cell cell_of(const SQLite::Column& c);

} // namespace accord
