#include "accord/validate/diagnostics.hpp"

#include <fmt/ostream.h>

#include <algorithm>
#include <tuple>

namespace accord {

void Diagnostics::add(Diagnostic d) {
    ++m_total;
    if (!full()) {
        m_items.push_back(std::move(d));
    }
}

std::vector<Diagnostic> Diagnostics::take() {
    std::vector<Diagnostic> out;
    out.swap(m_items);
    m_total = 0;
    return out;
}

std::vector<Diagnostic> Diagnostics::sorted() const {
    std::vector<Diagnostic> out = m_items;
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.file_index, a.line, a.column) < std::tie(b.file_index, b.line, b.column);
    });
    return out;
}

void Diagnostics::print(std::ostream& out) const {
    for (const auto& d : sorted()) {
        fmt::print(out, "{}:{}:{}: error: {}\n", d.file, d.line, d.column, d.message);
    }
    if (m_total > m_items.size()) {
        fmt::print(out, "accord: {} more errors not shown (--max-errors {})\n", m_total - m_items.size(), m_max);
    }
}

} // namespace accord
