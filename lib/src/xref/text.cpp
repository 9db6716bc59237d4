// Words of English policy text: splitting, stop words, a light stemmer, the verbs of a commitment.
#include "accord/xref/text.hpp"

#include "accord/extract/cues.hpp"
#include "accord/extract/text.hpp"

#include <algorithm>
#include <set>

namespace accord::xref {

namespace {

bool is_word_byte(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80; }

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

bool has_vowel(std::string_view s) { return std::any_of(s.begin(), s.end(), is_vowel); }

const std::set<std::string_view>& stop_words() {
    static const std::set<std::string_view> words = {
        "a",       "about",   "above", "after", "again",  "against", "all",   "also",    "am",    "among",  "an",
        "and",     "any",     "are",   "as",    "at",     "be",      "been",  "before",  "being", "below",  "between",
        "both",    "but",     "by",    "can",   "could",  "did",     "do",    "does",    "doing", "during", "each",
        "either",  "for",     "from",  "further", "had",  "has",     "have",  "having",  "he",    "her",    "here",
        "hers",    "him",     "his",   "how",   "i",      "if",      "in",    "into",    "is",    "it",     "its",
        "itself",  "may",     "me",    "might", "more",   "most",    "must",  "my",      "no",    "nor",    "not",
        "of",      "off",     "on",    "once",  "only",   "or",      "other", "our",     "ours",  "out",    "over",
        "own",     "same",    "shall", "she",   "should", "so",      "some",  "such",    "than",  "that",   "the",
        "their",   "theirs",  "them",  "then",  "there",  "these",   "they",  "this",    "those", "through", "to",
        "too",     "under",   "until", "up",    "upon",   "very",    "was",   "we",      "were",  "what",   "when",
        "where",   "which",   "while", "who",   "whom",   "whose",   "why",   "will",    "with",  "within", "would",
        "you",     "your",    "including", "includes", "well", "via",  "whether", "however", "thereby", "s"};
    return words;
}

} // namespace

std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        if (!cur.empty()) {
            out.push_back(cur);
            cur.clear();
        }
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<unsigned char>(c - 'A' + 'a');
        }
        bool apostrophe = c == '\'';
        bool curly = !apostrophe && c == 0xE2 && text.compare(i, 3, "\xE2\x80\x99") == 0; // a right single quote
        if (is_word_byte(c) && !curly) {
            cur += static_cast<char>(c);
            continue;
        }
        // "asean's" -> "asean": an apostrophe followed by a lone s ends the word.
        if ((apostrophe || curly) && !cur.empty()) {
            std::size_t next = i + (curly ? 3 : 1);
            bool lone_s = next < text.size() && (text[next] == 's' || text[next] == 'S') &&
                          (next + 1 == text.size() || !is_word_byte(static_cast<unsigned char>(text[next + 1])));
            if (lone_s) {
                flush();
                i = next; // skip the s
                continue;
            }
        }
        flush();
        if (curly) {
            i += 2;
        }
    }
    flush();
    return out;
}

std::string stem(std::string_view word) {
    std::string s(word);
    auto replace_end = [&s](std::size_t n, std::string_view with) {
        s.erase(s.size() - n);
        s += with;
    };
    // British -ise forms fold into -ize before the endings go.
    for (std::string_view suffix : {"isations", "isation", "ising", "ised", "ises", "ise"}) {
        if (s.size() >= 6 && ends_with(s, suffix)) {
            replace_end(suffix.size(), "iz" + std::string(suffix.substr(2)));
            break;
        }
    }
    bool stripped_verb_ending = false;
    if (s.size() > 4 && ends_with(s, "eed")) {
        replace_end(1, ""); // agreed -> agree
    } else if (s.size() > 4 && (ends_with(s, "ies") || ends_with(s, "ied"))) {
        replace_end(3, "y");
    } else if (ends_with(s, "sses")) {
        replace_end(2, "");
    } else if (s.size() > 4 && (ends_with(s, "xes") || ends_with(s, "ches") || ends_with(s, "shes") ||
                                ends_with(s, "zes") || ends_with(s, "uses"))) {
        replace_end(2, "");
    } else if (s.size() > 3 && ends_with(s, "s") && !ends_with(s, "ss") && !ends_with(s, "us") &&
               !ends_with(s, "is")) {
        replace_end(1, "");
    } else if (s.size() >= 6 && ends_with(s, "ing") && has_vowel(std::string_view(s).substr(0, s.size() - 3))) {
        replace_end(3, "");
        stripped_verb_ending = true;
    } else if (s.size() >= 5 && ends_with(s, "ed") && has_vowel(std::string_view(s).substr(0, s.size() - 2))) {
        replace_end(2, "");
        stripped_verb_ending = true;
    }
    if (stripped_verb_ending && s.size() >= 3) {
        char a = s[s.size() - 1];
        char b = s[s.size() - 2];
        if (a == b && !is_vowel(a) && a != 'l' && a != 's' && a != 'z') {
            s.pop_back(); // committ -> commit
        }
    }
    // A final e goes, so that "note", "notes" and "noted" meet.
    if (s.size() > 3 && s.back() == 'e' && s[s.size() - 2] != 'e') {
        s.pop_back();
    }
    // British -our folds into -or (behaviour -> behavior).
    if (s.size() >= 6 && ends_with(s, "our")) {
        replace_end(3, "or");
    }
    return s;
}

bool is_stop_word(std::string_view word) { return stop_words().count(word) > 0; }

std::vector<std::string> terms(std::string_view text) {
    std::vector<std::string> out;
    for (auto& w : words(text)) {
        if (w.size() < 2 || is_stop_word(w)) {
            continue;
        }
        out.push_back(stem(w));
    }
    return out;
}

MainVerb main_verb(std::string_view text) {
    // The vocabulary of accord extract (docs/extract.md): what extract drafts as an undertaking,
    // lint reads as a commitment.
    extract::Reading r = extract::read_sentence(text);
    if (r.cue.found()) {
        std::string word = extract::lower(r.cue.phrase.substr(0, r.cue.phrase.find(' ')));
        return {r.cue.kind == extract::CueKind::undertaking ? VerbKind::commitment : VerbKind::report, word};
    }
    if (extract::starts_with_base_verb(text)) {
        // An item of a list whose verb is in its lead-in ("develop a playbook"), or an
        // imperative summary ("Task ministers to ...").
        return {VerbKind::commitment, extract::lower(text.substr(0, text.find(' ')))};
    }
    if (!r.report.empty()) {
        return {VerbKind::report, extract::lower(r.report.substr(0, r.report.find(' ')))};
    }
    return {};
}

} // namespace accord::xref
