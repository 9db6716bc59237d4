// The writing side of an import: its checks against the input and the database, and its writes.
#include "sink.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace accord {

namespace {

// How a progress event is named where an id is expected (the import's plan): COMMITMENT@DATE,
// or COMMITMENT@DATE@PARTY.
std::string progress_name(const std::string& commitment, const std::string& date, const std::string& party) {
    return party.empty() ? commitment + '@' + date : commitment + '@' + date + '@' + party;
}

// How a progress event is named in a message.
std::string progress_subject(const std::string& commitment, const std::string& date, const std::string& party) {
    return fmt::format("progress of {} dated {}{}", commitment, date, party.empty() ? "" : " for party " + party);
}

// The key of a progress event in temp.import_seen, in C++ and in SQL on a row p of progress.
std::string progress_key(const Record& record) {
    return "progress:" + record.text("commitment") + '@' + record.text("date") + '@' + record.text("party");
}
// The same key in SQL, on a row p of progress.
#define ACCORD_PROGRESS_KEY_SQL "'progress:' || p.commitment_id || '@' || p.date || '@' || ifnull(p.party_id, '')"

// The records, then the progress events, of the import's files (and its vanished files) that
// the input did not name: what the import deletes. One statement each, over the rows of those
// files (indexes record_file and progress_file) against the ids and event keys read.
const char* const k_gone_records = R"SQL(
    SELECT r.id, r.kind, r.file_id, r.line FROM main.record r
     WHERE r.file_id IN (SELECT id FROM temp.import_file)
       AND NOT EXISTS (SELECT 1 FROM temp.import_seen s WHERE s.id = r.id))SQL";
const char* const k_gone_progress = R"SQL(
    SELECT p.seq, p.commitment_id, p.date, p.party_id, p.file_id, p.line FROM main.progress p
     WHERE p.file_id IN (SELECT id FROM temp.import_file)
       AND NOT EXISTS (SELECT 1 FROM temp.import_seen s WHERE s.id = )SQL" ACCORD_PROGRESS_KEY_SQL ")";

} // namespace

template <class What>
bool ImportSink::first_seen(const std::string& key, const std::string& record, Kind kind, const Origin& origin, const yaml::Mark& mark, What what) {
    m_insert_seen.reset();
    m_insert_seen.bindNoCopy(1, key);
    m_insert_seen.bindNoCopy(2, to_string(kind).data()); // the kind names are NUL-terminated literals
    m_insert_seen.bind(3, static_cast<int64_t>(origin.index));
    m_insert_seen.bind(4, mark.line);
    m_insert_seen.bind(5, mark.column);
    if (m_insert_seen.exec() > 0) {
        return true;
    }
    m_find_seen.reset();
    m_find_seen.bind(1, key);
    if (m_find_seen.executeStep()) {
        std::string message = what();
        m_diags.add({origin.file, mark.line, mark.column,
                     fmt::format("{} (first at {}:{}:{})", message,
                                 m_origins.at(static_cast<std::size_t>(m_find_seen.getColumn(1).getInt64())).file,
                                 m_find_seen.getColumn(2).getInt(), m_find_seen.getColumn(3).getInt()),
                     origin.index, record});
    }
    return false;
}

void ImportSink::declare(Kind kind, const std::string& id, const Origin& origin, const yaml::Mark& mark) {
    if (!first_seen(id, id, kind, origin, mark, [&] { return fmt::format("record {}: duplicate id", id); })) {
        return;
    }
    if (m_known.size() < k_known_cap) {
        m_known.emplace(id, kind);
    }
    if (!m_writes) {
        return; // a database without records: no id is stored under another kind or elsewhere
    }
    const Writer::Stored& stored = m_writer.stored(id);
    if (stored.kind && *stored.kind != kind) {
        m_diags.add({origin.file, mark.line, mark.column,
                     fmt::format("record {}: id already used by a {} in the database (ids are unique across kinds)",
                                 id, to_string(*stored.kind)),
                     origin.index, id});
    } else if (stored.kind && elsewhere(stored.place, origin)) {
        m_diags.add({origin.file, mark.line, mark.column, already_defined(fmt::format("record {}", id), stored.place),
                     origin.index, id});
    }
}

void ImportSink::accept(const Record& record, const std::string& digest, const Origin& origin, const yaml::Mark& mark) {
    if (record.kind == Kind::progress) {
        auto what = [&] {
            return fmt::format("progress of {}: a second event dated {}{}", record.text("commitment"),
                               record.text("date"),
                               record.has("party") ? " for party " + record.text("party") : std::string());
        };
        if (!first_seen(progress_key(record), record.text("commitment"), Kind::progress, origin, mark, what)) {
            return;
        }
    }
    if (!m_diags.empty()) {
        return; // nothing will be written: skip the work
    }
    auto& counts = m_summary.counts[static_cast<std::size_t>(record.kind)];
    if (!m_writes) { // what upsert() answers for each record into a database without records
        ++counts.inserted;
        note(Change::Class::inserted, record, origin, mark, nullptr);
        return;
    }
    // An id stored under another kind, or in a file this import does not read, was
    // reported by declare(): nothing is written after an error.
    Place place{origin.file_id, mark.line, mark.column};
    Writer::Upserted done = m_writer.upsert(record, digest, place);
    if (done.was.file != 0 && done.was.file != place.file) {
        if (!m_files.in_import(done.was.file)) { // a progress event (a record was refused by declare)
            std::string subject =
                progress_subject(record.text("commitment"), record.text("date"), record.text("party"));
            m_diags.add({origin.file, mark.line, mark.column, already_defined(subject, done.was), origin.index,
                         record.text("commitment")});
            return;
        }
        ++counts.moved;
        note(Change::Class::moved, record, origin, mark, &done.was);
        return;
    }
    if (done.was.file == 0 && done.change != Upsert::inserted) {
        ++m_summary.taken_over;
    }
    switch (done.change) {
    case Upsert::inserted:
        ++counts.inserted;
        note(Change::Class::inserted, record, origin, mark, nullptr);
        break;
    case Upsert::updated:
        ++counts.updated;
        note(Change::Class::updated, record, origin, mark, nullptr);
        break;
    case Upsert::unchanged:
        ++counts.unchanged;
        break;
    }
}

void ImportSink::refer(const PendingRef& ref) {
    // Most references name records read earlier (parties, themes): check those at once.
    auto known = m_known.find(ref.target);
    if (known != m_known.end() && (ref.kinds & kind_bit(known->second))) {
        return;
    }
    auto& q = m_insert_ref;
    q.reset();
    q.bind(1, ref.subject);
    q.bind(2, ref.record);
    q.bind(3, ref.field);
    q.bind(4, ref.target);
    q.bind(5, static_cast<int>(ref.kinds));
    q.bind(6, ref.may_be_text ? 1 : 0);
    q.bind(7, ref.origin.file);
    q.bind(8, static_cast<int64_t>(ref.origin.index));
    q.bind(9, ref.mark.line);
    q.bind(10, ref.mark.column);
    q.exec();
}

void ImportSink::find_gone() {
    m_db.exec(std::string("INSERT INTO temp.import_gone (id, kind, file_id, line)") + k_gone_records);
    m_db.exec(std::string("INSERT INTO temp.import_gone_progress (seq, commitment_id, date, party_id, file_id, "
                          "line)") +
              k_gone_progress);
    SQLite::Statement any(m_db, "SELECT EXISTS (SELECT 1 FROM temp.import_gone) OR "
                                "EXISTS (SELECT 1 FROM temp.import_gone_progress)");
    m_gone = any.executeStep() && any.getColumn(0).getInt() != 0;
}

std::size_t ImportSink::count_gone() {
    SQLite::Statement q(m_db, fmt::format("SELECT (SELECT count(*) FROM ({})) + (SELECT count(*) FROM ({}))",
                                          k_gone_records, k_gone_progress));
    return q.executeStep() ? static_cast<std::size_t>(q.getColumn(0).getInt64()) : 0;
}

void ImportSink::check_gone() {
    if (!m_gone) {
        return;
    }
    SQLite::Statement records(m_db, R"SQL(
        WITH gone(id) AS (SELECT id FROM temp.import_gone),
        refs(source, field, target) AS (
          SELECT record_id, role, party_id FROM main.record_party WHERE party_id IN gone
          UNION ALL SELECT record_id, 'themes', theme_id FROM main.record_theme WHERE theme_id IN gone
          UNION ALL SELECT source_id, field, target_id FROM main.record_reference WHERE target_id IN gone
          UNION ALL SELECT id, 'statement', statement_id FROM main.commitment WHERE statement_id IN gone
          UNION ALL SELECT id, 'dialogue', dialogue_id FROM main.statement WHERE dialogue_id IN gone
          UNION ALL SELECT id, 'alongside', alongside FROM main.dialogue WHERE alongside IN gone
          UNION ALL SELECT id, 'adopted_at', adopted_at FROM main.statement WHERE adopted_at IN gone)
        SELECT x.source, x.field, x.target, r.file_id, r.line, r.col, g.file_id, g.line
          FROM refs x JOIN main.record r ON r.id = x.source JOIN temp.import_gone g ON g.id = x.target
         WHERE x.source NOT IN gone AND x.source NOT IN (SELECT id FROM temp.import_seen)
         ORDER BY x.source, x.field, x.target)SQL");
    while (records.executeStep() && !m_diags.full()) {
        std::string source = records.getColumn(0).getString();
        dangling_from_stored(fmt::format("record {}", source), source, records, 1);
    }
    records.reset();
    SQLite::Statement events(m_db, R"SQL(
        WITH gone(id) AS (SELECT id FROM temp.import_gone),
        refs(seq, field, target) AS (
          SELECT seq, 'commitment', commitment_id FROM main.progress WHERE commitment_id IN gone
          UNION ALL SELECT seq, 'party', party_id FROM main.progress WHERE party_id IN gone
          UNION ALL SELECT seq, 'evidence', evidence FROM main.progress WHERE evidence IN gone)
        SELECT p.commitment_id, p.date, ifnull(p.party_id, ''), x.field, x.target, p.file_id, p.line, p.col,
               g.file_id, g.line
          FROM refs x JOIN main.progress p ON p.seq = x.seq JOIN temp.import_gone g ON g.id = x.target
         WHERE x.seq NOT IN (SELECT seq FROM temp.import_gone_progress)
           AND NOT EXISTS (SELECT 1 FROM temp.import_seen s WHERE s.id = )SQL" ACCORD_PROGRESS_KEY_SQL R"SQL()
         ORDER BY p.commitment_id, p.date, p.party_id, x.field)SQL");
    while (events.executeStep() && !m_diags.full()) {
        std::string commitment = events.getColumn(0).getString();
        std::string subject =
            progress_subject(commitment, events.getColumn(1).getString(), events.getColumn(2).getString());
        dangling_from_stored(subject, commitment, events, 3);
    }
}

void ImportSink::resolve() {
    SQLite::Statement q(m_db, R"SQL(
        SELECT p.subject, p.field, p.target, p.kinds, p.may_be_text, p.file, p.file_index, p.line, p.col,
               coalesce(s.kind, CASE WHEN g.id IS NULL THEN r.kind END), g.file_id, g.line, p.record
          FROM temp.import_ref p
          LEFT JOIN temp.import_seen s ON s.id = p.target
          LEFT JOIN main.record r ON r.id = p.target
          LEFT JOIN temp.import_gone g ON g.id = p.target
         ORDER BY p.rowid)SQL");
    while (q.executeStep()) {
        std::string subject = q.getColumn(0).getString();
        std::string field = q.getColumn(1).getString();
        std::string target = q.getColumn(2).getString();
        auto kinds = static_cast<KindSet>(q.getColumn(3).getInt());
        bool may_be_text = q.getColumn(4).getInt() != 0;
        Diagnostic d{q.getColumn(5).getString(), q.getColumn(7).getInt(), q.getColumn(8).getInt(), "",
                     static_cast<std::size_t>(q.getColumn(6).getInt64()), q.getColumn(12).getString(), field};
        if (!q.getColumn(10).isNull()) {
            // Also text_or_ref: naming a record, it was a reference, and would dangle.
            d.message = fmt::format("{}, field {}: dangling reference: {}", subject, field,
                                    gone_reason(target, {q.getColumn(10).getInt64(), q.getColumn(11).getInt(), 0}));
        } else if (q.getColumn(9).isNull()) {
            if (may_be_text) {
                continue;
            }
            d.message = fmt::format("{}, field {}: dangling reference: no record '{}' in the input or the database{}",
                                    subject, field, target, target_hint(target, kinds));
        } else {
            auto kind = kind_from_string(q.getColumn(9).getString());
            if (kind && (kinds & kind_bit(*kind))) {
                continue;
            }
            d.message = fmt::format("{}, field {}: '{}' is a {}, expected {}", subject, field, target,
                                    q.getColumn(9).getString(), describe(kinds));
        }
        m_diags.add(std::move(d));
    }
}

void ImportSink::delete_gone() {
    if (!m_gone) {
        return;
    }
    SQLite::Statement counts(m_db, "SELECT kind, count(*) FROM temp.import_gone GROUP BY kind");
    while (counts.executeStep()) {
        if (auto kind = kind_from_string(counts.getColumn(0).getString())) {
            m_summary.counts[static_cast<std::size_t>(*kind)].deleted +=
                static_cast<std::size_t>(counts.getColumn(1).getInt64());
        }
    }
    counts.reset();
    SQLite::Statement events(m_db, "SELECT count(*) FROM temp.import_gone_progress");
    events.executeStep();
    m_summary.counts[static_cast<std::size_t>(Kind::progress)].deleted +=
        static_cast<std::size_t>(events.getColumn(0).getInt64());
    events.reset();
    if (m_list) {
        SQLite::Statement list(m_db, R"SQL(
            SELECT * FROM (
              SELECT g.kind, g.id, '', '', g.file_id, g.line FROM temp.import_gone g
              UNION ALL
              SELECT 'progress', g.commitment_id, g.date, ifnull(g.party_id, ''), g.file_id, g.line
                FROM temp.import_gone_progress g)
             ORDER BY 5, 6)SQL");
        while (list.executeStep()) {
            Change c;
            c.what = Change::Class::deleted;
            c.kind = kind_from_string(list.getColumn(0).getString()).value_or(Kind::progress);
            c.id = list.getColumn(0).getString() == "progress"
                       ? progress_name(list.getColumn(1).getString(), list.getColumn(2).getString(),
                                       list.getColumn(3).getString())
                       : list.getColumn(1).getString();
            c.file = m_files.display(list.getColumn(4).getInt64());
            c.line = list.getColumn(5).getInt();
            m_summary.changes.push_back(std::move(c));
        }
    }
    m_db.exec(R"SQL(
        DELETE FROM main.record_party WHERE record_id IN (SELECT id FROM temp.import_gone);
        DELETE FROM main.record_theme WHERE record_id IN (SELECT id FROM temp.import_gone);
        DELETE FROM main.record_reference WHERE source_id IN (SELECT id FROM temp.import_gone);
        DELETE FROM main.program_milestone WHERE program_id IN (SELECT id FROM temp.import_gone);
        DELETE FROM main.progress WHERE seq IN (SELECT seq FROM temp.import_gone_progress);)SQL");
    for (std::string_view name : k_kind_names) {
        Kind kind = *kind_from_string(name);
        if (kind == Kind::progress) {
            continue;
        }
        // Fixed names from the kind table, never values.
        m_db.exec(fmt::format("DELETE FROM main.{} WHERE id IN (SELECT id FROM temp.import_gone WHERE kind = '{}')",
                              kind_spec(kind).table, name));
    }
    m_db.exec("DELETE FROM main.record WHERE id IN (SELECT id FROM temp.import_gone)");
}

void ImportSink::forget_vanished() {
    SQLite::Statement forget(m_db, "DELETE FROM main.file WHERE id = ? "
                                   "AND NOT EXISTS (SELECT 1 FROM main.record WHERE file_id = ?) "
                                   "AND NOT EXISTS (SELECT 1 FROM main.progress WHERE file_id = ?)");
    for (std::int64_t file : m_files.vanished()) {
        forget.reset();
        for (int i = 1; i <= 3; ++i) {
            forget.bind(i, static_cast<int64_t>(file));
        }
        forget.exec();
    }
}

bool ImportSink::elsewhere(const Place& was, const Origin& origin) const {
    return was.file != 0 && was.file != origin.file_id && !m_files.in_import(was.file);
}

std::string ImportSink::already_defined(const std::string& subject, const Place& was) {
    return fmt::format("{} is already defined in {}:{} (an id has one home: give this one a new id, or "
                       "import both files if it moved)",
                       subject, m_files.display(was.file), was.line);
}

std::string ImportSink::gone_reason(const std::string& target, const Place& was) {
    if (m_files.vanished(was.file)) {
        return fmt::format("'{}' would be deleted, as its file {} no longer exists", target,
                           m_files.display(was.file));
    }
    return fmt::format("'{}' would be deleted, as it is no longer in {} (it was at line {})", target,
                       m_files.display(was.file), was.line);
}

void ImportSink::dangling_from_stored(const std::string& subject, const std::string& record, SQLite::Statement& q, int i) {
    std::string field = q.getColumn(i).getString();
    std::string target = q.getColumn(i + 1).getString();
    Diagnostic d;
    d.file_index = m_origins.size(); // after the files read
    d.record = record;
    d.field = field;
    std::string where;
    if (q.getColumn(i + 2).isNull()) {
        where = fmt::format(" ({} has no file: it was imported before accord kept files)", subject);
    } else {
        d.file = m_files.display(q.getColumn(i + 2).getInt64());
        d.line = q.getColumn(i + 3).getInt();
        d.column = q.getColumn(i + 4).getInt();
    }
    d.message = fmt::format("{}, field {}: dangling reference: {}{}", subject, field,
                            gone_reason(target, {q.getColumn(i + 5).getInt64(), q.getColumn(i + 6).getInt(), 0}),
                            where);
    m_diags.add(std::move(d));
}

std::string ImportSink::target_hint(const std::string& target, KindSet kinds) {
    if (m_hints_left == 0) {
        return {};
    }
    --m_hints_left;
    if (!m_ids_loaded) {
        m_ids_loaded = true;
        SQLite::Statement q(m_db, R"SQL(
            SELECT id, kind FROM main.record WHERE id NOT IN (SELECT id FROM temp.import_gone)
            UNION SELECT id, kind FROM temp.import_seen WHERE kind != 'progress')SQL");
        while (q.executeStep()) {
            if (auto kind = kind_from_string(q.getColumn(1).getString())) {
                m_ids.emplace_back(q.getColumn(0).getString(), *kind);
            }
        }
    }
    std::vector<std::string_view> candidates;
    for (const auto& [id, kind] : m_ids) {
        if (kinds & kind_bit(kind)) {
            candidates.push_back(id);
        }
    }
    // Closer than for a field name: ids differ from each other by little (st-1.c1, st-1.c2),
    // and a hint to a record that merely looks alike misleads.
    std::string best = did_you_mean(target, candidates);
    if (best.empty() || edit_distance(target, best) > std::min<std::size_t>(2, target.size() / 4)) {
        return {};
    }
    return fmt::format(" (did you mean '{}'?)", best);
}

void ImportSink::note(Change::Class what, const Record& record, const Origin& origin, const yaml::Mark& mark,
          const Place* from) {
    if (!m_list) {
        return;
    }
    Change c;
    c.what = what;
    c.kind = record.kind;
    c.id = record.kind == Kind::progress
               ? progress_name(record.text("commitment"), record.text("date"), record.text("party"))
               : record.id();
    c.file = origin.file;
    c.line = mark.line;
    if (from) {
        c.from_file = m_files.display(from->file);
        c.from_line = from->line;
    }
    m_summary.changes.push_back(std::move(c));
}

} // namespace accord
