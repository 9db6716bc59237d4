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

std::string json_quote(std::string_view text) {
    std::string out = "\"";
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                out += fmt::format("\\u{:04x}", c);
            } else {
                out += ch;
            }
        }
    }
    out += '"';
    return out;
}

void append_json_list(std::string& out, std::string_view joined, bool references) {
    out += '[';
    std::size_t start = 0;
    bool first = true;
    while (start < joined.size()) {
        std::size_t end = joined.find(';', start);
        if (end == std::string_view::npos) {
            end = joined.size();
        }
        std::string_view item = joined.substr(start, end - start);
        out += first ? "" : ", ";
        first = false;
        std::size_t colon = item.find(':');
        if (references && colon != std::string_view::npos) {
            out += "{\"relation\": ";
            out += json_quote(item.substr(0, colon));
            out += ", \"target\": ";
            out += json_quote(item.substr(colon + 1));
            out += '}';
        } else {
            out += json_quote(item);
        }
        start = end + 1;
    }
    out += ']';
}

std::string csv_safe(std::string_view text) {
    if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) {
        return "'" + std::string(text);
    }
    return std::string(text);
}

std::string csv_cell(std::string_view text, bool safe) {
    if (safe) {
        return csv_cell(csv_safe(text), false);
    }
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
        return std::string(text);
    }
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') {
            out += '"';
        }
        out += c;
    }
    out += '"';
    return out;
}

std::size_t display_width(std::string_view text) {
    std::size_t n = 0;
    for (char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++n;
        }
    }
    return n;
}

std::string shorten(std::string_view text, std::size_t width) {
    std::string flat(text);
    std::replace(flat.begin(), flat.end(), '\n', ' ');
    if (display_width(flat) <= width) {
        return flat;
    }
    std::string out;
    std::size_t n = 0;
    for (std::size_t i = 0; i < flat.size(); ++i) {
        auto c = static_cast<unsigned char>(flat[i]);
        if ((c & 0xC0) != 0x80) {
            if (n == width - 3) {
                break;
            }
            ++n;
        }
        out += flat[i];
    }
    return out + "...";
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
