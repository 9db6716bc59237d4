#include "commands/search.hpp"
#include "commands/xref.hpp"

#include <catch2/catch.hpp>

using namespace accord::cli;

TEST_CASE("xref subcommands parse their options in-process", "[cli][xref]") {
    CLI::App app;
    GlobalOptions global;
    add_global_options(app, global);
    auto* cmd = app.add_subcommand("xref");
    auto options = setup_xref(*cmd, global);
    for (auto* sub : cmd->get_subcommands({})) {
        sub->callback(nullptr); // parse only
    }
    app.parse("xref similar --min-score 0.5 --limit 3 --suggest", false);
    CHECK(options->similar.min_score == Approx(0.5));
    CHECK(options->similar.limit == 3);
    CHECK(options->similar.suggest);
    CHECK_THROWS_AS(app.parse("xref similar --min-score 2", false), CLI::ValidationError);
}

TEST_CASE("xref similar --suggest and --format exclude each other", "[cli][xref]") {
    CLI::App app;
    GlobalOptions global;
    add_global_options(app, global);
    auto* cmd = app.add_subcommand("xref");
    auto options = setup_xref(*cmd, global); // keeps the parsed values alive once the callbacks go
    for (auto* sub : cmd->get_subcommands({})) {
        sub->callback(nullptr);
    }
    CHECK_THROWS_AS(app.parse("xref similar --suggest --format json", false), CLI::ExcludesError);
}

TEST_CASE("search takes words, kinds and the shared filters", "[cli][search]") {
    CLI::App app;
    GlobalOptions global;
    add_global_options(app, global);
    auto* cmd = app.add_subcommand("search");
    auto options = setup_search(*cmd, global);
    cmd->callback(nullptr);
    app.parse("search \"critical infrastructure\" cyber --kind commitment,program --party asean --any", false);
    CHECK(options->terms == std::vector<std::string>{"critical infrastructure", "cyber"});
    CHECK(options->kinds == std::vector<std::string>{"commitment", "program"});
    CHECK(options->filters.party == "asean");
    CHECK(options->any);
    CHECK_FALSE(options->color);
}
