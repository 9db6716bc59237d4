#pragma once
// The output options every command that prints records or reports shares (docs/commands.md,
// "Output"): -o FILE, and --crlf and --safe-csv where it writes CSV. Implemented once, in the
// library's output module (accord/output/output.hpp) and here.
#include "accord/text/table.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <ostream>
#include <string>

namespace accord::cli {

struct OutputOptions {
    std::string output;    // -o/--output FILE ("" or "-": standard output)
    bool crlf = false;     // CSV: lines end with CR LF (default LF)
    bool safe_csv = false; // CSV: a cell a spreadsheet would take for a formula gets a leading '
    // The table writer's options: --crlf, --safe-csv (colour is the command's to set).
    text::WriteOptions write_options() const {
        text::WriteOptions o;
        o.crlf = crlf;
        o.safe_csv = safe_csv;
        return o;
    }
    bool to_stdout() const { return output.empty() || output == "-"; }
};

// Adds -o/--output FILE.
void add_output_option(CLI::App& cmd, OutputOptions& options);
// Adds --crlf and --safe-csv (for a command that can write CSV).
void add_csv_options(CLI::App& cmd, OutputOptions& options);
// Throws UsageError when --crlf or --safe-csv is given and the output is not CSV.
void check_csv_options(const OutputOptions& options, bool csv);

// Runs write with the command's output: standard output (checked at the end by run()), or
// FILE written atomically (OutputFile). A failed write is IoError naming FILE, and FILE is
// then left as it was.
void write_output(const OutputOptions& options, const std::function<void(std::ostream&)>& write);

} // namespace accord::cli
