#pragma once
// The layout of a statement's plain text: header lines (title, date line), body paragraphs
// split into sentences and list items, and trailer lines ("Source - ...", boilerplate).
// Pure functions on strings; no database, no I/O.
#include "accord/model/date.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace accord::extract {

// A line outside the body, as written (trimmed), with its 1-based line number.
struct Line {
    int number = 0;
    std::string text;
};

// One sentence of the body, or one list item ("(a) ...", "- ...").
struct Sentence {
    std::string text;      // as written, runs of white space collapsed to one space
    int block = 0;         // 0-based index of its paragraph among the body paragraphs
    std::string paragraph; // "3", "3(a)"; empty for an unnumbered paragraph of a numbered text
    int number = 0;        // 1-based place among the sentences of its paragraph (or lettered item)
    int line = 0;          // 1-based line where its paragraph or item starts
    bool item = false;     // a list item
    bool sub_item = false; // an item under an item ("(b) ... in particular:" then "i. ...")
    bool lead_in = false;  // ends with ':' and list items follow
};

struct Layout {
    std::vector<Line> header;  // before the body: title, date line
    std::vector<Line> trailer; // after the body: source line, boilerplate
    std::vector<Line> skipped; // headings between body paragraphs
    std::vector<Sentence> sentences;
    bool numbered = false; // the text numbers its paragraphs ("1.", "(2)")
};

// Normalises line ends (CRLF, CR), drops a UTF-8 byte order mark, turns tabs and no-break
// spaces into spaces.
std::string normalise_text(std::string_view text);

// Splits a statement's text. A paragraph ends at a blank line or where a numbered paragraph
// begins; a block that does not end like a sentence and has fewer than 15 words is a header,
// trailer or heading line, not a paragraph.
Layout split_text(std::string_view text);

// Splits a paragraph into sentences: after '.', '!' or '?' (and closing quotes) followed by
// white space and a capital, digit or opening quote; not after an abbreviation (a word with
// an inner period such as "U.S.", a single letter, or Nov., No., Art., ...).
std::vector<std::string> split_sentences(std::string_view paragraph);

// A date written in a line: 2024-11-22, "Nov 22nd, 2024", "Fri. Nov 22nd, 2024",
// "22 November 2024", or "November 2024" (a partial date). `matched` receives the words.
std::optional<PartialDate> find_date(std::string_view line, std::string *matched = nullptr);

// A date written in words, as declarations close: "this Twenty-Sixth Day of October in the Year
// Two Thousand and Twenty-Six", "on the Ninth of July 2026".
std::optional<PartialDate> find_date_in_words(std::string_view line, std::string *matched = nullptr);

// A press release's dateline at the start of its first paragraph: "SINGAPORE, 20 October 2026 -
// The Agency ...", "WASHINGTON, D.C. (June 3, 2026) --": the date, and the words up to the dash.
std::optional<PartialDate> find_dateline(std::string_view sentence, std::string *matched = nullptr);

// The due date a commitment's words give, as a partial date at the end of what they allow (docs/
// extract.md, "Due dates"): "in 2027", "by 2027", "through 2027", "until 2027", "by the end of
// 2027" -> 2027; "by March 2028" -> 2028-03; "in the first half of 2027" -> 2027-06; "by the
// third quarter of 2027" -> 2027-09; "in early 2027", "by mid-2027" -> 2027; "in 2026 and 2027"
// -> 2027. Not a due date: "from 2027", "starting in 2026", "for 2027-2029", "each year". The
// first that qualifies, with a year from statement_year to 20 years after (any when 0). Counted
// from the statement's date: "within two years" -> its year + 2; "within six months (of the
// signing)" -> its month + 6, when statement_month is known.
struct Due {
    std::string value; // ISO partial date
    std::string words; // as written
};
std::optional<Due> find_due(std::string_view text, int statement_year, int statement_month = 0);

// A heading written in capitals, in title case: small words in lower case, words that the body
// writes in capitals too (acronyms: "ASEAN", "SICW") kept as they are.
std::string title_case(std::string_view heading, std::string_view body);

// Number of words (runs of non-space characters).
int word_count(std::string_view text);

// ASCII letters in lower case; other bytes (UTF-8 included) as they are.
std::string lower(std::string_view s);

} // namespace accord::extract
