#pragma once
// What extract knows of the database (parties, themes, titles of statements, dialogues, forums
// and programs) and how names in a text are matched against it. Knowledge is loaded once from
// the store (read-only queries, no values spliced into SQL); the matching is pure.
#include "accord/model/vocab.hpp"
#include "accord/store/store.hpp"

#include <cstddef>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace accord::extract {

struct KnownParty {
    std::string id;
    std::string name;
    std::string short_name;
    std::string type;
    std::string country; // an agency's state, by name ("Singapore")
};

struct KnownTheme {
    std::string id;
    std::string label;
    std::string code; // a numbered norm ("13(g)"): matched only where the text speaks of norms
};

// A record that has a title or name: statement, dialogue, forum or program.
struct KnownTitle {
    Kind kind = Kind::statement;
    std::string id;
    std::string title;
    std::string date;                 // statements and dialogues (ISO text); else empty
    std::vector<std::string> parties; // dialogues and statements: their parties
};

struct Knowledge {
    bool available = false; // false: no database, so nothing can be resolved
    std::vector<KnownParty> parties;
    std::vector<KnownTheme> themes;
    std::vector<KnownTitle> titles;
    std::set<std::string> ids; // every record id
    // Calls back with (statement id, text) for each commitment of the database, for the
    // duplicate check; reads the store it was loaded from, so it is valid while that store is.
    // Empty without a store.
    using CommitmentVisitor = std::function<void(const std::string &, const std::string &)>;
    std::function<void(const CommitmentVisitor &)> each_commitment;

    bool has(const std::string &id) const { return ids.count(id) != 0; }
    const KnownTitle *title_of(const std::string &id) const;
    const KnownParty *party(const std::string &id) const;
};

// Reads what extract needs from the store. An empty store gives available == false.
Knowledge load_knowledge(Store &store);

// A word of a text in the form used for matching.
struct Token {
    std::string norm;      // lower case, no periods or apostrophes; "5th" for "Fifth";
                           // "@us" for a party; "@asean+@us" for "U.S.-ASEAN"
    std::string raw;       // as written without periods ("US" for "U.S."), for acronyms
    std::size_t begin = 0; // byte range in the text
    std::size_t end = 0;
    std::vector<std::string> parties; // the party ids it names, in written order
    bool hyphen_before = false;       // joined to the previous word by a hyphen
    bool stop = false;                // "the", "a", "an": skipped when matching titles
    bool capital = false;             // starts with a capital letter or a digit
};

// A known record named in a text.
struct NameMatch {
    const KnownTitle *record = nullptr;
    std::size_t first = 0; // token range [first, last]
    std::size_t last = 0;
    std::size_t begin = 0; // byte range in the text
    std::size_t end = 0;
    bool partial = false; // matched only the head of the name ("UN Open-Ended Working Group")
};

// Matches names, titles and theme labels. Built once per draft from the knowledge.
class NameIndex {
  public:
    explicit NameIndex(const Knowledge &knowledge);

    // The words of text, with party names folded into party tokens (longest name first; an
    // acronym such as "ASEAN" or "U.S." matches only in its own case) and hyphenated pairs of
    // parties folded into one order-free token, so "U.S.-ASEAN" equals "ASEAN-U.S.".
    std::vector<Token> tokenize(std::string_view text) const;

    // Known records of the given kinds named in the tokens: longest match first, no overlaps.
    // Titles match after normalising punctuation, party order and ordinal words ("Sixth" = "6th");
    // a forum or program also matches by its acronym ("AMCC") or by the head of its name
    // before " on "/" of "/" for " when that head has three words or more (partial).
    std::vector<NameMatch> find_names(const std::vector<Token> &tokens, KindSet kinds) const;

    // Themes whose label words (stemmed, without "cyber"-words and small words) all occur in
    // the tokens outside the masked byte ranges, or whose label's first two such words stand
    // together there ("critical infrastructure" for "Critical infrastructure protection"). A
    // theme with a code (a numbered norm) also needs the word "norm" or its code. In order of
    // first occurrence.
    std::vector<const KnownTheme *> find_themes(const std::vector<Token> &tokens,
                                                const std::vector<std::pair<std::size_t, std::size_t>> &masked) const;

  private:
    struct Variant {
        const KnownTitle *record = nullptr;
        std::vector<std::string> words; // non-stop tokens, norm or raw
        bool by_raw = false;            // an acronym: compare raw, case-sensitive
        bool partial = false;
    };
    struct PartyName {
        const KnownParty *party = nullptr;
        std::vector<std::string> words;
        bool by_raw = false;
    };
    struct ThemeKeys {
        const KnownTheme *theme = nullptr;
        std::vector<std::string> stems;
        std::vector<std::string> head; // the first two stems, when the label has three or more
    };
    std::vector<PartyName> m_party_names;
    std::vector<Variant> m_variants;
    std::vector<ThemeKeys> m_themes;
};

// The words of a text without party folding (the first step of NameIndex::tokenize).
std::vector<Token> plain_words(std::string_view text);

// Written as an acronym: no lower-case letter, no space, two capitals or more ("CSA", "U.S.").
bool is_acronym(std::string_view s);

// A light English stemmer for theme matching: lower case, British spellings to American
// ("behaviour", "recognise", "centre", "programme"), one suffix off ("-ation", "-ing", "-es", ...).
std::string stem(std::string_view word);

// "first".."twentieth", "inaugural" -> "1st".."20th"; other words unchanged.
std::string ordinal_number(std::string_view lower_word);

} // namespace accord::extract
