#include "xref.hpp"

#include "accord/error.hpp"
#include "accord/store/query.hpp"
#include "accord/xref/check.hpp"
#include "accord/xref/graph.hpp"
#include "accord/xref/lineage.hpp"
#include "accord/xref/similar.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <iostream>
#include <memory>

namespace accord::cli {

std::shared_ptr<XrefOptions> setup_xref(CLI::App& cmd, GlobalOptions& global) {
    auto options = std::make_shared<XrefOptions>();
    cmd.description("Cross-references: check them, follow a commitment's lineage, find missing ones.\n"
                    "Example: accord xref check");
    cmd.require_subcommand(1);

    auto* check = cmd.add_subcommand("check", "Report unresolved references, wrong kinds, cycles and orphans");
    check->description("Report unresolved references, references to the wrong kind of record, cycles of\n"
                       "supersedes / builds-on / follows-up, `fulfils` naming no commitment (warning) and\n"
                       "undertakings no program implements and no progress event assesses (warning;\n"
                       "acknowledgements too with --include-noted).\n"
                       "Exit 1 when there is an error. Each finding is placed at the FILE:LINE:COLUMN its\n"
                       "record was imported from; PATHs (the YAML the database was built from), when given,\n"
                       "are read again to place a finding about a reference at the reference itself.\n"
                       "Example: accord xref check --lint data/");
    check->add_option("paths", options->check.paths, "YAML files and folders, to place findings (optional)");
    check->add_option("--format", options->check.format, "output format")
        ->check(one_of({"text", "json"}))
        ->capture_default_str();
    check->add_flag("--strict", options->check.strict, "warnings are errors (exit 1)");
    check->add_flag("--lint", options->check.lint,
                    "also commitment quality: no actors, no due date, no verb of commitment, "
                    "progress without evidence or source");
    check->add_flag("--include-noted", options->check.include_noted,
                    "orphans: also acknowledgements (commitments whose action is note or recall)");
    add_output_option(*check, options->check);
    check->callback([options, &global] {
        Store store(global.resolved_db(), Store::Access::read_only);
        int code = 0;
        write_output(options->check, [&](std::ostream& out) {
            code = run_xref_check(options->check, store, out, global.notes());
        });
        if (code != 0) {
            throw CLI::RuntimeError(code);
        }
    });

    auto* lineage = cmd.add_subcommand("lineage", "The chain of a commitment or statement, back and forward");
    lineage->description("The chain of a commitment or statement: back to the origin, what it (a statement: or its\n"
                         "commitments) recalls, reaffirms, builds on ...; forward, what later reaffirms, follows\n"
                         "up or fulfils it; a commitment's statement and dialogue as context (not followed); the\n"
                         "programs implementing it; its progress events. Each record once (again: see above).\n"
                         "Example: accord xref lineage us-asean-cpd-5-js.c7 --format mermaid");
    lineage->add_option("id", options->lineage.id, "a commitment or statement id")->required();
    lineage->add_option("--format", options->lineage.format, "tree (indented), json, dot (Graphviz) or mermaid")
        ->check(one_of({"tree", "json", "dot", "mermaid"}))
        ->capture_default_str();
    add_output_option(*lineage, options->lineage);
    lineage->callback([options, &global] {
        Store store(global.resolved_db(), Store::Access::read_only);
        write_output(options->lineage, [&](std::ostream& out) { run_xref_lineage(options->lineage, store, out); });
    });

    auto* similar = cmd.add_subcommand("similar", "Pairs of alike commitments that no reference links yet");
    similar->description("Candidate cross-references: pairs of commitments in different statements whose texts\n"
                         "are alike (TF-IDF cosine, 0..1) and that no reference links yet (either way, between\n"
                         "the commitments or their statements), best first.\n"
                         "Example: accord xref similar --min-score 0.5 --suggest");
    similar->add_option("--min-score", options->similar.min_score, "lowest score shown (0..1)")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    similar->add_option("--limit", options->similar.limit,
                        "at most this many pairs, the best (0: all; stderr says how many more there are)")
        ->capture_default_str()
        ->check(whole_number());
    auto* suggest = similar->add_flag("--suggest", options->similar.suggest,
                                      "print the YAML references: lines to paste under each later commitment");
    similar->add_option("--format", options->similar.format, "output format")
        ->check(one_of({"text", "json"}))
        ->capture_default_str()
        ->excludes(suggest);
    add_output_option(*similar, options->similar);
    similar->callback([options, &global] {
        Store store(global.resolved_db(), Store::Access::read_only);
        write_output(options->similar,
                     [&](std::ostream& out) { run_xref_similar(options->similar, store, out, global.notes()); });
    });
    return options;
}

int run_xref_check(const XrefCheckOptions& options, Store& store, std::ostream& out, std::ostream& err) {
    xref::CheckRequest request;
    request.lint = options.lint;
    request.strict = options.strict;
    request.include_noted = options.include_noted;
    auto findings = xref::check_database(store, request);
    if (!options.paths.empty()) {
        xref::Places places;
        places.read(options.paths);
        xref::place_findings(findings, places);
    } else {
        xref::place_findings(findings, store);
    }
    auto counts = xref::count_findings(findings);
    if (options.format == "json") {
        xref::write_findings_json(out, findings);
    } else {
        xref::write_findings_text(out, findings);
        fmt::print(err, "accord: xref check: {} error{}, {} warning{}\n", counts.errors, counts.errors == 1 ? "" : "s",
                   counts.warnings, counts.warnings == 1 ? "" : "s");
    }
    return counts.errors == 0 ? 0 : static_cast<int>(ErrorKind::data);
}

void run_xref_lineage(const XrefLineageOptions& options, Store& store, std::ostream& out) {
    auto format = xref::lineage_format_from_string(options.format);
    xref::Graph graph = xref::Graph::load(store);
    if (!graph.find(options.id)) {
        throw DataError(fmt::format("no record '{}'{}", options.id, id_hint(store, options.id)));
    }
    xref::Lineage lineage = xref::build_lineage(graph, options.id);
    xref::write_lineage(out, graph, lineage, format);
}

void run_xref_similar(const XrefSimilarOptions& options, Store& store, std::ostream& out, std::ostream& err) {
    if (options.min_score < 0 || options.min_score > 1) {
        throw UsageError("--min-score must be between 0 and 1");
    }
    xref::CommitmentTexts texts = xref::CommitmentTexts::load(store);
    xref::SimilarRequest request;
    request.min_score = options.min_score;
    request.limit = options.limit;
    auto [pairs, found, crowded] = xref::find_similar(texts, request);
    if (options.suggest) {
        xref::write_similar_suggestions(out, pairs);
    } else if (options.format == "json") {
        xref::write_similar_json(out, pairs);
    } else {
        xref::write_similar_text(out, pairs);
    }
    if (pairs.empty() && options.format != "json") {
        fmt::print(err, "accord: no unlinked pair of commitments scores {:.2f} or more\n", options.min_score);
    }
    if (found > pairs.size()) {
        std::size_t more = found - pairs.size();
        fmt::print(err, "accord: {} more pair{} {:.2f} or more (--limit 0 shows all)\n", more,
                   more == 1 ? " scores" : "s score", options.min_score);
    }
    if (crowded > 0) {
        // Near-identical texts by the thousand: each was compared with its nearest by hash only.
        const std::size_t window = 2 * xref::SimilarityIndex::k_neighbours;
        fmt::print(err,
                   "accord: the search was cut: {} commitment{} {} or more alike texts; each was compared with "
                   "its nearest by hash only, so more pairs may score {:.2f} or more (docs/xref.md)\n",
                   crowded, crowded == 1 ? " has" : "s have", window, options.min_score);
    }
}

} // namespace accord::cli
