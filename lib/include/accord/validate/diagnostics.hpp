#pragma once
// Errors found in input, each with its place: FILE:LINE:COLUMN: error: MESSAGE.
#include <cstddef>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace accord {

struct Diagnostic {
    Diagnostic() = default;
    Diagnostic(std::string file_, int line_, int column_, std::string message_, std::size_t file_index_ = 0,
               std::string record_ = {}, std::string field_ = {})
        : file(std::move(file_)), line(line_), column(column_), message(std::move(message_)),
          file_index(file_index_), record(std::move(record_)), field(std::move(field_)) {}

    std::string file; // empty: no file (a record imported before files were kept)
    int line = 0;
    int column = 0;
    std::string message;        // whole: "record ID, field F: what is wrong"
    std::size_t file_index = 0; // input order of the file, for sorting
    std::string record;         // the record's id, when known (a progress event: its commitment)
    std::string field;          // the field, when the error is about one
};

class Diagnostics {
public:
    explicit Diagnostics(std::size_t max_errors = 50) : m_max(max_errors) {}

    void add(Diagnostic d);
    std::size_t count() const { return m_total; }
    bool empty() const { return m_total == 0; }
    // True once max_errors are held: callers may stop looking.
    bool full() const { return m_max != 0 && m_items.size() >= m_max; }
    // Sorted by file (input order), line, column; at most max_errors.
    std::vector<Diagnostic> sorted() const;
    // Prints each as FILE:LINE:COLUMN: error: MESSAGE (with source: then the line of the file it
    // points at, and a caret under the column, read again from the file), then a count line
    // when some were left out. One without a file is "accord: error: MESSAGE".
    void print(std::ostream& out, bool source = true) const;
    // Removes and returns the diagnostics held, in the order they were added.
    std::vector<Diagnostic> take();

private:
    std::size_t m_max;
    std::size_t m_total = 0;
    std::vector<Diagnostic> m_items;
};

} // namespace accord
