// PartialDate: YYYY, YYYY-MM or YYYY-MM-DD parsed, compared and widened to its first or last day.
#include "accord/model/date.hpp"

#include "accord/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
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
    // By hand: fmt::format was 1.2% of `accord check`'s CPU (a date per progress event and in
    // every record's digest). Parsed dates have years 1000..9999; other values (a date built in
    // code) go through fmt, as before.
    if (m_year < 0 || m_year > 9999 || m_month < 0 || m_month > 99 || m_day < 0 || m_day > 99) {
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
    char buf[10];
    auto digits = [&buf](std::size_t at, int value, int width) {
        for (int i = width - 1; i >= 0; --i) {
            buf[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
            value /= 10;
        }
    };
    digits(0, m_year, 4);
    std::size_t size = 4;
    if (precision() != DatePrecision::year) {
        buf[4] = '-';
        digits(5, m_month, 2);
        size = 7;
        if (precision() == DatePrecision::day) {
            buf[7] = '-';
            digits(8, m_day, 2);
            size = 10;
        }
    }
    return std::string(buf, size);
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

PartialDate PartialDate::from_days_since_epoch(long days) {
    // Howard Hinnant's civil_from_days.
    days += 719468;
    const long era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const long y = static_cast<long>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
    return PartialDate(static_cast<int>(y), static_cast<int>(m), static_cast<int>(d));
}

bool operator<(const PartialDate& a, const PartialDate& b) {
    PartialDate fa = a.first_day();
    PartialDate fb = b.first_day();
    return std::tie(fa.m_year, fa.m_month, fa.m_day, a.m_month, a.m_day) <
           std::tie(fb.m_year, fb.m_month, fb.m_day, b.m_month, b.m_day);
}

std::optional<DateOffset> parse_offset(std::string_view text) {
    DateOffset o;
    bool negative = false;
    if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    // At most six digits: a million days is already far beyond any calendar here.
    if (text.size() < 2 || text.size() > 7 || !all_digits(text.substr(0, text.size() - 1))) {
        return std::nullopt;
    }
    char unit = text.back();
    if (unit != 'd' && unit != 'w' && unit != 'm' && unit != 'y') {
        return std::nullopt;
    }
    o.count = to_int(text.substr(0, text.size() - 1));
    o.count = negative ? -o.count : o.count;
    o.unit = unit;
    return o;
}

PartialDate add_offset(const PartialDate& day, const DateOffset& offset) {
    const PartialDate d = day.first_day();
    if (offset.unit == 'd' || offset.unit == 'w') {
        long days = offset.unit == 'w' ? offset.count * 7 : offset.count;
        return PartialDate::from_days_since_epoch(d.days_since_epoch() + days);
    }
    long months = offset.unit == 'y' ? offset.count * 12 : offset.count;
    long index = static_cast<long>(d.year()) * 12 + (d.month() - 1) + months; // months since year 0
    int year = static_cast<int>(index >= 0 ? index / 12 : (index - 11) / 12);
    int month = static_cast<int>(index - static_cast<long>(year) * 12) + 1;
    return PartialDate(year, month, std::min(d.day(), days_in_month(year, month)));
}

namespace {

// Years the command line may reach with an offset: those PartialDate::parse reads back.
bool in_range(const PartialDate& d) { return d.year() >= 1000 && d.year() <= 9999; }

} // namespace

std::optional<PartialDate> parse_date_argument(std::string_view text, const PartialDate& today) {
    if (auto d = PartialDate::parse(text)) {
        return d;
    }
    std::optional<PartialDate> out;
    if (text == "today") {
        out = today.first_day();
    } else if (text == "yesterday") {
        out = add_offset(today, {-1, 'd'});
    } else if (text == "tomorrow") {
        out = add_offset(today, {1, 'd'});
    } else if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
        if (auto o = parse_offset(text)) {
            out = add_offset(today, *o);
        }
    }
    if (out && !in_range(*out)) {
        return std::nullopt;
    }
    return out;
}

std::string explain_invalid_argument(std::string_view text) {
    const char* forms = "YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday, tomorrow, or an offset from today such as "
                        "+30d, -2w, +6m, -1y";
    if (!text.empty() && (text.front() == '+' || text.front() == '-') && parse_offset(text)) {
        return fmt::format("'{}' is a day before the year 1000 or after 9999", text);
    }
    bool date_shaped = !text.empty() && text.front() >= '0' && text.front() <= '9' && text.size() >= 4 &&
                       all_digits(text.substr(0, 4));
    if (date_shaped) {
        return PartialDate::explain_invalid(text);
    }
    return fmt::format("'{}' is not a date (expected {})", text, forms);
}

PartialDate today() {
    if (const char* fixed = std::getenv("ACCORD_TODAY"); fixed && *fixed) {
        auto d = PartialDate::parse(fixed);
        if (!d || d->precision() != DatePrecision::day) {
            throw UsageError(fmt::format("ACCORD_TODAY='{}' is not a day (expected YYYY-MM-DD)", fixed));
        }
        return *d;
    }
    std::time_t now = std::time(nullptr);
    std::tm local{};
    ::localtime_r(&now, &local);
    return PartialDate(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

} // namespace accord
