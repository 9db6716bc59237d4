// read_document(): one YAML document's records, nested children and progress checked field by field and handed to the sink.
#include "accord/validate/records.hpp"

#include "field_reader.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace accord {

namespace {

using namespace validate_detail;

class DocReader : public FieldReader {
public:
    using FieldReader::FieldReader;

    void read_top(const Node& node) {
        if (node.type == NodeType::sequence) {
            for (const auto& item : node.items) {
                read_record(item, std::nullopt, "", "");
            }
        } else {
            read_record(node, std::nullopt, "", "");
        }
    }

private:
    // A hint for a missing field that a quoted value swallowed: a quote not closed runs on over
    // the lines after it ("name: \"United States" then "type: state" reads as one text).
    static std::string swallowed(const Node& record, std::string_view field) {
        std::string look = std::string(field) + ": ";
        for (std::size_t i = 0; i < record.map_size(); ++i) {
            const Node& v = record.val(i);
            if (v.type == NodeType::scalar && !v.plain && v.value.find(look) != std::string::npos &&
                record.key(i).type == NodeType::scalar) {
                return fmt::format(" (the quoted value of {} at line {} holds '{}': is its closing quote missing?)",
                                   clip(record.key(i).value), v.mark.line, look.substr(0, look.size() - 1));
            }
        }
        return {};
    }

    void read_record(const Node& node, std::optional<Kind> nested, std::string_view parent_field,
                     const std::string& parent_id) {
        m_ok = true;
        // Name the record by its id in every message, even those about its keys; without one,
        // by its place (the text is made only then: most records have an id).
        const std::string* named = nullptr;
        for (std::size_t i = 0; node.type == NodeType::map && i < node.map_size(); ++i) {
            const Node& k = node.key(i);
            const Node& v = node.val(i);
            if (k.type == NodeType::scalar && k.value == "id" && v.type == NodeType::scalar &&
                v.scalar_type() == ScalarType::string && is_valid_id(v.value)) {
                named = &v.value;
                break;
            }
        }
        if (named) {
            name_subject("record ", *named);
        } else if (nested && *nested == Kind::progress) {
            name_subject("progress of ", parent_id.empty() ? "?" : parent_id);
        } else {
            name_subject(!nested ? std::string("a record")
                                 : fmt::format("a {} in {}", to_string(*nested), parent_id.empty() ? "?" : parent_id));
        }
        if (node.type != NodeType::map) {
            error(node.mark, "",
                  fmt::format("expected a record (a mapping of fields{}), found {}", nested ? "" : " with kind:",
                              node.describe()));
            return;
        }
        // Keys: scalars, each once.
        std::vector<std::string_view> keys; // views of the key nodes' text
        keys.reserve(node.map_size());
        for (std::size_t i = 0; i < node.map_size(); ++i) {
            const Node& k = node.key(i);
            if (k.type != NodeType::scalar) {
                error(k.mark, "", fmt::format("a field name must be plain text, found {}", k.describe()));
                keys.emplace_back();
                continue;
            }
            auto dup = std::find(keys.begin(), keys.end(), k.value);
            if (dup != keys.end()) {
                const Node& first = node.key(static_cast<std::size_t>(dup - keys.begin()));
                error(k.mark, k.value, fmt::format("given twice (first at {}:{})", first.mark.line, first.mark.column));
                keys.emplace_back();
                continue;
            }
            keys.push_back(k.value);
        }
        auto value_of = [&](std::string_view name) -> const Node* {
            auto it = std::find(keys.begin(), keys.end(), name);
            return it == keys.end() ? nullptr : &node.val(static_cast<std::size_t>(it - keys.begin()));
        };

        Kind kind;
        if (nested) {
            kind = *nested;
        } else {
            const Node* k = value_of("kind");
            if (!k) {
                error(node.mark, "", fmt::format("no kind: field; one of: {}",
                                                 join({k_kind_names.begin(), k_kind_names.end()})));
                return;
            }
            if (k->type != NodeType::scalar || k->scalar_type() != ScalarType::string) {
                error(k->mark, "kind", fmt::format("expected a kind, found {}", k->describe()));
                return;
            }
            auto parsed = kind_from_string(k->value);
            if (!parsed) {
                std::vector<std::string_view> names(k_kind_names.begin(), k_kind_names.end());
                error(k->mark, "kind",
                      fmt::format("unknown kind '{}'{}; one of: {}", clip(k->value), hint(k->value, names), join(names)));
                return;
            }
            kind = *parsed;
        }
        const KindSpec& spec = kind_spec(kind);
        Record rec(kind);

        // The subject of messages: the record's id when it has a usable one.
        std::string id;
        if (const Node* idn = value_of("id"); idn && spec.field("id") && idn->type == NodeType::scalar &&
                                              idn->scalar_type() == ScalarType::string && is_valid_id(idn->value)) {
            id = idn->value;
            name_subject("record ", id);
        } else if (kind == Kind::progress) {
            std::string owner = parent_id;
            if (const Node* c = value_of("commitment"); c && c->type == NodeType::scalar) {
                owner = c->value;
            }
            if (owner.empty()) {
                name_subject("a progress event");
            } else {
                name_subject("progress of ", clip(owner));
            }
        } else {
            name_subject(fmt::format("a {}{}", to_string(kind),
                                     parent_id.empty() ? std::string() : fmt::format(" in {}", parent_id)));
        }

        std::vector<std::string> hinted; // fields named by a did-you-mean: not reported missing again
        for (std::size_t i = 0; i < node.map_size(); ++i) {
            std::string_view name = keys[i];
            if (name.empty()) {
                continue;
            }
            const Node& kn = node.key(i);
            if (name == "kind") {
                if (nested) {
                    error(kn.mark, "kind", fmt::format("not allowed in a nested {} (its kind is implicit)",
                                                       to_string(kind)));
                }
                continue;
            }
            const FieldSpec* fs = spec.field(name);
            if (!fs) {
                std::vector<std::string_view> names;
                for (const auto& f : spec.fields) {
                    if (f.writable && f.type != FieldType::children) {
                        names.push_back(f.name);
                    }
                }
                for (const auto& f : spec.fields) {
                    if (f.type == FieldType::children) {
                        names.push_back(f.name);
                    }
                }
                std::string best = did_you_mean(name, names);
                if (!best.empty()) {
                    hinted.push_back(best);
                }
                error(kn.mark, name, fmt::format("unknown field for a {}{}", to_string(kind), hint(name, names)));
                continue;
            }
            if (!fs->writable) {
                error(kn.mark, name,
                      fmt::format("not a field of a {}; nest the {} under its {} instead", to_string(kind),
                                  to_string(kind), fs->name));
                continue;
            }
            if (fs->parent_link && nested) {
                error(kn.mark, name,
                      fmt::format("not allowed in a nested {} (it belongs to the enclosing {})", to_string(kind),
                                  fs->name));
                continue;
            }
            const Node& vn = node.val(i);
            if (vn.type == NodeType::null || (vn.type == NodeType::scalar && vn.scalar_type() == ScalarType::null)) {
                // An empty value has no place of its own (the parser marks the next token): use the key's.
                error(vn.type == NodeType::null ? kn.mark : vn.mark, name, "has no value; give one or leave the field out");
                continue;
            }
            read_field(vn, *fs, rec);
        }

        if (nested) {
            for (const auto& fs : spec.fields) {
                if (fs.parent_link && fs.name == parent_field && !parent_id.empty()) {
                    rec.at(fs.name) = parent_id;
                }
            }
        }
        for (const auto& fs : spec.fields) {
            bool needed = fs.required && !(fs.parent_link && nested);
            if (needed && std::find(keys.begin(), keys.end(), fs.name) == keys.end() &&
                std::find(hinted.begin(), hinted.end(), fs.name) == hinted.end()) {
                error(node.mark, "", fmt::format("missing required field {}{}", fs.name, swallowed(node, fs.name)));
            }
        }
        if (!id.empty()) {
            m_sink.declare(kind, id, m_origin, node.mark);
        }
        if (m_ok) {
            m_sink.accept(std::move(rec), m_origin, node.mark);
        }
        // Nested children, after their parent.
        for (const auto& fs : spec.fields) {
            if (fs.type != FieldType::children) {
                continue;
            }
            const Node* list = value_of(fs.name);
            if (!list || list->type == NodeType::null) {
                continue;
            }
            std::string subject = m_subject;
            std::string record = m_record;
            if (list->type != NodeType::sequence) {
                error(list->mark, fs.name, fmt::format("expected a list of {} records, found {}",
                                                       to_string(fs.child_kind), list->describe()));
                continue;
            }
            std::string link;
            for (const auto& cf : kind_spec(fs.child_kind).fields) {
                if (cf.parent_link) {
                    link = std::string(cf.name);
                }
            }
            for (const auto& item : list->items) {
                read_record(item, fs.child_kind, link, id);
            }
            m_subject = std::move(subject);
            m_record = std::move(record);
        }
    }
};

} // namespace

void read_document(const yaml::Document& doc, const Origin& origin, RecordSink& sink, Diagnostics& diags) {
    for (const auto& p : doc.problems) {
        diags.add({origin.file, p.mark.line, p.mark.column, p.message, origin.index});
    }
    if (!doc.problems.empty() || doc.root.type == yaml::NodeType::null) {
        return;
    }
    DocReader reader(origin, sink, diags);
    reader.read_top(doc.root);
}

} // namespace accord
