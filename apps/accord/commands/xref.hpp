#pragma once
#include "common.hpp"
#include "output.hpp"

#include "accord/store/store.hpp"
#include "accord/xref/similar.hpp"

#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace accord::cli {

struct XrefCheckOptions : OutputOptions {
    std::vector<std::string> paths; // YAML files read only to place the findings at FILE:LINE:COLUMN
    std::string format = "text";
    bool strict = false;
    bool lint = false;
    bool include_noted = false; // orphans: acknowledgements too
};

struct XrefLineageOptions : OutputOptions {
    std::string id;
    std::string format = "tree";
};

struct XrefSimilarOptions : OutputOptions {
    double min_score = xref::SimilarRequest{}.min_score;
    std::size_t limit = xref::SimilarRequest::k_default_limit; // 0: all
    bool suggest = false;
    std::string format = "text";
};

struct XrefOptions {
    XrefCheckOptions check;
    XrefLineageOptions lineage;
    XrefSimilarOptions similar;
};

// `xref` with its subcommands check, lineage and similar. Returns the options the parsed
// values land in (tests inspect them).
std::shared_ptr<XrefOptions> setup_xref(CLI::App& cmd, GlobalOptions& global);

// Prints the findings; returns the exit code (1 when there is an error finding).
int run_xref_check(const XrefCheckOptions& options, Store& store, std::ostream& out, std::ostream& err);
void run_xref_lineage(const XrefLineageOptions& options, Store& store, std::ostream& out);
void run_xref_similar(const XrefSimilarOptions& options, Store& store, std::ostream& out, std::ostream& err);

} // namespace accord::cli
