// Filter: the shared filters as SQL conditions with bound values, checked before a command runs.
#include "accord/store/filter.hpp"

#include "accord/error.hpp"
#include "accord/store/query.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace accord {

namespace {

// The date a record is placed at, as an SQL expression on alias t.
std::string date_expr(Kind kind) {
    switch (kind) {
    case Kind::dialogue:
    case Kind::statement:
    case Kind::progress:
        return "t.date";
    case Kind::commitment:
        return "(SELECT s.date FROM statement s WHERE s.id = t.statement_id)";
    case Kind::program:
        return "t.start_date";
    case Kind::forum:
        return "t.established";
    default:
        return "";
    }
}

// The statement a record belongs to, as an SQL expression on alias t.
std::string statement_expr(Kind kind) {
    switch (kind) {
    case Kind::statement:
        return "t.id";
    case Kind::commitment:
        return "t.statement_id";
    case Kind::progress:
        return "(SELECT c.statement_id FROM commitment c WHERE c.id = t.commitment_id)";
    default:
        return "";
    }
}

std::string dialogue_expr(Kind kind) {
    if (kind == Kind::dialogue) {
        return "t.id";
    }
    std::string st = statement_expr(kind);
    return st.empty() ? "" : fmt::format("(SELECT s.dialogue_id FROM statement s WHERE s.id = {})", st);
}

std::string record_id_expr(Kind kind) {
    return kind == Kind::progress ? "t.commitment_id" : "t.id";
}

} // namespace

std::string Filter::where(Kind kind) const {
    std::vector<std::string> conds;
    auto need = [&](const std::string& expr, const char* option) {
        if (expr.empty()) {
            throw UsageError(fmt::format("{} does not apply to {} records", option, to_string(kind)));
        }
        return expr;
    };
    if (party) {
        const std::string members = "(WITH RECURSIVE m(id) AS (SELECT :party UNION SELECT rp.record_id FROM "
                                    "record_party rp JOIN m ON rp.party_id = m.id WHERE rp.role = 'member_of') "
                                    "SELECT id FROM m)";
        if (kind == Kind::party) {
            conds.push_back("t.id IN " + members);
        } else if (kind == Kind::progress) {
            conds.push_back(fmt::format("(t.party_id IN {0} OR (t.party_id IS NULL AND t.commitment_id IN (SELECT "
                                        "record_id FROM record_party WHERE role = 'actors' AND party_id IN {0})))",
                                        members));
        } else if (kind == Kind::theme) {
            need("", "--party");
        } else {
            conds.push_back(fmt::format("t.id IN (SELECT record_id FROM record_party WHERE party_id IN {})", members));
        }
    }
    if (theme) {
        if (kind != Kind::commitment && kind != Kind::program && kind != Kind::theme) {
            need("", "--theme");
        }
        conds.push_back(kind == Kind::theme ? "t.id = :theme"
                                            : "t.id IN (SELECT record_id FROM record_theme WHERE theme_id = :theme)");
    }
    if (undertakings_only && kind == Kind::commitment) {
        conds.push_back("NOT " + acknowledgement_sql("t"));
    }
    if (status) {
        if (kind == Kind::commitment) {
            conds.push_back(commitment_status_sql("t.id") + " = :status");
        } else if (kind == Kind::program || kind == Kind::progress) {
            conds.push_back("t.status = :status");
        } else {
            need("", "--status");
        }
    }
    if (statement) {
        conds.push_back(need(statement_expr(kind), "--statement") + " = :statement");
    }
    if (dialogue) {
        conds.push_back(need(dialogue_expr(kind), "--dialogue") + " = :dialogue");
    }
    if (series) {
        std::string d = need(dialogue_expr(kind), "--series");
        conds.push_back(fmt::format("(SELECT dd.series FROM dialogue dd WHERE dd.id = {}) = :series", d));
    }
    if (since) {
        conds.push_back(need(date_expr(kind), "--since") + " >= :since");
    }
    if (until) {
        conds.push_back(need(date_expr(kind), "--until") + " <= :until");
    }
    if (as_of) {
        // Records without a date kind (party, theme) or without a date (a forum with no
        // established) existed all along.
        if (std::string d = date_expr(kind); !d.empty()) {
            conds.push_back(fmt::format("({0} IS NULL OR {0} <= :as_of_end)", d));
        }
    }
    (void)record_id_expr;
    if (conds.empty()) {
        return "1";
    }
    std::string out;
    for (const auto& c : conds) {
        out += out.empty() ? c : " AND " + c;
    }
    return out;
}

void Filter::bind(SQLite::Statement& q) const {
    auto b = [&](const char* name, const std::optional<std::string>& v) {
        if (v && q.getIndex(name) > 0) {
            q.bind(name, *v);
        }
    };
    b(":party", party);
    b(":theme", theme);
    b(":status", status);
    b(":statement", statement);
    b(":dialogue", dialogue);
    b(":series", series);
    if (since && q.getIndex(":since") > 0) {
        q.bind(":since", since_bound());
    }
    if (until && q.getIndex(":until") > 0) {
        q.bind(":until", until_bound());
    }
    if (as_of && q.getIndex(":as_of_end") > 0) {
        q.bind(":as_of_end", as_of_bound());
    }
}

std::string Filter::as_of_bound() const { return as_of ? as_of->last_day().str() + "~" : std::string(); }

std::string Filter::commitment_status_sql(const std::string& id_expr) const {
    if (!as_of) {
        return fmt::format("(SELECT v.status FROM v_commitment_status v WHERE v.commitment_id = {})", id_expr);
    }
    // As v_actor_status and v_commitment_status, counting progress dated on or before the day.
    auto latest = [&](const std::string& party) { return actor_status_sql(id_expr, party, "p.date <= :as_of_end"); };
    return fmt::format("(CASE WHEN EXISTS (SELECT 1 FROM record_party rp WHERE rp.record_id = {0} AND rp.role = "
                       "'actors') THEN (SELECT {1} FROM record_party ra WHERE ra.record_id = {0} AND ra.role = "
                       "'actors') ELSE {2} END)",
                       id_expr, status_rule_sql(latest("ra.party_id")), latest("NULL"));
}

std::string acknowledgement_sql(const std::string& alias) {
    return fmt::format("ifnull({}.action IN ('note', 'recall'), 0)", alias);
}

namespace {

// The words --status takes for a kind (none: the kind has no status).
std::vector<std::string_view> status_words(Kind kind) {
    std::vector<std::string_view> words;
    if (kind == Kind::commitment) {
        words.push_back(to_string(Status::unassessed));
    }
    if (kind == Kind::commitment || kind == Kind::progress) {
        words.insert(words.end(), k_progress_statuses.words.begin(), k_progress_statuses.words.end());
    } else if (kind == Kind::program) {
        words = k_program_statuses.words;
    }
    return words;
}

} // namespace

void Filter::check(Store& store, KindSet kinds) const {
    auto must_name = [&](const std::optional<std::string>& id, Kind kind, const char* option) {
        if (id) {
            if (std::string why = why_not_a(store, *id, kind); !why.empty()) {
                throw UsageError(fmt::format("{}: {}", option, why));
            }
        }
    };
    must_name(party, Kind::party, "--party");
    must_name(theme, Kind::theme, "--theme");
    must_name(statement, Kind::statement, "--statement");
    must_name(dialogue, Kind::dialogue, "--dialogue");
    if (series) {
        require_value(store, "SELECT DISTINCT series FROM dialogue WHERE series IS NOT NULL ORDER BY series", *series,
                      "--series", "no dialogue has the series", "accord list dialogue shows each dialogue's series");
    }
    if (status) {
        std::vector<std::string_view> words;
        std::vector<std::string> of;
        for (auto name : k_kind_names) {
            Kind k = *kind_from_string(name);
            auto w = status_words(k);
            if ((kinds & kind_bit(k)) == 0 || w.empty()) {
                continue;
            }
            of.push_back(k == Kind::progress ? "progress events" : std::string(name) + "s");
            for (auto word : w) {
                if (std::find(words.begin(), words.end(), word) == words.end()) {
                    words.push_back(word);
                }
            }
        }
        if (!words.empty() && std::find(words.begin(), words.end(), *status) == words.end()) {
            std::string best = did_you_mean(*status, words);
            std::string list;
            for (auto w : words) {
                list += (list.empty() ? "" : ", ") + std::string(w);
            }
            std::string kinds_text;
            for (std::size_t i = 0; i < of.size(); ++i) {
                kinds_text += (i == 0 ? "" : i + 1 == of.size() ? " or " : ", ") + of[i];
            }
            throw UsageError(fmt::format(
                "--status: '{}' is not a status of {}{}", *status, kinds_text,
                !best.empty() ? fmt::format(" (did you mean '{}'?)", best)
                : *status == "overdue" && (kinds & kind_bit(Kind::commitment))
                    ? fmt::format(" ({}; overdue is not a status: accord report overdue lists overdue commitments)",
                                  list)
                    : fmt::format(" ({})", list)));
        }
    }
}

std::string status_rule_sql(const std::string& column) {
    return fmt::format(
        "CASE WHEN sum({0} = 'withdrawn') = count(*) THEN 'withdrawn' "
        "ELSE CASE min(CASE {0} WHEN 'unassessed' THEN 0 WHEN 'not-started' THEN 1 WHEN 'limited' THEN 2 "
        "WHEN 'substantial' THEN 3 WHEN 'complete' THEN 4 END) "
        "WHEN 0 THEN 'unassessed' WHEN 1 THEN 'not-started' WHEN 2 THEN 'limited' "
        "WHEN 3 THEN 'substantial' ELSE 'complete' END END",
        column);
}

std::string actor_status_sql(const std::string& commitment, const std::string& party,
                             const std::string& day_condition) {
    return fmt::format("ifnull((SELECT p.status FROM progress p WHERE p.commitment_id = {0} AND (p.party_id IS NULL "
                       "OR {1} IS NULL OR p.party_id = {1}) AND ({2}) ORDER BY p.date DESC, p.seq DESC LIMIT 1), "
                       "'unassessed')",
                       commitment, party, day_condition);
}

std::string status_views_sql() {
    return fmt::format(
        "-- Each actor's status: its latest applicable progress event (latest date, then file order).\n"
        "CREATE VIEW v_actor_status AS\n"
        "WITH actor AS (\n"
        "  SELECT c.id AS commitment_id, rp.party_id AS party_id\n"
        "    FROM commitment c JOIN record_party rp ON rp.record_id = c.id AND rp.role = 'actors'\n"
        "  UNION ALL\n"
        "  SELECT c.id, NULL FROM commitment c\n"
        "   WHERE NOT EXISTS (SELECT 1 FROM record_party rp WHERE rp.record_id = c.id AND rp.role = 'actors')\n"
        ")\n"
        "SELECT a.commitment_id, a.party_id, {0} AS status\n"
        "  FROM actor a;\n"
        "\n"
        "-- A commitment's overall status: the lowest among its actors; withdrawn only when all withdrew.\n"
        "CREATE VIEW v_commitment_status AS\n"
        "SELECT s.commitment_id, c.statement_id, {1} AS status\n"
        "  FROM v_actor_status s JOIN commitment c ON c.id = s.commitment_id\n"
        " GROUP BY s.commitment_id;\n",
        actor_status_sql("a.commitment_id", "a.party_id"), status_rule_sql("s.status"));
}

std::string Filter::since_bound() const {
    if (!since) {
        return {};
    }
    // The first day, shortened while it is the first of its period: a date text sorts at or
    // after "2024-11" exactly when its first day is on or after 2024-11-01 ("2024-11" itself
    // included, "2024" not).
    PartialDate d = since->first_day();
    if (d.day() != 1) {
        return d.str();
    }
    return d.month() != 1 ? PartialDate(d.year(), d.month()).str() : PartialDate(d.year()).str();
}

std::string Filter::until_bound() const {
    if (!until) {
        return {};
    }
    // Text comparison: every date whose first day is within the period sorts before the day
    // after its end ("2025-12-31~" is above "2025-12-31" and below "2026").
    return until->last_day().str() + "~";
}

} // namespace accord
