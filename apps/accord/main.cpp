// The umbrella tool: accord SUBCOMMAND. Each subcommand is also a small tool accord-SUBCOMMAND.
#include "commands/check.hpp"
#include "commands/export.hpp"
#include "commands/extract.hpp"
#include "commands/import.hpp"
#include "commands/init.hpp"
#include "commands/list.hpp"
#include "commands/report.hpp"
#include "commands/search.hpp"
#include "commands/show.hpp"
#include "commands/xref.hpp"

int main(int argc, char** argv) {
    using namespace accord::cli;
    CLI::App app{"accord: records of cyber-policy dialogues, their commitments and what became of them"};
    app.name("accord");
    GlobalOptions global;
    add_global_options(app, global);
    app.require_subcommand(1);
    setup_init(*app.add_subcommand("init"), global);
    setup_import(*app.add_subcommand("import"), global);
    setup_check(*app.add_subcommand("check"), global);
    setup_list(*app.add_subcommand("list"), global);
    setup_show(*app.add_subcommand("show"), global);
    setup_export(*app.add_subcommand("export"), global);
    setup_report(*app.add_subcommand("report"), global);
    setup_xref(*app.add_subcommand("xref"), global);
    setup_search(*app.add_subcommand("search"), global);
    setup_extract(*app.add_subcommand("extract"), global);
    // After the subcommands, which would otherwise inherit it.
    app.footer("Example: accord import data/ && accord report progress --by party\n"
               "Each subcommand is also a tool of its own: accord-import data/ is accord import data/.");
    return run(app, argc, argv);
}
