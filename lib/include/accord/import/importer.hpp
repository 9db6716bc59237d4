#pragma once
// Reads files document by document, validates, and makes the database hold what the files
// hold (docs/format.md, "What a file owns"), inside one transaction that is committed only
// when there was no error.
#include "accord/model/vocab.hpp"
#include "accord/store/store.hpp"
#include "accord/validate/diagnostics.hpp"

#include <array>
#include <functional>
#include <istream>
#include <string>
#include <vector>

namespace accord {

struct KindCounts {
    std::size_t inserted = 0;
    std::size_t updated = 0;
    std::size_t deleted = 0;
    std::size_t moved = 0; // now defined in another file (its content may have changed too)
    std::size_t unchanged = 0;
};

// What changed: one record or progress event (docs/commands.md, the import's plan).
struct Change {
    enum class Class { inserted, updated, deleted, moved };
    Class what = Class::inserted;
    Kind kind = Kind::party;
    std::string id;   // a progress event: COMMITMENT@DATE, or COMMITMENT@DATE@PARTY
    std::string file; // where it is defined now (deleted: where it was), as shown to the user
    int line = 0;
    std::string from_file; // moved: where it was
    int from_line = 0;
};
std::string_view to_string(Change::Class what);

struct ImportSummary {
    std::size_t files = 0;
    std::size_t documents = 0;
    std::array<KindCounts, k_kind_names.size()> counts{};
    // Records and events of a database from before files were kept, now owned by the file
    // that defines them (counted in their class too, usually unchanged).
    std::size_t taken_over = 0;
    // With ImportRequest::keep: the records and events that their files no longer hold, kept.
    std::size_t kept = 0;
    // Each record and event inserted, updated, deleted or moved, in input order (deletions
    // last), when ImportRequest::list_changes asked for them.
    std::vector<Change> changes;
    bool committed = false;

    KindCounts total() const;
    bool changed() const;
};

// An input that is not a file: its text, and the name it is shown and kept under as if it were
// a file's path (messages, table `file`). Read whole, like stdin; it must outlive the import.
struct NamedStream {
    std::string name;
    std::istream* in = nullptr;
};

struct ImportRequest {
    std::vector<std::string> paths; // files, folders (recursive *.yaml, *.yml) and "-" for stdin
    std::vector<NamedStream> streams; // read after the paths, in this order
    bool dry_run = false;           // validate against the database and roll back
    // Deletes nothing: records and events that their file no longer holds stay (docs/commands.md).
    bool keep = false;
    bool list_changes = false; // fill ImportSummary::changes
    // Called after each file with (files done, files in all, current file name).
    std::function<void(std::size_t, std::size_t, const std::string&)> on_file;
};

// Imports into the store. Errors go to diags; when there is any, nothing is written.
ImportSummary import_files(Store& store, const ImportRequest& request, Diagnostics& diags);

} // namespace accord
