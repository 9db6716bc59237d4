// libFuzzer target: the partial-date parser. A date that parses must print back as written
// and have a first and last day inside its period; one that does not must be explained.
// Built only with -DACCORD_FUZZ=ON (clang); run by `make fuzz`.
#include "accord/model/date.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto date = accord::PartialDate::parse(text);
    if (!date) {
        if (accord::PartialDate::explain_invalid(text).empty()) {
            std::abort();
        }
        return 0;
    }
    auto first = date->first_day();
    auto last = date->last_day();
    if (date->str() != text || first.days_since_epoch() > last.days_since_epoch() ||
        accord::PartialDate::parse(first.str()) != first || accord::PartialDate::parse(last.str()) != last ||
        last.day() > accord::days_in_month(last.year(), last.month())) {
        std::abort();
    }
    return 0;
}
