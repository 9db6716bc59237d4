#pragma once
// Files written whole or not at all, for `accord export --output` and `--output-dir`.
#include <fstream>
#include <ostream>
#include <string>

namespace accord {

// Content goes to a temporary file in the target's folder (so the rename stays on one file
// system); commit() flushes it to disk (fsync), renames it over the target and syncs the
// folder. A reader of the target sees the old file or the complete new one, never a part.
// Destroyed without commit() (an error on the way), it removes the temporary file and leaves
// the target untouched. The new file gets the target's permissions, or 0666 less the umask.
class AtomicFile {
public:
    explicit AtomicFile(std::string path); // throws IoError
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    std::ostream& stream() { return m_out; }
    const std::string& temp_path() const { return m_temp; }
    void commit(); // throws IoError

private:
    void discard();
    std::string m_path;
    std::string m_temp;
    int m_fd = -1;
    std::ofstream m_out;
    bool m_committed = false;
};

// Creates a folder and its parents as needed (mkdir -p). Throws IoError.
void make_folders(const std::string& path);

} // namespace accord
