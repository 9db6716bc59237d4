#include "helpers.hpp"

#include "accord/error.hpp"
#include "accord/xref/lineage.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace accord;
using namespace accord::xref;

namespace {

Graph chain() {
    Store store = Store::memory();
    Diagnostics diags;
    ImportRequest r;
    r.paths = {std::string(ACCORD_SOURCE_DIR) + "/tests/fixtures/xref/chain.yaml"};
    import_files(store, r, diags);
    REQUIRE(diags.empty());
    return Graph::load(store);
}

// The records the steps lead to, depth first.
void collect(const std::vector<LineageStep>& steps, std::vector<std::string>& out, bool forward) {
    for (const auto& s : steps) {
        out.push_back(step_node(s, forward));
    }
}

} // namespace

TEST_CASE("the chain 2018 -> 2023 -> 2024 shows whole both ways", "[xref][lineage]") {
    Graph graph = chain();
    std::vector<std::string> back, forward;
    collect(build_lineage(graph, "s2024.c1").back, back, false);
    CHECK(back == std::vector<std::string>{"s2023.c1", "s2018.c1"});
    collect(build_lineage(graph, "s2018.c1").forward, forward, true);
    CHECK(forward == std::vector<std::string>{"s2023.c1", "s2024.c1", "s2025"});
}

TEST_CASE("a commitment's statement and dialogue are context, not its chain", "[xref][lineage]") {
    Graph graph = chain();
    // s2023 recalls the statement s2018: that is no event of s2018.c1, only context.
    Lineage l = build_lineage(graph, "s2018.c1");
    REQUIRE(l.context_forward.size() == 1);
    CHECK(l.context_forward[0].edge->source == "s2023");
    CHECK(l.context_forward[0].edge->target == "s2018");
    for (const auto& s : l.forward) {
        CHECK(s.edge->source != "s2023");
    }
    // s2023.c1's context: what its statement recalls; its chain: what it builds on.
    Lineage c = build_lineage(graph, "s2023.c1");
    REQUIRE(c.context_back.size() == 1);
    CHECK(c.context_back[0].edge->target == "s2018");
    std::vector<std::string> back;
    collect(c.back, back, false);
    CHECK(back == std::vector<std::string>{"s2018.c1"});
    std::ostringstream tree;
    write_lineage(tree, graph, l, LineageFormat::tree);
    CHECK(tree.str().find("context (its statement's references and what names its statement or dialogue; not "
                          "followed):\n  s2018 recalled by statement s2023") != std::string::npos);
}

TEST_CASE("a statement's lineage covers its commitments", "[xref][lineage]") {
    Graph graph = chain();
    Lineage l = build_lineage(graph, "s2023");
    CHECK(l.commitments == std::vector<std::string>{"s2023.c1"});
    std::vector<std::string> back;
    collect(l.back, back, false);
    CHECK(back == std::vector<std::string>{"s2018", "s2018.c1"});
    std::ostringstream tree;
    write_lineage(tree, graph, l, LineageFormat::tree);
    CHECK(tree.str().find("  s2023.c1 builds-on commitment s2018.c1") != std::string::npos);
    CHECK(tree.str().find("    implemented by program p-training") != std::string::npos);
}

TEST_CASE("lineage of an unknown id or of another kind is refused", "[xref][lineage]") {
    Graph graph = chain();
    CHECK_THROWS_AS(build_lineage(graph, "nothing"), DataError);
    CHECK_THROWS_AS(build_lineage(graph, "p-training"), UsageError);
    CHECK_THROWS_AS(lineage_format_from_string("svg"), UsageError);
}

TEST_CASE("dot and mermaid name every node once", "[xref][lineage]") {
    Graph graph = chain();
    Lineage l = build_lineage(graph, "s2023.c1");
    std::ostringstream dot, mermaid;
    write_lineage(dot, graph, l, LineageFormat::dot);
    write_lineage(mermaid, graph, l, LineageFormat::mermaid);
    for (const char* id : {"s2023.c1", "s2018.c1", "s2024.c1", "s2025", "p-training", "s2023", "d2023"}) {
        CHECK(dot.str().find(std::string("  \"") + id + "\" [label=") != std::string::npos);
        CHECK(mermaid.str().find(std::string("[\"") + id + "<br/>") != std::string::npos);
    }
    CHECK(dot.str().find("\"s2024.c1\" -> \"s2023.c1\" [label=\"follows-up\"]") != std::string::npos);
    CHECK(mermaid.str().rfind("flowchart RL\n", 0) == 0);
}

namespace {

// A statement with n commitments, each superseding the one before; with cycle, c0 also
// supersedes the last.
Graph supersedes_chain(int n, bool cycle) {
    std::string yaml = "- {kind: statement, id: st, title: S, date: 2020}\n";
    for (int i = 0; i < n; ++i) {
        std::string target = i > 0 ? "c" + std::to_string(i - 1) : cycle ? "c" + std::to_string(n - 1) : "";
        yaml += "- {kind: commitment, id: c" + std::to_string(i) + ", statement: st, text: T" +
                (target.empty() ? "" : ", references: [{relation: supersedes, target: " + target + "}]") + "}\n";
    }
    Store store = test::store_with(yaml);
    return Graph::load(store);
}

} // namespace

TEST_CASE("a long chain is walked without recursion, one step per record, depth first", "[xref][lineage]") {
    Graph graph = supersedes_chain(30, false);
    Lineage l = build_lineage(graph, "c29");
    REQUIRE(l.back.size() == 29);
    for (std::size_t i = 0; i < l.back.size(); ++i) {
        CHECK(l.back[i].depth == i + 1);
        CHECK(l.back[i].edge->target == "c" + std::to_string(28 - i));
        CHECK_FALSE(l.back[i].repeated);
    }
    // The tree stops indenting at depth 10: deeper lines carry their depth, so a line's
    // length does not grow with the chain.
    std::ostringstream tree;
    write_lineage(tree, graph, l, LineageFormat::tree);
    const std::string t = tree.str();
    CHECK(t.find("\n                    supersedes commitment c19 ") != std::string::npos);  // depth 10
    CHECK(t.find("\n                    [11] supersedes commitment c18 ") != std::string::npos);
    CHECK(t.find("\n                    [29] supersedes commitment c0 ") != std::string::npos);
    // Forward from the first: the same chain the other way.
    Lineage f = build_lineage(graph, "c0");
    REQUIRE(f.forward.size() == 29);
    CHECK(f.forward.back().edge->source == "c29");
    CHECK(f.forward.back().depth == 29);
}

TEST_CASE("a cycle ends where it meets a record shown above", "[xref][lineage]") {
    Graph graph = supersedes_chain(3, true);
    Lineage l = build_lineage(graph, "c2");
    std::vector<std::string> back;
    collect(l.back, back, false);
    CHECK(back == std::vector<std::string>{"c1", "c0", "c2"});
    CHECK(l.back.back().repeated);
    std::ostringstream tree, json;
    write_lineage(tree, graph, l, LineageFormat::tree);
    CHECK(tree.str().find("supersedes commitment c2 (2020, unassessed): T (see above)") != std::string::npos);
    write_lineage(json, graph, l, LineageFormat::json);
    CHECK(json.str().find("{\"relation\": \"supersedes\", \"source\": \"c0\", \"target\": \"c2\", \"depth\": 3, "
                          "\"repeated\": true}") != std::string::npos);
}
