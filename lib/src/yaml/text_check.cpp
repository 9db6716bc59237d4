// TextCheck: the pre-scan of a YAML input's text (UTF-8, NUL, bare CR, byte-order mark, stray top-level ',') in one pass.
#include "accord/yaml/node.hpp"

#include "accord/model/utf8.hpp"

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace accord::yaml {

namespace {

// How the stray-comma scan sees a byte outside quotes, comments and anchors: a byte that can
// change its state (an indicator, a line break, a backslash), a blank, or any other byte, which
// only ends a closer's reach. Runs of blanks and other bytes are passed over in one loop.
enum : unsigned char { k_special = 0, k_blank = 1, k_word = 2 };

constexpr std::array<unsigned char, 256> comma_classes() {
    std::array<unsigned char, 256> t{};
    for (auto& c : t) {
        c = k_word;
    }
    for (unsigned char c : std::string_view(",\n\"'[]{}#&!\\")) {
        t[c] = k_special;
    }
    t[static_cast<unsigned char>(' ')] = k_blank;
    t[static_cast<unsigned char>('\t')] = k_blank;
    return t;
}
constexpr std::array<unsigned char, 256> k_comma_class = comma_classes();

// Eight bytes that the encoding check passes over as they are: ASCII, none of them NUL, CR or
// LF (a bit trick on a 64-bit word: a byte is flagged when it is 0, or equal to CR or LF, or
// at or above 0x80).
bool plain_ascii8(const char* p) {
    std::uint64_t x;
    std::memcpy(&x, p, 8);
    constexpr std::uint64_t ones = 0x0101010101010101u;
    constexpr std::uint64_t highs = 0x8080808080808080u;
    auto zero = [&](std::uint64_t v) { return (v - ones) & ~v & highs; };
    return ((x & highs) | zero(x) | zero(x ^ (ones * '\r')) | zero(x ^ (ones * '\n'))) == 0;
}

} // namespace

// yaml-cpp 0.7 loops for ever on a ',' that starts a line at the top level, outside any
// [ ] or { }, or that follows a quoted scalar or a [ ] / { } (and perhaps an anchor or a tag)
// at the start of such a line (jbeder/yaml-cpp#1040): such a line is refused before parsing. Flow depth and
// quotes are followed roughly (a quote opens only after a space or an indicator); a miss
// can only let such a line through, never refuse valid YAML at column 1 outside a flow.
// A state machine over the bytes, with its state kept between pieces (a piece may end anywhere);
// runs of bytes that cannot change the state are passed over in one loop.
void TextCheck::check_stray_comma(std::string_view text) {
    auto& s = m_comma_state;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (s.quote == 0 && !s.skip && !s.comment && !s.anchor && !s.line_start) {
            // Outside quotes: a run of blanks and other bytes only sets the previous byte, and
            // ends a closer's reach if it holds anything but blanks.
            std::size_t j = i;
            unsigned char seen = 0;
            while (j < text.size()) {
                unsigned char k = k_comma_class[static_cast<unsigned char>(text[j])];
                if (k == k_special) {
                    break;
                }
                seen |= k;
                ++j;
            }
            if (j > i) {
                if (seen & k_word) {
                    s.after_closer = false;
                }
                s.prev = text[j - 1];
                i = j - 1;
                continue;
            }
        }
        if (s.quote != 0 && !s.skip && !s.line_start) {
            // Inside a quoted scalar (never in a comment or an anchor) only the closing quote,
            // a backslash and a line break change the state: the rest is passed over at once.
            std::size_t j = i;
            while (j < text.size() && text[j] != s.quote && text[j] != '\\' && text[j] != '\n') {
                ++j;
            }
            if (j > i) {
                s.prev = text[j - 1];
                i = j - 1;
                continue;
            }
        }
        char c = text[i];
        if (s.skip) { // the character after a backslash in a double-quoted scalar
            s.skip = false;
            if (c != '\n') {
                s.prev = c;
                continue;
            }
        } else if (s.comment) { // a comment: passed over to its line feed at once
            const void* nl = std::memchr(text.data() + i, '\n', text.size() - i);
            if (!nl) {
                return; // the comment goes on into the next piece
            }
            i = static_cast<std::size_t>(static_cast<const char*>(nl) - text.data());
            c = '\n';
            s.comment = false;
        } else if (s.anchor) { // an anchor or a tag after a closer, to its end
            if (std::string_view(" \t\n,[]{}").find(c) == std::string_view::npos) {
                s.prev = c;
                continue;
            }
            s.anchor = false;
        }
        if (c == ',' && s.depth == 0 && s.quote == 0 &&
            (s.line_start || (s.after_closer && std::string_view("\"'[{").find(s.first) != std::string_view::npos))) {
            m_comma = Problem{{s.line, static_cast<int>(m_offset + i - s.line_begin) + 1},
                              "a ',' at the top level outside [ ] or { }; YAML cannot read it (remove the ',' "
                              "or put the text in quotes)"};
            return;
        }
        if (s.line_start) {
            s.first = c;
        }
        s.line_start = false;
        if (c == '\n') {
            ++s.line;
            s.line_begin = m_offset + i + 1;
            s.line_start = true;
            s.after_closer = false;
            s.prev = c;
            continue;
        }
        if (s.after_closer && s.quote == 0 && (c == '&' || c == '!')) {
            // an anchor or a tag after the closer: `"a" &x,` loops yaml-cpp the same way
            s.anchor = true;
            s.prev = c;
            continue;
        }
        if (c != ' ' && c != '\t' && s.quote == 0) {
            s.after_closer = false;
        }
        if (s.quote == '"' && c == '\\') {
            s.skip = true;
        } else if (s.quote != 0) {
            if (c == s.quote) {
                s.quote = 0;
                s.after_closer = s.depth == 0;
            }
        } else if (c == '#' && (s.prev == ' ' || s.prev == '\t' || s.prev == '\n')) {
            s.comment = true;
        } else if ((c == '"' || c == '\'') && std::string_view(" \t\n[{,:-\"'").find(s.prev) != std::string_view::npos) {
            s.quote = c;
        } else if (c == '[' || c == '{') {
            ++s.depth;
        } else if ((c == ']' || c == '}') && s.depth > 0) {
            --s.depth;
            s.after_closer = s.depth == 0;
        }
        s.prev = c;
    }
}

namespace {

std::string hex_bytes(std::string_view bytes) {
    std::string out;
    for (char b : bytes) {
        out += fmt::format("{}0x{:02x}", out.empty() ? "" : " ", static_cast<unsigned char>(b));
    }
    return out;
}

// What the first bytes of a text say of an encoding other than UTF-8 (the detection of the
// YAML 1.2 specification, 5.2): a byte-order mark, or NUL bytes where UTF-16 or UTF-32 put
// them around ASCII text. Empty for anything else.
std::string other_encoding(std::string_view head) {
    auto at = [&](std::size_t i) { return i < head.size() ? static_cast<unsigned char>(head[i]) : 0x100u; };
    const char* name = nullptr;
    std::size_t marked = 0; // bytes of the byte-order mark; 0: none
    if (at(0) == 0 && at(1) == 0 && at(2) == 0xFE && at(3) == 0xFF) {
        name = "UTF-32BE";
        marked = 4;
    } else if (at(0) == 0xFF && at(1) == 0xFE && at(2) == 0 && at(3) == 0) {
        name = "UTF-32LE";
        marked = 4;
    } else if (at(0) == 0xFE && at(1) == 0xFF) {
        name = "UTF-16BE";
        marked = 2;
    } else if (at(0) == 0xFF && at(1) == 0xFE) {
        name = "UTF-16LE";
        marked = 2;
    } else if (at(0) == 0 && at(1) == 0 && at(2) == 0 && at(3) != 0 && at(3) < 0x80) {
        name = "UTF-32BE";
    } else if (at(0) != 0 && at(0) < 0x80 && at(1) == 0 && at(2) == 0 && at(3) == 0) {
        name = "UTF-32LE";
    } else if (at(0) == 0 && at(1) != 0 && at(1) < 0x80) {
        name = "UTF-16BE";
    } else if (at(0) != 0 && at(0) < 0x80 && at(1) == 0) {
        name = "UTF-16LE";
    }
    if (!name) {
        return {};
    }
    if (marked) {
        return fmt::format("the file is {} (it starts with the byte-order mark {}); files must be UTF-8", name,
                           hex_bytes(head.substr(0, marked)));
    }
    return fmt::format("the file looks like {} without a byte-order mark (its first bytes are {}); files must "
                       "be UTF-8",
                       name, hex_bytes(head.substr(0, std::min<std::size_t>(head.size(), 4))));
}

} // namespace

void TextCheck::check_encoding(std::string_view text, bool final) {
    const std::size_t n = text.size();
    if (m_checked == 0) {
        if (n < 4 && !final) {
            m_carry = std::string(text); // the first bytes tell the encoding: wait for four
            return;
        }
        if (std::string other = other_encoding(text.substr(0, 4)); !other.empty()) {
            m_encoding = Problem{{1, 1}, std::move(other)};
            return;
        }
    }
    // Bytes at the end that need what follows: a CR (is an LF next?) or the start of a character.
    std::size_t hold = 0;
    if (!final && n > 0) {
        hold = text[n - 1] == '\r' ? 1 : utf8_incomplete_tail(text);
    }
    const std::size_t limit = n - hold;
    int& line = m_line;
    int& column = m_column;
    auto problem = [&](std::string message) { m_encoding = Problem{{line, column}, std::move(message)}; };
    std::size_t i = 0;
    while (i < limit) {
        if (i + 8 <= limit && plain_ascii8(text.data() + i)) {
            i += 8;
            column += 8;
            continue;
        }
        auto c = static_cast<unsigned char>(text[i]);
        if (c == 0) {
            return problem("NUL byte in the file (YAML text may not contain NUL)");
        }
        if (c == '\r' && (i + 1 == n || text[i + 1] != '\n')) {
            return problem("carriage return (CR) without a line feed; lines must end with LF or CRLF");
        }
        if (c == 0xEF && m_checked + i > 0 && text.compare(i, 3, "\xEF\xBB\xBF") == 0) {
            return problem("byte-order mark (U+FEFF) after the start of the file; only a file's first character may "
                           "be one");
        }
        std::size_t len = 1;
        if (c >= 0x80) {
            Utf8Char ch = utf8_at(text, i);
            switch (ch.bad) {
            case Utf8Char::Bad::none:
                break;
            case Utf8Char::Bad::lead:
                return problem(fmt::format("invalid UTF-8 (byte 0x{:02x}); files must be UTF-8", c));
            case Utf8Char::Bad::truncated:
                return problem("invalid UTF-8 (truncated sequence at end of file); files must be UTF-8");
            case Utf8Char::Bad::continuation:
                return problem(fmt::format("invalid UTF-8 (byte 0x{:02x} after 0x{:02x}); files must be UTF-8",
                                           static_cast<unsigned char>(text[i + ch.bad_at]), c));
            case Utf8Char::Bad::value:
                return problem(fmt::format("invalid UTF-8 (bad sequence starting 0x{:02x}); files must be UTF-8", c));
            }
            len = ch.length;
        }
        if (c == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        i += len;
    }
    m_checked += limit;
    m_carry = std::string(text.substr(limit));
}

bool TextCheck::feed(std::string_view piece) {
    if (!m_comma) {
        check_stray_comma(piece);
    }
    m_offset += piece.size();
    if (!m_encoding) {
        if (m_carry.empty()) {
            check_encoding(piece, false);
        } else {
            std::string joined = m_carry + std::string(piece); // a few bytes held back, then the piece
            check_encoding(joined, false);
        }
    }
    return !m_encoding;
}

void TextCheck::finish() {
    if (!m_encoding && (!m_carry.empty() || m_checked == 0)) {
        std::string rest = std::move(m_carry);
        m_carry.clear();
        check_encoding(rest, true);
    }
}

std::optional<Problem> TextCheck::result() const { return m_encoding ? m_encoding : m_comma; }

std::optional<Problem> check_text(std::string_view text) {
    TextCheck check;
    check.feed(text);
    check.finish();
    return check.result();
}

} // namespace accord::yaml
