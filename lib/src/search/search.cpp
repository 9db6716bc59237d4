// `accord search`: the FTS5 query built from the terms, ranked hits and marked snippets.
#include "accord/search/search.hpp"

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

// A document of search_index (schema_v7.sql.inc): a record (sr, found by its rowid) or a
// progress event (sp, by its seq).
constexpr const char* k_documents = "search_index LEFT JOIN record sr ON sr.rowid = search_index.rowid "
                                    "LEFT JOIN progress sp ON sp.seq = search_index.rowid";

// The condition that keeps one kind's documents, with the shared filter.
std::string kind_condition(Kind kind, const Filter& filter) {
    std::string where = filter.where(kind); // throws UsageError when the filter does not apply
    std::string name(to_string(kind));
    if (kind == Kind::progress) {
        return where == "1" ? std::string("sp.seq IS NOT NULL")
                            : fmt::format("sp.seq IN (SELECT t.seq FROM progress t WHERE {})", where);
    }
    if (where == "1") {
        return fmt::format("sr.kind = '{}'", name);
    }
    return fmt::format("(sr.kind = '{0}' AND sr.id IN (SELECT t.id FROM {1} t WHERE {2}))", name,
                       kind_spec(kind).table, where);
}

// The record field a column of search_index holds for a kind (Store::search_source).
std::string field_name(Kind kind, std::size_t column) {
    if (column == 3) {
        return "id";
    }
    if (column == 2) {
        return "notes";
    }
    const SearchSource& source = Store::search_source(kind);
    const char* field = column == 0 ? source.title : source.body;
    return field ? field : column == 0 ? "title" : "body";
}

} // namespace

namespace {

// An FTS5 string: the text between double quotes (doubled inside), which FTS5 reads as
// plain words (a phrase when there are several), never as query syntax.
std::string fts_string(std::string_view text) {
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"') {
            quoted += '"';
        }
        quoted += c;
    }
    return quoted + '"';
}

bool ascii_letters(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    });
}

// The words of a term, split at spaces.
std::vector<std::string_view> words_of(std::string_view t) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < t.size()) {
        while (i < t.size() && t[i] == ' ') {
            ++i;
        }
        std::size_t j = i;
        while (j < t.size() && t[j] != ' ') {
            ++j;
        }
        if (j > i) {
            out.push_back(t.substr(i, j - i));
        }
        i = j;
    }
    return out;
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
        std::vector<std::string> alternatives{fts_string(t) + (prefix ? " *" : "")};
        // A word written as one or as two (Vietnam, Viet Nam): a word of six letters or more
        // also matches as two words of three letters or more side by side, and two words as
        // one. Only for plain words: the tokens must exist whole, so this finds little else.
        auto words = words_of(t);
        if (!prefix && words.size() == 1 && ascii_letters(words[0]) && words[0].size() >= 6) {
            for (std::size_t cut = 3; cut + 3 <= words[0].size(); ++cut) {
                alternatives.push_back(fts_string(std::string(words[0].substr(0, cut)) + " " +
                                                  std::string(words[0].substr(cut))));
            }
        } else if (!prefix && words.size() == 2 && ascii_letters(words[0]) && ascii_letters(words[1])) {
            alternatives.push_back(fts_string(std::string(words[0]) + std::string(words[1])));
        }
        if (!out.empty()) {
            out += any_term ? " OR " : " AND ";
        }
        if (alternatives.size() == 1) {
            out += alternatives[0];
        } else {
            std::string either;
            for (const auto& a : alternatives) {
                either += (either.empty() ? "" : " OR ") + a;
            }
            out += "(" + either + ")";
        }
    }
    return out;
}

std::string whole_tokens(std::string_view snippet) {
    // The text without marks, and the marked ranges in it.
    std::string text;
    std::vector<std::pair<std::size_t, std::size_t>> marked;
    for (char c : snippet) {
        if (c == k_mark_open[0]) {
            marked.emplace_back(text.size(), text.size());
        } else if (c == k_mark_close[0]) {
            if (!marked.empty()) {
                marked.back().second = text.size();
            }
        } else {
            text += c;
        }
    }
    auto space = [&](std::size_t i) { return text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r'; };
    auto count = [&](std::size_t from, std::size_t to, char c) {
        return static_cast<std::size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(from),
                                                   text.begin() + static_cast<std::ptrdiff_t>(to), c));
    };
    std::vector<std::pair<std::size_t, std::size_t>> whole;
    for (auto [from, to] : marked) {
        std::size_t start = from;
        while (start > 0 && !space(start - 1)) {
            --start;
        }
        std::size_t end = to;
        while (end < text.size() && !space(end)) {
            ++end;
        }
        // Leave out opening brackets, quotes and the snippet's "..." before the word, and
        // after it what closes nothing opened within it, sentence punctuation, "..." and a
        // full stop (but the last dot of an abbreviation such as U.S. stays).
        while (start < from && std::string_view("([{\"'.").find(text[start]) != std::string_view::npos) {
            ++start;
        }
        while (end > to) {
            char c = text[end - 1];
            bool drop = std::string_view(",;:!?\"'").find(c) != std::string_view::npos ||
                        (c == ')' && count(start, end - 1, '(') <= count(start, end - 1, ')')) ||
                        (c == ']' && count(start, end - 1, '[') <= count(start, end - 1, ']')) ||
                        (c == '}' && count(start, end - 1, '{') <= count(start, end - 1, '}')) ||
                        (c == '.' && ((end - 1 > start && text[end - 2] == '.') || count(start, end - 1, '.') == 0));
            if (!drop) {
                break;
            }
            --end;
        }
        if (!whole.empty() && start <= whole.back().second) {
            whole.back().second = std::max(whole.back().second, end);
        } else {
            whole.emplace_back(start, end);
        }
    }
    std::string out;
    std::size_t at = 0;
    for (auto [start, end] : whole) {
        out.append(text, at, start - at);
        out += k_mark_open;
        out.append(text, start, end - start);
        out += k_mark_close;
        at = end;
    }
    out.append(text, at, std::string::npos);
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
          FROM {}
         WHERE search_index MATCH :query AND ({}))SQL",
                                         k_documents, conditions);
    // A record whose id is the one term comes first.
    std::string sql = R"SQL(
        SELECT ifnull(sr.kind, 'progress') AS s_kind, ifnull(sr.id, sp.commitment_id) AS s_id,
               ifnull(sp.seq, 0) AS s_event,
               snippet(search_index, 0, char(1), char(2), '...', 16),
               snippet(search_index, 1, char(1), char(2), '...', 16),
               snippet(search_index, 2, char(1), char(2), '...', 16),
               snippet(search_index, 3, char(1), char(2), '...', 16),
               bm25(search_index, 2.0, 1.0, 0.5, 1.0) AS score,
               CASE sr.kind
                 WHEN 'dialogue' THEN (SELECT d.date FROM dialogue d WHERE d.id = sr.id)
                 WHEN 'statement' THEN (SELECT st.date FROM statement st WHERE st.id = sr.id)
                 WHEN 'commitment' THEN (SELECT st.date FROM commitment c JOIN statement st ON st.id = c.statement_id
                                          WHERE c.id = sr.id)
                 WHEN 'program' THEN (SELECT p.start_date FROM program p WHERE p.id = sr.id)
                 WHEN 'forum' THEN (SELECT f.established FROM forum f WHERE f.id = sr.id)
                 ELSE sp.date
               END)SQL" + from +
                      "\n ORDER BY s_id = :exact_id AND s_kind <> 'progress' DESC, score, s_kind, s_id, s_event "
                      "LIMIT :limit";
    const std::string query = fts_query(request.terms, request.any_term);
    SQLite::Statement q(store.db(), sql);
    q.bind(":query", query);
    std::string exact;
    if (request.terms.size() == 1) {
        for (char c : request.terms[0]) {
            exact += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        }
    }
    q.bind(":exact_id", exact);
    q.bind(":limit", request.limit == 0 ? static_cast<std::int64_t>(-1) : static_cast<std::int64_t>(request.limit));
    request.filter.bind(q);
    SearchResult result;
    while (q.executeStep()) {
        SearchHit h;
        h.kind = kind_from_string(q.getColumn(0).getString()).value_or(Kind::party);
        h.id = q.getColumn(1).getString();
        h.event = q.getColumn(2).getInt64();
        // The column with the most matched words (ties: title, body, notes, id). A match in
        // the id alone shows the record's title (or body) as its snippet.
        std::size_t best = 0;
        int best_marks = -1;
        for (std::size_t c = 0; c < 4; ++c) {
            std::string snippet = q.getColumn(static_cast<int>(3 + c)).getString();
            int marks = static_cast<int>(std::count(snippet.begin(), snippet.end(), k_mark_open[0]));
            if (marks > best_marks) {
                best = c;
                best_marks = marks;
                h.snippet = std::move(snippet);
            }
        }
        h.field = field_name(h.kind, best);
        if (best == 3) {
            std::string title = q.getColumn(3).getString();
            h.snippet = title.empty() ? q.getColumn(4).getString() : title;
        }
        h.snippet = whole_tokens(h.snippet);
        h.score = -q.getColumn(7).getDouble();
        h.date = q.getColumn(8).isNull() ? std::string() : q.getColumn(8).getString();
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
