#include "accord/report/export_file.hpp"

#include "accord/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace accord {

namespace {

std::string folder_of(const std::string& path) {
    auto slash = path.rfind('/');
    if (slash == std::string::npos) {
        return ".";
    }
    return slash == 0 ? "/" : path.substr(0, slash);
}

std::string why() { return std::strerror(errno); }

mode_t new_file_mode(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
        return st.st_mode & 07777;
    }
    mode_t mask = ::umask(0);
    ::umask(mask);
    return 0666 & ~mask;
}

} // namespace

AtomicFile::AtomicFile(std::string path) : m_path(std::move(path)) {
    struct stat st {};
    if (::stat(m_path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
        throw IoError(fmt::format("cannot write {}: it is a folder", m_path));
    }
    std::string folder = folder_of(m_path);
    std::string base = m_path.substr(m_path.rfind('/') == std::string::npos ? 0 : m_path.rfind('/') + 1);
    std::string pattern = folder + "/." + base + ".tmp-XXXXXX";
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    m_fd = ::mkstemp(buf.data());
    if (m_fd < 0) {
        throw IoError(fmt::format("cannot write {}: {}", m_path, why()));
    }
    m_temp = buf.data();
    if (::fchmod(m_fd, new_file_mode(m_path)) != 0) {
        std::string reason = why();
        discard();
        throw IoError(fmt::format("cannot write {}: {}", m_path, reason));
    }
    m_out.open(m_temp, std::ios::binary | std::ios::trunc);
    if (!m_out) {
        discard();
        throw IoError(fmt::format("cannot write {}", m_path));
    }
}

AtomicFile::~AtomicFile() {
    if (!m_committed) {
        discard();
    }
}

void AtomicFile::discard() {
    if (m_out.is_open()) {
        m_out.close();
    }
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (!m_temp.empty()) {
        std::remove(m_temp.c_str());
        m_temp.clear();
    }
}

void AtomicFile::commit() {
    m_out.flush();
    bool ok = static_cast<bool>(m_out);
    m_out.close();
    ok = ok && !m_out.fail();
    if (!ok) {
        discard();
        throw IoError(fmt::format("cannot write {} (disk full?)", m_path));
    }
    // The stream wrote through its own descriptor; fsync on ours flushes the same file.
    if (::fsync(m_fd) != 0 || ::close(m_fd) != 0) {
        m_fd = -1;
        std::string reason = why();
        discard();
        throw IoError(fmt::format("cannot write {}: {}", m_path, reason));
    }
    m_fd = -1;
    if (::rename(m_temp.c_str(), m_path.c_str()) != 0) {
        std::string reason = why();
        discard();
        throw IoError(fmt::format("cannot write {}: {}", m_path, reason));
    }
    m_committed = true;
    m_temp.clear();
    // Make the rename itself durable.
    int dir = ::open(folder_of(m_path).c_str(), O_RDONLY | O_DIRECTORY);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

void make_folders(const std::string& path) {
    std::string sofar;
    std::size_t pos = 0;
    while (pos <= path.size()) {
        std::size_t slash = path.find('/', pos);
        if (slash == std::string::npos) {
            slash = path.size();
        }
        sofar = path.substr(0, slash);
        pos = slash + 1;
        if (sofar.empty()) {
            continue;
        }
        struct stat st {};
        if (::stat(sofar.c_str(), &st) == 0) {
            if (!S_ISDIR(st.st_mode)) {
                throw IoError(fmt::format("cannot create folder {}: {} is not a folder", path, sofar));
            }
            continue;
        }
        if (::mkdir(sofar.c_str(), 0777) != 0 && errno != EEXIST) {
            throw IoError(fmt::format("cannot create folder {}: {}", sofar, why()));
        }
    }
}

} // namespace accord
