#pragma once
// Exports (docs/commands.md, docs/export.md): each kind as a flat table, the references, the
// commitment timeline, written row by row as CSV, JSON or JSONL while SQLite reads them;
// and the whole database as YAML in the input format.
#include "accord/model/vocab.hpp"
#include "accord/store/filter.hpp"
#include "accord/store/store.hpp"
#include "accord/text/table.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace accord {

struct RowFormat {
    text::Format format = text::Format::csv; // csv, json or jsonl
    bool crlf = false;     // CSV: lines end with CR LF (default: LF, as `sqlite3 -csv`)
    bool bom = false;      // CSV: starts with the UTF-8 byte order mark
    bool safe_csv = false; // CSV: a text cell starting with = + - @ TAB or CR gets a leading '
    // The writer's options: these, with cells quoted as `sqlite3 -csv` quotes them, so that
    // its output and the exports' are byte-identical.
    text::WriteOptions options() const;
};

// The columns of `accord export KIND`: every field, the source as five source_* columns,
// nested children left out (docs/export.md).
std::vector<std::string> export_columns(Kind kind);
// The columns of `accord export timeline` (and of the v_timeline view).
const std::vector<std::string>& timeline_columns();
// Their shapes (actors is a list: `;`-joined in CSV, an array in JSON).
const std::vector<text::Shape>& timeline_shapes();
// The columns of `accord export links`.
const std::vector<std::string>& links_columns();

// accord export KIND: one row per record in input (rowid) order; list fields joined with ';'
// (JSON: arrays), references as relation:target (JSON: objects). Throws UsageError for a filter that does not apply.
// Returns the number of rows.
std::size_t export_kind(Store& store, Kind kind, const Filter& filter, std::ostream& out, const RowFormat& format);

// accord export links: every reference (references and implements), by source record.
std::size_t export_links(Store& store, std::ostream& out, const RowFormat& format);

struct TimelineQuery {
    // Filters the commitments, except since/until, which apply to the event's own date.
    Filter filter;
    std::optional<std::string> commitment; // one commitment only
};

// accord export timeline: the rows of the v_timeline view, ordered by date, commitment,
// then as the view orders ties. Throws DataError when query.commitment names no commitment.
std::size_t export_timeline(Store& store, const TimelineQuery& query, std::ostream& out, const RowFormat& format);

// accord export yaml: every record as YAML documents in the input format, in the order they
// were first imported (record rowid order; progress in seq order), children nested under
// their parent where they directly followed it, so that importing the output into an empty
// database gives the same rows in the same order. Returns the number of documents.
std::size_t export_yaml(Store& store, std::ostream& out);

// Where split output goes: called once per file with its path relative to the output folder
// and a function that writes its content.
using FileWriter =
    std::function<void(const std::string& relative_path, const std::function<void(std::ostream&)>& content)>;

// accord export yaml --split-by dialogue: dialogues/ID.yaml (a dialogue with everything
// nested in it), statements/ID.yaml (a statement of no dialogue, with its commitments),
// parties.yaml, forums.yaml, themes.yaml, programs.yaml. Returns the number of files.
std::size_t export_yaml_split(Store& store, const FileWriter& write_file);

} // namespace accord
