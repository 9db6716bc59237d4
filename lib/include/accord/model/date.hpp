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
    // The day that many days after 1970-01-01 (negative: before).
    static PartialDate from_days_since_epoch(long days);

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

// A span of days, weeks, months or years: "90d", "2w", "6m", "1y" (what `--within` takes, and
// what the offsets from today are made of). count may be negative ("-2w").
struct DateOffset {
    long count = 0;
    char unit = 'd'; // d, w, m or y
};
// "90d", "+90d", "-2w", "6m", "1y"; nullopt otherwise (no unit, no digits, another unit).
std::optional<DateOffset> parse_offset(std::string_view text);
// The day offset after day (a day-precision date): d and w count days; m and y move the
// calendar month or year and keep the day, or take the last day of a shorter month
// (2026-01-31 + 1m is 2026-02-28; 2024-02-29 + 1y is 2025-02-28).
PartialDate add_offset(const PartialDate& day, const DateOffset& offset);

// A date as the command line takes it (docs/commands.md, "Dates"): YYYY, YYYY-MM or
// YYYY-MM-DD; `today`, `yesterday`, `tomorrow`; or an offset from today with its sign
// (`+30d`, `-2w`, `+6m`, `-1y`), which gives a day. nullopt otherwise.
std::optional<PartialDate> parse_date_argument(std::string_view text, const PartialDate& today);
// Why the text is not such a date, for error messages.
std::string explain_invalid_argument(std::string_view text);

// Today's date: $ACCORD_TODAY (YYYY-MM-DD) when it is set and not empty, which fixes "today"
// for tests and for reports of a given day; else the local date of the machine. Throws
// UsageError when ACCORD_TODAY is set to anything but a day.
PartialDate today();

} // namespace accord
