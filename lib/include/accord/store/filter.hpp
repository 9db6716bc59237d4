#pragma once
// The shared filters of docs/commands.md, implemented once: each becomes a condition
// on a kind's rows with bound parameters (never SQL assembled from values).
#include "accord/model/date.hpp"
#include "accord/model/vocab.hpp"
#include "accord/store/store.hpp"

#include <SQLiteCpp/Statement.h>

#include <optional>
#include <string>

namespace accord {

struct Filter {
    std::optional<std::string> party;     // members roll up into their organisations
    std::optional<std::string> theme;
    std::optional<std::string> status;
    std::optional<std::string> statement;
    std::optional<std::string> dialogue;
    std::optional<std::string> series;
    std::optional<PartialDate> since;     // on or after the first day
    std::optional<PartialDate> until;     // on or before the last day
    // The records as they stood on the last day of this date's period: records dated after
    // it are left out (records without a date stay), and a commitment's status, for --status
    // and wherever commitment_status_sql() is used, counts only progress events dated on or
    // before it. Bound as :as_of_end (as_of_bound()).
    std::optional<PartialDate> as_of;
    // Count undertakings only (docs/reports.md, "Undertakings and acknowledgements"): where()
    // leaves out the commitments that are acknowledgements (action note or recall). The
    // reports set it unless --include-noted is given; list, show, export and search keep
    // every commitment.
    bool undertakings_only = false;

    // Filters are strict (docs/commands.md): throws UsageError, with a "did you mean" hint,
    // when --party, --theme, --statement or --dialogue names no record of that kind, when
    // --series names a series no dialogue has, or when --status is a word that none of
    // `kinds` (those the command filters) has as a status.
    void check(Store& store, KindSet kinds) const;

    // SQL condition on alias `t` of the kind's table ("1" when no filter is set).
    // Throws UsageError for a filter that does not apply to the kind.
    std::string where(Kind kind) const;
    // Binds the named parameters that where() used.
    void bind(SQLite::Statement& q) const;

    // Bounds for ISO date text in SQL, where a partial date counts at its first day (docs/format.md):
    // `date >= since_bound()` and `date <= until_bound()` (both set only when since/until are).
    // A since of 2024-11 gives "2024-11", so the partial "2024-11" passes and "2024-10-31"
    // does not; the comparisons stay plain so an index on the date column can serve them.
    std::string since_bound() const;
    std::string until_bound() const;
    std::string as_of_bound() const; // as until_bound(), for as_of

    // SQL: the overall status of the commitment whose id is id_expr (docs/format.md: the lowest among
    // its actors, withdrawn only when all withdrew): today's, from v_commitment_status, or the
    // one on the as-of day when as_of is set (then bind() binds :as_of_end).
    std::string commitment_status_sql(const std::string& id_expr) const;
};

// SQL: whether the commitment row of alias is an acknowledgement (its action is note or
// recall; a commitment without an action is an undertaking).
std::string acknowledgement_sql(const std::string& alias);

// The status rules of docs/format.md, stated once: the views v_actor_status and
// v_commitment_status (status_views_sql), Filter's as-of status and the reports' as-of SQL
// (report/as_of.hpp) are all built from these two.
//
// SQL aggregate over a column of actor statuses: the overall status (lowest; withdrawn only
// when all withdrew).
std::string status_rule_sql(const std::string& column);
// SQL: an actor's status: that of its latest applicable progress event p (latest date, then
// file order; an event without a party applies to every actor, and an actor of NULL, for a
// commitment without actors, takes every event), 'unassessed' without one. commitment and party
// are SQL expressions; day_condition a literal condition on p ("p.date <= :as_of"), "1" for none.
std::string actor_status_sql(const std::string& commitment, const std::string& party,
                             const std::string& day_condition = "1");
// The CREATE VIEW statements of v_actor_status and v_commitment_status (schema.sql.inc puts
// them in its place).
std::string status_views_sql();

} // namespace accord
