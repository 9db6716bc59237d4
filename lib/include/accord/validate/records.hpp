#pragma once
// Turns YAML documents into records, checking every rule that needs no other record
// (docs/format.md). Rules across records (duplicate ids, dangling references, kinds of
// targets) are handed to the RecordSink, which sees the whole input and the database.
#include "accord/model/record.hpp"
#include "accord/validate/diagnostics.hpp"
#include "accord/yaml/node.hpp"

#include <cstdint>
#include <istream>
#include <string>

namespace accord {

// Where a document comes from.
struct Origin {
    std::string file;      // the path, or <stdin>
    std::size_t index = 0; // input order of the file
    bool standard_input = false;
    std::int64_t file_id = 0; // the file's row in the database's table `file` (set by the import)
    std::istream* stream = nullptr; // an input given as a stream (ImportRequest::streams): read from it
};

// A reference to check when all input has been read.
struct PendingRef {
    std::string subject; // "record ID" for messages
    std::string record;  // the id of the record the subject names; empty: none ("a statement in Y")
    std::string field;
    std::string target;
    KindSet kinds = 0;
    bool may_be_text = false; // text_or_ref: an unknown target is just text
    Origin origin;
    yaml::Mark mark;
};

class RecordSink {
public:
    virtual ~RecordSink() = default;
    // A record with this id was read (whatever the state of its other fields).
    virtual void declare(Kind kind, const std::string& id, const Origin& origin, const yaml::Mark& mark) = 0;
    // A record that passed every check that needs no other record; the sink may keep it (the
    // reader is done with it).
    virtual void accept(Record&& record, const Origin& origin, const yaml::Mark& mark) = 0;
    // A reference to resolve once the whole input is read.
    virtual void refer(PendingRef ref) = 0;
};

// Reads one document (a record, or a list of records) into the sink.
void read_document(const yaml::Document& doc, const Origin& origin, RecordSink& sink, Diagnostics& diags);

} // namespace accord
