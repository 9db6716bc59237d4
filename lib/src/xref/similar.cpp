// `accord xref similar`: TF-IDF over stems between commitments.
#include "accord/xref/similar.hpp"

#include "accord/text/strings.hpp"
#include "accord/xref/text.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <queue>
#include <set>
#include <unordered_set>

namespace accord::xref {

namespace {

std::uint64_t mix(std::uint64_t z) {
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

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

std::vector<ScoredPair> SimilarityIndex::pairs(double min_score, std::size_t limit,
                                               const std::function<bool(std::size_t, std::size_t)>& keep) const {
    const std::size_t n = m_docs.size();
    const std::size_t vocabulary = m_terms.size();
    std::vector<std::uint32_t> df(vocabulary, 0);
    for (const auto& d : m_docs) {
        for (auto [t, c] : d) {
            (void)c;
            ++df[t];
        }
    }
    // Weights (1 + ln tf) * idf, idf = ln((1 + n) / (1 + df)) + 1, normalised per document;
    // each document split into its rare terms (in at most k_rare documents) and its common ones.
    struct Weighted {
        std::vector<std::pair<std::uint32_t, float>> rare, common;
    };
    std::vector<Weighted> docs(n);
    for (std::size_t i = 0; i < n; ++i) {
        double norm = 0;
        std::vector<std::pair<std::uint32_t, double>> w;
        for (auto [t, c] : m_docs[i]) {
            double idf = std::log((1.0 + static_cast<double>(n)) / (1.0 + df[t])) + 1.0;
            double x = (1.0 + std::log(static_cast<double>(c))) * idf;
            w.emplace_back(t, x);
            norm += x * x;
        }
        norm = std::sqrt(norm);
        for (auto [t, x] : w) {
            auto& side = df[t] > k_rare ? docs[i].common : docs[i].rare;
            side.emplace_back(t, static_cast<float>(x / norm));
        }
    }
    // Candidates of document i: every later document that shares a rare term with it (a
    // posting list of at most k_rare), found by accumulating the dot products over those
    // terms; and, for a document with common terms, the k_neighbours documents with common
    // terms on either side of it in each of k_orderings orders by SimHash: a 64-bit hash of
    // the document's vector, one random hyperplane per bit, so that two texts differ in a
    // bit with probability angle / pi (Charikar 2002), read from k_orderings starting bits.
    // The exact score of every candidate is then computed. Work per document: at most k_rare
    // postings per rare term and 2 * k_orderings * k_neighbours hashed neighbours, whatever
    // the vocabulary. The candidates do not depend on min_score, which only filters: a lower
    // threshold never loses a pair.
    std::vector<std::vector<std::pair<std::uint32_t, float>>> postings(vocabulary);
    std::vector<std::uint32_t> hashed; // the documents with common terms, by number
    std::vector<std::uint64_t> signature(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        for (auto [t, x] : docs[i].rare) {
            postings[t].emplace_back(static_cast<std::uint32_t>(i), x);
        }
        if (docs[i].common.empty()) {
            continue;
        }
        hashed.push_back(static_cast<std::uint32_t>(i));
        double sum[64] = {};
        for (const auto* part : {&docs[i].rare, &docs[i].common}) {
            for (auto [t, x] : *part) {
                std::uint64_t plane = mix(t); // the sign of term t's coordinate in each bit's hyperplane
                for (int bit = 0; bit < 64; ++bit) {
                    sum[bit] += ((plane >> bit) & 1) ? x : -x;
                }
            }
        }
        for (int bit = 0; bit < 64; ++bit) {
            if (sum[bit] > 0) {
                signature[i] |= std::uint64_t(1) << bit;
            }
        }
    }
    // order[k]: the hashed documents by their signature rotated by k * 64 / k_orderings bits
    // (ties by number); place[k][i]: document i's index in it.
    std::vector<std::vector<std::uint32_t>> order(hashed.empty() ? 0 : k_orderings, hashed);
    std::vector<std::vector<std::uint32_t>> place(order.size(), std::vector<std::uint32_t>(n, 0));
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
        for (std::size_t at = 0; at < order[k].size(); ++at) {
            place[k][order[k][at]] = static_cast<std::uint32_t>(at);
        }
    }
    auto worse_first = [](const ScoredPair& x, const ScoredPair& y) { return better(x, y); };
    std::priority_queue<ScoredPair, std::vector<ScoredPair>, decltype(worse_first)> best(worse_first);
    std::vector<ScoredPair> all;
    std::vector<double> acc(n, 0.0); // dot product over the rare terms
    std::vector<char> touched_mark(n, 0);
    std::vector<std::uint32_t> touched;
    std::vector<float> common_weight(vocabulary, 0.0f); // document i's common part, by term
    auto touch = [&](std::uint32_t j) {
        if (!touched_mark[j]) {
            touched_mark[j] = 1;
            touched.push_back(j);
        }
    };
    for (std::size_t i = 0; i < n; ++i) {
        const auto me = static_cast<std::uint32_t>(i);
        for (auto [t, x] : docs[i].rare) {
            const auto& p = postings[t];
            auto it = std::upper_bound(p.begin(), p.end(), me, [](std::uint32_t v, const auto& e) { return v < e.first; });
            for (; it != p.end(); ++it) {
                touch(it->first);
                acc[it->first] += static_cast<double>(x) * it->second;
            }
        }
        if (!docs[i].common.empty()) {
            for (std::size_t k = 0; k < order.size(); ++k) {
                const auto& o = order[k];
                const std::size_t at = place[k][i];
                const std::size_t end = std::min(o.size(), at + k_neighbours + 1);
                for (std::size_t x = at > k_neighbours ? at - k_neighbours : 0; x < end; ++x) {
                    if (o[x] > me) {
                        touch(o[x]);
                    }
                }
            }
        }
        for (auto [t, x] : docs[i].common) {
            common_weight[t] = x;
        }
        for (std::uint32_t j : touched) {
            double score = acc[j];
            acc[j] = 0.0;
            touched_mark[j] = 0;
            for (auto [t, x] : docs[j].common) { // the common terms both texts share
                score += static_cast<double>(common_weight[t]) * x;
            }
            score = std::min(score, 1.0);
            if (score + 1e-9 < min_score || !keep(i, j)) {
                continue;
            }
            ScoredPair sp{i, j, score};
            if (limit == 0) {
                all.push_back(sp);
            } else if (best.size() < limit) {
                best.push(sp);
            } else if (better(sp, best.top())) {
                best.pop();
                best.push(sp);
            }
        }
        for (auto [t, x] : docs[i].common) {
            (void)x;
            common_weight[t] = 0.0f;
        }
        touched.clear();
    }
    while (!best.empty()) {
        all.push_back(best.top());
        best.pop();
    }
    std::sort(all.begin(), all.end(), better);
    return all;
}

SimilarResult find_similar(const Graph& graph, const SimilarRequest& request) {
    std::vector<const Node*> commitments;
    SimilarityIndex index;
    for (const Node& n : graph.nodes()) {
        if (n.kind == Kind::commitment) {
            commitments.push_back(&n);
            index.add(n.title);
        }
    }
    // Records already linked by a reference, either way (commitments or statements).
    std::unordered_set<std::string> linked;
    auto key = [](const std::string& a, const std::string& b) { return a < b ? a + '\n' + b : b + '\n' + a; };
    for (const Edge& e : graph.edges()) {
        if (e.field == "references") {
            linked.insert(key(e.source, e.target));
        }
    }
    SimilarResult out;
    auto keep = [&](std::size_t a, std::size_t b) {
        const Node& x = *commitments[a];
        const Node& y = *commitments[b];
        if (x.parent == y.parent) {
            return false;
        }
        for (const auto* p : {&x.id, &x.parent}) {
            for (const auto* q : {&y.id, &y.parent}) {
                if (linked.count(key(*p, *q))) {
                    return false;
                }
            }
        }
        ++out.found; // asked only about pairs at or above the threshold
        return true;
    };
    for (const auto& p : index.pairs(request.min_score, request.limit, keep)) {
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
    return out;
}

void write_similar_text(std::ostream& out, const std::vector<SimilarPair>& pairs) {
    for (const auto& p : pairs) {
        fmt::print(out, "{:.2f}  {} ({}) ~ {} ({})\n", p.score, p.later->id, p.later->date, p.earlier->id,
                   p.earlier->date);
        fmt::print(out, "      {}\n      {}\n", text::shorten(p.later->title, 90), text::shorten(p.earlier->title, 90));
    }
}

void write_similar_json(std::ostream& out, const std::vector<SimilarPair>& pairs) {
    auto side = [](const Node* n) {
        return fmt::format("{{\"id\": {}, \"statement\": {}, \"date\": {}, \"text\": {}}}", text::json_quote(n->id),
                           text::json_quote(n->parent), n->date.empty() ? std::string("null") : text::json_quote(n->date),
                           text::json_quote(n->title));
    };
    out << "[";
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        const auto& p = pairs[i];
        fmt::print(out, "{}\n {{\"score\": {:.3f}, \"relation\": {}, \"later\": {}, \"earlier\": {}}}", i ? "," : "",
                   p.score, text::json_quote(p.relation), side(p.later), side(p.earlier));
    }
    out << (pairs.empty() ? "]\n" : "\n]\n");
}

std::string reference_of(const SimilarPair& pair) {
    return fmt::format("{{relation: {}, target: {}}}", pair.relation, pair.earlier->id);
}

void write_similar_suggestions(std::ostream& out, const std::vector<SimilarPair>& pairs) {
    // Grouped by the later commitment, in order of each group's best pair.
    std::vector<const Node*> order;
    std::map<const Node*, std::vector<const SimilarPair*>> groups;
    for (const auto& p : pairs) {
        auto& g = groups[p.later];
        if (g.empty()) {
            order.push_back(p.later);
        }
        g.push_back(&p);
    }
    for (std::size_t i = 0; i < order.size(); ++i) {
        const Node* later = order[i];
        fmt::print(out, "{}# commitment {} (statement {}, {}): check each relation, then add\n", i ? "\n" : "",
                   later->id, later->parent, later->date);
        out << "references:\n";
        for (const SimilarPair* p : groups[later]) {
            fmt::print(out, "  - {} # {:.2f} {}\n", reference_of(*p), p->score, text::shorten(p->earlier->title, text::k_short_text));
        }
    }
}

} // namespace accord::xref
