// A commitment's text and latest progress note in every report: the query and the cells.
#include "accord/report/substance.hpp"

#include "accord/text/strings.hpp"

#include <SQLiteCpp/Statement.h>

namespace accord {

std::unordered_map<std::string, LatestNote> latest_notes(Store& store, const std::string& as_of) {
    // A partial date counts from its first day: as text, "2025-03" sorts before "2025-03-01".
    SQLite::Statement q(store.db(), "SELECT commitment_id, date, status, ifnull(party_id, ''), ifnull(note, ''), "
                                    "ifnull(evidence, '') FROM (SELECT p.*, row_number() OVER (PARTITION BY "
                                    "commitment_id ORDER BY date DESC, seq DESC) AS n FROM progress p "
                                    "WHERE date <= :as_of) WHERE n = 1");
    q.bind(":as_of", as_of);
    std::unordered_map<std::string, LatestNote> out;
    while (q.executeStep()) {
        out.emplace(q.getColumn(0).getString(),
                    LatestNote{q.getColumn(1).getString(), q.getColumn(2).getString(), q.getColumn(3).getString(),
                               q.getColumn(4).getString(), q.getColumn(5).getString()});
    }
    return out;
}

std::optional<LatestNote> latest_of(const std::unordered_map<std::string, LatestNote>& notes,
                                    const std::string& commitment) {
    auto it = notes.find(commitment);
    return it == notes.end() ? std::nullopt : std::optional<LatestNote>(it->second);
}

std::string latest_text(const std::optional<LatestNote>& p, std::size_t width) {
    if (!p) {
        return "";
    }
    std::string s = p->date + " " + p->status;
    if (!p->party.empty()) {
        s += " (" + p->party + ")";
    }
    if (!p->note.empty()) {
        s += ": " + (width == std::string::npos ? p->note : text::shorten(p->note, width));
    }
    if (!p->evidence.empty()) {
        s += " [evidence: " + (width == std::string::npos ? p->evidence : text::shorten(p->evidence, 40)) + "]";
    }
    return s;
}

text::Json latest_json(const std::optional<LatestNote>& p) {
    if (!p) {
        return text::Json();
    }
    auto or_null = [](const std::string& s) { return s.empty() ? text::Json() : text::Json(s); };
    return text::Json::object().add("date", p->date).add("status", p->status).add("party", or_null(p->party))
        .add("note", or_null(p->note)).add("evidence", or_null(p->evidence));
}

std::vector<text::Column> substance_columns() {
    using text::CellType;
    using text::Column;
    using text::Show;
    return {Column("text"), Column("latest", "latest progress", CellType::text, Show::human),
            Column("latest_date", "latest_date", CellType::date, Show::machine),
            Column("latest_note", "latest_note", CellType::text, Show::machine),
            Column("latest_evidence", "latest_evidence", CellType::text, Show::machine)};
}

void add_substance_cells(text::Row& row, const std::string& text, const std::optional<LatestNote>& latest,
                         text::Format format) {
    using text::Cell;
    const bool table = format == text::Format::table;
    row.push_back(Cell(text).shown_as(table ? text::shorten(text, text::k_short_text) : text));
    row.push_back(Cell::or_null(latest_text(latest, table ? text::k_short_text : std::string::npos)));
    row.push_back(latest ? Cell::date(latest->date) : Cell());
    row.push_back(latest ? Cell::or_null(latest->note) : Cell());
    row.push_back(latest ? Cell::or_null(latest->evidence) : Cell());
}

} // namespace accord
