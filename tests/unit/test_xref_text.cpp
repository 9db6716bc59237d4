#include "accord/xref/text.hpp"

#include <catch2/catch.hpp>

using namespace accord::xref;

TEST_CASE("words are lower-cased runs of letters and digits, without 's", "[xref][text]") {
    CHECK(words("ASEAN's U.S.-ASEAN 2015 GGE") == std::vector<std::string>{"asean", "u", "s", "asean", "2015", "gge"});
    CHECK(words("Côte d\xE2\x80\x99Ivoire\xE2\x80\x99s") == std::vector<std::string>{"c\xC3\xB4te", "d", "ivoire"});
    CHECK(words("").empty());
}

TEST_CASE("the stemmer brings the forms of a word together", "[xref][text]") {
    for (const char* w : {"commit", "commits", "committed", "committing"}) {
        CHECK(stem(w) == "commit");
    }
    for (const char* w : {"note", "notes", "noted", "noting"}) {
        CHECK(stem(w) == stem("note"));
    }
    CHECK(stem("agreed") == stem("agree"));
    CHECK(stem("continued") == stem("continue"));
    CHECK(stem("policies") == stem("policy"));
    CHECK(stem("behaviour") == stem("behavior"));
    CHECK(stem("recognised") == stem("recognize"));
    CHECK(stem("focuses") == stem("focus"));
    CHECK(stem("discussed") == stem("discusses"));
    // Not a stemmer of everything: nouns in -ment and -tion keep their suffix.
    CHECK(stem("commitment") != stem("commit"));
    // Short words are left alone.
    CHECK(stem("its") == "its");
    CHECK(stem("need") == "need");
    // Idempotent.
    for (const char* w : {"strengthening", "capacities", "organisations", "endeavoured"}) {
        CHECK(stem(stem(w)) == stem(w));
    }
}

TEST_CASE("terms drop stop words and stem the rest", "[xref][text]") {
    CHECK(terms("The Parties will strengthen their cooperation") ==
          std::vector<std::string>{"party", "strengthen", "cooperation"});
}

TEST_CASE("the main verb tells a commitment from a report", "[xref][text]") {
    CHECK(main_verb("Participants committed to increasing efforts").kind == VerbKind::commitment);
    CHECK(main_verb("Explore ways to build capacity").kind == VerbKind::commitment);
    CHECK(main_verb("The United States will fund a drill").kind == VerbKind::commitment);
    CHECK(main_verb("Task ministers to identify norms").kind == VerbKind::commitment);
    // The first verb decides: highlighting efforts to strengthen is not a commitment to strengthen.
    auto v = main_verb("Participants highlighted collaborative efforts to strengthen capacity");
    CHECK(v.kind == VerbKind::report);
    CHECK(v.word == "highlighted");
    CHECK(main_verb("The Dialogue acknowledged the importance of continued implementation").kind ==
          VerbKind::report);
    CHECK(main_verb("The parties did not hesitate and agreed to act").kind == VerbKind::commitment); // "not" is no "note"
    CHECK(main_verb("A regional platform for threat information.").kind == VerbKind::none);
}
