#include "accord/yaml/node.hpp"
#include "accord/yaml/writer.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace accord::yaml;

TEST_CASE("the document stream keeps line and column of every value", "[yaml]") {
    std::istringstream in("kind: party\nid: us\n---\n- a: 1\n  b: 'x'\n");
    DocumentStream s(in);
    auto d1 = s.next();
    REQUIRE(d1);
    REQUIRE(d1->root.type == NodeType::map);
    CHECK(d1->root.val(1).value == "us");
    CHECK(d1->root.val(1).mark.line == 2);
    CHECK(d1->root.val(1).mark.column == 5);
    auto d2 = s.next();
    REQUIRE(d2);
    REQUIRE(d2->root.type == NodeType::sequence);
    const Node& m = d2->root.items[0];
    CHECK(m.val(0).scalar_type() == ScalarType::integer);
    CHECK(m.val(1).scalar_type() == ScalarType::string);
    CHECK(m.val(1).mark.line == 5);
    CHECK_FALSE(s.next());
    CHECK_FALSE(s.syntax_error());
}

TEST_CASE("plain scalars resolve by the YAML 1.2 core schema; quoted ones are text", "[yaml]") {
    std::istringstream in("[2025, '2025', true, yes, ~, 1.5, 2024-10-17, 0x1F]");
    DocumentStream s(in);
    auto d = s.next();
    REQUIRE(d);
    const auto& items = d->root.items;
    CHECK(items[0].scalar_type() == ScalarType::integer);
    CHECK(items[1].scalar_type() == ScalarType::string);
    CHECK(items[2].scalar_type() == ScalarType::boolean);
    CHECK(items[3].scalar_type() == ScalarType::string);
    CHECK(items[4].scalar_type() == ScalarType::null);
    CHECK(items[5].scalar_type() == ScalarType::number);
    CHECK(items[6].scalar_type() == ScalarType::string);
    CHECK(items[7].scalar_type() == ScalarType::integer);
}

TEST_CASE("aliases are refused, so alias bombs expand to nothing", "[yaml]") {
    std::istringstream in("a: &x [1, 2]\nb: [*x, *x, *x]\n");
    DocumentStream s(in);
    auto d = s.next();
    REQUIRE(d);
    CHECK(d->problems.size() == 3);
    CHECK(d->problems[0].message.find("aliases") != std::string::npos);
}

TEST_CASE("a syntax error ends the stream with its place", "[yaml]") {
    std::istringstream in("kind: party\nid: [unclosed\n");
    DocumentStream s(in);
    CHECK_FALSE(s.next());
    REQUIRE(s.syntax_error());
    CHECK(s.syntax_error()->mark.line >= 2);
}

TEST_CASE("text checks find invalid UTF-8 and NUL with their place", "[yaml]") {
    CHECK_FALSE(check_text("name: Việt Nam\n"));
    auto p = check_text("a: 1\nb: \xff\n");
    REQUIRE(p);
    CHECK(p->mark.line == 2);
    CHECK(p->mark.column == 4);
    auto n = check_text(std::string("a: \0", 4));
    REQUIRE(n);
    CHECK(n->message.find("NUL") != std::string::npos);
    CHECK(check_text("\xc0\xaf")); // overlong
}

TEST_CASE("yaml_scalar quotes exactly what would not read back as the same text", "[yaml]") {
    CHECK(accord::yaml_scalar("Singapore") == "Singapore");
    CHECK(accord::yaml_scalar("2025") == "\"2025\"");
    CHECK(accord::yaml_scalar("true") == "\"true\"");
    CHECK(accord::yaml_scalar("a: b") == "\"a: b\"");
    CHECK(accord::yaml_scalar("") == "\"\"");
    CHECK(accord::yaml_scalar("line\nbreak") == "\"line\\nbreak\"");
    CHECK(accord::yaml_scalar("2024-10-17") == "2024-10-17");
}
