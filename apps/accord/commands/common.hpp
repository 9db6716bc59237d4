#pragma once
// What every command shares: the global options and the one place errors become exit codes.
#include <CLI/CLI.hpp>

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace accord::cli {

struct GlobalOptions {
    std::string db;                  // --db, else $ACCORD_DB, else ./accord.db
    std::string color = "auto";      // --color: auto, always or never
    bool quiet = false;              // --quiet: errors only on stderr, no summaries or progress bar
    std::string resolved_db() const; // the path to use
    // The one place colour is decided: --color=always/never, else (auto) not when NO_COLOR is set
    // and not empty, else only when fd is a terminal (-1 for a file: never).
    bool colour(int fd) const;
    // Where notes, warnings and summaries go: stderr, or nowhere with --quiet.
    std::ostream& notes() const;
};

using Setup = std::function<void(CLI::App&, GlobalOptions&)>;

// Adds --db, --color, --quiet and --version to the top-level app (subcommands fall through to them).
void add_global_options(CLI::App& app, GlobalOptions& global);

// The arguments as CLI11 should see them (docs/commands.md): a word where a subcommand is
// required that names none is a UsageError ("unknown subcommand 'lst' of accord (did you mean
// 'list'?)"), and in a command that takes free text (a positional `text`), a word that starts
// with '-' and is no option of it is text (`search -scams`), moved after a `--`.
std::vector<std::string> prepare_arguments(CLI::App& app, int argc, char** argv);

// Parses and runs; catches every error once and maps it to the exit codes (docs/commands.md);
// standard output is checked to its end (exit 3 when a write failed, 0 when its reader left).
int run(CLI::App& app, int argc, char** argv);

// main() of a small tool accord-VERB: the same setup as `accord VERB`, at top level.
int main_single(int argc, char** argv, const std::string& name, const Setup& setup);

// A check that refuses an empty value (`--db ''`) with message, instead of a silent default.
CLI::Validator not_empty(const std::string& message);

// A count option's check: digits only, so that "-1" is refused instead of wrapping round.
CLI::Validator whole_number();

// A value from a closed list, as CLI::IsMember checks it (the help shows {a,b,c}), with a
// "did you mean" hint when the value is close to one of them: "dialog not in {...} (did
// you mean 'dialogue'?)".
CLI::Validator one_of(std::vector<std::string> names);

// True when the stream is a terminal.
bool is_terminal(int fd);

} // namespace accord::cli
