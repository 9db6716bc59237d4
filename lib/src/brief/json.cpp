// The meeting brief's JSON form: its own structure, every field (docs/reports.md, "report brief").
#include "accord/brief/render.hpp"

#include "accord/report/substance.hpp"

#include <fmt/format.h>

namespace accord {

namespace {

using text::Json;

Json strings(const std::vector<std::string>& v) { return Json::strings(v); }

Json undertaking_json(const BriefUndertaking& u) {
    Json o = Json::object();
    o.add("id", u.id);
    o.add("statement", u.statement);
    o.add("dialogue", u.dialogue);
    o.add("made", u.made);
    o.add("paragraph", u.paragraph);
    o.add("action", u.action);
    o.add("text", u.text);
    o.add("actors", actors_json(u.actors));
    o.add("due", u.due);
    o.add("due_end", u.due_end);
    o.add("status", u.status);
    o.add("days_overdue", u.days_overdue ? Json(*u.days_overdue) : Json());
    o.add("days_left", u.days_left ? Json(*u.days_left) : Json());
    o.add("latest", latest_json(u.latest));
    Json programs = Json::array();
    for (const auto& p : u.programs) {
        Json x = Json::object();
        x.add("id", p.id);
        x.add("title", p.title);
        x.add("status", p.status.empty() ? Json() : Json(p.status));
        programs.push(std::move(x));
    }
    o.add("programs", std::move(programs));
    return o;
}

Json undertakings_json(const std::vector<BriefUndertaking>& list) {
    Json a = Json::array();
    for (const auto& u : list) {
        a.push(undertaking_json(u));
    }
    return a;
}

} // namespace

Json brief_json(const Brief& b) {
    Json j = Json::object();
    j.add("target", b.target);
    j.add("target_kind", b.target_kind);
    j.add("series", b.series);
    j.add("dialogue", b.dialogue);
    j.add("as_of", b.as_of);
    j.add("next", b.next);
    j.add("next_given", Json::boolean(b.next_given));
    Json counts = Json::object();
    counts.add("undertakings", b.undertaking_count());
    Json by = Json::object();
    for (const auto& g : b.by_status) {
        by.add(g.status, g.undertakings.size());
    }
    counts.add("by_status", std::move(by));
    counts.add("overdue", b.overdue.size());
    counts.add("upcoming", b.upcoming.size());
    counts.add("renewed", b.renewed.size());
    counts.add("similar", b.similar.size());
    counts.add("acknowledgements", b.acknowledgements.size());
    j.add("counts", std::move(counts));

    Json meetings = Json::array();
    for (const auto& m : b.meetings) {
        Json o = Json::object();
        o.add("id", m.id);
        o.add("title", m.title);
        o.add("date", m.date);
        o.add("end_date", m.end_date);
        o.add("number", Json::number(m.number.value_or("")));
        o.add("location", m.location);
        o.add("alongside", m.alongside);
        o.add("parties", strings(m.parties));
        o.add("chairs", strings(m.chairs));
        Json st = Json::array();
        for (const auto& s : m.statements) {
            Json x = Json::object();
            x.add("id", s.id);
            x.add("title", s.title);
            x.add("date", s.date);
            x.add("type", s.type);
            x.add("undertakings", s.commitments);
            x.add("acknowledgements", s.acknowledgements);
            st.push(std::move(x));
        }
        o.add("statements", std::move(st));
        meetings.push(std::move(o));
    }
    j.add("meetings", std::move(meetings));

    Json by_status = Json::array();
    for (const auto& g : b.by_status) {
        Json o = Json::object();
        o.add("status", g.status);
        o.add("undertakings", undertakings_json(g.undertakings));
        by_status.push(std::move(o));
    }
    j.add("by_status", std::move(by_status));
    // overdue and upcoming name the undertakings of by_status (each is there with every field).
    auto due_list = [](const auto& items, const char* days_key, auto days) {
        Json list = Json::array();
        for (const auto& u : items) {
            Json o = Json::object();
            o.add("id", u.id);
            o.add("due", u.due);
            o.add("due_end", u.due_end);
            o.add(days_key, days(u) ? Json(*days(u)) : Json());
            o.add("status", u.status);
            list.push(std::move(o));
        }
        return list;
    };
    j.add("overdue", due_list(b.overdue, "days_overdue", [](const auto& u) { return u.days_overdue; }));
    j.add("upcoming", due_list(b.upcoming, "days_left", [](const auto& u) { return u.days_left; }));

    Json renewed = Json::array();
    for (const auto& x : b.renewed) {
        Json o = Json::object();
        o.add("later", x.later);
        o.add("later_date", x.later_date);
        o.add("later_text", x.later_text);
        o.add("relation", x.relation);
        o.add("earlier", x.earlier);
        o.add("earlier_date", x.earlier_date);
        o.add("earlier_text", x.earlier_text);
        renewed.push(std::move(o));
    }
    j.add("renewed", std::move(renewed));
    Json similar = Json::array();
    for (const auto& x : b.similar) {
        Json o = Json::object();
        o.add("later", x.later);
        o.add("later_statement", x.later_statement);
        o.add("later_date", x.later_date);
        o.add("later_text", x.later_text);
        o.add("earlier", x.earlier);
        o.add("earlier_date", x.earlier_date);
        o.add("earlier_text", x.earlier_text);
        o.add("score", Json::number(fmt::format("{:.2f}", x.score)));
        o.add("relation", x.relation);
        o.add("references", x.references);
        similar.push(std::move(o));
    }
    j.add("similar", std::move(similar));
    Json acks = Json::array();
    for (const auto& a : b.acknowledgements) {
        Json o = Json::object();
        o.add("id", a.id);
        o.add("statement", a.statement);
        o.add("dialogue", a.dialogue);
        o.add("made", a.made);
        o.add("action", a.action);
        o.add("text", a.text);
        o.add("actors", strings(a.actors));
        acks.push(std::move(o));
    }
    j.add("acknowledgements", std::move(acks));
    // What changed since the last meeting: `report changes --format json` of the window.
    j.add("changes", b.changes ? changes_json(*b.changes) : Json());
    return j;
}


} // namespace accord
