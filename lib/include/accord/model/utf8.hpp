#pragma once
// Reading UTF-8 one character at a time, strictly (no overlong forms, surrogates or code
// points past U+10FFFF): for the text checks of the input and for text shown on a terminal.
#include <cstddef>
#include <string_view>

namespace accord {

struct Utf8Char {
    enum class Bad {
        none,         // a character
        lead,         // the byte at i cannot start a character
        truncated,    // the text ends inside the character
        continuation, // the byte at i + bad_at is not a continuation byte
        value,        // overlong, a surrogate or past U+10FFFF
    };
    Bad bad = Bad::none;
    std::size_t length = 1; // bytes of the character (when bad is none)
    char32_t code = 0;
    std::size_t bad_at = 0; // continuation: the offset of the bad byte from i
};

// The character that starts at text[i] (i < text.size()).
Utf8Char utf8_at(std::string_view text, std::size_t i);

// The length of the longest end of text that could be the start of a character whose
// remaining bytes have not come yet (0 to 3).
std::size_t utf8_incomplete_tail(std::string_view text);

} // namespace accord
