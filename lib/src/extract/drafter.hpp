#pragma once
// The drafting of one statement, split by job: header.cpp decides the statement's fields
// (title, date, id, type, parties, source, the duplicate warning), drafter.cpp reads the body's
// sentences into commitments, references.cpp finds the records the text names. Internal to the
// library; the interface is extract.hpp.
#include "accord/extract/cues.hpp"
#include "accord/extract/extract.hpp"
#include "accord/extract/text.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace accord::extract::detail {

std::string quote(std::string_view text, std::size_t width = 70);
std::string place(const Sentence &s);
std::string join(const std::vector<std::string> &v, std::string_view sep = ", ");
std::string kind_word(Kind k);
bool starts_with_words(std::string_view lower_text, std::string_view words);
// Is date a no later than date b (either may be partial)? True when either is not a date.
bool before(const std::string &a, const std::string &b);
// The publisher a "Source - X" / "Issued by X" line names (header.cpp); strict: "Source" needs
// its separator and "issued by" takes none (the issuing agency of a release).
std::optional<std::string> source_line(const std::string &line, bool strict);

class Drafter {
  public:
    Drafter(std::string_view text, std::string_view source_name, const DraftRequest &request,
            const Knowledge &knowledge)
        : m_text(text), m_request(request), m_k(knowledge), m_index(knowledge) {
        m_draft.source_name = std::string(source_name);
    }

    Draft run();

  private:
    struct Pending {
        DraftCommitment c;
        Sentence sentence;
        std::size_t cue_offset = 0; // where the cue starts: due dates are looked for after it,
        std::string opener;         // then in the words before the subject ("By 2027, Japan will"),
        std::string lead_in;        // then in the lead-in of an item ("By 2027, we will:")
        std::size_t main_offset = 0;
    };
    struct Lead {
        int block = -1; // the paragraph of the lead-in
        Cue cue;
        Sentence sentence;
        std::vector<std::string> actors;
        std::vector<Comment> actor_comments;
    };
    struct Named {
        const KnownTitle *record;
        std::vector<std::string> places;
        bool partial;
    };

    // header.cpp
    void validate_request();
    void decide_title(const Layout &layout);
    void decide_dialogue();
    void decide_date(const Layout &layout);
    void decide_id();
    void decide_type();
    void decide_parties(const Layout &layout);
    void decide_source(const Layout &layout);
    void find_duplicate();
    std::vector<std::string> parties_named(std::string_view text) const;

    // references.cpp
    void clause_references(const Sentence &s, const Reading &r);
    void note_names(std::string_view text, const Sentence &s);
    std::vector<std::pair<std::string, std::string>> document_phrases(std::string_view text,
                                                                      const std::vector<Token> &tokens,
                                                                      const std::vector<NameMatch> &matched,
                                                                      std::size_t from) const;

    // actors.cpp
    void actors_of(std::string_view sentence, const Reading &r, ListField &actors);
    std::string defined_party(const std::string &acronym);
    std::string state_of(const std::string &party) const;
    void read_meeting();
    bool meeting_forum(std::string_view subject);
    std::string party_by_first_word(const Token &t) const;
    std::string demonym_party(const Token &t) const;

    // drafter.cpp
    void read_body(const Layout &layout);
    void finish(Pending &p);
    bool body_of_its_own(std::string_view subject);

    std::string_view m_text;
    const DraftRequest &m_request;
    const Knowledge &m_k;
    NameIndex m_index;
    Draft m_draft;
    std::string m_date;
    std::vector<Named> m_named; // forums and programs, in order of first mention
    std::set<int> m_used_lines; // header and trailer lines that gave a title, date or source
    std::map<std::string, std::string> m_defined; // acronyms the text defines for an agency of a party
    bool m_defined_read = false;
    // What the text says met ("The G7 Cyber Expert Group (CEG) met"): its name and acronym stand
    // for the statement's parties; and the parties it says co-chaired the meeting.
    std::vector<std::string> m_meeting_names;
    std::vector<std::string> m_cochairs;
    std::vector<std::string> m_chair; // "convened by Malaysia, in its capacity as Chair"
    bool m_meeting_read = false;
    std::string m_previous; // the sentence before, in the same paragraph ("It will also ...")
    std::vector<std::string> opening_parties(std::string_view text);
};

} // namespace accord::extract::detail
