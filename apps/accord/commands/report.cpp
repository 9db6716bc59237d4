#include "report.hpp"

#include "accord/brief/render.hpp"
#include "accord/error.hpp"
#include "accord/report/progress.hpp"
#include "accord/report/changes.hpp"
#include "accord/report/coverage.hpp"
#include "accord/report/dialogue.hpp"
#include "accord/report/overdue.hpp"
#include "accord/report/scores.hpp"
#include "accord/report/timeline.hpp"

#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <optional>
#include <vector>

namespace accord::cli {

namespace {

std::vector<std::string> names(const std::string_view* first, std::size_t n) {
    return std::vector<std::string>(first, first + n);
}

// The options every report has: --format, --as-of and the shared filters; --include-noted
// where acknowledgements are left out.
void add_report_options(CLI::App& cmd, ReportOptions& o, bool noted = true) {
    cmd.add_option("--format", o.format, "output format")
        ->check(one_of(text::format_names(k_report_formats)))
        ->capture_default_str();
    if (noted) {
        cmd.add_flag("--include-noted", o.include_noted,
                     "count acknowledgements (commitments whose action is note or recall) as undertakings too");
    }
    add_filter_options(cmd, o.filters);
    add_output_option(cmd, o);
    add_csv_options(cmd, o);
    cmd.get_option("--as-of")->description(fmt::format("the records as they stood on this date ({}; a partial date: "
                                                       "the last day of its period); default: today",
                                                       k_date_forms));
}

using Run = void (*)(const ReportOptions&, Store&, std::ostream&);

void on_run(CLI::App& cmd, const std::shared_ptr<ReportOptions>& options, GlobalOptions& global, Run run) {
    cmd.callback([options, &global, run] {
        check_csv_options(*options, options->format == "csv");
        options->colour = global.colour(options->to_stdout() ? 1 : -1);
        Store store(global.resolved_db(), Store::Access::read_only);
        write_output(*options, [&](std::ostream& out) { run(*options, store, out); });
    });
}

// The html format also draws the timeline of the commitments the report selects.
ReportStyle style_of(const ReportOptions& o, Store& store, const Filter& filter, const std::string& day) {
    ReportStyle style(text::parse_format(o.format, k_report_formats), o.colour);
    style.options.crlf = o.crlf;
    style.options.safe_csv = o.safe_csv;
    if (style.format == text::Format::html) {
        style.timeline = report_timeline(store, filter, day);
    }
    return style;
}

} // namespace

std::string report_day(const ReportOptions& options) {
    if (auto d = options.filters.parse().as_of) {
        return as_of_day(*d);
    }
    return today().str();
}

Filter report_filter(const ReportOptions& options, Store& store) {
    Filter filter = options.filters.to_filter(store, kind_bit(Kind::commitment));
    filter.undertakings_only = !options.include_noted;
    return filter;
}

void setup_report(CLI::App& cmd, GlobalOptions& global) {
    cmd.description("Reports on commitments and where they stand, as of a day (default: today). They count\n"
                    "undertakings; acknowledgements (action note or recall) only with --include-noted.\n"
                    "Example: accord report progress --by party --as-of 2025-06-30");
    cmd.require_subcommand(1);

    auto progress = std::make_shared<ReportOptions>();
    auto* p = cmd.add_subcommand("progress", "per group: commitments by status, share complete, overdue");
    p->description("Per group: how many commitments stand at each status, the share complete and how many are "
                   "overdue.\nExample: accord report progress --by party --as-of 2025");
    p->add_option("--by", progress->by, "group by statement, dialogue, party, theme or series")
        ->check(one_of(names(k_progress_by_names, std::size(k_progress_by_names))))
        ->capture_default_str();
    add_report_options(*p, *progress);
    on_run(*p, progress, global, run_report_progress);

    auto overdue = std::make_shared<ReportOptions>();
    auto* o = cmd.add_subcommand("overdue", "commitments past due and not complete");
    o->description("Commitments past the end of their due period and neither complete nor withdrawn, the longest "
                   "overdue first.\nExample: accord report overdue --party asean");
    add_report_options(*o, *overdue);
    on_run(*o, overdue, global, run_report_overdue);

    auto upcoming = std::make_shared<ReportOptions>();
    auto* u = cmd.add_subcommand("upcoming", "commitments falling due soon and not complete");
    u->description("Commitments whose due period ends in a window from the as-of day (default today): within\n"
                   "--within (default 90d) or before --before DATE; neither complete nor withdrawn; the soonest\n"
                   "first, with their text.\n"
                   "Example: accord report upcoming --within 6m --party asean");
    auto* within = u->add_option("--within", upcoming->within,
                                 "the window's length from the as-of day: N days, weeks, months or years (90d, 2w, "
                                 "6m, 1y); default 90d");
    u->add_option("--before", upcoming->before,
                  fmt::format("the window ends the day before this date ({}; a partial date: its first day)",
                              k_date_forms))
        ->excludes(within);
    add_report_options(*u, *upcoming);
    on_run(*u, upcoming, global, run_report_upcoming);

    auto dialogue = std::make_shared<ReportOptions>();
    auto* d = cmd.add_subcommand("dialogue", "one dialogue: statements, commitments, status, what followed");
    d->description("One dialogue: when and where, its statements, each commitment with its status (undertakings,\n"
                   "then acknowledgements apart), what they referred to and what followed them.\n"
                   "Example: accord report dialogue us-asean-cpd-5");
    d->add_option("id", dialogue->id, "the dialogue's id")->required();
    add_report_options(*d, *dialogue, false);
    on_run(*d, dialogue, global, run_report_dialogue);

    auto scores = std::make_shared<ReportOptions>();
    scores->by = "party";
    auto* s = cmd.add_subcommand("scores", "compliance table: commitments x parties, -1/0/+1, averages");
    s->description("G7/G20-style compliance table: one row per commitment, one column per party, +1 complete, 0 "
                   "substantial or limited, -1 not-started or withdrawn; averages per party and per commitment.\n"
                   "Example: accord report scores --party asean --format csv");
    s->add_option("--by", scores->by, "the columns: party (the only grouping)")
        ->check(one_of({"party"}))
        ->capture_default_str();
    add_report_options(*s, *scores);
    on_run(*s, scores, global, run_report_scores);

    auto coverage = std::make_shared<ReportOptions>();
    auto* c = cmd.add_subcommand("coverage", "themes x commitments, programs and parties; gaps");
    c->description("Per theme: its commitments, how many a program implements, the programs that implement them "
                   "or carry the theme, and the parties; flags themes whose commitments no program implements and "
                   "lists programs that implement no commitment.\nExample: accord report coverage --group un-norms");
    c->add_option("--group", coverage->group, "only the themes of this group (e.g. un-norms)");
    add_report_options(*c, *coverage);
    on_run(*c, coverage, global, run_report_coverage);

    // changes: --since and --until are the window (not filters on the statement date);
    // --until plays the part of --as-of.
    auto changes = std::make_shared<ReportOptions>();
    auto* ch = cmd.add_subcommand("changes", "what moved between two dates");
    ch->description("What moved between two dates: commitments whose status changed (on the day before --since "
                    "against the last day of --until, default today), commitments made and programs started in "
                    "between.\nExample: accord report changes --since 2025-01 --until 2025-06");
    ch->add_option("--format", changes->format, "output format")
        ->check(one_of(text::format_names(k_report_formats)))
        ->capture_default_str();
    ch->add_flag("--include-noted", changes->include_noted,
                 "count acknowledgements (commitments whose action is note or recall) as undertakings too");
    add_filter_options(*ch, changes->filters);
    add_output_option(*ch, *changes);
    add_csv_options(*ch, *changes);
    ch->remove_option(ch->get_option("--as-of")); // --until plays its part
    ch->get_option("--since")->required()->description("the window starts on the first day of this date");
    ch->get_option("--until")->description("the window ends on the last day of this date (default: today)");
    on_run(*ch, changes, global, run_report_changes);

    // brief: a document of several tables, so no csv (and no --safe-csv or --crlf); --as-of is
    // its only filter (the target chooses the records).
    auto brief = std::make_shared<ReportOptions>();
    auto* b = cmd.add_subcommand("brief", "the brief before the next meeting of a series (or before a dialogue)");
    b->description("The brief before the next meeting of a series: its meetings so far, each undertaking by status "
                   "with its\ntext, actors, due date, latest progress note and evidence and the programs carrying it; "
                   "what is overdue,\nwhat falls due before the next meeting, what was renewed or looks renewed but "
                   "is not linked (with the\nreferences: line to paste), the acknowledgements and what changed since "
                   "the last meeting. For a dialogue:\nthe brief that would have been prepared the day before it "
                   "(docs/brief.md).\nExample: accord report brief us-asean-cpd --next 2026-09 --format html -o brief.html");
    b->add_option("target", brief->id, "a series (e.g. us-asean-cpd) or a dialogue id (e.g. us-asean-cpd-6)")
        ->required();
    b->add_option("--next", brief->next,
                  fmt::format("the next meeting's day ({}; a partial date: its first day); series only; default: the "
                              "day after the last meeting",
                              k_date_forms));
    b->add_option("--as-of", brief->filters.as_of,
                  fmt::format("the records as they stood on this date ({}; a partial date: the last day of its "
                              "period); default: today, or the day before --next if that is earlier",
                              k_date_forms));
    b->add_option("--format", brief->format,
                  fmt::format("output format: {} (no csv: a brief is several tables)",
                              fmt::join(text::format_names(k_brief_formats), ", ")))
        ->check(CLI::Validator(
            [](std::string& value) {
                try {
                    brief_format(value);
                } catch (const UsageError& e) {
                    return std::string(e.what());
                }
                return std::string();
            },
            ""))
        ->capture_default_str();
    add_output_option(*b, *brief);
    on_run(*b, brief, global, run_report_brief);
}

void run_report_progress(const ReportOptions& options, Store& store, std::ostream& out) {
    const Filter filter = report_filter(options, store);
    const std::string day = report_day(options);
    auto report = progress_report(store, progress_by_from_string(options.by), filter, day);
    const ReportStyle style = style_of(options, store, filter, day);
    write_report(out, progress_document(report, style), style);
}

void run_report_overdue(const ReportOptions& options, Store& store, std::ostream& out) {
    const Filter filter = report_filter(options, store);
    const std::string day = report_day(options);
    auto report = overdue_report(store, filter, day);
    const ReportStyle style = style_of(options, store, filter, day);
    write_report(out, overdue_document(report, style), style);
}

void run_report_upcoming(const ReportOptions& options, Store& store, std::ostream& out) {
    const Filter filter = report_filter(options, store);
    const std::string day = report_day(options);
    const PartialDate first = *PartialDate::parse(day);
    std::string until;
    if (auto before = parse_date_option(options.before, "--before")) {
        until = PartialDate::from_days_since_epoch(before->first_day().days_since_epoch() - 1).str();
        if (until < day) {
            throw UsageError(fmt::format("--before {} is not after the as-of day {}", options.before, day));
        }
    } else {
        const std::string within = options.within.empty() ? "90d" : options.within;
        auto span = parse_offset(within);
        if (!span || within.front() == '-' || within.front() == '+') {
            throw UsageError(fmt::format("--within: '{}' is not a span of time (expected N followed by d, w, m or y: "
                                         "90d, 2w, 6m, 1y)",
                                         within));
        }
        until = add_offset(first, *span).str();
    }
    auto report = upcoming_report(store, filter, day, until);
    const ReportStyle style = style_of(options, store, filter, day);
    write_report(out, upcoming_document(report, style), style);
}

void run_report_scores(const ReportOptions& options, Store& store, std::ostream& out) {
    const Filter filter = report_filter(options, store);
    const std::string day = report_day(options);
    auto report = scores_report(store, filter, day);
    const ReportStyle style = style_of(options, store, filter, day);
    write_report(out, scores_document(report, style), style);
}

void run_report_coverage(const ReportOptions& options, Store& store, std::ostream& out) {
    std::optional<std::string> group;
    if (!options.group.empty()) {
        group = options.group;
    }
    const Filter filter = report_filter(options, store);
    const std::string day = report_day(options);
    auto report = coverage_report(store, filter, group, day);
    const ReportStyle style = style_of(options, store, filter, day);
    write_report(out, coverage_document(report, style), style);
}

void run_report_changes(const ReportOptions& options, Store& store, std::ostream& out) {
    Filter filter = report_filter(options, store);
    if (!filter.since) {
        throw UsageError("--since is required");
    }
    std::string since = filter.since->first_day().str();
    ReportOptions today = options;
    today.filters.as_of.clear();
    std::string until = filter.until ? filter.until->last_day().str() : report_day(today);
    filter.since.reset();
    filter.until.reset();
    auto report = changes_report(store, filter, since, until);
    ReportStyle style = style_of(options, store, filter, until);
    if (style.timeline) {
        style.timeline->since = since;
    }
    write_report(out, changes_document(report, style), style);
}

void run_report_dialogue(const ReportOptions& options, Store& store, std::ostream& out) {
    Filter filter = options.filters.to_filter(store, kind_bit(Kind::commitment));
    const std::string day = report_day(options);
    auto report = dialogue_report(store, options.id, filter, day);
    filter.dialogue = options.id; // the timeline of this dialogue's commitments
    const ReportStyle style = style_of(options, store, filter, day);
    write_report(out, dialogue_document(report, style), style);
}

void run_report_brief(const ReportOptions& options, Store& store, std::ostream& out) {
    const text::Format format = brief_format(options.format);
    BriefRequest request;
    request.target = options.id;
    request.as_of = report_day(options);
    if (auto next = parse_date_option(options.next, "--next")) {
        request.next = next->first_day().str();
    }
    text::WriteOptions write;
    write.colour = options.colour;
    write_brief(out, make_brief(store, request), format, write);
}

} // namespace accord::cli
