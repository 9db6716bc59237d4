// The output layer (lib/text): quoting helpers, the table of typed cells in every format,
// the row stream, the JSON value and write_report().
#include "accord/error.hpp"
#include "accord/text/document.hpp"
#include "accord/text/json.hpp"
#include "accord/text/strings.hpp"
#include "accord/text/table.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace accord;
using namespace accord::text;

namespace {

Table sample() {
    Table t;
    t.columns = {Column("name"), Column("count", "n", CellType::integer), Column("share", CellType::real),
                 Column("note", "note", CellType::text, Show::human), Column("id", "id", CellType::text, Show::machine)};
    t.rows.push_back({Cell("a|b"), Cell::integer(12), Cell::real("0.50"), Cell("x"), Cell("=1")});
    t.rows.push_back({Cell(), Cell::integer(3), Cell(), Cell(), Cell("c,\"d\"")});
    t.footer.push_back({Cell("(all)"), Cell::integer(15), Cell::real("1.50").shown_as("+1.50"), Cell(), Cell()});
    return t;
}

std::string render(const Table& t, Format f, const WriteOptions& o = {}) {
    std::ostringstream out;
    write_table(out, t, f, o);
    return out.str();
}

} // namespace

TEST_CASE("json_quote escapes quotes, backslashes and every control character", "[text]") {
    CHECK(json_quote("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(json_quote("\n\r\t") == "\"\\n\\r\\t\"");
    CHECK(json_quote(std::string("\x01\x1f", 2)) == "\"\\u0001\\u001f\"");
    CHECK(json_quote(std::string(1, '\0')) == "\"\\u0000\"");
    CHECK(json_quote("Việt") == "\"Việt\"");
}

TEST_CASE("CSV cells: RFC 4180 quoting, sqlite3's quoting, and --safe-csv", "[text]") {
    CHECK(csv_cell("plain") == "plain");
    CHECK(csv_cell("a,b") == "\"a,b\"");
    CHECK(csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_cell("two\nlines") == "\"two\nlines\"");
    CHECK(csv_cell("=SUM(A1)", true) == "'=SUM(A1)");
    CHECK(csv_cell("-1,2", true) == "\"'-1,2\"");
    CHECK(sqlite_csv_cell("") == "\"\"");
    CHECK(sqlite_csv_cell("two words") == "\"two words\"");
    CHECK(sqlite_csv_cell("it's") == "\"it's\"");
    CHECK(sqlite_csv_cell("a\"b") == "\"a\"\"b\"");
    CHECK(sqlite_csv_cell("plain-id_1.2") == "plain-id_1.2");
    CHECK(sqlite_csv_cell("@x", true) == "\"'@x\"");
}

TEST_CASE("md_text and html_escape keep data from becoming markup", "[text]") {
    CHECK(md_text("<b> & *x* [y](z) `c` \\") == "&lt;b&gt; &amp; \\*x\\* \\[y\\](z) \\`c\\` \\\\");
    CHECK(md_text("one\r\ntwo\nthree\u2028four") == "one two three four");
    CHECK(html_escape("a < b & c > \"d\" 'e'") == "a &lt; b &amp; c &gt; &quot;d&quot; &#39;e&#39;");
}

TEST_CASE("display_width counts code points and shorten cuts by them", "[text]") {
    CHECK(display_width("Việt Nam") == 8);
    CHECK(shorten("short", 10) == "short");
    CHECK(shorten("Việt Nam and more", 10) == "Việt Na...");
    CHECK(shorten("a\nb", 10) == "a b");
    CHECK(pad(3) == "   ");
    CHECK(pad(-1).empty());
}

TEST_CASE("formats: one parser, limited to what a command accepts", "[text]") {
    CHECK(parse_format("md", {Format::table, Format::md}) == Format::md);
    CHECK(parse_format("jsonl", {Format::csv, Format::json, Format::jsonl}) == Format::jsonl);
    CHECK_THROWS_AS(parse_format("html", {Format::table, Format::csv}), UsageError);
    CHECK_THROWS_WITH(parse_format("pdf", {Format::table, Format::csv}), "unknown format 'pdf' (table, csv)");
    CHECK(format_names({Format::json, Format::html}) == std::vector<std::string>{"json", "html"});
}

TEST_CASE("the table format aligns columns, numbers to the right, and shows the human cells", "[text]") {
    CHECK(render(sample(), Format::table) == "name    n  share  note\n"
                                             "a|b    12   0.50  x\n"
                                             "        3\n"
                                             "(all)  15  +1.50\n");
    Table empty;
    empty.columns = {Column("a"), Column("b")};
    CHECK(render(empty, Format::table) == "a  b\n");
    empty.none = "(none)";
    CHECK(render(empty, Format::table) == "(none)\n");
}

TEST_CASE("the table format writes the header in bold on a colour terminal only", "[text]") {
    Table t;
    t.columns = {Column("a")};
    t.rows.push_back({Cell("x")});
    WriteOptions colour;
    colour.colour = true;
    CHECK(render(t, Format::table, colour) == "\x1b[1ma\x1b[0m\nx\n");
}

TEST_CASE("on a colour terminal, status cells are written in their colour, aligned as without", "[text]") {
    Document d;
    d.sections.push_back({"", Table{}});
    Table& t = d.sections.back().table;
    t.columns = {Column("status"), Column("n", CellType::integer), Column("id")};
    t.rows.push_back({Cell("complete"), Cell::integer(12), Cell("a")});
    t.rows.push_back({Cell("limited"), Cell::integer(3), Cell("complete")});
    d.swatches = {"complete", "limited"};
    d.colours = {{"complete", "#009E73"}, {"limited", "#E69F00"}, {"due", "#000000"}};
    auto render_doc = [&](bool colour) {
        std::ostringstream out;
        WriteOptions o;
        o.colour = colour;
        write_report(out, d, Format::table, o);
        return out.str();
    };
    CHECK(render_doc(false) == "status     n  id\ncomplete  12  a\nlimited    3  complete\n");
    CHECK(render_doc(true) == "\x1b[1mstatus     n  id\x1b[0m\n"
                              "\x1b[38;2;0;158;115mcomplete\x1b[0m  12  a\n"
                              "\x1b[38;2;230;159;0mlimited\x1b[0m    3  \x1b[38;2;0;158;115mcomplete\x1b[0m\n");
    CHECK(ansi_colour("#BBBBBB") == "\x1b[38;2;187;187;187m");
    CHECK(ansi_colour("grey").empty());
}

TEST_CASE("md escapes cells and '|', right-aligns numeric columns", "[text]") {
    CHECK(render(sample(), Format::md) == "| name | n | share | note |\n"
                                          "|---|--:|--:|---|\n"
                                          "| a\\|b | 12 | 0.50 | x |\n"
                                          "|  | 3 |  |  |\n"
                                          "| (all) | 15 | +1.50 |  |\n");
}

TEST_CASE("csv writes keys, machine columns, numbers as they are and defuses text only", "[text]") {
    WriteOptions o;
    o.safe_csv = true;
    CHECK(render(sample(), Format::csv, o) == "name,count,share,id\n"
                                              "a|b,12,0.50,'=1\n"
                                              ",3,,\"c,\"\"d\"\"\"\n"
                                              "(all),15,1.50,\n");
    o.crlf = true;
    o.bom = true;
    o.sqlite_csv = true;
    CHECK(render(sample(), Format::csv, o) == "\xEF\xBB\xBFname,count,share,id\r\n"
                                              "a|b,12,0.50,\"'=1\"\r\n"
                                              ",3,,\"c,\"\"d\"\"\"\r\n"
                                              "(all),15,1.50,\r\n");
}

TEST_CASE("json and jsonl: typed values, null for empty, footer rows left out", "[text]") {
    CHECK(render(sample(), Format::json) ==
          "[\n {\"name\": \"a|b\", \"count\": 12, \"share\": 0.50, \"id\": \"=1\"},\n"
          " {\"name\": null, \"count\": 3, \"share\": null, \"id\": \"c,\\\"d\\\"\"}\n]\n");
    CHECK(render(sample(), Format::jsonl) ==
          "{\"name\": \"a|b\", \"count\": 12, \"share\": 0.50, \"id\": \"=1\"}\n"
          "{\"name\": null, \"count\": 3, \"share\": null, \"id\": \"c,\\\"d\\\"\"}\n");
    Table t;
    t.columns = {Column("t"), Column("day"), Column("ok"), Column("list"), Column("refs")};
    t.columns[3].shape = Shape::list;
    t.columns[4].shape = Shape::references;
    t.rows.push_back({Cell("tab\there\x01"), Cell::date("2025-01-02"), Cell::boolean(true), Cell("a;b"),
                      Cell("implements:x")});
    t.rows.push_back({Cell(""), Cell::date(""), Cell::boolean(false), Cell(), Cell()});
    CHECK(render(t, Format::jsonl) == "{\"t\": \"tab\\there\\u0001\", \"day\": \"2025-01-02\", \"ok\": true, "
                                      "\"list\": [\"a\", \"b\"], \"refs\": [{\"relation\": \"implements\", "
                                      "\"target\": \"x\"}]}\n"
                                      "{\"t\": \"\", \"day\": null, \"ok\": false, \"list\": [], \"refs\": []}\n");
    Table none;
    none.columns = {Column("a")};
    CHECK(render(none, Format::json) == "[]\n");
    CHECK(render(none, Format::jsonl).empty());
}

TEST_CASE("html: escaped cells, numeric classes, swatches, and a paragraph for no rows", "[text]") {
    Table t;
    t.columns = {Column("status"), Column("n", CellType::integer)};
    t.rows.push_back({Cell("complete"), Cell::integer(2)});
    t.rows.push_back({Cell("<script>"), Cell::integer(1)});
    std::ostringstream out;
    write_html_table(out, t, {"complete"});
    CHECK(out.str() == "<table>\n<thead>\n<tr><th>status</th><th class=\"num nw\">n</th></tr>\n</thead>\n<tbody>\n"
                       "<tr><td><span class=\"sw k-complete\"></span>complete</td><td class=\"num nw\">2</td></tr>\n"
                       "<tr><td>&lt;script&gt;</td><td class=\"num nw\">1</td></tr>\n</tbody>\n</table>\n");
    Table empty;
    empty.columns = {Column("a")};
    CHECK(render(empty, Format::html) == "<p>(none)</p>\n");
}

TEST_CASE("the row stream writes each row as it comes and stops when the stream fails", "[text]") {
    std::ostringstream out;
    RowStream rows(out, {Column("a")}, Format::csv, {});
    rows.write({Cell("one")});
    CHECK(out.str() == "a\none\n");
    out.setstate(std::ios::badbit);
    CHECK_THROWS_AS(rows.write({Cell("two")}), IoError);
    std::ostringstream md;
    CHECK_THROWS_AS(RowStream(md, {Column("a")}, Format::md, {}), UsageError);
}

TEST_CASE("Json writes the top object a member a line and arrays of objects a row a line", "[text]") {
    Json j = Json::object();
    j.add("report", "x").add("n", 3).add("none", Json()).add("yes", Json::boolean(true));
    j.add("pct", Json::number("33.3")).add("empty", Json::number(""));
    j.add("rows", Json::array().push(Json::object().add("a", 1)).push(Json::object().add("a", 2)));
    j.add("no_rows", Json::array());
    j.add("list", Json::strings({"a", "b"}));
    j.add("one", Json::object().add("k", std::optional<std::string>()));
    CHECK(j.dump() == "{\n  \"report\": \"x\",\n  \"n\": 3,\n  \"none\": null,\n  \"yes\": true,\n"
                      "  \"pct\": 33.3,\n  \"empty\": null,\n  \"rows\": [\n    {\"a\": 1},\n    {\"a\": 2}\n  ],\n"
                      "  \"no_rows\": [],\n  \"list\": [\"a\", \"b\"],\n  \"one\": {\"k\": null}\n}\n");
    Table t = sample();
    CHECK(Json::rows(t).dump() == "[{\"name\": \"a|b\", \"count\": 12, \"share\": 0.50, \"id\": \"=1\"}, "
                                  "{\"name\": null, \"count\": 3, \"share\": null, \"id\": \"c,\\\"d\\\"\"}]\n");
}

TEST_CASE("write_report renders a document in every report format", "[text]") {
    Document d;
    d.title = "Title <1>";
    Section main;
    main.table.columns = {Column("a"), Column("n", CellType::integer)};
    main.table.rows.push_back({Cell("x*"), Cell::integer(1)});
    Section more;
    more.heading = "More";
    more.table.columns = {Column("b")};
    more.table.none = "(none)";
    d.sections = {main, more};
    d.notes = {"Note one.", "Note <two>."};
    d.json = Json::object().add("report", "t");
    auto render_doc = [&](Format f) {
        std::ostringstream out;
        write_report(out, d, f);
        return out.str();
    };
    CHECK(render_doc(Format::table) == "a   n\nx*  1\n\nMore\n(none)\n\nNote one.\nNote <two>.\n");
    d.notes_spaced = true;
    d.title_in_text = true;
    CHECK(render_doc(Format::table) == "Title <1>\na   n\nx*  1\n\nMore\n(none)\n\nNote one.\n\nNote <two>.\n");
    CHECK(render_doc(Format::md) == "## Title &lt;1&gt;\n\n| a | n |\n|---|--:|\n| x\\* | 1 |\n\n### More\n\n(none)\n"
                                    "\nNote one.\n\nNote &lt;two&gt;.\n");
    CHECK(render_doc(Format::csv) == "a,n\nx*,1\n");
    CHECK(render_doc(Format::json) == "{\n  \"report\": \"t\"\n}\n");
    d.colours = {{"not started", "#FF0000"}};
    d.figures = [](std::ostream& out) { out << "<figure></figure>\n"; };
    std::string html = render_doc(Format::html);
    CHECK(html.find("<title>Title &lt;1&gt;</title>") != std::string::npos);
    CHECK(html.find(".k-not-started { background: #FF0000; }") != std::string::npos);
    CHECK(html.find("<h1>Title &lt;1&gt;</h1>\n<figure></figure>\n<table>") != std::string::npos);
    CHECK(html.find("<h2>More</h2>\n<p>(none)</p>\n<p class=\"note\">Note one.</p>") != std::string::npos);
    CHECK(html.substr(html.size() - 16) == "</body>\n</html>\n");
    CHECK_THROWS_AS(render_doc(Format::jsonl), UsageError);
}
