#include "commands/import.hpp"
#include "commands/list.hpp"

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
