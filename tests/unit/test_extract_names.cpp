// accord extract: matching names, titles and theme labels against what the database knows.
#include "accord/extract/extract.hpp"
#include "accord/extract/names.hpp"

#include <catch2/catch.hpp>

using namespace accord;
using namespace accord::extract;

namespace {

Knowledge sample() {
    Knowledge k;
    k.available = true;
    k.parties = {{"us", "United States", "U.S.", "state", ""},
                 {"asean", "Association of Southeast Asian Nations", "ASEAN", "regional-organisation", ""},
                 {"singapore", "Singapore", "", "state", ""}};
    k.themes = {{"capacity-building", "Cyber capacity building", ""},
                {"critical-infrastructure", "Critical infrastructure protection", ""},
                {"norm-13g", "Protect critical infrastructure", "13(g)"},
                {"dialogue", "Convening of dialogues", ""}};
    k.titles = {
        {Kind::statement,
         "us-asean-cyber-2018",
         "ASEAN-U.S. Leaders' Statement on Cybersecurity Cooperation",
         "2018-11-15",
         {}},
        {Kind::statement,
         "asean-cyber-2018",
         "ASEAN Leaders' Statement on Cybersecurity Cooperation",
         "2018-04-27",
         {}},
        {Kind::dialogue, "cpd-6", "Sixth U.S.-ASEAN Cyber Policy Dialogue", "2025-10-21", {"us", "asean"}},
        {Kind::forum, "amcc", "ASEAN Ministerial Conference on Cybersecurity (AMCC)", "", {}},
        {Kind::forum, "oewg", "UN Open-Ended Working Group on ICTs 2021-2025", "", {}},
        {Kind::program, "ascce", "ASEAN-Singapore Cybersecurity Centre of Excellence (ASCCE)", "", {}},
    };
    for (const auto &p : k.parties) {
        k.ids.insert(p.id);
    }
    for (const auto &t : k.titles) {
        k.ids.insert(t.id);
    }
    return k;
}

std::vector<std::string> ids(const std::vector<NameMatch> &names) {
    std::vector<std::string> out;
    for (const auto &n : names) {
        out.push_back(n.record->id);
    }
    return out;
}

constexpr KindSet k_all =
    kind_bit(Kind::statement) | kind_bit(Kind::dialogue) | kind_bit(Kind::forum) | kind_bit(Kind::program);

} // namespace

TEST_CASE("party names fold into tokens; a hyphenated pair is the same in either order", "[extract]") {
    Knowledge k = sample();
    NameIndex index(k);
    auto a = index.tokenize("the U.S.-ASEAN Summit");
    auto b = index.tokenize("the ASEAN-United States Summit");
    REQUIRE(a.size() == 3);
    REQUIRE(b.size() == 3);
    CHECK(a[1].norm == "@asean+@us");
    CHECK(a[1].norm == b[1].norm);
    CHECK(a[1].parties == std::vector<std::string>{"us", "asean"}); // written order kept
    CHECK(b[1].parties == std::vector<std::string>{"asean", "us"});
    // An acronym matches only in its own case: "us" is a pronoun.
    auto c = index.tokenize("join us and ASEAN's members");
    CHECK(c[1].parties.empty());
    CHECK(c[3].parties == std::vector<std::string>{"asean"}); // the possessive goes
    CHECK(index.tokenize("the Sixth meeting")[1].norm == "6th");
}

TEST_CASE("titles match after normalising punctuation, party order and ordinals", "[extract]") {
    Knowledge k = sample();
    NameIndex index(k);
    auto names = index.find_names(
        index.tokenize("Recalling the U.S.-ASEAN. Leaders\u2019 Statement on Cybersecurity Cooperation and the 6th "
                       "ASEAN-U.S. Cyber Policy Dialogue"),
        k_all);
    CHECK(ids(names) == std::vector<std::string>{"us-asean-cyber-2018", "cpd-6"});
    // The ASEAN-only statement is not found inside the U.S.-ASEAN one.
    names = index.find_names(index.tokenize("the ASEAN Leaders' Statement on Cybersecurity Cooperation"), k_all);
    CHECK(ids(names) == std::vector<std::string>{"asean-cyber-2018"});
    // Forums and programs by acronym, by name without the acronym, or by the head of the name.
    names = index.find_names(index.tokenize("the AMCC, the ASEAN-Singapore Cybersecurity Centre of Excellence and "
                                            "the UN Open-Ended Working Group"),
                             k_all);
    REQUIRE(ids(names) == std::vector<std::string>{"amcc", "ascce", "oewg"});
    CHECK_FALSE(names[1].partial);
    CHECK(names[2].partial);
    // Kinds filter.
    CHECK(index.find_names(index.tokenize("the AMCC"), kind_bit(Kind::statement)).empty());
}

TEST_CASE("themes match their label words, stemmed; numbered norms need the word norm", "[extract]") {
    Knowledge k = sample();
    NameIndex index(k);
    auto themes = [&](const std::string &text, std::vector<std::pair<std::size_t, std::size_t>> masked = {}) {
        std::vector<std::string> out;
        for (const auto *t : index.find_themes(index.tokenize(text), masked)) {
            out.push_back(t->id);
        }
        return out;
    };
    CHECK(themes("efforts to build our collective cyber capacity") == std::vector<std::string>{"capacity-building"});
    CHECK(themes("to protect critical infrastructure") == std::vector<std::string>{"critical-infrastructure"});
    CHECK(themes("norm 13(g) on the protection of critical infrastructure") ==
          std::vector<std::string>{"critical-infrastructure", "norm-13g"});
    // The first two label words together are enough.
    CHECK(themes("threats to critical infrastructure") == std::vector<std::string>{"critical-infrastructure"});
    CHECK(themes("convening the Sixth Dialogue") == std::vector<std::string>{"dialogue"});
    CHECK(themes("the state of the statement").empty());
    // Words inside a masked range (the name of a program) do not count.
    std::string text = "through the Capacity Building Centre";
    CHECK(themes(text, {{text.find("Capacity"), text.size()}}).empty());
}

TEST_CASE("the stemmer folds spellings and endings", "[extract]") {
    CHECK(stem("behaviour") == stem("behavior"));
    CHECK(stem("recognised") == stem("recognize"));
    CHECK(stem("centre") == stem("center"));
    CHECK(stem("programme") == stem("program"));
    CHECK(stem("cooperation") == stem("cooperate"));
    CHECK(stem("convening") == stem("convene"));
    CHECK(stem("capacities") == stem("capacity"));
    CHECK(stem("states") == stem("state"));
    CHECK(stem("statement") != stem("state"));
    CHECK(stem("focus") == stem("focuses"));
    CHECK(ordinal_number("twelfth") == "12th");
    CHECK(ordinal_number("inaugural") == "1st");
}

TEST_CASE("cues: the earliest, the longest, weak ones only near the start", "[extract]") {
    Cue c = find_cue("Participants reaffirmed their commitments to support the framework.");
    CHECK(c.action == "reaffirm");
    CHECK(c.phrase == "reaffirmed");
    c = find_cue("Through the Dialogue, participants committed to explore the possibility of a Sixth Dialogue.");
    CHECK(c.action == "explore");
    CHECK(c.phrase == "committed to explore");
    CHECK(find_cue("We will continue to promote the norms.").action == "continue");
    CHECK(find_cue("The United States will fund training.").action == "commit");
    CHECK(find_cue("It also focused on efforts.").action == "note");
    CHECK(find_cue("We call for restraint.").action == "encourage");
    // "support" far into the sentence is a noun, not the verb.
    CHECK_FALSE(
        find_cue("The Dialogue advances the cooperation between the two sides with the support of partners.").found());
    // A cue in a relative clause tells of another text.
    CHECK_FALSE(find_cue("the Statement, which reaffirmed a shared vision").found());
    CHECK_FALSE(find_cue("Participants also discussed potential efforts.").found());
}

TEST_CASE("slugs from titles", "[extract]") {
    CHECK(slug_of("Readout of the Fifth U.S.-ASEAN Cyber Policy Dialogue") ==
          "readout-5-us-asean-cyber-policy-dialogue");
    CHECK(slug_of("\u2014") == "draft");
    CHECK(slug_of("A very long title with many many words that goes on and on beyond sixty characters").size() <= 60);
}
