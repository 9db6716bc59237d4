#pragma once
// The import's reading threads and the messages they hand the writing thread.
#include "sink.hpp"

#include "accord/import/importer.hpp"
#include "accord/validate/diagnostics.hpp"
#include "accord/validate/records.hpp"

#include <cstddef>
#include <vector>

namespace accord {

// How many reading threads an import starts (at most one per file): two, or one where the process
// may run on one processor only.
std::size_t reading_threads();

// Reads the files of origins on reading threads and applies what they find to the sink, on the
// calling thread, in the input's order (the one thread that uses the database); stops once
// diags is full. writes false: the sink writes nothing (ImportSink), so no digest is computed.
void write_messages(const std::vector<Origin>& origins, ImportSink& sink, Diagnostics& diags, ImportSummary& summary,
                    const ImportRequest& request, bool writes);

} // namespace accord
