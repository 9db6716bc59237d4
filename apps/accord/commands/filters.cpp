#include "filters.hpp"

#include "accord/error.hpp"

#include <fmt/format.h>

namespace accord::cli {

namespace {

std::optional<std::string> opt(const std::string& s) { return s.empty() ? std::nullopt : std::optional(s); }

std::optional<PartialDate> opt_date(const std::string& s, const char* option) {
    if (s.empty()) {
        return std::nullopt;
    }
    auto d = PartialDate::parse(s);
    if (!d) {
        throw UsageError(fmt::format("{}: {}", option, PartialDate::explain_invalid(s)));
    }
    return d;
}

} // namespace

Filter FilterOptions::to_filter() const {
    Filter f;
    f.party = opt(party);
    f.theme = opt(theme);
    f.status = opt(status);
    f.statement = opt(statement);
    f.dialogue = opt(dialogue);
    f.series = opt(series);
    f.since = opt_date(since, "--since");
    f.until = opt_date(until, "--until");
    f.as_of = opt_date(as_of, "--as-of");
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
    cmd.add_option("--since", o.since, "records dated on or after this date (YYYY[-MM[-DD]])");
    cmd.add_option("--until", o.until, "records dated on or before the end of this date's period");
    cmd.add_option("--as-of", o.as_of,
                   "the records as they stood on the last day of this date's period: later records and "
                   "progress left out, statuses of that day");
}

} // namespace accord::cli
