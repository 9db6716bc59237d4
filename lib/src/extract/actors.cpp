// Actors of a commitment: the parties its subject names (agencies for their states), else the statement's.
#include "drafter.hpp"
#include "vocabulary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <regex>

namespace accord::extract::detail {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

} // namespace

// "the Department of Information and Communications Technology (DICT) of the Philippines", "the
// U.S. Cybersecurity and Infrastructure Security Agency (CISA)": an acronym the text defines for an
// agency (a name with a word such as agency, department, ministry) gives the party that name holds
// or that follows it ("of the Philippines"); empty when the text defines none.
std::string Drafter::defined_party(const std::string &acronym) {
    if (!m_defined_read) {
        m_defined_read = true;
        // ("VNCERT/CC": a name after a slash too.)
        static const std::regex defined(R"(\(([A-Z][A-Za-z]*[A-Z])(?:/[A-Z]+)?\))");
        std::string text(m_text);
        for (auto it = std::sregex_iterator(text.begin(), text.end(), defined); it != std::sregex_iterator(); ++it) {
            auto at = static_cast<std::size_t>(it->position(0));
            std::size_t from = at > 160 ? at - 160 : 0;
            auto before = m_index.tokenize(std::string_view(text).substr(from, at - from));
            std::string party;
            bool agency = false;
            // The name: the capitalised words (and small words between them) before the bracket.
            for (std::size_t k = before.size(); k-- > 0;) {
                const Token &t = before[k];
                bool small = t.norm == "of" || t.norm == "and" || t.norm == "for" || t.norm == "on" || t.stop;
                if (!t.capital && !small) {
                    break;
                }
                agency = agency ||
                         std::find(vocab::k_agency_words.begin(), vocab::k_agency_words.end(), t.norm) !=
                             vocab::k_agency_words.end() ||
                         std::any_of(t.parties.begin(), t.parties.end(),
                                     [&](const std::string &p) { return !state_of(p).empty(); });
                if (party.empty() && !t.parties.empty()) {
                    party = t.parties.front();
                }
                // "Australian Signals Directorate (ASD)": a state's adjective in the name.
                if (party.empty()) {
                    party = demonym_party(t);
                }
            }
            auto end = static_cast<std::size_t>(it->position(0) + it->length(0));
            auto after = m_index.tokenize(std::string_view(text).substr(end, 40));
            std::size_t k = 0;
            if (k < after.size() && after[k].norm == "of") {
                ++k;
                k += k < after.size() && after[k].stop ? 1 : 0;
                if (k < after.size() && !after[k].parties.empty()) {
                    party = after[k].parties.front();
                }
            }
            // A name that the agency of a state that is none of the statement's parties bears
            // ("National Cyber Security Agency" in a Malaysian release) is not that agency.
            const auto &own = m_draft.parties.values;
            if (!party.empty() && !state_of(party).empty() && !own.empty() &&
                std::find(own.begin(), own.end(), state_of(party)) == own.end() &&
                std::find(own.begin(), own.end(), party) == own.end()) {
                party.clear();
            }
            // Else the one party (or adjective of one) its sentence names ("... (CISA) ... the U.S.
            // interagency delegation", "(DICT) led the Philippine delegation"), else the one party
            // of the statement (an agency's own release).
            if (agency && party.empty()) {
                // The sentence: from a period after a word in lower case or a number ("2027. The",
                // not "U.S. interagency") to the next.
                auto stop = [&](std::size_t i) {
                    return text.compare(i, 2, ". ") == 0 && i > 0 &&
                           (std::islower(static_cast<unsigned char>(text[i - 1])) ||
                            std::isdigit(static_cast<unsigned char>(text[i - 1])));
                };
                std::size_t b = at;
                while (b > 0 && !stop(b)) {
                    --b;
                }
                b = b == 0 ? 0 : b + 2;
                std::size_t e = end;
                while (e < text.size() && !stop(e)) {
                    ++e;
                }
                std::vector<std::string> named;
                for (const auto &t : m_index.tokenize(std::string_view(text).substr(b, e - b))) {
                    // (States and their adjectives only: an agency's name there is another's.)
                    std::vector<std::string> ids;
                    for (const auto &p : t.parties) {
                        if (state_of(p).empty()) {
                            ids.push_back(p);
                        }
                    }
                    if (std::string d = demonym_party(t); !d.empty()) {
                        ids.push_back(d);
                    }
                    for (const auto &p : ids) {
                        if (std::find(named.begin(), named.end(), p) == named.end()) {
                            named.push_back(p);
                        }
                    }
                }
                if (named.size() == 1) {
                    party = named.front();
                } else if (named.empty() && m_draft.parties.values.size() == 1) {
                    party = m_draft.parties.values.front();
                }
            }
            if (agency && !party.empty()) {
                m_defined.emplace(it->str(1), state_of(party).empty() ? party : state_of(party));
            }
        }
    }
    auto it = m_defined.find(acronym);
    return it == m_defined.end() ? std::string() : it->second;
}

// "the Japanese delegation": an adjective that stands for a party.
std::string Drafter::demonym_party(const Token &tok) const {
    for (const auto &[adjective, name] : vocab::k_demonyms) {
        if (tok.capital && tok.norm == adjective) {
            for (const auto &p : m_k.parties) {
                if (lower(p.name) == name || lower(p.short_name) == name) {
                    return p.id;
                }
            }
        }
    }
    return {};
}

// The state an agency of the database belongs to (its country), when that state is a party
// there; else empty.
std::string Drafter::state_of(const std::string &party) const {
    const KnownParty *kp = m_k.party(party);
    if (!kp || kp->country.empty() || kp->type == "state") {
        return {};
    }
    for (const auto &p : m_k.parties) {
        if (p.type == "state" && (p.name == kp->country || p.short_name == kp->country)) {
            return p.id;
        }
    }
    return {};
}

// The forum that met, as the text opens ("The G7 Cyber Expert Group (CEG) met in Paris", "The
// Third ASEAN-China Cyber Dialogue was held"), and the parties that co-chaired it ("co-chaired by
// the Philippines and the Republic of Korea (ROK) and attended by ...", "Japan and Malaysia
// co-chaired the Meeting").
void Drafter::read_meeting() {
    if (m_meeting_read) {
        return;
    }
    m_meeting_read = true;
    std::string text(m_text);
    static const std::regex met(
        R"(((?:[A-Z0-9][\w.'-]*\s+)*?(?:[A-Z0-9][\w.'-]*))(?:\s+\(([A-Z][A-Za-z0-9]*[A-Z0-9])\))?\s+(?:met|was held|convened|held its)\b)");
    std::smatch m;
    if (std::regex_search(text, m, met)) {
        std::string name = lower(m.str(1));
        if (name.rfind("the ", 0) == 0) {
            name.erase(0, 4);
        }
        m_meeting_names.push_back(name);
        if (m[2].matched) {
            m_meeting_names.push_back(lower(m.str(2)));
        }
    }
    // "convened by Malaysia, in its capacity as Chair", "chaired by Japan", "under the
    // chairmanship of Viet Nam": the one chair.
    static const std::regex chair(
        R"((?:(?:^|[^-\w])(?:chaired|convened) by|under the chairmanship of) ([^.;,]*))", std::regex::icase);
    if (std::regex_search(text, m, chair)) {
        m_chair = parties_named(m.str(1));
    }
    static const std::regex by(R"(co-chaired by ([^.;]*))", std::regex::icase);
    static const std::regex before(R"(([^.;]*?)\s+co-chaired\s+(?:the|this)\b)", std::regex::icase);
    std::string who;
    if (std::regex_search(text, m, by)) {
        who = m.str(1);
        static const std::regex attended(R"(,?\s+(?:and\s+)?(?:was\s+)?attended\b.*)", std::regex::icase);
        who = std::regex_replace(who, attended, "");
    } else if (std::regex_search(text, m, before)) {
        who = m.str(1);
    }
    // A co-chair "as" another party's chair or coordinator acts for that party ("co-chaired by
    // Thailand, as ASEAN coordinator, and the European Union": ASEAN and the EU).
    std::size_t from = 0;
    for (std::size_t comma = 0; from <= who.size(); from = comma + 1) {
        comma = std::min(who.find(',', from), who.size());
        std::string seg = who.substr(from, comma - from);
        seg.erase(0, std::min(seg.find_first_not_of(' '), seg.size()));
        auto named = parties_named(seg);
        if (lower(seg).rfind("as ", 0) == 0 && !named.empty() && !m_cochairs.empty()) {
            m_cochairs.pop_back();
        }
        for (const auto &p : named) {
            if (std::find(m_cochairs.begin(), m_cochairs.end(), p) == m_cochairs.end()) {
                m_cochairs.push_back(p);
            }
        }
    }
}

// A subject that names the forum that met ("The CEG", "the Group" of "The G7 Cyber Expert Group
// met").
bool Drafter::meeting_forum(std::string_view subject) {
    read_meeting();
    std::string low = lower(subject);
    if (low.rfind("the ", 0) == 0) {
        low.erase(0, 4);
    }
    return !low.empty() && std::any_of(m_meeting_names.begin(), m_meeting_names.end(), [&](const std::string &n) {
        return n == low || (n.size() > low.size() && n.compare(n.size() - low.size(), low.size(), low) == 0 &&
                            n[n.size() - low.size() - 1] == ' ');
    });
}

// "Cyber Security Brunei", "the Brunei side", "Cyber Security Korea": a word that opens or ends
// the name of one of the statement's parties ("Brunei Darussalam", "Republic of Korea"), when
// no other party's name does.
std::string Drafter::party_by_first_word(const Token &t) const {
    static const std::vector<std::string_view> common = {"united", "new",    "republic", "people", "democratic",
                                                         "kingdom", "state", "states",   "south",  "north",
                                                         "federal", "islamic", "royal",  "the",
                                                         "union",   "federation", "confederation", "arab"};
    if (!t.capital || t.norm.size() < 4 || vocab::one_of(common, t.norm)) {
        return {};
    }
    std::string found;
    for (const auto &id : m_draft.parties.values) {
        const KnownParty *kp = m_k.party(id);
        if (!kp) {
            continue;
        }
        for (const std::string &n : {kp->name, kp->short_name}) {
            std::string first = lower(n.substr(0, n.find(' ')));
            std::string last = lower(n.substr(n.rfind(' ') + 1));
            if (n.find(' ') != std::string::npos && (first == t.norm || last == t.norm)) {
                if (!found.empty() && found != id) {
                    return {};
                }
                found = id;
            }
        }
    }
    return found;
}

void Drafter::actors_of(std::string_view sentence, const Reading &r, ListField &actors) {
    std::string_view subject = sentence.substr(r.subject.begin, r.subject.end - r.subject.begin);
    std::string_view reporter = sentence.substr(r.reporter.begin, r.reporter.end - r.reporter.begin);
    // "The Ministers endorsed X and committed to ...": the subject stops at its own verb.
    std::string head = lower(sentence.substr(0, r.cue.begin));
    while (!head.empty() && head.back() == ' ') {
        head.pop_back();
    }
    for (std::string_view adverb : {" also", " further"}) {
        if (ends_with(head, adverb)) {
            head.resize(head.size() - adverb.size());
        }
    }
    if (ends_with(head, " and") && !subject.empty()) {
        static const std::regex verb(R"(\s[a-z]{3,}ed\b)");
        std::smatch m;
        std::string s(subject);
        if (std::regex_search(s, m, verb) && m.position(0) > 0) {
            subject = subject.substr(0, static_cast<std::size_t>(m.position(0)));
        }
    }
    auto tokens = m_index.tokenize(subject);
    for (const auto &j : r.joined) {
        auto more = m_index.tokenize(sentence.substr(j.begin, j.end - j.begin));
        if (j.begin > r.cue.begin) {
            // After the verb ("will co-host, with the EU, ..."), only a party of the statement
            // joins: the statement speaks for its parties, not for a third ("with the Philippines").
            const auto &own = m_draft.parties.values;
            for (auto &t : more) {
                t.parties.erase(std::remove_if(t.parties.begin(), t.parties.end(),
                                               [&](const std::string &p) {
                                                   return std::find(own.begin(), own.end(), p) == own.end();
                                               }),
                                t.parties.end());
            }
        }
        tokens.insert(tokens.end(), more.begin(), more.end());
    }
    for (auto &tok : tokens) {
        if (tok.parties.empty()) {
            if (std::string id = demonym_party(tok); !id.empty()) {
                tok.parties.push_back(id);
            } else if (std::string def = defined_party(tok.raw); !def.empty()) {
                tok.parties.push_back(def);
            } else if (std::string first = party_by_first_word(tok); !first.empty()) {
                tok.parties.push_back(first);
            }
        }
    }
    // Unless the statement's only party is a state or its agency, an agency stands for its state
    // ("CSA and DICT will set up ..." in a Singapore-Philippines release; "together with the Cyber
    // Security Agency of Singapore" in an ARF summary).
    const auto &stated = m_draft.parties.values;
    const KnownParty *only = stated.size() == 1 ? m_k.party(stated.front()) : nullptr;
    bool one_state = only && (only->type == "state" || !state_of(only->id).empty());
    if (!stated.empty() && !one_state) {
        for (auto &tok : tokens) {
            for (auto &p : tok.parties) {
                if (std::string state = state_of(p); !state.empty()) {
                    p = state;
                }
            }
        }
    }
    std::vector<std::string> parties;
    std::vector<std::string> other;
    bool generic = false;
    bool modifier = false; // the previous token is a party or a generic word after one ("ASEAN Member States")
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const Token &t = tokens[k];
        for (const auto &p : t.parties) {
            if (std::find(parties.begin(), parties.end(), p) == parties.end()) {
                parties.push_back(p);
            }
        }
        if (!t.parties.empty()) {
            modifier = true;
            continue;
        }
        // "The two agencies", "both ministries": the statement's parties.
        // "The three CERTs": a count before the plural of an acronym too.
        static const std::vector<std::string_view> counts = {"two", "three", "four", "five", "both"};
        bool acronyms = t.raw.size() > 2 && t.raw.back() == 's' && is_acronym(t.raw.substr(0, t.raw.size() - 1));
        bool counted_body = k > 0 && vocab::one_of(counts, tokens[k - 1].norm) &&
                            (vocab::one_of(vocab::k_bodies, t.norm) || acronyms);
        if (generic_subject(t.norm) || counted_body || meeting_forum(t.raw)) {
            // "The Ministers and Japan" names the parties and Japan; "the Government of Japan",
            // "the Minister for Foreign Affairs of Singapore" name Japan and Singapore.
            bool of_party = false;
            for (std::size_t n = k + 1; n < tokens.size() && tokens[n].norm != "and"; ++n) {
                of_party = of_party || !tokens[n].parties.empty();
            }
            generic = generic || (!modifier && !of_party);
            continue;
        }
        modifier = false;
        if (!subject_filler(t.norm) && t.norm != "two" && t.norm != "in" && t.norm != "of" && t.norm != "charge") {
            other.push_back(t.raw);
        }
    }
    // For the comment: the subject without trailing "also", "further", ...
    std::string_view trimmed = subject;
    auto plain = m_index.tokenize(subject);
    for (auto t = plain.rbegin(); t != plain.rend() && t->parties.empty() && subject_filler(t->norm); ++t) {
        trimmed = subject.substr(0, t->begin);
    }
    while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == ',')) {
        trimmed.remove_suffix(1);
    }
    std::string shown(trimmed.empty() ? std::string_view("(none)") : trimmed);
    if (!r.joined.empty()) {
        for (const auto &j : r.joined) {
            shown += ", " + std::string(sentence.substr(j.begin, j.end - j.begin));
        }
    }
    std::string said = reporter.empty() ? "" : fmt::format(", reported by {}", quote(reporter));
    // "The Agency will ..." in an agency's own release: that agency.
    const auto &own = m_draft.parties.values;
    if (parties.empty() && own.size() == 1 && !state_of(own.front()).empty() && !plain.empty() &&
        vocab::one_of(vocab::k_agency_words, plain.back().norm) &&
        std::all_of(plain.begin(), plain.end() - 1, [](const Token &t) { return subject_filler(t.norm); })) {
        actors.values = own;
        actors.comments.push_back({fmt::format("the agency that issues the text (subject {})", quote(shown))});
        return;
    }
    read_meeting();
    std::string low = lower(subject);
    // "The Chair will transmit ...": the one party the text says chaired or convened the meeting.
    bool one_chair = std::any_of(plain.begin(), plain.end(), [](const Token &t) {
        return t.norm == "chair" || t.norm == "chairman" || t.norm == "chairperson";
    });
    if (parties.empty() && one_chair && m_chair.size() == 1 && low.find("co-chair") == std::string::npos) {
        actors.values = m_chair;
        actors.comments.push_back(
            {fmt::format("the party the text says chaired the meeting (subject {}{})", quote(shown), said)});
        return;
    }
    // "The Co-Chairs will report ...": the parties the text says co-chaired the meeting.
    if (parties.empty() && !m_cochairs.empty() && low.find("co-chair") != std::string::npos) {
        actors.values = m_cochairs;
        actors.comments.push_back(
            {fmt::format("the parties the text says co-chaired the meeting (subject {}{})", quote(shown), said)});
        return;
    }
    // "It will also offer ...", "... and announced that it would sponsor ...": "it" is the one
    // party that opens its sentence, or else the sentence before.
    if (parties.empty() && (low == "it" || low == "it also")) {
        std::string_view opener = sentence.substr(0, r.subject.begin);
        auto named = opening_parties(m_index.tokenize(opener).empty() ? std::string_view(m_previous) : sentence);
        if (named.size() == 1) {
            actors.values = named;
            actors.comments.push_back({fmt::format("named in the subject before {}", quote(shown))});
            return;
        }
    }
    if (!parties.empty() && generic && !m_draft.parties.values.empty()) {
        actors.values = m_draft.parties.values;
        for (const auto &p : parties) {
            if (std::find(actors.values.begin(), actors.values.end(), p) == actors.values.end()) {
                actors.values.push_back(p);
            }
        }
        actors.comments.push_back(
            {fmt::format("the statement's parties and those named in the subject {}{}", quote(shown), said)});
        return;
    }
    if (!parties.empty()) {
        actors.values = parties;
        actors.comments.push_back({fmt::format("named in the subject {}{}", quote(shown), said)});
        return;
    }
    if (!generic && !other.empty()) {
        actors.comments.push_back(
            {fmt::format("no actors: the subject {}{} {}", quote(shown), said,
                         m_k.available ? "names no party in the database" : "is not resolved (no database)"),
             true});
        return;
    }
    if (m_draft.parties.values.empty()) {
        actors.comments.push_back(
            {fmt::format("no actors: the subject {} stands for the statement's parties, which are not known",
                         quote(shown)),
             true});
        return;
    }
    actors.values = m_draft.parties.values;
    if (subject.empty()) {
        actors.comments.push_back({"the statement's parties (no subject: the verb opens the sentence)"});
        return;
    }
    // In an agency's own release, "the Minister", "she", "the Government" speak for its state.
    static const std::vector<std::string_view> state_people = {
        "minister", "ministers", "she", "he", "government", "president", "secretary", "ambassador", "spokesperson"};
    if (own.size() == 1 && !state_of(own.front()).empty() &&
        std::any_of(plain.begin(), plain.end(), [](const Token &t) { return vocab::one_of(state_people, t.norm); })) {
        actors.values = {state_of(own.front())};
        actors.comments.push_back(
            {fmt::format("the state of the agency that issues the text (subject {}{})", quote(shown), said)});
        return;
    }
    actors.comments.push_back({fmt::format("the statement's parties (subject {}{})", quote(shown), said)});
}

// The parties the subject that opens a sentence names ("The Cyber Security Agency of Singapore
// will host ...", "The Korean side briefed ..."), agencies for their states in a statement of
// more than one party.
std::vector<std::string> Drafter::opening_parties(std::string_view text) {
    std::vector<std::string> named;
    const auto &own = m_draft.parties.values;
    for (const auto &t : m_index.tokenize(text)) {
        if (!t.capital && !t.stop && t.norm != "of" && t.norm != "and" && !vocab::one_of(vocab::k_generic, t.norm)) {
            break; // the subject ends at its verb
        }
        std::vector<std::string> ids = t.parties;
        for (std::string id : {demonym_party(t), defined_party(t.raw)}) {
            if (ids.empty() && !id.empty()) {
                ids.push_back(id);
            }
        }
        for (auto p : ids) {
            std::string state = state_of(p);
            p = own.size() > 1 && !state.empty() ? state : p;
            if (std::find(named.begin(), named.end(), p) == named.end()) {
                named.push_back(p);
            }
        }
    }
    return named;
}

} // namespace accord::extract::detail
