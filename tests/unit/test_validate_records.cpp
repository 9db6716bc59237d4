// The validator on text: records read from YAML given as a string, and each class of error
// with its file, line, column, record and field.
#include "accord/validate/records.hpp"
#include "accord/yaml/node.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

using namespace accord;

namespace {

// What the validator hands a sink, kept.
struct Kept : RecordSink {
    std::vector<std::string> declared;
    std::vector<Record> accepted;
    std::vector<PendingRef> refs;
    void declare(Kind, const std::string& id, const Origin&, const yaml::Mark&) override { declared.push_back(id); }
    void accept(Record&& record, const Origin&, const yaml::Mark&) override { accepted.push_back(std::move(record)); }
    void refer(PendingRef ref) override { refs.push_back(std::move(ref)); }
};

struct Read {
    Kept sink;
    std::vector<Diagnostic> errors;
};

Read validate(const std::string& text) {
    std::istringstream in(text);
    yaml::DocumentStream stream(in);
    Origin origin{"mem.yaml", 3};
    Read r;
    Diagnostics diags(0);
    while (auto doc = stream.next()) {
        read_document(*doc, origin, r.sink, diags);
    }
    REQUIRE_FALSE(stream.syntax_error());
    r.errors = diags.sorted();
    return r;
}

// The only error of text.
Diagnostic only_error(const std::string& text) {
    Read r = validate(text);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].file == "mem.yaml");
    CHECK(r.errors[0].file_index == 3);
    return r.errors[0];
}

} // namespace

TEST_CASE("good records are declared, accepted and their references handed over", "[validate]") {
    Read r = validate("kind: party\nid: fr\nname: France\ntype: state\n"
                      "---\nkind: statement\nid: st-1\ntitle: A statement\ndate: 2024-05-01\ntype: joint-statement\n"
                      "parties: [fr, de]\n");
    CHECK(r.errors.empty());
    CHECK(r.sink.declared == std::vector<std::string>{"fr", "st-1"});
    REQUIRE(r.sink.accepted.size() == 2);
    CHECK(r.sink.accepted[0].kind == Kind::party);
    CHECK(r.sink.accepted[0].text("name") == "France");
    CHECK(r.sink.accepted[1].kind == Kind::statement);
    REQUIRE(r.sink.refs.size() == 2);
    // A reference names its record by id as data, and its subject for messages.
    CHECK(r.sink.refs[0].record == "st-1");
    CHECK(r.sink.refs[0].subject == "record st-1");
    CHECK(r.sink.refs[0].field == "parties");
    CHECK(r.sink.refs[1].target == "de");
    CHECK(r.sink.refs[1].mark.line == 11);
}

TEST_CASE("each class of error names its file, line, column, record and field", "[validate]") {
    struct Case {
        const char* what;
        const char* text;
        int line;
        int column;
        const char* record; // empty: the error names no record
        const char* field;
        const char* message; // a part of the message
    };
    const Case cases[] = {
        {"no kind", "id: fr\nname: France\n", 1, 1, "fr", "", "record fr: no kind: field"},
        {"an unknown kind", "kind: partyy\nid: fr\nname: France\ntype: state\n", 1, 7, "fr", "kind",
         "unknown kind 'partyy'"},
        {"an invalid id", "kind: party\nid: Fr!\nname: France\ntype: state\n", 2, 5, "", "id",
         "a party, field id: 'Fr!' is not a valid id"},
        {"a value outside its vocabulary", "kind: party\nid: fr\nname: France\ntype: stat\n", 4, 7, "fr", "type",
         "record fr, field type:"},
        {"an unknown field", "kind: party\nid: fr\nnmae: France\nname: France\ntype: state\n", 3, 1, "fr", "nmae",
         "record fr, field nmae:"},
        {"a field given twice", "kind: party\nid: fr\nname: France\nname: Francia\ntype: state\n", 4, 1, "fr", "name",
         "given twice (first at 3:1)"},
        {"a bad date",
         "kind: statement\nid: st-1\ntitle: T\ndate: 2024-13-01\ntype: joint-statement\nparties: [fr]\n", 4, 7,
         "st-1", "date", "record st-1, field date:"},
        {"a web address that is not one", "kind: party\nid: fr\nname: France\ntype: state\nsource:\n  url: ftp://x\n",
         6, 8, "fr", "source.url", "'ftp://x' is not an http:// or https:// address"},
        {"a document that is not a record", "- 1\n", 1, 3, "", "", "a record: expected a record"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        Diagnostic d = only_error(c.text);
        CHECK(d.line == c.line);
        CHECK(d.column == c.column);
        CHECK(d.record == c.record);
        CHECK(d.field == c.field);
        CHECK(d.message.find(c.message) != std::string::npos);
    }
}
