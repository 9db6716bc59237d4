// Names in a text: the parties, titles and themes of the database (Knowledge, NameIndex).
#include "accord/extract/names.hpp"
#include "accord/extract/text.hpp"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>

namespace accord::extract {

namespace {

int kind_rank(Kind k) {
    switch (k) {
    case Kind::statement:
        return 0;
    case Kind::dialogue:
        return 1;
    case Kind::forum:
        return 2;
    default:
        return 3;
    }
}

bool small_word(std::string_view w) {
    static const std::string_view words[] = {
        "the",           "a",          "an",  "of",  "in",  "on",  "and", "for",   "to",   "with", "by",
        "from",          "as",         "or",  "do",  "not", "all", "its", "their", "into", "at",   "cyber",
        "cybersecurity", "cyberspace", "ict", "icts"};
    return std::find(std::begin(words), std::end(words), w) != std::end(words);
}

} // namespace

const KnownTitle *Knowledge::title_of(const std::string &id) const {
    for (const auto &t : titles) {
        if (t.id == id) {
            return &t;
        }
    }
    return nullptr;
}

const KnownParty *Knowledge::party(const std::string &id) const {
    for (const auto &p : parties) {
        if (p.id == id) {
            return &p;
        }
    }
    return nullptr;
}

Knowledge load_knowledge(Store &store) {
    Knowledge k;
    SQLite::Database &db = store.db();
    auto text = [](SQLite::Statement &q, int col) {
        return q.getColumn(col).isNull() ? std::string() : q.getColumn(col).getString();
    };
    {
        SQLite::Statement q(db, "SELECT id FROM record ORDER BY id");
        while (q.executeStep()) {
            k.ids.insert(q.getColumn(0).getString());
        }
    }
    {
        SQLite::Statement q(db, "SELECT id, name, short_name, type, country FROM party ORDER BY id");
        while (q.executeStep()) {
            k.parties.push_back({text(q, 0), text(q, 1), text(q, 2), text(q, 3), text(q, 4)});
        }
    }
    {
        SQLite::Statement q(db, "SELECT id, label, code FROM theme ORDER BY id");
        while (q.executeStep()) {
            k.themes.push_back({text(q, 0), text(q, 1), text(q, 2)});
        }
    }
    std::map<std::string, std::vector<std::string>> parties_of;
    {
        SQLite::Statement q(db, "SELECT record_id, party_id FROM record_party WHERE role = :role "
                                "ORDER BY record_id, pos");
        q.bind(":role", "parties");
        while (q.executeStep()) {
            parties_of[text(q, 0)].push_back(text(q, 1));
        }
    }
    auto add = [&](Kind kind, const char *sql) {
        SQLite::Statement q(db, sql);
        while (q.executeStep()) {
            KnownTitle t;
            t.kind = kind;
            t.id = text(q, 0);
            t.title = text(q, 1);
            t.date = text(q, 2);
            auto it = parties_of.find(t.id);
            if (it != parties_of.end()) {
                t.parties = it->second;
            }
            k.titles.push_back(std::move(t));
        }
    };
    add(Kind::statement, "SELECT id, title, date FROM statement ORDER BY id");
    add(Kind::dialogue, "SELECT id, title, date FROM dialogue ORDER BY id");
    add(Kind::forum, "SELECT id, name, NULL FROM forum ORDER BY id");
    add(Kind::program, "SELECT id, title, NULL FROM program ORDER BY id");
    k.available = !k.ids.empty();
    k.each_commitment = [&store](const Knowledge::CommitmentVisitor &visit) {
        SQLite::Statement q(store.db(), "SELECT statement_id, text FROM commitment ORDER BY statement_id, id");
        while (q.executeStep()) {
            visit(q.getColumn(0).getString(), q.getColumn(1).getString());
        }
    };
    return k;
}

NameIndex::NameIndex(const Knowledge &knowledge) {
    for (const auto &p : knowledge.parties) {
        for (const std::string *name : {&p.name, &p.short_name}) {
            if (name->empty()) {
                continue;
            }
            PartyName pn;
            pn.party = &p;
            pn.by_raw = is_acronym(*name);
            for (const auto &t : plain_words(*name)) {
                pn.words.push_back(pn.by_raw ? t.raw : t.norm);
            }
            if (!pn.words.empty()) {
                m_party_names.push_back(std::move(pn));
            }
            // "Lao PDR" is also "the Lao People's Democratic Republic".
            if (std::size_t at = name->find(" PDR"); at != std::string::npos && at + 4 == name->size()) {
                PartyName full;
                full.party = &p;
                for (const auto &t : plain_words(name->substr(0, at) + " People's Democratic Republic")) {
                    full.words.push_back(t.norm);
                }
                m_party_names.push_back(std::move(full));
            }
        }
    }
    // "Korea" for "Republic of Korea": a name that opens "Republic of" stands for its party
    // without those words too, when no other party's name holds what is left.
    for (const auto &p : knowledge.parties) {
        if (p.name.rfind("Republic of ", 0) != 0) {
            continue;
        }
        PartyName rest;
        rest.party = &p;
        for (const auto &t : plain_words(p.name.substr(12))) {
            rest.words.push_back(t.norm);
        }
        bool clash = rest.words.empty();
        for (const auto &o : m_party_names) {
            auto in = std::search(o.words.begin(), o.words.end(), rest.words.begin(), rest.words.end());
            clash = clash || (o.party != &p && in != o.words.end());
        }
        if (!clash) {
            m_party_names.push_back(std::move(rest));
        }
    }
    // "UK", "U.K.", "NZ": the initials of a name of two or three words in capitals ("United
    // Kingdom", "New Zealand"), small words left out, stand for it when no other party has them.
    std::map<std::string, const KnownParty *> initials;
    std::set<std::string> clash;
    for (const auto &p : knowledge.parties) {
        for (const std::string *name : {&p.name, &p.short_name}) {
            std::string letters;
            bool ok = !name->empty() && !is_acronym(*name) && name->find('-') == std::string::npos;
            int n = 0;
            for (const auto &t : plain_words(*name)) {
                if (t.stop) {
                    continue;
                }
                ok = ok && t.capital && !is_acronym(t.raw);
                letters += t.raw.empty() ? ' ' : t.raw[0];
                ++n;
            }
            if (!ok || n < 2 || n > 3) {
                continue;
            }
            auto [at, fresh] = initials.emplace(letters, &p);
            if (!fresh && at->second != &p) {
                clash.insert(letters);
            }
        }
    }
    for (const auto &[letters, party] : initials) {
        bool taken = clash.count(letters) > 0;
        for (const auto &pn : m_party_names) {
            taken = taken || (pn.words.size() == 1 && pn.by_raw && pn.words[0] == letters);
        }
        if (!taken) {
            PartyName pn;
            pn.party = party;
            pn.by_raw = true;
            pn.words.push_back(letters);
            m_party_names.push_back(std::move(pn));
        }
    }
    // Longest names first, so "United States of America" wins over "United States".
    std::stable_sort(m_party_names.begin(), m_party_names.end(),
                     [](const PartyName &a, const PartyName &b) { return a.words.size() > b.words.size(); });

    auto words_of = [&](std::string_view text) {
        std::vector<std::string> words;
        for (const auto &t : tokenize(text)) {
            if (!t.stop) {
                words.push_back(t.norm);
            }
        }
        return words;
    };
    for (const auto &t : knowledge.titles) {
        Variant full{&t, words_of(t.title), false, false};
        if (!full.words.empty()) {
            m_variants.push_back(full);
        }
        std::string base = t.title;
        std::size_t open = t.title.rfind(" (");
        if (open != std::string::npos && t.title.back() == ')') {
            base = t.title.substr(0, open);
            std::string inner = t.title.substr(open + 2, t.title.size() - open - 3);
            m_variants.push_back({&t, words_of(base), false, false});
            if (is_acronym(inner) && (t.kind == Kind::forum || t.kind == Kind::program)) {
                m_variants.push_back({&t, {inner}, true, false});
            }
        }
        if (t.kind == Kind::forum || t.kind == Kind::program) {
            auto words = words_of(base);
            for (std::size_t i = 3; i < words.size(); ++i) {
                if (words[i] == "on" || words[i] == "of" || words[i] == "for") {
                    m_variants.push_back({&t, std::vector<std::string>(words.begin(), words.begin() + i), false, true});
                    break;
                }
            }
        }
    }
    for (const auto &th : knowledge.themes) {
        ThemeKeys keys;
        keys.theme = &th;
        for (const auto &t : tokenize(th.label)) {
            std::string s = t.parties.empty() ? stem(t.norm) : t.norm;
            if (!small_word(t.norm) && std::find(keys.stems.begin(), keys.stems.end(), s) == keys.stems.end()) {
                keys.stems.push_back(s);
            }
        }
        if (keys.stems.size() >= 3) {
            keys.head = {keys.stems[0], keys.stems[1]};
        }
        if (!keys.stems.empty()) {
            m_themes.push_back(std::move(keys));
        }
    }
}

std::vector<Token> NameIndex::tokenize(std::string_view text) const {
    std::vector<Token> words = plain_words(text);
    std::vector<Token> folded;
    for (std::size_t i = 0; i < words.size();) {
        const PartyName *hit = nullptr;
        for (const auto &pn : m_party_names) {
            if (i + pn.words.size() > words.size()) {
                continue;
            }
            bool ok = true;
            for (std::size_t k = 0; k < pn.words.size() && ok; ++k) {
                const Token &w = words[i + k];
                ok = (pn.by_raw ? w.raw : w.norm) == pn.words[k] && (k == 0 || !w.hyphen_before);
            }
            if (ok) {
                hit = &pn;
                break;
            }
        }
        if (!hit) {
            folded.push_back(words[i]);
            ++i;
            continue;
        }
        Token t;
        t.begin = words[i].begin;
        t.end = words[i + hit->words.size() - 1].end;
        for (std::size_t k = 0; k < hit->words.size(); ++k) {
            t.raw += words[i + k].raw;
        }
        t.parties = {hit->party->id};
        t.norm = "@" + hit->party->id;
        t.hyphen_before = words[i].hyphen_before;
        t.capital = true;
        i += hit->words.size();
        // "U.S.-ASEAN": one token for the pair, the same whatever the order.
        if (t.hyphen_before && !folded.empty() && !folded.back().parties.empty()) {
            Token &prev = folded.back();
            prev.end = t.end;
            prev.raw += "-" + t.raw;
            for (const auto &p : t.parties) {
                if (std::find(prev.parties.begin(), prev.parties.end(), p) == prev.parties.end()) {
                    prev.parties.push_back(p);
                }
            }
            std::vector<std::string> sorted = prev.parties;
            std::sort(sorted.begin(), sorted.end());
            prev.norm.clear();
            for (const auto &p : sorted) {
                prev.norm += (prev.norm.empty() ? "@" : "+@") + p;
            }
            continue;
        }
        folded.push_back(std::move(t));
    }
    return folded;
}

std::vector<NameMatch> NameIndex::find_names(const std::vector<Token> &tokens, KindSet kinds) const {
    std::vector<std::size_t> at; // indices of the non-stop tokens
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!tokens[i].stop) {
            at.push_back(i);
        }
    }
    struct Candidate {
        const Variant *variant;
        std::size_t start; // in `at`
    };
    std::vector<Candidate> candidates;
    for (const auto &v : m_variants) {
        if ((kinds & kind_bit(v.record->kind)) == 0 || v.words.size() > at.size()) {
            continue;
        }
        for (std::size_t s = 0; s + v.words.size() <= at.size(); ++s) {
            bool ok = true;
            for (std::size_t k = 0; k < v.words.size() && ok; ++k) {
                const Token &t = tokens[at[s + k]];
                ok = (v.by_raw ? t.raw : t.norm) == v.words[k];
            }
            if (ok) {
                candidates.push_back({&v, s});
            }
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        if (a.variant->words.size() != b.variant->words.size()) {
            return a.variant->words.size() > b.variant->words.size();
        }
        if (a.variant->partial != b.variant->partial) {
            return !a.variant->partial;
        }
        if (kind_rank(a.variant->record->kind) != kind_rank(b.variant->record->kind)) {
            return kind_rank(a.variant->record->kind) < kind_rank(b.variant->record->kind);
        }
        return a.start < b.start;
    });
    std::vector<bool> used(at.size(), false);
    std::vector<NameMatch> out;
    for (const auto &c : candidates) {
        std::size_t n = c.variant->words.size();
        bool free = true;
        for (std::size_t k = 0; k < n && free; ++k) {
            free = !used[c.start + k];
        }
        if (!free) {
            continue;
        }
        for (std::size_t k = 0; k < n; ++k) {
            used[c.start + k] = true;
        }
        NameMatch m;
        m.record = c.variant->record;
        m.first = at[c.start];
        m.last = at[c.start + n - 1];
        m.begin = tokens[m.first].begin;
        m.end = tokens[m.last].end;
        m.partial = c.variant->partial;
        out.push_back(m);
    }
    std::sort(out.begin(), out.end(), [](const NameMatch &a, const NameMatch &b) { return a.first < b.first; });
    return out;
}

std::vector<const KnownTheme *>
NameIndex::find_themes(const std::vector<Token> &tokens,
                       const std::vector<std::pair<std::size_t, std::size_t>> &masked) const {
    std::map<std::string, std::size_t> first;                 // stem -> first token index
    std::vector<std::pair<std::string, std::size_t>> content; // stems of the words that count, in order
    std::vector<std::string> norms;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token &t = tokens[i];
        norms.push_back(t.norm);
        bool hidden = std::any_of(masked.begin(), masked.end(),
                                  [&](const auto &r) { return t.begin >= r.first && t.end <= r.second; });
        if (hidden) {
            continue;
        }
        std::string s = t.parties.empty() ? stem(t.norm) : t.norm;
        first.emplace(s, i);
        if (!small_word(t.norm)) {
            content.emplace_back(s, i);
        }
    }
    std::vector<std::pair<std::size_t, const KnownTheme *>> found;
    for (const auto &keys : m_themes) {
        std::size_t pos = tokens.size();
        bool all = true;
        for (const auto &s : keys.stems) {
            auto it = first.find(s);
            if (it == first.end()) {
                all = false;
                break;
            }
            pos = std::min(pos, it->second);
        }
        if (!all && !keys.head.empty()) {
            for (std::size_t i = 0; i + 1 < content.size(); ++i) {
                if (content[i].first == keys.head[0] && content[i + 1].first == keys.head[1]) {
                    all = true;
                    pos = content[i].second;
                    break;
                }
            }
        }
        if (!all) {
            continue;
        }
        if (!keys.theme->code.empty()) {
            bool cited = first.count("norm") != 0;
            auto code = plain_words(keys.theme->code);
            for (std::size_t i = 0; !cited && i + code.size() <= norms.size(); ++i) {
                bool ok = !code.empty();
                for (std::size_t k = 0; k < code.size() && ok; ++k) {
                    ok = norms[i + k] == code[k].norm;
                }
                cited = ok;
            }
            if (!cited) {
                continue;
            }
        }
        found.emplace_back(pos, keys.theme);
    }
    std::stable_sort(found.begin(), found.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    std::vector<const KnownTheme *> out;
    for (const auto &f : found) {
        out.push_back(f.second);
    }
    return out;
}

} // namespace accord::extract
