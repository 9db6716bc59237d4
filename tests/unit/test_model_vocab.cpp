#include "accord/model/record.hpp"
#include "accord/model/vocab.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace accord;

TEST_CASE("kinds and statuses convert to and from text", "[vocab]") {
    for (auto name : k_kind_names) {
        REQUIRE(kind_from_string(name));
        CHECK(to_string(*kind_from_string(name)) == name);
    }
    CHECK_FALSE(kind_from_string("dialog"));
    CHECK(status_from_string("not-started") == Status::not_started);
    CHECK(compliance_score(Status::complete) == 1);
    CHECK(compliance_score(Status::limited) == 0);
    CHECK(compliance_score(Status::withdrawn) == -1);
    CHECK_FALSE(compliance_score(Status::unassessed));
}

TEST_CASE("did you mean finds close words only", "[vocab]") {
    CHECK(did_you_mean("titel", kind_spec(Kind::dialogue).field_names()) == "title");
    CHECK(did_you_mean("reafirms", k_relations.words) == "reaffirms");
    CHECK(did_you_mean("zzzzzzzz", k_relations.words).empty());
    // A word far longer than any candidate is not compared at all (a 10 MB key stays cheap).
    CHECK(did_you_mean(std::string(10000000, 'a'), kind_spec(Kind::party).field_names()).empty());
}

TEST_CASE("every kind has an id or a parent link, and a title field", "[record]") {
    for (std::size_t i = 0; i < k_kind_names.size(); ++i) {
        const KindSpec& spec = kind_spec(static_cast<Kind>(i));
        CHECK(spec.field(spec.title_field));
        bool keyed = spec.field("id") || spec.field("commitment");
        CHECK(keyed);
    }
}
