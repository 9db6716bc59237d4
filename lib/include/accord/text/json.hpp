#pragma once
// A JSON value built in order and written in accord's layout: the machine form of a report.
#include "accord/text/table.hpp"

#include <string>
#include <utility>
#include <vector>

namespace accord::text {

// null, true/false, a number (kept as its digits: "0.50" stays "0.50"), a string, an array or
// an object (keys in the order added). Written by write_json():
//   {
//     "key": value,
//     "rows": [
//       {"a": 1, "b": "x"},
//       {"a": 2, "b": "y"}
//     ],
//     "empty": []
//   }
// that is, the top object a member a line; an array of objects there an object a line; all
// else on one line, with ", " and ": " between items.
class Json {
public:
    enum class Kind { null, boolean, number, string, array, object };

    Json() = default; // null
    Json(std::string s) : m_kind(Kind::string), m_text(std::move(s)) {}
    Json(const char* s) : m_kind(Kind::string), m_text(s) {}
    Json(const std::optional<std::string>& s) : m_kind(s ? Kind::string : Kind::null), m_text(s.value_or("")) {}
    Json(int n) : Json(static_cast<long long>(n)) {}
    Json(long n) : Json(static_cast<long long>(n)) {}
    Json(long long n) : m_kind(Kind::number), m_text(std::to_string(n)) {}
    Json(std::size_t n) : m_kind(Kind::number), m_text(std::to_string(n)) {}
    Json(bool) = delete; // Json::boolean(): no silent bool to number
    // A cell of a column: a number, a string, true/false or null; a list as an array.
    Json(const Column& column, const Cell& cell);
    static Json boolean(bool b);
    static Json number(std::string digits); // empty: null
    static Json array();
    static Json object();
    static Json strings(const std::vector<std::string>& items); // an array of strings
    // The rows (not the footer) as an array of objects of the machine columns.
    static Json rows(const Table& table);
    // One row as an object of the machine columns.
    static Json row(const std::vector<Column>& columns, const Row& cells);

    Kind kind() const { return m_kind; }
    // An object's member (appended; keys are not checked for repeats).
    Json& add(std::string key, Json value);
    // An array's item.
    Json& push(Json value);
    bool empty() const { return m_items.empty(); }

    // Appends the value on one line.
    void append_inline(std::string& out) const;
    // The value in the layout above, ended with a line feed.
    std::string dump() const;

private:
    Kind m_kind = Kind::null;
    std::string m_text; // number digits, string text (unquoted), boolean "true"/"false"
    std::vector<std::pair<std::string, Json>> m_items; // array: keys empty
};

} // namespace accord::text
