// `accord report coverage`: themes against their commitments, programs and parties.
#include "accord/report/coverage.hpp"

#include "accord/report/svg.hpp"
#include "accord/store/query.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace accord {

namespace {

// Programs that exist on the day, and which selected commitments they implement.
const char* k_program_ctes = ",\n"
                             "a_program(program_id) AS (\n"
                             "  SELECT p.id FROM program p WHERE p.start_date IS NULL OR p.start_date <= :as_of\n"
                             "),\n"
                             "a_implements(program_id, commitment_id) AS (\n"
                             "  SELECT r.source_id, r.target_id FROM record_reference r\n"
                             "    JOIN a_program ap ON ap.program_id = r.source_id\n"
                             "    JOIN a_status s ON s.commitment_id = r.target_id\n"
                             "   WHERE r.relation = 'implements'\n"
                             "),\n"
                             "a_theme_commitment(theme_id, commitment_id) AS (\n"
                             "  SELECT DISTINCT rt.theme_id, rt.record_id FROM record_theme rt\n"
                             "    JOIN a_status s ON s.commitment_id = rt.record_id\n"
                             ")\n";

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(';', start);
        if (end == std::string::npos) {
            end = text.size();
        }
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

} // namespace

CoverageReport coverage_report(Store& store, const Filter& filter, const std::optional<std::string>& group,
                               const std::string& as_of) {
    CoverageReport r;
    r.as_of = as_of;
    r.group = group;
    if (group) {
        require_value(store, "SELECT DISTINCT group_name FROM theme WHERE group_name IS NOT NULL ORDER BY group_name",
                      *group, "--group", "no theme has the group", "accord list theme shows each theme's group");
    }
    const std::string ctes = as_of_sql(filter) + k_program_ctes;
    SQLite::Statement q(
        store.db(),
        fmt::format("{}"
                    "SELECT th.id, th.label, th.group_name, th.code,\n"
                    "  (SELECT count(*) FROM a_theme_commitment tc WHERE tc.theme_id = th.id),\n"
                    "  (SELECT count(*) FROM a_theme_commitment tc WHERE tc.theme_id = th.id\n"
                    "      AND EXISTS (SELECT 1 FROM a_implements i WHERE i.commitment_id = tc.commitment_id)),\n"
                    "  (SELECT count(DISTINCT i.program_id) FROM a_implements i\n"
                    "     JOIN a_theme_commitment tc ON tc.commitment_id = i.commitment_id WHERE tc.theme_id = th.id),\n"
                    "  (SELECT count(DISTINCT rt.record_id) FROM record_theme rt\n"
                    "     JOIN a_program ap ON ap.program_id = rt.record_id WHERE rt.theme_id = th.id),\n"
                    "  (SELECT group_concat(p, ';') FROM (SELECT DISTINCT a.party_id AS p FROM a_theme_commitment tc\n"
                    "     JOIN a_actor_status a ON a.commitment_id = tc.commitment_id\n"
                    "    WHERE tc.theme_id = th.id AND a.party_id IS NOT NULL ORDER BY p))\n"
                    "  FROM theme th WHERE {} AND {}\n"
                    " ORDER BY th.group_name, th.code, th.id",
                    ctes, group ? "th.group_name = :coverage_group" : "1", filter.theme ? "th.id = :theme" : "1"));
    bind_as_of(q, filter, as_of);
    if (group) {
        q.bind(":coverage_group", *group);
    }
    while (q.executeStep()) {
        CoverageRow row;
        row.theme = q.getColumn(0).getString();
        row.label = q.getColumn(1).getString();
        row.group = cell_of(q.getColumn(2));
        row.code = cell_of(q.getColumn(3));
        row.commitments = q.getColumn(4).getInt64();
        row.implemented = q.getColumn(5).getInt64();
        row.implementing = q.getColumn(6).getInt64();
        row.programs = q.getColumn(7).getInt64();
        row.parties = split(q.getColumn(8).getString());
        r.rows.push_back(std::move(row));
    }

    // Programs implementing no commitment at all (whatever the filters select).
    SQLite::Statement u(store.db(), "SELECT p.id, p.type, p.status, p.start_date, p.title FROM program p "
                                    "WHERE (p.start_date IS NULL OR p.start_date <= :as_of) "
                                    "AND NOT EXISTS (SELECT 1 FROM record_reference r WHERE r.source_id = p.id "
                                    "AND r.relation = 'implements') ORDER BY p.id");
    u.bind(":as_of", as_of);
    while (u.executeStep()) {
        r.unlinked.push_back({u.getColumn(0).getString(), cell_of(u.getColumn(1)), cell_of(u.getColumn(2)),
                              cell_of(u.getColumn(3)), u.getColumn(4).getString()});
    }
    r.noted = acknowledgements_left_out(store, filter, as_of);
    return r;
}

namespace {

std::vector<std::string> coverage_notes(const CoverageReport& r) {
    long gaps = 0;
    for (const auto& row : r.rows) {
        gaps += row.gap() ? 1 : 0;
    }
    std::vector<std::string> notes = {fmt::format("As of {}{}. implemented: commitments with the theme that a program implements; implementing: "
                        "those programs; programs: programs with the theme. {} {} commitments that no program "
                        "implements (flag: no program).",
                        r.as_of, r.group ? ", themes of group " + *r.group : "", gaps,
                        gaps == 1 ? "theme has" : "themes have")};
    if (std::string n = acknowledgements_note(r.noted); !n.empty()) {
        notes.push_back(n);
    }
    return notes;
}

} // namespace

text::Document coverage_document(const CoverageReport& r, const ReportStyle& style) {
    using text::Cell;
    using text::CellType;
    using text::Column;
    using text::Json;
    using text::Show;
    text::Document doc;
    doc.title = "Coverage of themes, as of " + r.as_of;
    doc.notes = coverage_notes(r);
    doc.notes_spaced = true;

    // The csv format writes the themes only; JSON also lists the programs implementing nothing.
    text::Table themes;
    themes.columns = {text::nowrap(Column("theme")),
                      text::nowrap(Column("group")),
                      text::nowrap(Column("code")),
                      Column("label", "label", CellType::text, Show::machine),
                      Column("commitments", CellType::integer),
                      Column("implemented", CellType::integer),
                      Column("implementing", CellType::integer),
                      Column("programs", CellType::integer),
                      Column("parties", CellType::integer),
                      Column("party_ids", "party_ids", CellType::text, Show::machine),
                      text::nowrap(Column("flag", "flag", CellType::text, Show::human)),
                      Column("no_program", "no_program", CellType::boolean, Show::machine)};
    Json theme_rows = Json::array();
    for (const auto& row : r.rows) {
        themes.rows.push_back({row.theme, Cell(row.group), Cell(row.code), row.label, Cell::integer(row.commitments),
                               Cell::integer(row.implemented), Cell::integer(row.implementing),
                               Cell::integer(row.programs), Cell::integer(static_cast<long long>(row.parties.size())),
                               fmt::format("{}", fmt::join(row.parties, ";")),
                               row.gap() ? Cell("no program") : Cell(), Cell::boolean(row.gap())});
        Json item = Json::object();
        item.add("theme", row.theme).add("label", row.label).add("group", row.group).add("code", row.code);
        item.add("commitments", row.commitments).add("implemented", row.implemented);
        item.add("implementing", row.implementing).add("programs", row.programs);
        item.add("parties", Json::strings(row.parties)).add("no_program", Json::boolean(row.gap()));
        theme_rows.push(std::move(item));
    }
    text::Table programs;
    programs.columns = {text::nowrap(Column("program")), text::nowrap(Column("type")), text::nowrap(Column("status")),
                        text::nowrap(Column("start")), Column("title")};
    programs.none = "(none)";
    Json program_rows = Json::array();
    for (const auto& u : r.unlinked) {
        programs.rows.push_back({u.id, Cell(u.type), Cell(u.status), Cell(u.start), u.title});
        program_rows.push(Json::object().add("program", u.id).add("type", u.type).add("status", u.status)
                              .add("start", u.start).add("title", u.title));
    }
    doc.sections.push_back({"", std::move(themes)});
    doc.sections.push_back({"Programs implementing no commitment", std::move(programs)});

    doc.json = Json::object();
    doc.json.add("report", "coverage").add("as_of", r.as_of).add("group", r.group);
    doc.json.add("themes", std::move(theme_rows)).add("programs_implementing_nothing", std::move(program_rows));
    doc.json.add("notes", Json::strings(doc.notes));

    BarChart chart{"Commitments per theme that a program implements, as of " + r.as_of, "commitments",
                   {"implemented", "not implemented"}, {}};
    HeatMap map{"Coverage heat map, as of " + r.as_of + ": each cell shaded by its share of the largest value in "
                "its column",
                {"commitments", "implemented", "implementing", "programs", "parties"}, {}, {}, {}};
    for (const auto& row : r.rows) {
        chart.bars.push_back({row.theme, {row.implemented, row.commitments - row.implemented}});
        map.rows.push_back(row.code ? *row.code + " " + row.label : row.label);
        map.values.push_back({row.commitments, row.implemented, row.implementing, row.programs,
                              static_cast<long>(row.parties.size())});
        map.marks.push_back(row.gap() ? "no program" : "");
    }
    add_charts(doc, style, std::move(chart), [map = std::move(map)](std::ostream& out) { write_heat_map(out, map); });
    return doc;
}

} // namespace accord
