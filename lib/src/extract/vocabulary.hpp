#pragma once
// The word lists of the vocabulary of commitment: the cue table, the verbs a list item starts
// with, the words of subjects, asides, participial clauses. Internal to the library; the
// interface is accord/extract/cues.hpp, the rules docs/extract.md.
#include "accord/extract/cues.hpp"

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

namespace accord::extract::vocab {

struct Participle {
    std::string_view words;
    std::string_view relation; // empty: the clause names records but refers to none
};

extern const std::vector<CueEntry> k_table;             // the cues, weak ones marked
extern const std::vector<std::string_view> k_reporting; // "announced", "said": the cue is in what they report
extern const std::vector<std::pair<std::string_view, std::string_view>> k_then; // "committed to explore"
extern const std::vector<std::string_view> k_base_verbs; // a list item or an imperative starts with one
extern const std::vector<std::string_view> k_generic;    // subjects that stand for the statement's parties
extern const std::vector<std::string_view> k_pronouns;
extern const std::vector<std::string_view> k_document_nouns; // "statement", "MoU": a document
extern const std::vector<std::string_view> k_agency_words; // "agency", "ministry": the head of an agency's name
extern const std::vector<std::string_view> k_bodies;      // "partners", "agencies": can be a subject, not the parties
extern const std::vector<std::string_view> k_threats; // "attacks", "criminals": the head of a threat, no party
extern const std::vector<std::string_view> k_body_names; // "group", "committee": a body, not the parties
extern const std::vector<std::string_view> k_fillers;     // "also", "further", "both", ...
extern const std::vector<std::string_view> k_aside_words; // an opener or aside starts with one
extern const std::vector<std::string_view> k_joining;     // "together with": an aside that adds parties
extern const std::vector<std::string_view> k_blockers;    // a weak cue after one is a noun or infinitive
extern const std::vector<Participle> k_participles;
// "the Japanese delegation": the adjective and the name of the party it stands for.
extern const std::vector<std::pair<std::string_view, std::string_view>> k_demonyms;

inline bool one_of(const std::vector<std::string_view> &words, std::string_view w) {
    return std::find(words.begin(), words.end(), w) != words.end();
}

} // namespace accord::extract::vocab
