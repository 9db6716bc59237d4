// syntax_hint(): the likely cause of a YAML syntax error (a tab, an unclosed quote, a ':' without a space, a bad indent).
#include "accord/yaml/node.hpp"

#include <fmt/format.h>

#include <istream>
#include <string>

namespace accord::yaml {

namespace {

std::size_t indent_of(const std::string& row) {
    std::size_t n = row.find_first_not_of(' ');
    return n == std::string::npos ? row.size() : n;
}

// True for a line that holds nothing for the parser (blank, or only a comment).
bool blank(const std::string& row) {
    std::size_t n = row.find_first_not_of(" \t\r");
    return n == std::string::npos || row[n] == '#';
}

// Where a line's value starts: after "key: " or "- " (and "- key: "); npos when it has none.
std::size_t value_start(const std::string& row) {
    std::size_t i = row.find_first_not_of(' ');
    while (i != std::string::npos && row.compare(i, 2, "- ") == 0) {
        i = row.find_first_not_of(' ', i + 2);
    }
    if (i == std::string::npos) {
        return i;
    }
    if (row[i] == '"' || row[i] == '\'') {
        return i;
    }
    std::size_t colon = row.find(": ", i);
    return colon == std::string::npos ? colon : row.find_first_not_of(' ', colon + 2);
}

// Where a quote opened at from closes on the line (after from); npos when it does not.
std::size_t closing_quote(const std::string& row, std::size_t from, char quote) {
    for (std::size_t i = from; i < row.size(); ++i) {
        if (quote == '"' && row[i] == '\\') {
            ++i;
        } else if (row[i] == quote) {
            if (quote == '\'' && i + 1 < row.size() && row[i + 1] == '\'') {
                ++i; // '' is a quote inside single quotes
                continue;
            }
            return i;
        }
    }
    return std::string::npos;
}

// "key:value" with no space after the colon (a URL's "://" aside): the key, or empty.
std::string glued_key(const std::string& row) {
    std::size_t i = row.find_first_not_of(' ');
    while (i != std::string::npos && row.compare(i, 2, "- ") == 0) {
        i = row.find_first_not_of(' ', i + 2);
    }
    if (i == std::string::npos) {
        return {};
    }
    std::size_t k = i;
    while (k < row.size() && (std::isalnum(static_cast<unsigned char>(row[k])) || row[k] == '_' || row[k] == '-')) {
        ++k;
    }
    if (k == i || k + 1 >= row.size() || row[k] != ':' || row[k + 1] == ' ' || row[k + 1] == '/' ||
        row[k + 1] == '\r') {
        return {};
    }
    return row.substr(i, k - i);
}

} // namespace

std::string syntax_hint(std::istream& in, int line) {
    constexpr int k_back = 20; // lines looked at before the error
    std::vector<std::string> rows; // lines first .. line + 1
    int first = std::max(1, line - k_back);
    std::string row;
    for (int l = 1; l <= line + 1 && std::getline(in, row); ++l) {
        if (l >= first) {
            if (!row.empty() && row.back() == '\r') {
                row.pop_back();
            }
            rows.push_back(row);
        }
    }
    auto at = [&](int l) -> const std::string& { return rows[static_cast<std::size_t>(l - first)]; };
    int last = first + static_cast<int>(rows.size()) - 1;
    // A tab in the indentation, near the error.
    for (int l = std::max(first, line - 1); l <= last; ++l) {
        std::size_t indent = at(l).find_first_not_of(" \t");
        if (at(l).substr(0, indent).find('\t') != std::string::npos) {
            return fmt::format(" (line {} is indented with a tab; YAML indents with spaces only)", l);
        }
    }
    // A quote opened and not closed before the error line.
    int open = 0;
    char quote = 0;
    for (int l = first; l < std::min(line, last + 1); ++l) {
        const std::string& r = at(l);
        std::size_t from = 0;
        if (open) {
            std::size_t end = closing_quote(r, 0, quote);
            if (end == std::string::npos) {
                continue;
            }
            open = 0;
            from = end + 1;
        }
        if (blank(r)) {
            continue;
        }
        std::size_t v = value_start(r.substr(from));
        if (v != std::string::npos && (r[from + v] == '"' || r[from + v] == '\'')) {
            quote = r[from + v];
            if (closing_quote(r, from + v + 1, quote) == std::string::npos) {
                open = l;
            }
        }
    }
    if (open) {
        return fmt::format(" (line {} opens a {} quote that is not closed on that line: the value runs on "
                           "until line {}; close the quote)",
                           open, quote == '"' ? "double" : "single", line);
    }
    // A flow list or mapping ("[a, b", "{a: b") opened and not closed on its line.
    for (int l = std::min(line, last); l >= first; --l) {
        const std::string& r = at(l);
        std::size_t v = blank(r) ? std::string::npos : value_start(r);
        if (v == std::string::npos || (r[v] != '[' && r[v] != '{')) {
            continue;
        }
        int depth = 0;
        for (std::size_t i = v; i < r.size(); ++i) {
            if (r[i] == '"' || r[i] == '\'') {
                std::size_t end = closing_quote(r, i + 1, r[i]);
                i = end == std::string::npos ? r.size() : end;
            } else if (r[i] == '[' || r[i] == '{') {
                ++depth;
            } else if (r[i] == ']' || r[i] == '}') {
                --depth;
            }
        }
        if (depth > 0) {
            char open_char = r[v];
            return fmt::format(" (line {} opens a '{}' that is not closed on that line: close it with '{}')", l,
                               open_char, open_char == '[' ? ']' : '}');
        }
        break; // only the nearest flow value counts
    }
    // A ':' without a space after it, on the error line or the two before it.
    for (int l = std::min(line, last); l >= std::max(first, line - 2); --l) {
        std::string key = glued_key(at(l));
        if (!key.empty()) {
            return fmt::format(" (line {}: '{}:' needs a space after the ':' to start a field: '{}: ...')", l, key,
                               key);
        }
    }
    // The error line indented unlike the line before it.
    if (line <= last && !blank(at(line))) {
        for (int l = line - 1; l >= first; --l) {
            if (blank(at(l))) {
                continue;
            }
            std::size_t mine = indent_of(at(line));
            std::size_t before = indent_of(at(l));
            if (mine != before) {
                return fmt::format(" (line {} is indented by {} space{}, line {} by {}: the fields of a record "
                                   "line up, each under the first)",
                                   line, mine, mine == 1 ? "" : "s", l, before);
            }
            break;
        }
    }
    return {};
}

} // namespace accord::yaml
