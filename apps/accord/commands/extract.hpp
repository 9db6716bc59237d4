#pragma once
#include "common.hpp"
#include "output.hpp"

#include "accord/store/store.hpp"

#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace accord::cli {

struct ExtractOptions : OutputOptions { // -o/--output: a file instead of stdout
    std::string file;                 // the statement's plain text; "-" for stdin
    std::string id;                   // the statement's id (else made from the title)
    std::string title;                // else a heading of the text
    std::string date;                 // else the date line of the text
    std::string dialogue;             // adopted_at: a dialogue or forum id
    std::vector<std::string> parties; // else the dialogue's, or those the title names
};

// Returns the options the parsed values land in (tests inspect them).
std::shared_ptr<ExtractOptions> setup_extract(CLI::App &cmd, GlobalOptions &global);
// Reads the file, drafts the statement against the store (an empty store: no database) and
// writes the YAML to out. Returns warnings for stderr.
std::vector<std::string> run_extract(const ExtractOptions &options, Store &store, std::ostream &out);

} // namespace accord::cli
