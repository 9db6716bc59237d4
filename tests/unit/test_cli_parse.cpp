#include "commands/import.hpp"
#include "commands/list.hpp"

#include <catch2/catch.hpp>

using namespace accord::cli;

TEST_CASE("the import command parses its options in-process", "[cli]") {
    CLI::App app;
    GlobalOptions global;
    add_global_options(app, global);
    auto* cmd = app.add_subcommand("import");
    setup_import(*cmd, global);
    cmd->callback(nullptr); // parse only
    app.parse("import a.yaml --db x.db --dry-run --max-errors 3 --format json", false);
    CHECK(global.resolved_db() == "x.db");
    CHECK(cmd->count("--dry-run") == 1);
    CHECK(cmd->get_option("--max-errors")->as<int>() == 3);
    CHECK(cmd->get_option("--format")->as<std::string>() == "json");
}

TEST_CASE("a bad option value is a usage error", "[cli]") {
    CLI::App app;
    GlobalOptions global;
    add_global_options(app, global);
    auto* cmd = app.add_subcommand("list");
    setup_list(*cmd, global);
    cmd->callback(nullptr);
    CHECK_THROWS_AS(app.parse("list dialog", false), CLI::ValidationError);
}
