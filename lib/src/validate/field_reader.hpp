#pragma once
// FieldReader: one field's YAML value checked and converted (text, id, date, vocabulary, references, source), with its message.
#include "accord/model/id.hpp"
#include "accord/validate/records.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace accord::validate_detail {

using yaml::Node;
using yaml::NodeType;
using yaml::ScalarType;

inline std::string join(const std::vector<std::string_view>& words) {
    std::string out;
    for (auto w : words) {
        if (!out.empty()) {
            out += ", ";
        }
        out += w;
    }
    return out;
}

// "a party type", "an action".
inline std::string with_article(std::string_view noun) {
    bool vowel = !noun.empty() && std::string_view("aeiou").find(noun[0]) != std::string_view::npos;
    return fmt::format("{} {}", vowel ? "an" : "a", noun);
}

// Text from the input as shown in a message: at most 100 bytes (cut on a UTF-8 boundary), then "...".
inline std::string clip(std::string_view text) {
    if (text.size() <= 100) {
        return std::string(text);
    }
    std::size_t end = 100;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
        --end;
    }
    return std::string(text.substr(0, end)) + "...";
}

inline std::string hint(std::string_view word, const std::vector<std::string_view>& candidates) {
    std::string best = did_you_mean(word, candidates);
    return best.empty() ? std::string() : fmt::format(" (did you mean '{}'?)", best);
}

// The reader of one document's records (records.cpp) builds on this: the messages it gives
// name the record and field in hand (m_subject, m_record).
class FieldReader {
public:
    FieldReader(const Origin& origin, RecordSink& sink, Diagnostics& diags)
        : m_origin(origin), m_sink(sink), m_diags(diags) {}

protected:
    const Origin& m_origin;
    RecordSink& m_sink;
    Diagnostics& m_diags;
    std::string m_subject; // who messages are about: "record ID", "progress of ID", "a record" ...
    std::string m_record;  // the id the subject names, or empty ("a record", "a statement in Y")
    bool m_ok = true;

    // Messages name prefix + name; the record they are about is name when it is an id.
    void name_subject(std::string_view prefix, const std::string& name) {
        m_subject.assign(prefix).append(name);
        m_record = is_valid_id(name) ? name : std::string();
    }
    // Messages name a record without an id.
    void name_subject(std::string text) {
        m_subject = std::move(text);
        m_record.clear();
    }

    void error(const yaml::Mark& mark, std::string_view field, const std::string& message) {
        m_ok = false;
        std::string text = field.empty() ? fmt::format("{}: {}", m_subject, message)
                                         : fmt::format("{}, field {}: {}", m_subject, clip(field), message);
        m_diags.add({m_origin.file, mark.line, mark.column, std::move(text), m_origin.index, m_record,
                     clip(field)});
    }

    std::optional<std::string> text(const Node& n, std::string_view field, std::string_view what = "text") {
        if (n.type == NodeType::scalar && n.scalar_type() == ScalarType::string) {
            return n.value;
        }
        if (n.type == NodeType::scalar && n.scalar_type() != ScalarType::null) {
            error(n.mark, field, fmt::format("expected {}, found {}; put it in quotes to make it text", what, n.describe()));
        } else {
            error(n.mark, field, fmt::format("expected {}, found {}", what, n.describe()));
        }
        return std::nullopt;
    }

    std::optional<std::string> id_text(const Node& n, std::string_view field) {
        auto t = text(n, field, "an id");
        if (!t) {
            return std::nullopt;
        }
        if (!is_valid_id(*t)) {
            error(n.mark, field,
                  fmt::format("'{}' is not a valid id (lowercase letters, digits, '.', '_' and '-', starting with a "
                              "letter or digit, at most 96 characters)",
                              clip(*t)));
            return std::nullopt;
        }
        return t;
    }

    std::optional<PartialDate> date(const Node& n, std::string_view field) {
        if (n.type == NodeType::scalar && n.scalar_type() == ScalarType::integer && n.value.size() == 4) {
            if (auto d = PartialDate::parse(n.value)) {
                return d;
            }
        }
        if (n.type == NodeType::scalar && (n.scalar_type() == ScalarType::integer || n.scalar_type() == ScalarType::number)) {
            error(n.mark, field,
                  fmt::format("expected a date (YYYY, YYYY-MM or YYYY-MM-DD), found {}; a year has four digits "
                              "(1000..9999)",
                              n.describe()));
            return std::nullopt;
        }
        auto t = text(n, field, "a date (YYYY, YYYY-MM or YYYY-MM-DD)");
        if (!t) {
            return std::nullopt;
        }
        if (auto d = PartialDate::parse(*t)) {
            return d;
        }
        error(n.mark, field, PartialDate::explain_invalid(*t));
        return std::nullopt;
    }

    std::optional<std::int64_t> integer(const Node& n, std::string_view field) {
        if (n.type == NodeType::scalar && n.scalar_type() == ScalarType::integer) {
            std::int64_t v = 0;
            const char* b = n.value.data();
            const char* e = b + n.value.size();
            if (*b == '+') {
                ++b;
            }
            auto r = std::from_chars(b, e, v);
            if (r.ec == std::errc() && r.ptr == e && v >= 1) {
                return v;
            }
            error(n.mark, field, fmt::format("expected a whole number from 1 up, found {}", n.value));
            return std::nullopt;
        }
        error(n.mark, field, fmt::format("expected a whole number, found {}", n.describe()));
        return std::nullopt;
    }

    std::optional<Scalar> paragraph(const Node& n, std::string_view field) {
        if (n.type == NodeType::scalar && n.scalar_type() == ScalarType::integer) {
            if (auto v = integer(n, field)) {
                return Scalar(*v);
            }
            return std::nullopt;
        }
        auto t = text(n, field, "a paragraph number or label");
        if (!t) {
            return std::nullopt;
        }
        if (t->empty()) {
            error(n.mark, field, "a paragraph label may not be empty");
            return std::nullopt;
        }
        return Scalar(*t);
    }

    std::optional<std::string> vocab(const Node& n, const FieldSpec& fs) {
        auto t = text(n, fs.name);
        if (!t) {
            return std::nullopt;
        }
        if (!fs.vocab->contains(*t)) {
            error(n.mark, fs.name,
                  fmt::format("'{}' is not {}{}; one of: {}", clip(*t), with_article(fs.vocab->name),
                              hint(*t, fs.vocab->words),
                              join(fs.vocab->words)));
            return std::nullopt;
        }
        return t;
    }

    void refer(const Node& n, std::string_view field, const std::string& target, KindSet kinds, bool may_be_text) {
        m_sink.refer({m_subject, m_record, std::string(field), target, kinds, may_be_text, m_origin, n.mark});
    }

    std::optional<std::vector<std::string>> ref_list(const Node& n, const FieldSpec& fs) {
        if (n.type != NodeType::sequence) {
            error(n.mark, fs.name, fmt::format("expected a list of ids, found {}", n.describe()));
            return std::nullopt;
        }
        std::vector<std::string> ids;
        ids.reserve(n.items.size());
        bool ok = true;
        for (const auto& item : n.items) {
            auto id = id_text(item, fs.name);
            if (!id) {
                ok = false;
                continue;
            }
            if (std::find(ids.begin(), ids.end(), *id) != ids.end()) {
                error(item.mark, fs.name, fmt::format("'{}' is listed twice", *id));
                ok = false;
                continue;
            }
            refer(item, fs.name, *id, fs.ref_kinds, false);
            ids.push_back(std::move(*id));
        }
        if (!ok) {
            return std::nullopt;
        }
        return ids;
    }

    // Checks that a mapping has only the given keys; returns the value node of each known key.
    std::vector<const Node*> sub_mapping(const Node& n, std::string_view field, const std::vector<std::string_view>& keys) {
        std::vector<const Node*> found(keys.size(), nullptr);
        for (std::size_t i = 0; i < n.map_size(); ++i) {
            const Node& k = n.key(i);
            std::string name = k.type == NodeType::scalar ? k.value : std::string("?");
            auto it = std::find(keys.begin(), keys.end(), name);
            if (it == keys.end()) {
                error(k.mark, field,
                      fmt::format("unknown key '{}'{}; allowed: {}", clip(name), hint(name, keys), join(keys)));
                continue;
            }
            auto idx = static_cast<std::size_t>(it - keys.begin());
            if (found[idx]) {
                error(k.mark, field, fmt::format("key '{}' given twice", clip(name)));
                continue;
            }
            found[idx] = &n.val(i);
        }
        return found;
    }

    std::optional<std::vector<Reference>> references(const Node& n, const FieldSpec& fs) {
        if (n.type != NodeType::sequence) {
            error(n.mark, fs.name, fmt::format("expected a list of {{relation, target}}, found {}", n.describe()));
            return std::nullopt;
        }
        std::vector<Reference> refs;
        bool ok = true;
        for (const auto& item : n.items) {
            if (item.type != NodeType::map) {
                error(item.mark, fs.name, fmt::format("expected {{relation, target}}, found {}", item.describe()));
                ok = false;
                continue;
            }
            auto found = sub_mapping(item, fs.name, {"relation", "target"});
            if (!found[0] || !found[1]) {
                error(item.mark, fs.name, fmt::format("a reference needs both relation and target"));
                ok = false;
                continue;
            }
            auto rel = text(*found[0], fs.name);
            if (rel && !k_relations.contains(*rel)) {
                error(found[0]->mark, fs.name,
                      fmt::format("'{}' is not a relation{}; one of: {}", clip(*rel), hint(*rel, k_relations.words),
                                  join(k_relations.words)));
                rel.reset();
            }
            auto target = id_text(*found[1], fs.name);
            if (!rel || !target) {
                ok = false;
                continue;
            }
            refer(*found[1], fs.name, *target, k_any_kind, false);
            refs.push_back({std::move(*rel), std::move(*target)});
        }
        if (!ok) {
            return std::nullopt;
        }
        return refs;
    }

    // A source mapping, the value of field `field` ("source", or "milestones.source").
    std::optional<Source> source(const Node& n, std::string_view field) {
        if (n.type != NodeType::map) {
            error(n.mark, field, fmt::format("expected a mapping of title, publisher, url, published, paragraph; found {}",
                                             n.describe()));
            return std::nullopt;
        }
        auto found = sub_mapping(n, field, {"title", "publisher", "url", "published", "paragraph"});
        Source s;
        bool was_ok = m_ok;
        m_ok = true;
        std::string sub = std::string(field);
        if (found[0]) {
            s.title = text(*found[0], sub + ".title");
        }
        if (found[1]) {
            s.publisher = text(*found[1], sub + ".publisher");
        }
        if (found[2]) {
            s.url = text(*found[2], sub + ".url");
            if (s.url && !is_url(*s.url)) {
                error(found[2]->mark, sub + ".url",
                      fmt::format("'{}' is not an http:// or https:// address", clip(*s.url)));
            }
        }
        if (found[3]) {
            s.published = date(*found[3], sub + ".published");
        }
        if (found[4]) {
            s.paragraph = paragraph(*found[4], sub + ".paragraph");
        }
        if (m_ok && s.empty()) {
            error(n.mark, field, "source is empty; give at least a title or url");
        }
        bool ok = m_ok;
        m_ok = was_ok && ok;
        if (!ok) {
            return std::nullopt;
        }
        return s;
    }

    // A program's milestones: [{date, text, source}], date and text required.
    std::optional<std::vector<Milestone>> milestones(const Node& n, const FieldSpec& fs) {
        if (n.type != NodeType::sequence) {
            error(n.mark, fs.name, fmt::format("expected a list of {{date, text, source}}, found {}", n.describe()));
            return std::nullopt;
        }
        std::vector<Milestone> out;
        bool was_ok = m_ok;
        m_ok = true;
        const std::string name(fs.name);
        for (const auto& item : n.items) {
            if (item.type != NodeType::map) {
                error(item.mark, fs.name, fmt::format("expected {{date, text, source}}, found {}", item.describe()));
                continue;
            }
            const std::vector<std::string_view> keys = {"date", "text", "source"};
            auto found = sub_mapping(item, fs.name, keys);
            // A key the did-you-mean of sub_mapping named ("dat": date) is not reported missing again.
            bool hinted[2] = {false, false};
            for (std::size_t i = 0; i < item.map_size(); ++i) {
                const Node& k = item.key(i);
                if (k.type == NodeType::scalar && std::find(keys.begin(), keys.end(), k.value) == keys.end()) {
                    std::string best = did_you_mean(k.value, keys);
                    hinted[0] = hinted[0] || best == keys[0];
                    hinted[1] = hinted[1] || best == keys[1];
                }
            }
            if ((!found[0] && !hinted[0]) || (!found[1] && !hinted[1])) {
                error(item.mark, fs.name,
                      fmt::format("a milestone needs a date and a text (missing {})",
                                  !found[0] && !found[1] ? "both" : (!found[0] ? "date" : "text")));
            } else if (!found[0] || !found[1]) {
                m_ok = false; // reported as an unknown key
            }
            Milestone m;
            std::optional<PartialDate> d;
            std::optional<std::string> t;
            if (found[0]) {
                d = date(*found[0], name + ".date");
            }
            if (found[1]) {
                t = text(*found[1], name + ".text");
                if (t && t->empty()) {
                    error(found[1]->mark, name + ".text", "a milestone's text may not be empty");
                }
            }
            if (found[2]) {
                m.source = source(*found[2], name + ".source");
            }
            if (d && t) {
                m.date = *d;
                m.text = *t;
                out.push_back(std::move(m));
            }
        }
        bool ok = m_ok;
        m_ok = was_ok && ok;
        if (!ok) {
            return std::nullopt;
        }
        return out;
    }

    // Converts one field's value; false when it had an error.
    void read_field(const Node& n, const FieldSpec& fs, Record& rec) {
        FieldValue& slot = rec.values[static_cast<std::size_t>(rec.spec().index_of(fs.name))];
        switch (fs.type) {
        case FieldType::id:
        case FieldType::slug:
            if (auto v = id_text(n, fs.name)) {
                slot = std::move(*v);
            }
            break;
        case FieldType::text:
            if (auto v = text(n, fs.name)) {
                slot = std::move(*v);
            }
            break;
        case FieldType::date:
            if (auto v = date(n, fs.name)) {
                slot = std::move(*v);
            }
            break;
        case FieldType::integer:
            if (auto v = integer(n, fs.name)) {
                slot = std::move(*v);
            }
            break;
        case FieldType::paragraph:
            if (auto v = paragraph(n, fs.name)) {
                if (auto i = std::get_if<std::int64_t>(&*v)) {
                    slot = *i;
                } else {
                    slot = std::move(std::get<std::string>(*v));
                }
            }
            break;
        case FieldType::vocab:
            if (auto v = vocab(n, fs)) {
                slot = std::move(*v);
            }
            break;
        case FieldType::ref:
            if (auto v = id_text(n, fs.name)) {
                refer(n, fs.name, *v, fs.ref_kinds, false);
                slot = std::move(*v);
            }
            break;
        case FieldType::ref_list:
            if (auto v = ref_list(n, fs)) {
                slot = std::move(*v);
            }
            break;
        case FieldType::text_or_ref:
            if (auto v = text(n, fs.name)) {
                if (is_valid_id(*v)) {
                    refer(n, fs.name, *v, fs.ref_kinds, true);
                }
                slot = std::move(*v);
            }
            break;
        case FieldType::evidence:
            if (auto v = text(n, fs.name, "a record id or an http(s) URL")) {
                if (!is_url(*v)) {
                    if (!is_valid_id(*v)) {
                        error(n.mark, fs.name, fmt::format("'{}' is neither a record id nor an http(s) URL", clip(*v)));
                        break;
                    }
                    refer(n, fs.name, *v, k_any_kind, false);
                }
                slot = std::move(*v);
            }
            break;
        case FieldType::references:
            if (auto v = references(n, fs)) {
                slot = std::move(*v);
            }
            break;
        case FieldType::source:
            if (auto v = source(n, fs.name)) {
                slot = std::move(*v);
            }
            break;
        case FieldType::milestones:
            if (auto v = milestones(n, fs)) {
                slot = std::move(*v);
            }
            break;
        case FieldType::children:
            break; // read after the record itself
        }
    }

};

} // namespace accord::validate_detail
