#include "accord/report/html.hpp"

#include "accord/report/svg.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>

namespace accord {

namespace {

// A4 portrait: 210 mm less 2 x 14 mm margins leaves 182 mm, about the 680 units of
// the charts' viewBox at 96 dpi. Colours print as shown (print-color-adjust).
const char* k_stylesheet = R"CSS(@page { size: A4; margin: 14mm; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; box-sizing: border-box; }
html { background: #FFFFFF; color: #111111; }
body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 10.5pt; line-height: 1.35;
       max-width: 190mm; margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 16pt; margin: 0 0 0.2em; }
h2 { font-size: 12.5pt; margin: 1.2em 0 0.4em; break-after: avoid; page-break-after: avoid; }
p.note { font-size: 9pt; color: #333333; margin: 0.4em 0; }
figure { margin: 0.8em 0 1.2em; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; width: 100%; height: auto; }
figcaption { font-size: 9pt; color: #333333; margin-top: 0.2em; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 0.3em 0 0.8em; }
th, td { border: 1px solid #BBBBBB; padding: 2px 5px; text-align: left; vertical-align: top; }
td { overflow-wrap: anywhere; }
th { background: #EEEEEE; white-space: nowrap; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
dl { display: grid; grid-template-columns: max-content auto; gap: 0.1em 1em; margin: 0 0 1em; }
dt { font-weight: bold; }
dd { margin: 0; }
.sw { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.3em; border: 1px solid #555555;
      vertical-align: -0.05em; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; }
}
)CSS";

std::string key_class(std::string_view key) {
    std::string c = "k-";
    for (char ch : key) {
        c += ch == ' ' ? '-' : ch;
    }
    return c;
}

// The text of a cell or header, with a colour swatch when it is a chart key (a status).
std::string swatched(const std::string& text) {
    const auto& keys = status_keys();
    if (std::find(keys.begin(), keys.end(), text) == keys.end()) {
        return html_escape(text);
    }
    return fmt::format("<span class=\"sw {}\"></span>{}", key_class(text), html_escape(text));
}

} // namespace

void write_html_begin(std::ostream& out, const std::string& title) {
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<title>" << html_escape(title) << "</title>\n<style>\n"
        << k_stylesheet;
    for (auto key : coloured_keys()) {
        out << '.' << key_class(key) << " { background: " << key_colour(key) << "; }\n";
    }
    out << "</style>\n</head>\n<body>\n<h1>" << html_escape(title) << "</h1>\n";
}

void write_html_charts(std::ostream& out, const BarChart& chart, const ReportStyle& style) {
    write_bar_chart(out, chart);
    if (style.timeline) {
        write_timeline_chart(out, *style.timeline);
    }
}

void write_html_page(std::ostream& out, const std::string& title, const BarChart& chart, const ReportStyle& style,
                     const Grid& g, const std::vector<std::string>& notes) {
    write_html_begin(out, title);
    write_html_charts(out, chart, style);
    write_html_grid(out, g);
    write_html_notes(out, notes);
    write_html_end(out);
}

void write_html_end(std::ostream& out) { out << "</body>\n</html>\n"; }

void write_html_heading(std::ostream& out, const std::string& text) {
    out << "<h2>" << html_escape(text) << "</h2>\n";
}

void write_html_notes(std::ostream& out, const std::vector<std::string>& notes) {
    for (const auto& n : notes) {
        out << "<p class=\"note\">" << html_escape(n) << "</p>\n";
    }
}

void write_html_grid(std::ostream& out, const Grid& g, const char* none) {
    if (g.rows.empty()) {
        out << "<p>" << html_escape(none) << "</p>\n";
        return;
    }
    auto numeric = [&](std::size_t c) { return c < g.numeric.size() && g.numeric[c]; };
    out << "<table>\n<thead>\n<tr>";
    for (std::size_t c = 0; c < g.headers.size(); ++c) {
        out << (numeric(c) ? "<th class=\"num\">" : "<th>") << swatched(g.headers[c]) << "</th>";
    }
    out << "</tr>\n</thead>\n<tbody>\n";
    for (const auto& r : g.rows) {
        out << "<tr>";
        for (std::size_t c = 0; c < r.size(); ++c) {
            out << (numeric(c) ? "<td class=\"num\">" : "<td>") << swatched(r[c].value_or("")) << "</td>";
        }
        out << "</tr>\n";
    }
    out << "</tbody>\n</table>\n";
}

void write_html_facts(std::ostream& out, const std::vector<std::pair<std::string, std::string>>& facts) {
    out << "<dl>\n";
    for (const auto& [label, value] : facts) {
        out << "<dt>" << html_escape(label) << "</dt><dd>" << html_escape(value) << "</dd>\n";
    }
    out << "</dl>\n";
}

} // namespace accord
