#include "accord/report/table.hpp"

#include "accord/error.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>

namespace accord {

Format format_from_string(std::string_view name) {
    if (name == "table") {
        return Format::table;
    }
    if (name == "csv") {
        return Format::csv;
    }
    if (name == "json") {
        return Format::json;
    }
    if (name == "jsonl") {
        return Format::jsonl;
    }
    throw UsageError(fmt::format("unknown format '{}' (table, csv, json, jsonl)", name));
}

void write_table(std::ostream& out, const Table& t, Format format, const CsvStyle& csv) {
    switch (format) {
    case Format::table: {
        std::vector<std::size_t> widths(t.headers.size());
        for (std::size_t c = 0; c < t.headers.size(); ++c) {
            widths[c] = display_width(t.headers[c]);
            for (const auto& r : t.rows) {
                widths[c] = std::max(widths[c], display_width(r[c]));
            }
        }
        auto line = [&](const std::vector<std::string>& cells) {
            std::string s;
            for (std::size_t c = 0; c < cells.size(); ++c) {
                s += cells[c];
                if (c + 1 < cells.size()) {
                    s.append(widths[c] - display_width(cells[c]) + 2, ' ');
                }
            }
            out << s << '\n';
        };
        line(t.headers);
        for (const auto& r : t.rows) {
            line(r);
        }
        break;
    }
    case Format::csv: {
        std::vector<bool> defuse(t.headers.size());
        for (std::size_t c = 0; c < t.headers.size(); ++c) {
            out << (c ? "," : "") << csv_cell(t.headers[c]);
            defuse[c] = csv.safe && std::find(t.numeric.begin(), t.numeric.end(), t.headers[c]) == t.numeric.end();
        }
        out << csv.line_end();
        for (const auto& r : t.rows) {
            for (std::size_t c = 0; c < r.size(); ++c) {
                out << (c ? "," : "") << csv_cell(r[c], defuse[c]);
            }
            out << csv.line_end();
        }
        break;
    }
    case Format::json:
    case Format::jsonl: {
        bool array = format == Format::json;
        if (array) {
            out << "[";
        }
        for (std::size_t i = 0; i < t.rows.size(); ++i) {
            out << (array ? (i ? ",\n " : "\n ") : "") << "{";
            for (std::size_t c = 0; c < t.headers.size(); ++c) {
                const std::string& v = t.rows[i][c];
                bool num = std::find(t.numeric.begin(), t.numeric.end(), t.headers[c]) != t.numeric.end();
                bool list = std::find(t.lists.begin(), t.lists.end(), t.headers[c]) != t.lists.end();
                std::string value;
                if (list) {
                    append_json_list(value, v);
                } else {
                    value = v.empty() ? std::string("null") : (num ? v : json_quote(v));
                }
                out << (c ? ", " : "") << json_quote(t.headers[c]) << ": " << value;
            }
            out << "}" << (array ? "" : "\n");
        }
        if (array) {
            out << (t.rows.empty() ? "]\n" : "\n]\n");
        }
        break;
    }
    }
}

} // namespace accord
