// The records a text names: references of participial clauses, documents, forums, programs.
#include "drafter.hpp"
#include "vocabulary.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace accord::extract::detail {

namespace {

const std::string_view k_connectors[] = {"of", "on", "and", "for", "in", "to"};

template <std::size_t N> bool one_of(const std::string_view (&words)[N], std::string_view w) {
    return std::find(std::begin(words), std::end(words), w) != std::end(words);
}

} // namespace

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
        if (n < covered_to || in_match(n) || !tokens[n].capital || std::find(vocab::k_document_nouns.begin(), vocab::k_document_nouns.end(), tokens[n].norm) ==
                                                                            vocab::k_document_nouns.end()) {
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

void Drafter::clause_references(const Sentence &s, const Reading &a) {
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

} // namespace accord::extract::detail
