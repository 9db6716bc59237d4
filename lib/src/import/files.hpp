#pragma once
// The files of an import and their rows in the database's table `file`.
#include "accord/store/store.hpp"
#include "accord/validate/records.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace accord {

// The files of an import, each with its row of table `file` (Origin::file_id); and the files
// under an imported folder that no longer exist (deleted or renamed), whose records the import
// deletes and whose records may move to the files read. Both are listed in temp.import_file.
class ImportFiles {
public:
    // stored: the database holds records (otherwise no file has vanished, and none is looked for).
    ImportFiles(SQLite::Database& db, const FilePaths& paths, const std::vector<std::string>& args,
                std::vector<Origin>& origins, bool stored);

    // True when the file is read by this import, or has vanished from a folder it reads.
    bool in_import(std::int64_t file) const { return m_ids.count(file) > 0; }
    bool vanished(std::int64_t file) const;
    const std::vector<std::int64_t>& vanished() const { return m_vanished; }
    // A file of the database as the user can open it (relative to the current folder).
    const std::string& display(std::int64_t file);

private:
    const FilePaths& m_paths;
    std::unordered_set<std::int64_t> m_ids;
    std::vector<std::int64_t> m_vanished;
    std::unordered_map<std::int64_t, std::string> m_shown;
    SQLite::Statement m_find_path;
};

} // namespace accord
