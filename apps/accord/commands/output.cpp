#include "output.hpp"

#include "common.hpp"

#include "accord/error.hpp"
#include "accord/output/output.hpp"

#include <fmt/format.h>

#include <iostream>

namespace accord::cli {

void add_output_option(CLI::App& cmd, OutputOptions& options) {
    cmd.add_option("-o,--output", options.output,
                   "write to FILE instead of stdout, atomically (a temporary file renamed when complete; a "
                   "device or FIFO is written through; a symbolic link's target is replaced)")
        ->check(not_empty("the file name is empty (use - for stdout)"));
}

void add_csv_options(CLI::App& cmd, OutputOptions& options) {
    cmd.add_flag("--crlf", options.crlf, "CSV: end lines with CR LF (default: LF)");
    cmd.add_flag("--safe-csv", options.safe_csv,
                 "CSV: prefix text cells starting with = + - @ TAB or CR with ' (formula injection)");
}

void check_csv_options(const OutputOptions& options, bool csv) {
    for (auto [set, name] : {std::pair{options.crlf, "--crlf"}, {options.safe_csv, "--safe-csv"}}) {
        if (set && !csv) {
            throw UsageError(fmt::format("{} applies to CSV output only", name));
        }
    }
}

void write_output(const OutputOptions& options, const std::function<void(std::ostream&)>& write) {
    if (options.to_stdout()) {
        write(std::cout);
        return;
    }
    OutputFile(options.output).write_and_commit(write);
}

} // namespace accord::cli
