// The plain words of a text (tokens before party names are folded), acronyms, ordinals, stems.
#include "accord/extract/names.hpp"
#include "accord/extract/text.hpp"

#include <algorithm>
#include <cctype>

namespace accord::extract {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Bytes of UTF-8 punctuation at i (General Punctuation, Latin-1 punctuation), else 0.
std::size_t utf8_punct_at(std::string_view s, std::size_t i) {
    auto b = [&](std::size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
    if (b(i) == 0xE2 && (b(i + 1) == 0x80 || b(i + 1) == 0x81)) {
        return 3;
    }
    if (b(i) == 0xC2 && b(i + 1) >= 0xA0 && b(i + 1) <= 0xBF) {
        return 2;
    }
    return 0;
}

// An apostrophe (' or U+2019) at i: its length, else 0.
std::size_t apostrophe_at(std::string_view s, std::size_t i) {
    if (i < s.size() && s[i] == '\'') {
        return 1;
    }
    if (s.compare(i, 3, "\u2019") == 0) {
        return 3;
    }
    return 0;
}

bool word_byte_at(std::string_view s, std::size_t i) {
    if (i >= s.size()) {
        return false;
    }
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
        return std::isalnum(c) != 0;
    }
    return utf8_punct_at(s, i) == 0;
}

bool is_hyphen_gap(std::string_view gap) {
    return gap == "-" || gap == "\u2010" || gap == "\u2011";
}

const std::string_view k_stop[] = {"the", "a", "an"};

// Words of a text without party folding.
std::vector<Token> plain_tokens_of(std::string_view s) {
    std::vector<Token> out;
    std::size_t i = 0;
    std::size_t prev_end = std::string_view::npos;
    while (i < s.size()) {
        if (!word_byte_at(s, i)) {
            std::size_t n = utf8_punct_at(s, i);
            i += n ? n : 1;
            continue;
        }
        Token t;
        t.begin = i;
        // An acronym written with periods: U.S., U.N., e.g.
        std::size_t j = i;
        std::string letters;
        while (j + 1 < s.size() && std::isalpha(static_cast<unsigned char>(s[j])) && s[j + 1] == '.' &&
               (j == i || s[j - 1] == '.')) {
            letters += s[j];
            j += 2;
        }
        if (letters.size() >= 2) {
            t.raw = letters;
            t.end = j;
        } else {
            j = i;
            std::string raw;
            while (j < s.size()) {
                if (word_byte_at(s, j)) {
                    raw += s[j];
                    ++j;
                    continue;
                }
                std::size_t a = apostrophe_at(s, j);
                if (a && word_byte_at(s, j + a)) {
                    // "ASEAN's": the possessive goes; other inner apostrophes are dropped.
                    std::size_t k = j + a;
                    if ((s[k] == 's' || s[k] == 'S') && !word_byte_at(s, k + 1)) {
                        t.end = k + 1;
                        j = k + 1;
                        break;
                    }
                    j += a;
                    continue;
                }
                break;
            }
            t.raw = raw;
            if (t.end < j) {
                t.end = j;
            }
        }
        t.norm = ordinal_number(lower(t.raw));
        t.stop = std::find(std::begin(k_stop), std::end(k_stop), t.norm) != std::end(k_stop);
        auto c0 = static_cast<unsigned char>(t.raw.empty() ? ' ' : t.raw[0]);
        t.capital = std::isupper(c0) || std::isdigit(c0);
        if (prev_end != std::string_view::npos) {
            t.hyphen_before = is_hyphen_gap(s.substr(prev_end, t.begin - prev_end));
        }
        prev_end = t.end;
        i = t.end;
        out.push_back(std::move(t));
    }
    return out;
}

} // namespace

bool is_acronym(std::string_view s) {
    int upper = 0;
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if (std::islower(u) || c == ' ') {
            return false;
        }
        if (std::isupper(u)) {
            ++upper;
        }
    }
    return upper >= 2;
}

std::vector<Token> plain_words(std::string_view text) {
    return plain_tokens_of(text);
}

std::string ordinal_number(std::string_view w) {
    static const std::string_view words[] = {"first",     "second",      "third",      "fourth",     "fifth",
                                             "sixth",     "seventh",     "eighth",     "ninth",      "tenth",
                                             "eleventh",  "twelfth",     "thirteenth", "fourteenth", "fifteenth",
                                             "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"};
    if (w == "inaugural") {
        return "1st";
    }
    for (std::size_t i = 0; i < std::size(words); ++i) {
        if (words[i] == w) {
            std::size_t n = i + 1;
            const char *suffix = n == 1 ? "st" : n == 2 ? "nd" : n == 3 ? "rd" : "th";
            return std::to_string(n) + suffix;
        }
    }
    return std::string(w);
}

std::string stem(std::string_view word) {
    std::string w = lower(word);
    if (ends_with(w, "iour")) {
        w.replace(w.size() - 4, 4, "ior");
    } else if (w.size() >= 6 && ends_with(w, "our")) {
        w.replace(w.size() - 3, 3, "or");
    }
    if (w.size() >= 5 && ends_with(w, "tre")) {
        w.replace(w.size() - 3, 3, "ter");
    }
    if (w.size() >= 7 && ends_with(w, "mme")) {
        w.resize(w.size() - 2);
    }
    for (std::string_view suffix : {"isations", "isation", "ising", "ised", "ises", "ise"}) {
        if (ends_with(w, suffix) && w.size() - suffix.size() >= 3) {
            w[w.size() - suffix.size() + 1] = 'z';
            break;
        }
    }
    static const std::string_view suffixes[] = {"ations", "ation", "ating", "ated", "ates", "ate", "ings", "ing",
                                                "ions",   "ion",   "ies",   "ied",  "es",   "ed",  "s",    "e"};
    for (std::string_view suffix : suffixes) {
        if (!ends_with(w, suffix) || w.size() - suffix.size() < 3) {
            continue;
        }
        if (suffix == "s" && (ends_with(w, "ss") || ends_with(w, "us"))) {
            break;
        }
        w.resize(w.size() - suffix.size());
        if (suffix == "ies" || suffix == "ied") {
            w += 'y';
        }
        break;
    }
    return w;
}

} // namespace accord::extract
