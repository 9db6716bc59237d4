// The meeting brief as a document: md, html, json and table (docs/brief.md, "How it reads").
#include "accord/brief/render.hpp"

#include "accord/error.hpp"
#include "accord/report/svg.hpp"
#include "accord/text/strings.hpp"

#include <fmt/format.h>

#include <string>
#include <vector>

namespace accord {

namespace {

using text::Column;
using text::Json;
using text::Row;
using text::Section;
using text::Table;
namespace t = text;

// What each status says, for the legend (docs/format.md, "Status").
struct StatusWord {
    const char* status;
    const char* meaning;
};
const StatusWord k_status_words[] = {
    {"unassessed", "no progress event yet"},
    {"not-started", "assessed, nothing done yet"},
    {"limited", "some action taken"},
    {"substantial", "most of it done"},
    {"complete", "done"},
    {"withdrawn", "dropped by its actors"},
};

// How long texts and notes may be: a terminal line (table); one or two A4 pages (html); md
// shows them whole.
struct Render {
    const Brief& b;
    text::Format format;

    bool html() const { return format == text::Format::html; }
    std::size_t text_width() const {
        return format == text::Format::table ? text::k_short_text : html() ? 110 : std::string::npos;
    }
    std::size_t note_width() const {
        return format == text::Format::table ? 50 : html() ? 60 : std::string::npos;
    }
    std::string fit(const std::string& s) const {
        return text_width() == std::string::npos ? s : t::shorten(s, text_width());
    }
};

using text::nowrap;

Column id_column(std::string key, std::string title) { return nowrap(Column(std::move(key), std::move(title))); }

t::Cell opt(const MaybeText& c) { return c ? t::Cell(*c) : t::Cell(); }

std::string joined(const std::vector<std::string>& items, const char* sep = ", ") {
    return fmt::format("{}", fmt::join(items, sep));
}

// "us, asean" when every actor stands at the overall status; else each with its own
// ("us: limited, asean: not-started").
std::string actors_text(const std::vector<ActorAsOf>& actors, const std::string& overall) {
    bool same = true;
    for (const auto& a : actors) {
        same = same && a.status == overall;
    }
    std::vector<std::string> parts;
    for (const auto& a : actors) {
        if (!a.party.empty()) {
            parts.push_back(same ? a.party : a.party + ": " + a.status);
        }
    }
    return joined(parts);
}

// The programs' ids, with their status (with_status).
std::string programs_text(const std::vector<BriefProgram>& programs, bool with_status) {
    std::vector<std::string> parts;
    for (const auto& p : programs) {
        parts.push_back(p.status.empty() || !with_status ? p.id : p.id + " (" + p.status + ")");
    }
    return joined(parts);
}

// The last meeting in full; an earlier one with its statements' ids (brief: detail).
std::string meeting_text(const BriefMeeting& m, bool detail = true) {
    std::string s = m.title.empty() ? m.id : m.title + " (" + m.id + ")";
    s += ", " + m.date + (m.end_date ? " to " + *m.end_date : "");
    if (m.location) {
        s += ", " + *m.location;
    }
    if (m.alongside && detail) {
        s += ", alongside " + *m.alongside;
    }
    if (!m.chairs.empty() && detail) {
        s += ", chaired by " + joined(m.chairs);
    }
    std::vector<std::string> st;
    for (const auto& x : m.statements) {
        std::string counts = fmt::format("{} undertaking{}, {} acknowledgement{}", x.commitments,
                                         x.commitments == 1 ? "" : "s", x.acknowledgements,
                                         x.acknowledgements == 1 ? "" : "s");
        st.push_back(detail ? fmt::format("{} \"{}\" ({}{})", x.id, x.title, x.type ? *x.type + ", " : "", counts)
                            : fmt::format("{} ({})", x.id, counts));
    }
    s += st.empty() ? ": no statement" : ": " + joined(st, "; ");
    return s;
}

// --- the human formats -------------------------------------------------------------------

Section summary(const Render& r) {
    const Brief& b = r.b;
    Section s;
    s.heading = "Where the undertakings stand";
    s.paragraphs.push_back(fmt::format(
        "{} undertaking{} made at {} meeting{}: {} overdue, {} falling due before the next meeting, {} renewed, "
        "{} look{} renewed but not linked, {} acknowledgement{}.",
        b.undertaking_count(), b.undertaking_count() == 1 ? "" : "s", b.meetings.size(),
        b.meetings.size() == 1 ? "" : "s", b.overdue.size(), b.upcoming.size(), b.renewed.size(), b.similar.size(),
        b.similar.size() == 1 ? "s" : "", b.acknowledgements.size(), b.acknowledgements.size() == 1 ? "" : "s"));
    std::vector<std::string> legend;
    for (const auto& w : k_status_words) {
        legend.push_back(fmt::format("{} ({})", w.status, w.meaning));
    }
    s.paragraphs.push_back("Statuses, from least to most done: " + joined(legend, "; ") + ".");
    // One row: a column per status (the legend: each status word beside its colour), then the total.
    Table& tb = s.table;
    tb.columns.push_back(nowrap(Column("count", "status")));
    Row counts{t::Cell("undertakings")};
    for (const auto& w : k_status_words) {
        long n = 0;
        for (const auto& g : b.by_status) {
            if (g.status == w.status) {
                n = static_cast<long>(g.undertakings.size());
            }
        }
        tb.columns.push_back(nowrap(Column(w.status, w.status, t::CellType::integer)));
        counts.push_back(t::Cell::integer(n));
    }
    tb.columns.push_back(nowrap(Column("total", "total", t::CellType::integer)));
    counts.push_back(t::Cell::integer(static_cast<long long>(b.undertaking_count())));
    tb.rows.push_back(std::move(counts));
    return s;
}

// The undertakings, by status (the order of the summary), each with what it says and where it stands.
Section undertakings(const Render& r) {
    Section s;
    s.heading = fmt::format("Undertakings by status ({})", r.b.undertaking_count());
    Table& tb = s.table;
    // html: actors with the text and programs with the progress, so that the text has room.
    if (r.html()) {
        tb.columns = {nowrap(Column("status", "status")), id_column("id", "undertaking"), Column("text", "text (actors)"),
                      nowrap(Column("due", "due")), Column("latest", "latest progress; programs")};
    } else {
        tb.columns = {nowrap(Column("status", "status")), id_column("id", "undertaking"), Column("text", "text"),
                      Column("actors", "actors"), Column("due", "due"), Column("latest", "latest progress"),
                      Column("programs", "programs")};
    }
    for (const auto& g : r.b.by_status) {
        for (const auto& u : g.undertakings) {
            std::string actors = actors_text(u.actors, u.status);
            std::string latest = latest_text(u.latest, r.note_width());
            std::string programs = programs_text(u.programs, !r.html());
            if (r.html()) {
                tb.rows.push_back({t::Cell(g.status), t::Cell(u.id),
                                   t::Cell(r.fit(u.text) + (actors.empty() ? "" : " (" + actors + ")")), opt(u.due),
                                   t::Cell(latest + (programs.empty() ? "" : (latest.empty() ? "" : "; ") + programs))});
            } else {
                tb.rows.push_back({t::Cell(g.status), t::Cell(u.id), t::Cell(r.fit(u.text)), t::Cell(actors),
                                   opt(u.due), t::Cell(latest), t::Cell(programs)});
            }
        }
    }
    tb.none = "(none)";
    return s;
}

Section due_list(const Render& r, const std::vector<BriefUndertaking>& list, bool overdue) {
    Section s;
    const Brief& b = r.b;
    s.heading = overdue ? fmt::format("Overdue on {} ({})", b.as_of, list.size())
                        : b.next_given || b.dialogue
                          ? fmt::format("Falling due before the next meeting, {} ({})", b.next, list.size())
                          : fmt::format("Falling due before the next meeting ({})", list.size());
    Table& tb = s.table;
    // html: the text is in the undertakings' table above (one or two pages).
    tb.columns = {id_column("id", "undertaking"), nowrap(Column("due", "due")),
                  nowrap(Column("days", overdue ? "days overdue" : "days left", t::CellType::integer)),
                  nowrap(Column("status", "status"))};
    if (!r.html()) {
        tb.columns.emplace_back("text", "text");
    }
    for (const auto& u : list) {
        auto n = overdue ? u.days_overdue : u.days_left;
        tb.rows.push_back({t::Cell(u.id), opt(u.due), n ? t::Cell::integer(*n) : t::Cell(), t::Cell(u.status),
                           t::Cell(r.fit(u.text))});
    }
    if (overdue) {
        tb.none = "(none)";
    } else {
        tb.none = b.next_given ? "(none)"
                               : "(none: the next meeting's day was not given, so the window is empty; give --next DATE)";
    }
    return s;
}

Section renewed(const Render& r) {
    Section s;
    s.heading = fmt::format("Renewed ({})", r.b.renewed.size());
    Table& tb = s.table;
    tb.columns = {id_column("later", "undertaking"), nowrap(Column("date", "made")), nowrap(Column("relation", "relation")),
                  id_column("earlier", "earlier"), nowrap(Column("earlier_date", "made"))};
    if (!r.html()) {
        tb.columns.emplace_back("text", "text");
    }
    for (const auto& x : r.b.renewed) {
        tb.rows.push_back({t::Cell(x.later), t::Cell(x.later_date), t::Cell(x.relation), t::Cell(x.earlier),
                           t::Cell(x.earlier_date), t::Cell(r.fit(x.later_text))});
    }
    tb.none = "(none)";
    return s;
}

Section similar(const Render& r) {
    Section s;
    s.heading = fmt::format("Look renewed, not linked ({})", r.b.similar.size());
    if (!r.b.similar.empty()) {
        s.paragraphs.push_back("Texts alike that no reference links: if the later one renews the earlier, paste the "
                               "line under the later one's references: and import again.");
    }
    Table& tb = s.table;
    tb.columns = {id_column("later", "undertaking"), id_column("earlier", "earlier"),
                  nowrap(Column("score", "score", t::CellType::real)), nowrap(Column("references", "references: line")),
                  Column("text", "text")};
    for (const auto& x : r.b.similar) {
        tb.rows.push_back({t::Cell(x.later), t::Cell(x.earlier), t::Cell::real(fmt::format("{:.2f}", x.score)),
                           t::Cell(x.references), t::Cell(r.fit(x.later_text))});
    }
    tb.none = "(none)";
    return s;
}

Section acknowledgements(const Render& r) {
    Section s;
    s.heading = fmt::format("Acknowledgements ({})", r.b.acknowledgements.size());
    Table& tb = s.table;
    // html: one paragraph, the ids and actions (one or two pages); else a line each.
    if (r.html() && !r.b.acknowledgements.empty()) {
        std::vector<std::string> items;
        for (const auto& a : r.b.acknowledgements) {
            items.push_back(a.id + (a.action ? " (" + *a.action + ")" : ""));
        }
        s.paragraphs.push_back("Noted or recalled, not undertaken: " + joined(items) + ".");
        return s;
    }
    tb.columns = {id_column("id", "commitment"), nowrap(Column("action", "action")), Column("text", "text")};
    tb.columns.emplace_back("actors", "actors");
    for (const auto& a : r.b.acknowledgements) {
        tb.rows.push_back({t::Cell(a.id), opt(a.action), t::Cell(t::shorten(a.text, t::k_short_text)), t::Cell(joined(a.actors))});
    }
    tb.none = "(none)";
    return s;
}

std::vector<Section> changes(const Render& r) {
    std::vector<Section> out;
    const auto& c = r.b.changes;
    Section head;
    if (!c) {
        head.heading = "Changes since the last meeting";
        head.paragraphs.push_back(r.b.meetings.empty() ? "None: no meeting before the brief's day."
                                                       : "None: the brief is as of the day of the last meeting.");
        out.push_back(std::move(head));
        return out;
    }
    Section moved;
    moved.heading = fmt::format("Changes since the last meeting, {} to {}: status ({})", c->since, c->until,
                                c->changes.size());
    moved.table.columns = {id_column("id", "undertaking"), nowrap(Column("from", "from")), nowrap(Column("to", "to"))};
    for (const auto& x : c->changes) {
        moved.table.rows.push_back({t::Cell(x.commitment), t::Cell(x.from), t::Cell(x.to)});
    }
    moved.table.none = "(none)";
    out.push_back(std::move(moved));
    if (!c->made.empty()) {
        Section made;
        made.heading = fmt::format("Made since the last meeting ({})", c->made.size());
        made.table.columns = {id_column("id", "undertaking"), nowrap(Column("made", "made")),
                              nowrap(Column("status", "status"))};
        for (const auto& x : c->made) {
            made.table.rows.push_back({t::Cell(x.commitment), t::Cell(x.made), t::Cell(x.status)});
        }
        out.push_back(std::move(made));
    }
    if (!c->programs.empty()) {
        Section p;
        p.heading = fmt::format("Programs started since the last meeting ({})", c->programs.size());
        p.table.columns = {id_column("id", "program"), nowrap(Column("start", "start")), Column("title", "title"),
                           nowrap(Column("implements", "implements"))};
        for (const auto& x : c->programs) {
            p.table.rows.push_back(
                {t::Cell(x.id), t::Cell(x.start), t::Cell(x.title), t::Cell(joined(x.implements))});
        }
        out.push_back(std::move(p));
    }
    return out;
}

} // namespace

text::Format brief_format(std::string_view name) {
    if (name == "csv" || name == "jsonl") {
        throw UsageError(fmt::format("a brief is written as {}, not {}: it is several tables and paragraphs, not one "
                                     "table (report overdue and report upcoming write its lists as csv)",
                                     fmt::join(text::format_names(k_brief_formats), ", "), name));
    }
    return text::parse_format(name, k_brief_formats);
}

text::Document brief_document(const Brief& b, text::Format format) {
    brief_format(text::to_string(format));
    text::Document doc;
    const std::string what = b.target_kind == "dialogue" ? "before " + *b.dialogue : "for the next meeting of " + b.series;
    doc.title = b.next_given || b.dialogue ? fmt::format("Brief {}, {}", what, b.next) : "Brief " + what;
    doc.title_in_text = true;
    if (format == text::Format::json) {
        doc.json = brief_json(b);
        return doc;
    }
    Render r{b, format};

    Section intro;
    if (b.dialogue) {
        intro.paragraphs.push_back(fmt::format("As of {}, the day before {} ({}).", b.as_of, *b.dialogue, b.next));
    } else if (b.next_given) {
        intro.paragraphs.push_back(fmt::format("As of {}. Next meeting: {}.", b.as_of, b.next));
    } else {
        intro.paragraphs.push_back(fmt::format("As of {}. Next meeting: not given (--next DATE); nothing is counted "
                                               "as falling due before it.",
                                               b.as_of));
    }
    if (b.meetings.empty()) {
        intro.paragraphs.push_back("No earlier meeting of the series: nothing was promised before it.");
    } else {
        std::string p = "Last meeting: " + meeting_text(b.meetings.front()) + ".";
        if (b.meetings.size() > 1) {
            std::vector<std::string> earlier;
            for (std::size_t i = 1; i < b.meetings.size(); ++i) {
                earlier.push_back(meeting_text(b.meetings[i], false));
            }
            p += " Before it: " + joined(earlier, ". ") + ".";
        }
        intro.paragraphs.push_back(p);
    }
    doc.sections.push_back(std::move(intro));
    doc.sections.push_back(summary(r));
    doc.sections.push_back(undertakings(r));
    doc.sections.push_back(due_list(r, b.overdue, true));
    doc.sections.push_back(due_list(r, b.upcoming, false));
    doc.sections.push_back(renewed(r));
    doc.sections.push_back(similar(r));
    doc.sections.push_back(acknowledgements(r));
    for (auto& s : changes(r)) {
        doc.sections.push_back(std::move(s));
    }
    for (const auto& w : k_status_words) {
        doc.swatches.emplace_back(w.status);
        doc.colours.emplace_back(w.status, std::string(key_colour(w.status)));
    }
    return doc;
}

void write_brief(std::ostream& out, const Brief& brief, text::Format format, const text::WriteOptions& options) {
    text::write_report(out, brief_document(brief, format), format, options);
}

} // namespace accord
