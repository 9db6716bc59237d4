#pragma once
// The parts of a clause that read_sentence() (cues.cpp) works with: words and their places,
// segments between commas, the subject before a cue, the words around a cue. Internal to the
// library; the rules are in docs/extract.md, "Reading the main clause".
#include "accord/extract/cues.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace accord::extract::clause {

bool word_char(char c);
bool starts_with_words(std::string_view lower_text, std::string_view words);

// A word of a subject, with where it stands.
struct Word {
    std::string lower; // without a possessive 's
    std::size_t begin = 0;
    std::size_t end = 0;
    bool capital = false;
};
std::vector<Word> words_in(std::string_view text, std::size_t from, std::size_t to);

Span trim_span(std::string_view text, Span s);
// Segments of [from, to) between commas, semicolons and dashes.
std::vector<Span> segments(std::string_view text, std::size_t from, std::size_t to);
// An opener or an aside ("through X", "as Chair", "which ...", "noting X"), not a subject.
bool aside(std::string_view text, Span s);
// A name of capitalised words, however long ("The Ministry of Foreign Affairs of Indonesia").
bool name_segment(std::string_view text, Span s);
// An aside that joins parties to the subject ("together with Japan").
bool joining(std::string_view text, Span s);

struct Subject {
    bool ok = false; // can be a party (or an imperative: no subject at all)
    Span head;
    std::vector<Span> joined;
    int head_words = 0;
};
// The subject of a cue found at `at`, from `from`; after a participle, not in its clause.
Subject subject_of(std::string_view text, std::size_t from, std::size_t at, bool after_participle,
                   std::size_t sentence_start);

// The entry of the cue table that starts at i in the lower-case text (the longest), if any.
const CueEntry *entry_at(const std::string &low, std::size_t i);
std::string word_before(const std::string &low, std::size_t i);
std::pair<std::size_t, std::string> word_after(const std::string &low, std::size_t i);
bool ends_with_to(std::string_view phrase);                  // "continue to", "intend to"
bool modal(std::string_view phrase);                         // will, shall, would
bool passive_after(const std::string &low, std::size_t end); // "will *be held*"
// "The next Dialogue will take place ...", "The Ninth Dialogue will convene ...".
bool meeting_to_come(std::string_view text, const std::string &low, Span head, std::size_t after_modal);

} // namespace accord::extract::clause
