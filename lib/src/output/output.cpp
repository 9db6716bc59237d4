// Where output goes: OutputFile (atomic -o), FdOut, StandardStreams and visible().
#include "accord/output/output.hpp"

#include "accord/model/utf8.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

namespace accord {

std::string visible(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
                out += fmt::format("\\x{:02x}", c);
            } else {
                out += static_cast<char>(c);
            }
            ++i;
            continue;
        }
        Utf8Char ch = utf8_at(text, i);
        if (ch.bad != Utf8Char::Bad::none) {
            out += fmt::format("\\x{:02x}", c);
            ++i;
            continue;
        }
        char32_t cp = ch.code;
        if ((cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
            out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
        } else {
            out.append(text, i, ch.length);
        }
        i += ch.length;
    }
    return out;
}

void check_output(const std::ostream& out) {
    if (!out) {
        throw OutputError("the output failed (a full disk, or a closed output)");
    }
}

// ---------------------------------------------------------------------------------------
// FdOut

namespace {
constexpr std::size_t k_buffer = 1 << 16;
}

FdOut::FdOut(int fd, bool escape_controls) : m_fd(fd), m_escape(escape_controls), m_buf(k_buffer) {
    setp(m_buf.data(), m_buf.data() + m_buf.size());
}

FdOut::~FdOut() { flush_all(); }

void FdOut::write_all(const char* data, std::size_t size) {
    while (size > 0 && m_errno == 0) {
        ssize_t n = ::write(m_fd, data, size);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                // A descriptor left non-blocking by whoever opened it: wait until it takes more.
                pollfd p{m_fd, POLLOUT, 0};
                if (::poll(&p, 1, -1) >= 0 || errno == EINTR) {
                    continue;
                }
            }
            m_errno = errno;
            return;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
}

void FdOut::drain(bool final) {
    std::size_t n = static_cast<std::size_t>(pptr() - pbase());
    setp(m_buf.data(), m_buf.data() + m_buf.size());
    if (!m_escape) {
        write_all(m_buf.data(), n);
        return;
    }
    std::string text = std::move(m_pending);
    m_pending.clear();
    text.append(m_buf.data(), n);
    std::size_t keep = final ? 0 : utf8_incomplete_tail(text);
    m_pending = text.substr(text.size() - keep);
    text.resize(text.size() - keep);
    std::string shown = visible(text);
    write_all(shown.data(), shown.size());
}

FdOut::int_type FdOut::overflow(int_type ch) {
    drain(false);
    if (m_errno != 0) {
        return traits_type::eof();
    }
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
        m_used = true;
        *pptr() = traits_type::to_char_type(ch);
        pbump(1);
    }
    return traits_type::not_eof(ch);
}

std::streamsize FdOut::xsputn(const char* s, std::streamsize n) {
    if (n > 0) {
        m_used = true;
    }
    std::streamsize done = 0;
    while (done < n) {
        if (pptr() == epptr()) {
            drain(false);
        }
        if (m_errno != 0) {
            return done;
        }
        std::streamsize room = epptr() - pptr();
        std::streamsize take = std::min(room, n - done);
        std::memcpy(pptr(), s + done, static_cast<std::size_t>(take));
        pbump(static_cast<int>(take));
        done += take;
    }
    return done;
}

int FdOut::sync() {
    drain(false);
    return m_errno == 0 ? 0 : -1;
}

void FdOut::raw(std::string_view bytes) {
    m_used = true;
    drain(true);
    write_all(bytes.data(), bytes.size());
}

bool FdOut::flush_all() {
    drain(true);
    return m_errno == 0;
}

void write_raw(std::ostream& out, std::string_view bytes) {
    if (auto* fd = dynamic_cast<FdOut*>(out.rdbuf()); fd && fd->escapes()) {
        fd->raw(bytes);
        return;
    }
    out << bytes;
}

// ---------------------------------------------------------------------------------------
// OutputFile

namespace {

std::string folder_of(const std::string& path) {
    auto slash = path.rfind('/');
    if (slash == std::string::npos) {
        return ".";
    }
    return slash == 0 ? "/" : path.substr(0, slash);
}

std::string why(int err = errno) { return std::strerror(err); }

mode_t new_file_mode(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
        return st.st_mode & 07777;
    }
    mode_t mask = ::umask(0);
    ::umask(mask);
    return 0666 & ~mask;
}

// The file a path names once its symbolic links are followed (the path itself when it is not
// a link); a link to a missing file names that file, which is then created.
std::string follow_links(const std::string& path) {
    std::string at = path;
    for (int hops = 0; hops < 40; ++hops) {
        struct stat st {};
        if (::lstat(at.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) {
            return at;
        }
        std::vector<char> buf(static_cast<std::size_t>(st.st_size > 0 ? st.st_size : 255) + 1);
        ssize_t n = ::readlink(at.c_str(), buf.data(), buf.size());
        if (n < 0) {
            throw IoError(fmt::format("cannot write {}: {}", path, why()));
        }
        std::string link(buf.data(), static_cast<std::size_t>(n));
        at = link.front() == '/' ? link : folder_of(at) + "/" + link;
    }
    throw IoError(fmt::format("cannot write {}: a loop of symbolic links", path));
}

} // namespace

OutputFile::OutputFile(std::string path) : m_path(std::move(path)) {
    if (m_path.empty()) {
        throw UsageError("-o/--output needs a file name");
    }
    m_target = follow_links(m_path);
    struct stat st {};
    if (::stat(m_target.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
        throw IoError(fmt::format("cannot write {}: it is a folder", m_path));
    }
    if (::stat(m_target.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
        // A device, a FIFO, a socket: written through, never replaced (as a shell's > does).
        m_fd = ::open(m_target.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
        if (m_fd < 0) {
            throw IoError(fmt::format("cannot write {}: {}", m_path, why()));
        }
        m_through = true;
        m_temp = m_target;
    } else {
        std::string base = m_target.substr(m_target.rfind('/') == std::string::npos ? 0 : m_target.rfind('/') + 1);
        std::string pattern = folder_of(m_target) + "/." + base + ".tmp-XXXXXX";
        std::vector<char> buf(pattern.begin(), pattern.end());
        buf.push_back('\0');
        m_fd = ::mkostemp(buf.data(), O_CLOEXEC);
        if (m_fd < 0) {
            throw IoError(fmt::format("cannot write {}: {}", m_path, why()));
        }
        m_temp = buf.data();
        if (::fchmod(m_fd, new_file_mode(m_target)) != 0) {
            std::string reason = why();
            discard();
            throw IoError(fmt::format("cannot write {}: {}", m_path, reason));
        }
    }
    m_buf = std::make_unique<FdOut>(m_fd, false);
    m_stream.rdbuf(m_buf.get());
}

OutputFile::~OutputFile() {
    if (!m_committed) {
        discard();
    }
}

void OutputFile::discard() {
    m_stream.rdbuf(nullptr);
    m_buf.reset(); // what it still holds goes to the temporary file, which is removed below
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (!m_through && !m_temp.empty()) {
        std::remove(m_temp.c_str());
    }
    m_temp.clear();
}

IoError OutputFile::failure() {
    int err = m_buf ? m_buf->error() : 0;
    std::string reason = err ? why(err) : "the write failed";
    bool through = m_through;
    discard();
    if (through) {
        return IoError(fmt::format("cannot write {}: {}", m_path, reason));
    }
    return IoError(fmt::format("cannot write {}: {}; {} was left as it was", m_path, reason, m_path));
}

void OutputFile::commit() {
    if (!m_buf->flush_all() || !m_stream) {
        throw failure();
    }
    if (m_through) {
        int fd = m_fd;
        m_fd = -1;
        if (::close(fd) != 0) {
            std::string reason = why();
            discard();
            throw IoError(fmt::format("cannot write {}: {}", m_path, reason));
        }
        m_committed = true;
        m_stream.rdbuf(nullptr);
        return;
    }
    if (::fsync(m_fd) != 0 || ::close(m_fd) != 0) {
        m_fd = -1;
        std::string reason = why();
        discard();
        throw IoError(fmt::format("cannot write {}: {}; {} was left as it was", m_path, reason, m_path));
    }
    m_fd = -1;
    if (::rename(m_temp.c_str(), m_target.c_str()) != 0) {
        std::string reason = why();
        discard();
        throw IoError(fmt::format("cannot write {}: {}; {} was left as it was", m_path, reason, m_path));
    }
    m_committed = true;
    m_temp.clear();
    m_stream.rdbuf(nullptr);
    // Make the rename itself durable.
    int dir = ::open(folder_of(m_target).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

void OutputFile::write_and_commit(const std::function<void(std::ostream&)>& write) {
    try {
        write(m_stream);
    } catch (const OutputError&) {
        throw failure();
    }
    commit();
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

// ---------------------------------------------------------------------------------------
// StandardStreams

StandardStreams::StandardStreams()
    : m_out(STDOUT_FILENO, ::isatty(STDOUT_FILENO) == 1), m_err(STDERR_FILENO, true),
      m_old_out(std::cout.rdbuf(&m_out)), m_old_err(std::cerr.rdbuf(&m_err)), m_old_flags(std::cout.flags()) {
    std::signal(SIGPIPE, SIG_IGN);
    if (m_out.escapes()) {
        std::cout.setf(std::ios::unitbuf); // a person reads along: stdout and stderr in the order written
    }
}

StandardStreams::~StandardStreams() {
    finish();
    m_err.flush_all();
    std::cout.rdbuf(m_old_out);
    std::cout.flags(m_old_flags);
    std::cout.clear();
    std::cerr.rdbuf(m_old_err);
}

bool StandardStreams::closed_pipe() const { return m_out.error() == EPIPE; }

std::string StandardStreams::finish() {
    if (m_finished) {
        return {};
    }
    m_finished = true;
    m_out.flush_all();
    // close() reports what a file system kept back until then (NFS); a descriptor that was
    // closed from the start (>&-) is an error only if something was to be written.
    int closed = ::close(STDOUT_FILENO) == 0 ? 0 : errno;
    // Descriptor 1 stays taken (by /dev/null), so that no file opened later can receive a stray write.
    int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (null >= 0 && null != STDOUT_FILENO) {
        ::dup2(null, STDOUT_FILENO);
        ::close(null);
    }
    int err = m_out.error() ? m_out.error() : closed;
    if (err == 0 || err == EPIPE || (err == EBADF && !m_out.used())) {
        return {};
    }
    std::cout.setstate(std::ios::badbit); // nothing more can reach it
    return why(err);
}

} // namespace accord
