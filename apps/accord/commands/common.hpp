#pragma once
// What every command shares: the global options and the one place errors become exit codes.
#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace accord::cli {

struct GlobalOptions {
    std::string db;                  // --db, else $ACCORD_DB, else ./accord.db
    std::string resolved_db() const; // the path to use
};

using Setup = std::function<void(CLI::App&, GlobalOptions&)>;

// Adds --db and --version to the top-level app.
void add_global_options(CLI::App& app, GlobalOptions& global);

// Parses and runs; catches every error once and maps it to the exit codes of SPEC section 4.
int run(CLI::App& app, int argc, char** argv);

// main() of a small tool accord-VERB: the same setup as `accord VERB`, at top level.
int main_single(int argc, char** argv, const std::string& name, const Setup& setup);

// True when the stream is a terminal.
bool is_terminal(int fd);

} // namespace accord::cli
