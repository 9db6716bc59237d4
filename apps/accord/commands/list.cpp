#include "list.hpp"

#include "accord/error.hpp"
#include "accord/report/substance.hpp"
#include "accord/store/query.hpp"
#include "accord/text/strings.hpp"

#include <fmt/format.h>

#include <iostream>
#include <memory>

namespace accord::cli {

namespace {
constexpr std::initializer_list<text::Format> k_list_formats = {text::Format::table, text::Format::csv,
                                                                text::Format::json, text::Format::jsonl};
} // namespace

std::shared_ptr<ListOptions> setup_list(CLI::App& cmd, GlobalOptions& global) {
    auto options = std::make_shared<ListOptions>();
    cmd.description("List the records of one kind, one line each.\n"
                    "Example: accord list commitment --party asean");
    cmd.add_option("kind", options->kind, "party, forum, theme, dialogue, statement, commitment, program or progress")
        ->required()
        ->check(one_of(std::vector<std::string>(k_kind_names.begin(), k_kind_names.end())));
    cmd.add_option("--format", options->format, "output format")
        ->check(one_of(text::format_names(k_list_formats)))
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
    text::Table t = list_records(store, *kind, options.filters.to_filter(store, kind_bit(*kind)));
    const text::Format format = text::parse_format(options.format, k_list_formats);
    if (*kind == Kind::commitment && format == text::Format::table) {
        for (auto& row : t.rows) {
            row.back() = row.back().shown_as(text::shorten(row.back().value, text::k_short_text));
        }
    }
    text::write_table(out, t, format, options.write_options());
}

} // namespace accord::cli
