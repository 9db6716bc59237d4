#include "commands/import.hpp"
#include "commands/list.hpp"
#include "commands/search.hpp"

#include "accord/error.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <iostream>

using namespace accord::cli;

TEST_CASE("the import command parses its options in-process", "[cli]") {
    CLI::App app;
    GlobalOptions global;
    add_global_options(app, global);
    auto* cmd = app.add_subcommand("import");
    auto options = setup_import(*cmd, global);
    cmd->callback(nullptr); // parse only: `options` keeps the parsed values alive
    app.parse("import a.yaml --db x.db --dry-run --max-errors 3 --format json", false);
    CHECK(global.resolved_db() == "x.db");
    CHECK(options->dry_run);
    CHECK(options->max_errors == 3);
    CHECK(options->format == "json");
    CHECK(options->paths == std::vector<std::string>{"a.yaml"});
}

TEST_CASE("a bad option value is a usage error", "[cli]") {
    CLI::App app;
    GlobalOptions global;
    add_global_options(app, global);
    auto* cmd = app.add_subcommand("list");
    auto options = setup_list(*cmd, global);
    cmd->callback(nullptr);
    CHECK_THROWS_AS(app.parse("list dialog", false), CLI::ValidationError);
}

TEST_CASE("the colour and quiet options are global: given before or after the subcommand", "[cli]") {
    CLI::App app;
    GlobalOptions global;
    add_global_options(app, global);
    auto* cmd = app.add_subcommand("import");
    auto options = setup_import(*cmd, global);
    cmd->callback(nullptr);
    app.parse("import a.yaml --color=never -q", false);
    CHECK(global.color == "never");
    CHECK(global.quiet);
    CHECK_FALSE(global.colour(1));
    CHECK_THROWS_AS(app.parse("--color=sometimes import a.yaml", false), CLI::ValidationError);
}

TEST_CASE("colour is decided in one place: --color, then NO_COLOR, then the terminal", "[cli]") {
    GlobalOptions global;
    ::setenv("NO_COLOR", "1", 1);
    global.color = "always";
    CHECK(global.colour(1)); // an explicit --color=always wins over NO_COLOR
    global.color = "auto";
    CHECK_FALSE(global.colour(1));
    ::unsetenv("NO_COLOR");
    CHECK(global.colour(1) == is_terminal(1));
    global.color = "never";
    CHECK_FALSE(global.colour(1));
}

TEST_CASE("quiet sends notes nowhere, otherwise to stderr", "[cli]") {
    GlobalOptions global;
    CHECK(&global.notes() == &std::cerr);
    global.quiet = true;
    global.notes() << "dropped";
    CHECK(&global.notes() != &std::cerr);
    CHECK_FALSE(global.notes().rdbuf());
}

namespace {

// The arguments prepare_arguments gives for a command line of the full tool's shape.
std::vector<std::string> prepared(std::vector<std::string> words) {
    CLI::App app;
    app.name("accord");
    GlobalOptions global;
    add_global_options(app, global);
    app.require_subcommand(1);
    setup_list(*app.add_subcommand("list"), global);
    setup_search(*app.add_subcommand("search"), global);
    auto* report = app.add_subcommand("report");
    report->require_subcommand(1);
    report->add_subcommand("progress");
    report->add_subcommand("overdue");
    words.insert(words.begin(), "accord");
    std::vector<char*> argv;
    for (auto& w : words) {
        argv.push_back(w.data());
    }
    return prepare_arguments(app, static_cast<int>(argv.size()), argv.data());
}

std::string refused(std::vector<std::string> words) {
    try {
        prepared(std::move(words));
    } catch (const accord::UsageError& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("an unknown subcommand is named, with the closest one", "[cli]") {
    CHECK(refused({"lst"}) == "unknown subcommand 'lst' of accord (did you mean 'list'?)");
    CHECK(refused({"--db", "x.db", "lst", "party"}) == "unknown subcommand 'lst' of accord (did you mean 'list'?)");
    CHECK(refused({"report", "progres"}) == "unknown subcommand 'progres' of report (did you mean 'progress'?)");
    CHECK(refused({"-q", "report", "--color", "never", "zzz"}) ==
          "unknown subcommand 'zzz' of report (one of: progress, overdue)");
    CHECK(refused({"list", "party"}).empty()); // a positional of list, not a subcommand
    CHECK(refused({}).empty());                // CLI11 says a subcommand is required
}

TEST_CASE("search takes a word that starts with '-' as text", "[cli][search]") {
    CHECK(prepared({"search", "-scams"}) == std::vector<std::string>{"search", "--", "-scams"});
    CHECK(prepared({"search", "-scams", "--kind", "theme", "cyber"}) ==
          std::vector<std::string>{"search", "--kind", "theme", "cyber", "--", "-scams"});
    CHECK(prepared({"search", "x", "--", "--y"}) == std::vector<std::string>{"search", "x", "--", "--y"});
    CHECK(prepared({"search", "-a", "--", "b"}) == std::vector<std::string>{"search", "--", "-a", "b"});
    // A flag takes no value: the word after it is looked at on its own.
    CHECK(prepared({"search", "--any", "-scams", "online"}) ==
          std::vector<std::string>{"search", "--any", "online", "--", "-scams"});
    CHECK(prepared({"search", "--limit", "-5", "x"}) == std::vector<std::string>{"search", "--limit", "-5", "x"});
    // Its own options and the global ones stay options; a misspelt long option stays an error.
    CHECK(prepared({"search", "x", "-q", "--limt", "3"}) ==
          std::vector<std::string>{"search", "x", "-q", "--limt", "3"});
    CHECK(prepared({"list", "-scams"}) == std::vector<std::string>{"list", "-scams"}); // list takes no text
}
