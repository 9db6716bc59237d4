#pragma once
// Reads records back from the store, generically through each kind's field table.
#include "accord/model/record.hpp"
#include "accord/store/store.hpp"

#include <SQLiteCpp/Statement.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace accord {

class RecordReader {
public:
    explicit RecordReader(Store& store) : m_db(store.db()) {}

    std::optional<Kind> kind_of(const std::string& id);
    // A record by id (any kind but progress, which has no id).
    std::optional<Record> load(const std::string& id);
    // A record's nested children in input order: statements of a dialogue,
    // commitments of a statement, progress of a commitment.
    std::vector<Record> children(const Record& parent);

private:
    std::vector<Record> load_where(Kind kind, const std::string& column, const std::string& value,
                                   const std::string& order);
    void load_links(Record& record);
    // The statement for sql, prepared on first use and reset for each later one: `show` of a
    // statement loads the links and children of every commitment with the same few queries.
    SQLite::Statement& statement(const std::string& sql);
    SQLite::Database& m_db;
    std::map<std::string, std::unique_ptr<SQLite::Statement>> m_statements;
};

} // namespace accord
