// write_lineage(): a lineage written as an indented tree, Graphviz dot, Mermaid or JSON.
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
                       text::shorten(n.title, width));
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
        s += ": " + text::shorten(p.note, width);
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
// Indentation stops growing at this depth; a deeper line starts with its depth instead
// ("[12] "), so that a line's length is bounded and the output grows linearly with the
// chain (a 10,000-link chain indented all the way would be 100 MB).
constexpr std::size_t k_max_indent = 10;

void write_steps(std::ostream& out, const Graph& graph, const std::vector<LineageStep>& steps,
                 const std::string& root, bool forward) {
    std::vector<const std::string*> path; // the record each depth leads to, for the parent of the next
    for (const auto& s : steps) {
        const std::string& node = step_node(s, forward);
        const std::string& parent = s.depth == 1 ? root : *path[s.depth - 2];
        path.resize(s.depth);
        path[s.depth - 1] = &node;
        std::string prefix;
        if (forward) {
            prefix = (s.edge->target != parent ? s.edge->target + " " : std::string()) + passive_of(s.edge->relation);
        } else {
            prefix = (s.edge->source != parent ? s.edge->source + " " : std::string()) + s.edge->relation;
        }
        std::string indent(std::min(s.depth, k_max_indent) * 2, ' ');
        if (s.depth > k_max_indent) {
            indent += fmt::format("[{}] ", s.depth);
        }
        fmt::print(out, "{}{} {}{}\n", indent, prefix, describe_id(graph, node, k_tree_width),
                   s.repeated ? " (see above)" : "");
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
        for (const ProgramMilestone* m : graph.milestones_of(p->id)) {
            fmt::print(out, "{}  milestone {}: {}\n", indent, m->date, text::shorten(m->text, k_tree_width));
        }
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
    auto section = [&](const char* title, const std::vector<LineageStep>& steps, bool forward) {
        out << title << '\n';
        if (steps.empty()) {
            out << "  (none)\n";
        }
        write_steps(out, graph, steps, l.root, forward);
    };
    section("back to the origin:", l.back, false);
    section("forward:", l.forward, true);
    if (root.kind == Kind::commitment) {
        out << "context (its statement's references and what names its statement or dialogue; not followed):\n";
        if (l.context_back.empty() && l.context_forward.empty()) {
            out << "  (none)\n";
        }
        write_steps(out, graph, l.context_back, l.root, false);
        write_steps(out, graph, l.context_forward, l.root, true);
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
    std::string id;   // a record id, "progress:COMMITMENT:SEQ" or "milestone:PROGRAM:N"
    std::string role; // root, context, back, forward, commitment, program, progress, milestone
    const Node* node = nullptr;
    const ProgressEvent* event = nullptr;
    const ProgramMilestone* milestone = nullptr;
};

struct GraphEdge {
    std::string source, relation, target;
};

struct Drawing {
    std::vector<GraphNode> nodes;
    std::vector<GraphEdge> edges;
    std::unordered_map<std::string, std::size_t> index;
    std::unordered_set<std::string> edge_keys; // each edge once

    void node(const Graph& graph, const std::string& id, const std::string& role) {
        if (index.emplace(id, nodes.size()).second) {
            nodes.push_back({id, role, graph.find(id), nullptr, nullptr});
        }
    }
    void edge(const std::string& source, const std::string& relation, const std::string& target) {
        if (edge_keys.insert(source + '\n' + relation + '\n' + target).second) {
            edges.push_back({source, relation, target});
        }
    }
};

void draw_steps(Drawing& d, const Graph& graph, const std::vector<LineageStep>& steps, const std::string& role) {
    for (const auto& s : steps) {
        d.node(graph, s.edge->source, role);
        d.node(graph, s.edge->target, role);
        d.edge(s.edge->source, s.edge->relation, s.edge->target);
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
    draw_steps(d, graph, l.context_back, "context");
    draw_steps(d, graph, l.context_forward, "context");
    for (const auto& c : l.commitments) {
        for (const Node* p : programs_of(graph, c)) {
            d.node(graph, p->id, "program");
            d.edge(p->id, "implements", c);
            auto milestones = graph.milestones_of(p->id);
            for (std::size_t i = 0; i < milestones.size(); ++i) {
                std::string id = fmt::format("milestone:{}:{}", p->id, i + 1);
                if (d.index.emplace(id, d.nodes.size()).second) {
                    d.nodes.push_back({id, "milestone", nullptr, nullptr, milestones[i]});
                }
                d.edge(id, "milestone of", p->id);
            }
        }
        for (const ProgressEvent* p : graph.progress_of(c)) {
            std::string id = fmt::format("progress:{}:{}", c, p->seq);
            d.index[id] = d.nodes.size();
            d.nodes.push_back({id, "progress", nullptr, p, nullptr});
            d.edge(id, "assesses", c);
        }
    }
    // Commitments sit in their statements, statements in their dialogues.
    for (std::size_t i = 0; i < d.nodes.size(); ++i) {
        const GraphNode& n = d.nodes[i];
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
    if (n.milestone) {
        return {"milestone " + n.milestone->date, text::shorten(n.milestone->text, width)};
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
    return {n.id, second, text::shorten(n.node->title, width)};
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
        } else if (n.role == "progress" || n.role == "milestone") {
            attrs += ", shape=note, style=solid";
        } else if (n.role == "program") {
            attrs += ", shape=component, style=solid";
        }
        fmt::print(out, "  {} [{}];\n", dot_quote(n.id), attrs);
    }
    for (const auto& e : d.edges) {
        std::string style = e.relation == "in" ? ", style=dotted"
                            : (e.relation == "implements" || e.relation == "assesses" || e.relation == "milestone of")
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
        bool event = n.role == "progress" || n.role == "milestone";
        const char* open = event ? "([\"" : (n.role == "program" ? "[[\"" : "[\"");
        const char* close = event ? "\"])" : (n.role == "program" ? "\"]]" : "\"]");
        fmt::print(out, "  n{}{}{}{}\n", i, open, label, close);
    }
    for (const auto& e : d.edges) {
        const char* arrow =
            (e.relation == "in" || e.relation == "implements" || e.relation == "assesses" || e.relation == "milestone of")
                ? "-.->"
                : "-->";
        fmt::print(out, "  n{} {}|{}| n{}\n", d.index[e.source], arrow, e.relation, d.index[e.target]);
    }
    out << "  classDef root stroke-width:3px\n";
    fmt::print(out, "  class n{} root\n", d.index[l.root]);
}

void write_json_steps(std::ostream& out, const std::vector<LineageStep>& steps, bool depth) {
    out << "[";
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const auto& s = steps[i];
        fmt::print(out, "{}\n  {{\"relation\": {}, \"source\": {}, \"target\": {}", i ? "," : "",
                   text::json_quote(s.edge->relation), text::json_quote(s.edge->source), text::json_quote(s.edge->target));
        if (depth) {
            fmt::print(out, ", \"depth\": {}, \"repeated\": {}", s.depth, s.repeated ? "true" : "false");
        }
        out << "}";
    }
    out << "]";
}

std::string json_or_null(const std::string& s) { return s.empty() ? std::string("null") : text::json_quote(s); }

void write_json(std::ostream& out, const Graph& graph, const Lineage& l) {
    Drawing d = draw(graph, l);
    fmt::print(out, "{{\"root\": {},\n \"nodes\": [", text::json_quote(l.root));
    bool first = true;
    for (const auto& n : d.nodes) {
        if (n.event || n.milestone) {
            continue;
        }
        fmt::print(out, "{}\n  {{\"id\": {}, \"role\": {}", first ? "" : ",", text::json_quote(n.id), text::json_quote(n.role));
        first = false;
        if (n.node) {
            fmt::print(out, ", \"kind\": {}, \"date\": {}, \"title\": {}", text::json_quote(to_string(n.node->kind)),
                       json_or_null(n.node->date), text::json_quote(n.node->title));
            if (n.node->kind == Kind::commitment) {
                fmt::print(out, ", \"due\": {}, \"status\": {}", json_or_null(n.node->due), text::json_quote(n.node->status));
            }
        } else {
            out << ", \"kind\": null";
        }
        out << "}";
    }
    out << "],\n \"edges\": [";
    first = true;
    for (const auto& e : d.edges) {
        if (e.relation == "assesses" || e.relation == "milestone of") {
            continue;
        }
        fmt::print(out, "{}\n  {{\"source\": {}, \"relation\": {}, \"target\": {}}}", first ? "" : ",",
                   text::json_quote(e.source), text::json_quote(e.relation), text::json_quote(e.target));
        first = false;
    }
    out << "],\n \"progress\": [";
    first = true;
    for (const auto& c : l.commitments) {
        for (const ProgressEvent* p : graph.progress_of(c)) {
            fmt::print(out,
                       "{}\n  {{\"commitment\": {}, \"date\": {}, \"status\": {}, \"party\": {}, \"evidence\": {}, "
                       "\"note\": {}}}",
                       first ? "" : ",", text::json_quote(c), text::json_quote(p->date), text::json_quote(p->status),
                       json_or_null(p->party), json_or_null(p->evidence), json_or_null(p->note));
            first = false;
        }
    }
    out << "],\n \"milestones\": [";
    first = true;
    for (const auto& n : d.nodes) {
        if (const ProgramMilestone* m = n.milestone) {
            fmt::print(out, "{}\n  {{\"program\": {}, \"date\": {}, \"text\": {}, \"source\": {}}}", first ? "" : ",",
                       text::json_quote(m->program), text::json_quote(m->date), text::json_quote(m->text), json_or_null(m->url));
            first = false;
        }
    }
    out << "],\n \"back\": ";
    write_json_steps(out, l.back, true);
    out << ",\n \"forward\": ";
    write_json_steps(out, l.forward, true);
    std::vector<LineageStep> context = l.context_back;
    context.insert(context.end(), l.context_forward.begin(), l.context_forward.end());
    out << ",\n \"context\": ";
    write_json_steps(out, context, false);
    out << "}\n";
}

} // namespace

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
