#include "common.hpp"

#include "accord/error.hpp"
#include "accord/output/output.hpp"
#include "accord/model/vocab.hpp"
#include "accord/store/store.hpp"

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <unistd.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

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
        ->check(one_of({"auto", "always", "never"}))
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

CLI::Validator one_of(std::vector<std::string> names) {
    std::string list;
    for (const auto& n : names) {
        list += (list.empty() ? "" : ",") + n;
    }
    list = "{" + list + "}";
    return CLI::Validator(
        [names, list](std::string& value) {
            if (std::find(names.begin(), names.end(), value) != names.end()) {
                return std::string();
            }
            std::string hint = did_you_mean(value, std::vector<std::string_view>(names.begin(), names.end()));
            return fmt::format("{} not in {}{}", value, list, hint.empty() ? "" : " (did you mean '" + hint + "'?)");
        },
        list);
}

namespace {

// The option of app (or of a command it falls through to) that arg names, if any.
const CLI::Option* option_of(CLI::App* app, const std::string& arg) {
    for (CLI::App* a = app; a; a = a->get_parent()) {
        if (const CLI::Option* o = a->get_option_no_throw(arg)) {
            return o;
        }
    }
    return nullptr;
}

} // namespace

std::vector<std::string> prepare_arguments(CLI::App& app, int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    std::vector<std::string> text; // words that start with '-', for a command that takes free text
    CLI::App* current = &app;
    std::size_t i = 0;
    for (; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--") {
            break;
        }
        if (a.size() > 1 && a[0] == '-') {
            const CLI::Option* o = option_of(current, a.substr(0, a.find('=')));
            bool attached = a.find('=') != std::string::npos || (a[1] != '-' && a.size() > 2);
            if (!o && a[1] != '-' && current->get_option_no_throw("text") &&
                current->get_option_no_throw("text")->get_positional()) {
                text.push_back(a); // `search -scams`: text, not an option (docs/commands.md)
                args.erase(args.begin() + static_cast<std::ptrdiff_t>(i--));
            } else if (o && o->get_items_expected_max() > 0 && !attached) {
                ++i; // its value
            }
            continue;
        }
        CLI::App* next = nullptr;
        std::vector<std::string> names;
        for (CLI::App* sub : current->get_subcommands([](CLI::App*) { return true; })) {
            names.push_back(sub->get_name());
            if (sub->get_name() == a) {
                next = sub;
            }
        }
        if (next) {
            current = next;
        } else if (current->get_require_subcommand_min() > 0 && !names.empty()) {
            std::string hint = did_you_mean(a, std::vector<std::string_view>(names.begin(), names.end()));
            std::string list;
            for (const auto& n : names) {
                list += (list.empty() ? "" : ", ") + n;
            }
            throw UsageError(fmt::format("unknown subcommand '{}' of {}{}", a, current->get_name(),
                                         hint.empty() ? fmt::format(" (one of: {})", list)
                                                      : fmt::format(" (did you mean '{}'?)", hint)));
        }
    }
    if (!text.empty()) {
        if (i == args.size()) {
            args.emplace_back("--");
        }
        args.insert(args.begin() + static_cast<std::ptrdiff_t>(i) + 1, text.begin(), text.end());
    }
    return args;
}

namespace {

// Parses and runs the command; every error becomes its message on stderr and an exit code.
int parse_and_run(CLI::App& app, int argc, char** argv, StandardStreams& streams) {
    try {
        std::vector<std::string> args = prepare_arguments(app, argc, argv);
        std::reverse(args.begin(), args.end()); // CLI11 takes them last first
        app.parse(args);
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
#ifdef __GLIBC__
    // The process's allocator is the program's to set, not the library's (docs/ARCHITECTURE.md):
    // keep freed memory at the top of the heap instead of returning it at once. An import frees
    // and reallocates the same few MB (documents, SQLite's pages) thousands of times, and glibc's
    // default trimming turned that into one brk call and fresh zeroed pages each time. The peak
    // is unchanged: only memory already used is kept.
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_TOP_PAD, 16 << 20);
#endif
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
