// `accord report changes`: what moved between two days, as a text::Document.
#include "accord/report/changes.hpp"

#include "accord/error.hpp"
#include "accord/report/svg.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <map>

namespace accord {

namespace {

struct Standing {
    std::string commitment, statement, made, status;
    std::vector<ActorAsOf> actors;
    MaybeText due;
    std::string text;
};

std::vector<Standing> standings(Store& store, const Filter& filter, const std::string& day) {
    SQLite::Statement q(store.db(), as_of_sql(filter) + "\nSELECT s.commitment_id, c.statement_id, c.made, s.status, " +
                                        actor_list_sql("s.commitment_id") + ", c.due, t.text\n"
                                        "  FROM a_status s JOIN a_commitment c ON c.commitment_id = s.commitment_id\n"
                                        "  JOIN statement st ON st.id = c.statement_id\n"
                                        "  JOIN commitment t ON t.id = s.commitment_id\n"
                                        " ORDER BY c.made, st.rowid, t.rowid");
    bind_as_of(q, filter, day);
    std::vector<Standing> out;
    while (q.executeStep()) {
        out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                       q.getColumn(3).getString(), parse_actor_list(q.getColumn(4).getString()),
                       cell_of(q.getColumn(5)), q.getColumn(6).getString()});
    }
    return out;
}

} // namespace

ChangesReport changes_report(Store& store, const Filter& filter, const std::string& since, const std::string& until) {
    if (until < since) {
        throw UsageError(fmt::format("--until {} is before --since {}", until, since));
    }
    ChangesReport r;
    r.since = since;
    r.until = until;
    {
        SQLite::Statement q(store.db(), "SELECT date(:since, '-1 day')");
        q.bind(":since", since);
        q.executeStep();
        r.before = q.getColumn(0).getString();
    }
    // The status compared against is the one on the last day; before, every status counts.
    Filter without_status = filter;
    without_status.status.reset();
    std::map<std::string, std::string> before;
    for (const auto& s : standings(store, without_status, r.before)) {
        before[s.commitment] = s.status;
    }
    const auto notes = latest_notes(store, until);
    for (const auto& s : standings(store, filter, until)) {
        auto it = before.find(s.commitment);
        if (it == before.end()) {
            r.made.push_back({s.commitment, s.statement, s.made, s.status, s.actors, s.due, s.text,
                              latest_of(notes, s.commitment)});
        } else if (it->second != s.status) {
            r.changes.push_back({s.commitment, s.statement, it->second, s.status, s.actors, s.due, s.text,
                                 latest_of(notes, s.commitment)});
        }
    }
    // Text order is first-day order, so "after the day before" keeps a start of `2025`
    // in a window from 2025-01-01.
    SQLite::Statement p(store.db(),
                        "SELECT p.id, p.type, p.start_date, p.title, (SELECT group_concat(target_id, ';') FROM "
                        "(SELECT r.target_id FROM record_reference r WHERE r.source_id = p.id AND r.relation = "
                        "'implements' ORDER BY r.pos)) FROM program p WHERE p.start_date > :before AND "
                        "p.start_date <= :until ORDER BY p.start_date, p.id");
    p.bind(":before", r.before);
    p.bind(":until", until);
    while (p.executeStep()) {
        NewProgram np;
        np.id = p.getColumn(0).getString();
        np.type = cell_of(p.getColumn(1));
        np.start = p.getColumn(2).getString();
        np.title = p.getColumn(3).getString();
        std::string impl = p.getColumn(4).getString();
        std::size_t start = 0;
        while (start < impl.size()) {
            std::size_t end = impl.find(';', start);
            if (end == std::string::npos) {
                end = impl.size();
            }
            np.implements.push_back(impl.substr(start, end - start));
            start = end + 1;
        }
        r.programs.push_back(std::move(np));
    }
    return r;
}

namespace {

text::Json commitment_json(text::Json item, const std::vector<ActorAsOf>& actors, const MaybeText& due,
                           const std::string& text, const std::optional<LatestNote>& latest) {
    item.add("actors", actors_json(actors)).add("due", due).add("text", text);
    return item.add("latest", latest_json(latest));
}

} // namespace

text::Json changes_json(const ChangesReport& r) {
    using text::Json;
    Json change_rows = Json::array();
    Json made_rows = Json::array();
    Json program_rows = Json::array();
    for (const auto& c : r.changes) {
        Json item = Json::object();
        item.add("commitment", c.commitment).add("statement", c.statement).add("from", c.from).add("to", c.to);
        change_rows.push(commitment_json(std::move(item), c.actors, c.due, c.text, c.latest));
    }
    for (const auto& c : r.made) {
        Json item = Json::object();
        item.add("commitment", c.commitment).add("statement", c.statement).add("made", c.made).add("status", c.status);
        made_rows.push(commitment_json(std::move(item), c.actors, c.due, c.text, c.latest));
    }
    for (const auto& p : r.programs) {
        program_rows.push(Json::object().add("program", p.id).add("type", p.type).add("start", p.start)
                              .add("implements", Json::strings(p.implements)).add("title", p.title));
    }
    Json j = Json::object();
    j.add("report", "changes").add("since", r.since).add("until", r.until).add("compared_with", r.before);
    j.add("status_changes", std::move(change_rows)).add("new_commitments", std::move(made_rows));
    return j.add("new_programs", std::move(program_rows));
}

text::Document changes_document(const ChangesReport& r, const ReportStyle& style) {
    using text::Cell;
    using text::Column;
    text::Document doc;
    doc.title = fmt::format("Changes from {} to {} (statuses on {} against {})", r.since, r.until, r.before, r.until);
    doc.title_in_text = true;

    auto table = [](std::initializer_list<const char*> keys, bool substance) {
        text::Table t;
        for (const char* k : keys) {
            t.columns.push_back(std::string(k) == "title" || std::string(k) == "actors" ? Column(k)
                                                                                        : text::nowrap(Column(k)));
        }
        if (substance) {
            for (auto& c : substance_columns()) {
                t.columns.push_back(std::move(c));
            }
        }
        t.none = "(none)";
        return t;
    };
    text::Table changes = table({"commitment", "statement", "from", "to", "actors", "due"}, true);
    text::Table made = table({"commitment", "statement", "made", "status", "actors", "due"}, true);
    text::Table programs = table({"program", "start", "type", "implements", "title"}, false);
    text::Table csv = table({"change", "id", "statement", "date", "from", "to", "implements", "title", "actors", "due"},
                            true);
    for (const auto& c : r.changes) {
        changes.rows.push_back({c.commitment, c.statement, c.from, c.to, actor_ids(c.actors, ", "), Cell(c.due)});
        add_substance_cells(changes.rows.back(), c.text, c.latest, style.format);
        csv.rows.push_back({"status", c.commitment, c.statement, Cell(), c.from, c.to, Cell(), Cell(),
                            actor_ids(c.actors, ";"), Cell(c.due)});
        add_substance_cells(csv.rows.back(), c.text, c.latest, text::Format::csv);
    }
    for (const auto& c : r.made) {
        made.rows.push_back({c.commitment, c.statement, c.made, c.status, actor_ids(c.actors, ", "), Cell(c.due)});
        add_substance_cells(made.rows.back(), c.text, c.latest, style.format);
        csv.rows.push_back({"new-commitment", c.commitment, c.statement, c.made, Cell(), c.status, Cell(), Cell(),
                            actor_ids(c.actors, ";"), Cell(c.due)});
        add_substance_cells(csv.rows.back(), c.text, c.latest, text::Format::csv);
    }
    for (const auto& p : r.programs) {
        programs.rows.push_back({p.id, p.start, Cell(p.type), fmt::format("{}", fmt::join(p.implements, ", ")), p.title});
        csv.rows.push_back({"new-program", p.id, Cell(), p.start, Cell(), Cell(),
                            fmt::format("{}", fmt::join(p.implements, ";")), p.title, Cell(), Cell()});
        add_substance_cells(csv.rows.back(), "", std::nullopt, text::Format::csv);
        csv.rows.back()[10] = Cell(); // a program has no text: its title is in `title`
    }
    doc.sections.push_back({"Status changes", std::move(changes)});
    doc.sections.push_back({"New commitments", std::move(made)});
    doc.sections.push_back({"New programs", std::move(programs)});
    csv.none.clear();
    doc.csv = std::move(csv);
    doc.json = changes_json(r);

    BarChart chart{fmt::format("Status on {} of the commitments whose status changed or that were made, by statement",
                               r.until),
                   "commitments", status_keys(), {}};
    for (const auto& c : r.changes) {
        chart.add(c.statement, c.to);
    }
    for (const auto& c : r.made) {
        chart.add(c.statement, c.status);
    }
    add_charts(doc, style, std::move(chart));
    return doc;
}

} // namespace accord
