#include "search.hpp"

#include "accord/error.hpp"
#include "accord/report/table.hpp"
#include "accord/xref/search.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <cstdlib>
#include <iostream>
#include <memory>

namespace accord::cli {

namespace {

// Matched words as grep marks them on a terminal: bold red.
constexpr const char* k_color_open = "\033[01;31m";
constexpr const char* k_color_close = "\033[0m";

} // namespace

std::shared_ptr<SearchOptions> setup_search(CLI::App& cmd, GlobalOptions& global) {
    auto options = std::make_shared<SearchOptions>();
    cmd.description("Full-text search over ids, titles, names, commitment texts, descriptions and notes, best\n"
                    "first. Each argument is a word or a phrase (quote it: \"critical infrastructure\" finds the\n"
                    "words side by side); all must match (--any: one is enough); a trailing * matches a prefix\n"
                    "(cyber*). Words match their variants (commit, commits, committed), a long word also as two\n"
                    "(Vietnam: Viet Nam). An argument that starts with - is text (search -scams). Exit 1 when\n"
                    "nothing matches, as grep.\n"
                    "Example: accord search \"critical infrastructure\" --kind commitment");
    cmd.add_option("text", options->terms, "words or phrases to find")->required();
    cmd.add_flag("--any", options->any, "records matching any of the arguments, not all");
    cmd.add_option("--kind", options->kinds, "only records of these kinds (repeat, or separate with commas)")
        ->delimiter(',')
        ->check(one_of(std::vector<std::string>(k_kind_names.begin(), k_kind_names.end())));
    cmd.add_option("--limit", options->limit, "at most this many records (0: all)")->capture_default_str();
    cmd.add_option("--format", options->format, "output format")
        ->check(one_of({"table", "json"}))
        ->capture_default_str();
    add_filter_options(cmd, options->filters);
    cmd.callback([options, &global] {
        options->color = global.colour(1);
        Store store(global.resolved_db(), Store::Access::read_only);
        if (int code = run_search(*options, store, std::cout, global.notes()); code != 0) {
            throw CLI::RuntimeError(code);
        }
    });
    return options;
}

int run_search(const SearchOptions& options, Store& store, std::ostream& out, std::ostream& err) {
    xref::SearchRequest request;
    request.terms = options.terms;
    request.any_term = options.any;
    for (const auto& k : options.kinds) {
        auto kind = kind_from_string(k);
        if (!kind) {
            throw UsageError(fmt::format("unknown kind '{}'", k));
        }
        request.kinds.push_back(*kind);
    }
    KindSet kinds = 0;
    for (Kind k : request.kinds) {
        kinds |= kind_bit(k);
    }
    request.filter = options.filters.to_filter(store, request.kinds.empty() ? k_any_kind | kind_bit(Kind::progress) : kinds);
    request.limit = options.limit;
    xref::SearchResult result = xref::search(store, request);

    bool json = options.format == "json";
    Table t;
    t.headers = {"kind", "id", "date", "field", "snippet"};
    if (json) {
        t.headers.insert(t.headers.begin() + 2, "event");
        t.headers.push_back("score");
        t.numeric = {"event", "score"};
    }
    for (const auto& h : result.hits) {
        bool color = options.color && !json;
        std::string snippet = xref::mark_snippet(h.snippet, color ? k_color_open : "[", color ? k_color_close : "]");
        std::vector<std::string> row{std::string(to_string(h.kind)), h.id, h.date, h.field, snippet};
        if (json) {
            row.insert(row.begin() + 2, h.kind == Kind::progress ? std::to_string(h.event) : std::string());
            row.push_back(fmt::format("{:.3f}", h.score));
        }
        t.rows.push_back(std::move(row));
    }
    if (json || !t.rows.empty()) {
        write_table(out, t, json ? Format::json : Format::table);
    }
    if (result.hits.empty()) {
        fmt::print(err, "accord: no record matches\n");
        return static_cast<int>(ErrorKind::data);
    }
    if (result.more > 0) {
        fmt::print(err, "accord: {} more record{} match (--limit 0 shows all)\n", result.more,
                   result.more == 1 ? "" : "s");
    }
    return 0;
}

} // namespace accord::cli
