#pragma once
// Where accord's output goes (docs/reliability.md, "Output"): standard output and standard
// error, checked to the end and with control characters made visible where a person reads
// them; and `-o FILE`, written atomically, or through when FILE is a device or a FIFO.
#include "accord/error.hpp"

#include <functional>
#include <ios>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

namespace accord {

// The text with every character that a terminal would act on shown instead: C0 controls
// except line feed and tab, DEL and bytes that are not UTF-8 as \xHH (ESC is \x1b); C1
// controls and the bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069)
// as \uHHHH. Everything else, backslashes included, is kept.
std::string visible(std::string_view text);

// The output failed (a full disk, a closed pipe, a file size limit): thrown by writers that
// check their stream as they go; the code that knows the output names it in the message.
struct OutputError : IoError {
    explicit OutputError(const std::string& m) : IoError(m) {}
};

// Throws OutputError when out has failed: for writers that stop as soon as their output does.
void check_output(const std::ostream& out);

// A stream buffer that writes to a file descriptor, keeps the errno of the first write that
// failed (and drops what comes after it), and, with escape_controls, writes text through
// visible(): for a terminal and for standard error. An incomplete UTF-8 sequence at the end
// of what was written so far waits for its next bytes.
class FdOut : public std::streambuf {
public:
    FdOut(int fd, bool escape_controls);
    ~FdOut() override;
    FdOut(const FdOut&) = delete;
    FdOut& operator=(const FdOut&) = delete;

    // accord's own terminal sequences (colour, the progress bar), written as they are, in order.
    void raw(std::string_view bytes);
    // Writes all that is held; false when a write has failed (error() tells why).
    bool flush_all();
    int error() const { return m_errno; }
    bool escapes() const { return m_escape; }
    // Whether anything was written or held (for a closed standard output that was never used).
    bool used() const { return m_used; }

protected:
    int_type overflow(int_type ch) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;
    int sync() override;

private:
    void drain(bool final);
    void write_all(const char* data, std::size_t size);

    int m_fd;
    bool m_escape;
    int m_errno = 0;
    bool m_used = false;
    std::vector<char> m_buf;
    std::string m_pending; // escape_controls: the start of a UTF-8 sequence cut by the buffer's end
};

// Writes accord's own terminal sequences (colour) to out: through FdOut::raw when out writes to
// an FdOut that makes controls visible, as they are otherwise. Text of the data around them
// goes through out as usual and is made visible there.
void write_raw(std::ostream& out, std::string_view bytes);

// The file of `-o FILE` (docs/commands.md, "Output files"). A regular file (or a new one) is
// written to a temporary file in its folder; commit() flushes it to disk, renames it over the
// file and syncs the folder, so a reader sees the old file or the complete new one. A symbolic
// link is followed: its target is replaced, never the link. A target that is not a regular file
// (a device such as /dev/null, a FIFO) is opened and written through, never replaced.
// Destroyed without commit(), the temporary file is removed and a regular target is untouched.
// The new file gets the target's permissions, or 0666 less the umask.
class OutputFile {
public:
    explicit OutputFile(std::string path); // throws IoError
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    std::ostream& stream() { return m_stream; }
    const std::string& path() const { return m_path; }
    // The file written: the temporary file, or the target itself when written through.
    const std::string& temp_path() const { return m_temp; }
    bool written_through() const { return m_through; }
    void commit(); // throws IoError naming the file
    // Writes the content with write, then commits; an OutputError from write becomes failure().
    void write_and_commit(const std::function<void(std::ostream&)>& write);
    // The error for a write that failed (OutputError from a writer, or the stream's state).
    IoError failure();

private:
    void discard();
    std::string m_path;   // as given
    std::string m_target; // symbolic links followed
    std::string m_temp;
    int m_fd = -1;
    bool m_through = false;
    bool m_committed = false;
    std::unique_ptr<FdOut> m_buf;
    std::ostream m_stream{nullptr};
};

// Creates a folder and its parents as needed (mkdir -p). Throws IoError.
void make_folders(const std::string& path);

// accord's standard output and standard error for the length of a command: while it lives,
// std::cout writes through an FdOut on descriptor 1 (controls made visible when it is a
// terminal) and std::cerr through one on descriptor 2 (always made visible); SIGPIPE is
// ignored, so that a closed pipe is an error of the write (EPIPE), not a signal.
class StandardStreams {
public:
    StandardStreams();
    ~StandardStreams(); // puts the original buffers back
    StandardStreams(const StandardStreams&) = delete;
    StandardStreams& operator=(const StandardStreams&) = delete;

    // Flushes and closes standard output: "" when all of it was written or its reader has gone
    // (a closed pipe, as `| head` leaves it: not an error), else why it failed.
    std::string finish();
    // Whether standard output's reader has gone (EPIPE).
    bool closed_pipe() const;

private:
    FdOut m_out;
    FdOut m_err;
    std::streambuf* m_old_out;
    std::streambuf* m_old_err;
    std::ios::fmtflags m_old_flags;
    bool m_finished = false;
};

} // namespace accord
