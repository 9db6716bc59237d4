#pragma once
// A YAML document as a small tree that keeps the line:column of every value.
// Built from yaml-cpp's event parser one document at a time, so memory follows
// the largest document, not the whole input.
#include <cstddef>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace accord::yaml {

struct Mark {
    int line = 0;   // 1-based
    int column = 0; // 1-based
};

enum class NodeType { null, scalar, sequence, map };
// YAML 1.2 core schema resolution of a plain scalar; quoted scalars are strings.
enum class ScalarType { null, boolean, integer, number, string };

struct Node {
    NodeType type = NodeType::null;
    Mark mark;
    std::string value;       // scalar text
    bool plain = false;      // an unquoted scalar
    std::vector<Node> items; // a sequence's items; a map's keys and values, alternating

    ScalarType scalar_type() const;
    std::size_t map_size() const { return items.size() / 2; }
    const Node& key(std::size_t i) const { return items[2 * i]; }
    const Node& val(std::size_t i) const { return items[2 * i + 1]; }
    // "a mapping", "a sequence", "an integer (5)", ...; for messages.
    std::string describe() const;
};

struct Problem {
    Mark mark;
    std::string message;
};

struct Document {
    Node root;                     // null for an empty document
    std::vector<Problem> problems; // aliases and other unsupported constructs
};

// Checks that text is UTF-8 without NUL bytes, bare CRs or a late byte-order mark, and
// without what would make yaml-cpp loop (a line starting with ',' at the top level); the
// first problem, if any. Text in UTF-16 or UTF-32 is named as such.
std::optional<Problem> check_text(std::string_view text);

// A hint for a YAML syntax error at line (1-based) of the text read from in (positioned at
// its start), for the usual causes, in this order: a line indented with a tab; a quoted value
// whose quote is not closed; a ':' without a space after it; a line not indented like the
// line before it. Empty when none of them is seen; else " (...)" to append to the message.
std::string syntax_hint(std::istream& in, int line);

// check_text() a piece at a time, so that a file need not be held whole, and in one pass:
// feed() takes the text in order in pieces of any size (a character, or a CR and its LF, may
// be cut between two; a few bytes wait for the next piece); finish() marks the end; result()
// then gives what check_text() would give for the whole text (a problem of encoding first,
// wherever it is). feed() returns false at the first problem of encoding, so that a reader
// can stop at the first bad byte.
class TextCheck {
public:
    bool feed(std::string_view piece);
    void finish();
    std::optional<Problem> result() const;

private:
    void check_encoding(std::string_view text, bool final);
    void check_stray_comma(std::string_view text);

    std::size_t m_offset = 0;  // of the piece being checked for commas, from the start of the text
    std::size_t m_checked = 0; // bytes checked for their encoding
    std::string m_carry;       // bytes that wait for the next piece (at most 3)
    int m_line = 1;
    int m_column = 1;
    std::optional<Problem> m_encoding;
    std::optional<Problem> m_comma;
    struct CommaState {
        int depth = 0;
        char quote = 0;
        int line = 1;
        std::size_t line_begin = 0;
        bool line_start = true;
        bool after_closer = false; // the last token at the top level closed a quote or a [ ] / { }
        char first = 0;            // the first character of the line
        char prev = '\n';
        bool skip = false;    // the next character is escaped (a backslash in a double-quoted scalar)
        bool comment = false; // in a comment
        bool anchor = false;  // in an anchor or tag that follows a closer
    } m_comma_state;
};

// Reads a YAML stream document by document, with one yaml-cpp parser per document (see
// lib/src/yaml/windows.hpp), so that memory does not grow with the number of documents.
class DocumentStream {
public:
    // split false: one parser for the whole stream, as yaml-cpp alone reads it (memory grows
    // with the stream); for the tests that compare the two.
    explicit DocumentStream(std::istream& in, bool split = true);
    ~DocumentStream();
    DocumentStream(const DocumentStream&) = delete;
    DocumentStream& operator=(const DocumentStream&) = delete;

    // Receives the leading parts of a document whose top level is a long list (see next()).
    using PartHandler = std::function<void(Document&&)>;
    // Items of a top-level list handed over in one part.
    static constexpr std::size_t k_part_items = 1000;
    // The most values (scalars, lists, mappings) held at once: a document, or a part of a long
    // top-level list, with more ends the stream with an error instead of exhausting memory.
    static constexpr std::size_t k_max_values = 1000000;

    // The next document, or nullopt at the end of the stream or after a syntax error.
    // With on_part, a top-level list is handed over k_part_items at a time as it is read
    // (each part a Document whose root is a list of those items, with the problems found
    // in them), and next() returns the last part: memory follows one part, not the file.
    std::optional<Document> next(const PartHandler& on_part = {});
    // The syntax error that ended the stream, if any.
    const std::optional<Problem>& syntax_error() const { return m_syntax_error; }

private:
    struct Impl;
    // Ends the stream with a syntax error at mark: yaml-cpp reads no further there.
    std::optional<Document> stuck(Mark mark);
    std::unique_ptr<Impl> m_impl;
    std::optional<Problem> m_syntax_error;
};

} // namespace accord::yaml
