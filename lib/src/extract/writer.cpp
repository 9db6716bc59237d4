// The draft as YAML in the input format (docs/format.md), with its comments; and slug_of.
#include "accord/extract/extract.hpp"

#include "accord/extract/names.hpp"
#include "accord/model/date.hpp"
#include "accord/yaml/writer.hpp"

#include <algorithm>
#include <cctype>

namespace accord::extract {

namespace {

const std::string_view k_small[] = {"the", "a", "an", "of", "on", "and", "for", "in", "at", "to", "with"};

std::string pad(int n) {
    return std::string(static_cast<std::size_t>(n), ' ');
}

void write_comments(std::ostream &out, int indent, const std::vector<Comment> &comments) {
    for (const auto &c : comments) {
        std::string text = c.text;
        std::replace(text.begin(), text.end(), '\n', ' ');
        out << pad(indent) << "# " << (c.check ? "check: " : "") << text << '\n';
    }
}

std::string date_scalar(const std::string &value) {
    auto d = PartialDate::parse(value);
    if (d && d->precision() == DatePrecision::year) {
        return value; // a plain year reads back as a year
    }
    return yaml_scalar(value);
}

std::string list_scalar(const std::vector<std::string> &values) {
    std::string out = "[";
    for (std::size_t i = 0; i < values.size(); ++i) {
        out += (i ? ", " : "") + yaml_scalar(values[i]);
    }
    return out + "]";
}

// Long texts as folded blocks, wrapped at 88 columns, as the files in data/ write them.
void write_text(std::ostream &out, int indent, std::string_view key, const std::string &text) {
    constexpr std::size_t k_width = 88;
    if (indent + key.size() + 2 + text.size() <= k_width && yaml_scalar(text) == text) {
        out << pad(indent) << key << ": " << text << '\n';
        return;
    }
    out << pad(indent) << key << ": >-\n";
    std::string line;
    std::size_t width = k_width - static_cast<std::size_t>(indent) - 2;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t sp = text.find(' ', i);
        std::string word = text.substr(i, sp == std::string::npos ? std::string::npos : sp - i);
        i = sp == std::string::npos ? text.size() : sp + 1;
        if (word.empty()) {
            continue;
        }
        if (!line.empty() && line.size() + 1 + word.size() > width) {
            out << pad(indent + 2) << line << '\n';
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
    }
    if (!line.empty()) {
        out << pad(indent + 2) << line << '\n';
    }
}

void write_reference(std::ostream &out, int indent, const DraftReference &r) {
    write_comments(out, indent, r.comments);
    out << pad(indent) << "- {relation: " << r.relation << ", target: " << yaml_scalar(r.target) << "}\n";
}

} // namespace

std::string slug_of(std::string_view title) {
    std::string out;
    for (const auto &t : plain_words(title)) {
        std::string w;
        for (char c : t.norm) {
            if (std::isalnum(static_cast<unsigned char>(c))) {
                w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            }
        }
        if (w.empty() || std::find(std::begin(k_small), std::end(k_small), w) != std::end(k_small)) {
            continue;
        }
        // "5th" -> "5"
        if (w.size() > 2 && std::isdigit(static_cast<unsigned char>(w[0]))) {
            std::string tail = w.substr(w.size() - 2);
            if (tail == "st" || tail == "nd" || tail == "rd" || tail == "th") {
                w.resize(w.size() - 2);
            }
        }
        if (out.size() + 1 + w.size() > 60) {
            break;
        }
        out += (out.empty() ? "" : "-") + w;
    }
    return out.empty() ? "draft" : out;
}

void write_draft(std::ostream &out, const Draft &d) {
    out << "# Drafted by accord extract from " << d.source_name << ": a first draft to review, not a record yet.\n";
    out << "# \"check:\" marks a guess or a name not resolved; \"cue:\" says why a sentence is a commitment.\n";
    out << "kind: statement\n";
    auto field = [&](std::string_view key, const Field &f, bool date = false) {
        write_comments(out, 0, f.comments);
        if (!f.value.empty()) {
            out << key << ": " << (date ? date_scalar(f.value) : yaml_scalar(f.value)) << '\n';
        }
    };
    field("id", d.id);
    write_comments(out, 0, d.title.comments);
    write_text(out, 0, "title", d.title.value);
    field("date", d.date, true);
    field("type", d.type);
    field("adopted_at", d.adopted_at);
    write_comments(out, 0, d.parties.comments);
    if (!d.parties.values.empty()) {
        out << "parties: " << list_scalar(d.parties.values) << '\n';
    }
    if (!d.references.empty()) {
        out << "references:\n";
        for (const auto &r : d.references) {
            write_reference(out, 2, r);
        }
    }
    write_comments(out, 0, d.reference_comments);
    write_comments(out, 0, d.names);
    if (!d.source_publisher.empty()) {
        write_comments(out, 0, d.source_publisher.comments);
        out << "source:\n  publisher: " << yaml_scalar(d.source_publisher.value) << '\n';
    }
    if (d.commitments.empty()) {
        write_comments(out, 0, {{"no sentence carries a cue of commitment", true}});
    } else {
        out << "commitments:\n";
    }
    for (const auto &c : d.commitments) {
        write_comments(out, 2, c.comments);
        out << "  - id: " << yaml_scalar(c.id) << '\n';
        if (!c.paragraph.empty()) {
            bool digits = std::all_of(c.paragraph.begin(), c.paragraph.end(),
                                      [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)) != 0; });
            out << "    paragraph: " << (digits ? c.paragraph : yaml_scalar(c.paragraph)) << '\n';
        }
        write_text(out, 4, "text", c.text);
        write_comments(out, 4, c.actors.comments);
        if (!c.actors.values.empty()) {
            out << "    actors: " << list_scalar(c.actors.values) << '\n';
        }
        write_comments(out, 4, c.action.comments);
        out << "    action: " << c.action.value << '\n';
        write_comments(out, 4, c.themes.comments);
        if (!c.themes.values.empty()) {
            out << "    themes: " << list_scalar(c.themes.values) << '\n';
        }
        write_comments(out, 4, c.due.comments);
        if (!c.due.empty()) {
            out << "    due: " << date_scalar(c.due.value) << '\n';
        }
        if (!c.references.empty()) {
            out << "    references:\n";
            for (const auto &r : c.references) {
                write_reference(out, 6, r);
            }
        }
    }
    if (!d.left_out.empty()) {
        out << "# Not drafted:\n";
        write_comments(out, 0, d.left_out);
    }
}

} // namespace accord::extract
