#pragma once
// What a DocumentStream reads from a text, written out whole (every document and part, every
// value with its line:column, the problems and the syntax error), so that two ways of reading
// can be compared: the unit tests and the reader's fuzz target compare the stream read one
// parser per document with the stream read by one parser.
#include "accord/yaml/node.hpp"

#include <algorithm>
#include <sstream>
#include <string>

namespace accord::yaml::test {

inline void trace_node(const Node& n, std::string& out) {
    out += std::to_string(static_cast<int>(n.type)) + '@' + std::to_string(n.mark.line) + ':' +
           std::to_string(n.mark.column) + (n.plain ? "p" : "") + '[' + n.value + ']';
    if (!n.items.empty()) {
        out += '(';
        for (const auto& i : n.items) {
            trace_node(i, out);
            out += ',';
        }
        out += ')';
    }
}

inline void trace_document(const char* what, const Document& d, std::string& out) {
    out += what;
    trace_node(d.root, out);
    for (const auto& p : d.problems) {
        out += " problem " + std::to_string(p.mark.line) + ':' + std::to_string(p.mark.column) + ' ' + p.message;
    }
    out += '\n';
}

// split: as DocumentStream's constructor.
inline std::string trace_stream(const std::string& text, bool split) {
    std::istringstream in(text);
    DocumentStream stream(in, split);
    std::string out;
    while (auto doc = stream.next([&](const Document& part) { trace_document("part ", part, out); })) {
        trace_document("document ", *doc, out);
    }
    if (const auto& e = stream.syntax_error()) {
        out += "error " + std::to_string(e->mark.line) + ':' + std::to_string(e->mark.column) + ' ' + e->message;
    }
    return out;
}

// Whether the stream read one parser per document (split) reads as one parser reads it (one).
// They read the same, except where yaml-cpp's scanner holds a token it cannot verify yet (a
// plain scalar without ':' at the end of a block mapping, a '[' or '{' not closed before the
// next "---"): one parser then scans on across the document start, to the end of the stream
// or to the first syntax error after it, before it hands over that document; a parser of its
// own reads to the end of its document. Such a text is refused either way (a syntax error in
// both); the documents handed over before the error may differ in number, and the error's
// place and words. So: the same, or a syntax error in both, after the same documents as far
// as both go.
inline bool same_reading(const std::string& split, const std::string& one) {
    if (split == one) {
        return true;
    }
    auto error = [](const std::string& t) { return t.substr(t.rfind('\n') + 1); }; // npos + 1 == 0
    std::string e1 = error(split);
    std::string e2 = error(one);
    if (e1.rfind("error ", 0) != 0 || e2.rfind("error ", 0) != 0) {
        return false;
    }
    std::size_t common = std::min(split.size() - e1.size(), one.size() - e2.size());
    return split.compare(0, common, one, 0, common) == 0;
}

} // namespace accord::yaml::test
