#pragma once
// Text helpers every floor may use: quoting for JSON, CSV, Markdown and HTML, display width,
// shortening, padding and joining (docs/ARCHITECTURE.md, "The output layer").
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace accord::text {

// JSON string literal of text (quotes included); control characters as \n \r \t or \u00XX.
std::string json_quote(std::string_view text);
// Appends a `;`-joined list as a JSON array: of strings, or, with references, of
// {"relation", "target"} objects for items written relation:target. An empty text is [].
// (Ids and relations hold neither ';' nor ':'.)
void append_json_list(std::string& out, std::string_view joined, bool references = false);
// A JSON array of strings.
std::string json_list(const std::vector<std::string>& items);

// text as --safe-csv writes it: with a leading ' when it starts with = + - @ TAB or CR (a
// formula to a spreadsheet), else as it is.
std::string csv_safe(std::string_view text);
// A CSV cell, quoted when RFC 4180 requires it (a ',', '"', CR or LF); safe: through
// csv_safe() first.
std::string csv_cell(std::string_view text, bool safe = false);
// A CSV cell quoted as the sqlite3 shell's CSV mode quotes it, so that `sqlite3 -csv` output
// and the exports' are byte-identical: quoted when it is empty or holds a control character,
// space, '"', '\'', ',', DEL or any non-ASCII byte (RFC 4180 allows quoting any field).
std::string sqlite_csv_cell(std::string_view text, bool safe = false);

// Text of the data for Markdown (docs/reports.md, "Markdown"): '&', '<' and '>' as HTML
// entities, so that no value opens a tag or a comment; '\\', '`', '*', '[' and ']' escaped with a
// backslash; line breaks as spaces, so that a value never ends a heading, a list item or a
// table row.
std::string md_text(std::string_view text);
// Text for HTML and SVG content and attribute values: & < > " ' escaped.
std::string html_escape(std::string_view text);

// The number of characters of UTF-8 text (code points; what a column's width counts).
std::size_t display_width(std::string_view text);
// Shortens text to at most width characters (UTF-8 aware), with "..."; line feeds become spaces.
std::string shorten(std::string_view text, std::size_t width);
// The width a long text (a commitment's text, a title) is shortened to in a table's cell or a
// listing line: list, report overdue and upcoming, the brief's tables, xref similar.
inline constexpr std::size_t k_short_text = 60;
// n spaces.
std::string pad(int n);

} // namespace accord::text
