#include "filters.hpp"

#include "accord/error.hpp"

#include <fmt/format.h>

namespace accord::cli {

namespace {

std::optional<std::string> opt(const std::string& s) { return s.empty() ? std::nullopt : std::optional(s); }

} // namespace

std::optional<PartialDate> parse_date_option(const std::string& value, const char* option) {
    if (value.empty()) {
        return std::nullopt;
    }
    if (auto d = PartialDate::parse(value)) {
        return d; // no need for today
    }
    auto d = parse_date_argument(value, today());
    if (!d) {
        throw UsageError(fmt::format("{}: {}", option, explain_invalid_argument(value)));
    }
    return d;
}

Filter FilterOptions::parse() const {
    Filter f;
    f.party = opt(party);
    f.theme = opt(theme);
    f.status = opt(status);
    f.statement = opt(statement);
    f.dialogue = opt(dialogue);
    f.series = opt(series);
    f.since = parse_date_option(since, "--since");
    f.until = parse_date_option(until, "--until");
    f.as_of = parse_date_option(as_of, "--as-of");
    return f;
}

Filter FilterOptions::to_filter(Store& store, KindSet kinds) const {
    Filter f = parse();
    f.check(store, kinds);
    return f;
}

bool FilterOptions::any() const {
    for (const std::string* s : {&party, &theme, &status, &statement, &dialogue, &series, &since, &until, &as_of}) {
        if (!s->empty()) {
            return true;
        }
    }
    return false;
}

void add_filter_options(CLI::App& cmd, FilterOptions& o) {
    cmd.add_option("--party", o.party, "records of this party or of any of its members");
    cmd.add_option("--theme", o.theme, "records with this theme");
    cmd.add_option("--status", o.status, "commitments (or programs, progress events) with this status");
    cmd.add_option("--statement", o.statement, "records of this statement");
    cmd.add_option("--dialogue", o.dialogue, "records of this dialogue");
    cmd.add_option("--series", o.series, "records of dialogues of this series");
    cmd.add_option("--since", o.since, fmt::format("records dated on or after this date ({})", k_date_forms));
    cmd.add_option("--until", o.until, "records dated on or before the end of this date's period");
    cmd.add_option("--as-of", o.as_of,
                   "the records as they stood on the last day of this date's period: later records and "
                   "progress left out, statuses of that day");
}

} // namespace accord::cli
