#include "accord/yaml/node.hpp"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

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
void TextCheck::check_stray_comma(std::string_view text) {
    auto& s = m_comma_state;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
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
            while (i + 1 < text.size() && std::string_view(" \t\n,[]{}").find(text[i + 1]) == std::string_view::npos) {
                ++i;
            }
            s.prev = text[i];
            continue;
        }
        if (c != ' ' && c != '\t' && s.quote == 0) {
            s.after_closer = false;
        }
        if (s.quote == '"' && c == '\\') {
            ++i; // an escaped character (within the piece: a piece ends after a line feed)
        } else if (s.quote != 0) {
            if (c == s.quote) {
                s.quote = 0;
                s.after_closer = s.depth == 0;
            }
        } else if (c == '#' && (s.prev == ' ' || s.prev == '\t' || s.prev == '\n')) {
            while (i + 1 < text.size() && text[i + 1] != '\n') {
                ++i; // a comment, to the end of the line
            }
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

void TextCheck::check_encoding(std::string_view text) {
    const std::size_t n = text.size();
    if (m_offset == 0 && n >= 2 &&
        ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) {
        m_encoding = Problem{{1, 1}, fmt::format("the file is UTF-16 or UTF-32 (it starts with the byte-order mark "
                                                 "0x{:02x} 0x{:02x}); files must be UTF-8",
                                                 static_cast<unsigned char>(text[0]), static_cast<unsigned char>(text[1]))};
        return;
    }
    int& line = m_line;
    int& column = m_column;
    auto problem = [&](std::string message) { m_encoding = Problem{{line, column}, std::move(message)}; };
    std::size_t i = 0;
    while (i < n) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c == 0) {
            return problem("NUL byte in the file (YAML text may not contain NUL)");
        }
        if (c == '\r' && (i + 1 == n || text[i + 1] != '\n')) {
            return problem("carriage return (CR) without a line feed; lines must end with LF or CRLF");
        }
        if (c == 0xEF && m_offset + i > 0 && text.compare(i, 3, "\xEF\xBB\xBF") == 0) {
            return problem("byte-order mark (U+FEFF) after the start of the file; only a file's first character may "
                           "be one");
        }
        std::size_t len = 1;
        if (c >= 0x80) {
            unsigned cp = 0;
            if ((c & 0xE0) == 0xC0) {
                len = 2;
                cp = c & 0x1F;
            } else if ((c & 0xF0) == 0xE0) {
                len = 3;
                cp = c & 0x0F;
            } else if ((c & 0xF8) == 0xF0) {
                len = 4;
                cp = c & 0x07;
            } else {
                return problem(fmt::format("invalid UTF-8 (byte 0x{:02x}); files must be UTF-8", c));
            }
            if (i + len > n) {
                return problem("invalid UTF-8 (truncated sequence at end of file); files must be UTF-8");
            }
            for (std::size_t k = 1; k < len; ++k) {
                auto cc = static_cast<unsigned char>(text[i + k]);
                if ((cc & 0xC0) != 0x80) {
                    return problem(
                        fmt::format("invalid UTF-8 (byte 0x{:02x} after 0x{:02x}); files must be UTF-8", cc, c));
                }
                cp = (cp << 6) | (cc & 0x3F);
            }
            bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
            if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return problem(fmt::format("invalid UTF-8 (bad sequence starting 0x{:02x}); files must be UTF-8", c));
            }
        }
        if (c == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        i += len;
    }
}

bool TextCheck::feed(std::string_view lines) {
    if (!m_encoding) {
        check_encoding(lines);
    }
    if (!m_comma) {
        check_stray_comma(lines);
    }
    m_offset += lines.size();
    return !m_encoding;
}

std::optional<Problem> TextCheck::result() const { return m_encoding ? m_encoding : m_comma; }

std::optional<Problem> check_text(std::string_view text) {
    TextCheck check;
    check.feed(text);
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

} // namespace accord::yaml
