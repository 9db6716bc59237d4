#include "accord/xref/similar.hpp"

#include "accord/report/table.hpp"
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

// A term is "very common" above this many documents (and 5% of them).
constexpr std::size_t k_min_common = 64;

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
    const std::size_t common = std::max(k_min_common, n / 20);
    // Weights (1 + ln tf) * idf, idf = ln((1 + n) / (1 + df)) + 1, normalised per document;
    // each document split into its indexed terms and its very common ones.
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
            auto& side = df[t] > common ? docs[i].common : docs[i].rare;
            side.emplace_back(t, static_cast<float>(x / norm));
        }
    }
    // Postings of the indexed terms, by document. A pair that shares no indexed term scores
    // at most |common part of a| * |common part of b| (Cauchy-Schwarz), so it can reach
    // min_score only when both documents have a common part of norm >= min_score: those
    // documents are also indexed by their common terms, among themselves. No pair at or
    // above min_score is missed.
    std::vector<std::vector<std::pair<std::uint32_t, float>>> postings(vocabulary), heavy_postings(vocabulary);
    std::vector<char> heavy(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        for (auto [t, x] : docs[i].rare) {
            postings[t].emplace_back(static_cast<std::uint32_t>(i), x);
        }
        double common_norm = 0;
        for (auto [t, x] : docs[i].common) {
            common_norm += static_cast<double>(x) * x;
        }
        if (!docs[i].common.empty() && std::sqrt(common_norm) + 1e-6 >= min_score) {
            heavy[i] = 1;
            for (auto [t, x] : docs[i].common) {
                heavy_postings[t].emplace_back(static_cast<std::uint32_t>(i), x);
            }
        }
    }
    auto worse_first = [](const ScoredPair& x, const ScoredPair& y) { return better(x, y); };
    std::priority_queue<ScoredPair, std::vector<ScoredPair>, decltype(worse_first)> best(worse_first);
    std::vector<ScoredPair> all;
    std::vector<double> acc(n, 0.0); // dot product over the indexed terms
    std::vector<char> touched_mark(n, 0);
    std::vector<std::uint32_t> touched;
    auto later_than = [](std::uint32_t i, const std::vector<std::pair<std::uint32_t, float>>& p) {
        return std::upper_bound(p.begin(), p.end(), i, [](std::uint32_t v, const auto& e) { return v < e.first; });
    };
    for (std::size_t i = 0; i < n; ++i) {
        const auto me = static_cast<std::uint32_t>(i);
        for (auto [t, x] : docs[i].rare) {
            const auto& p = postings[t];
            for (auto it = later_than(me, p); it != p.end(); ++it) {
                if (!touched_mark[it->first]) {
                    touched_mark[it->first] = 1;
                    touched.push_back(it->first);
                }
                acc[it->first] += static_cast<double>(x) * it->second;
            }
        }
        if (heavy[i]) {
            for (auto [t, x] : docs[i].common) {
                (void)x;
                const auto& p = heavy_postings[t];
                for (auto it = later_than(me, p); it != p.end(); ++it) {
                    if (!touched_mark[it->first]) {
                        touched_mark[it->first] = 1;
                        touched.push_back(it->first);
                    }
                }
            }
        }
        for (std::uint32_t j : touched) {
            double score = acc[j];
            acc[j] = 0.0;
            touched_mark[j] = 0;
            // The very common terms both texts share.
            const auto& ci = docs[i].common;
            const auto& cj = docs[j].common;
            for (std::size_t a = 0, b = 0; a < ci.size() && b < cj.size();) {
                if (ci[a].first < cj[b].first) {
                    ++a;
                } else if (cj[b].first < ci[a].first) {
                    ++b;
                } else {
                    score += static_cast<double>(ci[a++].second) * cj[b++].second;
                }
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
        touched.clear();
    }
    while (!best.empty()) {
        all.push_back(best.top());
        best.pop();
    }
    std::sort(all.begin(), all.end(), better);
    return all;
}

std::vector<SimilarPair> find_similar(const Graph& graph, const SimilarRequest& request) {
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
        return true;
    };
    std::vector<SimilarPair> out;
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
        out.push_back({x, y, p.score, relation});
    }
    return out;
}

void write_similar_text(std::ostream& out, const std::vector<SimilarPair>& pairs) {
    for (const auto& p : pairs) {
        fmt::print(out, "{:.2f}  {} ({}) ~ {} ({})\n", p.score, p.later->id, p.later->date, p.earlier->id,
                   p.earlier->date);
        fmt::print(out, "      {}\n      {}\n", shorten(p.later->title, 90), shorten(p.earlier->title, 90));
    }
}

void write_similar_json(std::ostream& out, const std::vector<SimilarPair>& pairs) {
    auto side = [](const Node* n) {
        return fmt::format("{{\"id\": {}, \"statement\": {}, \"date\": {}, \"text\": {}}}", json_quote(n->id),
                           json_quote(n->parent), n->date.empty() ? std::string("null") : json_quote(n->date),
                           json_quote(n->title));
    };
    out << "[";
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        const auto& p = pairs[i];
        fmt::print(out, "{}\n {{\"score\": {:.3f}, \"relation\": {}, \"later\": {}, \"earlier\": {}}}", i ? "," : "",
                   p.score, json_quote(p.relation), side(p.later), side(p.earlier));
    }
    out << (pairs.empty() ? "]\n" : "\n]\n");
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
            fmt::print(out, "  - {{relation: {}, target: {}}} # {:.2f} {}\n", p->relation, p->earlier->id, p->score,
                       shorten(p->earlier->title, 60));
        }
    }
}

} // namespace accord::xref
