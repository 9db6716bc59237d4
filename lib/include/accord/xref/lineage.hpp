#pragma once
// `accord xref lineage ID`: the chain of a commitment or statement. Back to the origin:
// what it (or its statement, or its commitments) recalls, reaffirms, builds on ...,
// recursively. Forward: what later references it (or its statement, its dialogue, its
// commitments), recursively. Then the programs implementing it and its progress events.
#include "accord/xref/graph.hpp"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace accord::xref {

struct LineageStep {
    std::string relation;  // as the later record states it: recalls, reaffirms, ... fulfils
    std::string source;    // the record that makes the reference
    std::string target;    // the record it names
    std::string node;      // where the step leads: the target going back, the source going forward
    bool repeated = false; // already shown above: not expanded again
    std::vector<LineageStep> steps;
};

struct Lineage {
    std::string root;
    std::vector<LineageStep> back;
    std::vector<LineageStep> forward;
    // The commitments whose programs and progress are shown: the root, or a statement's.
    std::vector<std::string> commitments;
};

// Throws DataError for an unknown id, UsageError for a record that is neither a
// commitment nor a statement.
Lineage build_lineage(const Graph& graph, const std::string& id);

enum class LineageFormat { tree, json, dot, mermaid };
LineageFormat lineage_format_from_string(std::string_view name); // throws UsageError

void write_lineage(std::ostream& out, const Graph& graph, const Lineage& lineage, LineageFormat format);

} // namespace accord::xref
