#pragma once
// Typed records. Each kind's fields are described once, in a table (KindSpec), that the
// YAML reader, the validator, the store and the YAML writer all read; a Record holds one
// typed value per field of its kind.
#include "accord/model/date.hpp"
#include "accord/model/vocab.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace accord {

enum class FieldType {
    id,          // the record's own id
    text,        // free text
    slug,        // text in the form of an id, naming no record (a dialogue series)
    date,        // PartialDate
    integer,     // integer >= 1
    paragraph,   // integer >= 1 or text
    vocab,       // one word of a Vocabulary
    ref,         // one id of a record of ref_kinds
    ref_list,    // ids of records of ref_kinds
    text_or_ref, // an id of a record of ref_kinds, or free text
    evidence,    // an id of any record, or an http(s) URL
    references,  // [{relation, target}]
    source,      // {title, publisher, url, published, paragraph}
    milestones,  // [{date, text, source}]: what a program did and when
    children,    // nested records of child_kind
};

struct FieldSpec {
    std::string_view name;
    FieldType type = FieldType::text;
    bool required = false;
    const Vocabulary* vocab = nullptr; // for vocab
    KindSet ref_kinds = 0;             // for ref, ref_list, text_or_ref
    Kind child_kind = Kind::party;     // for children
    bool parent_link = false;          // a ref filled in implicitly when the record is nested
    bool writable = true;              // false: only ever implicit (a statement's dialogue)
};

struct KindSpec {
    Kind kind;
    std::string_view table;      // SQL table
    std::string_view title_field; // the field that names the record (name, title, label, text)
    std::vector<FieldSpec> fields;

    const FieldSpec* field(std::string_view name) const;
    int index_of(std::string_view name) const; // -1 when absent
    std::vector<std::string_view> field_names() const;
};

// Whether a field is a column of its kind's own table (the others are lists kept in link
// tables, and nested records in theirs).
inline bool in_kind_table(const FieldSpec& fs) {
    return fs.type != FieldType::children && fs.type != FieldType::ref_list && fs.type != FieldType::references &&
           fs.type != FieldType::milestones;
}

const KindSpec& kind_spec(Kind kind);

struct Reference {
    std::string relation;
    std::string target;
    friend bool operator==(const Reference& a, const Reference& b) {
        return a.relation == b.relation && a.target == b.target;
    }
};

// A paragraph number or label; also the value of a plain integer field.
using Scalar = std::variant<std::int64_t, std::string>;

struct Source {
    std::optional<std::string> title;
    std::optional<std::string> publisher;
    std::optional<std::string> url;
    std::optional<PartialDate> published;
    std::optional<Scalar> paragraph;
    bool empty() const { return !title && !publisher && !url && !published && !paragraph; }
};

// One dated step of a program (docs/format.md, "Programs").
struct Milestone {
    PartialDate date;
    std::string text;
    std::optional<Source> source;
};

// A record's source, held apart so that every field value stays small: a Source is 184 bytes,
// the other alternatives of FieldValue 40 at most, and a record holds one value per field of
// its kind, most of them absent (docs/performance.md, "A smaller Record"). Copies are deep;
// it converts from a Source, and reads as one.
class SourceBox {
public:
    SourceBox(Source s) : m_source(std::make_unique<Source>(std::move(s))) {} // NOLINT: implicit on purpose
    SourceBox(const SourceBox& other) : m_source(copy(other)) {}
    SourceBox(SourceBox&&) noexcept = default;
    SourceBox& operator=(const SourceBox& other) {
        m_source = copy(other);
        return *this;
    }
    SourceBox& operator=(SourceBox&&) noexcept = default;
    ~SourceBox() = default;
    const Source& operator*() const { return *m_source; }
    const Source* operator->() const { return m_source.get(); }

private:
    static std::unique_ptr<Source> copy(const SourceBox& other) {
        return other.m_source ? std::make_unique<Source>(*other.m_source) : nullptr;
    }
    std::unique_ptr<Source> m_source; // never null, but after a move
};

// The value of one field. monostate: absent.
using FieldValue = std::variant<std::monostate, std::string, std::int64_t, PartialDate, std::vector<std::string>,
                                std::vector<Reference>, SourceBox, std::vector<Milestone>>;

struct Record {
    Kind kind = Kind::party;
    std::vector<FieldValue> values; // indexed like kind_spec(kind).fields

    explicit Record(Kind k);
    const KindSpec& spec() const { return kind_spec(kind); }
    const FieldValue& get(std::string_view field) const;
    FieldValue& at(std::string_view field);
    bool has(std::string_view field) const;
    // Shortcuts for text-like fields; empty when absent.
    std::string text(std::string_view field) const;
    std::string id() const { return text("id"); }
    // A canonical serialisation of every value, for change detection. An empty list reads as an
    // absent one (the database keeps no row for either; docs/format.md, "Lists").
    std::string canonical() const;
};

// The text of a Scalar (paragraph).
std::string scalar_text(const Scalar& s);

} // namespace accord
