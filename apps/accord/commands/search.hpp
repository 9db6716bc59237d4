#pragma once
#include "common.hpp"
#include "filters.hpp"
#include "output.hpp"

#include "accord/store/store.hpp"

#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace accord::cli {

struct SearchOptions : OutputOptions {
    std::vector<std::string> terms; // each argument a word or a phrase
    bool any = false;
    std::vector<std::string> kinds;
    std::size_t limit = 20;
    std::string format = "table";
    bool color = false; // set by setup_search: stdout is a terminal and NO_COLOR is unset
    FilterOptions filters;
};

// Returns the options the parsed values land in (tests inspect them).
std::shared_ptr<SearchOptions> setup_search(CLI::App& cmd, GlobalOptions& global);
// Returns the exit code: 0 when a record matches, 1 when none does (as grep; a note on err).
int run_search(const SearchOptions& options, Store& store, std::ostream& out, std::ostream& err);

} // namespace accord::cli
