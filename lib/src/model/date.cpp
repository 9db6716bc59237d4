#include "accord/model/date.hpp"

#include <fmt/format.h>

#include <tuple>

namespace accord {

namespace {

bool all_digits(std::string_view s) {
    if (s.empty()) {
        return false;
    }
    for (char c : s) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) {
        v = v * 10 + (c - '0');
    }
    return v;
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

} // namespace

int days_in_month(int year, int month) {
    static const int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap(year)) {
        return 29;
    }
    return k_days[month - 1];
}

std::optional<PartialDate> PartialDate::parse(std::string_view text) {
    if (text.size() != 4 && text.size() != 7 && text.size() != 10) {
        return std::nullopt;
    }
    if (!all_digits(text.substr(0, 4))) {
        return std::nullopt;
    }
    int year = to_int(text.substr(0, 4));
    if (year < 1000) {
        return std::nullopt;
    }
    if (text.size() == 4) {
        return PartialDate(year);
    }
    if (text[4] != '-' || !all_digits(text.substr(5, 2))) {
        return std::nullopt;
    }
    int month = to_int(text.substr(5, 2));
    if (month < 1 || month > 12) {
        return std::nullopt;
    }
    if (text.size() == 7) {
        return PartialDate(year, month);
    }
    if (text[7] != '-' || !all_digits(text.substr(8, 2))) {
        return std::nullopt;
    }
    int day = to_int(text.substr(8, 2));
    if (day < 1 || day > days_in_month(year, month)) {
        return std::nullopt;
    }
    return PartialDate(year, month, day);
}

std::string PartialDate::explain_invalid(std::string_view text) {
    const std::string expected = "expected YYYY, YYYY-MM or YYYY-MM-DD";
    bool shape = (text.size() == 4 || text.size() == 7 || text.size() == 10) && all_digits(text.substr(0, 4)) &&
                 (text.size() < 7 || (text[4] == '-' && all_digits(text.substr(5, 2)))) &&
                 (text.size() < 10 || (text[7] == '-' && all_digits(text.substr(8, 2))));
    if (!shape) {
        return fmt::format("'{}' is not a date ({})", text, expected);
    }
    int year = to_int(text.substr(0, 4));
    if (year < 1000) {
        return fmt::format("'{}' is not a date (year {} is before 1000)", text, year);
    }
    int month = text.size() >= 7 ? to_int(text.substr(5, 2)) : 1;
    if (month < 1 || month > 12) {
        return fmt::format("'{}' is not a date (month {} is out of range 01..12)", text, month);
    }
    int day = to_int(text.substr(8, 2));
    return fmt::format("'{}' is not a date ({:04d}-{:02d} has no day {})", text, year, month, day);
}

DatePrecision PartialDate::precision() const {
    if (m_month == 0) {
        return DatePrecision::year;
    }
    return m_day == 0 ? DatePrecision::month : DatePrecision::day;
}

std::string PartialDate::precision_name() const {
    switch (precision()) {
    case DatePrecision::year:
        return "year";
    case DatePrecision::month:
        return "month";
    case DatePrecision::day:
        break;
    }
    return "day";
}

std::string PartialDate::str() const {
    switch (precision()) {
    case DatePrecision::year:
        return fmt::format("{:04d}", m_year);
    case DatePrecision::month:
        return fmt::format("{:04d}-{:02d}", m_year, m_month);
    case DatePrecision::day:
        break;
    }
    return fmt::format("{:04d}-{:02d}-{:02d}", m_year, m_month, m_day);
}

PartialDate PartialDate::first_day() const {
    return PartialDate(m_year, m_month == 0 ? 1 : m_month, m_day == 0 ? 1 : m_day);
}

PartialDate PartialDate::last_day() const {
    int month = m_month == 0 ? 12 : m_month;
    int day = m_day == 0 ? days_in_month(m_year, month) : m_day;
    return PartialDate(m_year, month, day);
}

long PartialDate::days_since_epoch() const {
    // Howard Hinnant's days_from_civil.
    PartialDate f = first_day();
    int y = f.m_year;
    unsigned m = static_cast<unsigned>(f.m_month);
    unsigned d = static_cast<unsigned>(f.m_day);
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

bool operator<(const PartialDate& a, const PartialDate& b) {
    PartialDate fa = a.first_day();
    PartialDate fb = b.first_day();
    return std::tie(fa.m_year, fa.m_month, fa.m_day, a.m_month, a.m_day) <
           std::tie(fb.m_year, fb.m_month, fb.m_day, b.m_month, b.m_day);
}

} // namespace accord
