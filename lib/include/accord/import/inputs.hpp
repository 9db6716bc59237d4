#pragma once
// The inputs of an import and of the commands that read records from files: paths expanded to
// files, and the reading of what cannot be read twice (stdin, a pipe, a device, a stream).
#include "accord/error.hpp"
#include "accord/yaml/node.hpp"

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace accord {

// Expands folders to their *.yaml / *.yml files, sorted by path. Throws IoError for a missing path.
std::vector<std::string> expand_inputs(const std::vector<std::string>& paths);

// The error for a file that could not be opened or read (errno tells why).
IoError read_error(const std::string& path);

// The most of a pipe, of stdin, of a device or of a stream that is held whole (it cannot be
// read twice, so it is held for the parser; a regular file is not held).
constexpr std::size_t k_max_held = std::size_t(256) << 20;

// Reads in whole, checking its text as it comes (check): reading stops at the first problem of
// encoding (so that /dev/urandom is refused at its first bad byte, /dev/zero at its first),
// and past k_max_held bytes (an endless source). name is the input as the user gave it ("-":
// stdin), for messages.
std::string read_held(std::istream& in, const std::string& name, yaml::TextCheck& check);

// Reads a path ("-": stdin) whole, as read_held() does; a regular file is read without a limit.
std::string read_input(const std::string& path, yaml::TextCheck& check);

// Checks a file's text (yaml::TextCheck) a block at a time, so that only a block is held,
// however large the file; the first problem, if any.
std::optional<yaml::Problem> check_file(std::istream& in, const std::string& path);

} // namespace accord
