#include "extract.hpp"
#include "filters.hpp"

#include "accord/error.hpp"
#include "accord/extract/extract.hpp"
#include "accord/yaml/node.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace accord::cli {

namespace {

std::string read_input(const std::string &file) {
    std::string text;
    if (file == "-") {
        text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
        if (!std::filesystem::exists(file)) {
            throw IoError(fmt::format("cannot read {}: no such file", file));
        }
        std::ifstream in(file, std::ios::binary);
        if (!in || std::filesystem::is_directory(file)) {
            throw IoError(fmt::format("cannot read {}", file));
        }
        text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        if (in.bad()) {
            throw IoError(fmt::format("cannot read {}", file));
        }
    }
    if (auto problem = yaml::check_text(text)) {
        throw DataError(fmt::format("{}:{}:{}: {}", file == "-" ? "<stdin>" : file, problem->mark.line,
                                    problem->mark.column, problem->message));
    }
    return text;
}

} // namespace

std::shared_ptr<ExtractOptions> setup_extract(CLI::App &cmd, GlobalOptions &global) {
    auto options = std::make_shared<ExtractOptions>();
    cmd.description("Draft a statement record and its commitments from the statement's plain text, as YAML\n"
                    "that passes `accord check`. Names are resolved read-only against the database; every\n"
                    "guess is marked `# check:`. Rules: docs/extract.md.\n"
                    "Example: accord extract readout.txt --id draft-cpd-5 --output draft.yaml");
    cmd.add_option("file", options->file, "the statement's plain text (UTF-8), - for stdin")->required();
    cmd.add_option("--id", options->id, "the statement's id (default: made from the title)");
    cmd.add_option("--title", options->title, "the statement's title (default: a heading of the text)");
    cmd.add_option("--date", options->date,
                   fmt::format("its date, {} (default: the date line of the text)", k_date_forms));
    cmd.add_option("--dialogue", options->dialogue, "the dialogue or forum that adopted it (adopted_at)");
    cmd.add_option("--parties", options->parties, "its parties, comma-separated party ids")->delimiter(',');
    add_output_option(cmd, *options);
    cmd.callback([options, &global] {
        std::string path = global.resolved_db();
        std::ostringstream yaml;
        std::vector<std::string> warnings;
        if (std::filesystem::exists(path)) {
            Store store(path, Store::Access::read_only);
            warnings = run_extract(*options, store, yaml);
        } else {
            fmt::print(global.notes(), "accord: note: no database at {}: names are left as '# check:' comments\n", path);
            Store store = Store::memory();
            warnings = run_extract(*options, store, yaml);
        }
        for (const auto &w : warnings) {
            fmt::print(global.notes(), "accord: warning: {}\n", w);
        }
        write_output(*options, [&](std::ostream &out) { out << yaml.str(); });
    });
    return options;
}

std::vector<std::string> run_extract(const ExtractOptions &options, Store &store, std::ostream &out) {
    std::string text = read_input(options.file);
    extract::DraftRequest request;
    request.id = options.id;
    request.title = options.title;
    if (auto date = parse_date_option(options.date, "--date")) {
        request.date = date->str(); // a relative date (today, -2w ...) as the day it names
    }
    request.dialogue = options.dialogue;
    request.parties = options.parties;
    extract::Draft draft =
        extract::draft_statement(text, options.file == "-" ? "<stdin>" : options.file, request, store);
    extract::write_draft(out, draft);
    return draft.warnings;
}

} // namespace accord::cli
