#include "search.hpp"

#include "accord/error.hpp"
#include "accord/output/output.hpp"
#include "accord/text/table.hpp"
#include "accord/search/search.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <sstream>

namespace accord::cli {

namespace {

// Matched words as grep marks them on a terminal: bold red.
constexpr const char* k_color_open = "\033[01;31m";
constexpr const char* k_color_close = "\033[0m";

// A snippet coloured for a terminal: the text made visible (output.hpp), the marks as colours.
std::string coloured(std::string_view snippet) {
    std::string out;
    std::string piece;
    for (char c : xref::mark_snippet(snippet, xref::k_mark_open, xref::k_mark_close)) {
        if (c == xref::k_mark_open[0] || c == xref::k_mark_close[0]) {
            out += visible(piece);
            piece.clear();
            out += c == xref::k_mark_open[0] ? k_color_open : k_color_close;
        } else {
            piece += c;
        }
    }
    return out + visible(piece);
}

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
    cmd.add_option("--limit", options->limit, "at most this many records (0: all)")
        ->capture_default_str()
        ->check(whole_number());
    cmd.add_option("--format", options->format, "output format")
        ->check(one_of({"table", "json"}))
        ->capture_default_str();
    add_filter_options(cmd, options->filters);
    add_output_option(cmd, *options);
    cmd.callback([options, &global] {
        options->color = global.colour(options->to_stdout() ? 1 : -1);
        Store store(global.resolved_db(), Store::Access::read_only);
        int code = 0;
        write_output(*options, [&](std::ostream& out) { code = run_search(*options, store, out, global.notes()); });
        if (code != 0) {
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
    using text::Cell;
    using text::CellType;
    using text::Column;
    using text::Show;
    text::Table t;
    t.columns = {Column("kind"),         Column("id"),    Column("event", "event", CellType::integer, Show::machine),
                 Column("date"),         Column("field"), Column("snippet"),
                 Column("score", "score", CellType::real, Show::machine)};
    for (const auto& h : result.hits) {
        bool color = options.color && !json;
        std::string snippet = color ? coloured(h.snippet) : xref::mark_snippet(h.snippet, "[", "]");
        t.rows.push_back({Cell(std::string(to_string(h.kind))), Cell::or_null(h.id),
                          h.kind == Kind::progress ? Cell::integer(h.event) : Cell(), Cell::or_null(h.date),
                          Cell::or_null(h.field), Cell::or_null(snippet), Cell::real(fmt::format("{:.3f}", h.score))});
    }
    if (json || !t.rows.empty()) {
        if (options.color && !json) {
            // Made visible above, with accord's own colours: written as it is.
            std::ostringstream table;
            text::write_table(table, t, text::Format::table);
            write_raw(out, table.str());
        } else {
            text::write_table(out, t, json ? text::Format::json : text::Format::table);
        }
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
