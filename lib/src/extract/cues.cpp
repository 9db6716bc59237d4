// Reading a sentence: the cue of its main clause, its subject, reporter and joined parties.
#include "accord/extract/cues.hpp"

#include "accord/extract/text.hpp"
#include "clause.hpp"
#include "vocabulary.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

namespace accord::extract {

namespace {

using namespace vocab;
using namespace clause;

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

// A cue found after the main verb: in a reported clause, or coordinated with it.
struct Found {
    Cue cue;
    Span subject; // when the cue has its own subject ("said that Singapore will fund")
    std::vector<Span> joined;
    bool own_subject = false;
};

void scan(const Scan &sc, std::size_t from, bool after_participle, bool embedded, Reading &r);

// "Singapore will co-host, with the EU, a workshop": a joining aside right after the verb (at
// most four words after the cue, between commas) joins its parties to the subject.
// "Singapore expressed readiness to co-host with Australia a ...": without commas, "with" and a
// name within three words of the cue, after a verb of doing together ("co-host", "jointly
// organise"; not "work with Japan", which names a partner).
void joined_after(std::string_view text, std::size_t cue_end, std::vector<Span> &joined) {
    auto segs = segments(text, cue_end, text.size());
    if (segs.size() >= 3 && words_in(text, segs[0].begin, segs[0].end).size() <= 4 && joining(text, segs[1])) {
        joined.push_back(segs[1]);
        return;
    }
    auto w = words_in(text, cue_end, segs.front().end);
    for (std::size_t k = 0; k < w.size() && k <= 3; ++k) {
        if (w[k].lower != "with" || (k > 0 && w[k - 1].lower == "together")) {
            continue;
        }
        bool together = std::any_of(w.begin(), w.begin() + static_cast<std::ptrdiff_t>(k), [](const Word &x) {
            return x.lower.compare(0, 3, "co-") == 0 || x.lower == "jointly";
        });
        std::string_view upto = text.substr(0, cue_end);
        std::string cue_word = lower(upto.substr(upto.rfind(' ') == std::string_view::npos ? 0 : upto.rfind(' ') + 1));
        if (!together && cue_word.compare(0, 3, "co-") != 0) {
            return;
        }
        std::size_t n = k + 1 < w.size() && w[k + 1].lower == "the" ? k + 2 : k + 1;
        std::size_t e = n;
        while (e < w.size() && w[e].capital) {
            ++e;
        }
        if (e > n) {
            joined.push_back({w[k].begin, w[e - 1].end});
        }
        return;
    }
}

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
        if (modal(e->phrase) && meeting_to_come(sc.text, sc.low, s.head, end)) {
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
            // "welcomed X and expressed readiness to co-host, with France, a seminar".
            joined_after(sc.text, f.cue.end, r.joined);
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
        joined_after(sc.text, c.end, r.joined);
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
