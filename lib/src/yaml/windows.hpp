#pragma once
// Windows: the stream buffer that cuts a YAML stream before each document, one yaml-cpp parser per window.
#include "accord/yaml/node.hpp"

#include <yaml-cpp/mark.h>

#include <cstring>
#include <istream>
#include <streambuf>
#include <string>
#include <vector>

namespace accord::yaml::detail {

// line_offset: lines of the input before the window the parser reads (see Windows); a mark
// that places nothing (yaml-cpp's null mark) stays line 0.
inline Mark to_mark(const YAML::Mark& m, int line_offset) {
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

} // namespace accord::yaml::detail
