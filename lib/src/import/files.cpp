// The files of an import and their rows in the database's table `file`; the files that vanished
// from the folders it reads.
#include "files.hpp"

#include <algorithm>
#include <filesystem>

namespace accord {

namespace fs = std::filesystem;

ImportFiles::ImportFiles(SQLite::Database& db, const FilePaths& paths, const std::vector<std::string>& args,
            std::vector<Origin>& origins, bool stored)
    : m_paths(paths), m_find_path(db, "SELECT path FROM main.file WHERE id = ?") {
    db.exec("CREATE TEMP TABLE IF NOT EXISTS import_file (id INTEGER PRIMARY KEY)");
    db.exec("DELETE FROM temp.import_file");
    SQLite::Statement find(db, "SELECT id FROM main.file WHERE path = ?");
    SQLite::Statement add(db, "INSERT INTO main.file (path) VALUES (?)");
    SQLite::Statement note(db, "INSERT INTO temp.import_file (id) VALUES (?)");
    std::unordered_map<std::string, std::int64_t> ids;
    for (auto& origin : origins) {
        std::string key = m_paths.key(origin.standard_input ? std::string("-") : origin.file);
        auto it = ids.find(key);
        if (it == ids.end()) {
            find.reset();
            find.bind(1, key);
            std::int64_t id = 0;
            if (find.executeStep()) {
                id = find.getColumn(0).getInt64();
            } else {
                add.reset();
                add.bind(1, key);
                add.exec();
                id = db.getLastInsertRowid();
            }
            it = ids.emplace(std::move(key), id).first;
            note.reset();
            note.bind(1, static_cast<int64_t>(id));
            note.exec();
            m_ids.insert(id);
        }
        origin.file_id = it->second;
    }
    if (!stored) {
        return;
    }
    std::vector<std::string> folders;
    for (const auto& arg : args) {
        std::error_code ec;
        if (arg != "-" && fs::is_directory(arg, ec)) {
            folders.push_back(m_paths.key(arg));
        }
    }
    if (folders.empty()) {
        return;
    }
    SQLite::Statement all(db, "SELECT id, path FROM main.file ORDER BY path");
    while (all.executeStep()) {
        std::int64_t id = all.getColumn(0).getInt64();
        std::string path = all.getColumn(1).getString();
        bool under = std::any_of(folders.begin(), folders.end(),
                                 [&](const std::string& folder) { return FilePaths::under(path, folder); });
        if (under && !m_ids.count(id) && !m_paths.exists(path)) {
            m_vanished.push_back(id);
        }
    }
    all.reset();
    for (std::int64_t id : m_vanished) {
        note.reset();
        note.bind(1, static_cast<int64_t>(id));
        note.exec();
        m_ids.insert(id);
    }
}

bool ImportFiles::vanished(std::int64_t file) const {
    return std::find(m_vanished.begin(), m_vanished.end(), file) != m_vanished.end();
}

const std::string& ImportFiles::display(std::int64_t file) {
    auto it = m_shown.find(file);
    if (it == m_shown.end()) {
        m_find_path.reset();
        m_find_path.bind(1, static_cast<int64_t>(file));
        std::string shown = m_find_path.executeStep() ? m_paths.display(m_find_path.getColumn(0).getString())
                                                      : std::string("?");
        it = m_shown.emplace(file, std::move(shown)).first;
    }
    return it->second;
}

} // namespace accord
