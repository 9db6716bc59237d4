#pragma once
#include "import.hpp"

namespace accord::cli {

using CheckOptions = ImportOptions;

void setup_check(CLI::App& cmd, GlobalOptions& global);
// Validates files alone (no database): references must resolve within the files.
int run_check(const CheckOptions& options, std::ostream& out, std::ostream& err);

} // namespace accord::cli
