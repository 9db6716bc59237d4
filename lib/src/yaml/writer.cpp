// YAML output in the input format (docs/format.md): scalars quoted where needed, records nested.
#include "accord/yaml/writer.hpp"

#include "accord/text/strings.hpp"
#include "accord/yaml/node.hpp"

#include <algorithm>

namespace accord {

std::string yaml_scalar(std::string_view text) {
    bool plain = !text.empty() && text.size() < 200;
    if (plain) {
        auto c0 = static_cast<unsigned char>(text.front());
        plain = std::isalnum(c0) || c0 >= 0x80 || c0 == '(';
    }
    if (plain) {
        plain = text.back() != ' ' && text.back() != ':' &&
                text.find(": ") == std::string_view::npos && text.find(" #") == std::string_view::npos &&
                std::none_of(text.begin(), text.end(), [](char c) {
                    return c == '\n' || c == '\t' || c == '\r' || c == '"' || c == '\'' || c == '{' || c == '}' ||
                           c == '[' || c == ']' || c == ',' || c == '&' || c == '*' || c == '!' || c == '|' ||
                           c == '>' || c == '%' || c == '@' || c == '`' || static_cast<unsigned char>(c) < 0x20;
                });
    }
    if (plain) {
        yaml::Node n;
        n.type = yaml::NodeType::scalar;
        n.plain = true;
        n.value = std::string(text);
        plain = n.scalar_type() == yaml::ScalarType::string;
    }
    return plain ? std::string(text) : text::json_quote(text);
}

namespace {

std::string scalar_of(const Scalar& s) {
    if (auto n = std::get_if<std::int64_t>(&s)) {
        return std::to_string(*n);
    }
    return yaml_scalar(std::get<std::string>(s));
}

// The keys of a source mapping, each on its own line at `in`.
void write_source(std::ostream& out, const Source& x, const std::string& in) {
    if (x.title) {
        out << in << "title: " << yaml_scalar(*x.title) << '\n';
    }
    if (x.publisher) {
        out << in << "publisher: " << yaml_scalar(*x.publisher) << '\n';
    }
    if (x.url) {
        out << in << "url: " << yaml_scalar(*x.url) << '\n';
    }
    if (x.published) {
        out << in << "published: " << yaml_scalar(x.published->str()) << '\n';
    }
    if (x.paragraph) {
        out << in << "paragraph: " << scalar_of(*x.paragraph) << '\n';
    }
}

} // namespace

void write_yaml_record(std::ostream& out, const Record& record, const ChildrenOf& children, bool top_level,
                       int indent) {
    // The first line of a nested record follows "- " written by the caller.
    bool first = true;
    auto key = [&](std::string_view name) -> std::ostream& {
        if (!first) {
            out << text::pad(indent);
        }
        first = false;
        out << name << ':';
        return out;
    };
    if (top_level) {
        key("kind") << ' ' << to_string(record.kind) << '\n';
    }
    const KindSpec& spec = record.spec();
    for (std::size_t f = 0; f < spec.fields.size(); ++f) {
        const FieldSpec& fs = spec.fields[f];
        const FieldValue& v = record.values[f];
        if (fs.type == FieldType::children) {
            auto kids = children ? children(record) : std::vector<Record>{};
            if (kids.empty()) {
                continue;
            }
            key(fs.name) << '\n';
            for (const auto& kid : kids) {
                out << text::pad(indent + 2) << "- ";
                write_yaml_record(out, kid, children, false, indent + 4);
            }
            continue;
        }
        if (std::holds_alternative<std::monostate>(v) || !fs.writable || (fs.parent_link && !top_level)) {
            continue;
        }
        std::visit(
            [&](const auto& x) {
                using T = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<T, std::string>) {
                    key(fs.name) << ' ' << yaml_scalar(x) << '\n';
                } else if constexpr (std::is_same_v<T, std::int64_t>) {
                    key(fs.name) << ' ' << x << '\n';
                } else if constexpr (std::is_same_v<T, PartialDate>) {
                    key(fs.name) << ' ' << yaml_scalar(x.str()) << '\n';
                } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
                    key(fs.name) << " [";
                    for (std::size_t i = 0; i < x.size(); ++i) {
                        out << (i ? ", " : "") << yaml_scalar(x[i]);
                    }
                    out << "]\n";
                } else if constexpr (std::is_same_v<T, std::vector<Reference>>) {
                    key(fs.name) << '\n';
                    for (const auto& r : x) {
                        out << text::pad(indent + 2) << "- {relation: " << r.relation << ", target: " << yaml_scalar(r.target)
                            << "}\n";
                    }
                } else if constexpr (std::is_same_v<T, SourceBox>) {
                    key(fs.name) << '\n';
                    write_source(out, *x, text::pad(indent + 2));
                } else if constexpr (std::is_same_v<T, std::vector<Milestone>>) {
                    key(fs.name) << '\n';
                    std::string in = text::pad(indent + 4);
                    for (const auto& m : x) {
                        out << text::pad(indent + 2) << "- date: " << yaml_scalar(m.date.str()) << '\n';
                        out << in << "text: " << yaml_scalar(m.text) << '\n';
                        if (m.source) {
                            out << in << "source:\n";
                            write_source(out, *m.source, text::pad(indent + 6));
                        }
                    }
                }
            },
            v);
    }
}

} // namespace accord
