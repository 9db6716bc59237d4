#pragma once
// Record kinds and the closed vocabularies of docs/format.md, with string conversion.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace accord {

enum class Kind { party, forum, theme, dialogue, statement, commitment, program, progress };
inline constexpr std::array<std::string_view, 8> k_kind_names = {
    "party", "forum", "theme", "dialogue", "statement", "commitment", "program", "progress"};

std::string_view to_string(Kind kind);
std::optional<Kind> kind_from_string(std::string_view name);

// A set of kinds, as a bit mask (which kinds a reference may name).
using KindSet = unsigned;
constexpr KindSet kind_bit(Kind k) { return 1u << static_cast<unsigned>(k); }
inline constexpr KindSet k_any_kind = 0xFFu & ~kind_bit(Kind::progress);
std::string describe(KindSet kinds); // "a party", "a dialogue or a forum", "any record"

// A closed list of words, such as the statuses of a progress event.
struct Vocabulary {
    std::string_view name;
    std::vector<std::string_view> words;
    bool contains(std::string_view w) const;
};

extern const Vocabulary k_party_types;
extern const Vocabulary k_forum_types;
extern const Vocabulary k_statement_types;
extern const Vocabulary k_actions;
extern const Vocabulary k_program_types;
extern const Vocabulary k_program_statuses;
extern const Vocabulary k_progress_statuses;
extern const Vocabulary k_relations;

// An acknowledgement, not an undertaking: a commitment whose action is note or recall
// (docs/reports.md); no action is an undertaking.
bool is_acknowledgement(std::string_view action);

// Commitment status, ordered as docs/format.md orders them (withdrawn apart).
enum class Status { unassessed, not_started, limited, substantial, complete, withdrawn };
std::string_view to_string(Status s);
std::optional<Status> status_from_string(std::string_view s);
// G7/G20 compliance score: +1, 0, -1, or nullopt for unassessed.
std::optional<int> compliance_score(Status s);

// Levenshtein distance, for "did you mean" hints.
std::size_t edit_distance(std::string_view a, std::string_view b);
// The closest candidate within a small distance (one that differs only in case first, then
// by edit distance from the word in lower case), or empty.
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

} // namespace accord
