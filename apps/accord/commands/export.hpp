#pragma once
#include "common.hpp"
#include "filters.hpp"
#include "output.hpp"

#include "accord/store/store.hpp"

#include <memory>
#include <ostream>
#include <string>

namespace accord::cli {

// -o/--output, --crlf and --safe-csv: OutputOptions.
struct ExportOptions : OutputOptions {
    std::string what;          // timeline, links, yaml, or a record kind
    std::string format;        // csv (when empty), json or jsonl
    bool bom = false;          // CSV starts with a UTF-8 byte order mark
    std::string split_by;      // yaml: "dialogue" writes one file per dialogue into output_dir
    std::string output_dir;    // yaml --split-by: the folder
    std::string commitment;    // timeline: one commitment only
    FilterOptions filters;
};

// Returns the options the parsed values land in (tests inspect them).
std::shared_ptr<ExportOptions> setup_export(CLI::App& cmd, GlobalOptions& global);
// Throws UsageError for options that do not fit together (before anything is opened).
void check_export_options(const ExportOptions& options);
// Writes the export to out; with --split-by, writes the files under output_dir instead.
void run_export(const ExportOptions& options, Store& store, std::ostream& out);

} // namespace accord::cli
