// accord export yaml: the database written back in the input format of docs/format.md.
#include "accord/export/rows.hpp"

#include "accord/error.hpp"
#include "accord/output/output.hpp"
#include "accord/store/reader.hpp"
#include "accord/yaml/writer.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <unordered_set>

namespace accord {

namespace {

struct RecordRow {
    std::int64_t rowid = 0;
    std::string id;
    Kind kind = Kind::party;
    std::string parent; // a statement's dialogue, a commitment's statement ("" for none)
};

// The records in rowid (first import) order, with one row of look-ahead.
class RecordCursor {
public:
    explicit RecordCursor(SQLite::Database& db)
        : m_q(db, "SELECT r.rowid, r.id, r.kind, coalesce(s.dialogue_id, c.statement_id, '') FROM record r "
                  "LEFT JOIN statement s ON s.id = r.id LEFT JOIN commitment c ON c.id = r.id ORDER BY r.rowid") {
        fetch();
    }
    const RecordRow* peek() const { return m_next ? &*m_next : nullptr; }
    std::optional<RecordRow> next() {
        auto row = std::move(m_next);
        fetch();
        return row;
    }

private:
    void fetch() {
        m_next.reset();
        if (!m_end && m_q.executeStep()) {
            RecordRow r;
            r.rowid = m_q.getColumn(0).getInt64();
            r.id = m_q.getColumn(1).getString();
            r.kind = kind_from_string(m_q.getColumn(2).getString()).value_or(Kind::party);
            r.parent = m_q.getColumn(3).getString();
            m_next = std::move(r);
        } else {
            m_end = true;
        }
    }
    SQLite::Statement m_q;
    std::optional<RecordRow> m_next;
    bool m_end = false;
};

struct ProgressRow {
    std::int64_t seq = 0;
    std::string commitment;
    std::int64_t commitment_rowid = 0;
    bool nest = true;             // may be nested under its commitment
    std::int64_t after_record = 0; // written top-level only after this record (rowid)
};

// True when the database logs where each progress event was imported among the records
// (progress.after_record, schema version 7).
bool has_insertion_log(SQLite::Database& db) {
    SQLite::Statement q(db, "SELECT count(*) FROM pragma_table_info('progress') WHERE name = 'after_record'");
    return q.executeStep() && q.getColumn(0).getInt() == 1;
}

// The progress events in seq (import) order, with one row of look-ahead. Where the database
// logs the insertion order, each event also says whether it came right after its commitment
// (or that commitment's previous event), as a nested event does, and which record it came
// after; without it, every event may nest.
class ProgressCursor {
public:
    explicit ProgressCursor(SQLite::Database& db)
        : m_q(db, has_insertion_log(db)
                      ? "SELECT p.seq, p.commitment_id, r.rowid, p.after_record IS NULL, "
                        "ifnull(p.after_record, r.rowid) FROM progress p JOIN record r ON r.id = p.commitment_id "
                        "ORDER BY p.seq"
                      : "SELECT p.seq, p.commitment_id, r.rowid, 1, 0 FROM progress p "
                        "JOIN record r ON r.id = p.commitment_id ORDER BY p.seq") {
        fetch();
    }
    const ProgressRow* peek() const { return m_next ? &*m_next : nullptr; }
    void advance() { fetch(); }

private:
    void fetch() {
        m_next.reset();
        if (!m_end && m_q.executeStep()) {
            m_next = ProgressRow{m_q.getColumn(0).getInt64(), m_q.getColumn(1).getString(),
                                 m_q.getColumn(2).getInt64(), m_q.getColumn(3).getInt() != 0,
                                 m_q.getColumn(4).getInt64()};
        } else {
            m_end = true;
        }
    }
    SQLite::Statement m_q;
    std::optional<ProgressRow> m_next;
    bool m_end = false;
};

// Writes every record once, in an order that an import replays exactly:
// - records in rowid order; the records that follow one are nested under it while each is a
//   child of a record on the path to the previous one (as when they were nested in the
//   input), else written at their own turn as top-level records naming their parent
//   (statement:, commitment:);
// - a statement of a dialogue can only be written nested, so one that did not directly
//   follow its dialogue (added by a later import) is nested all the same;
// - progress events in seq order: nested under their commitment when they are next in seq
//   order as it is written (and, where the search table logs the insertion order, came right
//   after it), else top-level as soon as their commitment and the record they came after
//   have been written.
class YamlExporter {
public:
    YamlExporter(Store& store, std::ostream& out)
        : m_db(store.db()), m_reader(store), m_out(out), m_records(m_db), m_progress(m_db),
          m_statements_of(m_db, "SELECT id FROM statement WHERE dialogue_id = ? ORDER BY rowid"),
          m_seqs_of(m_db, "SELECT seq FROM progress WHERE commitment_id = ? ORDER BY seq") {}

    std::size_t run() {
        while (auto row = m_records.next()) {
            m_done = row->rowid;
            if (row->kind == Kind::statement && !row->parent.empty()) {
                continue; // written nested in its dialogue
            }
            // Take the records that follow as nested children while they keep the order of a
            // nested input: each is a child of a record on the path to the last one taken.
            std::unordered_set<std::string> subtree{row->id};
            std::vector<std::string> path{row->id};
            while (const RecordRow* next = m_records.peek()) {
                auto parent = std::find(path.begin(), path.end(), next->parent);
                if (next->parent.empty() || parent == path.end()) {
                    break;
                }
                path.erase(parent + 1, path.end());
                path.push_back(next->id);
                subtree.insert(next->id);
                m_done = next->rowid;
                m_records.next();
            }
            if (row->kind == Kind::dialogue) {
                m_statements_of.reset();
                m_statements_of.bind(1, row->id);
                while (m_statements_of.executeStep()) {
                    subtree.insert(m_statements_of.getColumn(0).getString());
                }
            }
            auto record = m_reader.load(row->id);
            if (!record) {
                throw IoError(fmt::format("record {} vanished during the export", row->id));
            }
            ChildrenOf children = [&](const Record& parent) {
                if (parent.kind == Kind::commitment) {
                    return nested_progress(parent);
                }
                std::vector<Record> kids;
                for (auto& kid : m_reader.children(parent)) {
                    if (subtree.count(kid.id()) != 0) {
                        kids.push_back(std::move(kid));
                    }
                }
                return kids;
            };
            document(*record, children);
            flush_progress();
        }
        flush_progress();
        return m_documents;
    }

private:
    void document(const Record& record, const ChildrenOf& children) {
        if (m_documents++ > 0) {
            m_out << "---\n";
        }
        write_yaml_record(m_out, record, children);
        check_output(m_out);
    }

    // The commitment's progress events that are next in seq order.
    std::vector<Record> nested_progress(const Record& commitment) {
        std::vector<std::int64_t> take;
        const std::string id = commitment.id();
        while (const ProgressRow* p = m_progress.peek()) {
            if (p->commitment != id || !p->nest) {
                break;
            }
            take.push_back(p->seq);
            m_progress.advance();
        }
        return progress_records(commitment, take);
    }

    // Progress events whose commitment has been written, as top-level records.
    void flush_progress() {
        while (const ProgressRow* p = m_progress.peek()) {
            if (p->commitment_rowid > m_done || p->after_record > m_done) {
                return;
            }
            auto commitment = m_reader.load(p->commitment);
            std::vector<std::int64_t> take{p->seq};
            m_progress.advance();
            if (!commitment) {
                continue;
            }
            for (const auto& event : progress_records(*commitment, take)) {
                document(event, ChildrenOf());
            }
        }
    }

    // The progress records of a commitment with the given seqs, in seq order.
    std::vector<Record> progress_records(const Record& commitment, const std::vector<std::int64_t>& seqs) {
        if (seqs.empty()) {
            return {};
        }
        std::vector<Record> all = m_reader.children(commitment); // in seq order
        m_seqs_of.reset();
        m_seqs_of.bind(1, commitment.id());
        std::vector<Record> out;
        std::size_t i = 0;
        while (m_seqs_of.executeStep() && i < all.size()) {
            std::int64_t seq = m_seqs_of.getColumn(0).getInt64();
            for (std::int64_t s : seqs) {
                if (s == seq) {
                    out.push_back(std::move(all[i]));
                    break;
                }
            }
            ++i;
        }
        return out;
    }

    SQLite::Database& m_db;
    RecordReader m_reader;
    std::ostream& m_out;
    RecordCursor m_records;
    ProgressCursor m_progress;
    SQLite::Statement m_statements_of;
    SQLite::Statement m_seqs_of;
    std::int64_t m_done = 0; // every record up to this rowid has been taken from the cursor
    std::size_t m_documents = 0;
};

} // namespace

std::size_t export_yaml(Store& store, std::ostream& out) {
    YamlExporter exporter(store, out);
    std::size_t n = exporter.run();
    out.flush();
    check_output(out);
    return n;
}

std::size_t export_yaml_split(Store& store, const FileWriter& write_file) {
    SQLite::Database& db = store.db();
    RecordReader reader(store);
    ChildrenOf all_children = [&](const Record& parent) { return reader.children(parent); };
    std::size_t files = 0;

    // One file per dialogue and per statement of no dialogue, everything nested.
    SQLite::Statement roots(db, "SELECT r.id FROM record r LEFT JOIN statement s ON s.id = r.id "
                                "WHERE r.kind = 'dialogue' OR (r.kind = 'statement' AND s.dialogue_id IS NULL) "
                                "ORDER BY r.rowid");
    while (roots.executeStep()) {
        const std::string id = roots.getColumn(0).getString();
        auto record = reader.load(id);
        if (!record) {
            continue;
        }
        const char* folder = record->kind == Kind::dialogue ? "dialogues" : "statements";
        write_file(fmt::format("{}/{}.yaml", folder, id),
                   [&](std::ostream& out) { write_yaml_record(out, *record, all_children); });
        ++files;
    }
    // One file per kind that nests in nothing.
    for (Kind kind : {Kind::party, Kind::forum, Kind::theme, Kind::program}) {
        SQLite::Statement count(db, "SELECT count(*) FROM record WHERE kind = ?");
        count.bind(1, std::string(to_string(kind)));
        if (!count.executeStep() || count.getColumn(0).getInt64() == 0) {
            continue;
        }
        std::string name = kind == Kind::party ? "parties" : std::string(to_string(kind)) + "s";
        write_file(name + ".yaml", [&](std::ostream& out) {
            SQLite::Statement ids(db, "SELECT id FROM record WHERE kind = ? ORDER BY rowid");
            ids.bind(1, std::string(to_string(kind)));
            bool first = true;
            while (ids.executeStep()) {
                auto record = reader.load(ids.getColumn(0).getString());
                if (!record) {
                    continue;
                }
                if (!first) {
                    out << "---\n";
                }
                first = false;
                write_yaml_record(out, *record, all_children);
            }
        });
        ++files;
    }
    return files;
}

} // namespace accord
