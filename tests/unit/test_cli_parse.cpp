#include "commands/import.hpp"
#include "commands/list.hpp"

#include <catch2/catch.hpp>

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
