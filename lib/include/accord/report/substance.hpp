#pragma once
// What every report shows of a commitment beside its id (docs/reports.md, "What a commitment row shows"): its text and its latest progress note, with the one query of the latest notes (the brief's too).
#include "accord/store/store.hpp"
#include "accord/text/json.hpp"
#include "accord/text/table.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace accord {

// The latest progress event of a commitment on a day: latest by date (ties: file order), the
// one its status comes from or one of the same day, whatever its party.
struct LatestNote {
    std::string date;
    std::string status;
    std::string party; // empty: every actor
    std::string note;
    std::string evidence; // a record id or a URL; empty: none
};

// The latest progress event dated on or before as_of (YYYY-MM-DD) of every commitment that has
// one, by commitment id. One query.
std::unordered_map<std::string, LatestNote> latest_notes(Store& store, const std::string& as_of);
// The note of one commitment in that map, or none.
std::optional<LatestNote> latest_of(const std::unordered_map<std::string, LatestNote>& notes,
                                    const std::string& commitment);

// "2025-05-20 substantial (us): note [evidence: X]"; the note shortened to width characters
// and the evidence to 40 (width npos: both whole); "" for none.
std::string latest_text(const std::optional<LatestNote>& latest, std::size_t width = std::string::npos);
// {"date", "status", "party", "note", "evidence"} (empty fields null), or null for none.
text::Json latest_json(const std::optional<LatestNote>& latest);

// The columns of a commitment's substance, at the end of a report's rows: `text` (shortened to
// text::k_short_text in table), `latest progress` (table, md, html: latest_text) and `latest_date`,
// `latest_note`, `latest_evidence` (csv, json).
std::vector<text::Column> substance_columns();
// Their cells, in that order.
void add_substance_cells(text::Row& row, const std::string& text, const std::optional<LatestNote>& latest,
                         text::Format format);

} // namespace accord
