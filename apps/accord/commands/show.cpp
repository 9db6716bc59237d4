#include "show.hpp"

#include "accord/error.hpp"
#include "accord/store/query.hpp"
#include "accord/store/reader.hpp"
#include "accord/yaml/writer.hpp"

#include <fmt/ostream.h>

#include <iostream>
#include <memory>

namespace accord::cli {

void setup_show(CLI::App& cmd, GlobalOptions& global) {
    auto options = std::make_shared<ShowOptions>();
    cmd.description("Show one record as YAML, with the file and line it was imported from, its nested\n"
                    "records, status and what refers to it.\n"
                    "Example: accord show us-asean-cpd-5");
    cmd.add_option("id", options->id, "the record's id")->required();
    add_output_option(cmd, *options);
    cmd.callback([options, &global] {
        Store store(global.resolved_db(), Store::Access::read_only);
        write_output(*options, [&](std::ostream& out) { run_show(*options, store, out); });
    });
}

namespace {

void print_status(CommitmentStatus& status, const std::string& id, std::ostream& out) {
    fmt::print(out, "# status of {}: {}", id, status.overall(id));
    auto actors = status.actors(id);
    if (!actors.empty() && !actors.front().party.empty()) {
        out << " (";
        for (std::size_t i = 0; i < actors.size(); ++i) {
            fmt::print(out, "{}{}: {}", i ? ", " : "", actors[i].party, actors[i].status);
        }
        out << ")";
    }
    out << '\n';
}

} // namespace

void run_show(const ShowOptions& options, Store& store, std::ostream& out) {
    RecordReader reader(store);
    auto record = reader.load(options.id);
    if (!record) {
        throw DataError(fmt::format("no record '{}' in {}{}", options.id, store.path(), id_hint(store, options.id)));
    }
    std::vector<std::string> commitments; // shown, for their status lines
    ChildrenOf children = [&](const Record& parent) {
        auto kids = reader.children(parent);
        for (const auto& k : kids) {
            if (k.kind == Kind::commitment) {
                commitments.push_back(k.id());
            }
        }
        return kids;
    };
    if (record->kind == Kind::commitment) {
        commitments.push_back(record->id());
    }
    if (auto place = PlaceFinder(store).record(options.id)) {
        fmt::print(out, "# file: {}:{}\n", place->file, place->line);
    } else {
        out << "# file: none (imported before accord kept files; importing its file records it)\n";
    }
    write_yaml_record(out, *record, children);
    CommitmentStatus status(store);
    for (const auto& id : commitments) {
        print_status(status, id, out);
    }
    for (const auto& [source, relation] : referenced_by(store, options.id)) {
        fmt::print(out, "# referenced by {} ({})\n", source, relation);
    }
}

} // namespace accord::cli
