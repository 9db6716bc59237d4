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

// The nodes of a step tree, depth first.
void collect(const std::vector<LineageStep>& steps, std::vector<std::string>& out) {
    for (const auto& s : steps) {
        out.push_back(s.node);
        collect(s.steps, out);
    }
}

} // namespace

TEST_CASE("the chain 2018 -> 2023 -> 2024 shows whole both ways", "[xref][lineage]") {
    Graph graph = chain();
    std::vector<std::string> back, forward;
    collect(build_lineage(graph, "s2024.c1").back, back);
    CHECK(back == std::vector<std::string>{"s2023.c1", "s2018.c1"});
    collect(build_lineage(graph, "s2018.c1").forward, forward);
    REQUIRE(forward.size() >= 3);
    CHECK(forward[0] == "s2023.c1");
    CHECK(forward[1] == "s2024.c1");
    CHECK(forward[2] == "s2025");
}

TEST_CASE("a statement's lineage covers its commitments", "[xref][lineage]") {
    Graph graph = chain();
    Lineage l = build_lineage(graph, "s2023");
    CHECK(l.commitments == std::vector<std::string>{"s2023.c1"});
    std::vector<std::string> back;
    collect(l.back, back);
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
