#include "accord/store/query.hpp"

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

Table list_records(Store& store, Kind kind, const Filter& filter) {
    ListSpec ls = list_spec(kind, filter);
    std::string sql = fmt::format("SELECT {} FROM {} t WHERE {} ORDER BY {}", ls.select, kind_spec(kind).table,
                                  filter.where(kind), ls.order);
    SQLite::Statement q(store.db(), sql);
    filter.bind(q);
    Table t;
    t.headers = ls.headers;
    while (q.executeStep()) {
        std::vector<std::string> row;
        for (int c = 0; c < q.getColumnCount(); ++c) {
            row.push_back(q.getColumn(c).isNull() ? std::string() : q.getColumn(c).getString());
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

} // namespace accord
