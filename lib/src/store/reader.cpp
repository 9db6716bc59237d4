// RecordReader: records read back from the database through the field tables.
#include "accord/store/reader.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace accord {

namespace {

std::string select_list(const KindSpec& spec) {
    std::string cols;
    for (const auto& fs : spec.fields) {
        if (!in_kind_table(fs)) {
            continue;
        }
        if (!cols.empty()) {
            cols += ", ";
        }
        if (fs.type == FieldType::source) {
            cols += "source_title, source_publisher, source_url, source_published, source_paragraph";
        } else {
            cols += column_of(fs.name);
        }
    }
    return cols;
}

std::optional<std::string> opt_text(const SQLite::Column& c) {
    return c.isNull() ? std::nullopt : std::optional<std::string>(c.getString());
}

std::optional<Scalar> opt_scalar(const SQLite::Column& c) {
    if (c.isNull()) {
        return std::nullopt;
    }
    if (c.isInteger()) {
        return Scalar(static_cast<std::int64_t>(c.getInt64()));
    }
    return Scalar(c.getString());
}

// A source from five columns (title, publisher, url, published, paragraph) from column col.
Source source_at(SQLite::Statement& q, int col) {
    Source s;
    s.title = opt_text(q.getColumn(col));
    s.publisher = opt_text(q.getColumn(col + 1));
    s.url = opt_text(q.getColumn(col + 2));
    if (auto p = opt_text(q.getColumn(col + 3))) {
        s.published = PartialDate::parse(*p);
    }
    s.paragraph = opt_scalar(q.getColumn(col + 4));
    return s;
}

Record from_row(Kind kind, SQLite::Statement& q) {
    Record rec(kind);
    const KindSpec& spec = rec.spec();
    int col = 0;
    for (std::size_t f = 0; f < spec.fields.size(); ++f) {
        const FieldSpec& fs = spec.fields[f];
        if (!in_kind_table(fs)) {
            continue;
        }
        FieldValue& v = rec.values[f];
        if (fs.type == FieldType::source) {
            Source s = source_at(q, col);
            col += 5;
            if (!s.empty()) {
                v = s;
            }
            continue;
        }
        SQLite::Column c = q.getColumn(col++);
        if (c.isNull()) {
            continue;
        }
        if (fs.type == FieldType::date) {
            if (auto d = PartialDate::parse(c.getString())) {
                v = *d;
            }
        } else if (fs.type == FieldType::integer || (fs.type == FieldType::paragraph && c.isInteger())) {
            v = static_cast<std::int64_t>(c.getInt64());
        } else {
            v = c.getString();
        }
    }
    return rec;
}

} // namespace

SQLite::Statement& RecordReader::statement(const std::string& sql) {
    auto& q = m_statements[sql];
    if (!q) {
        q = std::make_unique<SQLite::Statement>(m_db, sql);
    } else {
        q->reset();
        q->clearBindings();
    }
    return *q;
}

std::optional<Kind> RecordReader::kind_of(const std::string& id) {
    SQLite::Statement& q = statement("SELECT kind FROM record WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) {
        return std::nullopt;
    }
    return kind_from_string(q.getColumn(0).getString());
}

std::optional<Record> RecordReader::load(const std::string& id) {
    auto kind = kind_of(id);
    if (!kind) {
        return std::nullopt;
    }
    auto found = load_where(*kind, "id", id, "rowid");
    if (found.empty()) {
        return std::nullopt;
    }
    return found.front();
}

std::vector<Record> RecordReader::load_where(Kind kind, const std::string& column, const std::string& value,
                                             const std::string& order) {
    const KindSpec& spec = kind_spec(kind);
    SQLite::Statement& q = statement(
        fmt::format("SELECT {} FROM {} WHERE {} = ? ORDER BY {}", select_list(spec), spec.table, column, order));
    q.bind(1, value);
    std::vector<Record> out;
    while (q.executeStep()) {
        out.push_back(from_row(kind, q));
    }
    for (auto& r : out) {
        load_links(r);
    }
    return out;
}

void RecordReader::load_links(Record& record) {
    if (record.kind == Kind::progress) {
        return;
    }
    const std::string id = record.id();
    const KindSpec& spec = record.spec();
    for (std::size_t f = 0; f < spec.fields.size(); ++f) {
        const FieldSpec& fs = spec.fields[f];
        if (fs.type == FieldType::ref_list) {
            std::string sql;
            if (fs.ref_kinds == kind_bit(Kind::party)) {
                sql = "SELECT party_id FROM record_party WHERE record_id = ?1 AND role = ?2 ORDER BY pos";
            } else if (fs.ref_kinds == kind_bit(Kind::theme)) {
                sql = "SELECT theme_id FROM record_theme WHERE record_id = ?1 AND ?2 = ?2 ORDER BY pos";
            } else {
                sql = "SELECT target_id FROM record_reference WHERE source_id = ?1 AND field = ?2 ORDER BY pos";
            }
            SQLite::Statement& q = statement(sql);
            q.bind(1, id);
            q.bind(2, std::string(fs.name));
            std::vector<std::string> ids;
            while (q.executeStep()) {
                ids.push_back(q.getColumn(0).getString());
            }
            if (!ids.empty()) {
                record.values[f] = ids;
            }
        } else if (fs.type == FieldType::references) {
            SQLite::Statement& q = statement("SELECT relation, target_id FROM record_reference WHERE source_id = ? "
                                             "AND field = 'references' ORDER BY pos");
            q.bind(1, id);
            std::vector<Reference> refs;
            while (q.executeStep()) {
                refs.push_back({q.getColumn(0).getString(), q.getColumn(1).getString()});
            }
            if (!refs.empty()) {
                record.values[f] = refs;
            }
        } else if (fs.type == FieldType::milestones) {
            SQLite::Statement& q = statement("SELECT date, text, source_title, source_publisher, source_url, "
                                             "source_published, source_paragraph FROM program_milestone "
                                             "WHERE program_id = ? ORDER BY pos");
            q.bind(1, id);
            std::vector<Milestone> milestones;
            while (q.executeStep()) {
                Milestone m;
                m.date = PartialDate::parse(q.getColumn(0).getString()).value_or(PartialDate());
                m.text = q.getColumn(1).getString();
                if (Source s = source_at(q, 2); !s.empty()) {
                    m.source = s;
                }
                milestones.push_back(std::move(m));
            }
            if (!milestones.empty()) {
                record.values[f] = milestones;
            }
        }
    }
}

std::vector<Record> RecordReader::children(const Record& parent) {
    switch (parent.kind) {
    case Kind::dialogue:
        return load_where(Kind::statement, "dialogue_id", parent.id(), "rowid");
    case Kind::statement:
        return load_where(Kind::commitment, "statement_id", parent.id(), "rowid");
    case Kind::commitment:
        return load_where(Kind::progress, "commitment_id", parent.id(), "seq");
    default:
        return {};
    }
}

} // namespace accord
