#pragma once
// The shared filter options (SPEC section 4), added the same way to every command that filters.
#include "accord/store/filter.hpp"

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

namespace accord::cli {

struct FilterOptions {
    std::string party, theme, status, statement, dialogue, series, since, until, as_of;
    Filter to_filter() const; // throws UsageError for a bad date
    bool any() const;         // whether any filter option was given
};

void add_filter_options(CLI::App& cmd, FilterOptions& options);

} // namespace accord::cli
