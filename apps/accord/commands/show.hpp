#pragma once
#include "common.hpp"
#include "output.hpp"

#include "accord/store/store.hpp"

#include <ostream>

namespace accord::cli {

struct ShowOptions : OutputOptions {
    std::string id;
};

void setup_show(CLI::App& cmd, GlobalOptions& global);
// Prints the record in the input format, nested children included, then what refers to it.
void run_show(const ShowOptions& options, Store& store, std::ostream& out);

} // namespace accord::cli
