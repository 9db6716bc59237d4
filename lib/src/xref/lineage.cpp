// build_lineage(): the steps of a record's lineage, up and down the reference graph, from one depth-first walk with its own stack.
#include "accord/xref/lineage.hpp"

#include "accord/error.hpp"
#include "accord/text/strings.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace accord::xref {

namespace {

// The references of `id` as one level sees them: a dialogue makes none of its own, its
// statements speak for it.
void references_made(const Graph& graph, const std::string& id, std::vector<const Edge*>& out) {
    const Node* n = graph.find(id);
    if (n && n->kind == Kind::dialogue) {
        for (const Node* s : graph.children(id)) {
            references_made(graph, s->id, out);
        }
        return;
    }
    for (const Edge* e : graph.edges_from(id)) {
        if (e->field == "references") {
            out.push_back(e);
        }
    }
}

class Builder {
public:
    explicit Builder(const Graph& graph) : m_graph(graph) {}

    // What `ids` reference (back).
    std::vector<const Edge*> made_by(const std::vector<std::string>& ids) const {
        std::vector<const Edge*> out;
        for (const auto& id : ids) {
            references_made(m_graph, id, out);
        }
        return out;
    }

    // What references `ids` (forward), later records first by date; ties: the earlier in
    // `ids`, then by source id.
    std::vector<const Edge*> naming(const std::vector<std::string>& ids) const {
        std::vector<std::pair<const Edge*, std::size_t>> edges;
        for (std::size_t rank = 0; rank < ids.size(); ++rank) {
            for (const Edge* e : m_graph.edges_to(ids[rank])) {
                if (e->field == "references") {
                    edges.emplace_back(e, rank);
                }
            }
        }
        std::stable_sort(edges.begin(), edges.end(), [&](const auto& a, const auto& b) {
            return std::tie(date_of(a.first->source), a.second, a.first->source) <
                   std::tie(date_of(b.first->source), b.second, b.first->source);
        });
        std::vector<const Edge*> out;
        out.reserve(edges.size());
        for (const auto& [e, rank] : edges) {
            out.push_back(e);
        }
        return out;
    }

    // The steps from `first`, depth first, with an explicit stack: each record is followed
    // once (seen), a record met again is a repeated step.
    std::vector<LineageStep> walk(std::vector<const Edge*> first, bool forward,
                                  std::unordered_set<std::string_view>& seen) const {
        struct Frame {
            std::vector<const Edge*> edges;
            std::size_t next = 0;
        };
        std::vector<LineageStep> out;
        std::vector<Frame> stack;
        stack.push_back({std::move(first), 0});
        while (!stack.empty()) {
            Frame& top = stack.back();
            if (top.next == top.edges.size()) {
                stack.pop_back();
                continue;
            }
            const Edge* e = top.edges[top.next++];
            LineageStep step{e, stack.size(), false};
            const std::string& node = forward ? e->source : e->target;
            step.repeated = !seen.insert(node).second;
            out.push_back(step);
            if (step.repeated) {
                continue;
            }
            std::vector<const Edge*> next = forward ? naming(level_of(node)) : made_by({node});
            if (!next.empty()) {
                stack.push_back({std::move(next), 0}); // `top` is not used after this
            }
        }
        return out;
    }

private:
    const std::string& date_of(const std::string& id) const {
        static const std::string none;
        const Node* n = m_graph.find(id);
        return n ? n->date : none;
    }

    // The records a reference to `id` reaches at its level: a statement with its dialogue
    // (a dialogue speaks through its statements), anything else alone.
    std::vector<std::string> level_of(const std::string& id) const {
        const Node* n = m_graph.find(id);
        if (n && n->kind == Kind::statement && !n->parent.empty()) {
            return {id, n->parent};
        }
        return {id};
    }

    const Graph& m_graph;
};

} // namespace

Lineage build_lineage(const Graph& graph, const std::string& id) {
    const Node* root = graph.find(id);
    if (!root) {
        throw DataError(fmt::format("no record '{}'", id));
    }
    if (root->kind != Kind::commitment && root->kind != Kind::statement) {
        throw UsageError(fmt::format("'{}' is a {}: lineage is of a commitment or a statement", id,
                                     to_string(root->kind)));
    }
    Lineage l;
    l.root = id;
    Builder b(graph);
    // A reference names one record: a commitment's chain is its own, and its statement's and
    // dialogue's references are context. A statement's chain covers its commitments (they are
    // part of it) and its dialogue (which speaks through its statements).
    std::vector<std::string> own{id};
    std::vector<std::string> named{id};
    if (root->kind == Kind::commitment) {
        l.commitments.push_back(id);
        if (const Node* s = graph.find(root->parent)) {
            for (const Edge* e : b.made_by({s->id})) {
                l.context_back.push_back({e, 1, false});
            }
            std::vector<std::string> context{s->id};
            if (!s->parent.empty()) {
                context.push_back(s->parent);
            }
            std::vector<const Edge*> to = b.naming(context);
            for (const Edge* e : to) {
                if (e->source != id) {
                    l.context_forward.push_back({e, 1, false});
                }
            }
        }
    } else {
        for (const Node* c : graph.children(id)) {
            l.commitments.push_back(c->id);
            own.push_back(c->id);
            named.push_back(c->id);
        }
        if (!root->parent.empty()) {
            named.push_back(root->parent);
        }
    }
    // One set for both directions: a record of a cycle, shown going back, is "see above"
    // going forward.
    std::unordered_set<std::string_view> seen(own.begin(), own.end());
    l.back = b.walk(b.made_by(own), false, seen);
    l.forward = b.walk(b.naming(named), true, seen);
    return l;
}
} // namespace accord::xref
