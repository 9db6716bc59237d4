#pragma once
// `accord xref similar`: candidate cross-references, pairs of commitments in different
// statements whose texts are alike and that no reference links yet.
//
// Texts are compared by TF-IDF cosine over their terms (xref/text.hpp: lower-cased words,
// stop words dropped, lightly stemmed). Pairs come from an inverted index of the rare terms
// (in at most k_rare commitments): for each commitment, dot products are accumulated over the
// commitments that share one of them. Commoner terms still count in every score; texts with
// common terms also take as candidates their nearest such texts by SimHash
// (locality-sensitive hashing for the cosine). The work is a constant number
// of candidates per term of each text, whatever the vocabulary, and memory is the index plus
// the pairs kept (docs/xref.md).
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

// What a search looked at (tests bound it; the command says when the search was cut).
struct SimilarStats {
    std::size_t scored = 0;  // candidate pairs whose exact score was computed
    std::size_t crowded = 0; // texts whose 2 * k_neighbours nearest by hash all score min_score
                             // or more with them: more alike texts may lie beyond, unpaired
};

// The similarity core, on texts alone.
class SimilarityIndex {
public:
    // A term in more texts than this is common: left out of the index of rare terms.
    static constexpr std::size_t k_rare = 256;
    // A text with common terms is also compared with the k_neighbours such texts on either
    // side of it in each of k_orderings orders by SimHash.
    static constexpr std::size_t k_orderings = 8;
    static constexpr std::size_t k_neighbours = 32;

    // Adds a text; returns its document number (0, 1, ...).
    std::size_t add(std::string_view text);
    std::size_t size() const { return m_docs.size(); }

    // Pairs with cosine >= min_score that keep(a, b) accepts, best first (ties: by a, b);
    // at most limit of them (0: all). keep is asked only about pairs at or above min_score.
    // stats, if given, receives what was looked at.
    using Keep = std::function<bool(std::size_t, std::size_t)>;
    std::vector<ScoredPair> pairs(double min_score, std::size_t limit, const Keep& keep,
                                  SimilarStats* stats = nullptr) const;

private:
    std::unordered_map<std::string, std::uint32_t> m_terms;
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> m_docs; // (term, count), by term
};

struct SimilarRequest {
    // The default bounds the output (and the memory) whatever the data: near-identical texts
    // make pairs by the million.
    static constexpr std::size_t k_default_limit = 100;
    double min_score = 0.6;
    std::size_t limit = k_default_limit; // 0: every pair at or above min_score
};

struct SimilarPair {
    const Node* later = nullptr; // by statement date, then id
    const Node* earlier = nullptr;
    double score = 0;
    std::string relation; // what `later` would state, by its action: recalls (note, recall),
                          // follows-up (continue), else reaffirms
};

struct SimilarResult {
    std::vector<SimilarPair> pairs; // best first, at most the request's limit
    std::size_t found = 0;          // pairs at or above min_score, before the limit
    std::size_t crowded = 0;        // SimilarStats::crowded: texts with more alike texts than were compared
};

// The same search on the whole graph (what `brief` has loaded) or on what it reads alone.
// The pairs point into the graph or the texts, which must outlive them.
SimilarResult find_similar(const Graph& graph, const SimilarRequest& request);
SimilarResult find_similar(const CommitmentTexts& texts, const SimilarRequest& request);
SimilarResult find_similar(CommitmentTexts&& texts, const SimilarRequest& request) = delete;

// A table (score, both ids and dates, both texts shortened), or JSON.
void write_similar_text(std::ostream& out, const std::vector<SimilarPair>& pairs);
void write_similar_json(std::ostream& out, const std::vector<SimilarPair>& pairs);
// The reference the later commitment would state, as YAML: "{relation: reaffirms, target: ID}".
std::string reference_of(const SimilarPair& pair);
// The YAML `references:` lines to paste under each later commitment.
void write_similar_suggestions(std::ostream& out, const std::vector<SimilarPair>& pairs);

} // namespace accord::xref
