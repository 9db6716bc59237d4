#include "accord/import/importer.hpp"

#include "accord/error.hpp"
#include "accord/import/inputs.hpp"
#include "accord/store/writer.hpp"
#include "accord/validate/records.hpp"
#include "accord/yaml/node.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <sqlite3.h>

#ifdef __GLIBC__
#include <malloc.h>
#include <pthread.h>
#endif

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <mutex>
#include <streambuf>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <variant>

namespace accord {

namespace fs = std::filesystem;

KindCounts ImportSummary::total() const {
    KindCounts t;
    for (const auto& c : counts) {
        t.inserted += c.inserted;
        t.updated += c.updated;
        t.deleted += c.deleted;
        t.moved += c.moved;
        t.unchanged += c.unchanged;
    }
    return t;
}

bool ImportSummary::changed() const {
    KindCounts t = total();
    return t.inserted + t.updated + t.deleted + t.moved > 0;
}

std::string_view to_string(Change::Class what) {
    switch (what) {
    case Change::Class::inserted:
        return "inserted";
    case Change::Class::updated:
        return "updated";
    case Change::Class::deleted:
        return "deleted";
    case Change::Class::moved:
        return "moved";
    }
    return "";
}

namespace {

// A read-only streambuf over a string, so the parser reads the text without a copy.
class ViewBuf : public std::streambuf {
public:
    explicit ViewBuf(std::string& s) { setg(s.data(), s.data(), s.data() + s.size()); }
};

// The files of an import, each with its row of table `file` (Origin::file_id); and the files
// under an imported folder that no longer exist (deleted or renamed), whose records the import
// deletes and whose records may move to the files read. Both are listed in temp.import_file.
class ImportFiles {
public:
    // stored: the database holds records (otherwise no file has vanished, and none is looked for).
    ImportFiles(SQLite::Database& db, const FilePaths& paths, const std::vector<std::string>& args,
                std::vector<Origin>& origins, bool stored)
        : m_paths(paths), m_find_path(db, "SELECT path FROM main.file WHERE id = ?") {
        db.exec("CREATE TEMP TABLE IF NOT EXISTS import_file (id INTEGER PRIMARY KEY)");
        db.exec("DELETE FROM temp.import_file");
        SQLite::Statement find(db, "SELECT id FROM main.file WHERE path = ?");
        SQLite::Statement add(db, "INSERT INTO main.file (path) VALUES (?)");
        SQLite::Statement note(db, "INSERT INTO temp.import_file (id) VALUES (?)");
        std::unordered_map<std::string, std::int64_t> ids;
        for (auto& origin : origins) {
            std::string key = m_paths.key(origin.standard_input ? std::string("-") : origin.file);
            auto it = ids.find(key);
            if (it == ids.end()) {
                find.reset();
                find.bind(1, key);
                std::int64_t id = 0;
                if (find.executeStep()) {
                    id = find.getColumn(0).getInt64();
                } else {
                    add.reset();
                    add.bind(1, key);
                    add.exec();
                    id = db.getLastInsertRowid();
                }
                it = ids.emplace(std::move(key), id).first;
                note.reset();
                note.bind(1, static_cast<int64_t>(id));
                note.exec();
                m_ids.insert(id);
            }
            origin.file_id = it->second;
        }
        if (!stored) {
            return;
        }
        std::vector<std::string> folders;
        for (const auto& arg : args) {
            std::error_code ec;
            if (arg != "-" && fs::is_directory(arg, ec)) {
                folders.push_back(m_paths.key(arg));
            }
        }
        if (folders.empty()) {
            return;
        }
        SQLite::Statement all(db, "SELECT id, path FROM main.file ORDER BY path");
        while (all.executeStep()) {
            std::int64_t id = all.getColumn(0).getInt64();
            std::string path = all.getColumn(1).getString();
            bool under = std::any_of(folders.begin(), folders.end(),
                                     [&](const std::string& folder) { return FilePaths::under(path, folder); });
            if (under && !m_ids.count(id) && !m_paths.exists(path)) {
                m_vanished.push_back(id);
            }
        }
        all.reset();
        for (std::int64_t id : m_vanished) {
            note.reset();
            note.bind(1, static_cast<int64_t>(id));
            note.exec();
            m_ids.insert(id);
        }
    }

    // True when the file is read by this import, or has vanished from a folder it reads.
    bool in_import(std::int64_t file) const { return m_ids.count(file) > 0; }
    bool vanished(std::int64_t file) const {
        return std::find(m_vanished.begin(), m_vanished.end(), file) != m_vanished.end();
    }
    const std::vector<std::int64_t>& vanished() const { return m_vanished; }
    // A file of the database as the user can open it (relative to the current folder).
    const std::string& display(std::int64_t file) {
        auto it = m_shown.find(file);
        if (it == m_shown.end()) {
            m_find_path.reset();
            m_find_path.bind(1, static_cast<int64_t>(file));
            std::string shown = m_find_path.executeStep() ? m_paths.display(m_find_path.getColumn(0).getString())
                                                          : std::string("?");
            it = m_shown.emplace(file, std::move(shown)).first;
        }
        return it->second;
    }

private:
    const FilePaths& m_paths;
    std::unordered_set<std::int64_t> m_ids;
    std::vector<std::int64_t> m_vanished;
    std::unordered_map<std::int64_t, std::string> m_shown;
    SQLite::Statement m_find_path;
};

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

// The writing side's checks and writes: what each record read, accepted or referred to
// means for the input and the database (write_messages calls it in the input's order); then
// what the files no longer hold (find_gone, check_gone, delete_gone).
class ImportSink {
public:
    ImportSink(Store& store, Writer& writer, ImportFiles& files, const std::vector<Origin>& origins,
               ImportSummary& summary, Diagnostics& diags, bool list_changes)
        : m_db(store.db()), m_writer(writer), m_files(files), m_origins(origins), m_summary(summary), m_diags(diags),
          m_list(list_changes),
          m_find_seen(m_db, "SELECT kind, file_index, line, col FROM temp.import_seen WHERE id = ?"),
          m_insert_seen(m_db, "INSERT OR IGNORE INTO temp.import_seen (id, kind, file_index, line, col) "
                              "VALUES (?, ?, ?, ?, ?)"),
          m_insert_ref(m_db, "INSERT INTO temp.import_ref (subject, record, field, target, kinds, may_be_text, file, "
                             "file_index, line, col) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") {}

    // A record with this id was read.
    void declare(Kind kind, const std::string& id, const Origin& origin, const yaml::Mark& mark) {
        if (!first_seen(id, id, kind, origin, mark, [&] { return fmt::format("record {}: duplicate id", id); })) {
            return;
        }
        if (m_known.size() < k_known_cap) {
            m_known.emplace(id, kind);
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

    // A record that passed the checks of the reading thread, with its digest.
    void accept(const Record& record, const std::string& digest, const Origin& origin, const yaml::Mark& mark) {
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
        // An id stored under another kind, or in a file this import does not read, was
        // reported by declare(): nothing is written after an error.
        Place place{origin.file_id, mark.line, mark.column};
        Writer::Upserted done = m_writer.upsert(record, digest, place);
        auto& counts = m_summary.counts[static_cast<std::size_t>(record.kind)];
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

    // A reference: checked at once when it names a record read before, else noted for resolve().
    void refer(const PendingRef& ref) {
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

    // Notes in temp.import_gone and temp.import_gone_progress what the import deletes.
    void find_gone() {
        m_db.exec(std::string("INSERT INTO temp.import_gone (id, kind, file_id, line)") + k_gone_records);
        m_db.exec(std::string("INSERT INTO temp.import_gone_progress (seq, commitment_id, date, party_id, file_id, "
                              "line)") +
                  k_gone_progress);
        SQLite::Statement any(m_db, "SELECT EXISTS (SELECT 1 FROM temp.import_gone) OR "
                                    "EXISTS (SELECT 1 FROM temp.import_gone_progress)");
        m_gone = any.executeStep() && any.getColumn(0).getInt() != 0;
    }

    // With --keep: how many records and events an import without it would delete.
    std::size_t count_gone() {
        SQLite::Statement q(m_db, fmt::format("SELECT (SELECT count(*) FROM ({})) + (SELECT count(*) FROM ({}))",
                                              k_gone_records, k_gone_progress));
        return q.executeStep() ? static_cast<std::size_t>(q.getColumn(0).getInt64()) : 0;
    }

    // Refuses the deletions that would leave a reference of a record or event this import does
    // not read dangling (those it reads are checked by resolve()).
    void check_gone() {
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

    // Checks every reference against the input and the database (without what this import deletes).
    void resolve() {
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

    // Counts what find_gone() found (and lists it), then deletes it, with the rows that hang on
    // it (links, search text).
    void delete_gone() {
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

    // Forgets the vanished files that nothing in the database comes from any more (their records
    // were deleted, or moved to the files read).
    void forget_vanished() {
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

private:
    // True when a row defined at `was` comes from another file than origin's, one that this
    // import neither reads nor finds vanished: the row's home is elsewhere.
    bool elsewhere(const Place& was, const Origin& origin) const {
        return was.file != 0 && was.file != origin.file_id && !m_files.in_import(was.file);
    }

    std::string already_defined(const std::string& subject, const Place& was) {
        return fmt::format("{} is already defined in {}:{} (an id has one home: give this one a new id, or "
                           "import both files if it moved)",
                           subject, m_files.display(was.file), was.line);
    }

    // Why a reference to a record this import deletes would dangle.
    std::string gone_reason(const std::string& target, const Place& was) {
        if (m_files.vanished(was.file)) {
            return fmt::format("'{}' would be deleted, as its file {} no longer exists", target,
                               m_files.display(was.file));
        }
        return fmt::format("'{}' would be deleted, as it is no longer in {} (it was at line {})", target,
                           m_files.display(was.file), was.line);
    }

    // A reference from a record or event this import does not read to one it deletes: q's
    // columns from i are field, target, the referrer's file, line and column, and the deleted
    // record's file and line.
    void dangling_from_stored(const std::string& subject, const std::string& record, SQLite::Statement& q, int i) {
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

    // " (did you mean 'X'?)" for a target that names no record, X being the closest id of a
    // record of the right kinds in the input or the database (not one this import deletes).
    std::string target_hint(const std::string& target, KindSet kinds) {
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

    void note(Change::Class what, const Record& record, const Origin& origin, const yaml::Mark& mark,
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

    // Notes key as seen here; false (and an error about record, naming the first place) when it
    // was seen before. One statement in the common case: the lookup runs only for a duplicate.
    template <class What>
    bool first_seen(const std::string& key, const std::string& record, Kind kind, const Origin& origin, const yaml::Mark& mark, What what) {
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

    // Ids read in this import and their kinds, for resolving references at once; bounded,
    // so that memory does not grow with the input (the rest are resolved at the end in SQL).
    static constexpr std::size_t k_known_cap = 100000;
    std::unordered_map<std::string, Kind> m_known;
    SQLite::Database& m_db;
    Writer& m_writer;
    ImportFiles& m_files;
    const std::vector<Origin>& m_origins;
    ImportSummary& m_summary;
    Diagnostics& m_diags;
    bool m_list;
    bool m_gone = false; // find_gone() found something
    // For "did you mean": the ids of the input and the database, loaded at the first dangling
    // reference; a hint for the first few only (each looks at every id).
    std::vector<std::pair<std::string, Kind>> m_ids;
    bool m_ids_loaded = false;
    int m_hints_left = 20;
    SQLite::Statement m_find_seen;
    SQLite::Statement m_insert_seen;
    SQLite::Statement m_insert_ref;
};

// The import reads on two threads and writes on a third: the reading threads parse and check
// the files (yaml-cpp's parser is the larger half of the work), two files at a time, and hand
// the writing thread (the caller's, which alone uses the database) the calls a sequential
// import would have made on the sink, in batches; the writer takes each file's batches in the
// files' order, so it makes the calls in the same order. Diagnostics travel in the same
// stream, so they are added in the same order as before and --max-errors cuts the list at the
// same place.
struct Declared {
    Kind kind = Kind::party;
    std::string id;
    const Origin* origin = nullptr;
    yaml::Mark mark;
};
struct Accepted {
    Record record;
    std::string digest; // computed here, off the writing thread
    const Origin* origin = nullptr;
    yaml::Mark mark;
};
struct DocumentRead {}; // a document was read (counted before its last part)
struct PartEnd {
    bool last = true; // the document's last part; false for a part of a long top-level list
};
struct FileDiagnostic { // a syntax error or an empty file, found after the file's documents
    Diagnostic diagnostic;
};
struct FileEnd {};
using Message = std::variant<Declared, Accepted, PendingRef, Diagnostic, DocumentRead, PartEnd, FileDiagnostic, FileEnd,
                             std::exception_ptr>;
using Batch = std::vector<Message>;

// A bounded queue of batches between the two threads: memory stays at a few batches
// whatever the size of the input.
class Pipe {
public:
    // Blocks while the queue is full; drops the batch once the reader must stop.
    void push(Batch&& batch) {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_space.wait(lock, [&] { return m_stopped || m_batches.size() < k_max_batches; });
        if (m_stopped) {
            return;
        }
        m_batches.push_back(std::move(batch));
        m_ready.notify_one();
    }
    // A batch of this pipe the writer is done with: it goes back to the reader, which frees
    // its contents (freeing in the thread that allocated keeps glibc's malloc from locking an
    // arena shared by the threads; measured: the reader ran at half speed) and reuses it.
    void recycle(Batch& spent) {
        if (spent.empty()) {
            return;
        }
        std::lock_guard<std::mutex> lock(m_mutex);
        m_spent.push_back(std::move(spent));
        spent = Batch();
    }
    // The next batch (out, recycled first, must be empty or from this pipe); false once the
    // reader is done and everything was taken.
    bool pop(Batch& out) {
        recycle(out);
        std::unique_lock<std::mutex> lock(m_mutex);
        m_ready.wait(lock, [&] { return m_closed || !m_batches.empty(); });
        if (m_batches.empty()) {
            return false;
        }
        out = std::move(m_batches.front());
        m_batches.pop_front();
        m_space.notify_one();
        return true;
    }
    // A batch the writer is done with, emptied here in the reader's thread; or an empty one.
    Batch reuse() {
        Batch b;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (!m_spent.empty()) {
                b = std::move(m_spent.back());
                m_spent.pop_back();
            }
        }
        b.clear();
        return b;
    }
    void close() {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_closed = true;
        m_ready.notify_one();
    }
    // The writer needs no more: the reader stops at its next document.
    void stop() {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_stopped = true;
        }
        m_flag.store(true, std::memory_order_relaxed);
        m_space.notify_all();
    }
    bool stopped() const { return m_flag.load(std::memory_order_relaxed); }

private:
    static constexpr std::size_t k_max_batches = 16;
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::condition_variable m_space;
    std::deque<Batch> m_batches;
    std::vector<Batch> m_spent;
    bool m_closed = false;
    bool m_stopped = false;
    std::atomic<bool> m_flag{false};
};

// The reading thread's sink: turns each call into a message.
class Reading : public RecordSink {
public:
    explicit Reading(Pipe& pipe) : m_pipe(pipe) { m_batch.reserve(k_batch); }

    void declare(Kind kind, const std::string& id, const Origin& origin, const yaml::Mark& mark) override {
        flush_diagnostics();
        put(Declared{kind, id, &origin, mark});
    }
    void accept(const Record& record, const Origin& origin, const yaml::Mark& mark) override {
        flush_diagnostics();
        put(Accepted{record, digest(record), &origin, mark});
    }
    void refer(PendingRef ref) override {
        flush_diagnostics();
        put(std::move(ref));
    }

    // Where the checks of this thread add their findings (no limit: the writer applies it).
    Diagnostics& diagnostics() { return m_diags; }
    // Queues the findings added since the last call, in their order.
    void flush_diagnostics() {
        for (auto& d : m_diags.take()) {
            put(std::move(d));
        }
    }
    // Builds the message in place (moving a whole variant made GCC 12 at -O3 warn of
    // members used uninitialized, wrongly).
    template <class T> void put(T&& m) {
        m_batch.emplace_back(std::in_place_type<std::decay_t<T>>, std::forward<T>(m));
        if (m_batch.size() >= k_batch) {
            send();
        }
    }
    void send() {
        if (!m_batch.empty()) {
            m_pipe.push(std::move(m_batch));
            m_batch = m_pipe.reuse();
            m_batch.reserve(k_batch);
        }
    }
    bool stopped() const { return m_pipe.stopped(); }

private:
    static constexpr std::size_t k_batch = 256;
    Pipe& m_pipe;
    Diagnostics m_diags{0};
    Batch m_batch;
};

// Reads a file (or stdin: "-") document by document and hands what it finds to out. A
// regular file is read twice from the disk, once for the checks of its text and once by the
// parser, so that memory follows a document, not the file; anything else (stdin, a pipe, a
// device) cannot be read twice and is held whole, up to k_max_held.
void read_file(const std::string& path, const Origin& origin, Reading& out) {
    auto tail = [&](int line, int column, std::string message) {
        out.put(FileDiagnostic{{origin.file, line, column, std::move(message), origin.index}});
    };
    Diagnostics& diags = out.diagnostics();
    std::error_code ec;
    bool regular = path != "-" && fs::is_regular_file(path, ec);
    std::ifstream file;
    std::string text; // stdin or a pipe, held whole
    if (regular) {
        file.open(path, std::ios::binary);
        if (!file) {
            throw read_error(path);
        }
        if (auto p = check_file(file, path)) {
            tail(p->mark.line, p->mark.column, p->message);
            return;
        }
        file.clear();
        file.seekg(0);
    } else {
        yaml::TextCheck check;
        text = read_input(path, check);
        if (auto p = check.result()) {
            tail(p->mark.line, p->mark.column, p->message);
            return;
        }
    }
    ViewBuf buf(text);
    std::istream held(&buf);
    std::istream& in = regular ? static_cast<std::istream&>(file) : held;
    auto hint = [&](int line) {
        if (regular) {
            file.clear();
            file.seekg(0);
            return yaml::syntax_hint(file, line);
        }
        ViewBuf again(text);
        std::istream from_start(&again);
        return yaml::syntax_hint(from_start, line);
    };
    yaml::DocumentStream stream(in);
    std::size_t records = 0;
    // A long top-level list arrives in parts, so memory follows a part, not the file.
    auto read_part = [&](const yaml::Document& doc, bool last) {
        const auto& root = doc.root;
        records +=
            root.type == yaml::NodeType::sequence ? root.items.size() : (root.type == yaml::NodeType::null ? 0 : 1);
        read_document(doc, origin, out, diags);
        out.flush_diagnostics();
        out.put(PartEnd{last});
    };
    while (auto doc = stream.next([&](const yaml::Document& part) { read_part(part, false); })) {
        out.put(DocumentRead{});
        read_part(*doc, true);
        if (out.stopped()) {
            return;
        }
    }
    if (file.bad()) {
        throw read_error(path);
    }
    if (auto e = stream.syntax_error()) {
        bool syntax = e->message.rfind("YAML syntax", 0) == 0; // not the limits (nesting, size)
        tail(e->mark.line, e->mark.column, e->message + (syntax ? hint(e->mark.line) : std::string()));
    } else if (records == 0) {
        tail(1, 1, "the file holds no record (it is empty or only comments)");
    }
}

// A reading thread: the files first, first + step, first + 2 * step, ... in order, then the
// end of its stream. Each file's messages end with FileEnd and a send(), so that a batch
// never holds two files.
void read_files(const std::vector<Origin>& origins, std::size_t first, std::size_t step, Pipe& pipe) {
#ifdef __GLIBC__
    pthread_setname_np(pthread_self(), "accord-read"); // names the thread in top and perf
#endif
    Reading out(pipe);
    try {
        for (std::size_t i = first; i < origins.size() && !out.stopped(); i += step) {
            read_file(origins[i].standard_input ? std::string("-") : origins[i].file, origins[i], out);
            out.put(FileEnd{});
            out.send();
        }
    } catch (...) {
        out.put(std::current_exception());
        out.send();
    }
    pipe.close();
}

// The reading threads, each with its pipe: file i is read by thread i % size(), so that the
// files are read two at a time while the writer takes them in order. Stops and joins the
// threads when it goes out of scope, also when the writer throws.
class ReadingThreads {
public:
    // Two readers: the parser is most of the work, and on two cores the writer waited for a
    // single reader for up to half of the import (docs/performance.md).
    static constexpr std::size_t k_readers = 2;

    explicit ReadingThreads(const std::vector<Origin>& origins)
        : m_pipes(std::clamp<std::size_t>(origins.size(), 1, k_readers)) {
        for (std::size_t k = 0; k < m_pipes.size(); ++k) {
            Pipe& pipe = m_pipes[k];
            std::size_t step = m_pipes.size();
            m_threads.emplace_back([&origins, &pipe, k, step] { read_files(origins, k, step, pipe); });
        }
    }
    ReadingThreads(const ReadingThreads&) = delete;
    ReadingThreads& operator=(const ReadingThreads&) = delete;
    ~ReadingThreads() {
        for (auto& pipe : m_pipes) {
            pipe.stop();
        }
        for (auto& thread : m_threads) {
            thread.join();
        }
    }

    // The pipe that carries file i.
    Pipe& pipe_of(std::size_t file) { return m_pipes[file % m_pipes.size()]; }

private:
    std::deque<Pipe> m_pipes; // a Pipe cannot move
    std::vector<std::thread> m_threads;
};

// The writing side: applies the readers' messages to the sink and the summary as the
// sequential import did, file after file, and stops where it stopped once --max-errors are
// held (after the document in hand; the rest of a long document is read only for a syntax
// error in it).
void write_messages(const std::vector<Origin>& origins, ImportSink& sink, Diagnostics& diags, ImportSummary& summary,
                    const ImportRequest& request) {
    ReadingThreads readers(origins);
    bool draining = false; // full in the middle of a document: only its syntax error still counts
    auto file_done = [&] {
        ++summary.files;
        if (request.on_file) {
            request.on_file(summary.files, origins.size(), origins[summary.files - 1].file);
        }
    };
    Batch batch;
    Pipe* pipe = &readers.pipe_of(0);
    while (pipe->pop(batch)) {
        bool file_end = false;
        for (auto& message : batch) {
            bool stop = std::visit(
                [&](auto& m) {
                    using T = std::decay_t<decltype(m)>;
                    if constexpr (std::is_same_v<T, Declared>) {
                        if (!draining) {
                            sink.declare(m.kind, m.id, *m.origin, m.mark);
                        }
                    } else if constexpr (std::is_same_v<T, Accepted>) {
                        if (!draining) {
                            sink.accept(m.record, m.digest, *m.origin, m.mark);
                        }
                    } else if constexpr (std::is_same_v<T, PendingRef>) {
                        if (!draining) {
                            sink.refer(m);
                        }
                    } else if constexpr (std::is_same_v<T, Diagnostic>) {
                        if (!draining) {
                            diags.add(std::move(m));
                        }
                    } else if constexpr (std::is_same_v<T, DocumentRead>) {
                        ++summary.documents;
                        if (draining) {
                            file_done();
                            return true;
                        }
                    } else if constexpr (std::is_same_v<T, PartEnd>) {
                        if (!draining && diags.full()) {
                            if (m.last) {
                                file_done();
                                return true;
                            }
                            draining = true;
                        }
                    } else if constexpr (std::is_same_v<T, FileDiagnostic>) {
                        diags.add(std::move(m.diagnostic));
                    } else if constexpr (std::is_same_v<T, FileEnd>) {
                        file_done();
                        file_end = true;
                        return diags.full();
                    } else {
                        std::rethrow_exception(m);
                    }
                    return false;
                },
                message);
            if (stop) {
                return;
            }
        }
        if (file_end) { // the batch's last message: the next file comes from the next pipe
            pipe->recycle(batch);
            pipe = &readers.pipe_of(summary.files);
        }
    }
}

// Triggers of the main database dropped inside the import's transaction and created again
// from their own stored text by restore(), before the commit; a rollback (an error, a dry
// run) brings them back with everything else.
class SuspendedTriggers {
public:
    // condition: a fixed SQL condition on sqlite_master's columns, never a value.
    SuspendedTriggers(SQLite::Database& db, const char* condition) : m_db(&db) {
        SQLite::Statement q(db, fmt::format("SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND ({})",
                                            condition));
        std::vector<std::string> names;
        while (q.executeStep()) {
            names.push_back(q.getColumn(0).getString());
            m_sql.push_back(q.getColumn(1).getString());
        }
        q.reset();
        for (const auto& name : names) {
            db.exec("DROP TRIGGER main.\"" + name + "\""); // a name read from sqlite_master
        }
    }

    bool empty() const { return m_sql.empty(); }
    void restore() {
        for (const auto& sql : m_sql) {
            m_db->exec(sql);
        }
        m_sql.clear();
    }

private:
    SQLite::Database* m_db;
    std::vector<std::string> m_sql;
};

// Indexes the search text written by an import in one statement at the end, instead of one
// FTS5 insert per row: with a row-by-row index, every later write statement of the import
// opens a savepoint, which makes FTS5 flush its pending terms each time (measured: a sixth of
// the import's instructions). Inside the import's transaction, the trigger that indexes each
// new search_text row is dropped and a temporary trigger notes the new rows instead; finish()
// indexes them and puts the trigger back before the commit. On a rollback (an error, a dry
// run) SQLite restores the trigger with everything else. A row written by this import is
// never deleted by it (an id is written once per import), so the delete trigger, which stays,
// only ever removes rows indexed before.
//
// Into a database whose search_text is empty, every row of search_text at the end is new:
// the index is then filled from all of them, and nothing is noted.
class SearchIndexBatch {
public:
    SearchIndexBatch(SQLite::Database& db, bool empty)
        : m_db(db), m_trigger(db, "name = 'search_text_insert'"), m_empty(empty) {
        if (m_trigger.empty() || m_empty) {
            return; // a database without full-text search, or nothing to note
        }
        m_db.exec("CREATE TEMP TABLE IF NOT EXISTS import_search (seq INTEGER PRIMARY KEY)");
        m_db.exec("DELETE FROM temp.import_search");
        m_db.exec("CREATE TEMP TRIGGER IF NOT EXISTS import_search_new AFTER INSERT ON main.search_text BEGIN "
                  "INSERT INTO import_search (seq) VALUES (new.seq); END");
    }

    // Indexes the rows written since the start and restores the trigger. In one statement,
    // also into an empty search_text: indexing in chunks while the writer waits (as the fill
    // of search_text does) left the index's segments depending on the timing of the two
    // threads, so that two imports of the same data gave different database files.
    void finish() {
        if (m_trigger.empty()) {
            return;
        }
        if (m_empty) {
            m_db.exec("INSERT INTO main.search_index (rowid, title, body, notes, id) SELECT seq, title, body, notes, "
                      "id FROM main.search_text ORDER BY seq");
        } else {
            m_db.exec("DROP TRIGGER temp.import_search_new");
            m_db.exec("INSERT INTO main.search_index (rowid, title, body, notes, id) SELECT s.seq, s.title, s.body, "
                      "s.notes, s.id FROM temp.import_search n JOIN main.search_text s ON s.seq = n.seq ORDER BY "
                      "n.seq");
        }
        m_trigger.restore();
    }

private:
    SQLite::Database& m_db;
    SuspendedTriggers m_trigger;
    bool m_empty;
};

// An import into a database that holds no records writes search_text from the writer: the
// kind tables' triggers that keep it in step (schema_v2.sql.inc; each first deletes the row it
// replaces, and the progress one also looks for events that no longer exist) are dropped for
// the import, and the writer writes each row's search_text row right after it
// (Writer::write_search_text), so the rows and their order are those the triggers would give
// (export yaml reads that order to place progress events). Measured: the writer's time for
// search_text 1.24 s -> 0.87 s at 100,000 commitments, against the earlier notes in a
// temporary table and a fill from them (docs/performance.md). Within the import's
// transaction, like SearchIndexBatch: a failed or dry-run import rolls it back, triggers
// included. Into a database that holds records the triggers stay (an import then usually
// touches few rows, and may replace them).
//
// A dry run (and so `accord check`, into a database in memory) writes no search_text at all,
// into any database: nothing reads it before the rollback, and a check of a large file would
// otherwise hold a copy of all its text in memory.
class SearchTextBatch {
public:
    SearchTextBatch(SQLite::Database& db, Writer& writer, bool empty, bool dry_run)
        : m_triggers(db, empty || dry_run ? "tbl_name != 'search_text' AND instr(name, '_search_') > 0" : "0") {
        if (!m_triggers.empty() && !dry_run) {
            writer.write_search_text();
        }
    }

    // Puts the triggers back (before SearchIndexBatch::finish, which indexes the new rows).
    void finish() { m_triggers.restore(); }

private:
    SuspendedTriggers m_triggers;
};

// True when the database's search_text holds no row (so neither does any kind table); false
// also for a database without full-text search.
bool search_text_empty(SQLite::Database& db) {
    if (!db.tableExists("search_text")) {
        return false;
    }
    SQLite::Statement any(db, "SELECT EXISTS (SELECT 1 FROM main.search_text)");
    return any.executeStep() && any.getColumn(0).getInt() == 0;
}

// A statement run when this goes out of scope, once armed: a setting put back after the
// import's transaction, committed or not. An error there is swallowed (a destructor must not
// throw); each user says what happens then.
class AtExit {
public:
    AtExit(SQLite::Database& db, const char* sql) : m_db(db), m_sql(sql) {}
    AtExit(const AtExit&) = delete;
    AtExit& operator=(const AtExit&) = delete;
    ~AtExit() {
        if (!m_armed) {
            return;
        }
        try {
            m_db.exec(m_sql);
        } catch (const SQLite::Exception&) {
            // Swallowed: see above.
        }
    }
    void arm(bool armed) { m_armed = armed; }
    bool armed() const { return m_armed; }

private:
    SQLite::Database& m_db;
    const char* m_sql; // a literal
    bool m_armed = false;
};

// An import into a database that holds no records (the first, and usually the largest) is
// written with a rollback journal instead of the WAL: each page is then written once, into the
// database file, where in WAL mode it went into the WAL and then again into the file by the
// checkpoint at the commit; and the pages the import adds are not journaled at all.
// Measured: 100,000 generated commitments imported in 0.79-0.89x the time (docs/performance.md).
// All-or-nothing is kept: a failed import is rolled back from the journal, also after a kill
// (SQLite rolls a hot journal back when the file is next opened). The database goes back to
// WAL mode once the transaction is over, committed or not; if that fails, or the process was
// killed, the next command that writes to it does it (Store::restore_wal). Leaving WAL mode
// needs the file to itself: when another connection has it open, the import stays in WAL mode.
class FirstImportJournal {
public:
    FirstImportJournal(SQLite::Database& db, bool use) : m_back(db, "PRAGMA main.journal_mode = WAL") {
        if (!use) {
            return;
        }
        try {
            SQLite::Statement q(db, "PRAGMA main.journal_mode = DELETE");
            m_back.arm(q.executeStep() && q.getColumn(0).getString() == "delete");
        } catch (const SQLite::Exception&) {
            // Busy: another connection has the file open; the import stays in WAL mode.
        }
    }

private:
    AtExit m_back; // a failure is left to Store::restore_wal at the next write
};

// An import into a database that holds no records runs with foreign keys unenforced and
// checks them all once before the commit (Store::check_foreign_keys). Enforced, each row
// written looked up the rows it names, and while any row named one not yet written (a
// program's `implements` naming a commitment of a later file) every insert into a table that
// rows name looked for those rows too; the import's own checks have already found every
// missing or wrong reference by then (ImportSink), so the check at the end is a safety net
// that costs one pass. Measured: the writer's inserts at 100,000 commitments 16-20% faster,
// for a check of 0.32 s (docs/performance.md). Enforcement can only change outside a
// transaction: set before it, and back on after it, committed or not.
class ForeignKeysAtEnd {
public:
    ForeignKeysAtEnd(SQLite::Database& db, bool use) : m_back(db, "PRAGMA foreign_keys = ON") {
        if (use) {
            db.exec("PRAGMA foreign_keys = OFF");
            m_back.arm(true);
        }
    }
    // Before the commit.
    void check(Store& store) {
        if (m_back.armed()) {
            store.check_foreign_keys();
        }
    }

private:
    AtExit m_back; // fails only inside a transaction, and runs after the import's
};

} // namespace

ImportSummary import_files(Store& store, const ImportRequest& request, Diagnostics& diags) {
#ifdef __GLIBC__
    // Keep freed memory at the top of the heap instead of returning it at once: the import
    // frees and reallocates the same few MB (documents, SQLite's pages) thousands of times,
    // and glibc's default trimming turned that into one brk call and fresh zeroed pages each
    // time (measured: 7,700 brk calls and 1.5 s of system time for 2,000 commitments, three
    // times the wall time). The peak is unchanged: only memory already used is kept.
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_TOP_PAD, 16 << 20);
#endif
    ImportSummary summary;
    // The files in order, each path kept once (50,001 files: 3.4 MB instead of 7.6).
    std::vector<Origin> origins;
    {
        std::vector<std::string> files = expand_inputs(request.paths);
        origins.reserve(files.size());
        for (std::size_t i = 0; i < files.size(); ++i) {
            bool standard_input = files[i] == "-";
            origins.push_back({standard_input ? std::string("<stdin>") : std::move(files[i]), i, standard_input});
        }
    }
    auto& db = store.db();
    try {
        // Before the transaction (neither the journal mode nor foreign key enforcement can
        // change inside one), and so ended after it.
        bool was_empty = search_text_empty(db);
        FirstImportJournal journal(db, !request.dry_run && store.path() != ":memory:" && was_empty);
        ForeignKeysAtEnd foreign_keys(db, was_empty);
        // IMMEDIATE: take the write lock now (waiting up to the busy timeout), so that a
        // second importer waits its turn instead of failing half-way.
        SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
        db.exec("DROP TABLE IF EXISTS temp.import_seen");
        db.exec("CREATE TEMP TABLE import_seen (id TEXT PRIMARY KEY, kind TEXT, file_index INTEGER, line INTEGER, "
                "col INTEGER) WITHOUT ROWID");
        db.exec("CREATE TEMP TABLE IF NOT EXISTS import_ref (subject TEXT, record TEXT, field TEXT, target TEXT, kinds INTEGER, "
                "may_be_text INTEGER, file TEXT, file_index INTEGER, line INTEGER, col INTEGER)");
        // What the import deletes (ImportSink::find_gone).
        db.exec("CREATE TEMP TABLE IF NOT EXISTS import_gone (id TEXT PRIMARY KEY, kind TEXT, file_id INTEGER, "
                "line INTEGER) WITHOUT ROWID");
        db.exec("CREATE TEMP TABLE IF NOT EXISTS import_gone_progress (seq INTEGER PRIMARY KEY, commitment_id TEXT, "
                "date TEXT, party_id TEXT, file_id INTEGER, line INTEGER)");
        db.exec("DELETE FROM temp.import_seen; DELETE FROM temp.import_ref; DELETE FROM temp.import_gone; "
                "DELETE FROM temp.import_gone_progress;");
        // 16 MiB of page cache for the import's writes: 32 and 128 MiB were no faster at 100,000
        // commitments (the pages are written once either way) and 17 and 129 MB larger at the peak.
        db.exec("PRAGMA cache_size = -16384");
        bool empty = search_text_empty(db); // again, in the transaction: another import may have come first
        FilePaths paths(store.path());
        ImportFiles files(db, paths, request.paths, origins, !empty);
        SearchIndexBatch search(db, empty);
        Writer writer(store);
        SearchTextBatch search_text(db, writer, empty, request.dry_run);
        ImportSink sink(store, writer, files, origins, summary, diags, request.list_changes);
        write_messages(origins, sink, diags, summary, request);
        // What the files no longer hold: nothing in a database that held no record, nothing with
        // --keep, and not looked for once the input has an error (nothing will be written).
        bool deletes = !empty && !request.keep && diags.empty();
        if (deletes) {
            sink.find_gone();
            sink.check_gone();
        } else if (!empty && diags.empty()) {
            summary.kept = sink.count_gone(); // --keep: what a deletion would have deleted
        }
        if (!diags.full()) {
            sink.resolve();
        }
        if (deletes && diags.empty()) {
            sink.delete_gone();
        }
        if (diags.empty()) {
            sink.forget_vanished();
        }
        if (diags.empty() && !request.dry_run) {
            foreign_keys.check(store);
            search_text.finish();
            search.finish();
            transaction.commit();
            summary.committed = true;
        }
    } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() == SQLITE_BUSY) {
            throw IoError(fmt::format("{} is busy: another process is writing to it; nothing was written "
                                      "(wait longer with --busy-timeout)",
                                      store.path()));
        }
        if (e.getErrorCode() == SQLITE_FULL) {
            throw IoError(fmt::format("the disk is full: cannot write to {}; nothing was written", store.path()));
        }
        if (e.getErrorCode() == SQLITE_READONLY) {
            throw IoError(
                fmt::format("cannot write to database {}: it is read-only; nothing was written", store.path()));
        }
        throw IoError(fmt::format("database error during import into {}: {}", store.path(), e.what()));
    }
    return summary;
}

} // namespace accord
