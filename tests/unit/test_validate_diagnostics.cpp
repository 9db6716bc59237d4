// Messages in text mode show the line of the file they point at, with a caret under the column.
#include "helpers.hpp"

#include "accord/validate/diagnostics.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace accord;

namespace {

std::string printed(const std::string& text, int line, int column, bool source = true) {
    test::TempFile f(text);
    Diagnostics d;
    d.add({f.path, line, column, "the message"});
    std::ostringstream out;
    d.print(out, source);
    std::string s = out.str();
    return s.substr(s.find('\n') + 1); // what comes after the message line
}

} // namespace

TEST_CASE("a message shows its source line and a caret under the column", "[validate]") {
    CHECK(printed("kind: party\ntype: stat\n", 2, 7) == " 2 | type: stat\n   |       ^\n");
    // The caret counts characters, not bytes, and copies tabs.
    CHECK(printed("- {name: Việt Nam, type: x}\n", 1, 29) ==
          " 1 | - {name: Việt Nam, type: x}\n   | " + std::string(26, ' ') + "^\n");
    CHECK(printed("\tkey: v\n", 1, 7) == " 1 | \tkey: v\n   | \t     ^\n");
    // Control characters and bytes that are not UTF-8 are shown as '?'.
    CHECK(printed("a\x1b[31mb \xff\xfe c\n", 1, 1) == " 1 | a?[31mb ?? c\n   | ^\n");
    // A CRLF line ends before its CR; a column past the end puts the caret there.
    CHECK(printed("kind: party\r\n", 1, 12) == " 1 | kind: party\n   | " + std::string(11, ' ') + "^\n");
    // The line number's width sets the gutter.
    std::string many(99, '\n');
    CHECK(printed(many + "x: y\n", 100, 1) == " 100 | x: y\n     | ^\n");
    // A long line is cut around the column, with "..." where it is cut.
    std::string longline = std::string(300, 'a') + "X" + std::string(300, 'b');
    std::string shown = printed(longline + "\n", 1, 301);
    CHECK(shown.find(" 1 | ...") == 0);
    CHECK(shown.find("...\n") != std::string::npos);
    std::string first = shown.substr(0, shown.find('\n'));
    std::string caret = shown.substr(shown.find('\n') + 1);
    CHECK(first.size() < 120);
    CHECK(first[caret.find('^')] == 'X');
    // Without source (JSON mode), only the message.
    CHECK(printed("kind: party\n", 1, 1, false).empty());
}

TEST_CASE("a message without a file is printed as accord's own", "[validate]") {
    Diagnostics d;
    d.add({"", 0, 0, "record x has no file"});
    std::ostringstream out;
    d.print(out);
    CHECK(out.str() == "accord: error: record x has no file\n");
}
