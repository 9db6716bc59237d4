// `accord xref similar`'s output: the pairs as a table, as JSON, or as references to paste.
#include "accord/text/strings.hpp"
#include "accord/xref/similar.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <map>

namespace accord::xref {

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
