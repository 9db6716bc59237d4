#include "import.hpp"

#include "accord/report/table.hpp"

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
        ->capture_default_str();
    cmd.add_option("--format", options.format, "summary format")
        ->check(one_of({"text", "json"}))
        ->capture_default_str();
}

std::shared_ptr<ImportOptions> setup_import(CLI::App& cmd, GlobalOptions& global) {
    auto options = std::make_shared<ImportOptions>();
    cmd.description("Import YAML records into the database, all or nothing: on any error nothing is written.\n"
                    "Records are upserted by id; re-importing the same files changes nothing.\n"
                    "Example: accord import data/ --db records.db");
    add_input_options(cmd, *options);
    cmd.add_flag("-n,--dry-run", options->dry_run, "validate against the database and write nothing");
    cmd.add_option("--busy-timeout", options->busy_timeout, "milliseconds to wait while another process writes")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    cmd.callback([options, &global] {
        options->quiet = global.quiet;
        options->progress = is_terminal(2) && !global.quiet;
        Store store(global.resolved_db(), Store::Access::read_write);
        store.db().setBusyTimeout(options->busy_timeout);
        store.migrate();
        int code = run_import(*options, store, std::cout, std::cerr);
        if (code != 0) {
            throw CLI::RuntimeError(code);
        }
    });
    return options;
}

namespace {

std::string counts_json(const KindCounts& c) {
    return fmt::format("{{\"inserted\": {}, \"updated\": {}, \"unchanged\": {}}}", c.inserted, c.updated, c.unchanged);
}

// A progress bar on stderr, shown only on a terminal once an import has run for a second.
class ProgressBar {
public:
    explicit ProgressBar(bool enabled) : m_enabled(enabled), m_start(std::chrono::steady_clock::now()) {}
    ~ProgressBar() {
        if (m_shown) {
            std::cerr << "\r\033[K" << std::flush;
        }
    }
    void update(std::size_t done, std::size_t all) {
        if (!m_enabled) {
            return;
        }
        auto now = std::chrono::steady_clock::now();
        if (now - m_start < std::chrono::seconds(1) || now - m_last < std::chrono::milliseconds(100)) {
            return;
        }
        m_last = now;
        m_shown = true;
        const std::size_t width = 30;
        std::size_t filled = all ? done * width / all : width;
        fmt::print(std::cerr, "\raccord: importing [{}{}] {}/{} files", std::string(filled, '#'),
                   std::string(width - filled, ' '), done, all);
        std::cerr << std::flush;
    }

private:
    bool m_enabled;
    bool m_shown = false;
    std::chrono::steady_clock::time_point m_start;
    std::chrono::steady_clock::time_point m_last{};
};

} // namespace

void print_result(const ImportOptions& options, const ImportSummary& summary, const Diagnostics& diags,
                  std::ostream& out, std::ostream& err, const char* verb) {
    diags.print(err);
    if (options.format == "json") {
        fmt::print(out, "{{\n  \"ok\": {},\n  \"dry_run\": {},\n  \"committed\": {},\n  \"files\": {},\n",
                   diags.empty() ? "true" : "false", options.dry_run ? "true" : "false",
                   summary.committed ? "true" : "false", summary.files);
        fmt::print(out, "  \"kinds\": {{");
        for (std::size_t k = 0; k < k_kind_names.size(); ++k) {
            fmt::print(out, "{}\n    \"{}\": {}", k ? "," : "", k_kind_names[k], counts_json(summary.counts[k]));
        }
        fmt::print(out, "\n  }},\n  \"total\": {},\n  \"errors\": [", counts_json(summary.total()));
        auto sorted = diags.sorted();
        for (std::size_t i = 0; i < sorted.size(); ++i) {
            const auto& d = sorted[i];
            fmt::print(out, "{}\n    {{\"file\": {}, \"line\": {}, \"column\": {}, \"message\": {}}}", i ? "," : "",
                       json_quote(d.file), d.line, d.column, json_quote(d.message));
        }
        fmt::print(out, "{}],\n  \"error_count\": {}\n}}\n", sorted.empty() ? "" : "\n  ", diags.count());
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
    Table t;
    t.headers = {"kind", "inserted", "updated", "unchanged"};
    for (std::size_t k = 0; k < k_kind_names.size(); ++k) {
        const auto& c = summary.counts[k];
        t.rows.push_back({std::string(k_kind_names[k]), std::to_string(c.inserted), std::to_string(c.updated),
                          std::to_string(c.unchanged)});
    }
    KindCounts total = summary.total();
    t.rows.push_back(
        {"total", std::to_string(total.inserted), std::to_string(total.updated), std::to_string(total.unchanged)});
    write_table(out, t, Format::table);
    if (options.dry_run) {
        fmt::print(out, "dry run: {} file{} valid; nothing was written\n", summary.files, summary.files == 1 ? "" : "s");
    } else if (!summary.changed()) {
        fmt::print(out, "{} {} file{}: nothing changed\n", verb, summary.files, summary.files == 1 ? "" : "s");
    } else {
        fmt::print(out, "{} {} file{}: {} inserted, {} updated, {} unchanged\n", verb, summary.files,
                   summary.files == 1 ? "" : "s", total.inserted, total.updated, total.unchanged);
    }
}

int run_import(const ImportOptions& options, Store& store, std::ostream& out, std::ostream& err) {
    Diagnostics diags(options.max_errors);
    ProgressBar bar(options.progress);
    ImportRequest request;
    request.paths = options.paths;
    request.dry_run = options.dry_run;
    request.on_file = [&bar](std::size_t done, std::size_t all, const std::string&) { bar.update(done, all); };
    ImportSummary summary = import_files(store, request, diags);
    print_result(options, summary, diags, out, err, "imported");
    return diags.empty() ? 0 : 1;
}

} // namespace accord::cli
