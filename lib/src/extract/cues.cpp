#include "accord/extract/cues.hpp"

#include "accord/extract/text.hpp"
#include "vocabulary.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

namespace accord::extract {

namespace {

using namespace vocab;

bool word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80;
}

bool starts_with_words(std::string_view lower_text, std::string_view words) {
    return lower_text.substr(0, words.size()) == words &&
           (lower_text.size() == words.size() || !word_char(lower_text[words.size()]));
}

// A word of a subject, with where it stands.
struct Word {
    std::string lower;
    std::size_t begin = 0;
    std::size_t end = 0;
    bool capital = false;
};

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
        if (text[i] == ',' || text[i] == ';' || dash > 0) {
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
    return participle || one_of(k_aside_words, first);
}

bool joining(std::string_view text, Span s) {
    std::string low = lower(text.substr(s.begin, s.end - s.begin));
    for (auto j : k_joining) {
        if (starts_with_words(low, j)) {
            return true;
        }
    }
    return false;
}

struct Subject {
    bool ok = false;
    Span head;
    std::vector<Span> joined;
    int head_words = 0;
};

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
    for (int k = head - 1; list && k >= static_cast<int>(first); --k) {
        Span p = segs[static_cast<std::size_t>(k)];
        if (p.empty() || aside(text, p) || words_in(text, p.begin, p.end).size() > 4) {
            break;
        }
        h.begin = p.begin;
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
    s.head = h;
    auto words = words_in(text, h.begin, h.end);
    s.head_words = static_cast<int>(words.size());
    // Can it be a party? A generic word, a pronoun, a name (a capital not merely at the start of
    // the sentence), or a last word in capitals ("Japan"); not "threats", not "the programme".
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
    auto [at2, w] = word_after(low, at + be.size());
    static const std::vector<std::string_view> irregular = {
        "held",  "made",  "given", "taken",   "built", "set", "sent",   "led",   "met",        "done",
        "shown", "known", "seen",  "brought", "put",   "run", "chosen", "drawn", "undertaken", "overseen"};
    auto ends = [&](std::string_view suf) {
        return w.size() > suf.size() + 1 && w.compare(w.size() - suf.size(), suf.size(), suf) == 0;
    };
    return one_of(irregular, w) || ends("ed") || ends("en");
}

// Where a cue's own words end, with a verb after a cue of commitment ("committed to explore").
void refine(const std::string &low, Cue &cue) {
    if (cue.action != "commit") {
        return;
    }
    std::size_t j = cue.end;
    for (;;) {
        auto [at, w] = word_after(low, j);
        if (w == "also" || w == "further" || w == "jointly" || w == "actively" || w == "together" || w == "to") {
            j = at + w.size();
            continue;
        }
        for (const auto &[verb, action] : k_then) {
            if (w == verb) {
                cue.action = std::string(action);
                cue.end = at + w.size();
            }
        }
        break;
    }
}

struct Scan {
    std::string_view text;
    std::string low;
    bool imperative_ok = false;
};

// "The next Dialogue will take place in 2027", "The Twelfth AMCC will convene in Malaysia": a
// meeting to come, not a party's undertaking.
bool meeting_to_come(const Scan &sc, Span head, std::size_t after_modal) {
    auto [at, verb] = word_after(sc.low, after_modal);
    if (verb == "take" && word_after(sc.low, at + verb.size()).second == "place") {
        return true;
    }
    if (verb != "convene" && verb != "meet" && verb != "be") {
        return false;
    }
    for (const auto &w : words_in(sc.text, head.begin, head.end)) {
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

// A cue found after the main verb: in a reported clause, or coordinated with it.
struct Found {
    Cue cue;
    Span subject; // when the cue has its own subject ("said that Singapore will fund")
    std::vector<Span> joined;
    bool own_subject = false;
};

void scan(const Scan &sc, std::size_t from, bool after_participle, bool embedded, Reading &r);

// The cue in what a reporting verb at i reports: "announced that it would host", "said that
// Singapore will fund"; or the announcement itself when it offers something ("announced $10
// million in new funding", "announced new training").
bool reported(const Scan &sc, const CueEntry &e, std::size_t i, Found &f) {
    if (!one_of(k_reporting, e.phrase)) {
        return false;
    }
    std::size_t end = i + e.phrase.size();
    std::size_t k = end;
    auto [at, that] = word_after(sc.low, k);
    if (that == "that") {
        k = at + 4;
    }
    Reading inner;
    scan(sc, k, false, true, inner);
    if (inner.cue.found()) {
        f.cue = inner.cue;
        std::string head = lower(sc.text.substr(inner.subject.begin, inner.subject.end - inner.subject.begin));
        if (!inner.subject.empty() && !one_of(k_pronouns, head)) {
            f.subject = inner.subject;
            f.joined = inner.joined;
            f.own_subject = true;
        }
        return true;
    }
    static const std::regex offer(
        R"(^\s*(?:(?:us|s|a|au|nz)?\$|usd|eur|sgd|jpy|aud|nzd|krw|inr|gbp|cad|\xe2\x82\xac|\xc2\xa3|\xc2\xa5|\d|an? (?:new|additional|further)\b|new\b|additional\b|further\b|plans? to\b|funding\b|grants?\b|assistance\b|support for\b))");
    if (e.phrase.compare(0, 8, "announce") == 0 && std::regex_search(sc.low.substr(end), offer)) {
        f.cue.begin = i;
        f.cue.end = end;
        f.cue.action = "commit";
        f.cue.kind = CueKind::undertaking;
        f.cue.phrase = std::string(sc.text.substr(i, end - i));
        return true;
    }
    return false;
}

// A coordinated undertaking after position `from` ("noted X and encouraged Y", "presented X and
// announced that it would ..."), if any.
bool coordinated(const Scan &sc, std::size_t from, Found &out, bool acknowledgements = false) {
    for (std::size_t a = sc.low.find(" and ", from); a != std::string::npos; a = sc.low.find(" and ", a + 1)) {
        std::size_t j = a + 5;
        for (;;) {
            auto [at, w] = word_after(sc.low, j);
            if (w == "also" || w == "further" || w == "jointly" || w == "together") {
                j = at + w.size();
                continue;
            }
            j = at;
            break;
        }
        const CueEntry *e = entry_at(sc.low, j);
        bool ack = e && (e->action == "note" || e->action == "recall");
        if (e && e->action.empty() && !acknowledgements && reported(sc, *e, j, out)) {
            return true;
        }
        if (!e || e->action.empty() || ack != acknowledgements || e->phrase == "would") {
            continue;
        }
        if (e->weak && !modal(e->phrase)) {
            auto [at, next] = word_after(sc.low, j + e->phrase.size());
            static const std::vector<std::string_view> nouny = {"of", "for", "from", "by",   "to", "in",
                                                                "on", "and", "or",   "with", "at", ""};
            if (one_of(nouny, next)) {
                continue;
            }
        }
        if (modal(e->phrase) && passive_after(sc.low, j + e->phrase.size())) {
            continue;
        }
        Cue &c = out.cue;
        c.begin = j;
        c.end = j + e->phrase.size();
        c.action = std::string(e->action);
        c.kind = ack ? CueKind::acknowledgement : CueKind::undertaking;
        refine(sc.low, c);
        c.phrase = std::string(sc.text.substr(c.begin, c.end - c.begin));
        return true;
    }
    return false;
}

// Scans [from, to) for the operative cue. `embedded`: inside a reported clause.
void scan(const Scan &sc, std::size_t from, bool after_participle, bool embedded, Reading &r) {
    const std::string &low = sc.low;
    bool in_word = false;
    for (std::size_t i = from; i < low.size(); ++i) {
        bool w = word_char(low[i]);
        bool at_start = w && !in_word;
        in_word = w;
        if (!at_start) {
            continue;
        }
        const CueEntry *e = entry_at(low, i);
        if (!e) {
            continue;
        }
        std::string before = word_before(low, i);
        if (before == "which" || before == "that" || before == "who") {
            continue; // a relative clause tells of another text
        }
        if (e->phrase == "would") {
            static const std::vector<std::string_view> conditional = {"be",         "like",   "have", "welcome",
                                                                      "appreciate", "prefer", "need", "require"};
            if (one_of(conditional, word_after(low, i + e->phrase.size()).second)) {
                continue;
            }
        }
        Subject s = subject_of(sc.text, from, i, after_participle, 0);
        if (s.head.empty() && !s.ok) {
            continue; // nothing that can be a subject before it
        }
        // "ASEAN Member States are encouraged to ...", "it was agreed that ...": a passive whose
        // agents are the statement's parties, not its subject.
        static const std::vector<std::string_view> be = {"is", "are", "was", "were", "be", "been"};
        // ("will be invited" is the future of a passive: modal() below.)
        bool passive = one_of(be, before) && e->phrase.size() > 2 &&
                       !(before == "be" && modal(word_before(low, low.rfind("be", i - 1)))) &&
                       e->phrase.compare(0, 9, "committed") != 0 && e->phrase.compare(0, 10, "determined") != 0 &&
                       (e->phrase.find("ed") != std::string_view::npos);
        // A modal stands further from the start than a word that is also a noun.
        int window = modal(e->phrase) || ends_with_to(e->phrase) ? 14 : 8;
        if (e->weak && !passive && (one_of(k_blockers, before) || s.head_words > window)) {
            continue;
        }
        // "the Statement adopted at the Summit", "the Dialogue held last year": a participle
        // describing a noun, not the main verb.
        std::size_t end0 = i + e->phrase.size();
        if (e->weak && (e->action.empty() || e->phrase.back() == 'd')) {
            static const std::vector<std::string_view> prepositions = {
                "at",   "in",     "on",      "by",      "during",  "last",  "under", "for",
                "with", "from",   "since",   "through", "earlier", "in",    "this",  "next",
                "as",   "within", "between", "against", "towards", "toward"};
            if (one_of(prepositions, word_after(low, end0).second)) {
                continue;
            }
        }
        // Tasking verbs task someone to do something: "requested the Secretariat to prepare", not
        // "requested information".
        static const std::vector<std::string_view> tasking = {"tasked",   "task",     "tasks",     "instructed",
                                                              "directed", "mandated", "requested", "entrusted"};
        if (one_of(tasking, e->phrase)) {
            auto rest = words_in(sc.text, i + e->phrase.size(), std::min(sc.text.size(), i + e->phrase.size() + 80));
            bool object_to = std::any_of(rest.begin(), rest.end(),
                                         [](const Word &w) { return w.lower == "to" || w.lower == "with"; });
            if (!object_to) {
                continue;
            }
        }
        if (!s.ok && !passive) {
            if (r.why.empty()) {
                r.why = "its subject \"" + std::string(sc.text.substr(s.head.begin, s.head.end - s.head.begin)) +
                        "\" is not a party";
            }
            continue;
        }
        std::size_t end = i + e->phrase.size();
        if (modal(e->phrase) && passive_after(low, end)) {
            if (r.why.empty()) {
                r.why =
                    "a passive (\"" + std::string(sc.text.substr(i, end - i)) + " be ...\"): no party undertakes it";
            }
            continue;
        }
        if (modal(e->phrase) && meeting_to_come(sc, s.head, end)) {
            if (r.why.empty()) {
                r.why = "it tells when a meeting takes place: no party undertakes it";
            }
            continue;
        }
        if (passive) {
            s.head = {};
            s.joined.clear();
        }
        r.subject = s.head;
        r.joined = s.joined;
        r.main_offset = s.head.empty() ? i : s.head.begin;
        Cue c;
        c.begin = i;
        c.end = end;
        c.action = std::string(e->action);
        auto take = [&](const Found &f) {
            r.cue = f.cue;
            r.why.clear();
            if (f.cue.begin != i) {
                r.reporter = f.own_subject ? s.head : Span{};
            }
            if (f.own_subject) {
                r.subject = f.subject;
                r.joined = f.joined;
            }
        };
        if (e->action.empty()) {
            // A reporting verb: the cue is in the clause it reports.
            Found f;
            if (!embedded && reported(sc, *e, i, f)) {
                take(f);
                return;
            }
            // "exchanged views on X and condemned Y": the coordinated acknowledgement.
            if (coordinated(sc, end, f) || coordinated(sc, end, f, true)) {
                take(f);
                return;
            }
            r.report = std::string(sc.text.substr(i, end - i));
            r.why = "it tells of the meeting (\"" + r.report + "\"), not of a position";
            return;
        }
        c.kind = (c.action == "note" || c.action == "recall") ? CueKind::acknowledgement : CueKind::undertaking;
        refine(low, c);
        c.phrase = std::string(sc.text.substr(c.begin, c.end - c.begin));
        Found f;
        if (c.kind == CueKind::acknowledgement && coordinated(sc, c.end, f)) {
            take(f);
            return;
        }
        r.cue = c;
        r.why.clear();
        return;
    }
}

} // namespace

bool generic_subject(std::string_view w) {
    return one_of(k_generic, w);
}

bool subject_filler(std::string_view w) {
    return one_of(k_fillers, w);
}

const std::vector<CueEntry> &cue_table() {
    return k_table;
}

const std::vector<std::string_view> &base_verbs() {
    return k_base_verbs;
}

bool starts_with_base_verb(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size() && !word_char(text[i])) {
        ++i;
    }
    if (i >= text.size()) {
        return false;
    }
    if (std::islower(static_cast<unsigned char>(text[i]))) {
        return true;
    }
    std::size_t e = i;
    while (e < text.size() && (word_char(text[e]) || text[e] == '-')) {
        ++e;
    }
    std::string w = lower(text.substr(i, e - i));
    return std::find(k_base_verbs.begin(), k_base_verbs.end(), w) != k_base_verbs.end();
}

Reading read_sentence(std::string_view text, bool imperative_ok) {
    Reading r;
    Scan sc{text, lower(text), imperative_ok};
    std::size_t skip = 0;
    for (std::string_view lead : {"further ", "also ", "and "}) {
        if (sc.low.compare(0, lead.size(), lead) == 0) {
            skip = lead.size();
            break;
        }
    }
    std::string_view rest = std::string_view(sc.low).substr(skip);
    const Participle *part = nullptr;
    for (const auto &p : k_participles) {
        if (starts_with_words(rest, p.words)) {
            part = &p;
            break;
        }
    }
    std::size_t participle_len = 0;
    if (part) {
        participle_len = part->words.size();
        r.relation = std::string(part->relation);
    } else {
        // Any other opening participle ("Announcing the programme, the Minister said ...").
        std::size_t e = 0;
        while (e < rest.size() && word_char(rest[e])) {
            ++e;
        }
        if (e > 5 && rest.compare(e - 3, 3, "ing") == 0 && std::isupper(static_cast<unsigned char>(text[skip])) &&
            rest.find(", ") != std::string_view::npos) {
            participle_len = e;
        }
    }
    if (participle_len > 0) {
        r.participle = std::string(text.substr(skip, participle_len));
        r.participle_end = skip + participle_len;
        r.has_main = false;
        scan(sc, r.participle_end, true, false, r);
        if (r.cue.found() || !r.subject.empty()) {
            r.has_main = true;
        } else {
            // No cue: the main clause still starts after the first comma followed by a subject.
            for (std::size_t c = sc.low.find(", ", r.participle_end); c != std::string::npos;
                 c = sc.low.find(", ", c + 1)) {
                auto words = words_in(text, c + 2, std::min(text.size(), c + 80));
                std::size_t k = 0;
                while (k < words.size() && one_of(k_fillers, words[k].lower)) {
                    ++k;
                }
                if (k < words.size() && (one_of(k_generic, words[k].lower) || words[k].capital)) {
                    r.main_offset = words[k].begin;
                    r.has_main = true;
                    break;
                }
            }
        }
        if (!r.has_main && r.why.empty()) {
            r.why = "a \"" + r.participle + "\" clause with no main clause";
        } else if (!r.cue.found() && r.why.empty()) {
            r.why = "no cue after its \"" + r.participle + "\" clause";
        }
        return r;
    }
    scan(sc, skip, false, false, r);
    if (!r.cue.found() && imperative_ok && starts_with_base_verb(text) &&
        std::isupper(static_cast<unsigned char>(text[0]))) {
        std::size_t e = 0;
        while (e < text.size() && (word_char(text[e]) || text[e] == '-')) {
            ++e;
        }
        r.cue.begin = 0;
        r.cue.end = e;
        r.cue.action = "commit";
        r.cue.kind = CueKind::undertaking;
        refine(sc.low, r.cue);
        r.cue.phrase = std::string(text.substr(r.cue.begin, r.cue.end - r.cue.begin));
        r.subject = {};
        r.main_offset = 0;
        r.why.clear();
    }
    if (!r.cue.found() && r.why.empty()) {
        r.why = "no cue";
    }
    return r;
}

Cue find_cue(std::string_view text) {
    return read_sentence(text).cue;
}

} // namespace accord::extract
