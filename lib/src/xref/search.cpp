#include "accord/xref/search.hpp"

#include "accord/error.hpp"
#include "accord/model/record.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>

namespace accord::xref {

namespace {

bool has_word(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char ch) {
        auto c = static_cast<unsigned char>(ch);
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    });
}

// The condition that keeps one kind's rows of search_text, with the shared filter.
std::string kind_condition(Kind kind, const Filter& filter) {
    std::string where = filter.where(kind); // throws UsageError when the filter does not apply
    std::string name(to_string(kind));
    if (where == "1") {
        return fmt::format("s.kind = '{}'", name);
    }
    if (kind == Kind::progress) {
        return fmt::format("(s.kind = 'progress' AND s.event IN (SELECT t.seq FROM progress t WHERE {}))", where);
    }
    return fmt::format("(s.kind = '{0}' AND s.id IN (SELECT t.id FROM {1} t WHERE {2}))", name,
                       kind_spec(kind).table, where);
}

// The record field a column of search_text holds for a kind.
std::string field_name(Kind kind, std::size_t column) {
    if (column == 2) {
        return "notes";
    }
    if (column == 0) {
        return std::string(kind_spec(kind).title_field == "text" ? "title" : kind_spec(kind).title_field);
    }
    switch (kind) {
    case Kind::commitment:
        return "text";
    case Kind::progress:
        return "note";
    default:
        return "description";
    }
}

} // namespace

std::string fts_query(const std::vector<std::string>& terms, bool any_term) {
    if (terms.empty()) {
        throw UsageError("nothing to search for");
    }
    std::string out;
    for (const auto& raw : terms) {
        std::string_view t = raw;
        bool prefix = false;
        while (!t.empty() && (t.back() == '*' || t.back() == ' ')) {
            prefix = prefix || t.back() == '*';
            t.remove_suffix(1);
        }
        if (!has_word(t)) {
            throw UsageError(fmt::format("nothing to search for in '{}' (no letter or digit)", raw));
        }
        std::string quoted = "\"";
        for (char c : t) {
            if (c == '"') {
                quoted += '"';
            }
            quoted += c;
        }
        quoted += '"';
        if (prefix) {
            quoted += " *";
        }
        if (!out.empty()) {
            out += any_term ? " OR " : " AND ";
        }
        out += quoted;
    }
    return out;
}

SearchResult search(Store& store, const SearchRequest& request) {
    std::vector<Kind> kinds = request.kinds;
    bool chosen = !kinds.empty();
    if (!chosen) {
        for (auto name : k_kind_names) {
            kinds.push_back(*kind_from_string(name));
        }
    }
    std::string conditions;
    std::string why_none;
    for (Kind k : kinds) {
        std::string c;
        try {
            c = kind_condition(k, request.filter);
        } catch (const UsageError& e) {
            if (chosen) {
                throw; // asked for this kind with a filter it does not take
            }
            why_none = e.what();
            continue; // a filter that does not apply to a kind leaves that kind out
        }
        conditions += (conditions.empty() ? "" : " OR ") + c;
    }
    if (conditions.empty()) {
        throw UsageError(fmt::format("the filters apply to no kind of record ({})", why_none));
    }
    // Title hits weigh most, notes least (bm25 column weights).
    const std::string from = fmt::format(R"SQL(
          FROM search_index JOIN search_text s ON s.seq = search_index.rowid
         WHERE search_index MATCH :query AND ({}))SQL",
                                         conditions);
    std::string sql = R"SQL(
        SELECT s.kind, s.id, s.event,
               snippet(search_index, 0, char(1), char(2), '...', 16),
               snippet(search_index, 1, char(1), char(2), '...', 16),
               snippet(search_index, 2, char(1), char(2), '...', 16),
               bm25(search_index, 2.0, 1.0, 0.5) AS score,
               CASE s.kind
                 WHEN 'dialogue' THEN (SELECT d.date FROM dialogue d WHERE d.id = s.id)
                 WHEN 'statement' THEN (SELECT st.date FROM statement st WHERE st.id = s.id)
                 WHEN 'commitment' THEN (SELECT st.date FROM commitment c JOIN statement st ON st.id = c.statement_id
                                          WHERE c.id = s.id)
                 WHEN 'program' THEN (SELECT p.start_date FROM program p WHERE p.id = s.id)
                 WHEN 'forum' THEN (SELECT f.established FROM forum f WHERE f.id = s.id)
                 WHEN 'progress' THEN (SELECT p.date FROM progress p WHERE p.seq = s.event)
               END)SQL" + from +
                      "\n ORDER BY score, s.kind, s.id, s.event LIMIT :limit";
    const std::string query = fts_query(request.terms, request.any_term);
    SQLite::Statement q(store.db(), sql);
    q.bind(":query", query);
    q.bind(":limit", request.limit == 0 ? static_cast<std::int64_t>(-1) : static_cast<std::int64_t>(request.limit));
    request.filter.bind(q);
    SearchResult result;
    while (q.executeStep()) {
        SearchHit h;
        h.kind = kind_from_string(q.getColumn(0).getString()).value_or(Kind::party);
        h.id = q.getColumn(1).getString();
        h.event = q.getColumn(2).getInt64();
        // The column with the most matched words (ties: title, body, notes).
        std::size_t best = 0;
        int best_marks = -1;
        for (std::size_t c = 0; c < 3; ++c) {
            std::string snippet = q.getColumn(static_cast<int>(3 + c)).getString();
            int marks = static_cast<int>(std::count(snippet.begin(), snippet.end(), k_mark_open[0]));
            if (marks > best_marks) {
                best = c;
                best_marks = marks;
                h.snippet = std::move(snippet);
            }
        }
        h.field = field_name(h.kind, best);
        h.score = -q.getColumn(6).getDouble();
        h.date = q.getColumn(7).isNull() ? std::string() : q.getColumn(7).getString();
        result.hits.push_back(std::move(h));
    }
    if (request.limit != 0 && result.hits.size() == request.limit) {
        SQLite::Statement count(store.db(), "SELECT count(*)" + from);
        count.bind(":query", query);
        request.filter.bind(count);
        count.executeStep();
        result.more = static_cast<std::size_t>(count.getColumn(0).getInt64()) - result.hits.size();
    }
    return result;
}

std::string mark_snippet(std::string_view snippet, std::string_view open, std::string_view close) {
    std::string out;
    for (char c : snippet) {
        if (c == k_mark_open[0]) {
            out += open;
        } else if (c == k_mark_close[0]) {
            out += close;
        } else if (c == '\n' || c == '\r' || c == '\t') {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace accord::xref
