// The layout of a statement's text: lines into header, paragraphs, list items and trailer; sentences.
#include "accord/extract/text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>

namespace accord::extract {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string trim(std::string_view s) {
    std::size_t b = 0;
    std::size_t e = s.size();
    while (b < e && is_space(s[b])) {
        ++b;
    }
    while (e > b && is_space(s[e - 1])) {
        --e;
    }
    return std::string(s.substr(b, e - b));
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (is_space(c)) {
            space = !out.empty();
            continue;
        }
        if (space) {
            out += ' ';
            space = false;
        }
        out += c;
    }
    return out;
}

// Closing quotes and brackets that may follow the end of a sentence; returns their length at i.
std::size_t closer_at(std::string_view s, std::size_t i) {
    if (i >= s.size()) {
        return 0;
    }
    char c = s[i];
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
        return 1;
    }
    if (s.compare(i, 3, "\u201d") == 0 || s.compare(i, 3, "\u2019") == 0) {
        return 3;
    }
    return 0;
}

// Can a sentence start at i? A capital, a digit, an opening quote or bracket, a non-ASCII letter.
bool sentence_start_at(std::string_view s, std::size_t i) {
    if (i >= s.size()) {
        return false;
    }
    auto c = static_cast<unsigned char>(s[i]);
    if (std::isupper(c) || std::isdigit(c) || c == '"' || c == '(' || c == '\'') {
        return true;
    }
    if (s.compare(i, 3, "\u201c") == 0 || s.compare(i, 3, "\u2018") == 0) {
        return true;
    }
    return c >= 0x80 && s.compare(i, 3, "\u2013") != 0 && s.compare(i, 3, "\u2014") != 0;
}

const std::string_view k_abbreviations[] = {"mr",   "mrs",   "ms",  "dr",   "st",  "no",  "nos", "art",    "arts",
                                            "para", "paras", "vol", "fig",  "jan", "feb", "mar", "apr",    "jun",
                                            "jul",  "aug",   "sep", "sept", "oct", "nov", "dec", "mon",    "tue",
                                            "wed",  "thu",   "fri", "sat",  "sun", "vs",  "cf",  "approx", "ref"};

// Is the word that ends just before the period at `dot` an abbreviation?
bool abbreviation_before(std::string_view s, std::size_t dot) {
    std::size_t b = dot;
    while (b > 0 && !is_space(s[b - 1])) {
        --b;
    }
    std::string_view word = s.substr(b, dot - b);
    // Leading quotes and brackets are not part of the word.
    while (!word.empty() && (word.front() == '(' || word.front() == '"' || word.front() == '\'')) {
        word.remove_prefix(1);
    }
    if (word.empty()) {
        return false;
    }
    if (word.find('.') != std::string_view::npos) {
        return true; // U.S., e.g., U.S.-ASEAN
    }
    if (word.size() == 1 && std::isalpha(static_cast<unsigned char>(word[0]))) {
        return true;
    }
    std::string w = lower(word);
    return std::find(std::begin(k_abbreviations), std::end(k_abbreviations), w) != std::end(k_abbreviations);
}

bool ends_like_sentence(std::string_view text) {
    std::string t = trim(text);
    // Drop closing quotes and brackets.
    while (!t.empty()) {
        std::size_t n = 0;
        if (t.size() >= 3) {
            n = closer_at(t, t.size() - 3) == 3 ? 3 : 0;
        }
        if (n == 0 && closer_at(t, t.size() - 1) == 1) {
            n = 1;
        }
        if (n == 0) {
            break;
        }
        t.resize(t.size() - n);
    }
    return !t.empty() && (t.back() == '.' || t.back() == '!' || t.back() == '?' || t.back() == ':' || t.back() == ';');
}

// "12. " "12) " "(12) " at the start of a line: a numbered paragraph.
std::optional<std::pair<std::string, std::size_t>> paragraph_marker(std::string_view line) {
    static const std::regex re(R"(^(?:(\d{1,3})[.)]|\((\d{1,3})\))\s+)");
    std::cmatch m;
    if (std::regex_search(line.data(), line.data() + line.size(), m, re)) {
        std::string n = m[1].matched ? m[1].str() : m[2].str();
        return std::make_pair(n, static_cast<std::size_t>(m.length(0)));
    }
    return std::nullopt;
}

// "(a) " "a) " "a. " "(iv) " "- " "* " "\u2022 " at the start of a line: a list item. The label is
// "(a)" for lettered items and empty for bullets.
std::optional<std::pair<std::string, std::size_t>> item_marker(std::string_view line) {
    // "(a)", "a)", "a.", "(iv)", "iv." and "iv)".
    static const std::regex lettered(R"(^(?:\(([a-z]{1,4})\)|([a-z])[.)]|(i{1,3}|iv|vi{0,3}|ix|xi{0,3})[.)])\s+)");
    std::cmatch m;
    if (std::regex_search(line.data(), line.data() + line.size(), m, lettered)) {
        std::string l = m[1].matched ? m[1].str() : m[2].matched ? m[2].str() : m[3].str();
        return std::make_pair("(" + l + ")", static_cast<std::size_t>(m.length(0)));
    }
    for (std::string_view bullet : {"- ", "* ", "\u2022 ", "\u2013 "}) {
        if (line.substr(0, bullet.size()) == bullet) {
            return std::make_pair(std::string(), bullet.size());
        }
    }
    return std::nullopt;
}

struct Item {
    std::string label; // "(a)" or empty; "(b)(i)" for a sub-item
    int line = 0;
    std::string text;
    std::string style; // how its marker is written ("(x)", "x.", ...; roman or not), for nesting
    bool sub = false;  // a sub-item: under an item that ends with ":" and marked another way
};

// How an item's marker is written: its brackets, and whether it is a roman numeral ("ii", "iv";
// a lone "i" is roman unless it follows "h"), so that "(b) ... :" then "i. ..." nests.
std::string marker_style(std::string_view line, const std::string &label, const std::string &previous_label) {
    if (label.empty()) {
        return line.substr(0, 1) == "-" ? "-" : "*";
    }
    std::string l = label.substr(1, label.size() - 2);
    static const std::regex roman("^(i{1,3}|iv|vi{0,3}|ix|xi{0,3})$");
    bool is_roman = std::regex_match(l, roman) && !(l.size() == 1 && previous_label == "(h)") &&
                    !(l == "v" && previous_label == "(u)") && !(l == "x" && previous_label == "(w)");
    std::string brackets(line.substr(0, 1) == "(" ? std::string_view("()") : line.substr(l.size(), 1));
    return brackets + (is_roman ? "r" : "l");
}

struct Block {
    int line = 0;
    std::string number;      // from a paragraph marker
    std::vector<Item> items; // items[0] is the paragraph's own text (may be empty)
    std::vector<Line> lines; // as written, for a block that turns out not to be a paragraph
    bool body = false;

    std::string all_text() const {
        std::string t;
        for (const auto &i : items) {
            if (!i.text.empty()) {
                t += (t.empty() ? "" : " ") + i.text;
            }
        }
        return t;
    }
};

} // namespace

int word_count(std::string_view text) {
    int n = 0;
    bool in = false;
    for (char c : text) {
        if (is_space(c)) {
            in = false;
        } else if (!in) {
            in = true;
            ++n;
        }
    }
    return n;
}

std::string normalise_text(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {
        text.remove_prefix(3);
    }
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') {
                ++i;
            }
        } else if (c == '\t' || c == '\f' || c == '\v') {
            out += ' ';
        } else if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
            out += ' '; // no-break space
            ++i;
        } else {
            out += c;
        }
    }
    return out;
}

std::vector<std::string> split_sentences(std::string_view paragraph) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i < paragraph.size(); ++i) {
        char c = paragraph[i];
        if (c != '.' && c != '!' && c != '?') {
            continue;
        }
        std::size_t j = i + 1;
        while (std::size_t n = closer_at(paragraph, j)) {
            j += n;
        }
        if (j >= paragraph.size() || !is_space(paragraph[j])) {
            continue;
        }
        std::size_t k = j;
        while (k < paragraph.size() && is_space(paragraph[k])) {
            ++k;
        }
        if (!sentence_start_at(paragraph, k)) {
            continue;
        }
        // "in Washington, D.C. The United States will ...": after a word with inner periods, a
        // word that only opens a sentence ends it.
        static const std::string_view openers[] = {"The ", "This ", "These ", "It ", "They ", "We ", "Both "};
        bool opener = std::any_of(std::begin(openers), std::end(openers),
                                  [&](std::string_view o) { return paragraph.compare(k, o.size(), o) == 0; });
        if (c == '.' && abbreviation_before(paragraph, i) && !(opener && i > 1 && paragraph[i - 2] == '.')) {
            continue;
        }
        std::string s = collapse_spaces(paragraph.substr(start, j - start));
        if (!s.empty()) {
            out.push_back(s);
        }
        start = k;
        i = k - 1;
    }
    std::string last = collapse_spaces(paragraph.substr(start));
    if (!last.empty()) {
        out.push_back(last);
    }
    return out;
}

Layout split_text(std::string_view raw) {
    std::string text = normalise_text(raw);
    // Lines into blocks.
    std::vector<Block> blocks;
    bool open = false;
    int number = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string::npos) {
            nl = text.size();
        }
        ++number;
        std::string line = trim(std::string_view(text).substr(pos, nl - pos));
        pos = nl + 1;
        if (line.empty()) {
            open = false;
            continue;
        }
        if (auto p = paragraph_marker(line)) {
            Block b;
            b.line = number;
            b.number = p->first;
            b.items.push_back({"", number, line.substr(p->second), "", false});
            b.lines.push_back({number, line});
            blocks.push_back(b);
            open = true;
            continue;
        }
        // An item continues its paragraph, or, after a blank line, the lead-in ("we will:") before it.
        auto it = item_marker(line);
        bool after_lead_in = it && !open && !blocks.empty() && !blocks.back().items.back().text.empty() &&
                             (blocks.back().items.back().text.back() == ':' || blocks.back().items.size() > 1);
        if (it && (open || after_lead_in)) {
            // A sub-item: after an item that ends with ":" (or another sub-item of it), marked in
            // another way ("(b) develop ... in particular:" then "i. a protocol ...").
            auto &items = blocks.back().items;
            Item item{it->first, number, line.substr(it->second), "", false};
            const Item *parent = nullptr;
            for (std::size_t k = items.size(); k-- > 1;) {
                if (!items[k].sub) {
                    parent = &items[k];
                    break;
                }
            }
            const Item &prev_item = items.back();
            // The previous item's own marker ("(h)" before "(i)"), without its parent's.
            std::string prev_label = prev_item.label.empty() ? "" : prev_item.label.substr(prev_item.label.rfind('('));
            item.style = marker_style(line, it->first, prev_label);
            bool opens = parent && &items.back() == parent && !parent->text.empty() && parent->text.back() == ':';
            bool continues_sub = items.back().sub && item.style == items.back().style;
            if (parent && !parent->label.empty() && item.style != parent->style && (opens || continues_sub)) {
                item.sub = true;
                item.label = parent->label + item.label;
            }
            items.push_back(item);
            blocks.back().lines.push_back({number, line});
            open = true;
            continue;
        }
        if (!open) {
            Block b;
            b.line = number;
            b.items.push_back({"", number, "", "", false});
            blocks.push_back(b);
            open = true;
        }
        std::string &t = blocks.back().items.back().text;
        t += (t.empty() ? "" : " ") + line;
        blocks.back().lines.push_back({number, line});
    }

    Layout layout;
    // "Begin Text:" ... "End Text.": what a release quotes is the statement; the rest is header
    // and trailer.
    static const std::regex begin_text(R"(^\s*begin\s+text\s*:?\s*$)", std::regex::icase);
    static const std::regex end_text(R"(^\s*end\s+text\s*\.?\s*$)", std::regex::icase);
    int begin_at = -1;
    int end_at = static_cast<int>(blocks.size());
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        std::string all = blocks[i].all_text();
        if (begin_at < 0 && std::regex_match(all, begin_text)) {
            begin_at = static_cast<int>(i);
        } else if (begin_at >= 0 && std::regex_match(all, end_text)) {
            end_at = static_cast<int>(i);
            break;
        }
    }
    // "- END -", "— ENDS —", "###": the end of a release; what follows is its trailer.
    auto end_mark = [](const std::string &all) {
        std::string word;
        for (std::size_t k = 0; k < all.size(); ++k) {
            if (all.compare(k, 3, "\u2013") == 0 || all.compare(k, 3, "\u2014") == 0) {
                k += 2;
            } else if (std::isalpha(static_cast<unsigned char>(all[k]))) {
                word += static_cast<char>(std::tolower(static_cast<unsigned char>(all[k])));
            } else if (std::string_view("-*#=_ .").find(all[k]) == std::string_view::npos) {
                return false;
            }
        }
        return word == "end" || word == "ends" || (word.empty() && all.find("###") != std::string::npos);
    };
    for (std::size_t i = 0; i < blocks.size() && static_cast<int>(i) < end_at; ++i) {
        if (end_mark(blocks[i].all_text())) {
            end_at = static_cast<int>(i);
        }
    }
    int first_body = -1;
    int last_body = -1;
    int numbered = 0;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        Block &b = blocks[i];
        std::string all = b.all_text();
        // A long line in capitals that does not end like a sentence is a heading all the same.
        bool capitals = std::none_of(all.begin(), all.end(),
                                     [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0; });
        // So is a block of lines none of which ends like a sentence, each short, in capitals, or
        // (before the body) a long title: a heading above a place and date line.
        bool short_lines =
            b.lines.size() > 1 && std::all_of(b.lines.begin(), b.lines.end(), [&](const Line &l) {
                bool in_capitals = std::none_of(l.text.begin(), l.text.end(),
                                                [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0; });
                int n = word_count(l.text);
                return !ends_like_sentence(l.text) && (n < 15 || in_capitals || (first_body < 0 && n < 30));
            });
        // A long title on one line before the body is a heading too ("Joint Declaration of the
        // ASEAN Plus Three Digital Ministers on the Cyber Resilience of Digital Infrastructure").
        bool long_title = first_body < 0 && b.lines.size() == 1 && word_count(all) < 30;
        b.body = !b.number.empty() || b.items.size() > 1 || ends_like_sentence(all) ||
                 (word_count(all) >= 15 && !capitals && !short_lines && !long_title);
        if ((begin_at >= 0 && static_cast<int>(i) <= begin_at) || static_cast<int>(i) >= end_at) {
            b.body = false;
        }
        if (b.body) {
            if (first_body < 0) {
                first_body = static_cast<int>(i);
            }
            last_body = static_cast<int>(i);
        }
        if (b.body && !b.number.empty()) {
            ++numbered;
        }
    }
    // The text numbers its paragraphs when one of its paragraphs has a number (a release's
    // numbered notes to editors, after "- ENDS -", are trailer, not body).
    layout.numbered = numbered > 0;
    int counted = 0;
    int block_index = 0;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const Block &b = blocks[i];
        int bi = static_cast<int>(i);
        if (!b.body) {
            // Not a paragraph: its lines stay apart (a heading above a date line).
            auto &to = (first_body < 0 || bi < first_body) ? layout.header
                       : bi > last_body                    ? layout.trailer
                                                           : layout.skipped;
            for (const auto &l : b.lines) {
                to.push_back({l.number, collapse_spaces(l.text)});
            }
            continue;
        }
        std::string label = layout.numbered ? b.number : std::to_string(++counted);
        int n = 0;
        for (std::size_t k = 0; k < b.items.size(); ++k) {
            const Item &item = b.items[k];
            if (item.text.empty()) {
                continue;
            }
            std::string item_label = label;
            if (!item.label.empty()) {
                item_label = label + item.label;
                n = 0; // a lettered item counts its sentences from 1
            }
            auto sentences = split_sentences(item.text);
            for (std::size_t s = 0; s < sentences.size(); ++s) {
                Sentence sen;
                sen.text = sentences[s];
                sen.block = block_index;
                sen.paragraph = item_label;
                sen.number = ++n;
                sen.line = item.line;
                sen.item = k > 0;
                sen.sub_item = item.sub;
                sen.lead_in = k == 0 && b.items.size() > 1 && s + 1 == sentences.size() && !sen.text.empty() &&
                              sen.text.back() == ':';
                layout.sentences.push_back(sen);
            }
        }
        ++block_index;
    }
    return layout;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto &c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

} // namespace accord::extract
