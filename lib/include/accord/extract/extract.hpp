#pragma once
// accord extract: a first draft of a statement record and its commitments from the plain text
// of the statement. Rule-based and explainable: every commitment says which cue made it one,
// every guess carries a "# check:" comment. Takes text plus a source name; looks names up only
// in the Knowledge loaded from the store it is given (see names.hpp). Rules: docs/extract.md.
#include "accord/extract/cues.hpp"
#include "accord/extract/names.hpp"
#include "accord/store/store.hpp"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace accord::extract {

// What the caller knows; every field may be empty and is then guessed.
struct DraftRequest {
    std::string id;
    std::string title;
    std::string date;     // ISO 8601, may be partial
    std::string dialogue; // the dialogue (or forum) the statement was adopted at
    std::vector<std::string> parties;
};

// A comment line; `check` ones start with "check:" and ask for a human look.
struct Comment {
    std::string text;
    bool check = false;
};

// One value of the draft with the comments written above it.
struct Field {
    std::string value;
    std::vector<Comment> comments;
    bool empty() const { return value.empty(); }
};

struct ListField {
    std::vector<std::string> values;
    std::vector<Comment> comments;
};

struct DraftReference {
    std::string relation;
    std::string target;
    std::vector<Comment> comments;
};

struct DraftCommitment {
    std::string id;
    std::string paragraph; // "3" or "3(a)"; empty when unknown
    std::string text;
    ListField actors;
    Field action;
    ListField themes;
    Field due;
    std::vector<DraftReference> references;
    std::vector<Comment> comments; // the cue, where it is, the names it mentions
};

struct Draft {
    std::string source_name;
    Field id;
    Field title;
    Field date;
    Field type;
    Field adopted_at;
    ListField parties;
    std::vector<DraftReference> references;
    std::vector<Comment> reference_comments; // named documents not resolved to a record
    std::vector<Comment> names;              // known forums and programs the text names
    Field source_publisher;
    std::vector<DraftCommitment> commitments;
    std::vector<Comment> left_out;     // sentences without a cue, skipped lines
    std::vector<std::string> warnings; // for stderr: problems the draft cannot solve by itself
};

// Drafts the statement. Throws UsageError for a malformed request (bad id or date) and, when
// a database is available, for --parties or --dialogue ids it does not hold.
Draft draft_statement(std::string_view text, std::string_view source_name, const DraftRequest &request,
                      const Knowledge &knowledge);
Draft draft_statement(std::string_view text, std::string_view source_name, const DraftRequest &request, Store &store);

// Writes the draft as YAML in the input format (docs/format.md), comments included.
void write_draft(std::ostream &out, const Draft &draft);

// A title as an id: lower case, "U.S." -> "us", ordinal words -> numbers, small words left
// out, at most 60 characters ("Fifth U.S.-ASEAN Cyber Policy Dialogue" -> "5-us-asean-cyber-policy-dialogue").
std::string slug_of(std::string_view title);

} // namespace accord::extract
