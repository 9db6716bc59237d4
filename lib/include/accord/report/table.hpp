#pragma once
// A table of text cells written as an aligned text table, CSV (RFC 4180) or JSON.
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace accord {

enum class Format { table, csv, json, jsonl };
Format format_from_string(std::string_view name); // throws UsageError

struct Table {
    std::vector<std::string> headers;
    std::vector<std::vector<std::string>> rows;
    // Columns whose cells are numbers in JSON (by header name).
    std::vector<std::string> numeric;
    // Columns whose cells are `;`-joined lists: arrays in JSON (by header name).
    std::vector<std::string> lists;
};

// How accord writes CSV, whatever the command (docs/export.md, "CSV"): lines end with LF, or
// CR LF with crlf (--crlf); with safe (--safe-csv), a text cell that a spreadsheet would take
// for a formula gets a leading ' (numbers are left as they are).
struct CsvStyle {
    bool crlf = false;
    bool safe = false;
    const char* line_end() const { return crlf ? "\r\n" : "\n"; }
};
// text as --safe-csv writes it: with a leading ' when it starts with = + - @ TAB or CR (a
// formula to a spreadsheet), else as it is.
std::string csv_safe(std::string_view text);

// Table columns named in t.numeric are numbers: --safe-csv leaves them as they are.
void write_table(std::ostream& out, const Table& t, Format format, const CsvStyle& csv = {});

// JSON string literal of text (quotes included).
std::string json_quote(std::string_view text);
// A CSV cell, quoted when needed (RFC 4180); safe: through csv_safe() first.
std::string csv_cell(std::string_view text, bool safe = false);
// Appends a `;`-joined list as a JSON array: of strings, or, with references, of
// {"relation", "target"} objects for items written relation:target. An empty text is [].
// (Ids and relations hold neither ';' nor ':'.)
void append_json_list(std::string& out, std::string_view joined, bool references = false);
// The number of characters of UTF-8 text (code points; what a column's width counts).
std::size_t display_width(std::string_view text);
// Shortens text to at most width characters (UTF-8 aware), with "...".
std::string shorten(std::string_view text, std::size_t width);

} // namespace accord
