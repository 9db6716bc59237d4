// The statement's parties: given, those of its dialogue, those it names (title, "We, the ...",
// the agency that issues it, the first paragraph).
#include "drafter.hpp"
#include "vocabulary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <regex>

namespace accord::extract::detail {

std::vector<std::string> Drafter::parties_named(std::string_view text) const {
    static const std::string_view program_nouns[] = {"programme",  "program",  "centre",  "center",     "fund",
                                                     "initiative", "project",  "network", "series",     "academy",
                                                     "fellowship", "exercise", "drill",   "partnership", "forum",
                                                     "area",       "zone"};
    auto tokens = m_index.tokenize(text);
    std::vector<bool> skip(tokens.size(), false);
    // The parties inside the name of a program or forum ("ASEAN Cyber Talent Programme", "ASEAN
    // Regional Forum") are not its parties.
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        bool noun =
            std::find(std::begin(program_nouns), std::end(program_nouns), tokens[i].norm) != std::end(program_nouns);
        if (!noun || !tokens[i].capital) {
            continue;
        }
        for (std::size_t k = i; k-- > 0;) {
            if (!tokens[k].capital) {
                break;
            }
            // A forum of a pair ("ASEAN-European Union Regional Forum") is the pair's.
            skip[k] = tokens[i].norm != "forum" || tokens[k].parties.size() < 2;
            if (!tokens[k].parties.empty()) {
                break;
            }
        }
    }
    // Where it was held is no party of it: "in Singapore", "at Jakarta, Indonesia", "held in Siem
    // Reap, Cambodia" (a party named elsewhere in the text still counts there).
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].parties.empty() || tokens[i].hyphen_before) {
            continue;
        }
        std::size_t k = i;
        while (k > 0 && tokens[k - 1].stop) {
            --k;
        }
        if (k > 0 && text.substr(tokens[k - 1].end, tokens[i].begin - tokens[k - 1].end).find(',') != std::string_view::npos) {
            while (k > 0 && tokens[k - 1].capital && tokens[k - 1].parties.empty()) {
                --k; // the city before its country
            }
        }
        if (k > 0 && (tokens[k - 1].norm == "in" || tokens[k - 1].norm == "at")) {
            skip[i] = true;
        }
    }
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        for (const auto &p : tokens[i].parties) {
            const KnownParty *kp = m_k.party(p);
            bool principal = kp && (kp->type == "state" || kp->type == "regional-organisation" ||
                                    kp->type == "international-organisation");
            if (!skip[i] && principal && std::find(ids.begin(), ids.end(), p) == ids.end()) {
                ids.push_back(p);
            }
        }
    }
    return ids;
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
    // (Not from an "Untitled statement (FILE)": a file name is no title.)
    if (!m_draft.title.value.empty() && m_draft.title.value.rfind("Untitled statement (", 0) != 0) {
        f.values = parties_named(m_draft.title.value);
    }
    // "We, the Ministers ... of ASEAN, the People's Republic of China, Japan and the Republic of
    // Korea, ... hereby:": a declaration names who declares; it wins when it names the title's
    // parties and more ("ASEAN Plus Three").
    for (const auto &s : layout.sentences) {
        if (lower(s.text).rfind("we, the ", 0) != 0) {
            continue;
        }
        // Up to where the list of names ends (", meeting in Singapore", ", on the occasion of").
        static const std::regex where(R"(,\s+(?!the\b|and\b)[a-z])");
        std::smatch m;
        std::string who = std::regex_search(s.text, m, where) ? m.prefix().str() : s.text;
        auto named = parties_named(who);
        auto in_named = [&](const std::string &p) { return std::find(named.begin(), named.end(), p) != named.end(); };
        bool wider = named.size() > f.values.size() && std::all_of(f.values.begin(), f.values.end(), in_named);
        if (wider) {
            f.values = named;
            f.comments.push_back({fmt::format("the states and organisations that {} names", place(s)), true});
            return;
        }
        break;
    }
    std::string first;
    for (const auto &s : layout.sentences) {
        if (s.block == 0) {
            first += s.text + " ";
        }
    }
    // "The Republic of Korea (ROK) and the Republic of Indonesia held the 3rd Korea-Indonesia
    // ...": the subject that opens the first paragraph names who met; it wins when it names two
    // parties or more, among them all the title's (a title may name a party in a form the
    // database lacks, or name the meeting only).
    if (!layout.sentences.empty() && layout.sentences.front().block == 0) {
        const std::string &opening = layout.sentences.front().text;
        std::size_t end = opening.size();
        for (const auto &t : m_index.tokenize(opening)) {
            if (!t.capital && !t.stop && t.norm != "of" && t.norm != "and") {
                end = t.begin;
                break;
            }
        }
        auto named = parties_named(opening.substr(0, end));
        auto in_named = [&](const std::string &p) { return std::find(named.begin(), named.end(), p) != named.end(); };
        if (named.size() >= 2 && named.size() > f.values.size() && std::all_of(f.values.begin(), f.values.end(), in_named)) {
            f.values = named;
            f.comments.push_back({"the states and organisations that open the first paragraph", true});
            return;
        }
    }
    // An agency's own release ("Issued by the Cyber Security Agency of Singapore"): the one
    // agency that issues it, when the title names no other party than its state; an agency the
    // database does not hold ("Source - National Cyber Security Agency (NACSA), Malaysia"): its
    // state.
    for (const auto *lines : {&layout.trailer, &layout.header}) {
        for (const auto &l : *lines) {
            auto issuer = source_line(l.text, true);
            if (!issuer || lower(*issuer).find(" and ") != std::string::npos) {
                continue;
            }
            std::vector<std::string> agencies;
            std::vector<std::string> states;
            bool agency_word = false;
            for (const auto &t : m_index.tokenize(*issuer)) {
                agency_word = agency_word || vocab::one_of(vocab::k_agency_words, t.norm);
                for (const auto &p : t.parties) {
                    agency_word = agency_word || !state_of(p).empty();
                    auto &into = state_of(p).empty() ? states : agencies;
                    if (std::find(into.begin(), into.end(), p) == into.end()) {
                        into.push_back(p);
                    }
                }
            }
            // "National Cyber Security Agency (NACSA), Malaysia": a name that another state's
            // agency bears is not that agency when the line names the state.
            if (states.size() == 1) {
                agencies.erase(std::remove_if(agencies.begin(), agencies.end(),
                                              [&](const std::string &a) { return state_of(a) != states.front(); }),
                               agencies.end());
            }
            // (Only when the first paragraph names no other party: a State Department readout
            // says "Source - U.S. Department of State" too.)
            auto in_first = parties_named(first);
            bool alone = states.size() == 1 && std::all_of(in_first.begin(), in_first.end(), [&](const std::string &p) {
                             return p == states.front();
                         });
            if (agencies.empty() && agency_word && states.size() == 1 && f.values.empty() && alone) {
                f.values = states;
                f.comments.push_back(
                    {fmt::format("the state of the agency that issues the text (line {})", l.number), true});
                return;
            }
            bool own = agencies.size() == 1 && lower(l.text).rfind("source", 0) != 0 && std::all_of(f.values.begin(), f.values.end(), [&](const std::string &p) {
                           return p == state_of(agencies.front());
                       });
            if (own) {
                f.values = agencies;
                f.comments.push_back({fmt::format("the agency that issues the text (line {})", l.number), true});
                return;
            }
        }
    }
    // A release under a headline (no kind of statement in its title) whose first sentence opens
    // with one agency ("The Cyber Security Agency of Singapore (CSA) convened ..."): that agency.
    if (m_draft.type.value.empty() && !layout.sentences.empty() && layout.sentences.front().block == 0) {
        std::string opening = layout.sentences.front().text;
        for (std::string_view dash : {" \u2013 ", " \u2014 ", " - "}) {
            if (std::size_t d = opening.find(dash); d != std::string::npos && d < 60) {
                opening.erase(0, d + dash.size());
            }
        }
        std::vector<std::string> agencies;
        for (const auto &t : m_index.tokenize(opening)) {
            if (!t.capital && !t.stop && t.norm != "of" && t.norm != "and") {
                break; // the subject ends at its verb
            }
            for (const auto &p : t.parties) {
                std::string a = state_of(p).empty() ? std::string() : p;
                if (std::find(agencies.begin(), agencies.end(), a) == agencies.end()) {
                    agencies.push_back(a);
                }
            }
            if (t.norm == "and") {
                agencies.push_back({});
            }
        }
        if (agencies.size() == 1 && !agencies.front().empty()) {
            f.values = agencies;
            f.comments.push_back({"the agency whose release it is (the subject of its first sentence)", true});
            return;
        }
    }
    if (!f.values.empty()) {
        f.comments.push_back({"the states and organisations named in the title", true});
        return;
    }
    // Those who attended or whose meeting it was beside ("... and attended by representatives of
    // the ASEAN Member States", "on the sidelines of the 59th ASEAN Foreign Ministers' Meeting")
    // are not the statement's parties, when two parties or more are named otherwise.
    static const std::regex attendees(
        R"(\b(?:attended by|on the (?:sidelines|margins) of|in the presence of|with the participation of)\b[^.;]*)");
    f.values = parties_named(std::regex_replace(first, attendees, ""));
    if (f.values.size() < 2) {
        f.values = parties_named(first);
    }
    if (!f.values.empty()) {
        f.comments.push_back({"the states and organisations named in the first paragraph", true});
        return;
    }
    f.comments.push_back({m_k.available ? "no parties found: give --parties"
                                        : "no parties: give --parties (no database to resolve names)",
                          true});
}

} // namespace accord::extract::detail
