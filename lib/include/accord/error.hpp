#pragma once
// The one error hierarchy of accord: a kind that maps to the exit code of docs/commands.md.
#include <stdexcept>
#include <string>

namespace accord {

enum class ErrorKind { data = 1, usage = 2, io = 3 };

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), m_kind(kind) {}
    ErrorKind kind() const { return m_kind; }
    int exit_code() const { return static_cast<int>(m_kind); }

private:
    ErrorKind m_kind;
};

struct DataError : Error {
    explicit DataError(const std::string& m) : Error(ErrorKind::data, m) {}
};
struct UsageError : Error {
    explicit UsageError(const std::string& m) : Error(ErrorKind::usage, m) {}
};
struct IoError : Error {
    explicit IoError(const std::string& m) : Error(ErrorKind::io, m) {}
};

} // namespace accord
