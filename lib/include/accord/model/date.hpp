#pragma once
// ISO 8601 dates that keep their precision: 2025, 2025-10, 2025-10-21.
#include <optional>
#include <string>
#include <string_view>

namespace accord {

enum class DatePrecision { year, month, day };

class PartialDate {
public:
    PartialDate() = default;
    PartialDate(int year, int month = 0, int day = 0) : m_year(year), m_month(month), m_day(day) {}

    // Parses YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date); nullopt otherwise.
    static std::optional<PartialDate> parse(std::string_view text);
    // Why the text is not a date, for error messages ("month 13 is out of range").
    static std::string explain_invalid(std::string_view text);

    int year() const { return m_year; }
    int month() const { return m_month; }
    int day() const { return m_day; }
    DatePrecision precision() const;
    std::string precision_name() const;

    // The text as written (keeps precision).
    std::string str() const;
    // First day of the period: 2025-03 -> 2025-03-01 (how partial dates compare and sort).
    PartialDate first_day() const;
    // Last day of the period: 2025 -> 2025-12-31 (when a due date is reached).
    PartialDate last_day() const;
    // Days since 1970-01-01 of first_day().
    long days_since_epoch() const;

    friend bool operator==(const PartialDate& a, const PartialDate& b) {
        return a.m_year == b.m_year && a.m_month == b.m_month && a.m_day == b.m_day;
    }
    friend bool operator!=(const PartialDate& a, const PartialDate& b) { return !(a == b); }
    // Orders by first day, then coarser precision first.
    friend bool operator<(const PartialDate& a, const PartialDate& b);

private:
    int m_year = 0;
    int m_month = 0; // 0 when precision is year
    int m_day = 0;   // 0 when precision is year or month
};

int days_in_month(int year, int month);

} // namespace accord
