// The inputs of an import: paths expanded to files, and reading what cannot be read twice.
#include "accord/import/inputs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>

namespace accord {

namespace fs = std::filesystem;

std::vector<std::string> expand_inputs(const std::vector<std::string>& paths) {
    std::vector<std::string> out;
    for (const auto& p : paths) {
        if (p == "-") {
            out.push_back(p);
            continue;
        }
        std::error_code ec;
        auto status = fs::status(p, ec);
        if (ec == std::errc::too_many_symbolic_link_levels) {
            throw IoError(fmt::format("cannot read {}: a loop of symbolic links", p));
        }
        if (ec && ec != std::errc::no_such_file_or_directory) {
            throw IoError(fmt::format("cannot read {}: {}", p, ec.message()));
        }
        if (!fs::exists(status)) {
            throw IoError(fmt::format("cannot read {}: no such file or folder", p));
        }
        if (fs::is_directory(status)) {
            std::vector<std::string> found;
            for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
                 it.increment(ec)) {
                auto ext = it->path().extension().string();
                if (it->is_regular_file() && (ext == ".yaml" || ext == ".yml")) {
                    found.push_back(it->path().lexically_normal().string());
                }
            }
            if (ec) {
                throw IoError(fmt::format("cannot read folder {}: {}", p, ec.message()));
            }
            std::sort(found.begin(), found.end());
            out.insert(out.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
        } else {
            out.push_back(p);
        }
    }
    return out;
}

IoError read_error(const std::string& path) {
    return IoError(fmt::format("cannot read {}: {}", path, std::strerror(errno)));
}

namespace {

std::string read_whole(std::istream& in, const std::string& name, yaml::TextCheck& check, bool limit) {
    std::string text;
    char buf[65536];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        std::string_view block(buf, static_cast<std::size_t>(in.gcount()));
        if (limit && text.size() + block.size() > k_max_held) {
            throw IoError(fmt::format("cannot read {}: more than {} MiB from a pipe, a device or stdin (accord holds "
                                      "such input whole); write it to a file first",
                                      name == "-" ? "stdin" : name, k_max_held >> 20));
        }
        text.append(block);
        if (!check.feed(block)) {
            return text; // refused: the rest need not be read
        }
    }
    if (in.bad()) {
        throw read_error(name);
    }
    check.finish();
    return text;
}

} // namespace

std::string read_held(std::istream& in, const std::string& name, yaml::TextCheck& check) {
    return read_whole(in, name, check, true);
}

std::string read_input(const std::string& path, yaml::TextCheck& check) {
    if (path == "-") {
        return read_whole(std::cin, path, check, true);
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        throw read_error(path);
    }
    std::error_code ec;
    return read_whole(file, path, check, !fs::is_regular_file(path, ec));
}

std::optional<yaml::Problem> check_file(std::istream& in, const std::string& path) {
    // Each block is checked as it is read: one pass, however long the lines (a piece of whole
    // lines grew with a long line and was searched again for its end at every block, which
    // made one line of 64 MB take 22 s).
    constexpr std::size_t k_block = 1 << 16;
    std::unique_ptr<char[]> block(new char[k_block]);
    yaml::TextCheck check;
    for (;;) {
        in.read(block.get(), static_cast<std::streamsize>(k_block));
        if (in.bad()) {
            throw read_error(path);
        }
        if (!check.feed(std::string_view(block.get(), static_cast<std::size_t>(in.gcount())))) {
            return check.result(); // the first bad byte: the rest need not be read
        }
        if (!in) {
            break;
        }
    }
    check.finish();
    return check.result();
}

} // namespace accord
