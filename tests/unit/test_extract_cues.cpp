// accord extract: the reading of a sentence's main clause (cues.hpp), shared with xref lint.
#include "accord/extract/cues.hpp"
#include "accord/extract/text.hpp"
#include "accord/xref/text.hpp"

#include <catch2/catch.hpp>

#include <initializer_list>
#include <string>

using namespace accord;
using namespace accord::extract;

namespace {

std::string subject(const std::string &text, const Reading &r) {
    return text.substr(r.subject.begin, r.subject.end - r.subject.begin);
}

// Reads each text: an undertaking when `commits`, else no cue and a report of the meeting.
void check_readings(std::initializer_list<const char *> texts, bool commits) {
    for (const char *text : texts) {
        INFO(text);
        Reading r = read_sentence(text);
        CHECK(r.cue.found() == commits);
        CHECK((commits ? r.cue.kind == CueKind::undertaking : !r.report.empty()));
    }
}

} // namespace

TEST_CASE("undertakings phrased other than 'committed to' or 'will'", "[extract][cues]") {
    check_readings({"Singapore offered to host the next exercise in 2027.",
                    "The ROK expressed readiness to co-host a workshop on 5G security.",
                    "Japan announced a contribution of two million dollars to the Centre.",
                    "Ministers tasked the ASEAN Cyber-CC to develop a regional action plan.",
                    "Both sides intend to hold a tabletop exercise in early 2027.",
                    "The United States and Japan decided to set up a joint working group.",
                    "Participants will revisit the work plan at their next meeting in 2027.",
                    "The ROK announced that it would sponsor ten fellowships each year.",
                    "India stands ready to share its experience.",
                    "The United States announced $10 million in new funding for the Regional CERT."},
                   true);
}

TEST_CASE("a subject that cannot be a party makes no commitment", "[extract][cues]") {
    Reading r = read_sentence("Cyber threats will continue to grow in scale and sophistication.");
    CHECK_FALSE(r.cue.found());
    CHECK(r.why.find("not a party") != std::string::npos);
    CHECK_FALSE(read_sentence("Ransomware, attacks on critical information infrastructure and the misuse of "
                              "artificial intelligence by malicious actors will continue to pose serious risks.")
                    .cue.found());
    // A passive, and a meeting to come: no party undertakes them.
    r = read_sentence("The Twelfth AMCC will be held in Malaysia in 2027.");
    CHECK_FALSE(r.cue.found());
    CHECK(r.why.find("passive") != std::string::npos);
    CHECK_FALSE(read_sentence("The next Dialogue will take place in Manila in 2027.").cue.found());
    CHECK_FALSE(read_sentence("The Ninth Dialogue will convene in Hanoi in 2027.").cue.found());
    // But a name, a generic subject or a pronoun can.
    CHECK(read_sentence("Japan will fund the Centre.").cue.found());
    CHECK(read_sentence("They will meet again.").cue.found());
    CHECK(read_sentence("The two sides will meet again.").cue.found());
}

TEST_CASE("reports of the meeting, thanks and views are no commitments", "[extract][cues]") {
    check_readings({"Participants exchanged views on how they will cooperate in the region.",
                    "The ROK briefed participants on its national strategy and its programmes.",
                    "Ministers expressed their appreciation to Singapore for hosting the Conference.",
                    "The United States and Japan held the Ninth U.S.-Japan Cyber Dialogue in Tokyo.",
                    "Participants also discussed potential efforts to integrate cybersecurity."},
                   false);
}

TEST_CASE("the operative verb wins over an acknowledgement or a report", "[extract][cues]") {
    Reading r = read_sentence("Ministers noted the sharp increase in online scams and encouraged ASEAN Member States "
                              "to strengthen cooperation.");
    CHECK(r.cue.action == "encourage");
    CHECK(r.cue.phrase == "encouraged");
    r = read_sentence("The two delegations discussed the use of AI by malicious actors and agreed to explore "
                      "joint research.");
    CHECK(r.cue.action == "explore");
    r = read_sentence("Singapore welcomes the interest of other Member States and intends to expand its courses.");
    CHECK(r.cue.action == "commit");
    // Two acknowledgements stay one.
    r = read_sentence("The two sides welcomed the growing cooperation and highlighted the importance of exercises.");
    CHECK(r.cue.kind == CueKind::acknowledgement);
    // "and support of partners" is a noun, not a coordinated verb.
    CHECK(read_sentence("Participants welcomed the progress and support of partners.").cue.kind ==
          CueKind::acknowledgement);
}

TEST_CASE("the subject's head, apart from openers and asides in commas", "[extract][cues]") {
    struct Case {
        const char *text;
        const char *action;
        const char *subject; // as written; empty: none (the statement's parties)
    };
    const Case cases[] = {
        {"Japan, through the Japan-ASEAN Integration Fund (JAIF), announced a contribution of $2 million.", "commit",
         "Japan"},
        {"Malaysia, as the incoming Chair of the ASEAN Cyber-CC, announced that it would convene a workshop.", "commit",
         "Malaysia"},
        {"Through the Dialogue, participants committed to explore a Sixth Dialogue.", "explore", "participants"},
        // A relative clause is an aside, and its "will" no cue.
        {"The Philippines, which will chair ASEAN in 2026, invited Viet Nam to take part in its meetings.", "encourage",
         "The Philippines"},
        {"Indonesia, Malaysia and Singapore agreed to co-host the drill.", "commit",
         "Indonesia, Malaysia and Singapore"},
        // Reported speech: the subject of the reported clause, unless it is a pronoun.
        {"Announcing the programme, the Minister said that Singapore will fund its full cost through 2029.", "commit",
         "Singapore"},
        // An acknowledgement whose subject closes the sentence.
        {"Cyber threats are becoming more sophisticated and will continue to evolve, the Minister noted.", "note",
         "the Minister"},
        // A passive: its agents are the statement's parties, not its subject.
        {"ASEAN Member States are encouraged to ratify the Convention.", "encourage", ""},
        // An agent aside, and a purpose before an imperative (2026-12-06).
        {"Viet Nam, supported by Canada, expressed its readiness to host a workshop in early 2028.", "commit",
         "Viet Nam"},
        {"To strengthen the security of the region's digital infrastructure, resolve to:", "commit", ""},
    };
    for (const auto &c : cases) {
        std::string t = c.text;
        INFO(t);
        Reading r = read_sentence(t);
        CHECK(r.cue.action == c.action);
        CHECK(subject(t, r) == c.subject);
    }
    std::string t = "The United States, together with Japan and Australia, announced that it would fund a cohort.";
    Reading r = read_sentence(t);
    CHECK(subject(t, r) == "The United States");
    REQUIRE(r.joined.size() == 1);
    CHECK(t.substr(r.joined[0].begin, r.joined[0].end - r.joined[0].begin) == "together with Japan and Australia");
}

TEST_CASE("participial clauses and base-form verbs", "[extract][cues]") {
    Reading r =
        read_sentence("Recalling the Statement, which reaffirmed a shared vision, participants agreed to meet.");
    CHECK(r.participle == "Recalling");
    CHECK(r.relation == "recalls");
    CHECK(r.cue.action == "commit");
    r = read_sentence("Welcoming the progress made under the Program since 2019;");
    CHECK_FALSE(r.cue.found());
    CHECK_FALSE(r.has_main);
    // A base-form verb at the start is a cue only in a list (an item, an operative paragraph).
    CHECK_FALSE(read_sentence("Strengthen cooperation to protect critical infrastructure;").cue.found());
    CHECK(read_sentence("Strengthen cooperation to protect critical infrastructure;", true).cue.action == "commit");
    CHECK(read_sentence("Reaffirm our commitment to a rules-based cyberspace;").cue.action == "reaffirm");
    CHECK(starts_with_base_verb("develop a regional playbook by June 2027"));
    CHECK(starts_with_base_verb("Hold a joint exercise in 2027"));
    CHECK_FALSE(starts_with_base_verb("Threats to critical infrastructure"));
}

TEST_CASE("one vocabulary: every undertaking cue is a verb of commitment for lint", "[extract][cues][xref]") {
    for (const auto &e : cue_table()) {
        if (e.action.empty() || e.action == "note" || e.action == "recall") {
            continue;
        }
        std::string text = "Participants " + std::string(e.phrase) + " the officials to act together.";
        INFO(text);
        Reading r = read_sentence(text);
        REQUIRE(r.cue.found());
        CHECK(r.cue.kind == CueKind::undertaking);
        CHECK(xref::main_verb(text).kind == xref::VerbKind::commitment);
    }
    for (const auto &verb : base_verbs()) {
        std::string text = std::string(verb) + " the regional framework";
        INFO(text);
        CHECK(xref::main_verb(text).kind == xref::VerbKind::commitment);
    }
    // Acknowledgements and reports are what lint calls reports.
    CHECK(xref::main_verb("Participants welcomed the launch of the CERT.").kind == xref::VerbKind::report);
    CHECK(xref::main_verb("Participants discussed the launch of the CERT.").kind == xref::VerbKind::report);
}

TEST_CASE("asides that join parties and asides that do not", "[extract][cues]") {
    auto joined = [](const std::string &text) {
        Reading r = read_sentence(text);
        std::string out;
        for (const auto &j : r.joined) {
            out += (out.empty() ? "" : "|") + text.substr(j.begin, j.end - j.begin);
        }
        return out;
    };
    CHECK(joined("Singapore, together with Japan, will host the drill.") == "together with Japan");
    // "with the support of" names who helps, not who undertakes.
    CHECK(joined("Japan, with the support of the Japan-ASEAN Integration Fund (JAIF), will continue to fund the "
                 "Centre.")
              .empty());
    // A list of parties, each with its aside: the first joins the subject.
    std::string two = "The United States, through the Cybersecurity and Infrastructure Security Agency (CISA), and "
                      "Japan, through its National Cybersecurity Office, will provide training.";
    CHECK(joined(two) == "The United States");
    CHECK(subject(two, read_sentence(two)) == "and Japan");
}

TEST_CASE("a subject is read by its head, before its preposition", "[extract][cues]") {
    // "groups" would be a body that can act; the subject is a misuse.
    Reading r = read_sentence("The misuse of generative artificial intelligence by criminal groups will make phishing "
                              "harder to detect.");
    CHECK_FALSE(r.cue.found());
    // A generic head keeps its party: "the Government of Japan".
    CHECK(read_sentence("The Government of Japan will fund the Centre.").cue.found());
}
