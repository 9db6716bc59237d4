#include "accord/error.hpp"
#include "accord/model/date.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <cstdlib>
#include <string>

using accord::PartialDate;

TEST_CASE("partial dates parse at three precisions and refuse impossible days", "[date]") {
    CHECK(PartialDate::parse("2025")->precision_name() == "year");
    CHECK(PartialDate::parse("2025-10")->precision_name() == "month");
    CHECK(PartialDate::parse("2025-10-21")->precision_name() == "day");
    CHECK(PartialDate::parse("2024-02-29"));
    CHECK_FALSE(PartialDate::parse("2025-02-29"));
    CHECK_FALSE(PartialDate::parse("2025-13"));
    CHECK_FALSE(PartialDate::parse("2025-1"));
    CHECK_FALSE(PartialDate::parse("25"));
    CHECK_FALSE(PartialDate::parse("2025-10-21T10:00"));
    CHECK_FALSE(PartialDate::parse("0999"));
    CHECK(PartialDate::explain_invalid("2025-13").find("month 13") != std::string::npos);
    CHECK(PartialDate::explain_invalid("2025-02-30").find("no day 30") != std::string::npos);
}

TEST_CASE("a partial date keeps its precision and spans its period", "[date]") {
    auto y = *PartialDate::parse("2025");
    CHECK(y.str() == "2025");
    CHECK(y.first_day().str() == "2025-01-01");
    CHECK(y.last_day().str() == "2025-12-31");
    CHECK(PartialDate::parse("2024-02")->last_day().str() == "2024-02-29");
    CHECK(PartialDate::parse("2025-02")->last_day().str() == "2025-02-28");
}

TEST_CASE("a partial date's text is zero-padded as fmt's {:04d}-{:02d}-{:02d}, in and out of range", "[date]") {
    // str() formats by hand for years 0..9999 and falls back to fmt outside: both give the
    // same text as fmt itself.
    for (int year : {0, 7, 42, 999, 1000, 1999, 2025, 9999, 10000, 123456, -1}) {
        for (int month : {0, 1, 9, 10, 12}) {
            for (int day : {0, 1, 9, 10, 31}) {
                if (month == 0 && day != 0) {
                    continue;
                }
                PartialDate d(year, month, day);
                std::string want = month == 0 ? fmt::format("{:04d}", year)
                                   : day == 0 ? fmt::format("{:04d}-{:02d}", year, month)
                                              : fmt::format("{:04d}-{:02d}-{:02d}", year, month, day);
                CHECK(d.str() == want);
            }
        }
    }
    CHECK(PartialDate::parse("2025-03-07")->str() == "2025-03-07");
}

TEST_CASE("partial dates sort at their first day, coarser first", "[date]") {
    auto a = *PartialDate::parse("2025");
    auto b = *PartialDate::parse("2025-01-01");
    auto c = *PartialDate::parse("2025-03");
    auto d = *PartialDate::parse("2024-12-31");
    CHECK(a < b);
    CHECK_FALSE(b < a);
    CHECK(b < c);
    CHECK(d < a);
    CHECK(PartialDate::parse("1970-01-01")->days_since_epoch() == 0);
    CHECK(PartialDate::parse("2026-01-01")->days_since_epoch() - PartialDate::parse("2025-01-01")->days_since_epoch() ==
          365);
}

namespace {

std::string arg(const char* text, const char* today = "2026-01-31") {
    auto d = accord::parse_date_argument(text, *PartialDate::parse(today));
    return d ? d->str() : std::string("(refused)");
}

} // namespace

TEST_CASE("dates on the command line: ISO dates as they are, words and offsets from today", "[date]") {
    CHECK(arg("2025") == "2025");
    CHECK(arg("2025-10") == "2025-10");
    CHECK(arg("2025-10-21") == "2025-10-21");
    CHECK(arg("today") == "2026-01-31");
    CHECK(arg("yesterday") == "2026-01-30");
    CHECK(arg("tomorrow") == "2026-02-01");
    CHECK(arg("yesterday", "2026-01-01") == "2025-12-31");
    CHECK(arg("tomorrow", "2024-02-28") == "2024-02-29");
    CHECK(arg("+30d") == "2026-03-02");
    CHECK(arg("-30d") == "2026-01-01");
    CHECK(arg("+0d") == "2026-01-31");
    CHECK(arg("-2w") == "2026-01-17");
    CHECK(arg("+2w", "2025-12-25") == "2026-01-08");
    CHECK(arg("+6m") == "2026-07-31");
    CHECK(arg("-1y") == "2025-01-31");
    CHECK(arg("+1y", "2025-12-31") == "2026-12-31");
    CHECK(arg("+12m", "2025-06-15") == "2026-06-15");
    CHECK(arg("-13m", "2026-01-15") == "2024-12-15");
    for (const char* bad : {"30d", "+30", "+d", "+30x", "30", "now", "Today", "+1.5m", "++1d", "+ 1d", "2025-1", "",
                            "+1234567d", "-1100y", "+8000y"}) {
        INFO(bad);
        CHECK(arg(bad) == "(refused)");
    }
    CHECK(accord::explain_invalid_argument("now").find("today, yesterday, tomorrow") != std::string::npos);
    CHECK(accord::explain_invalid_argument("2025-13").find("month 13") != std::string::npos);
}

TEST_CASE("month and year offsets keep the day or take the last day of a shorter month", "[date]") {
    // Month ends.
    CHECK(arg("+1m", "2026-01-31") == "2026-02-28");
    CHECK(arg("+1m", "2024-01-31") == "2024-02-29");
    CHECK(arg("+2m", "2026-01-31") == "2026-03-31");
    CHECK(arg("+3m", "2026-01-31") == "2026-04-30");
    CHECK(arg("-1m", "2026-03-31") == "2026-02-28");
    CHECK(arg("-1m", "2026-01-31") == "2025-12-31");
    CHECK(arg("+1m", "2025-12-15") == "2026-01-15");
    CHECK(arg("+1m", "2026-02-28") == "2026-03-28"); // the day is kept, not moved to the month's end
    // Leap days.
    CHECK(arg("+1y", "2024-02-29") == "2025-02-28");
    CHECK(arg("-1y", "2024-02-29") == "2023-02-28");
    CHECK(arg("+4y", "2024-02-29") == "2028-02-29");
    CHECK(arg("+1y", "2023-02-28") == "2024-02-28");
    CHECK(arg("+12m", "2024-02-29") == "2025-02-28");
    CHECK(arg("+1d", "2024-02-28") == "2024-02-29");
    CHECK(arg("+1d", "2023-02-28") == "2023-03-01");
    CHECK(arg("+1d", "2100-02-28") == "2100-03-01"); // 2100 is not a leap year
    CHECK(arg("+1d", "2000-02-28") == "2000-02-29"); // 2000 is
    CHECK(arg("+365d", "2024-01-01") == "2024-12-31");
    CHECK(arg("+1w", "2024-02-26") == "2024-03-04");
}

TEST_CASE("days since the epoch go both ways", "[date]") {
    for (const char* d : {"1970-01-01", "1969-12-31", "2000-02-29", "2024-02-29", "2026-01-31", "1000-01-01",
                          "9999-12-31"}) {
        INFO(d);
        auto p = *PartialDate::parse(d);
        CHECK(PartialDate::from_days_since_epoch(p.days_since_epoch()) == p);
    }
}

TEST_CASE("ACCORD_TODAY fixes today; anything but a day is refused", "[date]") {
    ::setenv("ACCORD_TODAY", "2024-02-29", 1);
    CHECK(accord::today().str() == "2024-02-29");
    ::setenv("ACCORD_TODAY", "2024-02", 1);
    CHECK_THROWS_AS(accord::today(), accord::UsageError);
    ::setenv("ACCORD_TODAY", "", 1);
    CHECK(accord::today().precision() == accord::DatePrecision::day);
    ::unsetenv("ACCORD_TODAY");
    CHECK(accord::today().year() >= 2025);
}
