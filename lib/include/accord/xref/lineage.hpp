#pragma once
// `accord xref lineage ID`: the chain of a commitment or statement (docs/xref.md). A
// reference names one record, and a chain follows records at the level they were named:
// back to the origin, the references the root makes (a statement's: its own and its
// commitments'), then those its targets make, recursively; forward, the records that
// reference the root (or its commitments), then those that reference them, recursively.
// A commitment's statement and dialogue are context, listed once and not followed: what
// recalls the statement does not recall each of its commitments. Then the programs
// implementing it and its progress events.
//
// The walk is iterative (an explicit stack, no recursion per link) and each record is
// expanded once (a record met again is a repeated step, "see above"), so the time, the
// memory and the output grow linearly with the chain: a chain of a million links is walked
// in a bounded stack.
#include "accord/xref/graph.hpp"

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace accord::xref {

// One link of the walk, in depth-first order (a step's children follow it, one deeper).
struct LineageStep {
    const Edge* edge = nullptr; // the reference: edge->source makes it, naming edge->target
    std::size_t depth = 1;      // 1: a reference of the root (or, for context, of its statement or dialogue)
    bool repeated = false;      // its record was shown above: not followed again
};

struct Lineage {
    std::string root;
    std::vector<LineageStep> back;    // the record a step leads to: edge->target
    std::vector<LineageStep> forward; // the record a step leads to: edge->source; later records first by date
    // A commitment's context (depth 1 only, never followed): the references its statement
    // makes, and those naming its statement or its dialogue. A statement's: those naming its
    // dialogue.
    std::vector<LineageStep> context_back;
    std::vector<LineageStep> context_forward;
    // The commitments whose programs and progress are shown: the root, or a statement's.
    std::vector<std::string> commitments;
};

// The record a step leads to (the target going back, the source going forward).
inline const std::string& step_node(const LineageStep& s, bool forward) {
    return forward ? s.edge->source : s.edge->target;
}

// Throws DataError for an unknown id, UsageError for a record that is neither a
// commitment nor a statement. The lineage points into the graph's edges.
Lineage build_lineage(const Graph& graph, const std::string& id);

enum class LineageFormat { tree, json, dot, mermaid };
LineageFormat lineage_format_from_string(std::string_view name); // throws UsageError

void write_lineage(std::ostream& out, const Graph& graph, const Lineage& lineage, LineageFormat format);

} // namespace accord::xref
