// Plain scalars resolve as the YAML 1.2 core schema says. The float rule is matched by hand in
// node.cpp (std::regex cost thousands of instructions per date); here std::regex is the oracle,
// on every text of up to five characters over the characters that matter.
#include "accord/yaml/node.hpp"

#include <catch2/catch.hpp>

#include <functional>
#include <regex>
#include <string>

using namespace accord::yaml;

namespace {

ScalarType type_of(const std::string& text) {
    Node n;
    n.type = NodeType::scalar;
    n.plain = true;
    n.value = text;
    return n.scalar_type();
}

} // namespace

TEST_CASE("a plain scalar is a number exactly where the core schema's float pattern matches", "[yaml]") {
    const std::regex k_float(
        "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    const std::regex k_integer("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
    const std::string alphabet = "07.eE+-x ";
    std::size_t numbers = 0;
    std::size_t checked = 0;
    std::string text;
    // Every text of up to five characters over the alphabet.
    std::function<void(std::size_t)> each = [&](std::size_t left) {
        if (!text.empty() && !std::regex_match(text, k_integer)) {
            bool want = std::regex_match(text, k_float);
            ScalarType got = type_of(text);
            INFO("'" << text << "'");
            CHECK((got == ScalarType::number) == want);
            numbers += want;
            ++checked;
        }
        if (left == 0) {
            return;
        }
        for (char c : alphabet) {
            text.push_back(c);
            each(left - 1);
            text.pop_back();
        }
    };
    each(5);
    CHECK(checked > 60000);
    CHECK(numbers > 500);
    for (const char* word : {".inf", "-.inf", "+.Inf", ".INF", ".nan", ".NaN", ".NAN", "1e5", "-.5e-3", "6.", "0.5"}) {
        INFO(word);
        CHECK(type_of(word) == ScalarType::number);
    }
    for (const char* word : {"-.nan", ".infinity", "inf", "nan", "1e", "e5", ".", "-", "1.2.3", "2025-10", "2025-10-21",
                             "1_000", "0x", "1e5x"}) {
        INFO(word);
        CHECK(type_of(word) != ScalarType::number);
    }
    CHECK(type_of(std::string(63, '7') + ".5") == ScalarType::string); // 65 characters: text, as before
}
