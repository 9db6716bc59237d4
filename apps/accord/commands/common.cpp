#include "common.hpp"

#include "accord/error.hpp"
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

void add_global_options(CLI::App& app, GlobalOptions& global) {
    app.add_option("--db", global.db, "database file (default: $ACCORD_DB, else ./accord.db)");
    app.set_version_flag("--version", fmt::format("accord {} (database schema {})", ACCORD_VERSION, k_schema_version));
    app.fallthrough();
    app.failure_message([](const CLI::App*, const CLI::Error& e) {
        return fmt::format("accord: error: {}\nRun with --help for more information.\n", e.what());
    });
}

bool is_terminal(int fd) { return ::isatty(fd) == 1; }

int run(CLI::App& app, int argc, char** argv) {
    try {
        app.parse(argc, argv);
        return 0;
    } catch (const CLI::RuntimeError& e) {
        return e.get_exit_code(); // a command's own exit code; it has printed its messages
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : static_cast<int>(ErrorKind::usage);
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

int main_single(int argc, char** argv, const std::string& name, const Setup& setup) {
    CLI::App app;
    app.name(name);
    GlobalOptions global;
    add_global_options(app, global);
    setup(app, global);
    return run(app, argc, argv);
}

} // namespace accord::cli
