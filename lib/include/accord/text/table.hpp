#pragma once
// One table of typed cells and the one writer that renders it as an aligned text table,
// Markdown, CSV, JSON, JSON Lines or HTML, whole or row by row (docs/ARCHITECTURE.md, "The
// output layer").
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace accord::text {

// Every format accord writes; each command accepts the ones that make sense for it.
enum class Format { table, md, csv, json, jsonl, html };
std::string_view to_string(Format format);
// The format named name, one of allowed; throws UsageError naming the allowed ones
// ("unknown format 'x' (table, csv, json, jsonl)").
Format parse_format(std::string_view name, std::initializer_list<Format> allowed);
// The names of allowed, in order (for the command line's checks and help).
std::vector<std::string> format_names(std::initializer_list<Format> allowed);

// What a cell holds. integer and real are numbers: right-aligned in text, Markdown and HTML,
// numbers in JSON, left as they are by --safe-csv. null is no value: empty in text and CSV,
// null in JSON.
enum class CellType { null, text, integer, real, date, boolean };

struct Cell {
    CellType type = CellType::null;
    std::string value;                 // the text; a number's digits; "true" or "false"
    std::optional<std::string> shown; // what table, md and html show instead (e.g. "+1", "(none)")

    Cell() = default;
    Cell(std::string text) : type(CellType::text), value(std::move(text)) {}
    Cell(const char* text) : type(CellType::text), value(text) {}
    Cell(const std::optional<std::string>& text) : type(text ? CellType::text : CellType::null), value(text.value_or("")) {}
    static Cell integer(long long n);
    static Cell number(std::string digits, CellType type = CellType::integer); // digits as written
    static Cell real(std::string digits) { return number(std::move(digits), CellType::real); }
    static Cell date(std::string day);               // empty: null
    static Cell or_null(std::string text);           // text; null when empty
    static Cell boolean(bool b);
    // The same cell, shown as text in table, md and html.
    Cell shown_as(std::string text) const;

    bool null() const { return type == CellType::null; }
    bool numeric() const { return type == CellType::integer || type == CellType::real; }
    // What table, md and html show: shown, else the value ("" for null).
    const std::string& human() const { return shown ? *shown : value; }
};

// What a column holds: a value, or a `;`-joined list that CSV writes as it is and JSON as an
// array: of strings, or of references (`relation:target` in CSV, {"relation", "target"} objects
// in JSON). A null list is [] in JSON.
enum class Shape { value, list, references };

// Which formats show a column: all; only the human ones (table, md, html); only the machine
// ones (csv, json, jsonl).
enum class Show { all, human, machine };

struct Column {
    std::string key;   // the CSV header and the JSON key
    std::string title; // the header in table, md and html; empty: the key
    CellType type = CellType::text; // integer or real: a numeric column (right-aligned)
    Shape shape = Shape::value;
    Show show = Show::all;
    bool nowrap = false; // html: never broken inside (ids, dates, numbers): class "nw"

    Column(std::string k, CellType t = CellType::text) : key(std::move(k)), type(t) {}
    Column(std::string k, std::string heading, CellType t = CellType::text, Show s = Show::all)
        : key(std::move(k)), title(std::move(heading)), type(t), show(s) {}
    const std::string& header() const { return title.empty() ? key : title; }
    bool numeric() const { return type == CellType::integer || type == CellType::real; }
    bool shown_in(Format format) const;
};

// The column, never broken inside in html (ids, dates, codes).
inline Column nowrap(Column c) {
    c.nowrap = true;
    return c;
}

using Row = std::vector<Cell>;

struct Table {
    std::vector<Column> columns;
    std::vector<Row> rows;
    // Rows written after rows in table, md, csv and html (totals, averages); not in JSON,
    // where a document gives them their own place.
    std::vector<Row> footer;
    // What table and md write in place of a table with no rows (footer included); empty: the
    // header alone. html writes it (or "(none)") as a paragraph.
    std::string none;
};

// How a table is written, whatever the command (docs/export.md, "CSV"; docs/reports.md).
struct WriteOptions {
    bool colour = false; // table: the header in bold (ANSI; the app sets it only on a terminal)
    // table with colour: a cell whose text is one of these words is written in its colour (an
    // ANSI SGR sequence, e.g. a status's; write_report() sets them from Document::colours).
    std::vector<std::pair<std::string, std::string>> cell_colours;
    bool crlf = false;   // csv: lines end with CR LF (--crlf; default LF)
    bool safe_csv = false; // csv: a text cell that a spreadsheet would take for a formula gets a leading '
    bool bom = false;    // csv: starts with the UTF-8 byte order mark
    bool sqlite_csv = false; // csv: cells quoted as `sqlite3 -csv` quotes them (sqlite_csv_cell)
    const char* line_end() const { return crlf ? "\r\n" : "\n"; }
};

// Writes a table's rows as they come and keeps none, for csv, json and jsonl (the exports,
// whatever their size): the header on construction (CSV), each row by write(), the closing
// bracket (JSON) by finish(). Throws OutputError (accord/output/output.hpp) as soon as the
// stream fails. The columns shown are those of Column::shown_in(format).
class RowStream {
public:
    RowStream(std::ostream& out, std::vector<Column> columns, Format format, const WriteOptions& options);
    // One cell per column of the constructor (all of them, shown or not).
    void write(const Row& cells);
    void finish();
    std::size_t rows() const { return m_rows; }

private:
    std::ostream& m_out;
    std::vector<Column> m_columns;
    std::vector<std::string> m_keys; // JSON: quoted keys
    std::vector<bool> m_shown;
    Format m_format;
    WriteOptions m_options;
    std::string m_line; // reused for every row
    std::size_t m_rows = 0;
};

// The row as a one-line JSON object of the machine columns: {"key": value, ...}.
std::string json_row(const std::vector<Column>& columns, const Row& cells);
// A cell as a JSON value (a string, a number, true/false, null; a list as an array).
void append_json_cell(std::string& out, const Column& column, const Cell& cell);

// Writes the whole table in the format: table (aligned columns, numbers right-aligned, no
// trailing spaces), md (a GitHub table through md_text), csv, json (an array of objects),
// jsonl (an object a line) or html (a <table>; see write_html_table).
void write_table(std::ostream& out, const Table& table, Format format, const WriteOptions& options = {});

// The ANSI SGR sequence of a CSS colour "#RRGGBB" as the text's colour (24-bit); "" otherwise.
std::string ansi_colour(std::string_view css);

// The HTML of a table: numeric columns right-aligned; a cell or header whose text is one of
// swatches gets a colour swatch <span class="sw k-WORD"> (the stylesheet's classes).
void write_html_table(std::ostream& out, const Table& table, const std::vector<std::string>& swatches = {});

} // namespace accord::text
