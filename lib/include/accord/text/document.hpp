#pragma once
// A report as a document (title, tables, notes, charts, its JSON form) and write_report(),
// which renders it in every format (docs/reports.md, "Formats").
#include "accord/text/json.hpp"
#include "accord/text/table.hpp"

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace accord::text {

struct Section {
    // A heading before the table: a line in table, "### " in md, <h2> in html; empty: none.
    Section() = default;
    Section(std::string heading_, Table table_, std::vector<std::string> paragraphs_ = {})
        : heading(std::move(heading_)), table(std::move(table_)), paragraphs(std::move(paragraphs_)) {}

    std::string heading;
    Table table; // no columns: no table (a section of paragraphs)
    // Paragraphs after the heading, before the table (a line each in table, a paragraph in md
    // and html).
    std::vector<std::string> paragraphs;
};

struct Document {
    std::string title;          // "## " in md, <title> and <h1> in html
    bool title_in_text = false; // table: the title as a first line
    // Label: value lines under the title: indented and aligned in table, a list in md, <dl> in html.
    std::vector<std::pair<std::string, std::string>> facts;
    std::vector<Section> sections;
    std::vector<std::string> notes; // after the tables, a paragraph each
    bool notes_spaced = false;      // table: a blank line between notes (else one after another)
    Json json;                      // the json format: the report's own structure, as it is
    std::size_t csv_section = 0;    // the csv format: this section's table,
    std::optional<Table> csv;       // or this one, when the csv format has a table of its own
    // html: what follows the heading (charts as SVG figures); nothing when empty.
    std::function<void(std::ostream&)> figures;
    // html: words shown with a colour swatch in tables, and the colour of each word (CSS).
    std::vector<std::string> swatches;
    std::vector<std::pair<std::string, std::string>> colours;
};

// Writes the document: table (sections as aligned tables, then the notes, after a blank line
// when anything came before them), md (a "## " title,
// "### " sections, Markdown tables), csv (one section's table), json (Document::json), html
// (one self-contained page: inline CSS and SVG, no script, printable on A4). jsonl is not a
// report format: UsageError.
void write_report(std::ostream& out, const Document& doc, Format format, const WriteOptions& options = {});

// The parts of an html page, for the pages write_report() does not compose.
void write_html_begin(std::ostream& out, const std::string& title,
                      const std::vector<std::pair<std::string, std::string>>& colours);
void write_html_heading(std::ostream& out, const std::string& text); // h2
void write_html_notes(std::ostream& out, const std::vector<std::string>& notes);
void write_html_facts(std::ostream& out, const std::vector<std::pair<std::string, std::string>>& facts); // <dl>
void write_html_end(std::ostream& out);
// The CSS class of a swatch word: k- and the word, spaces as '-'.
std::string swatch_class(std::string_view word);

} // namespace accord::text
