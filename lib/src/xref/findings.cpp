// xref check's findings: their codes, their places in the input files, counted, and written as text or JSON.
#include "accord/xref/check.hpp"

#include "accord/store/query.hpp"
#include "accord/text/strings.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

namespace accord::xref {

std::string_view to_string(FindingCode code) {
    switch (code) {
    case FindingCode::unresolved:
        return "unresolved";
    case FindingCode::wrong_kind:
        return "wrong-kind";
    case FindingCode::cycle:
        return "cycle";
    case FindingCode::fulfils_target:
        return "fulfils-target";
    case FindingCode::orphan:
        return "orphan";
    case FindingCode::no_actor:
        return "no-actor";
    case FindingCode::no_due:
        return "no-due";
    case FindingCode::no_verb:
        return "no-verb";
    case FindingCode::no_evidence:
        return "no-evidence";
    }
    return "?";
}

void place_findings(std::vector<Finding>& findings, const Places& places) {
    for (auto& f : findings) {
        std::optional<Place> p;
        if (!f.field.empty()) {
            p = places.of_reference(f.record, f.field, f.target);
        }
        if (!p && f.event) {
            p = places.of_progress(f.record, f.event_date, f.event_party);
        }
        if (!p) {
            p = places.of_record(f.record);
        }
        f.place = p;
    }
}

void place_findings(std::vector<Finding>& findings, Store& store) {
    PlaceFinder finder(store);
    for (auto& f : findings) {
        std::optional<StoredPlace> p;
        if (f.event) {
            p = finder.progress(f.record, f.event_date, f.event_party);
        }
        if (!p) {
            p = finder.record(f.record);
        }
        if (p) {
            f.place = Place{p->file, p->line, p->column};
        }
    }
}

FindingCounts count_findings(const std::vector<Finding>& findings) {
    FindingCounts c;
    for (const auto& f : findings) {
        ++(f.severity == Severity::error ? c.errors : c.warnings);
    }
    return c;
}

void write_findings_text(std::ostream& out, const std::vector<Finding>& findings) {
    for (const auto& f : findings) {
        if (f.place) {
            fmt::print(out, "{}:{}:{}: ", f.place->file, f.place->line, f.place->column);
        }
        fmt::print(out, "{}: {}\n", f.severity == Severity::error ? "error" : "warning", f.message);
    }
}

void write_findings_json(std::ostream& out, const std::vector<Finding>& findings) {
    FindingCounts c = count_findings(findings);
    fmt::print(out, "{{\"ok\": {}, \"errors\": {}, \"warnings\": {}, \"findings\": [", c.errors == 0 ? "true" : "false",
               c.errors, c.warnings);
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const Finding& f = findings[i];
        fmt::print(out, "{}\n  {{\"severity\": \"{}\", \"code\": \"{}\", \"record\": {}, \"message\": {}", i ? "," : "",
                   f.severity == Severity::error ? "error" : "warning", to_string(f.code), text::json_quote(f.record),
                   text::json_quote(f.message));
        if (f.code == FindingCode::cycle) {
            out << ", \"members\": [";
            for (std::size_t m = 0; m < f.members.size(); ++m) {
                out << (m ? ", " : "") << text::json_quote(f.members[m]);
            }
            out << "]";
        }
        if (f.place) {
            fmt::print(out, ", \"file\": {}, \"line\": {}, \"column\": {}", text::json_quote(f.place->file), f.place->line,
                       f.place->column);
        } else {
            out << ", \"file\": null, \"line\": null, \"column\": null";
        }
        out << "}";
    }
    out << (findings.empty() ? "]}\n" : "\n]}\n");
}

} // namespace accord::xref
