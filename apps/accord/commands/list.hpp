#pragma once
#include "common.hpp"
#include "filters.hpp"
#include "output.hpp"

#include "accord/store/store.hpp"

#include <memory>
#include <ostream>

namespace accord::cli {

struct ListOptions : OutputOptions {
    std::string kind;
    std::string format = "table";
    FilterOptions filters;
};

// Returns the options the parsed values land in (tests inspect them).
std::shared_ptr<ListOptions> setup_list(CLI::App& cmd, GlobalOptions& global);
void run_list(const ListOptions& options, Store& store, std::ostream& out);

} // namespace accord::cli
