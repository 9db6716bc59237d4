// check_database(): xref check's findings (references, cycles, orphans, and with --lint the wording of commitments).
#include "accord/xref/check.hpp"

#include "accord/model/id.hpp"
#include "accord/model/record.hpp"
#include "accord/store/query.hpp"
#include "accord/text/strings.hpp"
#include "accord/xref/graph.hpp"
#include "accord/xref/text.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <deque>
#include <functional>
#include <map>
#include <set>
#include <tuple>

namespace accord::xref {

namespace {

// The relations that place a record after the one it names: going round is impossible in time.
const std::set<std::string> k_cycle_relations = {"supersedes", "builds-on", "follows-up"};

std::string text(SQLite::Statement& q, int column) {
    SQLite::Column c = q.getColumn(column);
    return c.isNull() ? std::string() : c.getString();
}

class Checker {
public:
    Checker(Store& store, std::vector<Finding>& out) : m_db(store.db()), m_out(out) {}

    // A row of a kind table: its id is its own; a progress event is named by commitment and date.
    struct Subject {
        std::string record;
        std::string label; // "record ID" or "progress of ID dated D[ for party P]"
        bool event = false;
        std::string date, party;
    };

    void add(Severity severity, FindingCode code, const Subject& s, std::string message, std::string field = {},
             std::string target = {}) {
        Finding f;
        f.severity = severity;
        f.code = code;
        f.record = s.record;
        f.message = std::move(message);
        f.field = std::move(field);
        f.target = std::move(target);
        f.event = s.event;
        f.event_date = s.date;
        f.event_party = s.party;
        m_out.push_back(std::move(f));
    }

    // The target of a reference, checked against the kinds the field takes.
    void target(const Subject& s, const std::string& field, const std::string& target_id,
                const std::string& target_kind, KindSet kinds, bool may_be_text) {
        if (target_kind.empty()) {
            if (!may_be_text) {
                add(Severity::error, FindingCode::unresolved, s,
                    fmt::format("{}, field {}: dangling reference: no record '{}'", s.label, field, target_id), field,
                    target_id);
            }
            return;
        }
        auto kind = kind_from_string(target_kind);
        if (!kind || !(kinds & kind_bit(*kind))) {
            add(Severity::error, FindingCode::wrong_kind, s,
                fmt::format("{}, field {}: '{}' is a {}, expected {}", s.label, field, target_id, target_kind,
                            describe(kinds)),
                field, target_id);
        }
    }

    Subject subject_of(Kind kind, SQLite::Statement& q) {
        Subject s;
        if (kind == Kind::progress) {
            s.record = text(q, 0);
            s.date = text(q, 1);
            s.party = text(q, 2);
            s.event = true;
            s.label = fmt::format("progress of {} dated {}{}", s.record, s.date,
                                  s.party.empty() ? std::string() : " for party " + s.party);
        } else {
            s.record = text(q, 0);
            s.label = "record " + s.record;
        }
        return s;
    }

    // Every reference a kind's rows make, walked through its field table.
    void references_of(Kind kind) {
        const KindSpec& spec = kind_spec(kind);
        const std::string table(spec.table);
        const std::string subject_cols = kind == Kind::progress ? "t.commitment_id, t.date, t.party_id" : "t.id";
        const int n = kind == Kind::progress ? 3 : 1;
        for (const FieldSpec& fs : spec.fields) {
            std::string sql;
            switch (fs.type) {
            case FieldType::ref:
            case FieldType::text_or_ref:
            case FieldType::evidence: {
                std::string col = column_of(fs.name);
                sql = fmt::format("SELECT {0}, t.{1}, r.kind FROM {2} t LEFT JOIN record r ON r.id = t.{1} "
                                  "WHERE t.{1} IS NOT NULL ORDER BY {0}",
                                  subject_cols, col, table);
                break;
            }
            case FieldType::ref_list:
                if (fs.ref_kinds == kind_bit(Kind::party)) {
                    sql = fmt::format("SELECT t.id, l.party_id, r.kind FROM record_party l JOIN {} t ON t.id = "
                                      "l.record_id LEFT JOIN record r ON r.id = l.party_id WHERE l.role = :field "
                                      "ORDER BY t.id, l.pos",
                                      table);
                } else if (fs.ref_kinds == kind_bit(Kind::theme)) {
                    sql = fmt::format("SELECT t.id, l.theme_id, r.kind FROM record_theme l JOIN {} t ON t.id = "
                                      "l.record_id LEFT JOIN record r ON r.id = l.theme_id WHERE :field = :field "
                                      "ORDER BY t.id, l.pos",
                                      table);
                } else {
                    sql = fmt::format("SELECT t.id, l.target_id, r.kind FROM record_reference l JOIN {} t ON t.id = "
                                      "l.source_id LEFT JOIN record r ON r.id = l.target_id WHERE l.field = :field "
                                      "ORDER BY t.id, l.pos",
                                      table);
                }
                break;
            case FieldType::references:
                sql = fmt::format("SELECT t.id, l.target_id, r.kind, l.relation FROM record_reference l JOIN {} t "
                                  "ON t.id = l.source_id LEFT JOIN record r ON r.id = l.target_id "
                                  "WHERE l.field = :field ORDER BY t.id, l.pos",
                                  table);
                break;
            default:
                continue;
            }
            SQLite::Statement q(m_db, sql);
            if (q.getIndex(":field") > 0) {
                q.bind(":field", std::string(fs.name));
            }
            const std::string field(fs.name);
            while (q.executeStep()) {
                Subject s = subject_of(kind, q);
                std::string target_id = text(q, n);
                std::string target_kind = text(q, n + 1);
                if (fs.type == FieldType::evidence) {
                    if (!is_url(target_id)) {
                        target(s, field, target_id, target_kind, k_any_kind, false);
                    }
                } else if (fs.type == FieldType::references) {
                    target(s, field, target_id, target_kind, k_any_kind, false);
                    std::string relation = text(q, n + 2);
                    if (relation == "fulfils" && !target_kind.empty() && target_kind != "commitment") {
                        add(Severity::warning, FindingCode::fulfils_target, s,
                            fmt::format("{}: fulfils '{}', which is a {}, not a commitment", s.label, target_id,
                                        target_kind),
                            field, target_id);
                    }
                } else {
                    target(s, field, target_id, target_kind, fs.ref_kinds, fs.type == FieldType::text_or_ref);
                }
            }
        }
    }

    // A row of a kind table must be registered under that kind in `record`.
    void registration_of(Kind kind) {
        const std::string table(kind_spec(kind).table);
        SQLite::Statement q(m_db, fmt::format("SELECT t.id, r.kind FROM {} t LEFT JOIN record r ON r.id = t.id "
                                              "WHERE r.kind IS NOT :kind ORDER BY t.id",
                                              table));
        q.bind(":kind", table);
        while (q.executeStep()) {
            Subject s{text(q, 0), "record " + text(q, 0), false, {}, {}};
            std::string registered = text(q, 1);
            if (registered.empty()) {
                add(Severity::error, FindingCode::unresolved, s,
                    fmt::format("{}: a {} row with no entry in the record table", s.label, table));
            } else {
                add(Severity::error, FindingCode::wrong_kind, s,
                    fmt::format("{}: a {} row registered as a {}", s.label, table, registered));
            }
        }
    }

private:
    SQLite::Database& m_db;
    std::vector<Finding>& m_out;
};

// Strongly connected components (Tarjan, iterative) of the supersedes / builds-on /
// follows-up graph; each component of more than one record, or with a self-reference,
// holds a cycle.
void find_cycles(const Graph& graph, std::vector<Finding>& out) {
    std::map<std::string, std::size_t> index_of;
    std::vector<const Edge*> edges;
    for (const Edge& e : graph.edges()) {
        if (e.field == "references" && k_cycle_relations.count(e.relation)) {
            edges.push_back(&e);
            index_of.emplace(e.source, 0);
            index_of.emplace(e.target, 0);
        }
    }
    std::vector<std::string> ids;
    for (auto& [id, i] : index_of) {
        i = ids.size();
        ids.push_back(id);
    }
    const std::size_t n = ids.size();
    std::vector<std::vector<std::pair<std::size_t, const Edge*>>> adj(n);
    for (const Edge* e : edges) {
        adj[index_of[e->source]].emplace_back(index_of[e->target], e);
    }
    for (auto& a : adj) {
        std::sort(a.begin(), a.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    }
    const std::size_t none = static_cast<std::size_t>(-1);
    std::vector<std::size_t> index(n, none), low(n, 0), comp(n, none);
    std::vector<bool> on_stack(n, false);
    std::vector<std::size_t> stack;
    std::vector<std::vector<std::size_t>> components;
    std::size_t counter = 0;
    for (std::size_t root = 0; root < n; ++root) {
        if (index[root] != none) {
            continue;
        }
        std::vector<std::pair<std::size_t, std::size_t>> call{{root, 0}}; // node, next edge
        index[root] = low[root] = counter++;
        stack.push_back(root);
        on_stack[root] = true;
        while (!call.empty()) {
            auto& [v, next] = call.back();
            if (next < adj[v].size()) {
                std::size_t w = adj[v][next++].first;
                if (index[w] == none) {
                    index[w] = low[w] = counter++;
                    stack.push_back(w);
                    on_stack[w] = true;
                    call.emplace_back(w, 0);
                } else if (on_stack[w]) {
                    low[v] = std::min(low[v], index[w]);
                }
                continue;
            }
            std::size_t done = v;
            call.pop_back();
            if (!call.empty()) {
                low[call.back().first] = std::min(low[call.back().first], low[done]);
            }
            if (low[done] == index[done]) {
                std::vector<std::size_t> c;
                std::size_t w = none;
                do {
                    w = stack.back();
                    stack.pop_back();
                    on_stack[w] = false;
                    comp[w] = components.size();
                    c.push_back(w);
                } while (w != done);
                components.push_back(std::move(c));
            }
        }
    }
    for (std::size_t ci = 0; ci < components.size(); ++ci) {
        auto& c = components[ci];
        std::sort(c.begin(), c.end());
        std::size_t start = c.front();
        bool self = std::any_of(adj[start].begin(), adj[start].end(), [&](const auto& a) { return a.first == start; });
        if (c.size() == 1 && !self) {
            continue;
        }
        // The shortest cycle through the component's first record (breadth first).
        std::vector<const Edge*> via(n, nullptr);
        std::vector<std::size_t> from(n, none);
        std::deque<std::size_t> queue{start};
        const Edge* closing = nullptr;
        std::size_t last = none;
        while (!queue.empty() && !closing) {
            std::size_t v = queue.front();
            queue.pop_front();
            for (auto& [w, e] : adj[v]) {
                if (comp[w] != ci) {
                    continue;
                }
                if (w == start) {
                    closing = e;
                    last = v;
                    break;
                }
                if (from[w] == none && w != start) {
                    from[w] = v;
                    via[w] = e;
                    queue.push_back(w);
                }
            }
        }
        std::vector<const Edge*> path{closing};
        for (std::size_t v = last; v != start; v = from[v]) {
            path.push_back(via[v]);
        }
        std::reverse(path.begin(), path.end());
        std::string steps;
        for (const Edge* e : path) {
            steps += fmt::format("{}{} {} {}", steps.empty() ? "" : ", ", e->source, e->relation, e->target);
        }
        Finding f;
        f.severity = Severity::error;
        f.code = FindingCode::cycle;
        f.record = ids[start];
        for (auto m : c) {
            f.members.push_back(ids[m]);
        }
        std::string members;
        for (const auto& m : f.members) {
            members += (members.empty() ? "" : ", ") + m;
        }
        f.message = f.members.size() == 1
                        ? fmt::format("record {}: reference cycle: {}", ids[start], steps)
                        : fmt::format("record {}: reference cycle among {}: {}", ids[start], members, steps);
        f.field = "references"; // placed at the reference that starts the cycle
        f.target = path.front()->target;
        out.push_back(std::move(f));
    }
}

void find_orphans(const Graph& graph, bool include_noted, std::vector<Finding>& out) {
    for (const Node& n : graph.nodes()) {
        if (n.kind != Kind::commitment || !graph.progress_of(n.id).empty() ||
            (!include_noted && is_acknowledgement(n.action))) {
            continue;
        }
        auto to = graph.edges_to(n.id);
        if (std::any_of(to.begin(), to.end(), [](const Edge* e) { return e->relation == "implements"; })) {
            continue;
        }
        Finding f;
        f.code = FindingCode::orphan;
        f.record = n.id;
        f.message = fmt::format("record {}: orphan commitment: no program implements it and no progress event "
                                "assesses it",
                                n.id);
        out.push_back(std::move(f));
    }
}

void lint(Store& store, const Graph& graph, std::vector<Finding>& out) {
    std::set<std::string> with_actors;
    SQLite::Statement q(store.db(), "SELECT DISTINCT record_id FROM record_party WHERE role = 'actors'");
    while (q.executeStep()) {
        with_actors.insert(q.getColumn(0).getString());
    }
    auto add = [&](FindingCode code, const std::string& record, std::string message) {
        Finding f;
        f.code = code;
        f.record = record;
        f.message = std::move(message);
        out.push_back(std::move(f));
    };
    for (const Node& n : graph.nodes()) {
        if (n.kind != Kind::commitment) {
            continue;
        }
        if (!with_actors.count(n.id)) {
            add(FindingCode::no_actor, n.id, fmt::format("record {}: commitment names no actors", n.id));
        }
        if (n.due.empty()) {
            add(FindingCode::no_due, n.id, fmt::format("record {}: commitment has no due date", n.id));
        }
        MainVerb verb = main_verb(n.title);
        if (verb.kind == VerbKind::report) {
            add(FindingCode::no_verb, n.id,
                fmt::format("record {}: text has no verb of commitment (its verb '{}' reports, it does not commit)",
                            n.id, verb.word));
        } else if (verb.kind == VerbKind::none) {
            add(FindingCode::no_verb, n.id, fmt::format("record {}: text has no verb of commitment", n.id));
        }
        for (const ProgressEvent* p : graph.progress_of(n.id)) {
            if (p->evidence.empty() && !p->has_source) {
                Finding f;
                f.code = FindingCode::no_evidence;
                f.record = n.id;
                f.event = true;
                f.event_date = p->date;
                f.event_party = p->party;
                f.message = fmt::format("progress of {} dated {}{}: no evidence and no source", n.id, p->date,
                                        p->party.empty() ? std::string() : " for party " + p->party);
                out.push_back(std::move(f));
            }
        }
    }
}

} // namespace

std::vector<Finding> check_database(Store& store, const CheckRequest& request) {
    std::vector<Finding> out;
    Checker checker(store, out);
    for (std::string_view name : k_kind_names) {
        Kind kind = *kind_from_string(name);
        checker.references_of(kind);
        if (kind != Kind::progress) {
            checker.registration_of(kind);
        }
    }
    Graph graph = Graph::load(store);
    find_cycles(graph, out);
    find_orphans(graph, request.include_noted, out);
    if (request.lint) {
        lint(store, graph, out);
    }
    if (request.strict) {
        for (auto& f : out) {
            f.severity = Severity::error;
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
        auto key = [](const Finding& f) {
            return std::tuple<bool, int, const std::string&, const std::string&>(
                f.severity == Severity::warning, static_cast<int>(f.code), f.record, f.message);
        };
        return key(a) < key(b);
    });
    return out;
}
} // namespace accord::xref
