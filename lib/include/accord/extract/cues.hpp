#pragma once
// The vocabulary of commitment, one for the whole toolkit: which words make a sentence an
// undertaking or an acknowledgement and with which action, and how a sentence's main clause is
// read (its subject, asides, participial clauses, reported speech, the operative verb). Used by
// `accord extract` to draft commitments and by `accord xref check --lint` to tell a text with a
// verb of commitment, so that a drafted undertaking is never one that lint flags. Pure
// functions on text: no names, no database. Rules: docs/extract.md.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace accord::extract {

enum class CueKind {
    undertaking,     // a party undertakes to act: commit, explore, continue, support, encourage, reaffirm
    acknowledgement, // note, recall
    report,          // tells of the meeting, not of a position: "exchanged views", "discussed", thanks
};

// The action cue of a sentence's main clause.
struct Cue {
    std::string phrase; // as written in the sentence
    std::string action; // a word of the action vocabulary; empty when none
    CueKind kind = CueKind::undertaking;
    std::size_t begin = 0;
    std::size_t end = 0;
    bool found() const { return !action.empty(); }
};

struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool empty() const { return end <= begin; }
};

// How a sentence reads.
struct Reading {
    Cue cue;                        // the operative cue; !cue.found(): the sentence commits to nothing
    std::size_t main_offset = 0;    // where the main clause starts
    bool has_main = true;           // false: a participial clause with no main clause after it
    std::string participle;         // "Recalling", as written; empty when the sentence has none
    std::size_t participle_end = 0; // where the words after the participle start
    std::string relation;           // the relation a participle gives ("recalls"); empty when none
    Span subject;                   // the head of the subject ("Japan" in "Japan, through X, pledged")
    std::vector<Span> joined;       // asides that join parties to it ("together with Japan")
    Span reporter;                  // the subject of a reporting verb when the cue is in the
                                    // clause it reports ("Singapore announced that it would ...")
    std::string why;                // when there is no cue: why not, for the "Not drafted" list
    std::string report;             // when the main verb reports the meeting ("discussed"): that verb
};

// Reads a sentence: the earliest cue of its main clause whose subject can be a party (a name,
// "participants", "we", ...: not "threats" or "the programme"), not in a relative clause, not a
// passive ("will be held"); a reporting verb ("announced that", "said that") passes to the
// clause it reports; an acknowledgement or report followed by a coordinated undertaking ("noted
// X and encouraged Y") gives the undertaking. A base-form verb at the very start ("Strengthen
// cooperation ...") is a cue of commitment only when imperative_ok (a list item, an operative
// paragraph of a declaration).
Reading read_sentence(std::string_view sentence, bool imperative_ok = false);

// read_sentence(text).cue.
Cue find_cue(std::string_view text);

// Does the text start with a verb in its base form, as an item of a list under a lead-in
// ("develop a playbook by 2027") or an imperative summary ("Task ministers to ...") does? A
// text that starts in lower case counts, whatever its first word.
bool starts_with_base_verb(std::string_view text);

// The words of subjects that stand for the parties of a statement ("participants", "we",
// "ministers", "both sides", ...).
bool generic_subject(std::string_view lower_word);

// Words that may stand around a subject without naming anyone ("also", "further", "both", ...).
bool subject_filler(std::string_view lower_word);

// The cue table, for documentation and tests.
struct CueEntry {
    std::string_view phrase;
    std::string_view action; // empty: a report, not a commitment
    bool weak = false;       // also a noun or a modal: counts only where a main verb stands
};
const std::vector<CueEntry> &cue_table();
const std::vector<std::string_view> &base_verbs();

} // namespace accord::extract
