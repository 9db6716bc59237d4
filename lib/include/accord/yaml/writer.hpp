#pragma once
// Writes records in the input format of docs/format.md.
#include "accord/model/record.hpp"

#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace accord {

using ChildrenOf = std::function<std::vector<Record>(const Record&)>;

// Writes one record as a YAML mapping (with kind: when top level), its children nested.
// The parent link of a nested child is left out, as in hand-written input.
void write_yaml_record(std::ostream& out, const Record& record, const ChildrenOf& children, bool top_level = true,
                       int indent = 0);

// A scalar as YAML: plain when that reads back as the same text, else double-quoted.
std::string yaml_scalar(std::string_view text);

} // namespace accord
