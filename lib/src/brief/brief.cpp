// The meeting brief's data: make_brief() gathers each section from the reports and xref (docs/brief.md).
#include "accord/brief/brief.hpp"

#include "accord/error.hpp"
#include "accord/model/date.hpp"
#include "accord/model/vocab.hpp"
#include "accord/store/query.hpp"
#include "accord/xref/graph.hpp"
#include "accord/xref/similar.hpp"

#include <fmt/format.h>

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace accord {

namespace {

PartialDate day_of(const std::string& text) {
    auto d = PartialDate::parse(text);
    if (!d) {
        throw UsageError(fmt::format("'{}' is not a date", text));
    }
    return *d;
}

std::string add_days(const std::string& day, long n) {
    return PartialDate::from_days_since_epoch(day_of(day).days_since_epoch() + n).str();
}

// The day after a meeting: after its end date, else after the last day of its date's period.
std::string day_after(const BriefMeeting& m) {
    const std::string& last = m.end_date ? *m.end_date : m.date;
    return add_days(day_of(last).last_day().str(), 1);
}

// The target as a series or a dialogue; throws DataError when it is neither.
struct Target {
    std::string series;
    std::optional<std::string> dialogue;
    std::string dialogue_date;
};

Target resolve(Store& store, const std::string& target) {
    {
        SQLite::Statement q(store.db(), "SELECT 1 FROM dialogue WHERE series = ? LIMIT 1");
        q.bind(1, target);
        if (q.executeStep()) {
            return {target, std::nullopt, {}};
        }
    }
    SQLite::Statement q(store.db(), "SELECT r.kind, d.series, d.date FROM record r LEFT JOIN dialogue d ON d.id = r.id "
                                    "WHERE r.id = ?");
    q.bind(1, target);
    if (q.executeStep()) {
        std::string kind = q.getColumn(0).getString();
        if (kind != "dialogue") {
            throw DataError(fmt::format("'{}' is a {}, not a series or a dialogue", target, kind));
        }
        if (q.getColumn(1).isNull()) {
            throw DataError(fmt::format("dialogue '{}' belongs to no series: a brief is for the next meeting of a "
                                        "series (its series: field)",
                                        target));
        }
        return {q.getColumn(1).getString(), target, q.getColumn(2).getString()};
    }
    // Neither: the closest series or dialogue id as the hint.
    SQLite::Statement names(store.db(), "SELECT DISTINCT series FROM dialogue WHERE series IS NOT NULL "
                                        "UNION SELECT id FROM dialogue ORDER BY 1");
    std::vector<std::string> all;
    while (names.executeStep()) {
        all.push_back(names.getColumn(0).getString());
    }
    std::string best = did_you_mean(target, std::vector<std::string_view>(all.begin(), all.end()));
    throw DataError(fmt::format("no series or dialogue '{}' in {}{}", target, store.path(),
                                best.empty() ? std::string(" (accord list dialogue shows each dialogue and its series)")
                                             : fmt::format(" (did you mean '{}'?)", best)));
}

std::vector<std::string> meeting_ids(Store& store, const std::string& series, const std::string& as_of) {
    SQLite::Statement q(store.db(), "SELECT id FROM dialogue WHERE series = ? AND date <= ? "
                                    "ORDER BY date DESC, number DESC, id DESC");
    q.bind(1, series);
    q.bind(2, as_of);
    std::vector<std::string> ids;
    while (q.executeStep()) {
        ids.push_back(q.getColumn(0).getString());
    }
    return ids;
}

std::vector<BriefProgram> programs_of(const xref::Graph& graph, const std::string& commitment,
                                      const std::string& as_of) {
    std::vector<BriefProgram> out;
    for (const auto* e : graph.edges_to(commitment)) {
        if (e->relation != "implements") {
            continue;
        }
        const xref::Node* p = graph.find(e->source);
        if (p && p->kind == Kind::program && (p->date.empty() || p->date <= as_of)) {
            out.push_back({p->id, p->title, p->status});
        }
    }
    return out;
}

bool is_renewal(const std::string& relation) {
    return relation == "recalls" || relation == "reaffirms" || relation == "builds-on" || relation == "supersedes" ||
           relation == "follows-up";
}

std::string reference_line(const xref::SimilarPair& p) {
    return "- " + xref::reference_of(p);
}

} // namespace

std::size_t Brief::undertaking_count() const {
    std::size_t n = 0;
    for (const auto& g : by_status) {
        n += g.undertakings.size();
    }
    return n;
}

Brief make_brief(Store& store, const BriefRequest& request) {
    Brief b;
    b.target = request.target;
    Target t = resolve(store, request.target);
    b.series = t.series;
    b.as_of = request.as_of;
    if (t.dialogue) {
        if (request.next) {
            throw UsageError(fmt::format("--next: the next meeting of a brief for dialogue '{}' is that dialogue "
                                         "(give the series, {}, to set the day)",
                                         *t.dialogue, t.series));
        }
        // The brief as it would have been prepared the day before the dialogue.
        b.target_kind = "dialogue";
        b.dialogue = t.dialogue;
        b.next = day_of(t.dialogue_date).first_day().str();
        b.next_given = true;
        b.as_of = std::min(b.as_of, add_days(b.next, -1));
    } else {
        b.target_kind = "series";
        if (request.next) {
            b.next = day_of(*request.next).first_day().str();
            b.next_given = true;
            b.as_of = std::min(b.as_of, add_days(b.next, -1));
        }
    }

    // The meetings so far, each as `report dialogue` reads it on the day.
    std::vector<DialogueReport> reports;
    for (const auto& id : meeting_ids(store, b.series, b.as_of)) {
        reports.push_back(dialogue_report(store, id, Filter{}, b.as_of));
    }
    if (reports.empty() && !t.dialogue) {
        throw DataError(fmt::format("series '{}' has no meeting on or before {}", b.series, b.as_of));
    }
    for (const auto& r : reports) {
        BriefMeeting m{r.id, r.title, r.date, r.end_date, r.number, r.location, r.alongside, r.parties, r.chairs,
                       r.statements};
        b.meetings.push_back(std::move(m));
    }
    if (!b.next_given) {
        b.next = day_after(b.meetings.front());
    }

    xref::Graph graph = xref::Graph::load(store);
    std::set<std::string> in_scope; // the commitments made at the meetings
    std::vector<BriefUndertaking> undertakings;
    // Oldest meeting first: the order the undertakings were made.
    for (auto r = reports.rbegin(); r != reports.rend(); ++r) {
        std::map<std::string, std::string> made;
        for (const auto& s : r->statements) {
            made[s.id] = s.date;
        }
        for (const auto& c : r->commitments) {
            BriefUndertaking u;
            u.id = c.id;
            u.statement = c.statement;
            u.dialogue = r->id;
            u.made = made[c.statement];
            u.paragraph = c.paragraph;
            u.action = c.action;
            u.text = c.text;
            u.actors = c.actors;
            u.due = c.due;
            if (c.due) {
                u.due_end = day_of(*c.due).last_day().str();
            }
            u.status = c.status;
            u.days_overdue = c.days_overdue;
            u.latest = c.latest;
            u.programs = programs_of(graph, c.id, b.as_of);
            in_scope.insert(c.id);
            undertakings.push_back(std::move(u));
        }
        for (const auto& c : r->acknowledgements) {
            BriefAcknowledgement a{c.id, c.statement, r->id, made[c.statement], c.action, c.text, {}};
            for (const auto& actor : c.actors) {
                if (!actor.party.empty()) {
                    a.actors.push_back(actor.party);
                }
            }
            in_scope.insert(c.id);
            b.acknowledgements.push_back(std::move(a));
        }
    }

    // Falling due before the next meeting: from the brief's day to the day before it.
    const std::string last_day = add_days(b.next, -1);
    for (auto& u : undertakings) {
        bool open = u.status != "complete" && u.status != "withdrawn";
        if (open && u.due_end && *u.due_end >= b.as_of && *u.due_end <= last_day) {
            u.days_left = day_of(*u.due_end).days_since_epoch() - day_of(b.as_of).days_since_epoch();
        }
    }
    for (const auto& u : undertakings) {
        if (u.days_overdue) {
            b.overdue.push_back(u);
        }
        if (u.days_left) {
            b.upcoming.push_back(u);
        }
    }
    std::stable_sort(b.overdue.begin(), b.overdue.end(),
                     [](const auto& x, const auto& y) { return *x.days_overdue > *y.days_overdue; });
    std::stable_sort(b.upcoming.begin(), b.upcoming.end(),
                     [](const auto& x, const auto& y) { return *x.days_left < *y.days_left; });
    for (Status s : {Status::unassessed, Status::not_started, Status::limited, Status::substantial, Status::complete,
                     Status::withdrawn}) {
        BriefStatusGroup g{std::string(to_string(s)), {}};
        for (const auto& u : undertakings) {
            if (u.status == g.status) {
                g.undertakings.push_back(u);
            }
        }
        if (!g.undertakings.empty()) {
            b.by_status.push_back(std::move(g));
        }
    }

    // Renewed: references between two commitments, one of them made at a meeting, both existing on the day.
    auto exists = [&](const xref::Node* n) { return n && n->kind == Kind::commitment && n->date <= b.as_of; };
    for (const auto& e : graph.edges()) {
        if (e.field != "references" || !is_renewal(e.relation) ||
            (!in_scope.count(e.source) && !in_scope.count(e.target))) {
            continue;
        }
        const xref::Node* later = graph.find(e.source);
        const xref::Node* earlier = graph.find(e.target);
        if (exists(later) && exists(earlier)) {
            b.renewed.push_back({later->id, later->date, later->title, e.relation, earlier->id, earlier->date,
                                 earlier->title});
        }
    }
    std::stable_sort(b.renewed.begin(), b.renewed.end(),
                     [](const auto& x, const auto& y) { return x.later_date < y.later_date; });

    // Alike but unlinked: xref similar's pairs, one of them made at a meeting, both existing on the day.
    xref::SimilarRequest similar;
    similar.min_score = request.min_score;
    similar.limit = 0;
    for (const auto& p : xref::find_similar(graph, similar).pairs) {
        if ((in_scope.count(p.later->id) || in_scope.count(p.earlier->id)) && exists(p.later) && exists(p.earlier)) {
            b.similar.push_back({p.later->id, p.later->parent, p.later->date, p.later->title, p.earlier->id,
                                 p.earlier->date, p.earlier->title, p.score, p.relation, reference_line(p)});
        }
    }

    // What changed since the last meeting, as `report changes` reads it for the series' undertakings.
    if (!b.meetings.empty()) {
        std::string since = day_after(b.meetings.front());
        if (since <= b.as_of) {
            Filter filter;
            filter.series = b.series;
            filter.undertakings_only = true;
            ChangesReport changes = changes_report(store, filter, since, b.as_of);
            // The programs started: those that carry an undertaking or acknowledgement of the series.
            auto unrelated = [&](const NewProgram& p) {
                return std::none_of(p.implements.begin(), p.implements.end(),
                                    [&](const std::string& c) { return in_scope.count(c) != 0; });
            };
            changes.programs.erase(std::remove_if(changes.programs.begin(), changes.programs.end(), unrelated),
                                   changes.programs.end());
            b.changes = std::move(changes);
        }
    }
    return b;
}

} // namespace accord
