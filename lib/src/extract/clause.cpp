// The parts of a clause: words, segments, the subject before a cue, the words around a cue.
#include "clause.hpp"

#include "accord/extract/text.hpp"
#include "vocabulary.hpp"

#include <algorithm>
#include <cctype>

namespace accord::extract::clause {

using namespace vocab;

bool word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80;
}

bool starts_with_words(std::string_view lower_text, std::string_view words) {
    return lower_text.substr(0, words.size()) == words &&
           (lower_text.size() == words.size() || !word_char(lower_text[words.size()]));
}

std::vector<Word> words_in(std::string_view text, std::size_t from, std::size_t to) {
    std::vector<Word> out;
    std::size_t i = from;
    while (i < to) {
        if (!word_char(text[i])) {
            ++i;
            continue;
        }
        std::size_t b = i;
        while (i < to && (word_char(text[i]) || text[i] == '-' || text[i] == '\'' || text[i] == '.') &&
               !(text[i] == '.' && (i + 1 >= to || !word_char(text[i + 1])) && i > b + 1 && text[i - 2] != '.' &&
                 !std::isupper(static_cast<unsigned char>(text[i - 1])))) {
            ++i;
        }
        std::size_t e = i;
        while (e > b && (text[e - 1] == '-' || text[e - 1] == '\'')) {
            --e;
        }
        Word w;
        w.begin = b;
        w.end = e;
        w.lower = lower(text.substr(b, e - b));
        if (w.lower.size() > 2 && w.lower.compare(w.lower.size() - 2, 2, "'s") == 0) {
            w.lower.resize(w.lower.size() - 2);
        }
        auto c = static_cast<unsigned char>(text[b]);
        w.capital = std::isupper(c) || std::isdigit(c) || c >= 0x80;
        out.push_back(std::move(w));
    }
    return out;
}

Span trim_span(std::string_view text, Span s) {
    while (s.begin < s.end && (text[s.begin] == ' ' || text[s.begin] == ',')) {
        ++s.begin;
    }
    while (s.end > s.begin && (text[s.end - 1] == ' ' || text[s.end - 1] == ',')) {
        --s.end;
    }
    return s;
}

// Segments of [from, to) between commas, semicolons and dashes ("SINGAPORE, 21 October 2026 -
// The Agency will").
std::vector<Span> segments(std::string_view text, std::size_t from, std::size_t to) {
    std::vector<Span> out;
    std::size_t b = from;
    for (std::size_t i = from; i < to; ++i) {
        std::size_t dash = text.compare(i, 5, " \u2013 ") == 0 || text.compare(i, 5, " \u2014 ") == 0 ? 5
                           : text.compare(i, 3, " - ") == 0                                           ? 3
                                                                                                      : 0;
        // "1,200 trainees": a comma between digits is part of a number.
        bool in_number = text[i] == ',' && i > from && i + 1 < to && std::isdigit(static_cast<unsigned char>(text[i - 1])) &&
                         std::isdigit(static_cast<unsigned char>(text[i + 1]));
        if ((text[i] == ',' && !in_number) || text[i] == ';' || dash > 0) {
            out.push_back(trim_span(text, {b, i}));
            b = i + (dash > 0 ? dash : 1);
            i = b - 1;
        }
    }
    out.push_back(trim_span(text, {b, to}));
    return out;
}

bool aside(std::string_view text, Span s) {
    auto w = words_in(text, s.begin, s.end);
    if (w.empty()) {
        return false;
    }
    const std::string &first = w.front().lower;
    // "Japan, noting X, will ...": a participle in commas is an aside too.
    bool participle = !w.front().capital && first.size() > 5 && first.compare(first.size() - 3, 3, "ing") == 0;
    // "Viet Nam, supported by Canada, ...": a past participle with its agent.
    bool agent = w.size() > 1 && w[1].lower == "by" && first.size() > 3 &&
                 (first.compare(first.size() - 2, 2, "ed") == 0 || first.compare(first.size() - 2, 2, "en") == 0);
    // "To strengthen the security of ..., resolve to:": a purpose in front of the clause.
    bool purpose = first == "to" && w.size() > 1 && s.begin == 0;
    // "Japan, one of the dialogue partners taking part, offered ...": an apposition.
    bool one_of_them = first == "one" && w.size() > 1 && w[1].lower == "of";
    return participle || agent || purpose || one_of_them || one_of(k_aside_words, first);
}

// "The Ministry of Foreign Affairs of Indonesia": a name (capitalised words, and small words
// between them), however long, which a list of subjects may hold.
bool name_segment(std::string_view text, Span s) {
    auto w = words_in(text, s.begin, s.end);
    static const std::vector<std::string_view> small = {"of", "the", "for", "and", "on", "de"};
    return !w.empty() && w.front().capital && w.back().capital &&
           std::all_of(w.begin(), w.end(), [](const Word &x) { return x.capital || one_of(small, x.lower); });
}

bool joining(std::string_view text, Span s) {
    std::string low = lower(text.substr(s.begin, s.end - s.begin));
    for (auto j : k_joining) {
        if (starts_with_words(low, j)) {
            // "with Japan" joins; "with the support of the Fund" is an aside: after the joining
            // words (and "the"), a name.
            auto w = words_in(text, s.begin + j.size(), s.end);
            std::size_t k = !w.empty() && w.front().lower == "the" ? 1 : 0;
            return k < w.size() && w[k].capital;
        }
    }
    return false;
}

// The subject of a cue found at `at`, in the words from `from`. A participial clause takes the
// first segment; the subject is then after it.
Subject subject_of(std::string_view text, std::size_t from, std::size_t at, bool after_participle,
                   std::size_t sentence_start) {
    Subject s;
    auto segs = segments(text, from, at);
    std::size_t first = after_participle ? 1 : 0;
    if (segs.size() <= first) {
        return s;
    }
    // The head: the last segment that is not an aside.
    int head = -1;
    for (std::size_t k = segs.size(); k-- > first;) {
        if (!segs[k].empty() && !aside(text, segs[k])) {
            head = static_cast<int>(k);
            break;
        }
    }
    if (head < 0) {
        // No subject: an imperative, when nothing but fillers and openers stands before the cue.
        bool only_fillers = true;
        for (std::size_t k = first; k < segs.size(); ++k) {
            if (aside(text, segs[k]) && k + 1 < segs.size()) {
                continue; // an opener: "To strengthen ..., resolve to:"
            }
            for (const auto &w : words_in(text, segs[k].begin, segs[k].end)) {
                only_fillers = only_fillers && one_of(k_fillers, w.lower);
            }
        }
        s.ok = !after_participle && only_fillers;
        return s;
    }
    Span h = segs[static_cast<std::size_t>(head)];
    // "Indonesia, Malaysia and Singapore": a list of names takes the segments before the last.
    auto hw = words_in(text, h.begin, h.end);
    bool list = std::any_of(hw.begin(), hw.end(), [](const Word &w) { return w.lower == "and"; });
    // "The United States, through CISA, and Japan, through its Office,": names before an aside
    // belong to the list too.
    bool across = false;
    for (int k = head - 1; list && k >= static_cast<int>(first); --k) {
        Span p = segs[static_cast<std::size_t>(k)];
        if (!p.empty() && aside(text, p) && !joining(text, p) && k > static_cast<int>(first)) {
            across = true;
            continue;
        }
        if (p.empty() || aside(text, p) || (words_in(text, p.begin, p.end).size() > 4 && !name_segment(text, p))) {
            break;
        }
        if (across) {
            s.joined.push_back(p);
        } else {
            h.begin = p.begin;
        }
    }
    for (std::size_t k = static_cast<std::size_t>(head) + 1; k < segs.size(); ++k) {
        if (joining(text, segs[k])) {
            s.joined.push_back(segs[k]);
        }
    }
    // "Participants expressed hope that the mechanism will ...": the subject is in the clause.
    for (const auto &w : words_in(text, h.begin, h.end)) {
        if (w.lower == "that" && w.begin > h.begin) {
            h.begin = w.end;
        }
    }
    h = trim_span(text, h);
    // "NACSA has also decided": a perfect tense's auxiliary is not the subject's.
    {
        static const std::vector<std::string_view> auxiliaries = {"has", "have", "had"};
        auto hw2 = words_in(text, h.begin, h.end);
        std::size_t k = hw2.size();
        bool aux = false;
        while (k > 1 && (one_of(auxiliaries, hw2[k - 1].lower) || one_of(k_fillers, hw2[k - 1].lower))) {
            aux = aux || one_of(auxiliaries, hw2[k - 1].lower);
            --k;
        }
        if (aux) {
            h.end = hw2[k - 1].end;
        }
    }
    s.head = h;
    auto words = words_in(text, h.begin, h.end);
    // A name counts as one word: "The U.S. Cybersecurity and Infrastructure Security Agency
    // (CISA) and Viet Nam's Authority of Information Security" is a subject of seven.
    s.head_words = 0;
    for (std::size_t k = 0; k < words.size(); ++k) {
        s.head_words += k > 0 && words[k].capital && words[k - 1].capital ? 0 : 1;
    }
    // Can it be a party? A generic word, a pronoun, a name (a capital not merely at the start of
    // the sentence), or a last word in capitals ("Japan"); not "threats", not "the programme".
    // Only the words before a preposition that follows the head: "The misuse of AI by criminal
    // groups" is about a misuse, "the Government of Japan" about a government.
    for (std::size_t k = 1; k < words.size(); ++k) {
        static const std::vector<std::string_view> prepositions = {"of",  "by",     "from",   "on",    "against",
                                                                   "in",  "for",    "within", "across", "among",
                                                                   "targeting", "affecting"};
        if (one_of(prepositions, words[k].lower)) {
            words.resize(k);
            break;
        }
    }
    bool ok = false;
    for (const auto &w : words) {
        if (one_of(k_generic, w.lower) || one_of(k_pronouns, w.lower) || one_of(k_bodies, w.lower) ||
            (w.capital && w.begin != sentence_start)) {
            ok = true;
        }
    }
    for (auto w = words.rbegin(); !ok && w != words.rend(); ++w) {
        if (one_of(k_fillers, w->lower)) {
            continue;
        }
        ok = w->capital;
        break;
    }
    // "The MoU will remain in force", "the Plan of Action will guide": a document, not a party.
    for (auto w = words.rbegin(); ok && w != words.rend(); ++w) {
        if (one_of(k_fillers, w->lower)) {
            continue;
        }
        ok = !one_of(k_document_nouns, w->lower) || one_of(k_generic, w->lower);
        break;
    }
    // "Attacks on such infrastructure will grow", "Ransomware groups will continue to target",
    // "North Korean cyber actors will": a threat or a trend, not a party (its head in lower case,
    // or opening the sentence; "the Working Group" is a name).
    for (auto w = words.rbegin(); ok && w != words.rend(); ++w) {
        if (one_of(k_fillers, w->lower) || modal(w->lower)) {
            continue;
        }
        ok = !one_of(k_threats, w->lower) || (w->capital && w->begin != sentence_start);
        break;
    }
    s.ok = ok;
    return s;
}

// The entry of the cue table that starts at i in the lower-case text (the longest), if any.
const CueEntry *entry_at(const std::string &low, std::size_t i) {
    const CueEntry *hit = nullptr;
    for (const auto &c : k_table) {
        if (low.compare(i, c.phrase.size(), c.phrase) != 0) {
            continue;
        }
        std::size_t end = i + c.phrase.size();
        if (end < low.size() && word_char(low[end])) {
            continue;
        }
        if (!hit || c.phrase.size() > hit->phrase.size()) {
            hit = &c;
        }
    }
    return hit;
}

// The word that ends before i, lower case.
std::string word_before(const std::string &low, std::size_t i) {
    std::size_t e = i;
    while (e > 0 && low[e - 1] == ' ') {
        --e;
    }
    std::size_t b = e;
    while (b > 0 && word_char(low[b - 1])) {
        --b;
    }
    return low.substr(b, e - b);
}

// The word that starts at or after i.
std::pair<std::size_t, std::string> word_after(const std::string &low, std::size_t i) {
    while (i < low.size() && low[i] == ' ') {
        ++i;
    }
    std::size_t e = i;
    while (e < low.size() && (word_char(low[e]) || low[e] == '-')) {
        ++e;
    }
    return {i, low.substr(i, e - i)};
}

// "continue to", "intend to": a verb, whatever stands before it.
bool ends_with_to(std::string_view phrase) {
    return phrase.size() > 3 && phrase.compare(phrase.size() - 3, 3, " to") == 0;
}

bool modal(std::string_view phrase) {
    return phrase == "will" || phrase == "shall" || phrase == "would";
}

bool passive_after(const std::string &low, std::size_t end) {
    auto [at, be] = word_after(low, end);
    if (be != "be") {
        return false;
    }
    auto [at2, next] = word_after(low, at + be.size());
    const auto &w = next; // a lambda may not capture a structured binding before C++20 (clang 14)
    static const std::vector<std::string_view> irregular = {
        "held",  "made",  "given", "taken",   "built", "set", "sent",   "led",   "met",        "done",
        "shown", "known", "seen",  "brought", "put",   "run", "chosen", "drawn", "undertaken", "overseen"};
    auto ends = [&](std::string_view suf) {
        return w.size() > suf.size() + 1 && w.compare(w.size() - suf.size(), suf.size(), suf) == 0;
    };
    return one_of(irregular, w) || ends("ed") || ends("en");
}

// "The next Dialogue will take place in 2027", "The Twelfth AMCC will convene in Malaysia": a
// meeting to come, not a party's undertaking.
bool meeting_to_come(std::string_view text, const std::string &low, Span head, std::size_t after_modal) {
    auto [at, verb] = word_after(low, after_modal);
    if (verb == "take" && word_after(low, at + verb.size()).second == "place") {
        return true;
    }
    if (verb != "convene" && verb != "meet" && verb != "be") {
        return false;
    }
    for (const auto &w : words_in(text, head.begin, head.end)) {
        std::string norm = w.lower;
        bool ordinal = norm == "next" || norm == "inaugural" ||
                       (norm.size() > 2 && std::isdigit(static_cast<unsigned char>(norm[0])) &&
                        (norm.compare(norm.size() - 2, 2, "th") == 0 || norm.compare(norm.size() - 2, 2, "st") == 0 ||
                         norm.compare(norm.size() - 2, 2, "nd") == 0 || norm.compare(norm.size() - 2, 2, "rd") == 0));
        static const std::vector<std::string_view> ordinals = {
            "first",     "second",    "third",       "fourth",     "fifth",      "sixth",      "seventh",
            "eighth",    "ninth",     "tenth",       "eleventh",   "twelfth",    "thirteenth", "fourteenth",
            "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"};
        if (ordinal || one_of(ordinals, norm)) {
            return true;
        }
    }
    return false;
}

} // namespace accord::extract::clause
