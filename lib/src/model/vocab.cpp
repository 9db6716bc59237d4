// Record kinds and the closed vocabularies of docs/format.md, with string conversion and "did you mean".
#include "accord/model/vocab.hpp"

#include <algorithm>

namespace accord {

std::string_view to_string(Kind kind) { return k_kind_names[static_cast<std::size_t>(kind)]; }

std::optional<Kind> kind_from_string(std::string_view name) {
    for (std::size_t i = 0; i < k_kind_names.size(); ++i) {
        if (k_kind_names[i] == name) {
            return static_cast<Kind>(i);
        }
    }
    return std::nullopt;
}

std::string describe(KindSet kinds) {
    if (kinds == k_any_kind) {
        return "any record";
    }
    std::string out;
    for (std::size_t i = 0; i < k_kind_names.size(); ++i) {
        if (kinds & (1u << i)) {
            if (!out.empty()) {
                out += " or ";
            }
            out += "a ";
            out += k_kind_names[i];
        }
    }
    return out;
}

bool Vocabulary::contains(std::string_view w) const { return std::find(words.begin(), words.end(), w) != words.end(); }

const Vocabulary k_party_types{"party type",
                               {"state", "regional-organisation", "international-organisation", "agency", "company",
                                "ngo", "academia"}};
const Vocabulary k_forum_types{"forum type",
                               {"ministerial", "working-group", "summit", "conference", "un-process", "network"}};
const Vocabulary k_statement_types{"statement type",
                                   {"leaders-statement", "joint-statement", "chair-statement", "communique",
                                    "declaration", "plan-of-action"}};
const Vocabulary k_actions{"action",
                           {"commit", "reaffirm", "recall", "explore", "continue", "support", "encourage", "note"}};
const Vocabulary k_program_types{"program type",
                                 {"training", "centre", "exercise", "fellowship", "platform", "fund",
                                  "dialogue-series"}};
const Vocabulary k_program_statuses{"program status", {"planned", "active", "completed", "discontinued"}};
const Vocabulary k_progress_statuses{"progress status",
                                     {"not-started", "limited", "substantial", "complete", "withdrawn"}};
const Vocabulary k_relations{"relation", {"recalls", "reaffirms", "builds-on", "supersedes", "fulfils", "follows-up"}};

namespace {
constexpr std::array<std::string_view, 6> k_status_names = {"unassessed",  "not-started", "limited",
                                                            "substantial", "complete",    "withdrawn"};
}

std::string_view to_string(Status s) { return k_status_names[static_cast<std::size_t>(s)]; }

std::optional<Status> status_from_string(std::string_view s) {
    for (std::size_t i = 0; i < k_status_names.size(); ++i) {
        if (k_status_names[i] == s) {
            return static_cast<Status>(i);
        }
    }
    return std::nullopt;
}

std::optional<int> compliance_score(Status s) {
    switch (s) {
    case Status::complete:
        return 1;
    case Status::substantial:
    case Status::limited:
        return 0;
    case Status::not_started:
    case Status::withdrawn:
        return -1;
    case Status::unassessed:
        break;
    }
    return std::nullopt;
}

bool is_acknowledgement(std::string_view action) { return action == "note" || action == "recall"; }

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> prev(b.size() + 1);
    std::vector<std::size_t> cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        prev[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates) {
    // A word that differs only in case: ids and vocabulary words are lower case.
    auto lower = [](std::string_view s) {
        std::string out(s);
        for (char& c : out) {
            c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        }
        return out;
    };
    const std::string folded = lower(word);
    for (auto c : candidates) {
        if (c != word && lower(c) == folded) {
            return std::string(c);
        }
    }
    std::string best;
    std::size_t best_d = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (auto c : candidates) {
        // The distance is at least the difference in length: skip what cannot be closer.
        if ((word.size() > c.size() ? word.size() - c.size() : c.size() - word.size()) >= best_d) {
            continue;
        }
        std::size_t d = edit_distance(folded, c);
        if (d < best_d) {
            best_d = d;
            best = std::string(c);
        }
    }
    return best;
}

} // namespace accord
