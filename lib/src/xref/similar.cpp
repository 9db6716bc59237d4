// `accord xref similar`: TF-IDF over stems between commitments (the output: similar_output.cpp).
#include "accord/xref/similar.hpp"

#include "accord/xref/text.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <queue>
#include <unordered_map>

namespace accord::xref {

namespace {

std::uint64_t mix(std::uint64_t z) {
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// A term and its weight in a document, or a document and its weight in a posting list.
struct Entry {
    std::uint32_t term;
    float weight;
};

// Where a document's common weights lie: both bounds in one place, read with one cache miss.
struct Span {
    std::uint32_t begin;
    std::uint32_t end;
};

// A set of links (two numbers in 64 bits), asked millions of times whether it holds a pair.
// Most pairs are not linked: a Bloom filter of 16 bits per link, two bits in one 64-bit word,
// answers most of them from the cache (about 1.5% false positives); the others are looked up
// in a table of open addressing, one cache miss each.
class LinkSet {
public:
    explicit LinkSet(const std::vector<std::uint64_t>& links) {
        std::size_t words = 1;
        while (64 * words < 16 * links.size()) {
            words *= 2;
        }
        m_maybe.assign(words, 0);
        std::size_t slots = 64;
        while (slots < 2 * links.size()) {
            slots *= 2;
        }
        m_slots.assign(slots, k_empty);
        for (std::uint64_t k : links) {
            const std::uint64_t h = mix(k);
            m_maybe[h & (m_maybe.size() - 1)] |= bits_of(h);
            std::size_t i = h & (slots - 1);
            while (m_slots[i] != k_empty && m_slots[i] != k) {
                i = (i + 1) & (slots - 1);
            }
            m_slots[i] = k;
        }
    }
    bool contains(std::uint64_t k) const {
        const std::uint64_t h = mix(k);
        const std::uint64_t b = bits_of(h);
        if ((m_maybe[h & (m_maybe.size() - 1)] & b) != b) {
            return false;
        }
        for (std::size_t i = h & (m_slots.size() - 1);; i = (i + 1) & (m_slots.size() - 1)) {
            if (m_slots[i] == k) {
                return true;
            }
            if (m_slots[i] == k_empty) {
                return false;
            }
        }
    }

private:
    static constexpr std::uint64_t k_empty = ~std::uint64_t(0); // no pair of two numbers
    static std::uint64_t bits_of(std::uint64_t h) {
        return (std::uint64_t(1) << ((h >> 40) & 63)) | (std::uint64_t(1) << ((h >> 52) & 63));
    }
    std::vector<std::uint64_t> m_maybe;
    std::vector<std::uint64_t> m_slots; // half empty at least, so every probe ends
};

bool better(const ScoredPair& x, const ScoredPair& y) {
    if (x.score != y.score) {
        return x.score > y.score;
    }
    return std::make_pair(x.a, x.b) < std::make_pair(y.a, y.b);
}

} // namespace

std::size_t SimilarityIndex::add(std::string_view text) {
    std::map<std::uint32_t, std::uint32_t> counts;
    for (auto& t : terms(text)) {
        auto it = m_terms.emplace(std::move(t), static_cast<std::uint32_t>(m_terms.size())).first;
        ++counts[it->second];
    }
    m_docs.emplace_back(counts.begin(), counts.end());
    return m_docs.size() - 1;
}

std::vector<ScoredPair> SimilarityIndex::pairs(double min_score, std::size_t limit, const Keep& keep,
                                               SimilarStats* stats) const {
    const auto n = static_cast<std::uint32_t>(m_docs.size()); // document numbers are 32-bit
    const std::size_t vocabulary = m_terms.size();
    std::vector<std::uint32_t> df(vocabulary, 0);
    for (const auto& d : m_docs) {
        for (auto [t, c] : d) {
            (void)c;
            ++df[t];
        }
    }
    // Common terms (in more than k_rare documents) get numbers of their own, 0, 1, ...: the
    // array that holds one document's common weights stays small.
    constexpr std::uint32_t none = ~std::uint32_t(0);
    std::vector<std::uint32_t> common_id(vocabulary, none);
    std::uint32_t commons = 0;
    for (std::size_t t = 0; t < vocabulary; ++t) {
        if (df[t] > k_rare) {
            common_id[t] = commons++;
        }
    }
    // Weights (1 + ln tf) * idf, idf = ln((1 + n) / (1 + df)) + 1, normalised per document,
    // in one array (document d's in [at[d], at[d + 1]), by term); and the SimHash of each
    // document with common terms: a 64-bit hash of its vector, one random hyperplane per bit,
    // so that two texts differ in a bit with probability angle / pi (Charikar 2002).
    std::vector<Entry> weights;
    std::vector<std::uint32_t> at(n + 1, 0);
    std::vector<std::uint64_t> signature(n, 0);
    std::vector<std::uint32_t> hashed; // the documents with common terms, by number
    for (std::size_t d = 0; d < n; ++d) {
        double norm = 0;
        for (auto [t, c] : m_docs[d]) {
            double idf = std::log((1.0 + static_cast<double>(n)) / (1.0 + df[t])) + 1.0;
            double x = (1.0 + std::log(static_cast<double>(c))) * idf;
            norm += x * x;
        }
        norm = std::sqrt(norm);
        bool common = false;
        double sum[64] = {};
        for (auto [t, c] : m_docs[d]) {
            double idf = std::log((1.0 + static_cast<double>(n)) / (1.0 + df[t])) + 1.0;
            auto x = static_cast<float>((1.0 + std::log(static_cast<double>(c))) * idf / norm);
            weights.push_back({t, x});
            common = common || common_id[t] != none;
            std::uint64_t plane = mix(t); // the sign of term t's coordinate in each bit's hyperplane
            for (int bit = 0; bit < 64; ++bit) {
                sum[bit] += ((plane >> bit) & 1) ? x : -x;
            }
        }
        at[d + 1] = static_cast<std::uint32_t>(weights.size());
        if (common) {
            hashed.push_back(static_cast<std::uint32_t>(d));
            for (int bit = 0; bit < 64; ++bit) {
                if (sum[bit] > 0) {
                    signature[d] |= std::uint64_t(1) << bit;
                }
            }
        }
    }
    // order[k]: the hashed documents by their signature rotated by k * 64 / k_orderings bits
    // (ties by number).
    std::vector<std::vector<std::uint32_t>> order(hashed.empty() ? 0 : k_orderings, hashed);
    for (std::size_t k = 0; k < order.size(); ++k) {
        const int rotate = static_cast<int>(k * 64 / k_orderings);
        auto key = [&](std::uint32_t d) {
            std::uint64_t s = signature[d];
            return rotate ? (s << rotate) | (s >> (64 - rotate)) : s;
        };
        std::sort(order[k].begin(), order[k].end(), [&](std::uint32_t x, std::uint32_t y) {
            auto kx = key(x);
            auto ky = key(y);
            return kx != ky ? kx < ky : x < y;
        });
    }
    // The work runs over the documents renumbered (u, v): the hashed ones in the first order,
    // then the others by number. Texts alike sit side by side in memory, which keeps the
    // exact scores of a crowd of near-identical texts in the cache. perm[u]: u's number.
    const auto hashed_count = static_cast<std::uint32_t>(hashed.size());
    std::vector<std::uint32_t> perm = order.empty() ? std::vector<std::uint32_t>{} : order[0];
    std::vector<std::uint32_t> rank(n, 0);
    {
        std::vector<char> in(n, 0);
        for (std::uint32_t d : perm) {
            in[d] = 1;
        }
        for (std::size_t d = 0; d < n; ++d) {
            if (!in[d]) {
                perm.push_back(static_cast<std::uint32_t>(d));
            }
        }
        for (std::size_t u = 0; u < n; ++u) {
            rank[perm[u]] = static_cast<std::uint32_t>(u);
        }
    }
    // Per document u: its rare terms' weights in [from[u], mid[u]) (by term), its common ones in
    // [mid[u], from[u + 1]) (by common number); the rare terms' postings, by u.
    std::vector<Entry> doc;
    doc.reserve(weights.size());
    std::vector<std::uint32_t> from(n + 1, 0), mid(n, 0);
    std::vector<std::uint32_t> posting_at(vocabulary + 1, 0);
    for (std::size_t u = 0; u < n; ++u) {
        const std::uint32_t d = perm[u];
        for (std::uint32_t e = at[d]; e < at[d + 1]; ++e) {
            if (common_id[weights[e].term] == none) {
                doc.push_back(weights[e]);
                ++posting_at[weights[e].term + 1];
            }
        }
        mid[u] = static_cast<std::uint32_t>(doc.size());
        for (std::uint32_t e = at[d]; e < at[d + 1]; ++e) {
            if (common_id[weights[e].term] != none) {
                doc.push_back({common_id[weights[e].term], weights[e].weight});
            }
        }
        from[u + 1] = static_cast<std::uint32_t>(doc.size());
    }
    std::vector<Span> common_of(n); // [mid[u], from[u + 1]), what scoring reads of a candidate
    for (std::size_t u = 0; u < n; ++u) {
        common_of[u] = {mid[u], from[u + 1]};
    }
    weights = {};
    at = {};
    for (std::size_t t = 0; t < vocabulary; ++t) {
        posting_at[t + 1] += posting_at[t];
    }
    std::vector<Entry> postings(posting_at[vocabulary]); // (u, weight) of each rare term, by u
    {
        std::vector<std::uint32_t> fill(posting_at.begin(), posting_at.end() - 1);
        for (std::size_t u = 0; u < n; ++u) {
            for (std::uint32_t e = from[u]; e < mid[u]; ++e) {
                postings[fill[doc[e].term]++] = {static_cast<std::uint32_t>(u), doc[e].weight};
            }
        }
    }
    // place[k][u]: u's index in order k (u itself in the first order); order k in the new numbers.
    std::vector<std::vector<std::uint32_t>> place(order.size(), std::vector<std::uint32_t>(hashed_count, 0));
    for (std::size_t k = 0; k < order.size(); ++k) {
        for (std::size_t i = 0; i < order[k].size(); ++i) {
            order[k][i] = rank[order[k][i]];
            place[k][order[k][i]] = static_cast<std::uint32_t>(i);
        }
    }
    // Candidates of document u: every later document that shares a rare term with it (a
    // posting list of at most k_rare), found by accumulating the dot products over those
    // terms; and, for a document with common terms, the k_neighbours hashed documents on
    // either side of it in each of the k_orderings orders. The exact score of every candidate
    // is then computed. Work per document: at most k_rare postings per rare term and
    // 2 * k_orderings * k_neighbours hashed neighbours, whatever the vocabulary. The
    // candidates do not depend on min_score, which only filters: a lower threshold never
    // loses a pair.
    auto worse_first = [](const ScoredPair& x, const ScoredPair& y) { return better(x, y); };
    std::priority_queue<ScoredPair, std::vector<ScoredPair>, decltype(worse_first)> best(worse_first);
    std::vector<ScoredPair> all;
    SimilarStats counted;
    std::vector<double> acc(n, 0.0); // dot product over the rare terms
    std::vector<char> touched_mark(n, 0);
    std::vector<std::uint32_t> touched;
    std::vector<float> common_weight(commons, 0.0f); // document u's common part, by common number
    std::vector<std::uint32_t> alike(hashed_count, 0); // neighbours in the first order scoring min_score or more
    auto touch = [&](std::uint32_t v) {
        if (!touched_mark[v]) {
            touched_mark[v] = 1;
            touched.push_back(v);
        }
    };
    // sum plus the dot product of document u's common part (in common_weight) with v's.
    auto common_dot = [&doc, &common_of, &common_weight](std::uint32_t v, double sum) {
        const Entry* end = doc.data() + common_of[v].end;
        for (const Entry* e = doc.data() + common_of[v].begin; e != end; ++e) {
            sum += static_cast<double>(common_weight[e->term]) * e->weight;
        }
        return sum;
    };
    for (std::uint32_t u = 0; u < n; ++u) {
        for (std::uint32_t e = from[u]; e < mid[u]; ++e) {
            const float x = doc[e].weight;
            auto it = postings.begin() + posting_at[doc[e].term];
            const auto end = postings.begin() + posting_at[doc[e].term + 1];
            it = std::upper_bound(it, end, u, [](std::uint32_t v, const Entry& p) { return v < p.term; });
            for (; it != end; ++it) {
                touch(it->term);
                acc[it->term] += static_cast<double>(x) * it->weight;
            }
        }
        if (u < hashed_count) {
            for (std::size_t k = 0; k < order.size(); ++k) {
                const auto& o = order[k];
                const std::size_t here = place[k][u];
                const std::size_t end = std::min(o.size(), here + k_neighbours + 1);
                for (std::size_t i = here > k_neighbours ? here - k_neighbours : 0; i < end; ++i) {
                    if (o[i] > u) {
                        touch(o[i]);
                    }
                }
            }
        }
        for (std::uint32_t e = mid[u]; e < from[u + 1]; ++e) {
            common_weight[doc[e].term] = doc[e].weight;
        }
        counted.scored += touched.size();
        // At 100,000 texts the candidates' data are no longer in the cache, and most candidates
        // lie far apart in memory: ask for what each needs ahead of it, in two steps (where its
        // weights are, 2 * ahead candidates ahead; then the weights themselves, ahead).
        constexpr std::size_t ahead = 8;
        auto where = [&](std::uint32_t v) {
            __builtin_prefetch(&common_of[v]);
            __builtin_prefetch(&acc[v]);
            __builtin_prefetch(&perm[v]);
        };
        auto what = [&](std::uint32_t v) {
            const Span s = common_of[v];
            const char* line = reinterpret_cast<const char*>(doc.data() + s.begin);
            const char* end = reinterpret_cast<const char*>(doc.data() + s.end);
            for (; line < end; line += 64) { // a long text's weights span several cache lines
                __builtin_prefetch(line);
            }
            if (s.end > s.begin) {
                __builtin_prefetch(end - 1);
            }
        };
        for (std::size_t c = 0; c < std::min(2 * ahead, touched.size()); ++c) {
            where(touched[c]);
        }
        for (std::size_t c = 0; c < std::min(ahead, touched.size()); ++c) {
            what(touched[c]);
        }
        for (std::size_t c = 0; c < touched.size(); ++c) {
            const std::uint32_t v = touched[c];
            if (c + 2 * ahead < touched.size()) {
                where(touched[c + 2 * ahead]);
            }
            if (c + ahead < touched.size()) {
                what(touched[c + ahead]);
            }
            double score = std::min(common_dot(v, acc[v]), 1.0);
            acc[v] = 0.0;
            touched_mark[v] = 0;
            if (score + 1e-9 < min_score) {
                continue;
            }
            if (v < hashed_count && v - u <= k_neighbours) {
                ++alike[u];
                ++alike[v];
            }
            ScoredPair sp{std::min(perm[u], perm[v]), std::max(perm[u], perm[v]), score};
            if (!keep(sp.a, sp.b)) {
                continue;
            }
            if (limit == 0) {
                all.push_back(sp);
            } else if (best.size() < limit) {
                best.push(sp);
            } else if (better(sp, best.top())) {
                best.pop();
                best.push(sp);
            }
        }
        for (std::uint32_t e = mid[u]; e < from[u + 1]; ++e) {
            common_weight[doc[e].term] = 0.0f;
        }
        touched.clear();
    }
    for (std::uint32_t a : alike) {
        counted.crowded += a >= 2 * k_neighbours;
    }
    if (stats) {
        *stats = counted;
    }
    while (!best.empty()) {
        all.push_back(best.top());
        best.pop();
    }
    std::sort(all.begin(), all.end(), better);
    return all;
}

namespace {

// The search over the commitments among nodes and the references among edges.
SimilarResult find_similar_in(const std::vector<Node>& nodes, const std::vector<Edge>& edges,
                              const SimilarRequest& request) {
    std::vector<const Node*> commitments;
    SimilarityIndex index;
    // The commitments and their statements by number, to test links without building strings:
    // commitment c is number c, its statement parent[c].
    std::unordered_map<std::string_view, std::uint32_t> number;
    number.reserve(nodes.size() + 1);
    auto number_of = [&](const std::string& id) {
        return number.emplace(id, static_cast<std::uint32_t>(number.size())).first->second;
    };
    for (const Node& n : nodes) {
        if (n.kind == Kind::commitment) {
            number_of(n.id);
            commitments.push_back(&n);
            index.add(n.title);
        }
    }
    std::vector<std::uint32_t> parent;
    parent.reserve(commitments.size());
    for (const Node* n : commitments) {
        parent.push_back(number_of(n->parent));
    }
    // Records already linked by a reference, either way (commitments or statements).
    auto key = [](std::uint32_t a, std::uint32_t b) {
        return a < b ? (std::uint64_t(a) << 32) | b : (std::uint64_t(b) << 32) | a;
    };
    std::vector<std::uint64_t> links;
    for (const Edge& e : edges) {
        auto s = number.find(e.source);
        auto t = number.find(e.target);
        if (e.field == "references" && s != number.end() && t != number.end()) {
            links.push_back(key(s->second, t->second));
        }
    }
    const LinkSet linked(links);
    auto is_linked = [&linked, &key](std::uint32_t p, std::uint32_t q) { return linked.contains(key(p, q)); };
    SimilarResult out;
    auto keep = [&](std::size_t a, std::size_t b) {
        if (parent[a] == parent[b]) {
            return false;
        }
        for (std::uint32_t p : {static_cast<std::uint32_t>(a), parent[a]}) {
            for (std::uint32_t q : {static_cast<std::uint32_t>(b), parent[b]}) {
                if (is_linked(p, q)) {
                    return false;
                }
            }
        }
        ++out.found; // asked only about pairs at or above the threshold
        return true;
    };
    SimilarStats stats;
    for (const auto& p : index.pairs(request.min_score, request.limit, keep, &stats)) {
        const Node* x = commitments[p.a];
        const Node* y = commitments[p.b];
        if (std::make_pair(x->date, x->id) < std::make_pair(y->date, y->id)) {
            std::swap(x, y);
        }
        // What the later text does to the earlier one, by its action: a repeated note or
        // recall recalls it, a "continue" follows it up, anything else reaffirms it.
        std::string relation = (x->action == "recall" || x->action == "note") ? "recalls"
                               : x->action == "continue"                      ? "follows-up"
                                                                              : "reaffirms";
        out.pairs.push_back({x, y, p.score, relation});
    }
    out.crowded = stats.crowded;
    return out;
}

} // namespace

SimilarResult find_similar(const Graph& graph, const SimilarRequest& request) {
    return find_similar_in(graph.nodes(), graph.edges(), request);
}

SimilarResult find_similar(const CommitmentTexts& texts, const SimilarRequest& request) {
    return find_similar_in(texts.commitments, texts.references, request);
}

} // namespace accord::xref
