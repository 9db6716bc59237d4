// A YAML scalar's type under the core schema (Node::scalar_type) and a value named for a message (Node::describe).
#include "accord/yaml/node.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cstring>
#include <string_view>

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

} // namespace accord::yaml
