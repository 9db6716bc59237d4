#pragma once
// SPEC section 3: reads files document by document, validates, and upserts into the
// store inside one transaction that is committed only when there was no error.
#include "accord/model/vocab.hpp"
#include "accord/store/store.hpp"
#include "accord/validate/diagnostics.hpp"

#include <array>
#include <functional>
#include <string>
#include <vector>

namespace accord {

struct KindCounts {
    std::size_t inserted = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
};

struct ImportSummary {
    std::size_t files = 0;
    std::size_t documents = 0;
    std::array<KindCounts, k_kind_names.size()> counts{};
    bool committed = false;

    KindCounts total() const;
    bool changed() const;
};

struct ImportRequest {
    std::vector<std::string> paths; // files, folders (recursive *.yaml, *.yml) and "-" for stdin
    bool dry_run = false;           // validate against the database and roll back
    // Called after each file with (files done, files in all, current file name).
    std::function<void(std::size_t, std::size_t, const std::string&)> on_file;
};

// Expands folders to their *.yaml / *.yml files, sorted by path. Throws IoError for a missing path.
std::vector<std::string> expand_inputs(const std::vector<std::string>& paths);

// Imports into the store. Errors go to diags; when there is any, nothing is written.
ImportSummary import_files(Store& store, const ImportRequest& request, Diagnostics& diags);

} // namespace accord
