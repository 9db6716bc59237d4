// The field tables of every kind (KindSpec, FieldSpec) and Record's typed values.
#include "accord/model/record.hpp"

#include <fmt/format.h>

#include <cassert>
#include <utility>
#include <stdexcept>

namespace accord {

namespace {

constexpr KindSet k_party = kind_bit(Kind::party);
constexpr KindSet k_theme = kind_bit(Kind::theme);

FieldSpec f(std::string_view name, FieldType type, bool required = false) {
    FieldSpec s;
    s.name = name;
    s.type = type;
    s.required = required;
    return s;
}
FieldSpec vocab(std::string_view name, const Vocabulary& v) {
    FieldSpec s = f(name, FieldType::vocab);
    s.vocab = &v;
    return s;
}
FieldSpec ref(std::string_view name, FieldType type, KindSet kinds, bool required = false) {
    FieldSpec s = f(name, type, required);
    s.ref_kinds = kinds;
    return s;
}
// The link to the enclosing record: implicit when nested, required (or not writable) at top level.
FieldSpec parent(std::string_view name, Kind kind, bool writable = true) {
    FieldSpec s = ref(name, FieldType::ref, kind_bit(kind), writable);
    s.parent_link = true;
    s.writable = writable;
    return s;
}
FieldSpec children(std::string_view name, Kind kind) {
    FieldSpec s = f(name, FieldType::children);
    s.child_kind = kind;
    return s;
}

std::vector<FieldSpec> with_common(std::vector<FieldSpec> fields) {
    fields.push_back(f("source", FieldType::source));
    fields.push_back(f("notes", FieldType::text));
    return fields;
}

std::vector<KindSpec> make_specs() {
    std::vector<KindSpec> specs;
    specs.push_back({Kind::party, "party", "name",
                     with_common({f("id", FieldType::id, true), f("name", FieldType::text, true),
                                  [] {
                                      FieldSpec s = vocab("type", k_party_types);
                                      s.required = true;
                                      return s;
                                  }(),
                                  f("short_name", FieldType::text), ref("member_of", FieldType::ref_list, k_party),
                                  f("country", FieldType::text)})});
    specs.push_back({Kind::forum, "forum", "name",
                     with_common({f("id", FieldType::id, true), f("name", FieldType::text, true),
                                  vocab("type", k_forum_types), ref("parties", FieldType::ref_list, k_party),
                                  f("established", FieldType::date)})});
    specs.push_back({Kind::theme, "theme", "label",
                     with_common({f("id", FieldType::id, true), f("label", FieldType::text, true),
                                  f("description", FieldType::text), f("group", FieldType::text),
                                  f("code", FieldType::text)})});
    specs.push_back(
        {Kind::dialogue, "dialogue", "title",
         with_common({f("id", FieldType::id, true), f("title", FieldType::text, true), f("date", FieldType::date, true),
                      f("series", FieldType::slug), f("number", FieldType::integer), f("end_date", FieldType::date),
                      f("location", FieldType::text), ref("alongside", FieldType::text_or_ref, kind_bit(Kind::forum)),
                      ref("parties", FieldType::ref_list, k_party), ref("chairs", FieldType::ref_list, k_party),
                      children("statements", Kind::statement)})});
    specs.push_back(
        {Kind::statement, "statement", "title",
         with_common({f("id", FieldType::id, true), f("title", FieldType::text, true), f("date", FieldType::date, true),
                      vocab("type", k_statement_types), parent("dialogue", Kind::dialogue, false),
                      ref("adopted_at", FieldType::text_or_ref, kind_bit(Kind::dialogue) | kind_bit(Kind::forum)),
                      ref("parties", FieldType::ref_list, k_party), f("references", FieldType::references),
                      children("commitments", Kind::commitment)})});
    specs.push_back(
        {Kind::commitment, "commitment", "text",
         with_common({f("id", FieldType::id, true), f("text", FieldType::text, true),
                      parent("statement", Kind::statement), f("paragraph", FieldType::paragraph),
                      ref("actors", FieldType::ref_list, k_party), vocab("action", k_actions),
                      ref("themes", FieldType::ref_list, k_theme), f("due", FieldType::date),
                      f("references", FieldType::references), children("progress", Kind::progress)})});
    specs.push_back(
        {Kind::program, "program", "title",
         with_common({f("id", FieldType::id, true), f("title", FieldType::text, true), vocab("type", k_program_types),
                      f("description", FieldType::text), ref("implementers", FieldType::ref_list, k_party),
                      ref("funders", FieldType::ref_list, k_party), ref("beneficiaries", FieldType::ref_list, k_party),
                      ref("themes", FieldType::ref_list, k_theme), f("location", FieldType::text),
                      f("start", FieldType::date), f("end", FieldType::date), vocab("status", k_program_statuses),
                      ref("implements", FieldType::ref_list, kind_bit(Kind::commitment)),
                      f("milestones", FieldType::milestones)})});
    specs.push_back({Kind::progress, "progress", "note",
                     with_common({parent("commitment", Kind::commitment), f("date", FieldType::date, true),
                                  [] {
                                      FieldSpec s = vocab("status", k_progress_statuses);
                                      s.required = true;
                                      return s;
                                  }(),
                                  ref("party", FieldType::ref, k_party), f("assessor", FieldType::text),
                                  f("note", FieldType::text), f("evidence", FieldType::evidence)})});
    return specs;
}

} // namespace

const KindSpec& kind_spec(Kind kind) {
    static const std::vector<KindSpec> specs = make_specs();
    return specs[static_cast<std::size_t>(kind)];
}

const FieldSpec* KindSpec::field(std::string_view name) const {
    int i = index_of(name);
    return i < 0 ? nullptr : &fields[static_cast<std::size_t>(i)];
}

int KindSpec::index_of(std::string_view name) const {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (fields[i].name == name) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

std::vector<std::string_view> KindSpec::field_names() const {
    std::vector<std::string_view> names;
    for (const auto& fs : fields) {
        names.push_back(fs.name);
    }
    return names;
}

Record::Record(Kind k) : kind(k), values(kind_spec(k).fields.size()) {}

const FieldValue& Record::get(std::string_view field) const {
    int i = spec().index_of(field);
    if (i < 0) {
        throw std::logic_error(fmt::format("{} has no field {}", to_string(kind), field));
    }
    return values[static_cast<std::size_t>(i)];
}

FieldValue& Record::at(std::string_view field) { return const_cast<FieldValue&>(std::as_const(*this).get(field)); }

bool Record::has(std::string_view field) const {
    int i = spec().index_of(field);
    return i >= 0 && !std::holds_alternative<std::monostate>(values[static_cast<std::size_t>(i)]);
}

std::string Record::text(std::string_view field) const {
    int i = spec().index_of(field);
    if (i < 0) {
        return {};
    }
    const FieldValue& v = values[static_cast<std::size_t>(i)];
    if (auto s = std::get_if<std::string>(&v)) {
        return *s;
    }
    if (auto d = std::get_if<PartialDate>(&v)) {
        return d->str();
    }
    if (auto n = std::get_if<std::int64_t>(&v)) {
        return std::to_string(*n);
    }
    return {};
}

std::string scalar_text(const Scalar& s) {
    if (auto n = std::get_if<std::int64_t>(&s)) {
        return std::to_string(*n);
    }
    return std::get<std::string>(s);
}

namespace {

void put(std::string& out, std::string_view s) {
    out += std::to_string(s.size());
    out += ':';
    out += s;
}

void put_scalar(std::string& out, const Scalar& s) {
    if (auto n = std::get_if<std::int64_t>(&s)) {
        out += 'i';
        put(out, std::to_string(*n));
    } else {
        out += 's';
        put(out, std::get<std::string>(s));
    }
}

void put_source(std::string& out, const Source& x);

template <class T> void put_opt(std::string& out, const std::optional<T>& v) {
    if (!v) {
        out += '-';
        return;
    }
    if constexpr (std::is_same_v<T, PartialDate>) {
        put(out, v->str());
    } else if constexpr (std::is_same_v<T, Scalar>) {
        put_scalar(out, *v);
    } else if constexpr (std::is_same_v<T, Source>) {
        put_source(out, *v);
    } else {
        put(out, *v);
    }
}

void put_source(std::string& out, const Source& x) {
    out += 'S';
    put_opt(out, x.title);
    put_opt(out, x.publisher);
    put_opt(out, x.url);
    put_opt(out, x.published);
    put_opt(out, x.paragraph);
}

} // namespace

std::string Record::canonical() const {
    std::string out;
    for (const auto& v : values) {
        std::visit(
            [&out](const auto& x) {
                using T = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<T, std::monostate>) {
                    out += '-';
                } else if constexpr (std::is_same_v<T, std::string>) {
                    out += 's';
                    put(out, x);
                } else if constexpr (std::is_same_v<T, std::int64_t>) {
                    out += 'i';
                    put(out, std::to_string(x));
                } else if constexpr (std::is_same_v<T, PartialDate>) {
                    out += 'd';
                    put(out, x.str());
                } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
                    if (x.empty()) {
                        out += '-'; // an empty list is no list: the database cannot tell them apart
                        return;
                    }
                    out += 'l';
                    out += std::to_string(x.size());
                    for (const auto& s : x) {
                        put(out, s);
                    }
                } else if constexpr (std::is_same_v<T, std::vector<Reference>>) {
                    if (x.empty()) {
                        out += '-';
                        return;
                    }
                    out += 'r';
                    out += std::to_string(x.size());
                    for (const auto& r : x) {
                        put(out, r.relation);
                        put(out, r.target);
                    }
                } else if constexpr (std::is_same_v<T, std::vector<Milestone>>) {
                    if (x.empty()) {
                        out += '-';
                        return;
                    }
                    out += 'm';
                    out += std::to_string(x.size());
                    for (const auto& m : x) {
                        put(out, m.date.str());
                        put(out, m.text);
                        put_opt(out, m.source);
                    }
                } else {
                    put_source(out, *x);
                }
            },
            v);
        out += '|';
    }
    return out;
}

} // namespace accord
