#include "export.hpp"

#include "accord/error.hpp"
#include "accord/export/rows.hpp"
#include "accord/output/output.hpp"
#include "accord/store/query.hpp"

#include <fmt/format.h>

#include <iostream>
#include <memory>

namespace accord::cli {

namespace {

std::vector<std::string> targets() {
    std::vector<std::string> t = {"timeline", "links", "yaml"};
    t.insert(t.end(), k_kind_names.begin(), k_kind_names.end());
    return t;
}

} // namespace

std::shared_ptr<ExportOptions> setup_export(CLI::App& cmd, GlobalOptions& global) {
    auto options = std::make_shared<ExportOptions>();
    cmd.description("Export the records for other tools: the commitment timeline, each kind as a flat table, "
                    "the references, or the whole database as YAML (docs/export.md).\n"
                    "Examples: accord export timeline --party asean --format json\n"
                    "          accord export commitment --output commitments.csv\n"
                    "          accord export yaml > all.yaml");
    cmd.add_option("WHAT", options->what,
                   "timeline, links, yaml, or a kind: party, forum, theme, dialogue, statement, commitment, program, "
                   "progress")
        ->required()
        ->check(one_of(targets()));
    cmd.add_option("--format", options->format, "csv (the default), json (one array) or jsonl (one object a line)")
        ->check(one_of({"csv", "json", "jsonl"}));
    add_csv_options(cmd, *options);
    cmd.add_flag("--bom", options->bom, "CSV: start with a UTF-8 byte order mark (for Excel)");
    add_output_option(cmd, *options);
    cmd.add_option("--split-by", options->split_by, "yaml: one file per dialogue (and per statement of no dialogue)")
        ->check(one_of({"dialogue"}));
    cmd.add_option("--output-dir", options->output_dir, "yaml --split-by: the folder to write the files in");
    cmd.add_option("--commitment", options->commitment, "timeline: the events of this commitment only");
    add_filter_options(cmd, options->filters);
    cmd.callback([options, &global] {
        check_export_options(*options);
        Store store(global.resolved_db(), Store::Access::read_only);
        write_output(*options, [&](std::ostream& out) { run_export(*options, store, out); });
    });
    return options;
}

void check_export_options(const ExportOptions& o) {
    auto fail = [](const std::string& m) { throw UsageError(m); };
    const bool yaml = o.what == "yaml";
    const bool table = !yaml;
    if (yaml && !o.format.empty()) {
        fail("--format does not apply to export yaml");
    }
    bool csv = table && (o.format.empty() || o.format == "csv");
    check_csv_options(o, csv);
    if (o.bom && !csv) {
        fail("--bom applies to CSV output only");
    }
    if (!o.split_by.empty() && !yaml) {
        fail("--split-by applies to export yaml only");
    }
    if (!o.split_by.empty() && o.output_dir.empty()) {
        fail("--split-by needs --output-dir DIR");
    }
    if (!o.output_dir.empty() && o.split_by.empty()) {
        fail("--output-dir goes with --split-by dialogue (use --output FILE for one file)");
    }
    if (!o.split_by.empty() && !o.to_stdout()) {
        fail("--output and --split-by do not go together (--split-by writes into --output-dir)");
    }
    if (!o.commitment.empty() && o.what != "timeline") {
        fail("--commitment applies to export timeline only");
    }
    if ((yaml || o.what == "links") && o.filters.any()) {
        fail(fmt::format("filters do not apply to export {}", o.what));
    }
}

void run_export(const ExportOptions& options, Store& store, std::ostream& out) {
    check_export_options(options);
    if (options.what == "yaml") {
        if (options.split_by.empty()) {
            export_yaml(store, out);
            return;
        }
        make_folders(options.output_dir);
        export_yaml_split(store, [&](const std::string& relative, const std::function<void(std::ostream&)>& content) {
            std::string path = options.output_dir + "/" + relative;
            make_folders(path.substr(0, path.rfind('/')));
            OutputFile(path).write_and_commit(content);
        });
        return;
    }
    RowFormat format;
    format.format = text::parse_format(options.format.empty() ? "csv" : options.format,
                                       {text::Format::csv, text::Format::json, text::Format::jsonl});
    format.crlf = options.crlf;
    format.bom = options.bom;
    format.safe_csv = options.safe_csv;
    const bool timeline = options.what == "timeline";
    auto kind = kind_from_string(options.what);
    Filter filter = options.filters.to_filter(store, timeline ? kind_bit(Kind::commitment) : kind ? kind_bit(*kind) : 0);
    if (timeline) {
        TimelineQuery query;
        query.filter = filter;
        if (!options.commitment.empty()) {
            if (std::string why = why_not_a(store, options.commitment, Kind::commitment); !why.empty()) {
                throw UsageError("--commitment: " + why);
            }
            query.commitment = options.commitment;
        }
        export_timeline(store, query, out, format);
    } else if (options.what == "links") {
        export_links(store, out, format);
    } else if (kind) {
        export_kind(store, *kind, filter, out, format);
    } else {
        throw UsageError(fmt::format("unknown export '{}'", options.what));
    }
}

} // namespace accord::cli
