#pragma once
// The records and their references, read once from the store into memory, for the
// cross-reference commands (check, lineage, brief; similar reads only CommitmentTexts, below).
// A few kilobytes per hundred records.
#include "accord/model/vocab.hpp"
#include "accord/store/store.hpp"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace accord::xref {

struct Node {
    std::string id;
    Kind kind = Kind::party;
    std::string date;   // its own date; a commitment's is its statement's, a program's its start
    std::string title;  // name, title or label; a commitment's text
    std::string parent; // a commitment's statement, a statement's dialogue
    std::string due;    // commitments
    std::string action; // commitments
    std::string status; // a commitment's overall status, a program's status
    std::string type;   // statement, program, party ... type
};

struct Edge {
    std::string source;
    std::string field;    // "references" or "implements"
    std::string relation; // recalls, reaffirms, builds-on, supersedes, fulfils, follows-up, implements
    std::string target;
};

struct ProgressEvent {
    std::int64_t seq = 0;
    std::string commitment;
    std::string date;
    std::string status;
    std::string party;
    std::string evidence;
    std::string note;
    bool has_source = false;
};

// One dated step of a program (its milestones field).
struct ProgramMilestone {
    std::string program;
    std::string date;
    std::string text;
    std::string url; // its source's, if any
};

class Graph {
public:
    static Graph load(Store& store);

    const Node* find(const std::string& id) const;
    const std::vector<Node>& nodes() const { return m_nodes; }
    const std::vector<Edge>& edges() const { return m_edges; }
    // References made by id, and references to id, in stored order.
    std::vector<const Edge*> edges_from(const std::string& id) const;
    std::vector<const Edge*> edges_to(const std::string& id) const;
    // A dialogue's statements, a statement's commitments, in input order.
    std::vector<const Node*> children(const std::string& id) const;
    // A commitment's progress events, by date then input order.
    std::vector<const ProgressEvent*> progress_of(const std::string& commitment) const;
    // A program's milestones, in input order.
    std::vector<const ProgramMilestone*> milestones_of(const std::string& program) const;

private:
    std::vector<Node> m_nodes;
    std::vector<Edge> m_edges;
    std::vector<ProgressEvent> m_progress;
    std::vector<ProgramMilestone> m_milestones;
    std::unordered_map<std::string, std::size_t> m_index;
    std::unordered_map<std::string, std::vector<std::size_t>> m_from, m_to, m_children, m_events, m_program_milestones;
};

// What `xref similar` reads, and nothing else: the commitments (id, text as title, statement as
// parent, the statement's date, action; no status) in the order they are stored, which is the
// order Graph::nodes() lists them in, and the references (field "references") between records,
// without their relation.
// No progress events, other kinds or indexes by id: at 100,000 commitments loading the whole
// graph cost as much as the search itself.
struct CommitmentTexts {
    std::vector<Node> commitments;
    std::vector<Edge> references;
    static CommitmentTexts load(Store& store);
};

// "recalled by" for "recalls", ..., "implemented by" for "implements".
std::string passive_of(const std::string& relation);

} // namespace accord::xref
