// A JSON value built in order and written in accord's layout.
#include "accord/text/json.hpp"

#include "accord/text/strings.hpp"

namespace accord::text {

Json::Json(const Column& column, const Cell& cell) {
    std::string text;
    append_json_cell(text, column, cell);
    m_kind = Kind::number; // written as it is: append_json_cell made it JSON already
    m_text = std::move(text);
}

Json Json::boolean(bool b) {
    Json j;
    j.m_kind = Kind::boolean;
    j.m_text = b ? "true" : "false";
    return j;
}

Json Json::number(std::string digits) {
    Json j;
    if (!digits.empty()) {
        j.m_kind = Kind::number;
        j.m_text = std::move(digits);
    }
    return j;
}

Json Json::array() {
    Json j;
    j.m_kind = Kind::array;
    return j;
}

Json Json::object() {
    Json j;
    j.m_kind = Kind::object;
    return j;
}

Json Json::strings(const std::vector<std::string>& items) {
    Json j = array();
    for (const auto& s : items) {
        j.push(s);
    }
    return j;
}

Json Json::row(const std::vector<Column>& columns, const Row& cells) {
    Json j = object();
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (columns[c].shown_in(Format::json)) {
            j.add(columns[c].key, Json(columns[c], cells[c]));
        }
    }
    return j;
}

Json Json::rows(const Table& table) {
    Json j = array();
    for (const auto& r : table.rows) {
        j.push(row(table.columns, r));
    }
    return j;
}

Json& Json::add(std::string key, Json value) {
    m_items.emplace_back(std::move(key), std::move(value));
    return *this;
}

Json& Json::push(Json value) {
    m_items.emplace_back(std::string(), std::move(value));
    return *this;
}

void Json::append_inline(std::string& out) const {
    switch (m_kind) {
    case Kind::null:
        out += "null";
        break;
    case Kind::boolean:
    case Kind::number:
        out += m_text;
        break;
    case Kind::string:
        out += json_quote(m_text);
        break;
    case Kind::array:
    case Kind::object: {
        bool object = m_kind == Kind::object;
        out += object ? '{' : '[';
        for (std::size_t i = 0; i < m_items.size(); ++i) {
            out += i ? ", " : "";
            if (object) {
                out += json_quote(m_items[i].first);
                out += ": ";
            }
            m_items[i].second.append_inline(out);
        }
        out += object ? '}' : ']';
        break;
    }
    }
}

std::string Json::dump() const {
    std::string out;
    if (m_kind != Kind::object) {
        append_inline(out);
        return out + "\n";
    }
    out += "{";
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        const auto& [key, value] = m_items[i];
        out += i ? ",\n  " : "\n  ";
        out += json_quote(key);
        out += ": ";
        bool rows = value.m_kind == Kind::array && !value.m_items.empty();
        for (const auto& item : value.m_items) {
            rows = rows && item.second.m_kind == Kind::object;
        }
        if (!rows) {
            value.append_inline(out);
            continue;
        }
        out += '[';
        for (std::size_t r = 0; r < value.m_items.size(); ++r) {
            out += r ? ",\n    " : "\n    ";
            value.m_items[r].second.append_inline(out);
        }
        out += "\n  ]";
    }
    out += m_items.empty() ? "}\n" : "\n}\n";
    return out;
}

} // namespace accord::text
