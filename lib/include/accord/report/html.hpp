#pragma once
// The html format of the reports: one self-contained HTML5 page (inline CSS and SVG,
// no script, no external resource) that prints on A4. The writers of each report put
// the same Grids they write as text and Markdown into the page, with the charts of
// svg.hpp (docs/reports.md, "HTML").
#include "accord/report/report_common.hpp"
#include "accord/report/svg.hpp"
#include "accord/text/strings.hpp"

#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace accord {

using text::html_escape;

// Starts the page: doctype, head (title, stylesheet), body and the heading h1.
void write_html_begin(std::ostream& out, const std::string& title);
// The charts that head every report: its bar chart (status by group), then the
// timeline of style.timeline when there is one.
void write_html_charts(std::ostream& out, const BarChart& chart, const ReportStyle& style);
// A whole page of one table: the heading, the charts, the grid and the notes.
void write_html_page(std::ostream& out, const std::string& title, const BarChart& chart, const ReportStyle& style,
                     const Grid& g, const std::vector<std::string>& notes);
// Ends the page.
void write_html_end(std::ostream& out);
// A section heading (h2).
void write_html_heading(std::ostream& out, const std::string& text);
// Paragraphs of small print (the footnotes of a report).
void write_html_notes(std::ostream& out, const std::vector<std::string>& notes);
// A table; numeric columns right-aligned, a cell or header that is a status word gets
// the status's colour swatch. An empty grid writes `none` as a paragraph instead.
void write_html_grid(std::ostream& out, const Grid& g, const char* none = "(none)");
// Label: value lines (a description list).
void write_html_facts(std::ostream& out, const std::vector<std::pair<std::string, std::string>>& facts);

} // namespace accord
