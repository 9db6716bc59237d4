#pragma once
// What the reports share: their formats and style, the "as of" SQL (docs/format.md), and
// the html charts of a report's document.
#include "accord/model/date.hpp"
#include "accord/report/timeline.hpp"
#include "accord/report/svg.hpp"
#include "accord/store/filter.hpp"
#include "accord/store/store.hpp"
#include "accord/text/document.hpp"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <functional>
#include <initializer_list>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace accord {

// The formats of the reports (accord/text/table.hpp), in the order --help lists them.
inline constexpr std::initializer_list<text::Format> k_report_formats = {text::Format::table, text::Format::md,
                                                                         text::Format::json, text::Format::csv,
                                                                         text::Format::html};
using ReportFormat = text::Format;

// How a report is written. options.colour: ANSI bold headers in the table format; the app
// sets it only on a terminal without NO_COLOR; options.crlf, options.safe_csv: the csv format.
// timeline: the events that the html format draws as its timeline chart (report_timeline(),
// same filter and day as the report); none is drawn without it.
struct ReportStyle {
    ReportStyle(text::Format f = text::Format::table, bool c = false) : format(f) { options.colour = c; }
    text::Format format;
    text::WriteOptions options;
    std::optional<ReportTimeline> timeline;
};

// Writes a report's document as style says (text::write_report).
void write_report(std::ostream& out, const text::Document& doc, const ReportStyle& style);
// The html parts of a report's document: the bar chart, then the timeline of style when there
// is one, then more (a further figure, or nothing); the status words with their swatches.
void add_charts(text::Document& doc, const ReportStyle& style, BarChart chart,
                std::function<void(std::ostream&)> more = {});

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

// A text value that may be absent (NULL in the database, null in JSON); text::Cell is a
// table's typed cell, made from one of these as text or null.
using MaybeText = std::optional<std::string>;

// An SQLite column's text (nullopt for NULL).
MaybeText cell_of(const SQLite::Column& c);

} // namespace accord
