// The statement's title: its heading (on one line or two), else a readout's meeting; title case.
#include "drafter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <regex>

namespace accord::extract::detail {

namespace {

std::string basename(std::string_view path) {
    std::size_t slash = path.find_last_of('/');
    return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// Written in capitals: no two lower-case letters in a row ("USE OF ICTs" is).
bool capitals(std::string_view s) {
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        if (std::islower(static_cast<unsigned char>(s[i])) && std::islower(static_cast<unsigned char>(s[i + 1]))) {
            return false;
        }
    }
    return true;
}

// Lines that head a web page or a release but name no statement.
bool boilerplate(std::string_view line) {
    static const std::regex re(
        R"(^(office of the spokesperson|media note|media release|press release|news release|for immediate release|transcript|fact sheet|~+|-+|\*+|_+|#+)\s*$)",
        std::regex::icase);
    std::string l(line);
    return std::regex_match(l, re) || starts_with_words(lower(line), "source") ||
           starts_with_words(lower(line), "issued by") || starts_with_words(lower(line), "published by");
}

// A line that only says what kind of document follows ("Joint Press Statement").
bool type_phrase(std::string_view line) {
    static const std::regex re(
        R"(^((joint|co-chairs['’]?|chairman['’]?s|chair['’]?s|leaders['’]?|ministers['’]?)\s+)?((press|media)\s+)?(statement|release|readout|communiqu[eé]|declaration|summary|summary report|report)\s*:?\s*$)",
        std::regex::icase);
    return std::regex_match(std::string(line), re);
}

bool document_or_meeting_noun(std::string_view line) {
    static const std::regex re(
        R"(\b(statement|declaration|communiqu|readout|release|dialogue|meeting|summit|conference|consultation|talks|forum|plan|report|summary)\w*\b)",
        std::regex::icase);
    return std::regex_search(std::string(line), re);
}

// "Manila, the Philippines", "New Delhi": a short line naming a place.
bool place_line(std::string_view line) {
    int n = word_count(line);
    return !document_or_meeting_noun(line) && n <= 6 && (line.find(',') != std::string_view::npos || n <= 3);
}

bool connector_start(std::string_view line) {
    static const std::string_view words[] = {"of", "on",  "for",     "and",  "at", "in",
                                             "to", "the", "between", "with", "by"};
    std::string l = lower(line);
    if (!line.empty() && std::islower(static_cast<unsigned char>(line[0]))) {
        return true;
    }
    return std::any_of(std::begin(words), std::end(words), [&](std::string_view w) { return starts_with_words(l, w); });
}

bool connector_end(std::string_view line) {
    static const std::string_view words[] = {" of", " on",  " for",     " and",  " at", " in",
                                             " to", " the", " between", " with", " by", "-"};
    std::string l = lower(line);
    // "JOINT STATEMENT OF THE FOURTH" / "ASEAN-CHINA CYBER DIALOGUE": an ordinal after "the".
    static const std::regex ordinal(R"(\bthe\s+(\w+)$)");
    std::smatch m;
    if (std::regex_search(l, m, ordinal) && ordinal_number(m.str(1)) != m.str(1)) {
        return true;
    }
    return std::any_of(std::begin(words), std::end(words), [&](std::string_view w) {
        return l.size() >= w.size() && l.compare(l.size() - w.size(), w.size(), w) == 0;
    });
}

std::string body_text(const Layout &layout) {
    std::string all;
    for (const auto &s : layout.sentences) {
        all += s.text + " ";
    }
    return all;
}

} // namespace

void Drafter::decide_title(const Layout &layout) {
    if (!m_request.title.empty()) {
        m_draft.title.value = m_request.title;
        return;
    }
    // Heading lines, joined where one runs on into the next (a heading on two lines).
    struct Group {
        std::string text;
        std::vector<int> lines;
    };
    std::vector<Group> groups;
    int previous = -10;
    for (const auto &l : layout.header) {
        bool dateline = (find_date(l.text) || find_date_in_words(l.text)) && word_count(l.text) <= 12;
        bool sentence = !l.text.empty() && (l.text.back() == '.' || l.text.back() == ':' || l.text.back() == ';');
        if (dateline || sentence || boilerplate(l.text) || place_line(l.text)) {
            previous = -10;
            continue;
        }
        if (l.number == previous + 1 && !groups.empty()) {
            Group &g = groups.back();
            if (connector_start(l.text) || connector_end(g.text)) {
                g.text += " " + l.text;
                g.lines.push_back(l.number);
                previous = l.number;
                continue;
            }
            if (type_phrase(g.text)) {
                std::string head = g.text;
                while (!head.empty() && (head.back() == ':' || head.back() == ' ')) {
                    head.pop_back();
                }
                g.text = head + ": " + l.text;
                g.lines.push_back(l.number);
                previous = l.number;
                continue;
            }
        }
        groups.push_back({l.text, {l.number}});
        previous = l.number;
    }
    // A line that only says what kind of document it is ("Readout") is no title by itself.
    std::string kind;
    for (const auto &g : groups) {
        if (g.lines.size() == 1 && type_phrase(g.text) && kind.empty()) {
            kind = g.text;
            while (!kind.empty() && (kind.back() == ':' || kind.back() == ' ')) {
                kind.pop_back();
            }
        }
    }
    groups.erase(std::remove_if(groups.begin(), groups.end(),
                                [](const Group &g) { return g.lines.size() == 1 && type_phrase(g.text); }),
                 groups.end());
    const Group *best = nullptr;
    for (const auto &g : groups) {
        if (!best || word_count(g.text) > word_count(best->text)) {
            best = &g;
        }
    }
    if (best) {
        std::string title = best->text;
        bool in_capitals = capitals(title);
        if (in_capitals) {
            title = title_case(title, body_text(layout));
        }
        m_draft.title.value = title;
        std::vector<std::string> numbers;
        for (int n : best->lines) {
            m_used_lines.insert(n);
            numbers.push_back(std::to_string(n));
        }
        m_draft.title.comments.push_back(
            {fmt::format("from {} {}, {} before the first paragraph{}", numbers.size() > 1 ? "lines" : "line",
                         join(numbers, " and "), numbers.size() > 1 ? "a heading on two lines" : "a heading",
                         in_capitals ? ", in title case" : ""),
             true});
        return;
    }
    // A readout without a heading: the meeting its first sentence says was held (or met for).
    if (!layout.sentences.empty()) {
        static const std::regex held(
            R"((?:\b(?:held|convened|hosted|concluded|co-chaired|chaired|for|attended)\s+the\s+)"
            R"((?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|next|latest|\d+(?:st|nd|rd|th))\s+)"
            R"((?:round|meeting|session|edition)\s+of\s+the\s+)?|^The\s+))"
            R"(((?:inaugural\s+)?[A-Z0-9][\w.'’-]*\s+(?:(?:[A-Z0-9][\w.'’-]*|and|of|on|for)\s+){0,10}?)"
            R"((?:Dialogue|Meeting|Consultations?|Conference|Summit|Talks|Forum|Session))\b)");
        std::smatch m;
        const std::string &first = layout.sentences.front().text;
        if (std::regex_search(first, m, held)) {
            std::string head = kind.empty() ? std::string("Readout") : kind;
            if (capitals(head)) {
                head = title_case(head, "");
            }
            m_draft.title.value = head + " of the " + m.str(1);
            m_draft.title.comments.push_back(
                {fmt::format("no heading in the text: the meeting its first sentence names ({}); "
                             "write the statement's title (or give --title)",
                             quote(m.str(0))),
                 true});
            return;
        }
    }
    m_draft.title.value = fmt::format("Untitled statement ({})", basename(m_draft.source_name));
    m_draft.title.comments.push_back({"no heading in the text: write the statement's title (or give --title)", true});
}

} // namespace accord::extract::detail

namespace accord::extract {

namespace {

bool alpha(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) != 0;
}

} // namespace

std::string title_case(std::string_view heading, std::string_view body) {
    std::set<std::string> capitals; // words the body writes in capitals
    {
        std::string cur;
        auto flush = [&] {
            bool upper = cur.size() >= 2 &&
                         std::none_of(cur.begin(), cur.end(),
                                      [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0; }) &&
                         std::any_of(cur.begin(), cur.end(), alpha);
            if (upper) {
                capitals.insert(cur);
            }
            cur.clear();
        };
        for (char c : body) {
            if (std::isalnum(static_cast<unsigned char>(c))) {
                cur += c;
            } else {
                flush();
            }
        }
        flush();
        // "SINGAPORE" in a dateline is no acronym when the body also writes "Singapore".
        for (auto it = capitals.begin(); it != capitals.end();) {
            std::string word = lower(*it);
            word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
            bool written = false;
            for (std::size_t at = body.find(word); at != std::string_view::npos && !written;
                 at = body.find(word, at + 1)) {
                std::size_t end = at + word.size();
                written = (at == 0 || !std::isalnum(static_cast<unsigned char>(body[at - 1]))) &&
                          (end >= body.size() || !std::isalnum(static_cast<unsigned char>(body[end])));
            }
            it = written ? capitals.erase(it) : std::next(it);
        }
    }
    static const std::set<std::string> small = {"a",  "an", "and", "as", "at",  "between", "by",   "for",  "from",
                                                "in", "of", "on",  "or", "the", "to",      "with", "into", "upon"};
    std::string out;
    std::size_t i = 0;
    bool first = true;
    while (i < heading.size()) {
        if (!std::isalnum(static_cast<unsigned char>(heading[i]))) {
            out += heading[i++];
            continue;
        }
        std::size_t b = i;
        while (i < heading.size() && std::isalnum(static_cast<unsigned char>(heading[i]))) {
            ++i;
        }
        std::string w(heading.substr(b, i - b));
        bool after_apostrophe =
            b > 0 && (heading[b - 1] == '\'' || (b >= 3 && heading.compare(b - 3, 3, "\u2019") == 0));
        std::string l = lower(w);
        if (after_apostrophe) {
            out += l; // "CHAIRMAN'S" -> "Chairman's"
        } else if (capitals.count(w) != 0 ||
                   (w.size() >= 3 && w.back() == 's' && std::all_of(w.begin(), w.end() - 1, [](char c) {
                        return std::isupper(static_cast<unsigned char>(c)) != 0;
                    }))) {
            out += w; // an acronym, or its plural ("ICTs")
        } else if (!first && small.count(l) != 0 && (b == 0 || heading[b - 1] == ' ')) {
            out += l;
        } else {
            out += l;
            out[out.size() - l.size()] =
                static_cast<char>(std::toupper(static_cast<unsigned char>(out[out.size() - l.size()])));
        }
        first = false;
    }
    return out;
}

} // namespace accord::extract
