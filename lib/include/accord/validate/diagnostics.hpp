#pragma once
// Errors found in input, each with its place: FILE:LINE:COLUMN: error: MESSAGE.
#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

namespace accord {

struct Diagnostic {
    std::string file;
    int line = 0;
    int column = 0;
    std::string message;
    std::size_t file_index = 0; // input order of the file, for sorting
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
    // Prints each as FILE:LINE:COLUMN: error: MESSAGE, then a count line when some were left out.
    void print(std::ostream& out) const;
    // Removes and returns the diagnostics held, in the order they were added.
    std::vector<Diagnostic> take();

private:
    std::size_t m_max;
    std::size_t m_total = 0;
    std::vector<Diagnostic> m_items;
};

} // namespace accord
