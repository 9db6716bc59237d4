#include "export.hpp"

#include "accord/error.hpp"
#include "accord/report/export.hpp"
#include "accord/report/export_file.hpp"
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

bool to_stdout(const ExportOptions& o) { return o.output.empty() || o.output == "-"; }

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
    cmd.add_flag("--crlf", options->crlf, "CSV: end lines with CR LF (default: LF)");
    cmd.add_flag("--bom", options->bom, "CSV: start with a UTF-8 byte order mark (for Excel)");
    cmd.add_flag("--safe-csv", options->safe_csv,
                 "CSV: prefix cells starting with = + - @ TAB or CR with ' (formula injection)");
    cmd.add_option("--output,-o", options->output,
                   "write to FILE instead of stdout, atomically (a temporary file renamed when complete)");
    cmd.add_option("--split-by", options->split_by, "yaml: one file per dialogue (and per statement of no dialogue)")
        ->check(one_of({"dialogue"}));
    cmd.add_option("--output-dir", options->output_dir, "yaml --split-by: the folder to write the files in");
    cmd.add_option("--commitment", options->commitment, "timeline: the events of this commitment only");
    add_filter_options(cmd, options->filters);
    cmd.callback([options, &global] {
        check_export_options(*options);
        Store store(global.resolved_db(), Store::Access::read_only);
        if (to_stdout(*options) || !options->split_by.empty()) {
            run_export(*options, store, std::cout);
            return;
        }
        AtomicFile file(options->output);
        try {
            run_export(*options, store, file.stream());
        } catch (const IoError&) {
            if (!file.stream()) {
                throw IoError(fmt::format("cannot write {}: the file system refused the data (disk full, or a "
                                          "file size limit); the file was left as it was",
                                          options->output));
            }
            throw;
        }
        file.commit();
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
    for (auto [set, name] : {std::pair{o.crlf, "--crlf"}, {o.bom, "--bom"}, {o.safe_csv, "--safe-csv"}}) {
        if (set && !csv) {
            fail(fmt::format("{} applies to CSV output only", name));
        }
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
    if (!o.split_by.empty() && !to_stdout(o)) {
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
            AtomicFile file(path);
            content(file.stream());
            file.commit();
        });
        return;
    }
    RowFormat format;
    format.format = format_from_string(options.format.empty() ? "csv" : options.format);
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
