// Graph: the reference graph of the records, loaded once from the database.
#include "accord/xref/graph.hpp"

#include <SQLiteCpp/Statement.h>

namespace accord::xref {

namespace {

std::string text(SQLite::Statement& q, int column) {
    SQLite::Column c = q.getColumn(column);
    return c.isNull() ? std::string() : c.getString();
}

} // namespace

Graph Graph::load(Store& store) {
    Graph g;
    // Rows in input order within each kind, which is the order children are shown in.
    SQLite::Statement nodes(store.db(), R"SQL(
        SELECT 'party', id, NULL, name, NULL, NULL, NULL, NULL, type, 0, rowid FROM party
        UNION ALL SELECT 'forum', id, established, name, NULL, NULL, NULL, NULL, type, 1, rowid FROM forum
        UNION ALL SELECT 'theme', id, NULL, label, NULL, NULL, NULL, NULL, group_name, 2, rowid FROM theme
        UNION ALL SELECT 'dialogue', id, date, title, NULL, NULL, NULL, NULL, series, 3, rowid FROM dialogue
        UNION ALL SELECT 'statement', id, date, title, dialogue_id, NULL, NULL, NULL, type, 4, rowid FROM statement
        UNION ALL SELECT 'commitment', c.id, s.date, c.text, c.statement_id, c.due, c.action, v.status, NULL, 5,
                         c.rowid
                    FROM commitment c LEFT JOIN statement s ON s.id = c.statement_id
                    LEFT JOIN v_commitment_status v ON v.commitment_id = c.id
        UNION ALL SELECT 'program', id, start_date, title, NULL, NULL, NULL, status, type, 6, rowid FROM program
        ORDER BY 10, 11)SQL");
    while (nodes.executeStep()) {
        Node n;
        n.kind = kind_from_string(nodes.getColumn(0).getString()).value_or(Kind::party);
        n.id = text(nodes, 1);
        n.date = text(nodes, 2);
        n.title = text(nodes, 3);
        n.parent = text(nodes, 4);
        n.due = text(nodes, 5);
        n.action = text(nodes, 6);
        n.status = text(nodes, 7);
        n.type = text(nodes, 8);
        if (n.kind == Kind::commitment && n.status.empty()) {
            n.status = "unassessed";
        }
        std::size_t i = g.m_nodes.size();
        g.m_index.emplace(n.id, i);
        if (!n.parent.empty()) {
            g.m_children[n.parent].push_back(i);
        }
        g.m_nodes.push_back(std::move(n));
    }
    SQLite::Statement edges(store.db(), "SELECT source_id, field, relation, target_id FROM record_reference "
                                        "ORDER BY source_id, field, pos");
    while (edges.executeStep()) {
        std::size_t i = g.m_edges.size();
        Edge e{text(edges, 0), text(edges, 1), text(edges, 2), text(edges, 3)};
        g.m_from[e.source].push_back(i);
        g.m_to[e.target].push_back(i);
        g.m_edges.push_back(std::move(e));
    }
    SQLite::Statement events(store.db(), R"SQL(
        SELECT seq, commitment_id, date, status, party_id, evidence, note,
               coalesce(source_title, source_publisher, source_url, source_published, source_paragraph) IS NOT NULL
          FROM progress ORDER BY commitment_id, date, seq)SQL");
    while (events.executeStep()) {
        ProgressEvent p;
        p.seq = events.getColumn(0).getInt64();
        p.commitment = text(events, 1);
        p.date = text(events, 2);
        p.status = text(events, 3);
        p.party = text(events, 4);
        p.evidence = text(events, 5);
        p.note = text(events, 6);
        p.has_source = events.getColumn(7).getInt() != 0;
        g.m_events[p.commitment].push_back(g.m_progress.size());
        g.m_progress.push_back(std::move(p));
    }
    SQLite::Statement milestones(store.db(), "SELECT program_id, date, text, source_url FROM program_milestone "
                                             "ORDER BY program_id, pos");
    while (milestones.executeStep()) {
        ProgramMilestone m{text(milestones, 0), text(milestones, 1), text(milestones, 2), text(milestones, 3)};
        g.m_program_milestones[m.program].push_back(g.m_milestones.size());
        g.m_milestones.push_back(std::move(m));
    }
    return g;
}

CommitmentTexts CommitmentTexts::load(Store& store) {
    CommitmentTexts out;
    // One pass over each table in stored order; the statement's date by its primary key.
    SQLite::Statement commitments(store.db(), "SELECT c.id, s.date, c.text, c.statement_id, c.action "
                                              "FROM commitment c LEFT JOIN statement s ON s.id = c.statement_id "
                                              "ORDER BY c.rowid");
    while (commitments.executeStep()) {
        Node n;
        n.kind = Kind::commitment;
        n.id = text(commitments, 0);
        n.date = text(commitments, 1);
        n.title = text(commitments, 2);
        n.parent = text(commitments, 3);
        n.action = text(commitments, 4);
        out.commitments.push_back(std::move(n));
    }
    SQLite::Statement references(store.db(), "SELECT source_id, target_id FROM record_reference "
                                             "WHERE field = 'references'");
    while (references.executeStep()) {
        out.references.push_back({text(references, 0), "references", std::string(), text(references, 1)});
    }
    return out;
}

const Node* Graph::find(const std::string& id) const {
    auto it = m_index.find(id);
    return it == m_index.end() ? nullptr : &m_nodes[it->second];
}

std::vector<const Edge*> Graph::edges_from(const std::string& id) const {
    std::vector<const Edge*> out;
    if (auto it = m_from.find(id); it != m_from.end()) {
        for (auto i : it->second) {
            out.push_back(&m_edges[i]);
        }
    }
    return out;
}

std::vector<const Edge*> Graph::edges_to(const std::string& id) const {
    std::vector<const Edge*> out;
    if (auto it = m_to.find(id); it != m_to.end()) {
        for (auto i : it->second) {
            out.push_back(&m_edges[i]);
        }
    }
    return out;
}

std::vector<const Node*> Graph::children(const std::string& id) const {
    std::vector<const Node*> out;
    if (auto it = m_children.find(id); it != m_children.end()) {
        for (auto i : it->second) {
            out.push_back(&m_nodes[i]);
        }
    }
    return out;
}

std::vector<const ProgressEvent*> Graph::progress_of(const std::string& commitment) const {
    std::vector<const ProgressEvent*> out;
    if (auto it = m_events.find(commitment); it != m_events.end()) {
        for (auto i : it->second) {
            out.push_back(&m_progress[i]);
        }
    }
    return out;
}

std::vector<const ProgramMilestone*> Graph::milestones_of(const std::string& program) const {
    std::vector<const ProgramMilestone*> out;
    if (auto it = m_program_milestones.find(program); it != m_program_milestones.end()) {
        for (auto i : it->second) {
            out.push_back(&m_milestones[i]);
        }
    }
    return out;
}

std::string passive_of(const std::string& relation) {
    if (relation == "recalls") {
        return "recalled by";
    }
    if (relation == "reaffirms") {
        return "reaffirmed by";
    }
    if (relation == "builds-on") {
        return "built on by";
    }
    if (relation == "supersedes") {
        return "superseded by";
    }
    if (relation == "fulfils") {
        return "fulfilled by";
    }
    if (relation == "follows-up") {
        return "followed up by";
    }
    if (relation == "implements") {
        return "implemented by";
    }
    return relation + " (by)";
}

} // namespace accord::xref
