#pragma once
#include "common.hpp"

#include "accord/store/store.hpp"

#include <ostream>

namespace accord::cli {

struct InitOptions {
    bool quiet = false;
};

void setup_init(CLI::App& cmd, GlobalOptions& global);
void run_init(const InitOptions& options, Store& store, std::ostream& out);

} // namespace accord::cli
