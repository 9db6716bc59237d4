#pragma once
// A table of text cells written as an aligned text table, CSV (RFC 4180) or JSON.
#include "accord/text/strings.hpp"

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
// Table columns named in t.numeric are numbers: --safe-csv leaves them as they are.
void write_table(std::ostream& out, const Table& t, Format format, const CsvStyle& csv = {});

// The text helpers live in accord/text/strings.hpp.
using text::append_json_list;
using text::csv_cell;
using text::csv_safe;
using text::display_width;
using text::json_quote;
using text::shorten;

} // namespace accord
