// Actors of a commitment: the parties its subject names (agencies for their states), else the statement's.
#include "drafter.hpp"
#include "vocabulary.hpp"

#include <fmt/format.h>

#include <algorithm>
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
        static const std::regex defined(R"(\(([A-Z][A-Za-z]*[A-Z])\))");
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
                agency = agency || std::find(vocab::k_agency_words.begin(), vocab::k_agency_words.end(), t.norm) !=
                                       vocab::k_agency_words.end();
                if (party.empty() && !t.parties.empty()) {
                    party = t.parties.front();
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
            if (agency && !party.empty()) {
                m_defined.emplace(it->str(1), state_of(party).empty() ? party : state_of(party));
            }
        }
    }
    auto it = m_defined.find(acronym);
    return it == m_defined.end() ? std::string() : it->second;
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
    // "the Japanese delegation": an adjective that stands for a party.
    auto demonym = [&](const Token &tok) -> std::string {
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
    };
    for (auto &tok : tokens) {
        if (tok.parties.empty()) {
            if (std::string id = demonym(tok); !id.empty()) {
                tok.parties.push_back(id);
            } else if (std::string def = defined_party(tok.raw); !def.empty()) {
                tok.parties.push_back(def);
            }
        }
    }
    // In a statement between states, an agency stands for its state when that state is one of
    // the statement's parties ("CSA and DICT will set up ..." in a Singapore-Philippines release).
    const auto &stated = m_draft.parties.values;
    if (stated.size() >= 2) {
        for (auto &tok : tokens) {
            for (auto &p : tok.parties) {
                std::string state = state_of(p);
                if (!state.empty() && std::find(stated.begin(), stated.end(), state) != stated.end()) {
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
        bool counted_body = k > 0 && (tokens[k - 1].norm == "two" || tokens[k - 1].norm == "both" ||
                                      tokens[k - 1].norm == "three") &&
                            std::find(vocab::k_bodies.begin(), vocab::k_bodies.end(), t.norm) != vocab::k_bodies.end();
        if (generic_subject(t.norm) || counted_body) {
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
    actors.comments.push_back({fmt::format("the statement's parties (subject {}{})", quote(shown), said)});
}

} // namespace accord::extract::detail
