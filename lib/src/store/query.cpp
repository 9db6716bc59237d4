// Browsing queries: one row per record of a kind, filtered; statuses; where a record was read.
#include "accord/store/query.hpp"

#include "accord/error.hpp"
#include "accord/model/record.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace accord {

namespace {

struct ListSpec {
    std::vector<std::string> headers;
    std::string select; // columns on alias t
    std::string order;
};

ListSpec list_spec(Kind kind, const Filter& filter) {
    switch (kind) {
    case Kind::party:
        return {{"id", "type", "name", "member_of"},
                "t.id, t.type, t.name, (SELECT group_concat(party_id, ';') FROM (SELECT party_id FROM record_party "
                "WHERE record_id = t.id AND role = 'member_of' ORDER BY pos))",
                "t.id"};
    case Kind::forum:
        return {{"id", "type", "established", "name"}, "t.id, t.type, t.established, t.name", "t.id"};
    case Kind::theme:
        return {{"id", "group", "code", "label"}, "t.id, t.group_name, t.code, t.label", "t.group_name, t.code, t.id"};
    case Kind::dialogue:
        return {{"id", "date", "series", "location", "title"}, "t.id, t.date, t.series, t.location, t.title",
                "t.date, t.id"};
    case Kind::statement:
        return {{"id", "date", "type", "dialogue", "title"}, "t.id, t.date, t.type, t.dialogue_id, t.title",
                "t.date, t.id"};
    case Kind::commitment:
        return {{"id", "statement", "date", "due", "status", "text"},
                "t.id, t.statement_id, (SELECT s.date FROM statement s WHERE s.id = t.statement_id), t.due, " +
                    filter.commitment_status_sql("t.id") + ", t.text",
                "(SELECT s.date FROM statement s WHERE s.id = t.statement_id), t.statement_id, t.rowid"};
    case Kind::program:
        return {{"id", "type", "status", "start", "title"}, "t.id, t.type, t.status, t.start_date, t.title",
                "t.id"};
    case Kind::progress:
        return {{"commitment", "date", "party", "status", "evidence"},
                "t.commitment_id, t.date, t.party_id, t.status, t.evidence", "t.commitment_id, t.date, t.seq"};
    }
    return {};
}

} // namespace

text::Table list_records(Store& store, Kind kind, const Filter& filter) {
    ListSpec ls = list_spec(kind, filter);
    std::string sql = fmt::format("SELECT {} FROM {} t WHERE {} ORDER BY {}", ls.select, kind_spec(kind).table,
                                  filter.where(kind), ls.order);
    SQLite::Statement q(store.db(), sql);
    filter.bind(q);
    text::Table t;
    for (const auto& h : ls.headers) {
        t.columns.emplace_back(h);
        if (h == "member_of") {
            t.columns.back().shape = text::Shape::list; // party: the organisations it is a member of
        }
    }
    while (q.executeStep()) {
        text::Row row;
        for (int c = 0; c < q.getColumnCount(); ++c) {
            row.push_back(text::Cell::or_null(q.getColumn(c).isNull() ? std::string() : q.getColumn(c).getString()));
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

CommitmentStatus::CommitmentStatus(Store& store)
    : m_overall(store.db(), "SELECT " + status_rule_sql("status") +
                                " FROM v_actor_status WHERE commitment_id = ? HAVING count(*) > 0"),
      m_actors(store.db(), "SELECT ifnull(party_id, ''), status FROM v_actor_status WHERE commitment_id = ?") {}

std::string CommitmentStatus::overall(const std::string& id) {
    m_overall.reset();
    m_overall.bind(1, id);
    return m_overall.executeStep() ? m_overall.getColumn(0).getString() : std::string("unassessed");
}

std::vector<ActorStatus> CommitmentStatus::actors(const std::string& id) {
    m_actors.reset();
    m_actors.bind(1, id);
    std::vector<ActorStatus> out;
    while (m_actors.executeStep()) {
        out.push_back({m_actors.getColumn(0).getString(), m_actors.getColumn(1).getString()});
    }
    return out;
}

std::string id_hint(Store& store, const std::string& id, std::optional<Kind> kind) {
    SQLite::Statement q(store.db(), "SELECT id FROM record WHERE :kind IS NULL OR kind = :kind ORDER BY id");
    if (kind) {
        q.bind(":kind", std::string(to_string(*kind)));
    }
    std::vector<std::string> ids;
    while (q.executeStep()) {
        ids.push_back(q.getColumn(0).getString());
    }
    std::string best = did_you_mean(id, std::vector<std::string_view>(ids.begin(), ids.end()));
    return best.empty() ? std::string() : fmt::format(" (did you mean '{}'?)", best);
}

std::string why_not_a(Store& store, const std::string& id, Kind kind) {
    SQLite::Statement q(store.db(), "SELECT kind FROM record WHERE id = ?");
    q.bind(1, id);
    if (q.executeStep()) {
        std::string actual = q.getColumn(0).getString();
        if (actual == to_string(kind)) {
            return {};
        }
        return fmt::format("'{}' is a {}, not a {}", id, actual, to_string(kind));
    }
    std::string hint = id_hint(store, id, kind);
    return fmt::format("no {} '{}'{}", to_string(kind), id,
                       hint.empty() ? fmt::format(" (accord list {} lists them)", to_string(kind)) : hint);
}

void require_value(Store& store, const char* values_sql, const std::string& value, const char* option,
                   const char* missing, const char* otherwise) {
    SQLite::Statement q(store.db(), values_sql);
    std::vector<std::string> all;
    while (q.executeStep()) {
        if (q.getColumn(0).getString() == value) {
            return;
        }
        all.push_back(q.getColumn(0).getString());
    }
    std::string best = did_you_mean(value, std::vector<std::string_view>(all.begin(), all.end()));
    throw UsageError(fmt::format("{}: {} '{}' ({})", option, missing, value,
                                 best.empty() ? std::string(otherwise) : fmt::format("did you mean '{}'?", best)));
}

std::vector<std::pair<std::string, std::string>> referenced_by(Store& store, const std::string& id) {
    SQLite::Statement q(store.db(), "SELECT source_id, relation FROM record_reference WHERE target_id = ? "
                                    "ORDER BY source_id, relation");
    q.bind(1, id);
    std::vector<std::pair<std::string, std::string>> out;
    while (q.executeStep()) {
        out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
    }
    return out;
}

PlaceFinder::PlaceFinder(Store& store)
    : m_paths(store.path()),
      m_record(store.db(), "SELECT f.path, r.line, r.col FROM record r JOIN file f ON f.id = r.file_id WHERE r.id = ?"),
      m_progress(store.db(), "SELECT f.path, p.line, p.col FROM progress p JOIN file f ON f.id = p.file_id "
                             "WHERE p.commitment_id = ? AND p.date = ? AND ifnull(p.party_id, '') = ?") {}

std::optional<StoredPlace> PlaceFinder::step(SQLite::Statement& q) {
    std::optional<StoredPlace> out;
    if (q.executeStep()) {
        out = StoredPlace{m_paths.display(q.getColumn(0).getString()), q.getColumn(1).getInt(), q.getColumn(2).getInt()};
    }
    q.reset();
    return out;
}

std::optional<StoredPlace> PlaceFinder::record(const std::string& id) {
    m_record.bind(1, id);
    return step(m_record);
}

std::optional<StoredPlace> PlaceFinder::progress(const std::string& commitment, const std::string& date,
                                                 const std::string& party) {
    m_progress.bind(1, commitment);
    m_progress.bind(2, date);
    m_progress.bind(3, party);
    return step(m_progress);
}

} // namespace accord
