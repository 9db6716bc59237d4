#include "common.hpp"

#include "accord/error.hpp"
#include "accord/output/output.hpp"
#include "accord/store/store.hpp"

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <cstdlib>
#include <iostream>
#include <unistd.h>

namespace accord::cli {

std::string GlobalOptions::resolved_db() const {
    if (!db.empty()) {
        return db;
    }
    if (const char* env = std::getenv("ACCORD_DB"); env && *env) {
        return env;
    }
    return "accord.db";
}

bool GlobalOptions::colour(int fd) const {
    if (color != "auto") {
        return color == "always";
    }
    const char* no_color = std::getenv("NO_COLOR");
    return !(no_color && *no_color) && is_terminal(fd);
}

std::ostream& GlobalOptions::notes() const {
    static std::ostream nowhere(nullptr); // a stream without a buffer drops what it is given
    return quiet ? nowhere : std::cerr;
}

void add_global_options(CLI::App& app, GlobalOptions& global) {
    app.add_option("--db", global.db, "database file (default: $ACCORD_DB, else ./accord.db)")
        ->check(not_empty("the database path is empty"));
    app.add_option("--color", global.color, "colour: auto (on a terminal, unless NO_COLOR is set), always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    app.add_flag("-q,--quiet", global.quiet, "errors only: no summaries, notes or progress bar");
    app.set_version_flag("--version", fmt::format("{} {} (database schema {})", app.get_name(), ACCORD_VERSION,
                                                  k_schema_version));
    app.fallthrough();
    app.failure_message([](const CLI::App*, const CLI::Error& e) {
        return fmt::format("accord: error: {}\nRun with --help for more information.\n", e.what());
    });
}

CLI::Validator not_empty(const std::string& message) {
    return CLI::Validator([message](const std::string& value) { return value.empty() ? message : std::string(); },
                          "");
}

CLI::Validator whole_number() {
    return CLI::Validator(
        [](const std::string& value) {
            bool digits = !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
            return digits ? std::string() : fmt::format("'{}' is not a whole number (0 or more)", value);
        },
        "");
}

bool is_terminal(int fd) { return ::isatty(fd) == 1; }

namespace {

// Parses and runs the command; every error becomes its message on stderr and an exit code.
int parse_and_run(CLI::App& app, int argc, char** argv, StandardStreams& streams) {
    try {
        app.parse(argc, argv);
        return 0;
    } catch (const CLI::RuntimeError& e) {
        return e.get_exit_code(); // a command's own exit code; it has printed its messages
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : static_cast<int>(ErrorKind::usage);
    } catch (const OutputError& e) {
        // Standard output failed while a command wrote to it (OutputFile errors name their file).
        std::string why = streams.finish();
        if (streams.closed_pipe()) {
            return 0; // its reader has gone (`| head`): not an error
        }
        fmt::print(std::cerr, "accord: error: cannot write to standard output: {}\n", why.empty() ? e.what() : why);
        return static_cast<int>(ErrorKind::io);
    } catch (const Error& e) {
        fmt::print(std::cerr, "accord: error: {}\n", e.what());
        return e.exit_code();
    } catch (const SQLite::Exception& e) {
        fmt::print(std::cerr, "accord: error: database: {}\n", e.what());
        return static_cast<int>(ErrorKind::io);
    } catch (const std::bad_alloc&) {
        fmt::print(std::cerr, "accord: error: out of memory\n");
        return static_cast<int>(ErrorKind::io);
    } catch (const std::exception& e) {
        fmt::print(std::cerr, "accord: error: {}\n", e.what());
        return static_cast<int>(ErrorKind::io);
    }
}

} // namespace

int run(CLI::App& app, int argc, char** argv) {
    StandardStreams streams;
    int code = parse_and_run(app, argc, argv, streams);
    // Every command's output is checked to its end: a full disk or a closed descriptor is exit 3.
    if (std::string why = streams.finish(); !why.empty()) {
        fmt::print(std::cerr, "accord: error: cannot write to standard output: {}\n", why);
        return static_cast<int>(ErrorKind::io);
    }
    return code;
}

int main_single(int argc, char** argv, const std::string& name, const Setup& setup) {
    CLI::App app;
    app.name(name);
    GlobalOptions global;
    add_global_options(app, global);
    setup(app, global);
    return run(app, argc, argv);
}

} // namespace accord::cli
