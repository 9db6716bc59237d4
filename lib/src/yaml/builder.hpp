#pragma once
// Builder: yaml-cpp's parser events made into a yaml::Node tree with marks, aliases refused, a long top-level list handed over in parts.
#include "accord/yaml/node.hpp"

#include "windows.hpp"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

#include <string>
#include <vector>

namespace accord::yaml::detail {

// Thrown by the Builder to stop the parser when a document holds too many values.
struct TooManyValues {
    YAML::Mark mark;
};

// Thrown by the Builder when yaml-cpp reports value after value at one place without reading
// on: yaml-cpp 0.7 loops for ever on a stray ',' in block context (jbeder/yaml-cpp#1040).
struct Stuck {
    YAML::Mark mark;
};

// Builds a Node tree from parser events. Aliases are refused, which also makes
// "billion laughs" documents harmless: nothing is ever expanded.
class Builder : public YAML::EventHandler {
public:
    Document doc;
    int first_pos = -1;   // where the document's first value was read
    YAML::Mark last_mark; // where its last value was read

    int start_line = -1;  // the line (0-based, in the window) where the document started

    Builder(const DocumentStream::PartHandler& on_part, int line_offset)
        : m_on_part(on_part), m_line_offset(line_offset) {}
    // A mark of the parser, in the lines of the input.
    Mark at(const YAML::Mark& mark) const { return to_mark(mark, m_line_offset); }

    void OnDocumentStart(const YAML::Mark& mark) override { start_line = mark.line; }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
        Node n;
        n.type = NodeType::null;
        n.mark = at(mark);
        m_last_mark = mark;
        add(std::move(n));
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
        // One message per document: an alias bomb holds thousands of them.
        if (!m_alias_reported) {
            doc.problems.push_back({at(mark), "YAML aliases (*name) are not supported in accord files and are "
                                              "never expanded; write the value out"});
            m_alias_reported = true;
        } else if (!m_stack.empty() && m_stack.back()->type == NodeType::sequence) {
            return; // the document is refused already: a flood of aliases need not be kept
        }
        OnNull(mark, 0);
    }
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t, const std::string& value) override {
        // The file holds no NUL byte (check_text), but an escape (\0, \x00, \u0000) can make one.
        if (value.find('\0') != std::string::npos) {
            doc.problems.push_back({at(mark), "text holds a NUL character (written as an escape such as \\0); "
                                              "accord text may not contain NUL"});
        }
        // An explicit tag: !!null makes the value null (refused as any null is), !!str text; no
        // other tag is read (a value's type comes from how it is written, docs/format.md).
        if (tag == "tag:yaml.org,2002:null") {
            OnNull(mark, 0);
            return;
        }
        if (tag != "?" && tag != "!" && tag != "tag:yaml.org,2002:str") {
            std::string shown = tag.rfind("tag:yaml.org,2002:", 0) == 0 ? "!!" + tag.substr(18) : tag;
            doc.problems.push_back({at(mark), fmt::format("the YAML tag {} is not supported in accord files (a "
                                                          "value's type comes from how it is written); remove it",
                                                          shown.size() > 100 ? shown.substr(0, 100) + "..." : shown)});
        }
        Node n;
        n.type = NodeType::scalar;
        n.mark = at(mark);
        m_last_mark = mark;
        n.value = value;
        n.plain = tag.size() == 1 && tag[0] == '?'; // yaml-cpp's tag of a plain scalar
        add(std::move(n));
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        open(NodeType::sequence, mark);
    }
    void OnSequenceEnd() override {
        close();
        hand_over_part();
    }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        open(NodeType::map, mark);
    }
    void OnMapEnd() override {
        close();
        hand_over_part();
    }

private:
    const DocumentStream::PartHandler& m_on_part;
    int m_line_offset;
    std::vector<Node*> m_stack;
    bool m_has_root = false;
    bool m_alias_reported = false;
    std::size_t m_values = 0;
    YAML::Mark m_last_mark;
    int m_previous_pos = -1;
    int m_same_place = 0; // values in a row at m_previous_pos

    Node* add(Node n) {
        if (first_pos < 0) {
            first_pos = m_last_mark.pos;
        }
        last_mark = m_last_mark;
        if (++m_values > DocumentStream::k_max_values) {
            throw TooManyValues{m_last_mark};
        }
        if (m_last_mark.pos == m_previous_pos) {
            if (++m_same_place > 100) {
                throw Stuck{m_last_mark};
            }
        } else {
            m_same_place = 0;
            m_previous_pos = m_last_mark.pos;
        }
        if (m_stack.empty()) {
            doc.root = std::move(n);
            m_has_root = true;
            return &doc.root;
        }
        auto& items = m_stack.back()->items;
        if (items.empty()) {
            // Room for a small mapping (four keys and values) or list at once: one allocation
            // where growing one by one took four (a record has a few fields, a list a few items).
            items.reserve(8);
        }
        bool leaf = n.type == NodeType::scalar || n.type == NodeType::null;
        items.push_back(std::move(n));
        if (leaf) {
            hand_over_part();
            return nullptr; // a leaf is never opened
        }
        return &items.back();
    }
    // A top-level list that reached k_part_items complete items goes to the handler.
    void hand_over_part() {
        if (!m_on_part || m_stack.size() != 1 || doc.root.type != NodeType::sequence ||
            doc.root.items.size() < DocumentStream::k_part_items) {
            return;
        }
        Document part;
        part.root.type = NodeType::sequence;
        part.root.mark = doc.root.mark;
        part.root.items.swap(doc.root.items);
        part.problems.swap(doc.problems);
        m_alias_reported = false;
        m_values = 1; // the list itself
        m_on_part(std::move(part));
    }
    void open(NodeType type, const YAML::Mark& mark) {
        Node n;
        n.type = type;
        n.mark = at(mark);
        m_last_mark = mark;
        m_stack.push_back(add(std::move(n)));
    }
    void close() { m_stack.pop_back(); }
};

} // namespace accord::yaml::detail
