// The body read into commitments: sentences whose main clause holds a cue, actors, due dates.
#include "drafter.hpp"
#include "vocabulary.hpp"

#include "accord/model/date.hpp"
#include "accord/text/strings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <regex>

namespace accord::extract::detail {

std::string quote(std::string_view text, std::size_t width) {
    return "\"" + text::shorten(text, width) + "\"";
}

std::string place(const Sentence &s) {
    std::string p = s.paragraph.empty() ? fmt::format("line {}", s.line) : "paragraph " + s.paragraph;
    return fmt::format("{}, sentence {}", p, s.number);
}

std::string join(const std::vector<std::string> &v, std::string_view sep) {
    return fmt::format("{}", fmt::join(v, sep));
}

std::string kind_word(Kind k) {
    return std::string(to_string(k));
}

bool starts_with_words(std::string_view lower_text, std::string_view words) {
    return lower_text.substr(0, words.size()) == words &&
           (lower_text.size() == words.size() ||
            std::isalnum(static_cast<unsigned char>(lower_text[words.size()])) == 0);
}

bool before(const std::string &a, const std::string &b) {
    auto da = PartialDate::parse(a);
    auto db = PartialDate::parse(b);
    if (!da || !db) {
        return true;
    }
    return da->first_day().days_since_epoch() <= db->first_day().days_since_epoch();
}

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Does a paragraph's last sentence leave a list open ("...;", "...; and")?
bool list_continues(std::string_view text) {
    return ends_with(text, ";") || ends_with(text, "; and") || ends_with(text, "; or") || ends_with(text, ", and");
}

} // namespace

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
    // Due date: in the words after the cue (not in the subject's asides), else before the subject.
    if (c.action.value != "note" && c.action.value != "recall") {
        auto stmt = PartialDate::parse(m_date);
        int year = stmt ? stmt->year() : 0;
        int month = stmt ? stmt->month() : 0;
        std::string after = c.text.substr(std::min(p.cue_offset, c.text.size()));
        auto due = find_due(after, year, month);
        if (!due && !p.opener.empty()) {
            due = find_due(p.opener, year, month);
        }
        if (!due && !p.lead_in.empty()) {
            due = find_due(p.lead_in, year, month);
        }
        if (due) {
            c.due.value = due->value;
            c.due.comments.push_back({fmt::format("from the words {}", quote(due->words)), true});
        }
    }
}

void Drafter::read_body(const Layout &layout) {
    std::vector<Pending> pending;
    int last_drafted = -1; // index in layout.sentences of the last sentence drafted
    Lead item_lead;        // a lead-in ("we will:") whose items follow in its paragraph
    Lead para_lead;        // a lead-in paragraph of its own, lending to the paragraphs after it
    bool para_open = false;
    // A release ends with boilerplate under a heading such as "About the Agency" or "Media
    // contact": what follows it is not the statement.
    const Line *boilerplate = nullptr;
    static const std::regex about(
        R"(^(about|media contacts?|for media (enquiries|inquiries)|notes to editors|for more information|contacts?)\b)",
        std::regex::icase);
    for (const auto &l : layout.skipped) {
        if (!boilerplate && std::regex_search(l.text, about)) {
            boilerplate = &l;
        }
    }
    for (std::size_t i = 0; i < layout.sentences.size(); ++i) {
        const Sentence &s = layout.sentences[i];
        m_previous = i > 0 && layout.sentences[i - 1].block == s.block ? layout.sentences[i - 1].text : std::string();
        if (boilerplate && s.line > boilerplate->number) {
            m_draft.left_out.push_back({fmt::format("{}: after the heading {} (line {}), boilerplate: {}", place(s),
                                                    quote(boilerplate->text), boilerplate->number, quote(s.text))});
            continue;
        }
        note_names(s.text, s);
        if (s.sub_item) {
            // "(b) develop ... in particular:" then "i. a protocol ...": the sub-items say what
            // their item undertakes; the item is the commitment.
            std::string parent = s.paragraph.substr(0, s.paragraph.rfind('('));
            m_draft.left_out.push_back(
                {fmt::format("{}: a sub-item, part of item {}: {}", place(s), parent, quote(s.text))});
            continue;
        }
        if (s.text.compare(0, 1, "\"") == 0 || s.text.compare(0, 3, "\u201C") == 0) {
            // A quotation in a release: a person's words, not the statement's.
            m_draft.left_out.push_back({fmt::format("{}: a quotation: {}", place(s), quote(s.text))});
            continue;
        }
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
        // A lead-in paragraph lends its cue to the paragraphs after it while they run on as a
        // list ("...;", "...; and").
        if ((i == 0 || layout.sentences[i - 1].block != s.block) && para_lead.block >= 0 &&
            s.block != para_lead.block) {
            const Sentence &prev = layout.sentences[i - 1];
            para_open = prev.block == para_lead.block || (para_open && list_continues(prev.text));
            if (!para_open) {
                para_lead = Lead{};
            }
        }
        if (item_lead.block != s.block) {
            item_lead = Lead{};
        }
        const Lead *lead = s.item && item_lead.block == s.block ? &item_lead
                           : para_open && para_lead.block >= 0  ? &para_lead
                                                                : nullptr;
        bool listed = s.item || lead != nullptr || list_continues(s.text);
        Reading r = read_sentence(s.text, listed);
        if (!r.participle.empty()) {
            clause_references(s, r);
        }
        bool last_of_block = i + 1 == layout.sentences.size() || layout.sentences[i + 1].block != s.block;
        if (!s.text.empty() && s.text.back() == ':' && (s.lead_in || last_of_block)) {
            Lead &l = s.lead_in ? item_lead : para_lead;
            l = Lead{};
            l.block = s.block;
            l.sentence = s;
            para_open = s.lead_in ? para_open : false;
            if (r.cue.found()) {
                l.cue = r.cue;
                ListField a;
                actors_of(s.text, r, a);
                l.actors = a.values;
                l.actor_comments = a.comments;
                m_draft.left_out.push_back({fmt::format("{}: a lead-in; its cue {} applies to the items that follow",
                                                        place(s), quote(r.cue.phrase))});
            } else {
                m_draft.left_out.push_back({fmt::format("{}: a lead-in without a cue: {}", place(s), quote(s.text))});
            }
            continue;
        }
        bool inherited = !r.cue.found() && lead && lead->cue.found() && starts_with_base_verb(s.text);
        if (!r.cue.found() && !inherited) {
            m_draft.left_out.push_back({fmt::format("{}: {}: {}", place(s), r.why, quote(s.text))});
            continue;
        }
        Pending p;
        p.sentence = s;
        p.main_offset = r.main_offset;
        p.cue_offset = inherited ? 0 : r.cue.begin;
        if (inherited) {
            p.lead_in = lead->sentence.text;
        } else if (r.participle.empty() && !r.subject.empty()) {
            p.opener = s.text.substr(0, std::min(r.subject.begin, r.cue.begin));
        }
        DraftCommitment &c = p.c;
        c.id = fmt::format("{}.c{}", m_draft.id.value, pending.size() + 1);
        c.paragraph = s.paragraph;
        c.text = s.text;
        if (listed) {
            // A list item ends with "; and" or ";": keep its words only.
            static const std::regex tail(R"((;|,)\s*(and|or)?\s*$)");
            std::string kept = std::regex_replace(c.text, tail, "");
            if (!kept.empty()) {
                c.text = kept;
            }
        }
        const Cue &cue = inherited ? lead->cue : r.cue;
        c.action.value = cue.action;
        if (inherited) {
            c.comments.push_back({fmt::format("cue: {} -> {}, from the lead-in of {} ({})", quote(cue.phrase),
                                              cue.action, place(lead->sentence), place(s))});
            c.actors.values = lead->actors;
            c.actors.comments = lead->actor_comments;
        } else {
            c.comments.push_back({fmt::format("cue: {} -> {} ({})", quote(cue.phrase), cue.action, place(s))});
            if (lead && !lead->actors.empty() && r.subject.empty() && r.reporter.empty()) {
                // "Canada will:" then "support the translation ...": an item with a cue of its
                // own and no subject is the lead-in's subject's.
                c.actors.values = lead->actors;
                c.actors.comments = lead->actor_comments;
            } else {
                actors_of(s.text, r, c.actors);
            }
            // "Cybercrime will remain a serious challenge": one capitalised word opening the
            // sentence, which the database does not know as a party, is a thing, not a party.
            std::string_view subject =
                std::string_view(s.text).substr(r.subject.begin, r.subject.end - r.subject.begin);
            auto lower_case = [](char ch) { return std::islower(static_cast<unsigned char>(ch)) != 0; };
            if (c.actors.values.empty() && m_k.available && r.subject.begin == 0 && !subject.empty() &&
                subject.find(' ') == std::string_view::npos &&
                std::any_of(subject.begin() + 1, subject.end(), lower_case) &&
                m_index.tokenize(subject).size() == 1 && m_index.tokenize(subject)[0].parties.empty()) {
                m_draft.left_out.push_back(
                    {fmt::format("{}: its subject {} is no party the database knows: {}", place(s), quote(subject),
                                 quote(s.text))});
                continue;
            }
            if (body_of_its_own(subject)) {
                m_draft.left_out.push_back(
                    {fmt::format("{}: its subject {} is a body, whose own plan is no undertaking of the parties: {}",
                                 place(s), quote(subject), quote(s.text))});
                continue;
            }
        }
        pending.push_back(std::move(p));
        last_drafted = static_cast<int>(i);
    }
    for (auto &p : pending) {
        finish(p);
        m_draft.commitments.push_back(std::move(p.c));
    }
}

// "The Working Group will focus on ...", "the task force will meet": a subject headed by the name
// of a body (with a word before it), naming no party, and not the forum that met.
bool Drafter::body_of_its_own(std::string_view subject) {
    auto tokens = m_index.tokenize(subject);
    std::size_t n = tokens.size();
    for (std::size_t k = 1; k < tokens.size(); ++k) {
        if (tokens[k].norm == "of" || tokens[k].norm == "on" || tokens[k].norm == "for") {
            n = k;
            break;
        }
    }
    // "The ASEAN Secretariat will circulate ...": a secretariat serves its organisation's parties;
    // its plan is its own, unless the text is the secretariat's own (its one party).
    std::string low = lower(subject);
    while (!low.empty() && (low.back() == ' ' || low.back() == ',')) {
        low.pop_back();
    }
    if (low.size() > 12 && low.compare(low.size() - 12, 12, " secretariat") == 0 && tokens.size() == n) {
        const auto &own = m_draft.parties.values;
        bool its_own = std::any_of(tokens.begin(), tokens.end(), [&](const Token &t) {
            return std::any_of(t.parties.begin(), t.parties.end(), [&](const std::string &p) {
                return own.size() == 1 && own.front() == p;
            });
        });
        return !its_own && !own.empty();
    }
    if (n < 2 || !vocab::one_of(vocab::k_body_names, tokens[n - 1].norm)) {
        return false;
    }
    std::size_t words = 0;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        // A party's body ("the ASEAN Secretariat") is the party's; a generic word in lower case
        // ("the experts' group") is the parties'; "Experts" inside a name is neither.
        if (!tokens[k].parties.empty() || (generic_subject(tokens[k].norm) && !tokens[k].capital && k + 1 != n)) {
            return false;
        }
        words += k < n && !subject_filler(tokens[k].norm) ? 1 : 0;
    }
    return words >= 2 && !meeting_forum(subject);
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
    read_body(layout);
    find_duplicate();
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

} // namespace accord::extract::detail

namespace accord::extract {

Draft draft_statement(std::string_view text, std::string_view source_name, const DraftRequest &request,
                      const Knowledge &knowledge) {
    return detail::Drafter(text, source_name, request, knowledge).run();
}

Draft draft_statement(std::string_view text, std::string_view source_name, const DraftRequest &request, Store &store) {
    Knowledge knowledge = load_knowledge(store);
    return draft_statement(text, source_name, request, knowledge);
}

} // namespace accord::extract
