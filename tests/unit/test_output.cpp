#include "helpers.hpp"

#include "accord/error.hpp"
#include "accord/output/output.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <functional>
#include <cerrno>
#include <fstream>
#include <sstream>
#include <thread>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace accord;

namespace {

std::vector<std::string> files_in(const std::string& dir) {
    std::vector<std::string> names;
    if (DIR* d = ::opendir(dir.c_str())) {
        while (auto* e = ::readdir(d)) {
            std::string n = e->d_name;
            if (n != "." && n != "..") {
                names.push_back(n);
            }
        }
        ::closedir(d);
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A scratch folder, removed with what it holds at the end of the test.
struct TempDir {
    std::string path;
    TempDir() {
        char dir[] = "/tmp/accord-unit-XXXXXX";
        path = ::mkdtemp(dir);
    }
    ~TempDir() {
        for (const auto& f : files_in(path)) {
            std::remove((path + "/" + f).c_str());
        }
        ::rmdir(path.c_str());
    }
};

// What an FdOut wrote to a pipe (made non-blocking on the writing side with non_blocking,
// its reader slow: the writer meets EAGAIN).
std::string through_fd_out(bool escape, const std::function<void(std::ostream&)>& write, bool non_blocking = false) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    if (non_blocking) {
        ::fcntl(fds[1], F_SETFL, ::fcntl(fds[1], F_GETFL) | O_NONBLOCK);
    }
    std::string got;
    std::thread reader([&] {
        char buf[4096];
        ssize_t n;
        while ((n = ::read(fds[0], buf, sizeof buf)) > 0) {
            got.append(buf, static_cast<std::size_t>(n));
            if (non_blocking) {
                std::this_thread::sleep_for(std::chrono::microseconds(200));
            }
        }
    });
    {
        FdOut buf(fds[1], escape);
        std::ostream out(&buf);
        write(out);
    }
    ::close(fds[1]);
    reader.join();
    ::close(fds[0]);
    return got;
}

} // namespace

TEST_CASE("visible() shows what a terminal would act on and keeps the rest", "[output]") {
    CHECK(visible("plain text, accents \xc3\xa9, tab\tand\nnew line") ==
          "plain text, accents \xc3\xa9, tab\tand\nnew line");
    CHECK(visible("\x1b]0;PWNED\a\x1b[2J") == "\\x1b]0;PWNED\\x07\\x1b[2J");
    CHECK(visible("cr\rdel\x7f") == "cr\\x0ddel\\x7f");
    CHECK(visible("c1 \xc2\x9b" "31m") == "c1 \\u009b31m");                 // CSI as a C1 control
    CHECK(visible("bidi \xe2\x80\xae" "cba") == "bidi \\u202ecba");        // RIGHT-TO-LEFT OVERRIDE
    CHECK(visible("isolate \xe2\x81\xa6x") == "isolate \\u2066x");         // LEFT-TO-RIGHT ISOLATE
    CHECK(visible("latin-1 \xe9t\xe9") == "latin-1 \\xe9t\\xe9");          // not UTF-8
    CHECK(visible("cut \xe2\x80") == "cut \\xe2\\x80");
    CHECK(visible("back\\slash") == "back\\slash");
}

TEST_CASE("an FdOut escapes controls only when asked, and waits for a cut UTF-8 sequence", "[output]") {
    std::string data = "a\x1b[2Jb \xc3\xa9";
    CHECK(through_fd_out(false, [&](std::ostream& out) { out << data; }) == data);
    CHECK(through_fd_out(true, [&](std::ostream& out) { out << data; }) == "a\\x1b[2Jb \xc3\xa9");
    // A character cut between two flushes is one character, not two bad bytes.
    CHECK(through_fd_out(true, [&](std::ostream& out) { out << "x\xc3" << std::flush << "\xa9y"; }) == "x\xc3\xa9y");
    // accord's own sequences pass as they are, in order, between escaped data.
    CHECK(through_fd_out(true, [&](std::ostream& out) {
              out << "<\x1b>";
              write_raw(out, "\x1b[1m");
              out << "bold";
              write_raw(out, "\x1b[0m");
          }) == "<\\x1b>\x1b[1mbold\x1b[0m");
    // Larger than the buffer: nothing lost or reordered.
    std::string big(200000, 'x');
    for (std::size_t i = 0; i < big.size(); i += 997) {
        big[i] = static_cast<char>('a' + i % 26);
    }
    CHECK(through_fd_out(false, [&](std::ostream& out) { out << big; }) == big);
    CHECK(through_fd_out(true, [&](std::ostream& out) { out << big; }) == big);
    // A non-blocking descriptor whose reader is slow: EAGAIN is waited out, nothing lost.
    CHECK(through_fd_out(false, [&](std::ostream& out) { out << big << big; }, true) == big + big);
    // write_raw on another stream writes the bytes as they are.
    std::ostringstream plain;
    write_raw(plain, "\x1b[1m");
    CHECK(plain.str() == "\x1b[1m");
}

TEST_CASE("an FdOut keeps the first error and the stream fails", "[output]") {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    ::close(fds[0]); // no reader: EPIPE (SIGPIPE ignored here)
    auto old = std::signal(SIGPIPE, SIG_IGN);
    {
        FdOut buf(fds[1], false);
        std::ostream out(&buf);
        out << "data" << std::flush;
        CHECK_FALSE(out);
        CHECK(buf.error() == EPIPE);
        CHECK_FALSE(buf.flush_all());
    }
    std::signal(SIGPIPE, old);
    ::close(fds[1]);
    int full = ::open("/dev/full", O_WRONLY);
    if (full >= 0) {
        FdOut buf(full, false);
        std::ostream out(&buf);
        out << "data";
        CHECK(out); // held in the buffer
        CHECK_FALSE(buf.flush_all());
        CHECK(buf.error() == ENOSPC);
        ::close(full);
    }
}

TEST_CASE("an output file appears whole on commit and not at all on error", "[output]") {
    TempDir dir;
    std::ofstream(dir.path + "/marker") << "";
    std::string target = dir.path + "/out.csv";
    std::ofstream(target) << "old content\n";
    {
        OutputFile f(target);
        f.stream() << "partial";
        CHECK(read(target) == "old content\n"); // not yet visible
        CHECK(files_in(dir.path).size() == 3);  // marker, out.csv, the temporary file
    } // dropped without commit: an error on the way
    CHECK(read(target) == "old content\n");
    CHECK(files_in(dir.path) == std::vector<std::string>{"marker", "out.csv"});
    {
        OutputFile f(target);
        f.stream() << "new content\n";
        f.commit();
    }
    CHECK(read(target) == "new content\n");
    CHECK(files_in(dir.path) == std::vector<std::string>{"marker", "out.csv"});
    CHECK_THROWS_AS(OutputFile(dir.path), IoError);
    CHECK_THROWS_AS(OutputFile(dir.path + "/no/such/folder/x.csv"), IoError);
}

TEST_CASE("an output file through a symbolic link replaces the link's target, not the link", "[output]") {
    TempDir dir;
    std::string target = dir.path + "/real.csv";
    std::ofstream(target) << "old\n";
    REQUIRE(::symlink("real.csv", (dir.path + "/link.csv").c_str()) == 0);
    {
        OutputFile f(dir.path + "/link.csv");
        CHECK_FALSE(f.written_through());
        f.stream() << "new\n";
        f.commit();
    }
    struct stat st {};
    REQUIRE(::lstat((dir.path + "/link.csv").c_str(), &st) == 0);
    CHECK(S_ISLNK(st.st_mode));
    CHECK(read(target) == "new\n");
    // A link to a missing file creates that file.
    REQUIRE(::symlink("made.csv", (dir.path + "/dangling.csv").c_str()) == 0);
    {
        OutputFile f(dir.path + "/dangling.csv");
        f.stream() << "made\n";
        f.commit();
    }
    REQUIRE(::lstat((dir.path + "/dangling.csv").c_str(), &st) == 0);
    CHECK(S_ISLNK(st.st_mode));
    CHECK(read(dir.path + "/made.csv") == "made\n");
    // A loop is named as one.
    REQUIRE(::symlink("loop-b", (dir.path + "/loop-a").c_str()) == 0);
    REQUIRE(::symlink("loop-a", (dir.path + "/loop-b").c_str()) == 0);
    try {
        OutputFile f(dir.path + "/loop-a");
        FAIL("a loop of links was accepted");
    } catch (const IoError& e) {
        CHECK(std::string(e.what()).find("a loop of symbolic links") != std::string::npos);
    }
}

TEST_CASE("an output file that is a FIFO or a device is written through, never replaced", "[output]") {
    TempDir dir;
    std::string fifo = dir.path + "/fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string got;
    std::thread reader([&] { got = read(fifo); });
    {
        OutputFile f(fifo);
        CHECK(f.written_through());
        f.stream() << "through the fifo\n";
        f.commit();
    }
    reader.join();
    CHECK(got == "through the fifo\n");
    struct stat st {};
    REQUIRE(::lstat(fifo.c_str(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));
    CHECK(files_in(dir.path) == std::vector<std::string>{"fifo"});
    {
        OutputFile f("/dev/null");
        CHECK(f.written_through());
        f.stream() << "nothing\n";
        f.commit();
    }
    REQUIRE(::stat("/dev/null", &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
    if (::access("/dev/full", W_OK) == 0) {
        OutputFile f("/dev/full");
        f.stream() << "more than nothing\n";
        try {
            f.commit();
            FAIL("a write to /dev/full succeeded");
        } catch (const IoError& e) {
            CHECK(std::string(e.what()) == "cannot write /dev/full: No space left on device");
        }
    }
}
