#pragma once
// The meeting brief as a document (docs/brief.md, "How it reads"): md, html (one or two A4
// pages), json (the brief's own structure, every field) and table (the terminal).
#include "accord/brief/brief.hpp"
#include "accord/text/document.hpp"

#include <ostream>

namespace accord {

// The formats a brief is written in, in the order --help names them.
inline constexpr std::initializer_list<text::Format> k_brief_formats = {text::Format::table, text::Format::md,
                                                                        text::Format::json, text::Format::html};

// The format named name, one of k_brief_formats; UsageError otherwise, saying for csv and jsonl
// why a brief has none.
text::Format brief_format(std::string_view name);

// The brief as a document for the format (the table format shortens texts to fit a terminal;
// md and html show them whole). Throws UsageError for csv and jsonl: a brief is several
// tables and paragraphs, not one table.
text::Document brief_document(const Brief& brief, text::Format format);

// The brief's JSON form (the json format of brief_document()): its own structure, every field;
// "changes" is `report changes --format json` of the window (changes_json()).
text::Json brief_json(const Brief& brief);

// brief_document() written by write_report().
void write_brief(std::ostream& out, const Brief& brief, text::Format format, const text::WriteOptions& options = {});

} // namespace accord
