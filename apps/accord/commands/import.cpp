#include "import.hpp"

#include "accord/output/output.hpp"
#include "accord/text/strings.hpp"
#include "accord/text/table.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <chrono>
#include <iostream>
#include <memory>

namespace accord::cli {

void add_input_options(CLI::App& cmd, ImportOptions& options) {
    cmd.add_option("paths", options.paths, "YAML files and folders (recursively *.yaml, *.yml); - for stdin")
        ->required();
    cmd.add_option("--max-errors", options.max_errors, "stop after this many errors (0: no limit)")
        ->capture_default_str()
        ->check(whole_number());
    cmd.add_option("--format", options.format, "summary format")
        ->check(one_of({"text", "json"}))
        ->capture_default_str();
}

std::shared_ptr<ImportOptions> setup_import(CLI::App& cmd, GlobalOptions& global) {
    auto options = std::make_shared<ImportOptions>();
    cmd.description("Import YAML records into the database, all or nothing: on any error nothing is written.\n"
                    "The files are the truth: a file's records and progress events are upserted, and those it\n"
                    "no longer holds are deleted (also those of a deleted or renamed file under a folder given);\n"
                    "an id keeps one file. Re-importing the same files changes nothing.\n"
                    "Example: accord import --dry-run data/ && accord import data/");
    add_input_options(cmd, *options);
    cmd.add_flag("-n,--dry-run", options->dry_run,
                 "validate against the database, show the plan (what would change) and write nothing");
    cmd.add_flag("--keep", options->keep,
                 "delete nothing: keep the records and progress events the files no longer hold");
    cmd.add_option("--busy-timeout", options->busy_timeout, "milliseconds to wait while another process writes")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    cmd.callback([options, &global] {
        options->quiet = global.quiet;
        options->progress = is_terminal(2) && !global.quiet;
        int code = 0;
        try {
            Store store(global.resolved_db(), Store::Access::read_write);
            store.db().setBusyTimeout(options->busy_timeout);
            store.migrate();
            code = run_import(*options, store, std::cout, std::cerr);
        } catch (const std::exception& e) {
            // Also a failure gives a script its JSON; the message goes to stderr as for any command.
            if (options->format == "json") {
                print_failure_json(*options, e.what(), std::cout);
            }
            throw;
        }
        if (code != 0) {
            throw CLI::RuntimeError(code);
        }
    });
    return options;
}

namespace {

std::string counts_json(const KindCounts& c) {
    return fmt::format("{{\"inserted\": {}, \"updated\": {}, \"deleted\": {}, \"moved\": {}, \"unchanged\": {}}}",
                       c.inserted, c.updated, c.deleted, c.moved, c.unchanged);
}

std::string json_or_null(const std::string& text) { return text.empty() ? "null" : text::json_quote(text); }
std::string json_or_null(int number) { return number > 0 ? std::to_string(number) : "null"; }

// The JSON summary (docs/commands.md). changes: list the plan (import; check has none).
void write_json(std::ostream& out, const ImportOptions& options, const ImportSummary& summary,
                const std::vector<Diagnostic>& errors, std::size_t error_count, bool changes) {
    fmt::print(out, "{{\n  \"ok\": {},\n  \"dry_run\": {},\n  \"committed\": {},\n  \"files\": {},\n",
               error_count == 0 ? "true" : "false", options.dry_run ? "true" : "false",
               summary.committed ? "true" : "false", summary.files);
    fmt::print(out, "  \"kinds\": {{");
    for (std::size_t k = 0; k < k_kind_names.size(); ++k) {
        fmt::print(out, "{}\n    \"{}\": {}", k ? "," : "", k_kind_names[k], counts_json(summary.counts[k]));
    }
    fmt::print(out, "\n  }},\n  \"total\": {},\n", counts_json(summary.total()));
    if (changes) {
        fmt::print(out, "  \"taken_over\": {},\n  \"kept\": {},\n  \"changes\": {{", summary.taken_over, summary.kept);
        for (auto what : {Change::Class::inserted, Change::Class::updated, Change::Class::deleted,
                          Change::Class::moved}) {
            fmt::print(out, "{}\n    \"{}\": [", what == Change::Class::inserted ? "" : ",", to_string(what));
            bool first = true;
            for (const auto& c : summary.changes) {
                if (c.what != what) {
                    continue;
                }
                fmt::print(out, "{}\n      {{\"kind\": \"{}\", \"id\": {}, \"file\": {}, \"line\": {}", first ? "" : ",",
                           to_string(c.kind), text::json_quote(c.id), text::json_quote(c.file), c.line);
                if (what == Change::Class::moved) {
                    fmt::print(out, ", \"from_file\": {}, \"from_line\": {}", text::json_quote(c.from_file), c.from_line);
                }
                out << '}';
                first = false;
            }
            out << (first ? "]" : "\n    ]");
        }
        out << "\n  },\n";
    }
    out << "  \"errors\": [";
    for (std::size_t i = 0; i < errors.size(); ++i) {
        const auto& d = errors[i];
        fmt::print(out,
                   "{}\n    {{\"file\": {}, \"line\": {}, \"column\": {}, \"record\": {}, \"field\": {}, \"message\": {}}}",
                   i ? "," : "", json_or_null(d.file), json_or_null(d.line), json_or_null(d.column),
                   json_or_null(d.record), json_or_null(d.field), text::json_quote(d.message));
    }
    fmt::print(out, "{}],\n  \"error_count\": {}\n}}\n", errors.empty() ? "" : "\n  ", error_count);
}

// "data/x.yaml:12", and for a move "data/b.yaml:3 (from data/a.yaml:7)".
std::string where(const Change& c) {
    std::string at = fmt::format("{}:{}", c.file, c.line);
    if (c.what == Change::Class::moved) {
        at += fmt::format(" (from {}:{})", c.from_file, c.from_line);
    }
    return at;
}

// The plan of a dry run: one row per record or progress event that would change.
void write_plan(std::ostream& out, const ImportSummary& summary) {
    if (summary.changes.empty()) {
        return;
    }
    text::Table t;
    t.columns = {text::Column("change"), text::Column("kind"), text::Column("id"), text::Column("file")};
    for (const auto& c : summary.changes) {
        static const char* const k_verbs[] = {"insert", "update", "delete", "move"};
        t.rows.push_back({k_verbs[static_cast<int>(c.what)], std::string(to_string(c.kind)), c.id, where(c)});
    }
    text::write_table(out, t, text::Format::table);
}

// A progress bar on stderr, shown only on a terminal once an import has run for a second.
// finish() draws it at its total and clears its line, before the summary is printed.
class ProgressBar {
public:
    explicit ProgressBar(bool enabled) : m_enabled(enabled), m_start(std::chrono::steady_clock::now()) {}
    ~ProgressBar() { finish(); }
    void update(std::size_t done, std::size_t all) {
        m_done = done;
        m_all = all;
        if (!m_enabled) {
            return;
        }
        auto now = std::chrono::steady_clock::now();
        if (now - m_start < std::chrono::seconds(1) || now - m_last < std::chrono::milliseconds(100)) {
            return;
        }
        m_last = now;
        draw();
    }
    void finish() {
        if (!m_shown) {
            return;
        }
        if (m_drawn != m_done) {
            draw(); // the last files came within 100 ms of the last drawing
        }
        write_raw(std::cerr, "\r\033[K");
        std::cerr << std::flush;
        m_shown = false;
    }

private:
    void draw() {
        m_shown = true;
        m_drawn = m_done;
        const std::size_t width = 30;
        std::size_t filled = m_all ? m_done * width / m_all : width;
        write_raw(std::cerr, "\r"); // accord's own control: not made visible (output.hpp)
        fmt::print(std::cerr, "accord: importing [{}{}] {}/{} files", std::string(filled, '#'),
                   std::string(width - filled, ' '), m_done, m_all);
        std::cerr << std::flush;
    }

    bool m_enabled;
    bool m_shown = false;
    std::size_t m_done = 0;
    std::size_t m_all = 0;
    std::size_t m_drawn = 0;
    std::chrono::steady_clock::time_point m_start;
    std::chrono::steady_clock::time_point m_last{};
};

} // namespace

void print_result(const ImportOptions& options, const ImportSummary& summary, const Diagnostics& diags,
                  std::ostream& out, std::ostream& err, const char* verb) {
    bool json = options.format == "json";
    diags.print(err, !json);
    bool import = std::string_view(verb) == "imported";
    if (json) {
        write_json(out, options, summary, diags.sorted(), diags.count(), import);
        return;
    }
    if (options.quiet) {
        return;
    }
    if (!diags.empty()) {
        fmt::print(err, "accord: {} error{} in {} file{}; nothing was written\n", diags.count(),
                   diags.count() == 1 ? "" : "s", summary.files, summary.files == 1 ? "" : "s");
        return;
    }
    // The counts are left-aligned under their headers (as this summary has always been written):
    // text cells, not numbers.
    text::Table t;
    for (const char* h : {"kind", "inserted", "updated", "deleted", "moved", "unchanged"}) {
        t.columns.emplace_back(h);
    }
    auto row = [](std::string name, const KindCounts& c) {
        return text::Row{std::move(name),          std::to_string(c.inserted), std::to_string(c.updated),
                         std::to_string(c.deleted), std::to_string(c.moved),    std::to_string(c.unchanged)};
    };
    for (std::size_t k = 0; k < k_kind_names.size(); ++k) {
        t.rows.push_back(row(std::string(k_kind_names[k]), summary.counts[k]));
    }
    KindCounts total = summary.total();
    t.rows.push_back(row("total", total));
    text::write_table(out, t, text::Format::table);
    const char* files = summary.files == 1 ? "" : "s";
    if (options.dry_run) {
        write_plan(out, summary);
        fmt::print(out, "dry run: {} file{} valid; nothing was written\n", summary.files, files);
    } else if (!summary.changed()) {
        fmt::print(out, "{} {} file{}: nothing changed\n", verb, summary.files, files);
    } else {
        fmt::print(out, "{} {} file{}: {} inserted, {} updated, {} deleted, {} moved, {} unchanged\n", verb,
                   summary.files, files, total.inserted, total.updated, total.deleted, total.moved, total.unchanged);
    }
    if (summary.kept > 0) {
        fmt::print(out, "{}\n",
                   summary.kept == 1 ? "--keep: 1 record or progress event that its file no longer holds was kept"
                                     : fmt::format("--keep: {} records and progress events that their files no "
                                                   "longer hold were kept",
                                                   summary.kept));
    }
    if (import && summary.taken_over > 0) {
        fmt::print(out, "{}\n",
                   summary.taken_over == 1
                       ? "1 record or progress event imported before accord kept files now belongs to its file"
                       : fmt::format("{} records and progress events imported before accord kept files now belong "
                                     "to the files that define them",
                                     summary.taken_over));
    }
}

void print_failure_json(const ImportOptions& options, const std::string& message, std::ostream& out) {
    Diagnostic d;
    d.message = message;
    write_json(out, options, ImportSummary(), {d}, 1, true);
}

int run_import(const ImportOptions& options, Store& store, std::ostream& out, std::ostream& err) {
    Diagnostics diags(options.max_errors);
    ProgressBar bar(options.progress);
    ImportRequest request;
    request.paths = options.paths;
    request.dry_run = options.dry_run;
    request.keep = options.keep;
    request.list_changes = options.dry_run || options.format == "json";
    request.on_file = [&bar](std::size_t done, std::size_t all, const std::string&) { bar.update(done, all); };
    ImportSummary summary = import_files(store, request, diags);
    bar.finish();
    print_result(options, summary, diags, out, err, "imported");
    return diags.empty() ? 0 : 1;
}

} // namespace accord::cli
