// Dates in a statement's words: in figures and in words, datelines, due dates of commitments.
#include "accord/extract/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>
#include <set>

namespace accord::extract {

namespace {

const std::array<std::string_view, 12> k_months = {"january",   "february", "march",    "april",
                                                   "may",       "june",     "july",     "august",
                                                   "september", "october",  "november", "december"};

int month_of(std::string_view lower_word) {
    for (std::size_t i = 0; i < k_months.size(); ++i) {
        if (lower_word == k_months[i] || (lower_word.size() >= 3 && lower_word.size() <= 4 &&
                                          k_months[i].compare(0, lower_word.size(), lower_word) == 0)) {
            return static_cast<int>(i) + 1;
        }
    }
    return 0;
}

// The words of a lower-case text with their offsets; hyphens split words ("mid-2027").
struct W {
    std::string w;
    std::size_t begin;
    std::size_t end;
};

std::vector<W> split_words(const std::string &low) {
    std::vector<W> out;
    std::size_t i = 0;
    while (i < low.size()) {
        if (!std::isalnum(static_cast<unsigned char>(low[i]))) {
            ++i;
            continue;
        }
        std::size_t b = i;
        while (i < low.size() && std::isalnum(static_cast<unsigned char>(low[i]))) {
            ++i;
        }
        out.push_back({low.substr(b, i - b), b, i});
    }
    return out;
}

bool is_year(const std::string &w) {
    return w.size() == 4 && (w.compare(0, 2, "19") == 0 || w.compare(0, 2, "20") == 0) &&
           std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// Number words up to ninety-nine ("twenty six" -> 26); -1 when not one.
int number_of(const std::vector<std::string> &words) {
    static const std::string_view units[] = {
        "zero", "one",    "two",    "three",    "four",     "five",    "six",     "seven",     "eight",    "nine",
        "ten",  "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    static const std::string_view tens[] = {"",      "",      "twenty",  "thirty", "forty",
                                            "fifty", "sixty", "seventy", "eighty", "ninety"};
    int n = 0;
    bool any = false;
    for (const auto &w : words) {
        bool hit = false;
        for (int i = 0; i < 20; ++i) {
            if (w == units[i]) {
                n += i;
                hit = true;
            }
        }
        for (int i = 2; i < 10; ++i) {
            if (w == tens[i]) {
                n += 10 * i;
                hit = true;
            }
        }
        if (!hit) {
            return -1;
        }
        any = true;
    }
    return any ? n : -1;
}

// Ordinal words up to thirty-first ("twenty sixth" -> 26); -1 when not one.
int ordinal_of(const std::vector<std::string> &words) {
    static const std::string_view ord[] = {
        "",           "first",     "second",    "third",       "fourth",     "fifth",      "sixth",
        "seventh",    "eighth",    "ninth",     "tenth",       "eleventh",   "twelfth",    "thirteenth",
        "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"};
    if (words.empty() || words.size() > 2) {
        return -1;
    }
    int base = 0;
    std::string last = words.back();
    if (words.size() == 2) {
        if (words[0] == "twenty") {
            base = 20;
        } else if (words[0] == "thirty") {
            base = 30;
        } else {
            return -1;
        }
    }
    if (last == "thirtieth" && words.size() == 1) {
        return 30;
    }
    for (int i = 1; i <= 20; ++i) {
        if (last == ord[i] && (base == 0 || i < 10)) {
            return base + i;
        }
    }
    return -1;
}

std::vector<std::string> words_of(const std::string &s) {
    std::vector<std::string> out;
    for (const auto &w : split_words(s)) {
        out.push_back(w.w);
    }
    return out;
}

} // namespace

std::optional<PartialDate> find_date(std::string_view line, std::string *matched) {
    static const std::string month = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                                     "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    static const std::regex iso(R"(\b(\d{4})-(\d{2})-(\d{2})\b)");
    static const std::regex mdy("\\b" + month + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b", std::regex::icase);
    static const std::regex dmy("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + month + ",?\\s+(\\d{4})\\b",
                                std::regex::icase);
    static const std::regex my("\\b" + month + ",?\\s+(\\d{4})\\b", std::regex::icase);
    static const std::array<std::string_view, 12> months = {"jan", "feb", "mar", "apr", "may", "jun",
                                                            "jul", "aug", "sep", "oct", "nov", "dec"};
    auto month_number = [&](const std::string &name) {
        std::string l = lower(name).substr(0, 3);
        for (std::size_t i = 0; i < months.size(); ++i) {
            if (months[i] == l) {
                return static_cast<int>(i) + 1;
            }
        }
        return 0;
    };
    std::string s(line);
    std::smatch m;
    std::optional<PartialDate> d;
    if (std::regex_search(s, m, iso)) {
        d = PartialDate::parse(m.str(0));
    } else if (std::regex_search(s, m, mdy)) {
        d = PartialDate::parse(std::to_string(std::stoi(m.str(3))) + "-" + (month_number(m.str(1)) < 10 ? "0" : "") +
                               std::to_string(month_number(m.str(1))) + "-" + (std::stoi(m.str(2)) < 10 ? "0" : "") +
                               std::to_string(std::stoi(m.str(2))));
    } else if (std::regex_search(s, m, dmy)) {
        d = PartialDate::parse(std::to_string(std::stoi(m.str(3))) + "-" + (month_number(m.str(2)) < 10 ? "0" : "") +
                               std::to_string(month_number(m.str(2))) + "-" + (std::stoi(m.str(1)) < 10 ? "0" : "") +
                               std::to_string(std::stoi(m.str(1))));
    } else if (std::regex_search(s, m, my)) {
        d = PartialDate::parse(m.str(2) + "-" + (month_number(m.str(1)) < 10 ? "0" : "") +
                               std::to_string(month_number(m.str(1))));
    }
    if (d && matched) {
        *matched = m.str(0);
    }
    return d;
}

std::optional<PartialDate> find_date_in_words(std::string_view line, std::string *matched) {
    std::string low = lower(line);
    static const std::regex re(
        R"((?:the\s+)?([a-z]+(?:[\s-]+[a-z]+)?)\s+(?:day\s+)?of\s+([a-z]+),?\s+(?:in\s+)?(?:the\s+)?(?:year\s+)?(?:two\s+thousand(?:\s+and)?[\s-]+([a-z]+(?:[\s-]+[a-z]+)?)|(\d{4})))");
    std::smatch m;
    auto begin = low.cbegin();
    while (std::regex_search(begin, low.cend(), m, re)) {
        std::vector<std::string> day_words = words_of(m.str(1));
        if (!day_words.empty() && day_words.back() == "day") {
            day_words.pop_back();
        }
        // "the Twenty-Sixth": keep the last two words at most.
        while (day_words.size() > 2) {
            day_words.erase(day_words.begin());
        }
        int day = ordinal_of(day_words);
        if (day < 0 && day_words.size() == 2) {
            day = ordinal_of({day_words[1]});
        }
        int month = month_of(m.str(2));
        int year = m[4].matched ? std::stoi(m.str(4)) : 2000 + number_of(words_of(m.str(3)));
        if (day > 0 && month > 0 && year >= 2000 && (m[4].matched || number_of(words_of(m.str(3))) >= 0)) {
            auto d = PartialDate::parse(fmt::format("{:04}-{:02}-{:02}", year, month, day));
            if (d) {
                if (matched) {
                    std::size_t at = static_cast<std::size_t>(m.position(0) + (begin - low.cbegin()));
                    *matched = std::string(line.substr(at, static_cast<std::size_t>(m.length(0))));
                }
                return d;
            }
        }
        begin = m[0].second;
    }
    return std::nullopt;
}

std::optional<PartialDate> find_dateline(std::string_view sentence, std::string *matched) {
    // The words before the first dash, colon or bar, at most twelve of them, in capitals or with a
    // place name first.
    static const std::string_view dashes[] = {" \u2013 ", " \u2014 ", " -- ", " - ", " | ", ": "};
    std::size_t cut = std::string_view::npos;
    for (auto d : dashes) {
        std::size_t at = sentence.find(d);
        if (at != std::string_view::npos && at < cut) {
            cut = at;
        }
    }
    if (cut == std::string_view::npos || word_count(sentence.substr(0, cut)) > 12 || cut == 0 ||
        !std::isupper(static_cast<unsigned char>(sentence[0]))) {
        return std::nullopt;
    }
    std::string head(sentence.substr(0, cut));
    auto d = find_date(head);
    if (!d) {
        return std::nullopt;
    }
    if (matched) {
        *matched = std::string(sentence.substr(0, cut));
    }
    return d;
}

namespace {

std::optional<Due> due_by_year(std::string_view text, int statement_year, std::size_t *where);
std::optional<Due> due_by_count(std::string_view text, int statement_year, std::size_t *where);
std::optional<Due> due_by_months(std::string_view text, int statement_year, int statement_month, std::size_t *where);

} // namespace

// The first date phrase of the text: one with a year ("by 2027") or one counted from the
// statement's date ("within two years", "later this year", "within six months of the signing"),
// whichever comes first.
std::optional<Due> find_due(std::string_view text, int statement_year, int statement_month) {
    std::size_t at_year = std::string_view::npos;
    std::size_t at_count = std::string_view::npos;
    auto by_year = due_by_year(text, statement_year, &at_year);
    auto by_count = due_by_count(text, statement_year, &at_count);
    std::size_t at_months = std::string_view::npos;
    auto by_months = due_by_months(text, statement_year, statement_month, &at_months);
    if (by_months && (!by_count || at_months < at_count)) {
        by_count = by_months;
        at_count = at_months;
    }
    if (by_year && by_count) {
        return at_count < at_year ? by_count : by_year;
    }
    return by_year ? by_year : by_count;
}

namespace {

std::optional<Due> due_by_year(std::string_view text, int statement_year, std::size_t *where) {
    std::string low = lower(text);
    auto words = split_words(low);
    static const std::set<std::string> prepositions = {"in",      "by",         "before", "until", "till",
                                                       "through", "throughout", "within", "over",  "during"};
    static const std::string_view order[] = {"first", "second", "third", "fourth"};
    for (std::size_t k = 0; k < words.size(); ++k) {
        if (!is_year(words[k].w)) {
            continue;
        }
        int year = std::stoi(words[k].w);
        int month = 0;
        int day = 0;
        std::size_t j = k; // words[j] is the first word of the date phrase so far
        auto at = [&](std::size_t back) -> std::string { return j >= back ? words[j - back].w : std::string(); };
        auto digits = [](const std::string &w) {
            return !w.empty() && w.size() <= 2 && std::all_of(w.begin(), w.end(), [](char c) {
                return std::isdigit(static_cast<unsigned char>(c)) != 0;
            });
        };
        if (int mo = month_of(at(1)); mo > 0) {
            month = mo;
            --j;
            if (digits(at(1))) {
                day = std::stoi(at(1));
                --j;
            }
        } else if (at(1) == "early" || at(1) == "mid" || at(1) == "late" || at(1) == "end" || at(1) == "spring" ||
                   at(1) == "summer" || at(1) == "autumn" || at(1) == "fall" || at(1) == "winter") {
            --j; // vague about the month ("in early 2027", "in spring 2028"): the year
        } else if (at(1) == "of" && (at(2) == "half" || at(2) == "quarter")) {
            for (int q = 0; q < 4; ++q) {
                if (at(3) == order[q]) {
                    month = at(2) == "half" ? (q + 1) * 6 : (q + 1) * 3;
                }
            }
            if (month == 0 || month > 12) {
                continue;
            }
            j -= 3;
            if (at(1) == "the") {
                --j;
            }
        } else if (at(1).size() == 2 && (at(1)[0] == 'q' || at(1)[0] == 'h') && at(1)[1] >= '1' && at(1)[1] <= '4') {
            month = (at(1)[1] - '0') * (at(1)[0] == 'q' ? 3 : 6);
            if (month > 12) {
                continue;
            }
            --j;
        }
        if (at(1) == "year" && at(2) == "fiscal") {
            j -= 2; // "through fiscal year 2029": the year
        } else if (at(1) == "fy") {
            --j;
        }
        if (at(1) == "of" && at(2) == "course") {
            j -= 2; // "in the course of 2028", "during the course of 2028"
            if (at(1) == "the") {
                --j;
            }
        }
        bool end_of = false;
        if (at(1) == "of" && (at(2) == "end" || at(2) == "beginning" || at(2) == "start")) {
            j -= 2;
            end_of = true;
            if (at(1) == "the") {
                --j;
            }
        }
        if (at(1) == "least" && at(2) == "at") {
            j -= 2; // "until at least 2028"
        }
        std::string prep = at(1);
        std::size_t from_word = j >= 1 ? j - 1 : j;
        bool ok = prepositions.count(prep) != 0 || (prep == "at" && end_of);
        if (prep == "than" && at(2) == "later" && (at(3) == "no" || at(3) == "not")) {
            ok = true;
            from_word = j - 3;
        }
        if (prep == "to" && (at(2) == "up" || at(2) == "prior")) {
            ok = true;
            from_word = j - 2;
        }
        // "from 2026 to 2028", "between 2026 and 2028": the end of the range.
        bool range_start = (prep == "from" || prep == "between") && k + 2 < words.size() && is_year(words[k + 2].w) &&
                           (words[k + 1].w == "to" || words[k + 1].w == "and" || words[k + 1].w == "until" ||
                            words[k + 1].w == "through");
        if (range_start) {
            ok = true;
        }
        if (prep == "on" && day > 0) {
            ok = true; // "on 3 June 2027"
        }
        // "at the 2027 Summit", "ahead of the 2027 exercise": a year naming an event to come.
        static const std::set<std::string> event_prepositions = {"at", "in", "by", "before", "until", "during", "for"};
        bool range_after = k + 1 < words.size() && is_year(words[k + 1].w);
        bool determiner = prep == "the" || prep == "its" || prep == "their" || prep == "our";
        if (determiner && month == 0 && !range_after &&
            (event_prepositions.count(at(2)) != 0 || (at(2) == "of" && at(3) == "ahead"))) {
            ok = true;
            from_word = at(2) == "of" ? j - 3 : j - 2;
        }
        if (prep == "in" && (at(2) == "starting" || at(2) == "beginning" || at(2) == "commencing")) {
            ok = false;
        }
        // "the drill it conducted in 2026", "the exercise held in March 2026": the year dates a
        // past event, not a deadline ("to be held in 2027" is one to come).
        static const std::set<std::string> past = {"conducted", "held",    "hosted",    "organised", "organized",
                                                   "launched",  "adopted", "signed",    "completed", "released",
                                                   "published", "convened", "endorsed", "carried",   "took"};
        std::string verb = at(2) == "out" || at(2) == "place" ? at(3) : at(2);
        std::string aux = at(2) == "out" || at(2) == "place" ? at(4) : at(3);
        if ((prep == "in" || prep == "during") && past.count(verb) != 0 && aux != "be" && aux != "will" &&
            aux != "been") {
            ok = false;
        }
        if (!ok) {
            continue;
        }
        // "in 2026 and 2027", "in 2027-2028": the later year.
        std::size_t last = k;
        if (month == 0 && k + 2 < words.size() && is_year(words[k + 2].w) &&
            (words[k + 1].w == "and" || words[k + 1].w == "to" || words[k + 1].w == "until" ||
             words[k + 1].w == "through")) {
            last = k + 2;
        } else if (month == 0 && k + 1 < words.size() && is_year(words[k + 1].w) &&
                   (low.compare(words[k].end, 1, "-") == 0 || low.compare(words[k].end, 3, "\xe2\x80\x93") == 0)) {
            last = k + 1;
        }
        year = std::stoi(words[last].w);
        if (statement_year > 0 && (year < statement_year || year > statement_year + 20)) {
            continue;
        }
        Due due;
        if (day > 0 && PartialDate::parse(fmt::format("{:04}-{:02}-{:02}", year, month, day))) {
            due.value = fmt::format("{:04}-{:02}-{:02}", year, month, day);
        } else if (month > 0) {
            due.value = fmt::format("{:04}-{:02}", year, month);
        } else {
            due.value = std::to_string(year);
        }
        due.words = std::string(text.substr(words[from_word].begin, words[last].end - words[from_word].begin));
        *where = words[from_word].begin;
        return due;
    }
    return std::nullopt;
}

// "by the end of this year", "later this year", "next year", "within two years", "over the next
// three years": a year counted from the statement's.
std::optional<Due> due_by_count(std::string_view text, int statement_year, std::size_t *where) {
    std::string low = lower(text);
    if (statement_year > 0) {
        static const std::regex duration(
            R"(\b(?:within|over|in|during|for)\s+(?:the\s+)?(?:next|coming|following)?\s*(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+years\b)");
        std::smatch d;
        if (std::regex_search(low, d, duration)) {
            static const std::vector<std::string> numbers = {"one", "two",   "three", "four", "five",
                                                             "six", "seven", "eight", "nine", "ten"};
            std::string n = d.str(1);
            auto it = std::find(numbers.begin(), numbers.end(), n);
            int years = it != numbers.end() ? static_cast<int>(it - numbers.begin()) + 1 : std::stoi(n);
            if (years >= 1 && years <= 20) {
                Due due;
                due.value = std::to_string(statement_year + years);
                due.words = std::string(
                    text.substr(static_cast<std::size_t>(d.position(0)), static_cast<std::size_t>(d.length(0))));
                *where = static_cast<std::size_t>(d.position(0));
                return due;
            }
        }
        static const std::regex relative(
            R"(\b(?:(?:by|before|until|in|during|of)\s+(?:the\s+end\s+of\s+)?(this|next|the)\s+year|(?:later\s+)?(this|next)\s+year)\b)");
        std::smatch m;
        if (std::regex_search(low, m, relative)) {
            std::string which = m[1].matched ? m.str(1) : m.str(2);
            Due due;
            due.value = std::to_string(statement_year + (which == "next" ? 1 : 0));
            due.words = std::string(
                text.substr(static_cast<std::size_t>(m.position(0)), static_cast<std::size_t>(m.length(0))));
            *where = static_cast<std::size_t>(m.position(0));
            return due;
        }
    }
    return std::nullopt;
}

// "within six months (of the signing)", "in the next three months": a month counted from the
// statement's, when its month is known.
std::optional<Due> due_by_months(std::string_view text, int statement_year, int statement_month, std::size_t *where) {
    if (statement_year <= 0 || statement_month <= 0) {
        return std::nullopt;
    }
    std::string low = lower(text);
    static const std::regex duration(
        R"(\b(?:within|over|in|during)\s+(?:the\s+)?(?:next|coming|following)?\s*(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|\d{1,2})\s+months?\b)");
    std::smatch d;
    if (!std::regex_search(low, d, duration)) {
        return std::nullopt;
    }
    static const std::vector<std::string> numbers = {"one", "two",   "three", "four",   "five",   "six",
                                                     "seven", "eight", "nine", "ten", "eleven", "twelve"};
    std::string n = d.str(1);
    auto it = std::find(numbers.begin(), numbers.end(), n);
    int months = it != numbers.end() ? static_cast<int>(it - numbers.begin()) + 1 : n == "eighteen" ? 18 : std::stoi(n);
    if (months < 1 || months > 60) {
        return std::nullopt;
    }
    int total = statement_year * 12 + (statement_month - 1) + months;
    Due due;
    due.value = fmt::format("{:04}-{:02}", total / 12, total % 12 + 1);
    due.words = std::string(text.substr(static_cast<std::size_t>(d.position(0)), static_cast<std::size_t>(d.length(0))));
    *where = static_cast<std::size_t>(d.position(0));
    return due;
}

} // namespace

} // namespace accord::extract
