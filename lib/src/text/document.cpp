// A report as a document, rendered in every format by write_report().
#include "accord/text/document.hpp"

#include "accord/error.hpp"
#include "accord/text/strings.hpp"

#include <algorithm>

namespace accord::text {

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
.nw { white-space: nowrap; overflow-wrap: normal; }
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

} // namespace

void write_html_begin(std::ostream& out, const std::string& title,
                      const std::vector<std::pair<std::string, std::string>>& colours) {
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<title>" << html_escape(title) << "</title>\n<style>\n"
        << k_stylesheet;
    for (const auto& [word, colour] : colours) {
        out << '.' << swatch_class(word) << " { background: " << colour << "; }\n";
    }
    out << "</style>\n</head>\n<body>\n<h1>" << html_escape(title) << "</h1>\n";
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

void write_html_facts(std::ostream& out, const std::vector<std::pair<std::string, std::string>>& facts) {
    out << "<dl>\n";
    for (const auto& [label, value] : facts) {
        out << "<dt>" << html_escape(label) << "</dt><dd>" << html_escape(value) << "</dd>\n";
    }
    out << "</dl>\n";
}

void write_report(std::ostream& out, const Document& doc, Format format, const WriteOptions& options) {
    switch (format) {
    case Format::json:
        out << doc.json.dump();
        return;
    case Format::jsonl:
        throw UsageError("reports are written as table, md, csv, json or html, not jsonl");
    case Format::csv:
        if (doc.csv) {
            write_table(out, *doc.csv, Format::csv, options);
        } else if (doc.csv_section < doc.sections.size()) {
            write_table(out, doc.sections[doc.csv_section].table, Format::csv, options);
        }
        return;
    case Format::html:
        write_html_begin(out, doc.title, doc.colours);
        if (!doc.facts.empty()) {
            write_html_facts(out, doc.facts);
        }
        if (doc.figures) {
            doc.figures(out);
        }
        for (const auto& s : doc.sections) {
            if (!s.heading.empty()) {
                write_html_heading(out, s.heading);
            }
            for (const auto& p : s.paragraphs) {
                out << "<p>" << html_escape(p) << "</p>\n";
            }
            if (!s.table.columns.empty()) {
                write_html_table(out, s.table, doc.swatches);
            }
        }
        write_html_notes(out, doc.notes);
        write_html_end(out);
        return;
    case Format::md:
        out << "## " << md_text(doc.title) << '\n';
        if (!doc.facts.empty()) {
            out << '\n';
        }
        for (const auto& [label, value] : doc.facts) {
            out << "- " << md_text(label) << ": " << md_text(value) << '\n';
        }
        for (const auto& s : doc.sections) {
            out << (s.heading.empty() ? "\n" : "\n### " + md_text(s.heading) + "\n\n");
            for (std::size_t i = 0; i < s.paragraphs.size(); ++i) {
                out << md_text(s.paragraphs[i]) << '\n' << (i + 1 < s.paragraphs.size() || !s.table.columns.empty() ? "\n" : "");
            }
            if (!s.table.columns.empty()) {
                write_table(out, s.table, Format::md, options);
            }
        }
        for (const auto& n : doc.notes) {
            out << '\n' << md_text(n) << '\n';
        }
        return;
    case Format::table: {
        // On a terminal, the swatch words (statuses) in their chart colours.
        WriteOptions coloured = options;
        if (options.colour) {
            for (const auto& [word, css] : doc.colours) {
                if (std::find(doc.swatches.begin(), doc.swatches.end(), word) != doc.swatches.end()) {
                    coloured.cell_colours.emplace_back(word, ansi_colour(css));
                }
            }
        }
        if (doc.title_in_text) {
            out << doc.title << '\n';
        }
        std::size_t width = 0;
        for (const auto& fact : doc.facts) {
            width = std::max(width, display_width(fact.first));
        }
        for (const auto& [label, value] : doc.facts) {
            out << "  " << label << pad(static_cast<int>(width - display_width(label) + 2)) << value << '\n';
        }
        for (const auto& s : doc.sections) {
            if (!s.heading.empty()) {
                out << '\n' << s.heading << '\n';
            }
            for (const auto& p : s.paragraphs) {
                out << p << '\n';
            }
            if (!s.table.columns.empty()) {
                write_table(out, s.table, Format::table, coloured);
            }
        }
        if (!doc.notes.empty() && !doc.notes_spaced && (doc.title_in_text || !doc.sections.empty())) {
            out << '\n';
        }
        for (const auto& n : doc.notes) {
            out << (doc.notes_spaced ? "\n" : "") << n << '\n';
        }
        return;
    }
    }
}

} // namespace accord::text
