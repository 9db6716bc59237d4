#pragma once
// Words of English policy text: splitting, stop words, a light stemmer, and the verbs that
// tell a commitment ("will", "commit", "support") from a report ("noted", "highlighted").
// Shared by `xref similar` (terms) and `xref check --lint` (verbs).
#include <string>
#include <string_view>
#include <vector>

namespace accord::xref {

// Lower-cased runs of ASCII letters and digits (bytes >= 0x80 count as letters, so
// accented words stay whole); a trailing "'s" is dropped ("ASEAN's" -> "asean").
std::vector<std::string> words(std::string_view text);

// A light, idempotent stemmer: plural and verb endings (-s, -es, -ies, -ed, -ing), a
// final -e, doubled final consonants, and British spellings (-our, -ise) folded into one
// form, so that "committed", "commits" and "commit" meet, as do "behaviour" and
// "behavior". Not Porter: "cooperation" and "cooperate" stay apart.
std::string stem(std::string_view word);

// Common English function words (and "will"/"shall", which say nothing of content).
bool is_stop_word(std::string_view word);

// The terms of a text for similarity: its words minus stop words, stemmed.
std::vector<std::string> terms(std::string_view text);

enum class VerbKind { none, commitment, report };

struct MainVerb {
    VerbKind kind = VerbKind::none;
    std::string word; // as written, lower-cased
};

// The verb of the text as `accord extract` reads it (one vocabulary, docs/extract.md): a
// commitment when its main clause holds a cue of undertaking ("committed to", "will",
// "encouraged"), or when it starts with a verb in its base form (an item of a list under a
// lead-in, or an imperative summary: "Explore ways to ..."); a report when the cue is an
// acknowledgement ("noted", "highlighted") or a report of the meeting ("discussed"). So
// "Participants highlighted collaborative efforts to strengthen ..." commits to nothing, and no
// undertaking that extract drafts is one that lint flags.
MainVerb main_verb(std::string_view text);

} // namespace accord::xref
