// Text helpers: quoting for JSON, CSV, Markdown and HTML; display width; shortening.
#include "accord/text/strings.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace accord::text {

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

std::string json_list(const std::vector<std::string>& items) {
    std::string s = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        s += (i ? ", " : "") + json_quote(items[i]);
    }
    return s + "]";
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

namespace {

bool sqlite_csv_quotes(std::string_view text) {
    if (text.empty()) {
        return true;
    }
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c == '"' || c == '\'' || c == ',' || c >= 0x7F) {
            return true;
        }
    }
    return false;
}

} // namespace

std::string sqlite_csv_cell(std::string_view text, bool safe) {
    std::string defused;
    if (safe) {
        defused = csv_safe(text);
        text = defused;
    }
    if (!sqlite_csv_quotes(text)) {
        return std::string(text);
    }
    // csv_cell quotes (doubling quotes) what RFC 4180 requires; the rest is quoted as is.
    if (text.find_first_of(",\"\r\n") != std::string_view::npos) {
        return csv_cell(text);
    }
    return "\"" + std::string(text) + "\"";
}

std::string md_text(std::string_view text) {
    std::string e;
    e.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char ch = text[i];
        switch (ch) {
        case '&':
            e += "&amp;";
            break;
        case '<':
            e += "&lt;";
            break;
        case '>':
            e += "&gt;";
            break;
        case '\\':
        case '`':
        case '*':
        case '[':
        case ']':
            e += '\\';
            e += ch;
            break;
        case '\r':
            if (i + 1 < text.size() && text[i + 1] == '\n') {
                ++i;
            }
            e += ' ';
            break;
        case '\n':
            e += ' ';
            break;
        default:
            // U+2028 and U+2029 (line and paragraph separators) end a line for some renderers.
            if (ch == '\xE2' && (text.compare(i, 3, "\u2028") == 0 || text.compare(i, 3, "\u2029") == 0)) {
                e += ' ';
                i += 2;
            } else {
                e += ch;
            }
        }
    }
    return e;
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
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

std::string pad(int n) { return std::string(static_cast<std::size_t>(n > 0 ? n : 0), ' '); }

} // namespace accord::text
