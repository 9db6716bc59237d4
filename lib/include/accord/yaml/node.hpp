#pragma once
// A YAML document as a small tree that keeps the line:column of every value.
// Built from yaml-cpp's event parser one document at a time, so memory follows
// the largest document, not the whole input.
#include <cstddef>
#include <istream>
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

// Checks that text is UTF-8 without NUL bytes; the first problem, if any.
std::optional<Problem> check_text(std::string_view text);

// Reads a YAML stream document by document.
class DocumentStream {
public:
    explicit DocumentStream(std::istream& in);
    ~DocumentStream();
    DocumentStream(const DocumentStream&) = delete;
    DocumentStream& operator=(const DocumentStream&) = delete;

    // The next document, or nullopt at the end of the stream or after a syntax error.
    std::optional<Document> next();
    // The syntax error that ended the stream, if any.
    const std::optional<Problem>& syntax_error() const { return m_syntax_error; }

private:
    struct Impl;
    Impl* m_impl;
    std::optional<Problem> m_syntax_error;
};

} // namespace accord::yaml
