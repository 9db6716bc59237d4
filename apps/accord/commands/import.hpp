#pragma once
#include "common.hpp"

#include "accord/import/importer.hpp"
#include "accord/store/store.hpp"

#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace accord::cli {

struct ImportOptions {
    std::vector<std::string> paths;
    bool dry_run = false;
    bool keep = false; // --keep: delete nothing
    std::size_t max_errors = 50;
    std::string format = "text";
    bool quiet = false;
    bool progress = false; // show a progress bar (set when stderr is a terminal)
    int busy_timeout = 5000; // ms to wait for another writer
};

// Returns the options the parsed values land in (tests inspect them).
std::shared_ptr<ImportOptions> setup_import(CLI::App& cmd, GlobalOptions& global);
// Returns the exit code: 0, or 1 when the input had errors (listed on err).
int run_import(const ImportOptions& options, Store& store, std::ostream& out, std::ostream& err);

// Options and output shared by import and check.
void add_input_options(CLI::App& cmd, ImportOptions& options);
// The summary (text or JSON on out) and the errors (on err). verb: "imported" or "checked";
// check has no plan of changes to show.
void print_result(const ImportOptions& options, const ImportSummary& summary, const Diagnostics& diags,
                  std::ostream& out, std::ostream& err, const char* verb);
// The JSON summary of an import or check that failed before it could say more (exit 3): ok
// false, nothing counted, the error as the one object of "errors".
void print_failure_json(const ImportOptions& options, const std::string& message, std::ostream& out);

} // namespace accord::cli
