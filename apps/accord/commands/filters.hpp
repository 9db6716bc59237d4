#pragma once
// The shared filter options (docs/commands.md), added the same way to every command that filters.
#include "accord/store/filter.hpp"

#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>

namespace accord::cli {

struct FilterOptions {
    std::string party, theme, status, statement, dialogue, series, since, until, as_of;
    // The filter with its dates read (parse_date_option); the values are not yet checked
    // against the database. Throws UsageError for a bad date.
    Filter parse() const;
    // parse(), then Filter::check against the database for a command that filters `kinds`:
    // a value that names nothing is a usage error with a "did you mean" hint.
    Filter to_filter(Store& store, KindSet kinds) const;
    bool any() const; // whether any filter option was given
};

void add_filter_options(CLI::App& cmd, FilterOptions& options);

// A date option's value (docs/commands.md, "Dates"): YYYY[-MM[-DD]], today, yesterday,
// tomorrow or an offset from today (+30d, -2w, +6m, -1y; today is $ACCORD_TODAY when set).
// nullopt for an empty value; UsageError naming the option for anything else.
std::optional<PartialDate> parse_date_option(const std::string& value, const char* option);

// What the help of a date option says about the forms it takes.
inline constexpr const char* k_date_forms = "YYYY[-MM[-DD]], today, yesterday, tomorrow, +30d, -2w, +6m, -1y";

} // namespace accord::cli
