#include "init.hpp"

#include <fmt/ostream.h>

#include <iostream>
#include <memory>

namespace accord::cli {

void setup_init(CLI::App& cmd, GlobalOptions& global) {
    auto options = std::make_shared<InitOptions>();
    cmd.description("Create the database, or migrate it to this version's schema.\n"
                    "Example: accord init --db records.db");
    cmd.callback([options, &global] {
        options->quiet = global.quiet;
        Store store(global.resolved_db(), Store::Access::read_write);
        run_init(*options, store, std::cout);
    });
}

void run_init(const InitOptions& options, Store& store, std::ostream& out) {
    int from = store.migrate();
    if (options.quiet) {
        return;
    }
    if (from == 0) {
        fmt::print(out, "created {} (schema version {})\n", store.path(), k_schema_version);
    } else if (from < k_schema_version) {
        fmt::print(out, "migrated {} from schema version {} to {}\n", store.path(), from, k_schema_version);
    } else {
        fmt::print(out, "{} is up to date (schema version {})\n", store.path(), k_schema_version);
    }
}

} // namespace accord::cli
