#include "accord/yaml/node.hpp"

#include "accord/model/utf8.hpp"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <streambuf>

namespace accord::yaml {

namespace {

// [-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+
bool is_core_integer(const std::string& v) {
    auto all = [&](std::size_t from, auto pred) {
        if (from >= v.size()) {
            return false;
        }
        for (std::size_t i = from; i < v.size(); ++i) {
            if (!pred(v[i])) {
                return false;
            }
        }
        return true;
    };
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (v.size() > 2 && v[0] == '0' && v[1] == 'o') {
        return all(2, [](char c) { return c >= '0' && c <= '7'; });
    }
    if (v.size() > 2 && v[0] == '0' && v[1] == 'x') {
        return all(2, [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
    }
    return all(v[0] == '-' || v[0] == '+' ? 1 : 0, digit);
}

// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? | [-+]?\.(inf|Inf|INF) | \.(nan|NaN|NAN),
// by hand: std::regex cost thousands of instructions a date ("2025-10" starts like a number).
bool is_core_float(std::string_view v) {
    std::size_t i = 0;
    const std::size_t n = v.size();
    auto digits = [&] {
        std::size_t from = i;
        while (i < n && v[i] >= '0' && v[i] <= '9') {
            ++i;
        }
        return i - from;
    };
    if (i < n && (v[i] == '-' || v[i] == '+')) {
        ++i;
    }
    if (i < n && v[i] == '.') {
        std::string_view word = v.substr(i + 1);
        if (word == "inf" || word == "Inf" || word == "INF") {
            return true;
        }
        if (i == 0 && (word == "nan" || word == "NaN" || word == "NAN")) {
            return true;
        }
    }
    std::size_t whole = digits();
    bool point = i < n && v[i] == '.';
    std::size_t fraction = 0;
    if (point) {
        ++i;
        fraction = digits();
    }
    if (whole == 0 && fraction == 0) {
        return false;
    }
    if (i < n && (v[i] == 'e' || v[i] == 'E')) {
        ++i;
        if (i < n && (v[i] == '-' || v[i] == '+')) {
            ++i;
        }
        if (digits() == 0) {
            return false;
        }
    }
    return i == n;
}

} // namespace

ScalarType Node::scalar_type() const {
    if (type == NodeType::null) {
        return ScalarType::null;
    }
    if (type != NodeType::scalar || !plain) {
        return ScalarType::string;
    }
    const std::string& v = value;
    // By length first: compared one by one with strlen each, the eleven words cost 1.5% of an
    // import's instructions (callgrind, 10,000 commitments); most values match no length.
    using namespace std::string_view_literals;
    std::string_view w = v;
    switch (w.size()) {
    case 0:
        return ScalarType::null;
    case 1:
        if (w == "~"sv) {
            return ScalarType::null;
        }
        break;
    case 4:
        if (w == "null"sv || w == "Null"sv || w == "NULL"sv) {
            return ScalarType::null;
        }
        if (w == "true"sv || w == "True"sv || w == "TRUE"sv) {
            return ScalarType::boolean;
        }
        break;
    case 5:
        if (w == "false"sv || w == "False"sv || w == "FALSE"sv) {
            return ScalarType::boolean;
        }
        break;
    default:
        break;
    }
    if (is_core_integer(v)) {
        return ScalarType::integer;
    }
    if (v.size() < 64 && is_core_float(v)) {
        return ScalarType::number;
    }
    return ScalarType::string;
}

std::string Node::describe() const {
    switch (type) {
    case NodeType::null:
        return "nothing (null)";
    case NodeType::sequence:
        return "a list";
    case NodeType::map:
        return "a mapping";
    case NodeType::scalar:
        break;
    }
    std::string shown = value.size() > 40 ? value.substr(0, 40) + "..." : value;
    switch (scalar_type()) {
    case ScalarType::null:
        return "nothing (null)";
    case ScalarType::boolean:
        return fmt::format("a boolean ({})", shown);
    case ScalarType::integer:
        return fmt::format("an integer ({})", shown);
    case ScalarType::number:
        return fmt::format("a number ({})", shown);
    case ScalarType::string:
        break;
    }
    return fmt::format("text ('{}')", shown);
}

// yaml-cpp 0.7 loops for ever on a ',' that starts a line at the top level, outside any
// [ ] or { }, or that follows a quoted scalar or a [ ] / { } (and perhaps an anchor or a tag)
// at the start of such a line (jbeder/yaml-cpp#1040): such a line is refused before parsing. Flow depth and
// quotes are followed roughly (a quote opens only after a space or an indicator); a miss
// can only let such a line through, never refuse valid YAML at column 1 outside a flow.
// One byte at a time, with its state kept between pieces (a piece may end anywhere).
void TextCheck::check_stray_comma(std::string_view text) {
    auto& s = m_comma_state;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (s.skip) { // the character after a backslash in a double-quoted scalar
            s.skip = false;
            if (c != '\n') {
                s.prev = c;
                continue;
            }
        } else if (s.comment) { // a comment, to the end of the line
            if (c != '\n') {
                continue;
            }
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

namespace {

// line_offset: lines of the input before the window the parser reads (see Windows); a mark
// that places nothing (yaml-cpp's null mark) stays line 0.
Mark to_mark(const YAML::Mark& m, int line_offset) {
    return Mark{m.line + 1 + (m.line >= 0 ? line_offset : 0), m.column + 1};
}

// yaml-cpp 0.7's scanner keeps every indentation marker it makes until it is destroyed, so one
// parser over a long stream of documents grows with the stream (yaml-cpp's event parse of the
// 5,001 documents of 100,000 generated commitments in one file: 28 MB; the import of 1,000,000
// in one file: 277 MB, against 54 MB from 50,001 files). The stream is therefore
// read in windows, one parser each: a window ends before a line that starts a document ("---"
// at the start of a line, then a blank, a line break or the end), which yaml-cpp reads as a
// document start wherever it stands (it ends a plain or block scalar there and is an error in a
// quoted one or in a flow collection), and the window then ends with a "---" line of its own, so
// that the parser of the window sees what it would have seen in the whole stream up to that
// line. The next window starts at the real line. The first line of a window never splits it,
// and after a directive ('%' at the start of a line) the rest is one window: yaml-cpp carries
// directives on from one document to the next.
class Windows : public std::streambuf {
public:
    // split false: one window, the whole input (for tests that compare the two).
    Windows(std::istream& in, bool split) : m_in(in), m_buf(k_block), m_no_split(!split) {}

    // Starts the next window after the current one has ended; false at the end of the input.
    bool next() {
        if (m_marker_line < 0) {
            return false;
        }
        m_offset += m_lines;
        m_lines = 0;
        m_marker_line = -1;
        m_first_line = true;
        m_state = State::reading;
        setg(nullptr, nullptr, nullptr);
        return true;
    }
    // Lines of the input before the window.
    int line_offset() const { return m_offset; }
    // The window's line (0-based) of the "---" that ends it; -1 while none was reached.
    int marker_line() const { return m_marker_line; }

protected:
    int_type underflow() override {
        if (gptr() < egptr()) {
            return traits_type::to_int_type(*gptr());
        }
        if (m_state == State::marker) {
            setg(m_marker, m_marker, m_marker + 4);
            m_state = State::ended;
            return traits_type::to_int_type(*gptr());
        }
        if (m_state == State::ended || !fill()) {
            m_state = State::ended;
            return traits_type::eof();
        }
        char* b = m_buf.data() + m_begin;
        char* e = m_buf.data() + m_end;
        char* limit = e; // hand out whole lines only, so that a line's start is seen whole
        if (!m_eof) {
            if (auto* nl = static_cast<char*>(memrchr(b, '\n', static_cast<std::size_t>(e - b)))) {
                limit = nl + 1;
            }
        }
        char* q = b;
        bool start = m_line_start;
        while (q < limit) {
            if (start) {
                if (*q == '%') {
                    m_no_split = true;
                } else if (!m_first_line && !m_no_split && document_start(q, limit)) {
                    break;
                }
                m_first_line = false;
            }
            auto* nl = static_cast<char*>(std::memchr(q, '\n', static_cast<std::size_t>(limit - q)));
            if (!nl) {
                q = limit;
                start = false;
                break;
            }
            ++m_lines;
            q = nl + 1;
            start = true;
        }
        if (q == b) { // at a document start: end the window
            m_marker_line = m_lines;
            m_state = State::marker;
            return underflow();
        }
        m_begin = static_cast<std::size_t>(q - m_buf.data());
        m_line_start = start;
        setg(b, b, q);
        return traits_type::to_int_type(*gptr());
    }

    // yaml-cpp reads the first bytes of a stream to find its encoding and puts them back, and
    // they may span two of the pieces handed out (a window that starts with a blank line).
    int_type pbackfail(int_type c) override {
        if (traits_type::eq_int_type(c, traits_type::eof())) {
            return traits_type::eof();
        }
        std::string back = traits_type::to_char_type(c) + std::string(gptr(), egptr());
        m_back.swap(back);
        setg(m_back.data(), m_back.data(), m_back.data() + m_back.size());
        return c;
    }

private:
    static constexpr std::size_t k_block = 65536;
    enum class State { reading, marker, ended };

    // "---" then a blank, a line break or the end of the input.
    bool document_start(const char* q, const char* limit) const {
        if (limit - q < 3 || q[0] != '-' || q[1] != '-' || q[2] != '-') {
            return false;
        }
        if (limit - q == 3) {
            return m_eof && limit == m_buf.data() + m_end;
        }
        return q[3] == ' ' || q[3] == '\t' || q[3] == '\r' || q[3] == '\n';
    }
    // Unread bytes holding a line feed, or a block's worth, or the rest of the input.
    bool fill() {
        if (m_begin > 0) {
            std::memmove(m_buf.data(), m_buf.data() + m_begin, m_end - m_begin);
            m_end -= m_begin;
            m_begin = 0;
        }
        while (!m_eof && m_end < k_block && !std::memchr(m_buf.data(), '\n', m_end)) {
            m_in.read(m_buf.data() + m_end, static_cast<std::streamsize>(k_block - m_end));
            auto n = static_cast<std::size_t>(m_in.gcount());
            m_end += n;
            if (n == 0 || !m_in) {
                m_eof = true;
            }
        }
        return m_end > m_begin;
    }

    std::istream& m_in;
    std::vector<char> m_buf;
    bool m_no_split;          // one window from here on (a directive was seen)
    std::size_t m_begin = 0; // unread bytes: [m_begin, m_end)
    std::size_t m_end = 0;
    bool m_eof = false;
    bool m_line_start = true; // m_begin is at the start of a line
    bool m_first_line = true; // the window's first line is still to be seen
    State m_state = State::reading;
    int m_lines = 0; // line feeds handed out in this window
    int m_offset = 0;
    int m_marker_line = -1;
    char m_marker[4] = {'-', '-', '-', '\n'}; // the line that ends a window
    std::string m_back; // bytes put back, then the rest of the piece they were put back into
};

// Thrown by the Builder to stop the parser when a document holds too many values.
struct TooManyValues {
    YAML::Mark mark;
};

// Thrown by the Builder when yaml-cpp reports value after value at one place without reading
// on: yaml-cpp 0.7 loops for ever on a stray ',' in block context (jbeder/yaml-cpp#1040).
struct Stuck {
    YAML::Mark mark;
};

// Builds a Node tree from parser events. Aliases are refused, which also makes
// "billion laughs" documents harmless: nothing is ever expanded.
class Builder : public YAML::EventHandler {
public:
    Document doc;
    int first_pos = -1;   // where the document's first value was read
    YAML::Mark last_mark; // where its last value was read

    int start_line = -1;  // the line (0-based, in the window) where the document started

    Builder(const DocumentStream::PartHandler& on_part, int line_offset)
        : m_on_part(on_part), m_line_offset(line_offset) {}
    // A mark of the parser, in the lines of the input.
    Mark at(const YAML::Mark& mark) const { return to_mark(mark, m_line_offset); }

    void OnDocumentStart(const YAML::Mark& mark) override { start_line = mark.line; }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
        Node n;
        n.type = NodeType::null;
        n.mark = at(mark);
        m_last_mark = mark;
        add(std::move(n));
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
        // One message per document: an alias bomb holds thousands of them.
        if (!m_alias_reported) {
            doc.problems.push_back({at(mark), "YAML aliases (*name) are not supported in accord files and are "
                                              "never expanded; write the value out"});
            m_alias_reported = true;
        } else if (!m_stack.empty() && m_stack.back()->type == NodeType::sequence) {
            return; // the document is refused already: a flood of aliases need not be kept
        }
        OnNull(mark, 0);
    }
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t, const std::string& value) override {
        // The file holds no NUL byte (check_text), but an escape (\0, \x00, \u0000) can make one.
        if (value.find('\0') != std::string::npos) {
            doc.problems.push_back({at(mark), "text holds a NUL character (written as an escape such as \\0); "
                                              "accord text may not contain NUL"});
        }
        // An explicit tag: !!null makes the value null (refused as any null is), !!str text; no
        // other tag is read (a value's type comes from how it is written, docs/format.md).
        if (tag == "tag:yaml.org,2002:null") {
            OnNull(mark, 0);
            return;
        }
        if (tag != "?" && tag != "!" && tag != "tag:yaml.org,2002:str") {
            std::string shown = tag.rfind("tag:yaml.org,2002:", 0) == 0 ? "!!" + tag.substr(18) : tag;
            doc.problems.push_back({at(mark), fmt::format("the YAML tag {} is not supported in accord files (a "
                                                          "value's type comes from how it is written); remove it",
                                                          shown.size() > 100 ? shown.substr(0, 100) + "..." : shown)});
        }
        Node n;
        n.type = NodeType::scalar;
        n.mark = at(mark);
        m_last_mark = mark;
        n.value = value;
        n.plain = tag.size() == 1 && tag[0] == '?'; // yaml-cpp's tag of a plain scalar
        add(std::move(n));
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        open(NodeType::sequence, mark);
    }
    void OnSequenceEnd() override {
        close();
        hand_over_part();
    }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        open(NodeType::map, mark);
    }
    void OnMapEnd() override {
        close();
        hand_over_part();
    }

private:
    const DocumentStream::PartHandler& m_on_part;
    int m_line_offset;
    std::vector<Node*> m_stack;
    bool m_has_root = false;
    bool m_alias_reported = false;
    std::size_t m_values = 0;
    YAML::Mark m_last_mark;
    int m_previous_pos = -1;
    int m_same_place = 0; // values in a row at m_previous_pos

    Node* add(Node n) {
        if (first_pos < 0) {
            first_pos = m_last_mark.pos;
        }
        last_mark = m_last_mark;
        if (++m_values > DocumentStream::k_max_values) {
            throw TooManyValues{m_last_mark};
        }
        if (m_last_mark.pos == m_previous_pos) {
            if (++m_same_place > 100) {
                throw Stuck{m_last_mark};
            }
        } else {
            m_same_place = 0;
            m_previous_pos = m_last_mark.pos;
        }
        if (m_stack.empty()) {
            doc.root = std::move(n);
            m_has_root = true;
            return &doc.root;
        }
        auto& items = m_stack.back()->items;
        bool leaf = n.type == NodeType::scalar || n.type == NodeType::null;
        items.push_back(std::move(n));
        if (leaf) {
            hand_over_part();
            return nullptr; // a leaf is never opened
        }
        return &items.back();
    }
    // A top-level list that reached k_part_items complete items goes to the handler.
    void hand_over_part() {
        if (!m_on_part || m_stack.size() != 1 || doc.root.type != NodeType::sequence ||
            doc.root.items.size() < DocumentStream::k_part_items) {
            return;
        }
        Document part;
        part.root.type = NodeType::sequence;
        part.root.mark = doc.root.mark;
        part.root.items.swap(doc.root.items);
        part.problems.swap(doc.problems);
        m_alias_reported = false;
        m_values = 1; // the list itself
        m_on_part(std::move(part));
    }
    void open(NodeType type, const YAML::Mark& mark) {
        Node n;
        n.type = type;
        n.mark = at(mark);
        m_last_mark = mark;
        m_stack.push_back(add(std::move(n)));
    }
    void close() { m_stack.pop_back(); }
};

} // namespace

struct DocumentStream::Impl {
    Windows windows;
    std::istream window;
    std::unique_ptr<YAML::Parser> parser;
    bool done = false;
    // yaml-cpp 0.7 can also return empty document after empty document without reading on
    // (a ',' after a quoted scalar and an anchor at the top level: `""&a,`): documents that
    // begin where the previous one ended are counted, and too many in a row end the stream.
    int previous_end = -1;
    int stalled = 0;
    Impl(std::istream& in, bool split) : windows(in, split), window(&windows) { open(); }
    // A parser for the window.
    void open() {
        window.clear();
        parser = std::make_unique<YAML::Parser>(window);
        previous_end = -1;
        stalled = 0;
    }
};

DocumentStream::DocumentStream(std::istream& in, bool split) : m_impl(nullptr) {
    try {
        m_impl = new Impl(in, split);
    } catch (const YAML::Exception& e) {
        m_syntax_error = Problem{to_mark(e.mark, 0), e.msg};
        m_impl = nullptr;
    }
}

DocumentStream::~DocumentStream() { delete m_impl; }

std::optional<Document> DocumentStream::next(const PartHandler& on_part) {
    if (!m_impl || m_impl->done) {
        return std::nullopt;
    }
    for (;;) {
        int offset = m_impl->windows.line_offset();
        Builder builder(on_part, offset);
        try {
            if (!m_impl->parser->HandleNextDocument(builder)) {
                m_impl->done = true;
                return std::nullopt;
            }
            if (builder.start_line >= 0 && builder.start_line == m_impl->windows.marker_line()) {
                // The "---" that ends the window: the next document starts the next window.
                if (!m_impl->windows.next()) {
                    m_impl->done = true;
                    return std::nullopt;
                }
                m_impl->open();
                continue;
            }
        } catch (const TooManyValues& e) {
            m_syntax_error = Problem{to_mark(e.mark, offset),
                                     fmt::format("more than {} values in one document (or in {} items of a "
                                                 "top-level list); split it into smaller documents or files",
                                                 k_max_values, k_part_items)};
            m_impl->done = true;
            return std::nullopt;
        } catch (const Stuck& e) {
            return stuck(to_mark(e.mark, offset));
        } catch (const YAML::DeepRecursion& e) {
            m_syntax_error = Problem{to_mark(e.mark, offset), fmt::format("nesting deeper than {} levels", e.depth())};
            m_impl->done = true;
            return std::nullopt;
        } catch (const YAML::Exception& e) {
            m_syntax_error = Problem{to_mark(e.mark, offset), "YAML syntax: " + e.msg};
            m_impl->done = true;
            return std::nullopt;
        }
        if (builder.first_pos == m_impl->previous_end) {
            if (++m_impl->stalled > 100) {
                return stuck(to_mark(builder.last_mark, offset));
            }
        } else {
            m_impl->stalled = 0;
        }
        m_impl->previous_end = builder.last_mark.pos;
        return std::move(builder.doc);
    }
}

std::optional<Document> DocumentStream::stuck(Mark mark) {
    m_syntax_error = Problem{mark, "YAML syntax: unexpected character here (a stray ',' or other "
                                            "indicator?); the parser cannot read on"};
    m_impl->done = true;
    return std::nullopt;
}

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
