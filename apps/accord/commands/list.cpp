#include "list.hpp"

#include "accord/error.hpp"
#include "accord/store/query.hpp"

#include <fmt/format.h>

#include <iostream>
#include <memory>

namespace accord::cli {

std::shared_ptr<ListOptions> setup_list(CLI::App& cmd, GlobalOptions& global) {
    auto options = std::make_shared<ListOptions>();
    cmd.description("List the records of one kind, one line each.\n"
                    "Example: accord list commitment --party asean");
    cmd.add_option("kind", options->kind, "party, forum, theme, dialogue, statement, commitment, program or progress")
        ->required()
        ->check(one_of(std::vector<std::string>(k_kind_names.begin(), k_kind_names.end())));
    cmd.add_option("--format", options->format, "output format")
        ->check(one_of({"table", "csv", "json", "jsonl"}))
        ->capture_default_str();
    add_filter_options(cmd, options->filters);
    add_output_option(cmd, *options);
    add_csv_options(cmd, *options);
    cmd.callback([options, &global] {
        check_csv_options(*options, options->format == "csv");
        Store store(global.resolved_db(), Store::Access::read_only);
        write_output(*options, [&](std::ostream& out) { run_list(*options, store, out); });
    });
    return options;
}

void run_list(const ListOptions& options, Store& store, std::ostream& out) {
    auto kind = kind_from_string(options.kind);
    if (!kind) {
        throw UsageError(fmt::format("unknown kind '{}'", options.kind));
    }
    Table t = list_records(store, *kind, options.filters.to_filter(store, kind_bit(*kind)));
    if (*kind == Kind::commitment && options.format == "table") {
        for (auto& row : t.rows) {
            row.back() = shorten(row.back(), 60);
        }
    }
    write_table(out, t, format_from_string(options.format), options.csv());
}

} // namespace accord::cli
