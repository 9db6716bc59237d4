// Writer: records upserted through the field tables, with their links and search text.
#include "accord/store/writer.hpp"

#include <fmt/format.h>

namespace accord {

std::string digest(const Record& record) {
    __extension__ typedef unsigned __int128 u128;
    // FNV-1a, 128-bit.
    u128 hash = (static_cast<u128>(0x6c62272e07bb0142ULL) << 64) | 0x62b821756295c58dULL;
    const u128 prime = (static_cast<u128>(0x0000000001000000ULL) << 64) | 0x000000000000013BULL;
    for (unsigned char c : record.canonical()) {
        hash ^= c;
        hash *= prime;
    }
    return fmt::format("{:016x}{:016x}", static_cast<unsigned long long>(hash >> 64),
                       static_cast<unsigned long long>(hash));
}

std::string digest_key(std::string_view hex) {
    std::string key;
    for (std::size_t i = 0; i + 1 < hex.size() && key.size() < 8; i += 2) {
        auto nibble = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
        key += static_cast<char>(nibble(hex[i]) << 4 | nibble(hex[i + 1]));
    }
    return key;
}

namespace {

// The first rowid of `record` (schema_v7.sql.inc): 2^40, above every progress event's seq.
constexpr std::int64_t k_first_record_rowid = std::int64_t(1) << 40;

std::vector<std::string> columns_of(const KindSpec& spec) {
    std::vector<std::string> cols;
    for (const auto& fs : spec.fields) {
        if (!in_kind_table(fs)) {
            continue;
        }
        if (fs.type == FieldType::source) {
            for (const char* c : {"source_title", "source_publisher", "source_url", "source_published",
                                  "source_paragraph"}) {
                cols.emplace_back(c);
            }
        } else {
            cols.push_back(column_of(fs.name));
        }
    }
    if (spec.kind == Kind::progress) {
        for (const char* c : {"digest", "file_id", "line", "col", "after_record"}) {
            cols.emplace_back(c);
        }
    }
    return cols;
}

template <class T> void bind_opt(SQLite::Statement& q, int i, const std::optional<T>& v) {
    if (!v) {
        q.bind(i);
    } else if constexpr (std::is_same_v<T, PartialDate>) {
        q.bind(i, v->str());
    } else if constexpr (std::is_same_v<T, Scalar>) {
        if (auto n = std::get_if<std::int64_t>(&*v)) {
            q.bind(i, static_cast<int64_t>(*n));
        } else {
            q.bindNoCopy(i, std::get<std::string>(*v));
        }
    } else if constexpr (std::is_same_v<T, std::string>) {
        q.bindNoCopy(i, *v); // the record outlives the statement's execution
    } else {
        q.bind(i, *v);
    }
}

// Binds a field's value as its kind-table column holds it.
void bind_field(SQLite::Statement& q, int i, const FieldValue& v) {
    std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::string>) {
                q.bindNoCopy(i, x); // the record outlives the statement's execution
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
                q.bind(i, static_cast<int64_t>(x));
            } else if constexpr (std::is_same_v<T, PartialDate>) {
                q.bind(i, x.str());
            } else {
                q.bind(i);
            }
        },
        v);
}

// Binds the record's kind-table values in columns_of() order; returns the next index.
int bind_values(SQLite::Statement& q, const Record& record) {
    int i = 1;
    const auto& spec = record.spec();
    for (std::size_t f = 0; f < spec.fields.size(); ++f) {
        const FieldSpec& fs = spec.fields[f];
        if (!in_kind_table(fs)) {
            continue;
        }
        const FieldValue& v = record.values[f];
        if (fs.type == FieldType::source) {
            static const Source k_none;
            const auto* box = std::get_if<SourceBox>(&v);
            const Source* s = box ? &**box : &k_none;
            bind_opt(q, i++, s->title);
            bind_opt(q, i++, s->publisher);
            bind_opt(q, i++, s->url);
            bind_opt(q, i++, s->published);
            bind_opt(q, i++, s->paragraph);
            continue;
        }
        bind_field(q, i++, v);
    }
    return i;
}

// Binds a place as (file_id, line, col) from index i; file 0 is NULL, and so is its place.
void bind_place(SQLite::Statement& q, int i, const Place& place) {
    if (place.file == 0) {
        q.bind(i);
        q.bind(i + 1);
        q.bind(i + 2);
        return;
    }
    q.bind(i, static_cast<int64_t>(place.file));
    q.bind(i + 1, place.line);
    q.bind(i + 2, place.column);
}

// A place read from (file_id, line, col) at column i.
Place place_at(SQLite::Statement& q, int i) {
    Place p;
    if (!q.getColumn(i).isNull()) {
        p.file = q.getColumn(i).getInt64();
        p.line = q.getColumn(i + 1).getInt();
        p.column = q.getColumn(i + 2).getInt();
    }
    return p;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) {
            out += sep;
        }
        out += p;
    }
    return out;
}

} // namespace

struct Writer::KindStatements {
    SQLite::Statement write;
    KindStatements(SQLite::Database& db, const std::string& sql) : write(db, sql) {}
};

Writer::KindStatements& Writer::statements(Kind kind) {
    auto it = m_kinds.find(kind);
    if (it != m_kinds.end()) {
        return *it->second;
    }
    const KindSpec& spec = kind_spec(kind);
    auto cols = columns_of(spec);
    std::vector<std::string> marks(cols.size(), "?");
    // An upsert, never a REPLACE: the search triggers see the old row (schema_v7.sql.inc).
    // Progress is keyed by (commitment, date, party): the caller passes the stored event's seq
    // (or NULL for a new one) last.
    const bool progress = kind == Kind::progress;
    if (progress) {
        cols.emplace_back("seq");
        marks.emplace_back("?");
    }
    std::vector<std::string> sets;
    for (const auto& c : cols) {
        if (c != "id" && c != "seq") {
            sets.push_back(fmt::format("{0} = excluded.{0}", c));
        }
    }
    std::string sql = fmt::format("INSERT INTO {} ({}) VALUES ({}) ON CONFLICT({}) DO UPDATE SET {}", spec.table,
                                  join(cols, ", "), join(marks, ", "), progress ? "seq" : "id", join(sets, ", "));
    auto st = std::make_unique<KindStatements>(m_db, sql);
    return *m_kinds.emplace(kind, std::move(st)).first->second;
}

Writer::Writer(Store& store)
    : m_db(store.db()), m_find(m_db, "SELECT kind, digest, file_id, line, col, rowid FROM record WHERE id = ?"),
      m_insert_record(m_db, fmt::format("INSERT INTO record (rowid, id, kind, digest, file_id, line, col) VALUES "
                                        "(max(coalesce((SELECT max(rowid) FROM main.record), 0), {}) + 1, "
                                        "?, ?, ?, ?, ?, ?)",
                                        k_first_record_rowid - 1)),
      m_update_record(m_db, "UPDATE record SET digest = ?, file_id = ?, line = ?, col = ? WHERE id = ?"),
      m_move_record(m_db, "UPDATE record SET file_id = ?, line = ?, col = ? WHERE id = ?"),
      m_find_progress(m_db, "SELECT seq, digest, file_id, line, col FROM progress WHERE commitment_id = ? "
                            "AND date = ? AND ifnull(party_id, '') = ?"),
      m_move_progress(m_db, "UPDATE progress SET file_id = ?, line = ?, col = ? WHERE seq = ?"),
      m_insert_party_link(m_db, "INSERT INTO record_party (record_id, role, pos, party_id) VALUES (?, ?, ?, ?)"),
      m_insert_theme_link(m_db, "INSERT INTO record_theme (record_id, pos, theme_id) VALUES (?, ?, ?)"),
      m_insert_reference(m_db, "INSERT INTO record_reference (source_id, field, pos, relation, target_id) "
                               "VALUES (?, ?, ?, ?, ?)"),
      m_delete_party_links(m_db, "DELETE FROM record_party WHERE record_id = ?"),
      m_delete_theme_links(m_db, "DELETE FROM record_theme WHERE record_id = ?"),
      m_delete_references(m_db, "DELETE FROM record_reference WHERE source_id = ?"),
      m_insert_milestone(m_db, "INSERT INTO program_milestone (program_id, pos, date, text, source_title, "
                               "source_publisher, source_url, source_published, source_paragraph) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
      m_delete_milestones(m_db, "DELETE FROM program_milestone WHERE program_id = ?") {}

Writer::~Writer() = default;

const Writer::Stored& Writer::stored(const std::string& id) {
    if (m_last.valid && m_last.id == id) {
        return m_last;
    }
    m_last.id = id;
    m_last.valid = true;
    m_last.kind.reset();
    m_last.digest.clear();
    m_last.place = Place();
    m_last.rowid = 0;
    if (m_all_new) {
        return m_last;
    }
    m_find.reset();
    m_find.bindNoCopy(1, id);
    if (m_find.executeStep()) {
        m_last.kind = kind_from_string(m_find.getColumn(0).getText());
        m_last.digest = m_find.getColumn(1).getString();
        m_last.place = place_at(m_find, 2);
        m_last.rowid = m_find.getColumn(5).getInt64();
    }
    return m_last;
}

Writer::Upserted Writer::upsert(const Record& record, const std::string& hex, const Place& place) {
    Upserted out;
    const std::string d = digest_key(hex);
    if (record.kind == Kind::progress) {
        const std::string commitment = record.text("commitment");
        // Nested under its commitment (NULL) when it comes right after it or its previous event.
        std::optional<std::int64_t> after;
        if (!m_previous.empty() && m_previous != commitment) {
            after = m_previous_rowid;
        }
        m_previous = commitment;
        std::optional<int64_t> seq;
        // The events of a commitment inserted just now have no stored row to compare with
        // (a second event with the same key in the input is reported as a duplicate first).
        bool fresh = m_all_new || (!m_fresh_commitment.empty() && commitment == m_fresh_commitment);
        if (!fresh) {
            m_find_progress.reset();
            m_find_progress.bind(1, commitment);
            m_find_progress.bind(2, record.text("date"));
            m_find_progress.bind(3, record.text("party"));
        }
        if (!fresh && m_find_progress.executeStep()) {
            seq = m_find_progress.getColumn(0).getInt64();
            out.was = place_at(m_find_progress, 2);
            if (m_find_progress.getColumn(1).getString() == d) {
                out.change = Upsert::unchanged;
                if (out.was != place) {
                    m_move_progress.reset();
                    bind_place(m_move_progress, 1, place);
                    m_move_progress.bind(4, static_cast<int64_t>(*seq));
                    m_move_progress.exec();
                }
                return out;
            }
        }
        auto& q = statements(Kind::progress).write;
        q.reset();
        int i = bind_values(q, record);
        q.bindNoCopy(i++, d.data(), static_cast<int>(d.size())); // a blob
        bind_place(q, i, place);
        i += 3;
        bind_opt(q, i++, after);
        bind_opt(q, i, seq);
        q.exec();
        out.change = seq ? Upsert::updated : Upsert::inserted;
        return out;
    }

    const std::string id = record.id();
    // Usually answered from the lookup the importer made when the record was declared.
    const Stored& was = stored(id);
    bool exists = was.kind.has_value();
    out.was = was.place;
    m_previous = id;
    m_previous_rowid = was.rowid;
    if (exists && was.digest == d) {
        out.change = Upsert::unchanged;
        if (was.place != place) {
            m_last.valid = false; // the row is about to change
            m_move_record.reset();
            bind_place(m_move_record, 1, place);
            m_move_record.bind(4, id);
            m_move_record.exec();
        }
        return out;
    }
    m_last.valid = false; // the row is about to change
    if (exists) {
        m_update_record.reset();
        m_update_record.bindNoCopy(1, d.data(), static_cast<int>(d.size()));
        bind_place(m_update_record, 2, place);
        m_update_record.bind(5, id);
        m_update_record.exec();
    } else {
        m_insert_record.reset();
        m_insert_record.bind(1, id);
        m_insert_record.bind(2, std::string(to_string(record.kind)));
        m_insert_record.bindNoCopy(3, d.data(), static_cast<int>(d.size()));
        bind_place(m_insert_record, 4, place);
        m_insert_record.exec();
        m_previous_rowid = m_db.getLastInsertRowid();
    }
    auto& q = statements(record.kind).write;
    q.reset();
    bind_values(q, record);
    q.exec();
    write_links(record, exists);
    if (record.kind == Kind::commitment) {
        m_fresh_commitment = exists ? std::string() : id;
    }
    out.change = exists ? Upsert::updated : Upsert::inserted;
    return out;
}

void Writer::write_links(const Record& record, bool replace) {
    const std::string id = record.id();
    if (replace) {
        for (auto* q : {&m_delete_party_links, &m_delete_theme_links, &m_delete_references, &m_delete_milestones}) {
            q->reset();
            q->bind(1, id);
            q->exec();
        }
    }
    const auto& spec = record.spec();
    for (std::size_t f = 0; f < spec.fields.size(); ++f) {
        const FieldSpec& fs = spec.fields[f];
        const FieldValue& v = record.values[f];
        if (fs.type == FieldType::ref_list) {
            const auto* ids = std::get_if<std::vector<std::string>>(&v);
            if (!ids) {
                continue;
            }
            for (std::size_t pos = 0; pos < ids->size(); ++pos) {
                const std::string& target = (*ids)[pos];
                SQLite::Statement* q = nullptr;
                if (fs.ref_kinds == kind_bit(Kind::party)) {
                    q = &m_insert_party_link;
                    q->reset();
                    q->bind(1, id);
                    q->bind(2, std::string(fs.name));
                    q->bind(3, static_cast<int>(pos));
                    q->bindNoCopy(4, target);
                } else if (fs.ref_kinds == kind_bit(Kind::theme)) {
                    q = &m_insert_theme_link;
                    q->reset();
                    q->bind(1, id);
                    q->bind(2, static_cast<int>(pos));
                    q->bindNoCopy(3, target);
                } else {
                    q = &m_insert_reference;
                    q->reset();
                    q->bind(1, id);
                    q->bind(2, std::string(fs.name));
                    q->bind(3, static_cast<int>(pos));
                    q->bind(4, std::string(fs.name)); // "implements"
                    q->bindNoCopy(5, target);
                }
                q->exec();
            }
        } else if (fs.type == FieldType::references) {
            const auto* refs = std::get_if<std::vector<Reference>>(&v);
            if (!refs) {
                continue;
            }
            for (std::size_t pos = 0; pos < refs->size(); ++pos) {
                m_insert_reference.reset();
                m_insert_reference.bind(1, id);
                m_insert_reference.bind(2, std::string(fs.name));
                m_insert_reference.bind(3, static_cast<int>(pos));
                m_insert_reference.bind(4, (*refs)[pos].relation);
                m_insert_reference.bind(5, (*refs)[pos].target);
                m_insert_reference.exec();
            }
        } else if (fs.type == FieldType::milestones) {
            const auto* milestones = std::get_if<std::vector<Milestone>>(&v);
            if (!milestones) {
                continue;
            }
            for (std::size_t pos = 0; pos < milestones->size(); ++pos) {
                const Milestone& m = (*milestones)[pos];
                auto& q = m_insert_milestone;
                q.reset();
                q.bind(1, id);
                q.bind(2, static_cast<int>(pos));
                q.bind(3, m.date.str());
                q.bindNoCopy(4, m.text);
                const Source none;
                const Source& s = m.source ? *m.source : none;
                bind_opt(q, 5, s.title);
                bind_opt(q, 6, s.publisher);
                bind_opt(q, 7, s.url);
                bind_opt(q, 8, s.published);
                bind_opt(q, 9, s.paragraph);
                q.exec();
            }
        }
    }
}

} // namespace accord
