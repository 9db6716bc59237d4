// UTF-8 read one character at a time, strictly (no overlong forms, surrogates, or past U+10FFFF).
#include "accord/model/utf8.hpp"

namespace accord {

Utf8Char utf8_at(std::string_view text, std::size_t i) {
    Utf8Char ch;
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
        ch.code = c;
        return ch;
    }
    char32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
        ch.length = 2;
        cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        ch.length = 3;
        cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        ch.length = 4;
        cp = c & 0x07;
    } else {
        ch.bad = Utf8Char::Bad::lead;
        return ch;
    }
    if (i + ch.length > text.size()) {
        // A bad continuation byte before the end says more than "truncated".
        for (std::size_t k = 1; i + k < text.size(); ++k) {
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) {
                ch.bad = Utf8Char::Bad::continuation;
                ch.bad_at = k;
                return ch;
            }
        }
        ch.bad = Utf8Char::Bad::truncated;
        return ch;
    }
    for (std::size_t k = 1; k < ch.length; ++k) {
        auto cc = static_cast<unsigned char>(text[i + k]);
        if ((cc & 0xC0) != 0x80) {
            ch.bad = Utf8Char::Bad::continuation;
            ch.bad_at = k;
            return ch;
        }
        cp = (cp << 6) | (cc & 0x3F);
    }
    bool overlong = (ch.length == 2 && cp < 0x80) || (ch.length == 3 && cp < 0x800) || (ch.length == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ch.bad = Utf8Char::Bad::value;
        return ch;
    }
    ch.code = cp;
    return ch;
}

std::size_t utf8_incomplete_tail(std::string_view text) {
    for (std::size_t back = 1; back <= 3 && back <= text.size(); ++back) {
        auto c = static_cast<unsigned char>(text[text.size() - back]);
        if ((c & 0xC0) == 0x80) {
            continue; // a continuation byte: look further back for the lead
        }
        std::size_t need = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
        return need > back ? back : 0;
    }
    return 0;
}

} // namespace accord
