// accord extract: drafts of whole statements, checked against data/ as `accord check` would.
#include "helpers.hpp"

#include "commands/extract.hpp"

#include "accord/error.hpp"
#include "accord/extract/extract.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>

using namespace accord;
using namespace accord::extract;

namespace {

std::string fixture(const std::string &name) {
    std::ifstream in(std::string(ACCORD_SOURCE_DIR) + "/tests/fixtures/extract/" + name, std::ios::binary);
    REQUIRE(in);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A store holding data/, as after `accord import data/`.
Store data_store() {
    Store store = Store::memory();
    Diagnostics d;
    ImportRequest r;
    r.paths = {std::string(ACCORD_SOURCE_DIR) + "/data"};
    import_files(store, r, d);
    REQUIRE(d.empty());
    return store;
}

// The draft's YAML validated against the store (references must resolve there).
void require_valid(Store &store, const Draft &draft) {
    std::ostringstream yaml;
    write_draft(yaml, draft);
    Diagnostics d;
    test::import_text(store, yaml.str(), d, true);
    std::ostringstream errors;
    d.print(errors);
    INFO(yaml.str());
    INFO(errors.str());
    REQUIRE(d.empty());
}

const DraftCommitment *containing(const Draft &d, const std::string &words) {
    for (const auto &c : d.commitments) {
        if (c.text.find(words) != std::string::npos) {
            return &c;
        }
    }
    return nullptr;
}

bool has_reference(const Draft &d, const std::string &relation, const std::string &target) {
    for (const auto &r : d.references) {
        if (r.relation == relation && r.target == target) {
            return true;
        }
    }
    return false;
}

} // namespace

TEST_CASE("the readout of the Fifth Dialogue: commitments, references, a valid draft", "[extract]") {
    Store store = data_store();
    DraftRequest request;
    request.id = "draft-cpd-5";
    Draft d = draft_statement(fixture("cpd-5-readout.txt"), "cpd-5-readout.txt", request, store);
    CHECK(d.id.value == "draft-cpd-5");
    CHECK(d.date.value == "2024-11-22");
    CHECK(d.parties.values == std::vector<std::string>{"us", "asean"});
    CHECK(d.source_publisher.value == "U.S. State Department");
    CHECK(has_reference(d, "reaffirms", "us-asean-ai-2024"));
    CHECK(has_reference(d, "recalls", "us-asean-cyber-2018"));
    CHECK(has_reference(d, "recalls", "us-asean-cpd-4"));
    CHECK(d.reference_comments.empty()); // every named document resolved

    const DraftCommitment *framework = containing(d, "framework of responsible state behavior");
    REQUIRE(framework);
    CHECK(framework->action.value == "reaffirm");
    CHECK(framework->paragraph == "3");
    CHECK(framework->actors.values == std::vector<std::string>{"us", "asean"});
    CHECK(framework->themes.values == std::vector<std::string>{"responsible-state-behaviour"});
    CHECK(framework->comments.front().text == "cue: \"reaffirmed\" -> reaffirm (paragraph 3, sentence 1)");

    const DraftCommitment *capacity = containing(d, "committed to increasing efforts on capacity building");
    REQUIRE(capacity);
    CHECK(capacity->action.value == "commit");
    CHECK(capacity->themes.values == std::vector<std::string>{"capacity-building", "regional-cooperation"});

    const DraftCommitment *sixth = containing(d, "convening the Sixth");
    REQUIRE(sixth);
    CHECK(sixth->action.value == "explore");
    CHECK(sixth->paragraph == "7");
    CHECK(sixth->due.value == "2025");
    CHECK(sixth->themes.values == std::vector<std::string>{"dialogue"});
    CHECK(sixth->references.empty()); // the Sixth Dialogue came later: named, not referenced

    // "This includes ..." stays with the sentence it completes.
    const DraftCommitment *progress = containing(d, "acknowledged progress");
    REQUIRE(progress);
    CHECK(progress->text.find("This includes efforts") != std::string::npos);
    CHECK(d.commitments.size() == 7);
    require_valid(store, d);
}

TEST_CASE("the title gives the dialogue, and the dialogue its parties", "[extract]") {
    Store store = data_store();
    DraftRequest request;
    request.title = "Readout of the Fifth U.S.-ASEAN Cyber Policy Dialogue";
    Draft d = draft_statement(fixture("cpd-5-readout.txt"), "x.txt", request, store);
    CHECK(d.id.value == "readout-5-us-asean-cyber-policy-dialogue");
    CHECK(d.adopted_at.value == "us-asean-cpd-5");
    CHECK(d.adopted_at.comments.at(0).check);
    CHECK(d.parties.values == std::vector<std::string>{"us", "asean"});
    require_valid(store, d);
}

TEST_CASE("a numbered statement with a lead-in and items", "[extract]") {
    Store store = data_store();
    Draft d = draft_statement(fixture("numbered-statement.txt"), "numbered-statement.txt", {}, store);
    CHECK(d.title.value == "Joint Statement of the Seventh ASEAN-U.S. Cyber Policy Dialogue");
    CHECK(d.type.value == "joint-statement");
    CHECK(d.date.value == "2026-10-20");
    CHECK(has_reference(d, "recalls", "us-asean-cyber-2018"));
    CHECK(has_reference(d, "recalls", "us-asean-cpd-6-cs"));
    // "Building on the ASEAN Cybersecurity Cooperation Strategy 2026-2030": a statement of data/ (dated 2025).
    CHECK(has_reference(d, "builds-on", "accs-2026-2030"));
    CHECK(d.reference_comments.empty()); // every named document resolved
    const DraftCommitment *item = containing(d, "ASEAN CERT Incident Drill");
    REQUIRE(item);
    CHECK(item->paragraph == "3(b)");
    CHECK(item->action.value == "commit");
    CHECK(item->text == "hold a joint exercise with the ASEAN CERT Incident Drill in 2027"); // "; and" dropped
    CHECK(item->due.value == "2027");
    const DraftCommitment *us = containing(d, "The United States will fund");
    REQUIRE(us);
    CHECK(us->actors.values == std::vector<std::string>{"us"});
    CHECK(us->due.value == "2027-06");
    // "The European Union will be invited ...": a passive, which no party undertakes.
    CHECK_FALSE(containing(d, "European Union"));
    CHECK(std::any_of(d.left_out.begin(), d.left_out.end(), [](const Comment &c) {
        return c.text.find("paragraph 7") != std::string::npos && c.text.find("passive") != std::string::npos;
    }));
    require_valid(store, d);
}

TEST_CASE("a subject that names no party in the database gives no actors and a check", "[extract]") {
    Store store = data_store();
    Draft d = draft_statement("The Cyber Norms Task Force will report to Ministers in 2027.", "t.txt",
                              {"", "", "2026", "", {"us"}}, store);
    REQUIRE(d.commitments.size() == 1);
    CHECK(d.commitments[0].actors.values.empty());
    CHECK(d.commitments[0].actors.comments.at(0).check);
    CHECK(d.commitments[0].due.value == "2027");
}

TEST_CASE("without a database every name is left as a comment", "[extract]") {
    Store empty = Store::memory();
    Draft d = draft_statement(fixture("cpd-5-readout.txt"), "r.txt", {}, empty);
    CHECK(d.references.empty());
    CHECK(d.reference_comments.size() == 3);
    CHECK(d.parties.values.empty());
    for (const auto &c : d.commitments) {
        CHECK(c.actors.values.empty());
        CHECK(c.themes.values.empty());
    }
    require_valid(empty, d);
}

TEST_CASE("the request is checked", "[extract]") {
    Store store = data_store();
    std::string text = fixture("cpd-5-readout.txt");
    DraftRequest r;
    r.date = "2024-02-30";
    CHECK_THROWS_AS(draft_statement(text, "t", r, store), UsageError);
    r = {};
    r.id = "Not An Id";
    CHECK_THROWS_AS(draft_statement(text, "t", r, store), UsageError);
    r = {};
    r.parties = {"us", "nobody"};
    CHECK_THROWS_AS(draft_statement(text, "t", r, store), UsageError);
    r = {};
    r.dialogue = "us"; // a party
    CHECK_THROWS_AS(draft_statement(text, "t", r, store), UsageError);
    // No date anywhere and none given.
    CHECK_THROWS_AS(draft_statement("Participants agreed to meet.", "t", {}, store), UsageError);
    // An id that exists is drafted, with a warning.
    r = {};
    r.id = "us-asean-cpd-5-js";
    CHECK(draft_statement(text, "t", r, store).warnings.size() == 1);
}

TEST_CASE("the extract command parses its options in-process", "[cli]") {
    CLI::App app;
    accord::cli::GlobalOptions global;
    accord::cli::add_global_options(app, global);
    auto *cmd = app.add_subcommand("extract");
    auto options = accord::cli::setup_extract(*cmd, global);
    cmd->callback(nullptr);
    app.parse("extract r.txt --id d --title T --date 2024 --dialogue x --parties us,asean -o out.yaml", false);
    CHECK(options->file == "r.txt");
    CHECK(options->id == "d");
    CHECK(options->title == "T");
    CHECK(options->date == "2024");
    CHECK(options->dialogue == "x");
    CHECK(options->parties == std::vector<std::string>{"us", "asean"});
    CHECK(options->output == "out.yaml");
}

TEST_CASE("kinds found on the 2026-12-06 held-out split", "[extract]") {
    Store store = data_store();
    DraftRequest given{"", "", "2027", "", {"viet-nam", "japan"}};
    auto left_out = [](const Draft &d, const std::string &words) {
        return std::any_of(d.left_out.begin(), d.left_out.end(),
                           [&](const Comment &c) { return c.text.find(words) != std::string::npos; });
    };

    // The initials of a name of two words stand for it ("VN", as "UK" for United Kingdom).
    Draft d = draft_statement("VN and Japan will co-host a drill in 2027.", "t.txt", given, store);
    REQUIRE(d.commitments.size() == 1);
    CHECK(d.commitments[0].actors.values == std::vector<std::string>{"viet-nam", "japan"});

    // A quotation in a release, and a one-word subject the database does not know, are no
    // commitments.
    d = draft_statement("\"With Japan's help, we will build the skills our agencies need,\" said the Secretary.\n\n"
                        "Cybercrime will remain a serious challenge for both countries, the Ambassador said.\n",
                        "t.txt", given, store);
    CHECK(d.commitments.empty());
    CHECK(left_out(d, "a quotation"));
    CHECK(left_out(d, "\"Cybercrime\" is no party the database knows"));

    // "The two agencies" stand for the statement's parties.
    d = draft_statement("The two agencies agreed to set up a joint response cell by the third quarter of 2027.",
                        "t.txt", given, store);
    REQUIRE(d.commitments.size() == 1);
    CHECK(d.commitments[0].actors.values == std::vector<std::string>{"viet-nam", "japan"});
    CHECK(d.commitments[0].due.value == "2027-09");
}

TEST_CASE("the statement's date and parties from its first paragraph and its declaring subject", "[extract]") {
    Store store = data_store();
    // No heading, no date line: the date of the meeting in the first paragraph; the parties it
    // names, not those of the file's name.
    Draft d = draft_statement("The First Viet Nam-Malaysia Cyber Dialogue was held in Hanoi on 10 June 2025.\n\n"
                              "Both sides agreed to meet again in 2026.\n",
                              "japan-notes.txt", {}, store);
    CHECK(d.date.value == "2025-06-10");
    CHECK(d.parties.values == std::vector<std::string>{"viet-nam", "malaysia"});
    // "We, the Ministers of A, B and C, meeting in ...": those who declare, when the title names
    // fewer of them.
    d = draft_statement("ASEAN Declaration on Cyber Resilience\n\nTokyo, 3 March 2027\n\n"
                        "We, the Ministers of ASEAN and Japan, meeting in Tokyo, hereby:\n\n"
                        "1. Decide to set up a working group by 2028;\n",
                        "d.txt", {}, store);
    CHECK(d.parties.values == std::vector<std::string>{"asean", "japan"});
    REQUIRE(d.commitments.size() == 1);
    require_valid(store, d);
}

TEST_CASE("actors of issue 24's round three: co-chairs, the forum that met, sides, asides", "[extract]") {
    Store store = data_store();
    auto actors_of = [](const Draft &d, const std::string &words) {
        const DraftCommitment *c = containing(d, words);
        REQUIRE(c);
        return c->actors.values;
    };
    using V = std::vector<std::string>;
    // Co-chairs as the first paragraph names them; attendees are not the statement's parties.
    Draft d = draft_statement(
        "CO-CHAIRS' REPORT\nOF THE 9TH EXPERTS' MEETING ON CYBER SECURITY\n\nManila, 3 March 2027\n\n"
        "1. The Meeting was co-chaired by the Philippines and Japan and attended by representatives of "
        "the ASEAN Member States and Australia.\n\n"
        "2. The Co-Chairs will submit a report to Ministers by April 2027.\n\n"
        "3. The Meeting agreed to hold a drill in 2027.\n",
        "t.txt", {}, store);
    CHECK(d.parties.values == V{"philippines", "japan"});
    CHECK(actors_of(d, "The Co-Chairs will") == V{"philippines", "japan"});
    CHECK(actors_of(d, "The Meeting agreed") == V{"philippines", "japan"});

    // "The Co-Chairs" are those of the statement's parties that co-chaired; the forum that met
    // stands for the parties; "the X side", a name that opens with a party's first word.
    d = draft_statement(
        "Joint Statement of the ASEAN-Japan Cyber Expert Group\n\nTokyo, 3 March 2027\n\n"
        "The ASEAN-Japan Cyber Expert Group (AJCEG) met in Tokyo, co-chaired by Malaysia, as ASEAN coordinator, "
        "and Japan.\n\n"
        "The Co-Chairs will report to Ministers in 2027.\n\n"
        "The AJCEG will hold a drill in 2027.\n\n"
        "The Japanese side will fund the drill.\n\n"
        "Cyber Security Malaysia will share indicators with Japan within six months.\n",
        "t.txt", {}, store);
    CHECK(actors_of(d, "The Co-Chairs will") == V{"asean", "japan"});
    CHECK(actors_of(d, "The AJCEG will") == V{"asean", "japan"});
    CHECK(actors_of(d, "The Japanese side") == V{"japan"});
    CHECK(actors_of(d, "Cyber Security Malaysia") == V{"malaysia"});

    // A list of ministries with their agencies; "with X" after a coordinated verb or without
    // commas after "co-"; an aside that opens with "one of".
    DraftRequest two{"", "", "2027", "", {"indonesia", "japan"}};
    d = draft_statement("The Ministry of Foreign Affairs of Indonesia, the Ministry of Foreign Affairs of Japan and "
                        "their respective national cyber agencies agreed to meet in 2027.\n\n"
                        "Indonesia welcomed the report and expressed readiness to co-host, with Japan, a seminar.\n\n"
                        "Japan expressed readiness to co-organise with Indonesia a workshop in 2028.\n\n"
                        "Japan, one of the partners taking part, offered to host a workshop.\n",
                        "t.txt", two, store);
    CHECK(actors_of(d, "their respective") == V{"indonesia", "japan"});
    CHECK(actors_of(d, "co-host, with Japan") == V{"indonesia", "japan"});
    CHECK(actors_of(d, "co-organise with") == V{"japan", "indonesia"});
    CHECK(actors_of(d, "one of the partners") == V{"japan"});
}

TEST_CASE("not drafted in issue 24's round three: threats, bodies; a year of a past event", "[extract]") {
    Store store = data_store();
    DraftRequest given{"", "", "2026-05-01", "", {"thailand", "japan"}};
    Draft d = draft_statement("Attacks on such infrastructure will grow in number.\n\n"
                              "Ransomware groups will continue to target ports, officials said.\n\n"
                              "The Ministers decided to set up a Cyber Working Group. The Working Group will focus on "
                              "energy.\n\n"
                              "Thailand will share the lessons of the drill it conducted in 2026.\n\n"
                              "North Korean cyber actors will continue to steal cryptocurrency.\n",
                              "t.txt", given, store);
    REQUIRE(d.commitments.size() == 2);
    CHECK(containing(d, "decided to set up"));
    const DraftCommitment *c = containing(d, "lessons");
    REQUIRE(c);
    CHECK(c->due.value.empty());
    CHECK(std::any_of(d.left_out.begin(), d.left_out.end(),
                      [](const Comment &x) { return x.text.find("is a body") != std::string::npos; }));

    // An agency's own release: the agency, "the Agency" for it, its Minister for its state.
    d = draft_statement("PRESS RELEASE\n\nCSA Opens Cyber Week\n\nSingapore, 1 October 2027\n\n"
                        "The Agency will train 500 officials by 2028.\n\n"
                        "The Minister announced that Singapore will fund the programme.\n\n"
                        "Issued by the Cyber Security Agency of Singapore\n",
                        "t.txt", {}, store);
    CHECK(d.parties.values == std::vector<std::string>{"csa-singapore"});
    REQUIRE(containing(d, "The Agency"));
    CHECK(containing(d, "The Agency")->actors.values == std::vector<std::string>{"csa-singapore"});
}

TEST_CASE("kinds of the fifth split: the chair, D.C., numbers, perfect tenses, agencies defined", "[extract]") {
    Store store = data_store();
    using V = std::vector<std::string>;
    Draft d = draft_statement(
        "The Consultation was convened by Malaysia, in its capacity as Chair, in Kuala Lumpur on 3 March 2027. "
        "Representatives of ASEAN Member States and Japan took part.\n\n"
        "The Chair will transmit this summary to the Secretary-General in July 2027.\n\n"
        "Japan offered to host the next meeting in Washington, D.C. The United States will fund it.\n\n"
        "The first cohort of 1,200 trainees will begin their training in 2027.\n\n"
        "Japan has also decided to set up a cyber range by 2028.\n",
        "t.txt", {}, store);
    const DraftCommitment *c = containing(d, "The Chair will");
    REQUIRE(c);
    CHECK(c->actors.values == V{"malaysia"});
    c = containing(d, "The United States will fund");
    REQUIRE(c);
    CHECK(c->text.rfind("The United States", 0) == 0);
    CHECK_FALSE(containing(d, "trainees"));
    c = containing(d, "has also decided");
    REQUIRE(c);
    CHECK(c->actors.values == V{"japan"});

    // An agency the text defines next to its state's adjective; an agency of a state in a
    // statement of an organisation stands for its state.
    DraftRequest two{"", "", "2027", "", {"us", "philippines"}};
    d = draft_statement("The Undersecretary of the Department of Information and Communications Technology (DICT) led "
                        "the Philippine delegation. The DICT will host a drill in 2027.\n",
                        "t.txt", two, store);
    c = containing(d, "The DICT will");
    REQUIRE(c);
    CHECK(c->actors.values == V{"philippines"});
    DraftRequest org{"", "", "2027", "", {"asean"}};
    d = draft_statement("Japan, together with the Cyber Security Agency of Singapore, will host a drill in 2027.\n",
                        "t.txt", org, store);
    REQUIRE(d.commitments.size() == 1);
    CHECK(d.commitments[0].actors.values == V{"japan", "singapore"});
}

TEST_CASE("kinds of the sixth split: long names, 'According to', agencies named by adjective", "[extract]") {
    Store store = data_store();
    using V = std::vector<std::string>;
    Draft d = draft_statement("JOINT COMMUNIQUE OF CAMBODIA AND THE LAO PEOPLE'S DEMOCRATIC REPUBLIC\n\n"
                              "Phnom Penh, 2 May 2027\n\n"
                              "According to the ASEAN Digital Economy Outlook, digital trade within ASEAN will "
                              "double by 2030.\n\n"
                              "The Japanese Signals Directorate (JSD) will train officials in 2028. JSD will also "
                              "fund a course.\n\n"
                              "Both sides agreed to meet in 2028.\n",
                              "t.txt", {}, store);
    CHECK(d.parties.values == V{"cambodia", "lao-pdr"});
    CHECK_FALSE(containing(d, "digital trade"));
    const DraftCommitment *c = containing(d, "JSD will also");
    REQUIRE(c);
    CHECK(c->actors.values == V{"japan"});
}

TEST_CASE("kinds of the sixth split, round two: 'Korea', counted CERTs, 'VNCERT/CC', 'it'", "[extract]") {
    Store store = data_store();
    Diagnostics diag;
    test::import_text(store, "kind: party\nid: republic-of-korea\nname: Republic of Korea\ntype: state\n", diag);
    REQUIRE(diag.empty());
    using V = std::vector<std::string>;
    // "Korea" in a headline is the Republic of Korea; "it" is the party that opens its sentence.
    Draft d = draft_statement("The 3rd Korea-Indonesia Cyber Consultations Held\n2027-06-10\n\n"
                              "The two sides agreed to meet in 2028.\n\n"
                              "The Korean side briefed on its strategy and announced that it would sponsor a "
                              "workshop in 2028.\n",
                              "t.txt", {}, store);
    CHECK(d.parties.values == V{"republic-of-korea", "indonesia"});
    const DraftCommitment *c = containing(d, "would sponsor");
    REQUIRE(c);
    CHECK(c->actors.values == V{"republic-of-korea"});
    // "The three CERTs": the statement's parties; an acronym defined with a slash.
    d = draft_statement("JOINT COMMUNIQUE OF CAMBODIA, THE LAO PEOPLE'S DEMOCRATIC REPUBLIC AND VIET NAM\n\n"
                        "Siem Reap, 26 August 2027\n\n"
                        "The Viet Nam Cybersecurity Emergency Response Teams/Coordination Center (VNCERT/CC) "
                        "took part.\n\n"
                        "The three CERTs agreed to set up a platform by 2028.\n\n"
                        "VNCERT/CC will organise a drill in 2028.\n\n"
                        "The Cambodia Computer Emergency Response Team will host a course in 2028. It will "
                        "also offer five places.\n",
                        "t.txt", {}, store);
    CHECK(d.parties.values == V{"cambodia", "lao-pdr", "viet-nam"});
    c = containing(d, "three CERTs");
    REQUIRE(c);
    CHECK(c->actors.values == V{"cambodia", "lao-pdr", "viet-nam"});
    c = containing(d, "VNCERT/CC will");
    REQUIRE(c);
    CHECK(c->actors.values == V{"viet-nam"});
    c = containing(d, "It will also");
    REQUIRE(c);
    CHECK(c->actors.values == V{"cambodia"});
}

TEST_CASE("the parties of a text: where it was held is none; the subject that opens it names who met", "[extract]") {
    Store store = data_store();
    using V = std::vector<std::string>;
    // A place of meeting ("in Singapore", "in Bangkok, Thailand") is not a party.
    Draft d = draft_statement("Manila, 3 May 2027\n\n"
                              "The third Philippines-Viet Nam cyber consultations were held in Bangkok, Thailand, "
                              "on 2 May 2027.\n\n"
                              "The two sides agreed to meet in 2028.\n",
                              "t.txt", {}, store);
    CHECK(d.parties.values == V{"philippines", "viet-nam"});
    // A headline that names one party in a form the database lacks: the opening subject names both.
    d = draft_statement("The 3rd Nippon-Malaysia Cyber Talks Held\n2027-06-10\n\n"
                        "Japan and Malaysia held the 3rd Nippon-Malaysia Cyber Talks in Tokyo on June 9.\n\n"
                        "The two sides agreed to meet in 2028.\n",
                        "t.txt", {}, store);
    CHECK(d.parties.values == V{"japan", "malaysia"});
}

TEST_CASE("a secretariat's own plan is no undertaking of its organisation's parties", "[extract]") {
    Store store = data_store();
    DraftRequest asean{"", "", "2026", "", {"asean", "japan"}};
    Draft d = draft_statement("The ASEAN Secretariat will circulate the draft terms of reference by December 2026.\n\n"
                              "The two sides agreed to meet in 2027.\n",
                              "t.txt", asean, store);
    CHECK_FALSE(containing(d, "will circulate"));
    CHECK(containing(d, "agreed to meet"));
    // In the secretariat's own release, its plan is its undertaking.
    DraftRequest own{"", "", "2026", "", {"asean-secretariat"}};
    d = draft_statement("The ASEAN Secretariat will circulate the draft terms of reference by December 2026.\n", "t.txt",
                        own, store);
    CHECK(containing(d, "will circulate"));
}
