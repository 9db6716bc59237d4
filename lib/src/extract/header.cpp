// The statement's fields but its title and parties: adopted_at, date, id, type, source, duplicates.
#include "drafter.hpp"
#include "vocabulary.hpp"

#include "accord/error.hpp"
#include "accord/model/id.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>

namespace accord::extract::detail {

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
        if (m_k.available && !m_k.party(p)) {
            std::vector<std::string_view> ids;
            for (const auto &q : m_k.parties) {
                ids.push_back(q.id);
            }
            std::string hint = did_you_mean(p, ids);
            throw UsageError(fmt::format("--parties: no party '{}' in the database{}", p,
                                         hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
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
    auto take = [&](const PartialDate &d, const std::string &where) {
        m_date = d.str();
        m_draft.date.comments.push_back(
            {fmt::format("from {}: the date the text carries, which may be that of its publication", where), true});
    };
    auto from_lines = [&](const std::vector<Line> &lines) {
        for (const auto &l : lines) {
            auto d = find_date(l.text);
            if (!d) {
                d = find_date_in_words(l.text);
            }
            if (d && word_count(l.text) <= 12) {
                m_used_lines.insert(l.number);
                take(*d, fmt::format("line {} {}", l.number, quote(l.text)));
                return true;
            }
        }
        return false;
    };
    if (from_lines(layout.header)) {
        return;
    }
    if (!layout.sentences.empty()) {
        std::string words;
        if (auto d = find_dateline(layout.sentences.front().text, &words)) {
            take(*d, fmt::format("the dateline {} of {}", quote(words), place(layout.sentences.front())));
            return;
        }
    }
    if (from_lines(layout.trailer)) {
        return;
    }
    // "Adopted in Kuala Lumpur ... this Twenty-Sixth Day of October ...", "Done at ... on ...".
    for (auto it = layout.sentences.rbegin(); it != layout.sentences.rend(); ++it) {
        std::string low = lower(it->text);
        bool closing = starts_with_words(low, "adopted") || starts_with_words(low, "done") ||
                       starts_with_words(low, "issued") || starts_with_words(low, "signed");
        if (!closing) {
            continue;
        }
        auto d = find_date(it->text);
        if (!d) {
            d = find_date_in_words(it->text);
        }
        if (d) {
            take(*d, fmt::format("{} {}", place(*it), quote(it->text, 50)));
            return;
        }
        break;
    }
    // "The Third ... Dialogue was held in Kuala Lumpur on 10 June 2025.", "On March 18, 2026, ...":
    // a full date in the first paragraph, outside a commitment, is the meeting's.
    for (const auto &s : layout.sentences) {
        if (s.block != 0) {
            break;
        }
        auto d = find_date(s.text);
        if (d && d->str().size() == 10 && !find_cue(s.text).found()) {
            m_date = d->str();
            m_draft.date.comments.push_back(
                {fmt::format("from {}: the date of the meeting the first paragraph tells of", place(s)), true});
            return;
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
        auto it = m_k.ids.lower_bound(id + ".c");
        return it != m_k.ids.end() && it->compare(0, id.size() + 2, id + ".c") == 0;
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
    std::vector<std::string> w;
    for (const auto &t : plain_words(m_draft.title.value)) {
        w.push_back(t.norm);
    }
    // The words in order, with at most one other word ("Joint Press Statement") between two.
    auto has = [&](std::initializer_list<std::string_view> seq) {
        for (std::size_t i = 0; i < w.size(); ++i) {
            std::size_t at = i;
            bool ok = true;
            bool first = true;
            for (auto s : seq) {
                auto same = [&](std::size_t k) {
                    return k < w.size() && w[k].compare(0, s.size(), s) == 0 &&
                           (s == "communiqu" || w[k].size() == s.size());
                };
                if (same(at)) {
                    ++at;
                } else if (!first && same(at + 1)) {
                    at += 2;
                } else {
                    ok = false;
                    break;
                }
                first = false;
            }
            if (ok) {
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

std::optional<std::string> source_line(const std::string &line, bool strict) {
    // strict: "Source" needs its separator and "issued by" none, so that a sentence that opens
    // with "Sources ..." names no publisher.
    static const std::regex loose(
        R"(^(?:source|published by|issued by)\s*(?::|-|\xE2\x80\x93|\xE2\x80\x94)?\s*(?:the\s+)?(.+)$)",
        std::regex::icase);
    static const std::regex tight(
        R"(^(?:(?:issued|published) by|source\s*(?:-|:|\xE2\x80\x93|\xE2\x80\x94))\s+(?:the\s+)?(.+)$)",
        std::regex::icase);
    std::smatch m;
    if (!std::regex_match(line, m, strict ? tight : loose)) {
        return std::nullopt;
    }
    return m.str(1);
}

void Drafter::decide_source(const Layout &layout) {
    for (const auto *lines : {&layout.trailer, &layout.header}) {
        for (const auto &l : *lines) {
            if (auto publisher = source_line(l.text, false)) {
                m_draft.source_publisher.value = *publisher;
                m_used_lines.insert(l.number);
                m_draft.source_publisher.comments.push_back(
                    {fmt::format("from line {} {}", l.number, quote(l.text)), true});
                return;
            }
        }
    }
}

void Drafter::find_duplicate() {
    if (!m_k.available) {
        return;
    }
    std::string found;
    std::string why;
    // The same title and date.
    auto words = [&](std::string_view title) {
        std::vector<std::string> out;
        for (const auto &t : m_index.tokenize(title)) {
            if (!t.stop) {
                out.push_back(t.norm);
            }
        }
        return out;
    };
    auto mine = words(m_draft.title.value);
    for (const auto &t : m_k.titles) {
        if (t.kind == Kind::statement && t.date == m_date && words(t.title) == mine) {
            found = t.id;
            why = "the same title and date";
            break;
        }
    }
    // The same commitments: half of the draft's texts or more are those of one statement.
    if (found.empty() && m_k.each_commitment && !m_draft.commitments.empty()) {
        // Letters and digits in lower case, one space between words: cheap enough for every
        // commitment of a large database.
        auto norm = [](std::string_view text) {
            std::string out;
            out.reserve(text.size());
            bool space = false;
            for (std::size_t i = 0; i < text.size(); ++i) {
                char ch = text[i];
                auto c = static_cast<unsigned char>(ch);
                if (text.compare(i, 3, "\u2019") == 0 || text.compare(i, 3, "\u2018") == 0) {
                    i += 2; // an apostrophe, as "'"
                    continue;
                }
                if (c == 0xE2) { // other general punctuation: quotes, dashes
                    i += 2;
                    space = true;
                    continue;
                }
                if (std::isalnum(c) || c >= 0x80) {
                    if (space && !out.empty()) {
                        out += ' ';
                    }
                    space = false;
                    out += static_cast<char>(std::tolower(c));
                } else if (ch != '\'' && ch != '.') {
                    space = true;
                }
            }
            return out;
        };
        std::map<std::string, int> texts;
        for (const auto &c : m_draft.commitments) {
            ++texts[norm(c.text)];
        }
        std::map<std::string, int> shared;
        m_k.each_commitment([&](const std::string &statement, const std::string &text) {
            if (texts.count(norm(text)) != 0) {
                ++shared[statement];
            }
        });
        int n = static_cast<int>(m_draft.commitments.size());
        for (const auto &[statement, count] : shared) {
            if (2 * count >= n && (count >= 2 || n == 1) && statement != m_draft.id.value) {
                found = statement;
                why = fmt::format("{} of the draft's {} commitments have its texts", std::min(count, n), n);
                break;
            }
        }
    }
    if (found.empty() || found == m_draft.id.value) {
        return;
    }
    m_draft.id.comments.push_back(
        {fmt::format("the database already holds this statement as {} ({}): importing the draft adds a second "
                     "copy; to revise that record, draft with --id {}",
                     found, why, found),
         true});
    m_draft.warnings.push_back(fmt::format("the database already holds this statement as {} ({}); importing the "
                                           "draft would add a second copy: to revise that record, draft with --id {}",
                                           found, why, found));
}

} // namespace accord::extract::detail
