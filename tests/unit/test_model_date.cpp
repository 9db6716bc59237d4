#include "accord/model/date.hpp"

#include <catch2/catch.hpp>

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
