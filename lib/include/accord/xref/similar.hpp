#pragma once
// `accord xref similar`: candidate cross-references, pairs of commitments in different
// statements whose texts are alike and that no reference links yet.
//
// Texts are compared by TF-IDF cosine over their terms (xref/text.hpp: lower-cased words,
// stop words dropped, lightly stemmed). Pairs come from an inverted index: for each
// commitment, dot products are accumulated only over the commitments that share one of
// its terms, so memory grows with the postings, not with the square of the commitments.
// Very common terms (in more than max(64, 5%) of the commitments) are left out of the
// index; they still count in the score of every pair the other terms find.
#include "accord/xref/graph.hpp"

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace accord::xref {

struct ScoredPair {
    std::size_t a = 0; // a < b: document numbers
    std::size_t b = 0;
    double score = 0;
};

// The similarity core, on texts alone.
class SimilarityIndex {
public:
    // Adds a text; returns its document number (0, 1, ...).
    std::size_t add(std::string_view text);
    std::size_t size() const { return m_docs.size(); }

    // Pairs with cosine >= min_score that keep(a, b) accepts, best first (ties: by a, b);
    // at most limit of them (0: all).
    std::vector<ScoredPair> pairs(double min_score, std::size_t limit,
                                  const std::function<bool(std::size_t, std::size_t)>& keep) const;

private:
    std::unordered_map<std::string, std::uint32_t> m_terms;
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> m_docs; // (term, count), by term
};

struct SimilarRequest {
    double min_score = 0.6;
    std::size_t limit = 0; // 0: every pair at or above min_score
};

struct SimilarPair {
    const Node* later = nullptr; // by statement date, then id
    const Node* earlier = nullptr;
    double score = 0;
    std::string relation; // what `later` would state, by its action: recalls (note, recall),
                          // follows-up (continue), else reaffirms
};

std::vector<SimilarPair> find_similar(const Graph& graph, const SimilarRequest& request);

// A table (score, both ids and dates, both texts shortened), or JSON.
void write_similar_text(std::ostream& out, const std::vector<SimilarPair>& pairs);
void write_similar_json(std::ostream& out, const std::vector<SimilarPair>& pairs);
// The YAML `references:` lines to paste under each later commitment.
void write_similar_suggestions(std::ostream& out, const std::vector<SimilarPair>& pairs);

} // namespace accord::xref
