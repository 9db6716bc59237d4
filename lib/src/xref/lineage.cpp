#include "accord/xref/lineage.hpp"

#include "accord/error.hpp"
#include "accord/report/table.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace accord::xref {

namespace {

// The records a node stands for: a statement for its commitments and its dialogue's
// references to it, a dialogue for its statements and their commitments.
std::vector<std::string> members(const Graph& graph, const Node& node, bool forward) {
    std::vector<std::string> out{node.id};
    if (node.kind == Kind::statement) {
        for (const Node* c : graph.children(node.id)) {
            out.push_back(c->id);
        }
        if (forward && !node.parent.empty()) {
            out.push_back(node.parent); // "recalls the Fourth Dialogue" reaches its statement
        }
    } else if (node.kind == Kind::dialogue) {
        for (const Node* s : graph.children(node.id)) {
            out.push_back(s->id);
            for (const Node* c : graph.children(s->id)) {
                out.push_back(c->id);
            }
        }
    }
    return out;
}

class Builder {
public:
    explicit Builder(const Graph& graph) : m_graph(graph) {}

    std::vector<LineageStep> back(const std::vector<std::string>& from, std::set<std::string>& seen) {
        std::vector<LineageStep> out;
        for (const auto& m : from) {
            for (const Edge* e : m_graph.edges_from(m)) {
                if (e->field != "references") {
                    continue;
                }
                LineageStep s{e->relation, e->source, e->target, e->target, false, {}};
                expand(s, seen, false);
                out.push_back(std::move(s));
            }
        }
        return out;
    }

    std::vector<LineageStep> forward(const std::vector<std::string>& to, std::set<std::string>& seen) {
        // (edge, rank of its target in `to`): the node itself comes before its statement or dialogue.
        std::vector<std::pair<const Edge*, std::size_t>> edges;
        for (std::size_t rank = 0; rank < to.size(); ++rank) {
            for (const Edge* e : m_graph.edges_to(to[rank])) {
                if (e->field == "references") {
                    edges.emplace_back(e, rank);
                }
            }
        }
        // Later records in date order.
        std::stable_sort(edges.begin(), edges.end(), [&](const auto& a, const auto& b) {
            return std::make_tuple(date_of(a.first->source), a.second, a.first->source) <
                   std::make_tuple(date_of(b.first->source), b.second, b.first->source);
        });
        std::vector<LineageStep> out;
        for (auto [e, rank] : edges) {
            (void)rank;
            LineageStep s{e->relation, e->source, e->target, e->source, false, {}};
            expand(s, seen, true);
            out.push_back(std::move(s));
        }
        return out;
    }

private:
    std::string date_of(const std::string& id) const {
        const Node* n = m_graph.find(id);
        return n ? n->date : std::string();
    }

    void expand(LineageStep& s, std::set<std::string>& seen, bool forward) {
        if (!seen.insert(s.node).second) {
            s.repeated = true;
            return;
        }
        const Node* n = m_graph.find(s.node);
        if (!n) {
            return; // a dangling reference: `xref check` reports it
        }
        std::vector<std::string> m = n->kind == Kind::commitment ? std::vector<std::string>{n->id}
                                                                 : members(m_graph, *n, forward);
        s.steps = forward ? this->forward(m, seen) : back(m, seen);
    }

    const Graph& m_graph;
};

// ---- shared helpers for the writers -------------------------------------------------

std::string describe_node(const Node& n, std::size_t width) {
    std::vector<std::string> facts;
    if (!n.date.empty()) {
        facts.push_back(n.date);
    }
    if (n.kind == Kind::commitment) {
        if (!n.due.empty()) {
            facts.push_back("due " + n.due);
        }
        facts.push_back(n.status);
    } else if (n.kind == Kind::program) {
        if (!n.type.empty()) {
            facts.push_back(n.type);
        }
        if (!n.status.empty()) {
            facts.push_back(n.status);
        }
    }
    std::string f;
    for (const auto& x : facts) {
        f += (f.empty() ? "" : ", ") + x;
    }
    return fmt::format("{} {}{}: {}", to_string(n.kind), n.id, f.empty() ? "" : " (" + f + ")",
                       shorten(n.title, width));
}

std::string describe_id(const Graph& graph, const std::string& id, std::size_t width) {
    const Node* n = graph.find(id);
    return n ? describe_node(*n, width) : fmt::format("{} (no such record)", id);
}

std::string describe_event(const ProgressEvent& p, std::size_t width) {
    std::string s = p.date + " " + p.status;
    if (!p.party.empty()) {
        s += ", party " + p.party;
    }
    if (!p.evidence.empty()) {
        s += ", evidence " + p.evidence;
    }
    if (!p.note.empty()) {
        s += ": " + shorten(p.note, width);
    }
    return s;
}

std::vector<const Node*> programs_of(const Graph& graph, const std::string& commitment) {
    std::vector<const Node*> out;
    for (const Edge* e : graph.edges_to(commitment)) {
        if (e->relation == "implements") {
            if (const Node* p = graph.find(e->source)) {
                out.push_back(p);
            }
        }
    }
    return out;
}

// ---- tree ---------------------------------------------------------------------------

constexpr std::size_t k_tree_width = 70;

void write_steps(std::ostream& out, const Graph& graph, const std::vector<LineageStep>& steps,
                 const std::string& parent, bool forward, int depth) {
    for (const auto& s : steps) {
        std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
        std::string prefix;
        if (forward) {
            prefix = (s.target != parent ? s.target + " " : std::string()) + passive_of(s.relation);
        } else {
            prefix = (s.source != parent ? s.source + " " : std::string()) + s.relation;
        }
        fmt::print(out, "{}{} {}{}\n", indent, prefix, describe_id(graph, s.node, k_tree_width),
                   s.repeated ? " (see above)" : "");
        write_steps(out, graph, s.steps, s.node, forward, depth + 1);
    }
}

void write_commitment_details(std::ostream& out, const Graph& graph, const std::string& id, int depth,
                              bool headings) {
    std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
    auto programs = programs_of(graph, id);
    auto events = graph.progress_of(id);
    if (headings) {
        out << "implemented by:\n";
        if (programs.empty()) {
            out << "  (none)\n";
        }
    }
    for (const Node* p : programs) {
        fmt::print(out, "{}{}{}\n", indent, headings ? "" : "implemented by ", describe_node(*p, k_tree_width));
    }
    if (headings) {
        out << "progress:\n";
        if (events.empty()) {
            out << "  (none)\n";
        }
    }
    for (const ProgressEvent* p : events) {
        fmt::print(out, "{}{}{}\n", indent, headings ? "" : "progress ", describe_event(*p, k_tree_width));
    }
}

void write_tree(std::ostream& out, const Graph& graph, const Lineage& l) {
    const Node& root = *graph.find(l.root);
    out << describe_node(root, k_tree_width) << '\n';
    for (const Node* n = graph.find(root.parent); n; n = graph.find(n->parent)) {
        fmt::print(out, "  in {}\n", describe_node(*n, k_tree_width));
    }
    out << "back to the origin:\n";
    if (l.back.empty()) {
        out << "  (none)\n";
    }
    write_steps(out, graph, l.back, l.root, false, 1);
    out << "forward:\n";
    if (l.forward.empty()) {
        out << "  (none)\n";
    }
    write_steps(out, graph, l.forward, l.root, true, 1);
    if (root.kind == Kind::commitment) {
        write_commitment_details(out, graph, root.id, 1, true);
        return;
    }
    out << "commitments:\n";
    if (l.commitments.empty()) {
        out << "  (none)\n";
    }
    for (const auto& c : l.commitments) {
        const Node& n = *graph.find(c);
        fmt::print(out, "  {}\n", describe_node(n, k_tree_width));
        write_commitment_details(out, graph, c, 2, false);
    }
}

// ---- the graph of a lineage (json, dot, mermaid) ------------------------------------

struct GraphNode {
    std::string id;   // a record id, or "progress:COMMITMENT:SEQ"
    std::string role; // root, context, back, forward, commitment, program, progress
    const Node* node = nullptr;
    const ProgressEvent* event = nullptr;
};

struct GraphEdge {
    std::string source, relation, target;
};

struct Drawing {
    std::vector<GraphNode> nodes;
    std::vector<GraphEdge> edges;
    std::map<std::string, std::size_t> index;

    void node(const Graph& graph, const std::string& id, const std::string& role) {
        if (index.count(id)) {
            return;
        }
        index[id] = nodes.size();
        nodes.push_back({id, role, graph.find(id), nullptr});
    }
    void edge(const std::string& source, const std::string& relation, const std::string& target) {
        for (const auto& e : edges) {
            if (e.source == source && e.relation == relation && e.target == target) {
                return;
            }
        }
        edges.push_back({source, relation, target});
    }
};

void draw_steps(Drawing& d, const Graph& graph, const std::vector<LineageStep>& steps, const std::string& role) {
    for (const auto& s : steps) {
        d.node(graph, s.source, role);
        d.node(graph, s.target, role);
        d.edge(s.source, s.relation, s.target);
        draw_steps(d, graph, s.steps, role);
    }
}

Drawing draw(const Graph& graph, const Lineage& l) {
    Drawing d;
    d.node(graph, l.root, "root");
    const Node& root = *graph.find(l.root);
    for (const Node* n = graph.find(root.parent); n; n = graph.find(n->parent)) {
        d.node(graph, n->id, "context");
    }
    for (const auto& c : l.commitments) {
        d.node(graph, c, "commitment");
    }
    draw_steps(d, graph, l.back, "back");
    draw_steps(d, graph, l.forward, "forward");
    for (const auto& c : l.commitments) {
        for (const Node* p : programs_of(graph, c)) {
            d.node(graph, p->id, "program");
            d.edge(p->id, "implements", c);
        }
        for (const ProgressEvent* p : graph.progress_of(c)) {
            std::string id = fmt::format("progress:{}:{}", c, p->seq);
            d.index[id] = d.nodes.size();
            d.nodes.push_back({id, "progress", nullptr, p});
            d.edge(id, "assesses", c);
        }
    }
    // Commitments sit in their statements, statements in their dialogues.
    for (const auto& n : d.nodes) {
        if (n.node && !n.node->parent.empty() && d.index.count(n.node->parent)) {
            d.edge(n.id, "in", n.node->parent);
        }
    }
    return d;
}

std::vector<std::string> label_lines(const GraphNode& n, std::size_t width) {
    if (n.event) {
        std::vector<std::string> lines{"progress " + n.event->date, n.event->status};
        if (!n.event->party.empty()) {
            lines.back() += " (" + n.event->party + ")";
        }
        return lines;
    }
    if (!n.node) {
        return {n.id, "no such record"};
    }
    std::string second(to_string(n.node->kind));
    if (!n.node->date.empty()) {
        second += ", " + n.node->date;
    }
    if (n.node->kind == Kind::commitment) {
        second += ", " + n.node->status;
    }
    return {n.id, second, shorten(n.node->title, width)};
}

std::string dot_quote(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
        }
        out += c == '\n' ? ' ' : c;
    }
    return out + "\"";
}

void write_dot(std::ostream& out, const Graph& graph, const Lineage& l) {
    Drawing d = draw(graph, l);
    fmt::print(out, "digraph {} {{\n", dot_quote("lineage of " + l.root));
    out << "  rankdir=RL;\n"
           "  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=10];\n"
           "  edge [fontname=\"Helvetica\", fontsize=9];\n";
    for (const auto& n : d.nodes) {
        // Lines of a DOT label are separated by the two characters \n.
        std::string escaped;
        for (const auto& line : label_lines(n, 40)) {
            std::string q = dot_quote(line);
            escaped += (escaped.empty() ? "" : "\\n") + q.substr(1, q.size() - 2);
        }
        std::string attrs = "label=\"" + escaped + "\"";
        if (n.role == "root") {
            attrs += ", style=\"rounded,bold\", penwidth=2";
        } else if (n.role == "progress") {
            attrs += ", shape=note, style=solid";
        } else if (n.role == "program") {
            attrs += ", shape=component, style=solid";
        }
        fmt::print(out, "  {} [{}];\n", dot_quote(n.id), attrs);
    }
    for (const auto& e : d.edges) {
        std::string style = e.relation == "in" ? ", style=dotted" : (e.relation == "implements" || e.relation == "assesses")
                                                                       ? ", style=dashed"
                                                                       : "";
        fmt::print(out, "  {} -> {} [label={}{}];\n", dot_quote(e.source), dot_quote(e.target), dot_quote(e.relation),
                   style);
    }
    out << "}\n";
}

std::string mermaid_text(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '#':
            out += "#35;";
            break;
        case '"':
            out += "#quot;";
            break;
        case '<':
            out += "#lt;";
            break;
        case '>':
            out += "#gt;";
            break;
        case '\n':
            out += ' ';
            break;
        default:
            out += c;
        }
    }
    return out;
}

void write_mermaid(std::ostream& out, const Graph& graph, const Lineage& l) {
    Drawing d = draw(graph, l);
    out << "flowchart RL\n";
    for (std::size_t i = 0; i < d.nodes.size(); ++i) {
        const auto& n = d.nodes[i];
        std::string label;
        for (const auto& line : label_lines(n, 40)) {
            label += (label.empty() ? "" : "<br/>") + mermaid_text(line);
        }
        const char* open = n.role == "progress" ? "([\"" : (n.role == "program" ? "[[\"" : "[\"");
        const char* close = n.role == "progress" ? "\"])" : (n.role == "program" ? "\"]]" : "\"]");
        fmt::print(out, "  n{}{}{}{}\n", i, open, label, close);
    }
    for (const auto& e : d.edges) {
        const char* arrow = (e.relation == "in" || e.relation == "implements" || e.relation == "assesses") ? "-.->" : "-->";
        fmt::print(out, "  n{} {}|{}| n{}\n", d.index[e.source], arrow, e.relation, d.index[e.target]);
    }
    out << "  classDef root stroke-width:3px\n";
    fmt::print(out, "  class n{} root\n", d.index[l.root]);
}

void write_json_steps(std::ostream& out, const std::vector<LineageStep>& steps) {
    out << "[";
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const auto& s = steps[i];
        fmt::print(out, "{}{{\"relation\": {}, \"source\": {}, \"target\": {}, \"repeated\": {}, \"steps\": ",
                   i ? ", " : "", json_quote(s.relation), json_quote(s.source), json_quote(s.target),
                   s.repeated ? "true" : "false");
        write_json_steps(out, s.steps);
        out << "}";
    }
    out << "]";
}

std::string json_or_null(const std::string& s) { return s.empty() ? std::string("null") : json_quote(s); }

void write_json(std::ostream& out, const Graph& graph, const Lineage& l) {
    Drawing d = draw(graph, l);
    fmt::print(out, "{{\"root\": {},\n \"nodes\": [", json_quote(l.root));
    bool first = true;
    for (const auto& n : d.nodes) {
        if (n.event) {
            continue;
        }
        fmt::print(out, "{}\n  {{\"id\": {}, \"role\": {}", first ? "" : ",", json_quote(n.id), json_quote(n.role));
        first = false;
        if (n.node) {
            fmt::print(out, ", \"kind\": {}, \"date\": {}, \"title\": {}", json_quote(to_string(n.node->kind)),
                       json_or_null(n.node->date), json_quote(n.node->title));
            if (n.node->kind == Kind::commitment) {
                fmt::print(out, ", \"due\": {}, \"status\": {}", json_or_null(n.node->due), json_quote(n.node->status));
            }
        } else {
            out << ", \"kind\": null";
        }
        out << "}";
    }
    out << "],\n \"edges\": [";
    first = true;
    for (const auto& e : d.edges) {
        if (e.relation == "assesses") {
            continue;
        }
        fmt::print(out, "{}\n  {{\"source\": {}, \"relation\": {}, \"target\": {}}}", first ? "" : ",",
                   json_quote(e.source), json_quote(e.relation), json_quote(e.target));
        first = false;
    }
    out << "],\n \"progress\": [";
    first = true;
    for (const auto& c : l.commitments) {
        for (const ProgressEvent* p : graph.progress_of(c)) {
            fmt::print(out,
                       "{}\n  {{\"commitment\": {}, \"date\": {}, \"status\": {}, \"party\": {}, \"evidence\": {}, "
                       "\"note\": {}}}",
                       first ? "" : ",", json_quote(c), json_quote(p->date), json_quote(p->status),
                       json_or_null(p->party), json_or_null(p->evidence), json_or_null(p->note));
            first = false;
        }
    }
    out << "],\n \"back\": ";
    write_json_steps(out, l.back);
    out << ",\n \"forward\": ";
    write_json_steps(out, l.forward);
    out << "}\n";
}

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
    // A commitment stands with its statement (and its statement with its dialogue): what
    // recalls the statement recalls the commitment, and the statement's references are its
    // context.
    std::vector<std::string> back_from{id}, forward_to{id};
    if (root->kind == Kind::commitment) {
        l.commitments.push_back(id);
        if (const Node* s = graph.find(root->parent)) {
            back_from.push_back(s->id);
            forward_to.push_back(s->id);
            if (!s->parent.empty()) {
                forward_to.push_back(s->parent);
            }
        }
    } else {
        back_from = members(graph, *root, false);
        forward_to = members(graph, *root, true);
        for (const Node* c : graph.children(id)) {
            l.commitments.push_back(c->id);
        }
    }
    std::set<std::string> seen_back{id}, seen_forward{id};
    l.back = b.back(back_from, seen_back);
    l.forward = b.forward(forward_to, seen_forward);
    return l;
}

LineageFormat lineage_format_from_string(std::string_view name) {
    if (name == "tree") {
        return LineageFormat::tree;
    }
    if (name == "json") {
        return LineageFormat::json;
    }
    if (name == "dot") {
        return LineageFormat::dot;
    }
    if (name == "mermaid") {
        return LineageFormat::mermaid;
    }
    throw UsageError(fmt::format("unknown format '{}' (tree, json, dot, mermaid)", name));
}

void write_lineage(std::ostream& out, const Graph& graph, const Lineage& lineage, LineageFormat format) {
    switch (format) {
    case LineageFormat::tree:
        write_tree(out, graph, lineage);
        break;
    case LineageFormat::json:
        write_json(out, graph, lineage);
        break;
    case LineageFormat::dot:
        write_dot(out, graph, lineage);
        break;
    case LineageFormat::mermaid:
        write_mermaid(out, graph, lineage);
        break;
    }
}

} // namespace accord::xref
