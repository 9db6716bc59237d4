// accord-gen: a deterministic generator of realistic accord data sets (issue 9).
// Writes parties, themes, programs and N commitments spread over dialogues with
// statements, about three progress events per commitment, references between
// statements, a share of long texts and non-ASCII names.
//
//   accord-gen --commitments N [--seed S] --out DIR            one file per dialogue
//   accord-gen --commitments N [--seed S] --out FILE --single  one file
//
// --shape NAME gives the pathological shapes of `make bench` (issue 25) instead:
//   one-statement  every commitment in one statement of one dialogue
//   chain          every commitment but the first supersedes the one before it
//   same-text      every commitment says the same sentence, one word of it drawn at random
//   one-party      every commitment's only actor is asean
// Without --shape the output is as it always was (tests pin seeds).
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

// SplitMix64: small, fast and the same everywhere.
struct Rng {
    std::uint64_t s;
    std::uint64_t next() {
        std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

const std::vector<std::string> k_states = {"brunei",  "cambodia", "indonesia", "laos",      "malaysia",
                                           "myanmar", "philippines", "singapore", "thailand", "viet-nam",
                                           "us",      "japan",    "australia", "india",     "korea"};
const std::vector<std::string> k_state_names = {
    "Brunei Darussalam", "Cambodia", "Indonesia", "Lao PDR",  "Malaysia",  "Myanmar",       "Philippines", "Singapore",
    "Thailand",          "Việt Nam", "United States", "Japan", "Australia", "India", "Republic of Korea"};
const std::vector<std::string> k_verbs = {"commit", "reaffirm", "recall", "explore", "continue", "support", "encourage",
                                          "note"};
const std::vector<std::string> k_statuses = {"not-started", "limited", "substantial", "complete"};
const std::vector<std::string> k_words = {
    "capacity", "building", "regional", "cooperation", "critical", "infrastructure", "incident", "response",
    "norms",    "responsible", "state", "behaviour", "cybercrime", "confidence", "measures", "information",
    "sharing",  "training", "exercise", "resilience", "supply", "chain", "vulnerability", "disclosure",
    "emergency", "teams", "awareness", "workforce", "standards", "frameworks", "coordination", "partnership"};

std::string sentence(Rng& r, std::size_t words) {
    std::string s = "Participants will strengthen";
    for (std::size_t i = 0; i < words; ++i) {
        s += ' ';
        s += k_words[r.below(k_words.size())];
    }
    s += '.';
    return s;
}

std::string date(int year, Rng& r) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, static_cast<int>(1 + r.below(12)), static_cast<int>(1 + r.below(28)));
    return buf;
}

void write_base(std::ostream& out, std::size_t programs, Rng& r, std::size_t commitments_total, std::size_t per_stmt) {
    out << "- {kind: party, id: asean, name: Association of Southeast Asian Nations, type: regional-organisation}\n";
    for (std::size_t i = 0; i < k_states.size(); ++i) {
        out << "- kind: party\n  id: " << k_states[i] << "\n  name: \"" << k_state_names[i] << "\"\n  type: state\n";
        if (i < 10) {
            out << "  member_of: [asean]\n";
        }
    }
    for (char c = 'a'; c <= 'k'; ++c) {
        out << "- {kind: theme, id: norm-13" << c << ", label: \"UN GGE norm 13(" << c << ")\", group: un-norms, code: \"13("
            << c << ")\"}\n";
    }
    for (std::size_t i = 0; i < 8; ++i) {
        out << "- {kind: theme, id: topic-" << i << ", label: Topic " << i << "}\n";
    }
    for (std::size_t p = 0; p < programs; ++p) {
        out << "- kind: program\n  id: program-" << p << "\n  title: Capacity programme " << p
            << "\n  type: training\n  implementers: [" << k_states[r.below(k_states.size())] << "]\n  beneficiaries: [asean]\n"
            << "  themes: [topic-" << r.below(8) << "]\n  start: " << 2000 + static_cast<int>(r.below(25)) << "\n  status: active\n";
        std::size_t n = 1 + r.below(3);
        out << "  implements: [";
        for (std::size_t k = 0; k < n; ++k) {
            std::size_t c = r.below(commitments_total);
            out << (k ? ", " : "") << "st-" << c / per_stmt << ".c" << c % per_stmt;
        }
        out << "]\n";
    }
}

const std::vector<std::string> k_shapes = {"one-statement", "chain", "same-text", "one-party"};

} // namespace

int main(int argc, char** argv) {
    std::size_t n = 10000;
    std::uint64_t seed = 1;
    std::string out_path;
    bool single = false;
    std::string shape;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--commitments" && i + 1 < argc) {
            n = std::strtoull(argv[++i], nullptr, 10);
        } else if (a == "--seed" && i + 1 < argc) {
            seed = std::strtoull(argv[++i], nullptr, 10);
        } else if (a == "--out" && i + 1 < argc) {
            out_path = argv[++i];
        } else if (a == "--single") {
            single = true;
        } else if (a == "--shape" && i + 1 < argc) {
            shape = argv[++i];
            if (std::find(k_shapes.begin(), k_shapes.end(), shape) == k_shapes.end()) {
                std::cerr << "accord-gen: unknown shape '" << shape
                          << "' (one-statement, chain, same-text, one-party)\n";
                return 2;
            }
        } else {
            std::cerr << "usage: accord-gen --commitments N [--seed S] --out DIR|FILE [--single] [--shape NAME]\n";
            return 2;
        }
    }
    if (out_path.empty() || n == 0) {
        std::cerr << "accord-gen: --out and a positive --commitments are required\n";
        return 2;
    }
    Rng r{seed};
    const std::size_t per_stmt = shape == "one-statement" ? n : 10;
    const std::size_t stmts_per_dialogue = shape == "one-statement" ? 1 : 2;
    const std::size_t statements = (n + per_stmt - 1) / per_stmt;
    const std::size_t dialogues = (statements + stmts_per_dialogue - 1) / stmts_per_dialogue;
    namespace fs = std::filesystem;
    std::ofstream single_out;
    if (single) {
        single_out.open(out_path);
    } else {
        fs::create_directories(out_path);
    }
    auto open = [&](const std::string& name) -> std::ostream& {
        if (single) {
            single_out << "---\n";
            return single_out;
        }
        static std::ofstream f;
        f.close();
        f.open(fs::path(out_path) / name);
        return f;
    };
    write_base(open("base.yaml"), std::max<std::size_t>(1, n / 50), r, n, per_stmt);
    // One commitment: nested under its statement, or a top-level record of a list.
    auto write_commitment = [&](std::ostream& out, std::size_t st, std::size_t k, std::size_t c, int year, bool nested) {
        const std::string in(nested ? 8 : 2, ' ');
        bool long_text = r.below(10) == 0;
        std::string text = shape == "same-text" ? "Participants will strengthen regional cooperation on " +
                                                      k_words[r.below(k_words.size())] + " and incident response."
                                                : sentence(r, long_text ? 120 : 12);
        std::string actor = shape == "one-party" ? std::string() : k_states[r.below(k_states.size())] + ", ";
        if (nested) {
            out << "      - id: st-" << st << ".c" << k << "\n";
        } else {
            out << "- kind: commitment\n" << in << "id: st-" << st << ".c" << k << "\n" << in << "statement: st-" << st
                << "\n";
        }
        out << in << "text: \"" << text << "\"\n" << in << "paragraph: " << k + 1 << "\n" << in << "actors: [" << actor
            << "asean]\n" << in << "action: " << k_verbs[r.below(k_verbs.size())] << "\n" << in << "themes: [norm-13"
            << static_cast<char>('a' + r.below(11)) << ", topic-" << r.below(8) << "]\n" << in << "due: "
            << year + 1 + static_cast<int>(r.below(3)) << "\n";
        if (shape == "chain") {
            if (c > 0) {
                out << in << "references:\n" << in << "  - {relation: supersedes, target: st-" << (c - 1) / per_stmt
                    << ".c" << (c - 1) % per_stmt << "}\n";
            }
        } else if (st > 10 && r.below(5) == 0) {
            out << in << "references:\n" << in << "  - {relation: reaffirms, target: st-" << st - 1 - r.below(10) << ".c"
                << r.below(per_stmt) << "}\n";
        }
        out << in << "progress:\n";
        for (int e = 0; e < 3; ++e) {
            out << in << "  - {date: " << year + 1 + e << ", status: " << k_statuses[r.below(4)];
            if (e == 2) {
                out << ", party: asean";
            }
            out << "}\n";
        }
    };
    // One statement of n commitments would be one document of millions of values, more than
    // the reader takes (a document's limit): its commitments name it from files of their own.
    const bool commitments_apart = shape == "one-statement";
    std::size_t c_done = 0;
    for (std::size_t d = 0; d < dialogues; ++d) {
        char name[64];
        std::snprintf(name, sizeof name, "dialogue-%07zu.yaml", d);
        std::ostream& out = open(name);
        int year = 2000 + static_cast<int>(d * 25 / dialogues);
        out << "kind: dialogue\nid: dlg-" << d << "\ntitle: Dialogue " << d << " on cyber policy\ndate: " << date(year, r)
            << "\nseries: series-" << d % 7 << "\nnumber: " << d / 7 + 1 << "\nlocation: \""
            << k_state_names[r.below(k_state_names.size())] << "\"\nparties: [asean, " << k_states[r.below(10)]
            << "]\nstatements:\n";
        for (std::size_t s = 0; s < stmts_per_dialogue && c_done < n; ++s) {
            std::size_t st = d * stmts_per_dialogue + s;
            out << "  - id: st-" << st << "\n    title: Joint statement " << st << "\n    date: " << year << "\n"
                << "    type: joint-statement\n    parties: [asean, us]\n";
            if (st > 0) {
                out << "    references:\n      - {relation: recalls, target: st-" << st - 1 << "}\n";
            }
            if (commitments_apart) {
                std::ostream* file = nullptr;
                for (std::size_t k = 0; k < per_stmt && c_done < n; ++k, ++c_done) {
                    if (k % 20 == 0) {
                        std::snprintf(name, sizeof name, "commitments-%07zu.yaml", k / 20);
                        file = &open(name); // (ends the dialogue's file: it has the one statement)
                    }
                    write_commitment(*file, st, k, c_done, year, false);
                }
                continue;
            }
            out << "    commitments:\n";
            for (std::size_t k = 0; k < per_stmt && c_done < n; ++k, ++c_done) {
                write_commitment(out, st, k, c_done, year, true);
            }
        }
    }
    return 0;
}
