// Diagnostics: the findings of a check or an import, counted and written with file:line:column.
#include "accord/validate/diagnostics.hpp"

#include <fmt/ostream.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <tuple>

namespace accord {

void Diagnostics::add(Diagnostic d) {
    ++m_total;
    if (!full()) {
        m_items.push_back(std::move(d));
    }
}

std::vector<Diagnostic> Diagnostics::take() {
    std::vector<Diagnostic> out;
    out.swap(m_items);
    m_total = 0;
    return out;
}

std::vector<Diagnostic> Diagnostics::sorted() const {
    std::vector<Diagnostic> out = m_items;
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.file_index, a.line, a.column) < std::tie(b.file_index, b.line, b.column);
    });
    return out;
}

namespace {

// The length of the UTF-8 sequence that starts at s[i] when it is valid there (no overlong
// form, no surrogate, nothing above U+10FFFF); 0 otherwise.
std::size_t utf8_length(std::string_view s, std::size_t i) {
    auto byte = [&](std::size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
    unsigned c = byte(i);
    if (c < 0x80) {
        return 1;
    }
    std::size_t n = 0;
    unsigned low = 0x80;
    unsigned high = 0xBF; // the range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        low = c == 0xE0 ? 0xA0 : 0x80;
        high = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        low = c == 0xF0 ? 0x90 : 0x80;
        high = c == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (i + n > s.size() || byte(i + 1) < low || byte(i + 1) > high) {
        return 0;
    }
    for (std::size_t k = 2; k < n; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            return 0;
        }
    }
    return n;
}

// One line of a file as shown under a message: at most k_width characters around the column
// (byte) col, "..." where it is cut, control characters and bytes that are not UTF-8 as '?';
// and the caret line, which copies the tabs before the column so that the caret lines up.
constexpr std::size_t k_width = 100;

std::pair<std::string, std::string> source_and_caret(std::string_view line, int col) {
    if (!line.empty() && line.back() == '\r') {
        line.remove_suffix(1);
    }
    std::size_t at = col > 0 ? static_cast<std::size_t>(col - 1) : 0;
    // The characters of the line: their byte offsets.
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < line.size();) {
        starts.push_back(i);
        std::size_t n = utf8_length(line, i);
        i += n ? n : 1;
    }
    std::size_t chars = starts.size();
    std::size_t caret = std::upper_bound(starts.begin(), starts.end(), at) - starts.begin();
    caret = caret ? caret - 1 : 0;
    if (at >= line.size()) {
        caret = chars; // past the end of the line
    }
    std::size_t first = 0;
    std::size_t last = chars;
    if (chars > k_width) {
        first = caret > k_width / 2 ? caret - k_width / 2 : 0;
        last = std::min(chars, first + k_width);
        first = last - std::min(last, k_width);
    }
    std::string shown = first > 0 ? "..." : "";
    std::string pad(shown.size(), ' ');
    for (std::size_t c = first; c < last; ++c) {
        std::size_t i = starts[c];
        std::size_t n = utf8_length(line, i);
        unsigned char b = static_cast<unsigned char>(line[i]);
        bool printable = n > 1 || (n == 1 && (b == '\t' || (b >= 0x20 && b != 0x7F)));
        // C1 control characters (U+0080..U+009F) are two bytes: C2 80..C2 9F.
        if (n == 2 && b == 0xC2 && static_cast<unsigned char>(line[i + 1]) < 0xA0) {
            printable = false;
        }
        if (printable) {
            shown.append(line.substr(i, n));
        } else {
            shown += '?';
        }
        if (c < caret) {
            pad += b == '\t' ? '\t' : ' ';
        }
    }
    if (last < chars) {
        shown += "...";
    }
    return {shown, pad + "^"};
}

// The lines the diagnostics point at, read from their files (one pass over each file, up to
// the last line needed), each as the part of the line around the columns pointed at and the
// byte offset where that part starts. Only regular files are read again: standard input, a
// device or a FIFO gives none (reading /dev/zero would never end, a FIFO would wait). Only
// k_keep bytes either side of the columns are kept, so a 64 MB line costs no more memory
// than a short one.
constexpr std::size_t k_keep = 1024;

struct Excerpt {
    std::size_t from = 0; // byte offset in the line of text[0]
    std::string text;
};

// A line of UTF-16 or UTF-32 text (every other or every fourth byte NUL; the message names the
// encoding) is not shown: it would be noise. A stray NUL in UTF-8 text is shown as '?'.
bool wide_text(const std::string& text) {
    return std::count(text.begin(), text.end(), '\0') * 4 >= static_cast<std::ptrdiff_t>(text.size()) &&
           !text.empty();
}

std::map<std::pair<std::string, int>, Excerpt> source_lines(const std::vector<Diagnostic>& items) {
    struct Span {
        std::size_t from = SIZE_MAX;
        std::size_t to = 0;
    };
    std::map<std::string, std::map<int, Span>> wanted; // file -> line -> bytes to keep
    for (const auto& d : items) {
        if (!d.file.empty() && d.file != "<stdin>" && d.line > 0) {
            std::size_t at = d.column > 0 ? static_cast<std::size_t>(d.column - 1) : 0;
            Span& span = wanted[d.file][d.line];
            span.from = std::min(span.from, at > k_keep ? at - k_keep : 0);
            span.to = std::max(span.to, at + k_keep);
        }
    }
    std::map<std::pair<std::string, int>, Excerpt> out;
    for (const auto& wanted_file : wanted) {
        const std::string& file = wanted_file.first; // not a structured binding: the lambda
        const auto& lines = wanted_file.second;      // below captures it (clang 14)
        std::error_code ec;
        if (!std::filesystem::is_regular_file(file, ec)) {
            continue;
        }
        std::ifstream in(file, std::ios::binary);
        std::vector<char> buffer(64 * 1024);
        int n = 1;
        std::size_t offset = 0; // in the current line
        auto next = lines.begin();
        Excerpt excerpt;
        auto keep = [&] {
            if (!wide_text(excerpt.text)) {
                out[{file, n}] = std::move(excerpt);
            }
            excerpt = Excerpt{};
            ++next;
        };
        while (next != lines.end() && in) {
            in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
            std::size_t got = static_cast<std::size_t>(in.gcount());
            for (std::size_t i = 0; i < got && next != lines.end(); ++i) {
                char c = buffer[i];
                bool keeping = next->first == n;
                if (c == '\n') {
                    if (keeping) {
                        keep();
                    }
                    ++n;
                    offset = 0;
                    continue;
                }
                if (keeping && offset >= next->second.from && offset < next->second.to) {
                    if (excerpt.text.empty()) {
                        excerpt.from = offset;
                    }
                    excerpt.text += c;
                }
                ++offset;
            }
        }
        if (next != lines.end() && next->first == n && offset > 0) {
            keep(); // the last line, without a newline
        }
    }
    return out;
}

} // namespace

void Diagnostics::print(std::ostream& out, bool source) const {
    auto items = sorted();
    std::map<std::pair<std::string, int>, Excerpt> lines;
    if (source) {
        lines = source_lines(items);
    }
    for (const auto& d : items) {
        if (d.file.empty()) {
            fmt::print(out, "accord: error: {}\n", d.message);
            continue;
        }
        fmt::print(out, "{}:{}:{}: error: {}\n", d.file, d.line, d.column, d.message);
        auto it = lines.find({d.file, d.line});
        if (it != lines.end()) {
            const Excerpt& e = it->second;
            auto [text, caret] = source_and_caret(e.text, d.column - static_cast<int>(e.from));
            if (e.from > 0 && text.rfind("...", 0) != 0) { // the line's start was not kept
                text = "..." + text;
                caret = "   " + caret;
            }
            std::string number = std::to_string(d.line);
            fmt::print(out, " {} | {}\n {} | {}\n", number, text, std::string(number.size(), ' '), caret);
        }
    }
    if (m_total > m_items.size()) {
        fmt::print(out, "accord: {} more errors not shown (--max-errors {})\n", m_total - m_items.size(), m_max);
    }
}

} // namespace accord
