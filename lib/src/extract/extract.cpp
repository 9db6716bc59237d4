#include "accord/extract/extract.hpp"

#include "accord/error.hpp"
#include "accord/extract/text.hpp"
#include "accord/model/date.hpp"
#include "accord/report/table.hpp"
#include "accord/validate/records.hpp"
#include "accord/yaml/writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <regex>
#include <set>

namespace accord::extract {

namespace {

bool word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

std::string quote(std::string_view text, std::size_t width = 70) {
    return "\"" + shorten(text, width) + "\"";
}

std::string place(const Sentence &s) {
    std::string p = s.paragraph.empty() ? fmt::format("line {}", s.line) : "paragraph " + s.paragraph;
    return fmt::format("{}, sentence {}", p, s.number);
}

std::string join(const std::vector<std::string> &v, std::string_view sep = ", ") {
    std::string out;
    for (const auto &s : v) {
        out += (out.empty() ? "" : std::string(sep)) + s;
    }
    return out;
}

std::string basename(std::string_view path) {
    std::size_t slash = path.find_last_of('/');
    return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// ---- cues ----------------------------------------------------------------------------

struct CueSpec {
    std::string_view phrase;
    std::string_view action;
    bool weak; // also a noun or a modal: counts only near the start of the main clause
};

// The action vocabulary of SPEC section 1, as the verbs that state it.
const CueSpec k_cues[] = {
    {"explore the possibility", "explore", false},
    {"explore", "explore", true},
    {"reaffirmed", "reaffirm", false},
    {"reaffirm", "reaffirm", true},
    {"reaffirms", "reaffirm", true},
    {"reiterated", "reaffirm", false},
    {"reiterate", "reaffirm", true},
    {"reiterates", "reaffirm", true},
    {"recalled", "recall", false},
    {"recall", "recall", true},
    {"recalls", "recall", true},
    {"committed to", "commit", false},
    {"commit to", "commit", false},
    {"commits to", "commit", false},
    {"committed themselves to", "commit", false},
    {"agreed to", "commit", false},
    {"agree to", "commit", false},
    {"agrees to", "commit", false},
    {"agreed on", "commit", false},
    {"agree on", "commit", false},
    {"agreed that", "commit", false},
    {"pledged", "commit", false},
    {"pledge to", "commit", true},
    {"resolved to", "commit", false},
    {"resolve to", "commit", true},
    {"undertook to", "commit", false},
    {"undertake to", "commit", false},
    {"decided to", "commit", false},
    {"decide to", "commit", true},
    {"are determined to", "commit", false},
    {"intend to", "commit", true},
    {"will", "commit", true},
    {"shall", "commit", true},
    {"continue to", "continue", true},
    {"continued to", "continue", false},
    {"continues to", "continue", true},
    {"support", "support", true},
    {"supports", "support", true},
    {"supported", "support", true},
    {"expressed support", "support", false},
    {"expressed their support", "support", false},
    {"expressed its support", "support", false},
    {"encourage", "encourage", true},
    {"encourages", "encourage", true},
    {"encouraged", "encourage", false},
    {"called for", "encourage", false},
    {"call for", "encourage", true},
    {"calls for", "encourage", true},
    {"called on", "encourage", false},
    {"call on", "encourage", true},
    {"calls on", "encourage", true},
    {"called upon", "encourage", false},
    {"call upon", "encourage", true},
    {"urged", "encourage", false},
    {"urge", "encourage", true},
    {"urges", "encourage", true},
    {"acknowledged", "note", false},
    {"acknowledge", "note", true},
    {"acknowledges", "note", true},
    {"highlighted", "note", false},
    {"highlight", "note", true},
    {"highlights", "note", true},
    {"noted", "note", false},
    {"note", "note", true},
    {"notes", "note", true},
    {"took note", "note", false},
    {"take note", "note", true},
    {"welcomed", "note", false},
    {"welcome", "note", true},
    {"welcomes", "note", true},
    {"recognized", "note", false},
    {"recognised", "note", false},
    {"recognize", "note", true},
    {"recognise", "note", true},
    {"recognizes", "note", true},
    {"recognises", "note", true},
    {"focused on", "note", false},
    {"focuses on", "note", true},
    {"focus on", "note", true},
    {"underlined", "note", false},
    {"underline", "note", true},
    {"underscored", "note", false},
    {"underscore", "note", true},
    {"stressed", "note", false},
    {"stress", "note", true},
    {"emphasized", "note", false},
    {"emphasised", "note", false},
    {"emphasize", "note", true},
    {"emphasise", "note", true},
    {"commended", "note", false},
    {"commend", "note", true},
    {"appreciated", "note", false},
    {"expressed appreciation", "note", false},
    {"took stock", "note", false},
    {"affirmed", "reaffirm", false},
};

// After a cue of commitment ("committed to", "will"), these verbs say which kind.
const std::pair<std::string_view, std::string_view> k_then[] = {
    {"explore", "explore"}, {"continue", "continue"}, {"support", "support"}, {"encourage", "encourage"}};

constexpr int k_weak_window = 8; // words from the start of the main clause

// ---- participial clauses ----------------------------------------------------------------

struct Participle {
    std::string_view words;
    std::string_view relation; // empty: the clause names records but refers to none
};

const Participle k_participles[] = {
    {"recalling", "recalls"},
    {"reaffirming", "reaffirms"},
    {"reiterating", "reaffirms"},
    {"affirming", "reaffirms"},
    {"building on", "builds-on"},
    {"building upon", "builds-on"},
    {"following up on", "follows-up"},
    {"further to", "follows-up"},
    {"noting", ""},
    {"taking note", ""},
    {"welcoming", ""},
    {"recognising", ""},
    {"recognizing", ""},
    {"acknowledging", ""},
    {"underscoring", ""},
    {"underlining", ""},
    {"emphasising", ""},
    {"emphasizing", ""},
    {"stressing", ""},
    {"highlighting", ""},
    {"guided by", ""},
    {"mindful of", ""},
    {"bearing in mind", ""},
    {"desiring", ""},
    {"expressing", ""},
    {"convinced", ""},
    {"determined", ""},
};

// Words that name "the participants" rather than a party: the subject then stands for the
// statement's parties.
const std::string_view k_generic_subjects[] = {
    "participants",    "participant", "leaders", "leader",    "we",          "ministers",   "minister",  "dialogue",
    "discussion",      "discussions", "it",      "they",      "sides",       "side",        "co",        "chairs",
    "chair",           "cochairs",    "parties", "officials", "delegations", "delegates",   "members",   "member",
    "states",          "meeting",     "summit",  "senior",    "heads",       "governments", "countries", "statement",
    "representatives", "experts",     "group",   "readout",   "conference"};

// Words that may stand around a subject without naming anyone.
const std::string_view k_subject_fillers[] = {
    "the",      "a",      "an",        "also",        "further",      "both",       "all", "jointly",
    "together", "hereby", "and",       "furthermore", "moreover",     "again",      "its", "their",
    "our",      "today",  "therefore", "thus",        "additionally", "accordingly"};

template <std::size_t N> bool one_of(const std::string_view (&words)[N], std::string_view w) {
    return std::find(std::begin(words), std::end(words), w) != std::end(words);
}

// Document nouns: a capitalised phrase around one of them names a document.
const std::string_view k_document_nouns[] = {
    "statement",  "declaration", "dialogue", "communique", "communiqu\u00e9", "plan",   "strategy",   "agreement",
    "memorandum", "charter",     "roadmap",  "framework",  "vision",          "report", "resolution", "treaty"};

const std::string_view k_connectors[] = {"of", "on", "and", "for", "in", "to"};

// Years at most this far after the statement are taken as due dates.
constexpr int k_due_horizon = 20;

bool starts_with_words(std::string_view lower_text, std::string_view words) {
    return lower_text.substr(0, words.size()) == words &&
           (lower_text.size() == words.size() || !word_char(lower_text[words.size()]));
}

bool before(const std::string &a, const std::string &b) {
    auto da = PartialDate::parse(a);
    auto db = PartialDate::parse(b);
    if (!da || !db) {
        return true;
    }
    return da->first_day().days_since_epoch() <= db->first_day().days_since_epoch();
}

std::string kind_word(Kind k) {
    return std::string(to_string(k));
}

// ---- the drafting ------------------------------------------------------------------------

class Drafter {
  public:
    Drafter(std::string_view text, std::string_view source_name, const DraftRequest &request,
            const Knowledge &knowledge)
        : m_text(text), m_request(request), m_k(knowledge), m_index(knowledge) {
        m_draft.source_name = std::string(source_name);
    }

    Draft run();

  private:
    struct Analysis {
        std::size_t main_offset = 0; // where the main clause starts in the sentence
        bool has_main = true;
        std::string participle;         // as written
        std::size_t participle_end = 0; // where the words after the participle start
        std::string relation;           // of the participle; empty when none
        Cue cue;                        // offsets in the sentence
    };
    struct Pending {
        DraftCommitment c;
        Sentence sentence;
        std::size_t main_offset = 0;
        std::string names_text; // the text whose names the commitment mentions
    };
    struct Lead {
        int block = -1;
        Cue cue;
        Sentence sentence;
        std::vector<std::string> subject_parties;
        std::vector<Comment> actor_comments;
        bool subject_generic = true;
    };
    struct Named {
        const KnownTitle *record;
        std::vector<std::string> places;
        bool partial;
    };

    void validate_request();
    void decide_title(const Layout &layout);
    void decide_dialogue();
    void decide_date(const Layout &layout);
    void decide_id();
    void decide_type();
    void decide_parties(const Layout &layout);
    void decide_source(const Layout &layout);
    Analysis analyse(const Sentence &s) const;
    void clause_references(const Sentence &s, const Analysis &a);
    void note_names(std::string_view text, const Sentence &s);
    void actors_of(std::string_view subject, ListField &actors, bool &generic, std::vector<std::string> &parties);
    void finish(Pending &p);
    std::vector<std::pair<std::string, std::string>> document_phrases(std::string_view text,
                                                                      const std::vector<Token> &tokens,
                                                                      const std::vector<NameMatch> &matched,
                                                                      std::size_t from) const;

    std::string_view m_text;
    const DraftRequest &m_request;
    const Knowledge &m_k;
    NameIndex m_index;
    Draft m_draft;
    std::string m_date;
    std::vector<Named> m_named; // forums and programs, in order of first mention
    std::set<int> m_used_lines; // header and trailer lines that gave a title, date or source
};

void Drafter::validate_request() {
    if (!m_request.id.empty() && !is_valid_id(m_request.id)) {
        throw UsageError(fmt::format("--id '{}' is not an id: lower-case letters, digits, '.', '_' and '-', "
                                     "starting with a letter or digit, at most 96 characters",
                                     m_request.id));
    }
    if (!m_request.date.empty() && !PartialDate::parse(m_request.date)) {
        throw UsageError(fmt::format("--date: {}", PartialDate::explain_invalid(m_request.date)));
    }
    for (const auto &p : m_request.parties) {
        if (!is_valid_id(p)) {
            throw UsageError(fmt::format("--parties: '{}' is not an id", p));
        }
        if (m_k.available) {
            const KnownParty *kp = m_k.party(p);
            if (!kp) {
                std::vector<std::string_view> ids;
                for (const auto &q : m_k.parties) {
                    ids.push_back(q.id);
                }
                std::string hint = did_you_mean(p, ids);
                throw UsageError(fmt::format("--parties: no party '{}' in the database{}", p,
                                             hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
            }
        }
    }
    if (!m_request.dialogue.empty()) {
        if (!is_valid_id(m_request.dialogue)) {
            throw UsageError(fmt::format("--dialogue '{}' is not an id", m_request.dialogue));
        }
        if (m_k.available) {
            const KnownTitle *t = m_k.title_of(m_request.dialogue);
            if (!t || (t->kind != Kind::dialogue && t->kind != Kind::forum)) {
                std::string what =
                    m_k.has(m_request.dialogue)
                        ? fmt::format("'{}' is not a dialogue or forum in the database", m_request.dialogue)
                        : fmt::format("no dialogue or forum '{}' in the database", m_request.dialogue);
                throw UsageError("--dialogue: " + what);
            }
        }
    }
}

void Drafter::decide_title(const Layout &layout) {
    if (!m_request.title.empty()) {
        m_draft.title.value = m_request.title;
        return;
    }
    const Line *best = nullptr;
    for (const auto &l : layout.header) {
        std::string matched;
        bool dateline = find_date(l.text, &matched) && word_count(l.text) <= 10;
        if (dateline || starts_with_words(lower(l.text), "source")) {
            continue;
        }
        if (!best || word_count(l.text) > word_count(best->text)) {
            best = &l;
        }
    }
    if (best) {
        m_draft.title.value = best->text;
        m_used_lines.insert(best->number);
        m_draft.title.comments.push_back(
            {fmt::format("from line {}, a heading before the first paragraph", best->number), true});
        return;
    }
    m_draft.title.value = fmt::format("Untitled statement ({})", basename(m_draft.source_name));
    m_draft.title.comments.push_back({"no heading in the text: write the statement's title (or give --title)", true});
}

void Drafter::decide_dialogue() {
    if (!m_request.dialogue.empty()) {
        m_draft.adopted_at.value = m_request.dialogue;
        if (!m_k.available) {
            m_draft.adopted_at.comments.push_back({"given by --dialogue; not verified (no database)", true});
        }
        return;
    }
    auto names =
        m_index.find_names(m_index.tokenize(m_draft.title.value), kind_bit(Kind::dialogue) | kind_bit(Kind::forum));
    for (const auto &n : names) {
        if (!n.partial) {
            m_draft.adopted_at.value = n.record->id;
            m_draft.adopted_at.comments.push_back({fmt::format("the title names {} {} ({})", kind_word(n.record->kind),
                                                               n.record->id, quote(n.record->title)),
                                                   true});
            return;
        }
    }
}

void Drafter::decide_date(const Layout &layout) {
    if (!m_request.date.empty()) {
        m_date = m_request.date;
        return;
    }
    for (const auto *lines : {&layout.header, &layout.trailer}) {
        for (const auto &l : *lines) {
            std::string matched;
            if (auto d = find_date(l.text, &matched); d && word_count(l.text) <= 12) {
                m_date = d->str();
                m_used_lines.insert(l.number);
                m_draft.date.comments.push_back(
                    {fmt::format("from line {} {}: the date the text carries, which may be that of its publication",
                                 l.number, quote(l.text)),
                     true});
                return;
            }
        }
    }
    if (const KnownTitle *t = m_k.title_of(m_draft.adopted_at.value); t && !t->date.empty()) {
        m_date = t->date;
        m_draft.date.comments.push_back(
            {fmt::format("no date in the text: the date of {} {}", kind_word(t->kind), t->id), true});
        return;
    }
    // The latest year the text names outside sentences with a cue (those speak of the future).
    static const std::regex year(R"(\b(19[5-9][0-9]|20[0-9][0-9])\b)");
    int latest = 0;
    for (const auto &s : layout.sentences) {
        if (find_cue(s.text).found()) {
            continue;
        }
        for (auto it = std::sregex_iterator(s.text.begin(), s.text.end(), year); it != std::sregex_iterator(); ++it) {
            latest = std::max(latest, std::stoi(it->str(1)));
        }
    }
    if (latest == 0) {
        throw UsageError("no date found in the text: give --date");
    }
    m_date = std::to_string(latest);
    m_draft.date.comments.push_back(
        {"no date in the text: the latest year it names outside the commitments; give --date", true});
}

void Drafter::decide_id() {
    if (!m_request.id.empty()) {
        m_draft.id.value = m_request.id;
        if (m_k.has(m_request.id)) {
            m_draft.id.comments.push_back({fmt::format("id {} is already in the database: importing the draft "
                                                       "replaces that record, and check with data/ finds it twice",
                                                       m_request.id),
                                           true});
            m_draft.warnings.push_back(fmt::format("id '{}' is already in the database", m_request.id));
        }
        return;
    }
    std::string base = slug_of(m_draft.title.value);
    auto clashes = [&](const std::string &id) {
        if (m_k.has(id)) {
            return true;
        }
        for (const auto &known : m_k.ids) {
            if (known.size() > id.size() && known.compare(0, id.size() + 2, id + ".c") == 0) {
                return true;
            }
        }
        return false;
    };
    std::string id = base;
    for (int n = 1; clashes(id); ++n) {
        id = n == 1 ? base + "-draft" : fmt::format("{}-draft-{}", base, n);
    }
    m_draft.id.value = id;
    m_draft.id.comments.push_back({id == base ? "made from the title (or give --id)"
                                              : "made from the title, with -draft because the database holds " + base,
                                   true});
}

void Drafter::decide_type() {
    auto tokens = plain_words(m_draft.title.value);
    std::vector<std::string> w;
    for (const auto &t : tokens) {
        w.push_back(t.norm);
    }
    auto has = [&](std::initializer_list<std::string_view> seq) {
        for (std::size_t i = 0; i + seq.size() <= w.size(); ++i) {
            std::size_t k = 0;
            for (auto s : seq) {
                if (w[i + k].compare(0, s.size(), s) != 0 || (s != "communiqu" && w[i + k].size() != s.size())) {
                    break;
                }
                ++k;
            }
            if (k == seq.size()) {
                return true;
            }
        }
        return false;
    };
    std::string type;
    if (has({"joint", "statement"})) {
        type = "joint-statement";
    } else if (has({"chairs", "statement"}) || has({"chair", "statement"}) || has({"chairman", "statement"}) ||
               has({"chairmans", "statement"})) {
        type = "chair-statement";
    } else if (has({"leaders", "statement"})) {
        type = "leaders-statement";
    } else if (has({"communiqu"})) {
        type = "communique";
    } else if (has({"declaration"})) {
        type = "declaration";
    } else if (has({"plan", "of", "action"})) {
        type = "plan-of-action";
    }
    if (!type.empty()) {
        m_draft.type.value = type;
        m_draft.type.comments.push_back({"from the words of the title", true});
    }
}

void Drafter::decide_parties(const Layout &layout) {
    ListField &f = m_draft.parties;
    if (!m_request.parties.empty()) {
        f.values = m_request.parties;
        if (!m_k.available) {
            f.comments.push_back({"given by --parties; not verified (no database)", true});
        }
        return;
    }
    if (const KnownTitle *t = m_k.title_of(m_draft.adopted_at.value); t && !t->parties.empty()) {
        f.values = t->parties;
        f.comments.push_back({fmt::format("the parties of {} {}", kind_word(t->kind), t->id), true});
        return;
    }
    auto named = [&](std::string_view text) {
        std::vector<std::string> ids;
        for (const auto &t : m_index.tokenize(text)) {
            for (const auto &p : t.parties) {
                const KnownParty *kp = m_k.party(p);
                bool principal = kp && (kp->type == "state" || kp->type == "regional-organisation" ||
                                        kp->type == "international-organisation");
                if (principal && std::find(ids.begin(), ids.end(), p) == ids.end()) {
                    ids.push_back(p);
                }
            }
        }
        return ids;
    };
    f.values = named(m_draft.title.value);
    if (!f.values.empty()) {
        f.comments.push_back({"the states and organisations named in the title", true});
        return;
    }
    std::string first;
    for (const auto &s : layout.sentences) {
        if (s.block == 0) {
            first += s.text + " ";
        }
    }
    f.values = named(first);
    if (!f.values.empty()) {
        f.comments.push_back({"the states and organisations named in the first paragraph", true});
        return;
    }
    f.comments.push_back({m_k.available ? "no parties found: give --parties"
                                        : "no parties: give --parties (no database to resolve names)",
                          true});
}

void Drafter::decide_source(const Layout &layout) {
    static const std::regex source(R"(^(?:source|published by|issued by)\s*(?::|-|\xE2\x80\x93|\xE2\x80\x94)?\s*(.+)$)",
                                   std::regex::icase);
    for (const auto *lines : {&layout.trailer, &layout.header}) {
        for (const auto &l : *lines) {
            std::smatch m;
            if (std::regex_match(l.text, m, source)) {
                m_draft.source_publisher.value = m.str(1);
                m_used_lines.insert(l.number);
                m_draft.source_publisher.comments.push_back(
                    {fmt::format("from line {} {}", l.number, quote(l.text)), true});
                return;
            }
        }
    }
}

Drafter::Analysis Drafter::analyse(const Sentence &s) const {
    Analysis a;
    std::string low = lower(s.text);
    std::size_t skip = 0;
    for (std::string_view lead : {"further ", "also ", "and "}) {
        if (low.compare(0, lead.size(), lead) == 0) {
            skip = lead.size();
            break;
        }
    }
    for (const auto &p : k_participles) {
        if (!starts_with_words(std::string_view(low).substr(skip), p.words)) {
            continue;
        }
        a.participle = s.text.substr(skip, p.words.size());
        a.participle_end = skip + p.words.size();
        a.relation = std::string(p.relation);
        a.has_main = false;
        // The main clause starts after the first comma that is followed by a subject.
        for (std::size_t c = low.find(", ", skip); c != std::string::npos; c = low.find(", ", c + 1)) {
            std::string_view rest = std::string_view(s.text).substr(c + 2);
            auto tokens = m_index.tokenize(rest.substr(0, std::min<std::size_t>(rest.size(), 120)));
            std::size_t i = 0;
            while (i < tokens.size() && (tokens[i].stop || tokens[i].norm == "also" || tokens[i].norm == "both")) {
                ++i;
            }
            if (i < tokens.size() && (!tokens[i].parties.empty() || one_of(k_generic_subjects, tokens[i].norm))) {
                a.main_offset = c + 2;
                a.has_main = true;
                break;
            }
        }
        break;
    }
    if (a.has_main) {
        Cue cue = find_cue(std::string_view(s.text).substr(a.main_offset));
        if (cue.found()) {
            cue.begin += a.main_offset;
            cue.end += a.main_offset;
        }
        a.cue = cue;
    }
    return a;
}

std::vector<std::pair<std::string, std::string>> Drafter::document_phrases(std::string_view text,
                                                                           const std::vector<Token> &tokens,
                                                                           const std::vector<NameMatch> &matched,
                                                                           std::size_t from) const {
    std::vector<std::pair<std::string, std::string>> out; // (phrase, noun)
    // Tokens before `from` (the participle) or inside a matched name are no part of a phrase.
    auto in_match = [&](std::size_t i) {
        return tokens[i].begin < from || std::any_of(matched.begin(), matched.end(),
                                                     [&](const NameMatch &m) { return i >= m.first && i <= m.last; });
    };
    auto gap_ok = [&](std::size_t a, std::size_t b) { // between tokens a and b (a < b)
        std::string_view gap = text.substr(tokens[a].end, tokens[b].begin - tokens[a].end);
        for (std::size_t i = 0; i < gap.size(); ++i) {
            char c = gap[i];
            if (c == ' ' || c == '-' || c == ',' || c == '\'') {
                continue;
            }
            if (gap.compare(i, 3, "\u2019") == 0) {
                i += 2;
                continue;
            }
            return false;
        }
        return true;
    };
    auto capital = [&](std::size_t i) { return tokens[i].capital && !in_match(i); };
    auto connector = [&](std::size_t i) { return one_of(k_connectors, tokens[i].raw); };
    std::size_t covered_to = 0;
    for (std::size_t n = 0; n < tokens.size(); ++n) {
        if (n < covered_to || in_match(n) || !tokens[n].capital || !one_of(k_document_nouns, tokens[n].norm)) {
            continue;
        }
        std::size_t b = n;
        while (b > 0) {
            if (capital(b - 1) && gap_ok(b - 1, b)) {
                --b;
            } else if (b >= 2 && connector(b - 1) && capital(b - 2) && gap_ok(b - 2, b - 1) && gap_ok(b - 1, b)) {
                b -= 2;
            } else if (b >= 3 && tokens[b - 1].stop && connector(b - 2) && capital(b - 3) && gap_ok(b - 3, b - 2) &&
                       gap_ok(b - 2, b - 1) && gap_ok(b - 1, b)) {
                b -= 3; // "Statement on the Sixth ..."
            } else {
                break;
            }
        }
        std::size_t e = n;
        while (e + 1 < tokens.size()) {
            if (capital(e + 1) && gap_ok(e, e + 1)) {
                ++e;
            } else if (e + 2 < tokens.size() && connector(e + 1) && capital(e + 2) && gap_ok(e, e + 1) &&
                       gap_ok(e + 1, e + 2)) {
                e += 2;
            } else if (e + 3 < tokens.size() && connector(e + 1) && tokens[e + 2].stop && capital(e + 3) &&
                       gap_ok(e, e + 1) && gap_ok(e + 1, e + 2) && gap_ok(e + 2, e + 3)) {
                e += 3;
            } else {
                break;
            }
        }
        covered_to = e + 1;
        if (e == b) {
            continue; // a lone "Dialogue" names nothing in particular
        }
        out.emplace_back(std::string(text.substr(tokens[b].begin, tokens[e].end - tokens[b].begin)), tokens[n].raw);
    }
    return out;
}

void Drafter::clause_references(const Sentence &s, const Analysis &a) {
    std::string_view clause = std::string_view(s.text).substr(0, a.has_main ? a.main_offset : s.text.size());
    auto tokens = m_index.tokenize(clause);
    KindSet all =
        kind_bit(Kind::statement) | kind_bit(Kind::dialogue) | kind_bit(Kind::forum) | kind_bit(Kind::program);
    auto names = m_index.find_names(tokens, all);
    std::string where = s.paragraph.empty() ? fmt::format("line {}", s.line) : "paragraph " + s.paragraph;
    for (const auto &n : names) {
        const KnownTitle *r = n.record;
        if (r->kind == Kind::forum || r->kind == Kind::program) {
            continue; // listed with the other names
        }
        std::string written = std::string(clause.substr(n.begin, n.end - n.begin));
        if (a.relation.empty()) {
            m_draft.reference_comments.push_back(
                {fmt::format("{}: \"{}\" ... names {} {}, but does not recall or reaffirm it", where, a.participle,
                             kind_word(r->kind), r->id),
                 true});
            continue;
        }
        if (!before(r->date, m_date)) {
            m_draft.reference_comments.push_back(
                {fmt::format("{}: {} {} (dated {}) is later than this statement: not a reference", where,
                             kind_word(r->kind), r->id, r->date),
                 true});
            continue;
        }
        bool dup = std::any_of(m_draft.references.begin(), m_draft.references.end(),
                               [&](const DraftReference &d) { return d.target == r->id; });
        if (dup) {
            continue;
        }
        DraftReference ref;
        ref.relation = a.relation;
        ref.target = r->id;
        ref.comments.push_back({fmt::format("{}: \"{}\" {} is {} {}", where, a.participle, quote(written, 90),
                                            kind_word(r->kind), quote(r->title, 90))});
        m_draft.references.push_back(ref);
    }
    for (const auto &[phrase, noun] : document_phrases(clause, tokens, names, a.participle_end)) {
        std::string what = a.relation.empty() ? "names" : a.relation;
        m_draft.reference_comments.push_back(
            {fmt::format("{}: {} {}: {}", where, what, quote(phrase, 90),
                         m_k.available ? "no record with this title in the database" : "not resolved (no database)"),
             true});
    }
}

void Drafter::note_names(std::string_view text, const Sentence &s) {
    auto names = m_index.find_names(m_index.tokenize(text), kind_bit(Kind::forum) | kind_bit(Kind::program));
    std::string where = s.paragraph.empty() ? fmt::format("line {}", s.line) : s.paragraph;
    for (const auto &n : names) {
        auto it = std::find_if(m_named.begin(), m_named.end(), [&](const Named &x) { return x.record == n.record; });
        if (it == m_named.end()) {
            m_named.push_back({n.record, {where}, n.partial});
        } else {
            if (std::find(it->places.begin(), it->places.end(), where) == it->places.end()) {
                it->places.push_back(where);
            }
            it->partial = it->partial && n.partial;
        }
    }
}

void Drafter::actors_of(std::string_view subject, ListField &actors, bool &generic, std::vector<std::string> &parties) {
    // The subject is what stands before the cue, after the last comma ("Through the Dialogue, participants").
    std::size_t comma = subject.rfind(", ");
    if (comma != std::string_view::npos) {
        subject = subject.substr(comma + 2);
    }
    while (!subject.empty() && subject.back() == ' ') {
        subject.remove_suffix(1);
    }
    auto tokens = m_index.tokenize(subject);
    // For the comment: the subject without trailing "also", "further", ...
    std::string_view shown = subject;
    for (auto t = tokens.rbegin(); t != tokens.rend() && t->parties.empty() && one_of(k_subject_fillers, t->norm);
         ++t) {
        shown = subject.substr(0, t->begin);
    }
    while (!shown.empty() && shown.back() == ' ') {
        shown.remove_suffix(1);
    }
    parties.clear();
    std::vector<std::string> other;
    for (const auto &t : tokens) {
        for (const auto &p : t.parties) {
            if (std::find(parties.begin(), parties.end(), p) == parties.end()) {
                parties.push_back(p);
            }
        }
        if (t.parties.empty() && !one_of(k_subject_fillers, t.norm) && !one_of(k_generic_subjects, t.norm)) {
            other.push_back(t.raw);
        }
    }
    if (!parties.empty()) {
        generic = false;
        actors.values = parties;
        actors.comments.push_back({fmt::format("named in the subject {}", quote(shown))});
        return;
    }
    if (!other.empty()) {
        generic = false;
        actors.comments.push_back(
            {fmt::format("no actors: the subject {} {}", quote(shown),
                         m_k.available ? "names no party in the database" : "is not resolved (no database)"),
             true});
        return;
    }
    generic = true;
    if (m_draft.parties.values.empty()) {
        actors.comments.push_back({fmt::format("no actors: the subject {} stands for the statement's parties, "
                                               "which are not known",
                                               quote(shown.empty() ? "(none)" : shown)),
                                   true});
        return;
    }
    actors.values = m_draft.parties.values;
    actors.comments.push_back(
        {fmt::format("the statement's parties (subject {})", quote(shown.empty() ? "(none)" : shown))});
}

void Drafter::finish(Pending &p) {
    DraftCommitment &c = p.c;
    auto tokens = m_index.tokenize(c.text);
    KindSet all =
        kind_bit(Kind::statement) | kind_bit(Kind::dialogue) | kind_bit(Kind::forum) | kind_bit(Kind::program);
    auto names = m_index.find_names(tokens, all);
    std::vector<std::pair<std::size_t, std::size_t>> masked;
    for (const auto &n : names) {
        if (n.record->kind == Kind::forum || n.record->kind == Kind::program) {
            masked.emplace_back(n.begin, n.end);
        }
    }
    // Themes.
    if (!m_k.available) {
        c.themes.comments.push_back({"themes not resolved (no database)", true});
    } else {
        std::vector<std::string> labels;
        for (const KnownTheme *t : m_index.find_themes(tokens, masked)) {
            c.themes.values.push_back(t->id);
            labels.push_back(quote(t->label));
        }
        if (labels.empty()) {
            c.themes.comments.push_back({"no theme label matched the words of the text", true});
        } else {
            c.themes.comments.push_back(
                {"the words of the label " + join(labels) + (labels.size() > 1 ? " (each)" : "") + " are in the text"});
        }
    }
    // Names: statements and dialogues it reaffirms or recalls become references; the rest are comments.
    for (const auto &n : names) {
        const KnownTitle *r = n.record;
        if (n.begin < p.main_offset) {
            continue; // in the participial clause: a reference of the statement
        }
        std::string relation = c.action.value == "reaffirm" ? "reaffirms" : c.action.value == "recall" ? "recalls" : "";
        bool document = r->kind == Kind::statement || r->kind == Kind::dialogue;
        if (document && !relation.empty() && before(r->date, m_date)) {
            DraftReference ref{relation, r->id, {{fmt::format("names {} {}", kind_word(r->kind), quote(r->title))}}};
            c.references.push_back(ref);
            continue;
        }
        std::string note = fmt::format("names {} {} {}{}", kind_word(r->kind), r->id, quote(r->title),
                                       n.partial ? " (by the head of its name)" : "");
        if (document && !before(r->date, m_date)) {
            note += fmt::format(", dated {}, after this statement", r->date);
        }
        c.comments.push_back({note});
    }
    // Due date.
    static const std::regex due(
        R"(\b(?:in|by|before|by the end of|no later than|until)\s+(?:(January|February|March|April|May|June|July|August|September|October|November|December)\s+)?((?:19|20)[0-9]{2})\b)",
        std::regex::icase);
    if (c.action.value != "note" && c.action.value != "reaffirm" && c.action.value != "recall") {
        std::smatch m;
        std::string text = c.text.substr(std::min(p.main_offset, c.text.size()));
        if (std::regex_search(text, m, due)) {
            int year = std::stoi(m.str(2));
            auto stmt = PartialDate::parse(m_date);
            if (!stmt || (year >= stmt->year() && year <= stmt->year() + k_due_horizon)) {
                std::string value = m.str(2);
                if (m[1].matched) {
                    if (auto d = find_date(m.str(1) + " " + m.str(2))) {
                        value = d->str();
                    }
                }
                c.due.value = value;
                c.due.comments.push_back({fmt::format("from the words {}", quote(m.str(0))), true});
            }
        }
    }
}

Draft Drafter::run() {
    validate_request();
    Layout layout = split_text(m_text);
    decide_title(layout);
    decide_dialogue();
    decide_date(layout);
    decide_id();
    decide_type();
    decide_parties(layout);
    decide_source(layout);
    m_draft.date.value = m_date;

    std::vector<Pending> pending;
    int last_drafted = -1; // index in layout.sentences of the last sentence drafted
    Lead lead;
    for (std::size_t i = 0; i < layout.sentences.size(); ++i) {
        const Sentence &s = layout.sentences[i];
        note_names(s.text, s);
        std::string low = lower(s.text);
        // "This includes ..." completes the commitment before it.
        static const std::regex includes(R"(^th(is|ese) (will )?includ)");
        bool continues = std::regex_search(low.substr(0, 40), includes);
        if (continues && last_drafted == static_cast<int>(i) - 1 && !pending.empty() &&
            pending.back().sentence.block == s.block) {
            Pending &p = pending.back();
            p.c.text += " " + s.text;
            p.c.comments.push_back(
                {fmt::format("{} continues it ({})", place(s), quote(s.text.substr(0, s.text.find(' ', 5))))});
            last_drafted = static_cast<int>(i);
            continue;
        }
        Analysis a = analyse(s);
        if (!a.participle.empty()) {
            clause_references(s, a);
        }
        if (lead.block != s.block) {
            lead = Lead{};
        }
        if (s.lead_in) {
            if (a.cue.found()) {
                lead.block = s.block;
                lead.cue = a.cue;
                lead.sentence = s;
                lead.actor_comments.clear();
                ListField actors;
                actors_of(std::string_view(s.text).substr(a.main_offset, a.cue.begin - a.main_offset), actors,
                          lead.subject_generic, lead.subject_parties);
                lead.actor_comments = actors.comments;
                m_draft.left_out.push_back({fmt::format("{}: a lead-in; its cue {} applies to the items that follow",
                                                        place(s), quote(a.cue.phrase))});
            } else {
                m_draft.left_out.push_back({fmt::format("{}: no cue: {}", place(s), quote(s.text))});
            }
            continue;
        }
        bool inherited = false;
        if (!a.cue.found() && s.item && lead.block == s.block && lead.cue.found()) {
            inherited = true;
        }
        if (!a.cue.found() && !inherited) {
            std::string why =
                a.participle.empty() ? "no cue" : fmt::format("no cue after its \"{}\" clause", a.participle);
            m_draft.left_out.push_back({fmt::format("{}: {}: {}", place(s), why, quote(s.text))});
            continue;
        }
        Pending p;
        p.sentence = s;
        p.main_offset = a.main_offset;
        DraftCommitment &c = p.c;
        c.id = fmt::format("{}.c{}", m_draft.id.value, pending.size() + 1);
        c.paragraph = s.paragraph;
        c.text = s.text;
        if (s.item) {
            // A list item ends with "; and" or ";": keep its words only.
            static const std::regex tail(R"((;|,)\s*(and|or)?\s*$)");
            std::string kept = std::regex_replace(c.text, tail, "");
            if (!kept.empty()) {
                c.text = kept;
            }
        }
        const Cue &cue = inherited ? lead.cue : a.cue;
        c.action.value = cue.action;
        if (inherited) {
            c.comments.push_back({fmt::format("cue: {} -> {}, from the lead-in of {} ({})", quote(cue.phrase),
                                              cue.action, place(lead.sentence), place(s))});
        } else {
            c.comments.push_back({fmt::format("cue: {} -> {} ({})", quote(cue.phrase), cue.action, place(s))});
        }
        // Actors.
        bool generic = true;
        std::vector<std::string> parties;
        std::string_view subject =
            std::string_view(s.text).substr(a.main_offset, inherited ? 0 : cue.begin - a.main_offset);
        if (inherited && lead.subject_generic && !m_draft.parties.values.empty()) {
            c.actors.values = m_draft.parties.values;
            c.actors.comments = lead.actor_comments;
        } else if (inherited) {
            c.actors.values = lead.subject_parties;
            c.actors.comments = lead.actor_comments;
        } else {
            actors_of(subject, c.actors, generic, parties);
        }
        pending.push_back(std::move(p));
        last_drafted = static_cast<int>(i);
    }
    for (std::size_t i = 0; i < pending.size(); ++i) {
        finish(pending[i]);
        m_draft.commitments.push_back(std::move(pending[i].c));
    }
    for (const auto &n : m_named) {
        bool lines = n.places.front().compare(0, 5, "line ") == 0;
        std::string where =
            lines ? join(n.places) : (n.places.size() > 1 ? "paragraphs " : "paragraph ") + join(n.places);
        m_draft.names.push_back(
            {fmt::format("the text names {} {} {} ({}){}", kind_word(n.record->kind), n.record->id,
                         quote(n.record->title), where, n.partial ? ", by the head of its name" : "")});
    }
    for (const auto &l : layout.skipped) {
        m_draft.left_out.push_back({fmt::format("line {} {}: a heading, not a paragraph", l.number, quote(l.text))});
    }
    for (const auto *lines : {&layout.header, &layout.trailer}) {
        for (const auto &l : *lines) {
            if (m_used_lines.count(l.number) == 0) {
                m_draft.left_out.push_back({fmt::format("line {} {}: not a sentence", l.number, quote(l.text))});
            }
        }
    }
    return m_draft;
}

// ---- writing -------------------------------------------------------------------------------

std::string pad(int n) {
    return std::string(static_cast<std::size_t>(n), ' ');
}

void write_comments(std::ostream &out, int indent, const std::vector<Comment> &comments) {
    for (const auto &c : comments) {
        std::string text = c.text;
        std::replace(text.begin(), text.end(), '\n', ' ');
        out << pad(indent) << "# " << (c.check ? "check: " : "") << text << '\n';
    }
}

std::string date_scalar(const std::string &value) {
    auto d = PartialDate::parse(value);
    if (d && d->precision() == DatePrecision::year) {
        return value; // a plain year reads back as a year
    }
    return yaml_scalar(value);
}

std::string list_scalar(const std::vector<std::string> &values) {
    std::string out = "[";
    for (std::size_t i = 0; i < values.size(); ++i) {
        out += (i ? ", " : "") + yaml_scalar(values[i]);
    }
    return out + "]";
}

// Long texts as folded blocks, wrapped at 88 columns, as the files in data/ write them.
void write_text(std::ostream &out, int indent, std::string_view key, const std::string &text) {
    constexpr std::size_t k_width = 88;
    if (indent + key.size() + 2 + text.size() <= k_width && yaml_scalar(text) == text) {
        out << pad(indent) << key << ": " << text << '\n';
        return;
    }
    out << pad(indent) << key << ": >-\n";
    std::string line;
    std::size_t width = k_width - static_cast<std::size_t>(indent) - 2;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t sp = text.find(' ', i);
        std::string word = text.substr(i, sp == std::string::npos ? std::string::npos : sp - i);
        i = sp == std::string::npos ? text.size() : sp + 1;
        if (word.empty()) {
            continue;
        }
        if (!line.empty() && line.size() + 1 + word.size() > width) {
            out << pad(indent + 2) << line << '\n';
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
    }
    if (!line.empty()) {
        out << pad(indent + 2) << line << '\n';
    }
}

void write_reference(std::ostream &out, int indent, const DraftReference &r) {
    write_comments(out, indent, r.comments);
    out << pad(indent) << "- {relation: " << r.relation << ", target: " << yaml_scalar(r.target) << "}\n";
}

} // namespace

Cue find_cue(std::string_view text) {
    std::string low = lower(text);
    Cue best;
    int words_before = 0;
    bool in_word = false;
    for (std::size_t i = 0; i < low.size(); ++i) {
        bool w = word_char(low[i]);
        bool at_start = w && !in_word;
        in_word = w;
        if (!at_start) {
            continue;
        }
        const CueSpec *hit = nullptr;
        for (const auto &c : k_cues) {
            if (low.compare(i, c.phrase.size(), c.phrase) != 0) {
                continue;
            }
            std::size_t end = i + c.phrase.size();
            if (end < low.size() && word_char(low[end])) {
                continue;
            }
            if (c.weak && words_before >= k_weak_window) {
                continue;
            }
            if (!hit || c.phrase.size() > hit->phrase.size()) {
                hit = &c;
            }
        }
        if (hit) {
            // "..., which reaffirmed ...": a relative clause tells of another text.
            std::string_view head = std::string_view(low).substr(0, i);
            while (!head.empty() && head.back() == ' ') {
                head.remove_suffix(1);
            }
            bool relative = false;
            for (std::string_view rel : {"which", "that", "who"}) {
                if (head.size() >= rel.size() && head.substr(head.size() - rel.size()) == rel &&
                    (head.size() == rel.size() || !word_char(head[head.size() - rel.size() - 1]))) {
                    relative = true;
                }
            }
            if (!relative) {
                best.begin = i;
                best.end = i + hit->phrase.size();
                best.action = std::string(hit->action);
                // "committed to explore", "will continue to": the verb after says which kind.
                if (hit->action == "commit") {
                    std::size_t j = best.end;
                    while (j < low.size() && low[j] == ' ') {
                        ++j;
                    }
                    for (const auto &[verb, action] : k_then) {
                        if (low.compare(j, verb.size(), verb) == 0 &&
                            (j + verb.size() == low.size() || !word_char(low[j + verb.size()]))) {
                            best.action = std::string(action);
                            best.end = j + verb.size();
                        }
                    }
                }
                best.phrase = std::string(text.substr(best.begin, best.end - best.begin));
                return best;
            }
        }
        ++words_before;
    }
    return best;
}

std::string slug_of(std::string_view title) {
    static const std::string_view small[] = {"the", "a", "an", "of", "on", "and", "for", "in", "at", "to", "with"};
    std::string out;
    for (const auto &t : plain_words(title)) {
        std::string w;
        for (char c : t.norm) {
            if (std::isalnum(static_cast<unsigned char>(c))) {
                w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            }
        }
        if (w.empty() || one_of(small, w)) {
            continue;
        }
        // "5th" -> "5"
        if (w.size() > 2 && std::isdigit(static_cast<unsigned char>(w[0]))) {
            std::string tail = w.substr(w.size() - 2);
            if (tail == "st" || tail == "nd" || tail == "rd" || tail == "th") {
                w.resize(w.size() - 2);
            }
        }
        if (out.size() + 1 + w.size() > 60) {
            break;
        }
        out += (out.empty() ? "" : "-") + w;
    }
    return out.empty() ? "draft" : out;
}

Draft draft_statement(std::string_view text, std::string_view source_name, const DraftRequest &request,
                      const Knowledge &knowledge) {
    return Drafter(text, source_name, request, knowledge).run();
}

Draft draft_statement(std::string_view text, std::string_view source_name, const DraftRequest &request, Store &store) {
    Knowledge knowledge = load_knowledge(store);
    return draft_statement(text, source_name, request, knowledge);
}

void write_draft(std::ostream &out, const Draft &d) {
    out << "# Drafted by accord extract from " << d.source_name << ": a first draft to review, not a record yet.\n";
    out << "# \"check:\" marks a guess or a name not resolved; \"cue:\" says why a sentence is a commitment.\n";
    out << "kind: statement\n";
    auto field = [&](std::string_view key, const Field &f, bool date = false) {
        write_comments(out, 0, f.comments);
        if (!f.value.empty()) {
            out << key << ": " << (date ? date_scalar(f.value) : yaml_scalar(f.value)) << '\n';
        }
    };
    field("id", d.id);
    write_comments(out, 0, d.title.comments);
    write_text(out, 0, "title", d.title.value);
    field("date", d.date, true);
    field("type", d.type);
    field("adopted_at", d.adopted_at);
    write_comments(out, 0, d.parties.comments);
    if (!d.parties.values.empty()) {
        out << "parties: " << list_scalar(d.parties.values) << '\n';
    }
    if (!d.references.empty()) {
        out << "references:\n";
        for (const auto &r : d.references) {
            write_reference(out, 2, r);
        }
    }
    write_comments(out, 0, d.reference_comments);
    write_comments(out, 0, d.names);
    if (!d.source_publisher.empty()) {
        write_comments(out, 0, d.source_publisher.comments);
        out << "source:\n  publisher: " << yaml_scalar(d.source_publisher.value) << '\n';
    }
    if (d.commitments.empty()) {
        write_comments(out, 0, {{"no sentence carries a cue of commitment", true}});
    } else {
        out << "commitments:\n";
    }
    for (const auto &c : d.commitments) {
        write_comments(out, 2, c.comments);
        out << "  - id: " << yaml_scalar(c.id) << '\n';
        if (!c.paragraph.empty()) {
            bool digits = std::all_of(c.paragraph.begin(), c.paragraph.end(),
                                      [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)) != 0; });
            out << "    paragraph: " << (digits ? c.paragraph : yaml_scalar(c.paragraph)) << '\n';
        }
        write_text(out, 4, "text", c.text);
        write_comments(out, 4, c.actors.comments);
        if (!c.actors.values.empty()) {
            out << "    actors: " << list_scalar(c.actors.values) << '\n';
        }
        write_comments(out, 4, c.action.comments);
        out << "    action: " << c.action.value << '\n';
        write_comments(out, 4, c.themes.comments);
        if (!c.themes.values.empty()) {
            out << "    themes: " << list_scalar(c.themes.values) << '\n';
        }
        write_comments(out, 4, c.due.comments);
        if (!c.due.empty()) {
            out << "    due: " << date_scalar(c.due.value) << '\n';
        }
        if (!c.references.empty()) {
            out << "    references:\n";
            for (const auto &r : c.references) {
                write_reference(out, 6, r);
            }
        }
    }
    if (!d.left_out.empty()) {
        out << "# Not drafted:\n";
        write_comments(out, 0, d.left_out);
    }
}

} // namespace accord::extract
