#pragma once
// `accord search`: full-text search (SQLite FTS5, ranked by bm25) over the titles, names,
// labels, commitment texts, descriptions and notes of the records, and the notes of
// progress events (schema version 2: search_text and search_index).
#include "accord/model/vocab.hpp"
#include "accord/store/filter.hpp"
#include "accord/store/store.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace accord::xref {

struct SearchRequest {
    // Each a word or a phrase ("critical infrastructure" finds the words side by side); a
    // trailing * makes the last word a prefix. All must match, or any with any_term.
    std::vector<std::string> terms;
    bool any_term = false;
    std::vector<Kind> kinds; // empty: every kind the filter applies to
    Filter filter;
    std::size_t limit = 20; // records; 0: no limit
};

struct SearchHit {
    Kind kind = Kind::party;
    std::string id;          // a progress event: its commitment
    std::int64_t event = 0;  // a progress event's seq
    std::string date;        // the record's date, if it has one
    std::string field;       // the field with the most matched words
    std::string snippet;     // matched words between k_mark_open and k_mark_close
    double score = 0;        // relevance: -bm25, higher is better
};

struct SearchResult {
    std::vector<SearchHit> hits; // one per record, best first
    std::size_t more = 0;        // matching records left out by the limit
};

inline constexpr std::string_view k_mark_open = "\x01";
inline constexpr std::string_view k_mark_close = "\x02";

// The FTS5 query for the terms: each a quoted string, so no input is FTS5 syntax; a plain
// word of six letters or more may also match as two words ("vietnam" OR "viet nam"), and two
// words as one. Throws UsageError for a term with no word in it.
std::string fts_query(const std::vector<std::string>& terms, bool any_term);

// The snippet with each marked span widened to the whole words it touches ("13(j)", "U.S.",
// not "13(j" or "U.S"), less brackets and punctuation around them; spans that meet merge.
std::string whole_tokens(std::string_view snippet);

// Throws UsageError for a filter that applies to none of the kinds searched.
SearchResult search(Store& store, const SearchRequest& request);

// The snippet with its marks replaced (e.g. by "[" and "]", or terminal colours).
std::string mark_snippet(std::string_view snippet, std::string_view open, std::string_view close);

} // namespace accord::xref
