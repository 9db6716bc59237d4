// The other word lists of the vocabulary: reporting and base verbs, subjects, asides, participles.
#include "vocabulary.hpp"

namespace accord::extract::vocab {

const std::vector<std::string_view> k_reporting = {"announced", "announces", "said",     "says",    "stated",
                                                   "confirmed", "indicated", "declared", "declare", "declares"};

// After a cue of commitment ("committed to", "will"), these verbs say which kind.
const std::vector<std::pair<std::string_view, std::string_view>> k_then = {
    {"explore", "explore"},     {"continue", "continue"}, {"support", "support"},
    {"encourage", "encourage"}, {"consider", "explore"},  {"look", "explore"}};

const std::vector<std::string_view> k_base_verbs = {"strengthen",
                                                    "work",
                                                    "promote",
                                                    "enhance",
                                                    "ensure",
                                                    "implement",
                                                    "establish",
                                                    "develop",
                                                    "advance",
                                                    "build",
                                                    "cooperate",
                                                    "seek",
                                                    "endeavour",
                                                    "endeavor",
                                                    "strive",
                                                    "renew",
                                                    "task",
                                                    "hold",
                                                    "conduct",
                                                    "convene",
                                                    "organise",
                                                    "organize",
                                                    "provide",
                                                    "share",
                                                    "expand",
                                                    "deepen",
                                                    "foster",
                                                    "facilitate",
                                                    "support",
                                                    "encourage",
                                                    "explore",
                                                    "continue",
                                                    "reaffirm",
                                                    "commit",
                                                    "agree",
                                                    "undertake",
                                                    "pledge",
                                                    "resolve",
                                                    "decide",
                                                    "intend",
                                                    "call",
                                                    "urge",
                                                    "invite",
                                                    "consider",
                                                    "maintain",
                                                    "increase",
                                                    "improve",
                                                    "identify",
                                                    "intensify",
                                                    "coordinate",
                                                    "collaborate",
                                                    "engage",
                                                    "contribute",
                                                    "create",
                                                    "launch",
                                                    "set",
                                                    "adopt",
                                                    "finalise",
                                                    "finalize",
                                                    "complete",
                                                    "review",
                                                    "report",
                                                    "designate",
                                                    "host",
                                                    "co-host",
                                                    "co-chair",
                                                    "offer",
                                                    "assist",
                                                    "help",
                                                    "train",
                                                    "fund",
                                                    "invest",
                                                    "prioritise",
                                                    "prioritize",
                                                    "uphold",
                                                    "respect",
                                                    "reinforce",
                                                    "address",
                                                    "combat",
                                                    "counter",
                                                    "prevent",
                                                    "protect",
                                                    "respond",
                                                    "mobilise",
                                                    "mobilize",
                                                    "leverage",
                                                    "accelerate",
                                                    "pursue",
                                                    "step",
                                                    "scale",
                                                    "upgrade",
                                                    "operationalise",
                                                    "operationalize",
                                                    "institutionalise",
                                                    "institutionalize",
                                                    "harmonise",
                                                    "harmonize",
                                                    "align",
                                                    "integrate",
                                                    "mainstream",
                                                    "sustain",
                                                    "make",
                                                    "take",
                                                    "initiate",
                                                    "exchange",
                                                    "instruct",
                                                    "direct",
                                                    "request",
                                                    "mandate",
                                                    "broaden",
                                                    "bolster",
                                                    "advocate",
                                                    "nurture",
                                                    "cultivate",
                                                    "empower",
                                                    "expedite",
                                                    "formulate",
                                                    "conclude",
                                                    "negotiate",
                                                    "deliver",
                                                    "extend",
                                                    "raise",
                                                    "reduce",
                                                    "mitigate",
                                                    "safeguard",
                                                    "secure",
                                                    "monitor",
                                                    "assess",
                                                    "evaluate",
                                                    "update",
                                                    "publish",
                                                    "jointly",
                                                    "collectively",
                                                    "further"};

const std::vector<std::string_view> k_generic = {"participants", "participant", "leaders",
                                                 "leader",       "we",          "ministers",
                                                 "minister",     "dialogue",    "discussion",
                                                 "discussions",  "it",          "they",
                                                 "sides",        "side",        "co",
                                                 "chairs",       "chair",       "cochairs",
                                                 "parties",      "officials",   "delegations",
                                                 "delegates",    "members",     "member",
                                                 "states",       "meeting",     "summit",
                                                 "senior",       "heads",       "governments",
                                                 "countries",    "statement",   "representatives",
                                                 "experts",      "group",       "readout",
                                                 "conference",   "she",         "he",
                                                 "chairman",     "chairs'",     "secretary",
                                                 "ambassador",   "president",   "delegation",
                                                 "government",   "envoy",       "spokesperson",
                                                 "forum"};

const std::vector<std::pair<std::string_view, std::string_view>> k_demonyms = {{"american", "united states"},
                                                                               {"japanese", "japan"},
                                                                               {"korean", "republic of korea"},
                                                                               {"chinese", "china"},
                                                                               {"indian", "india"},
                                                                               {"australian", "australia"},
                                                                               {"singaporean", "singapore"},
                                                                               {"vietnamese", "viet nam"},
                                                                               {"philippine", "philippines"},
                                                                               {"filipino", "philippines"},
                                                                               {"thai", "thailand"},
                                                                               {"malaysian", "malaysia"},
                                                                               {"indonesian", "indonesia"},
                                                                               {"cambodian", "cambodia"},
                                                                               {"lao", "lao pdr"},
                                                                               {"laotian", "lao pdr"},
                                                                               {"bruneian", "brunei darussalam"},
                                                                               {"burmese", "myanmar"},
                                                                               {"timorese", "timor-leste"},
                                                                               {"european", "european union"},
                                                                               {"british", "united kingdom"},
                                                                               {"canadian", "canada"},
                                                                               {"russian", "russian federation"},
                                                                               {"french", "france"},
                                                                               {"german", "germany"},
                                                                               {"dutch", "netherlands"},
                                                                               {"swiss", "switzerland"},
                                                                               {"italian", "italy"},
                                                                               {"kiwi", "new zealand"},
                                                                               {"emirati", "united arab emirates"},
                                                                               {"saudi", "saudi arabia"},
                                                                               {"new zealand", "new zealand"}};

const std::vector<std::string_view> k_pronouns = {"it", "they", "we", "she", "he"};

const std::vector<std::string_view> k_fillers = {
    "the",      "a",        "an",        "also",        "further",      "both",        "all", "jointly",
    "together", "hereby",   "and",       "furthermore", "moreover",     "again",       "its", "their",
    "our",      "today",    "therefore", "thus",        "additionally", "accordingly", "do",  "in",
    "turn",     "likewise", "similarly", "finally",     "separately",   "meanwhile"};

// The head of a subject that is a threat or a trend, not a party ("Ransomware groups will
// continue to target ...", "Attacks on such infrastructure will grow").
const std::vector<std::string_view> k_threats = {
    "attacks",   "attack",     "threats",         "threat", "groups", "gangs",   "actors",    "criminals",
    "attackers", "hackers",    "risks",           "risk",   "incidents", "scams", "operations", "campaigns",
    "syndicates", "vulnerabilities", "losses",    "costs",  "breaches", "disruptions"};

// The head of the name of a body ("The Working Group will focus on ..."): the body's own plan,
// not the parties' undertaking, unless it is the forum that met or a party's.
const std::vector<std::string_view> k_body_names = {
    "group", "force", "taskforce", "committee", "subcommittee", "sub-committee", "secretariat", "centre",
    "center", "network", "mechanism", "unit", "board", "panel", "team", "council", "platform"};

// A segment of a subject that starts with one of these is an opener ("Through the Dialogue,")
// or an aside ("Japan, through X, pledged"), not the subject itself.
const std::vector<std::string_view> k_aside_words = {
    "through",     "as",       "at",        "in",         "on",           "with",         "together",
    "along",       "jointly",  "under",     "during",     "following",    "for",          "by",
    "which",       "who",      "whose",     "where",      "when",         "while",        "represented",
    "led",         "acting",   "including", "especially", "particularly", "notably",      "via",
    "after",       "before",   "among",     "since",      "upon",         "within",       "also",
    "furthermore", "moreover", "however",   "therefore",  "thus",         "additionally", "accordingly",
    "meanwhile",   "likewise", "similarly", "separately", "further",      "finally",      "lastly",
    "today",       "recently", "once",      "where",      "building",     "reflecting",   "based",
    "in",          "according"};

// "together with Japan": an aside that joins parties to the subject.
const std::vector<std::string_view> k_joining = {
    "together with", "along with", "jointly with", "in partnership with", "in cooperation with", "alongside", "with"};

// Words after which a weak cue is a noun or an infinitive, not the main verb.
const std::vector<std::string_view> k_blockers = {
    "to", "the", "a",    "an",     "its",   "their",     "our",   "his", "her",    "of",  "with",  "for",  "in",
    "on", "by",  "this", "these",  "those", "such",      "any",   "no",  "mutual", "was", "were",  "been", "being",
    "is", "are", "from", "strong", "full",  "continued", "whose", "and", "or",     "be",  "having"};

const std::vector<std::string_view> k_bodies = {
    "partners",      "agencies",      "ministries",   "authorities", "nations",    "economies",  "secretariat",
    "organisations", "organizations", "institutions", "donors",      "centres",    "centers",    "teams",
    "secretariats",  "bodies",        "groups",       "host",        "presidency", "organisers", "organizers",
    "committee",     "council",       "taskforce",    "network"};

// A capitalised phrase around one of them names a document; a subject with one as its head ("The
// MoU will remain in force") is a document, not a party.
const std::vector<std::string_view> k_document_nouns = {
    "statement", "declaration", "dialogue",  "communique", "communiqu\u00e9", "plan",   "strategy",   "agreement",
    "memorandum", "charter",    "roadmap",   "framework",  "vision",          "report", "resolution", "treaty",
    "mou",        "arrangement", "protocol"};

const std::vector<std::string_view> k_agency_words = {
    "agency", "department", "ministry", "authority",   "office",    "bureau", "directorate",
    "centre", "center",     "team",     "commission",  "institute", "council"};

const std::vector<Participle> k_participles = {
    {"recalling", "recalls"},
    {"reaffirming", "reaffirms"},
    {"reiterating", "reaffirms"},
    {"affirming", "reaffirms"},
    {"building on", "builds-on"},
    {"building upon", "builds-on"},
    {"following up on", "follows-up"},
    {"further to", "follows-up"},
    {"noting with concern", ""},
    {"noting", ""},
    {"taking note", ""},
    {"welcoming", ""},
    {"recognising", ""},
    {"recognizing", ""},
    {"acknowledging", ""},
    {"underscoring", ""},
    {"underlining", ""},
    {"emphasising", ""},
    {"emphasizing", ""},
    {"stressing", ""},
    {"highlighting", ""},
    {"guided by", ""},
    {"mindful of", ""},
    {"bearing in mind", ""},
    {"desiring", ""},
    {"expressing", ""},
    {"convinced", ""},
    {"determined", ""},
    {"cognisant of", ""},
    {"cognizant of", ""},
    {"aware of", ""},
    {"concerned", ""},
    {"inspired by", ""},
};

} // namespace accord::extract::vocab
