// accord extract: splitting a statement's text into header, paragraphs, sentences and items.
#include "accord/extract/text.hpp"

#include <catch2/catch.hpp>

using namespace accord;
using namespace accord::extract;

TEST_CASE("sentences split after a full stop and a capital, not after abbreviations", "[extract]") {
    auto s = split_sentences("Participants met in Singapore.  They agreed to meet again. Nothing else.");
    REQUIRE(s.size() == 3);
    CHECK(s[0] == "Participants met in Singapore.");
    CHECK(s[1] == "They agreed to meet again.");
    // "U.S." and "U.S.-ASEAN." are abbreviations: no break after them.
    s = split_sentences("The U.S. State Department and the U.S.-ASEAN. Leaders' Statement of Nov. 2024 met.");
    CHECK(s.size() == 1);
    // Closing quotes belong to the sentence; a lower-case word after a stop is no new sentence.
    s = split_sentences("They shared a vision of \u201ca secure cyberspace.\u201d Then they left. e.g. not this.");
    REQUIRE(s.size() == 2);
    CHECK(s[0] == "They shared a vision of \u201ca secure cyberspace.\u201d");
    CHECK(s[1] == "Then they left. e.g. not this.");
}

TEST_CASE("dates are found in the common written forms", "[extract]") {
    std::string m;
    CHECK(find_date("Fri. Nov 22nd, 2024", &m)->str() == "2024-11-22");
    CHECK(m == "Nov 22nd, 2024");
    CHECK(find_date("Vientiane, 11 October 2024")->str() == "2024-10-11");
    CHECK(find_date("2025-10-21")->str() == "2025-10-21");
    CHECK(find_date("Singapore, November 2018")->str() == "2018-11");
    CHECK(find_date("September 3, 2019")->str() == "2019-09-03");
    CHECK_FALSE(find_date("Nov 31st, 2024")); // no such day
    CHECK_FALSE(find_date("Source - U.S. State Department"));
}

TEST_CASE("the layout: header, counted paragraphs, trailer", "[extract]") {
    const char *text = "\xEF\xBB\xBF"
                       "Fri. Nov 22nd, 2024\r\n\r\n"
                       "Participants met.  They agreed to meet\r\nagain in 2025.\r\n\r\n"
                       "\xC2\xA0\r\n"
                       "Participants reaffirmed the framework.\r\n\r\n"
                       "Source \xE2\x80\x93 U.S. State Department\r\n\r\nForward to your friends";
    Layout l = split_text(text);
    REQUIRE(l.header.size() == 1);
    CHECK(l.header[0].number == 1);
    CHECK(l.header[0].text == "Fri. Nov 22nd, 2024");
    REQUIRE(l.trailer.size() == 2);
    CHECK(l.trailer[0].text == "Source \xE2\x80\x93 U.S. State Department");
    CHECK(l.trailer[1].number == 11);
    CHECK_FALSE(l.numbered);
    REQUIRE(l.sentences.size() == 3);
    CHECK(l.sentences[1].text == "They agreed to meet again in 2025."); // a wrapped line joins its paragraph
    CHECK(l.sentences[1].paragraph == "1");
    CHECK(l.sentences[1].number == 2);
    CHECK(l.sentences[2].paragraph == "2"); // the no-break space line is blank
    CHECK(l.sentences[2].block == 1);
}

TEST_CASE("numbered paragraphs and lettered items keep their own numbers", "[extract]") {
    const char *text = "Joint Statement of a Meeting\n"
                       "Singapore, 20 October 2026\n\n"
                       "1. We met.\n"
                       "2. We will:\n"
                       "   (a) train more people;\n"
                       "   (b) meet again. Soon.\n"
                       "3. Recalling the plan, we agreed.\n"
                       "Closing heading\n\n"
                       "4. We will act.\n";
    Layout l = split_text(text);
    CHECK(l.numbered);
    REQUIRE(l.header.size() == 2); // a heading and a date line, each a line of its own
    CHECK(l.header[1].text == "Singapore, 20 October 2026");
    REQUIRE(l.sentences.size() == 8);
    CHECK(l.sentences[1].paragraph == "2");
    CHECK(l.sentences[1].lead_in);
    CHECK(l.sentences[2].paragraph == "2(a)");
    CHECK(l.sentences[2].item);
    CHECK(l.sentences[2].text == "train more people;");
    CHECK(l.sentences[4].paragraph == "2(b)");
    CHECK(l.sentences[4].number == 2);
    // A line without a marker continues its paragraph.
    CHECK(l.sentences[6].text == "Closing heading");
    CHECK(l.sentences[6].paragraph == "3");
    CHECK(l.sentences[7].paragraph == "4");
}
