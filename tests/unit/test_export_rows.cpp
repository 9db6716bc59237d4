#include "helpers.hpp"

#include "accord/error.hpp"
#include "accord/export/rows.hpp"
#include "accord/text/strings.hpp"
#include "commands/export.hpp"

#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>

#include <dirent.h>
#include <sys/stat.h>

#include <fstream>
#include <map>
#include <sstream>

using namespace accord;
using accord::test::import_text;
using accord::test::store_with;

namespace {

text::Cell txt(std::string s) { return text::Cell(std::move(s)); }
text::Cell integer(std::string s) { return text::Cell::number(std::move(s)); }
text::Cell null() { return text::Cell(); }

std::string write_rows(const RowFormat& format, const std::vector<text::Row>& rows,
                       std::vector<std::string> headers = {"a", "b"}) {
    std::ostringstream out;
    text::RowStream w(out, std::vector<text::Column>(headers.begin(), headers.end()), format.format, format.options());
    for (const auto& r : rows) {
        w.write(r);
    }
    w.finish();
    return out.str();
}

RowFormat fmt_of(text::Format f) {
    RowFormat r;
    r.format = f;
    return r;
}

const char* k_records = R"(
- {kind: party, id: asean, name: ASEAN, type: regional-organisation}
- {kind: party, id: singapore, name: Singapore, type: state, member_of: [asean]}
- {kind: party, id: us, name: "United States", type: state}
- {kind: theme, id: cb, label: "Capacity building, regional"}
- kind: dialogue
  id: d1
  title: A dialogue
  date: 2024-10
  series: cpd
  number: 5
  statements:
    - id: s1
      title: A statement
      date: 2024-10-17
      commitments:
        - id: s1.c1
          text: Commit to more capacity building.
          paragraph: 8
          actors: [us, singapore]
          themes: [cb]
          due: 2025
          progress:
            - {date: 2025-03, status: limited}
            - {date: 2025-03, status: complete, party: us}
        - id: s1.c2
          text: "Explore, with \"quotes\"."
          paragraph: 9 bis
          actors: [us]
- kind: statement
  id: s2
  title: A later statement
  date: 2025-06-01
  references:
    - {relation: recalls, target: d1}
    - {relation: fulfils, target: s1.c2}
  commitments:
    - {id: s2.c1, text: Another commitment., actors: [asean]}
- kind: commitment
  id: s1.c3
  statement: s1
  text: A top-level commitment, imported after s2.
- {kind: program, id: p1, title: Training, start: 2020, implements: [s1.c1]}
- {kind: progress, commitment: s1.c2, date: 2025-06, status: complete}
)";


// Every table's rows in rowid order, as text: what `sqlite3 .dump` compares.
// Every row of every table, without where the rows were imported from (table file and the
// columns file_id, line and col), which an export does not carry.
std::string dump(Store& store, bool search_tables = true) {
    std::string out;
    SQLite::Statement tables(store.db(), "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE "
                                         "'CREATE VIRTUAL%' AND name != 'file' ORDER BY name");
    while (tables.executeStep()) {
        std::string name = tables.getColumn(0).getString();
        if (!search_tables && name.rfind("search_", 0) == 0) {
            continue;
        }
        out += "table " + name + "\n";
        std::string columns;
        SQLite::Statement info(store.db(), "SELECT name FROM pragma_table_info(?) WHERE name NOT IN "
                                           "('file_id', 'line', 'col')");
        info.bind(1, name);
        while (info.executeStep()) {
            columns += (columns.empty() ? "\"" : ", \"") + info.getColumn(0).getString() + "\"";
        }
        SQLite::Statement rows(store.db(), "SELECT " + columns + " FROM \"" + name + "\"");
        while (rows.executeStep()) {
            for (int c = 0; c < rows.getColumnCount(); ++c) {
                auto col = rows.getColumn(c);
                out += col.isNull() ? "NULL" : (col.isInteger() ? "i" : "s") + col.getString();
                out += '|';
            }
            out += '\n';
        }
    }
    return out;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        out.push_back(line);
    }
    return out;
}

std::string timeline(Store& store, const TimelineQuery& q = {}) {
    std::ostringstream out;
    RowFormat f;
    export_timeline(store, q, out, f);
    return out.str();
}

} // namespace

TEST_CASE("CSV cells are quoted as the sqlite3 shell quotes them", "[export]") {
    CHECK(text::sqlite_csv_cell("plain-id_1.2", false) == "plain-id_1.2");
    CHECK(text::sqlite_csv_cell("", false) == "\"\"");
    CHECK(text::sqlite_csv_cell("two words", false) == "\"two words\"");
    CHECK(text::sqlite_csv_cell("a,b", false) == "\"a,b\"");
    CHECK(text::sqlite_csv_cell("say \"hi\"", false) == "\"say \"\"hi\"\"\"");
    CHECK(text::sqlite_csv_cell("it's", false) == "\"it's\"");
    CHECK(text::sqlite_csv_cell("line\nbreak", false) == "\"line\nbreak\"");
    CHECK(text::sqlite_csv_cell("cr\rlf", false) == "\"cr\rlf\"");
    CHECK(text::sqlite_csv_cell("Vi\xE1\xBB\x87t", false) == "\"Vi\xE1\xBB\x87t\"");
    CHECK(text::sqlite_csv_cell("del\x7F", false) == "\"del\x7F\"");
    CHECK(text::sqlite_csv_cell("https://x.org/?a=1&b=2;c", false) == "https://x.org/?a=1&b=2;c");
}

TEST_CASE("safe CSV (--safe-csv) neutralises cells a spreadsheet would run as formulas", "[export]") {
    CHECK(text::sqlite_csv_cell("=1+1", true) == "\"'=1+1\"");
    CHECK(text::sqlite_csv_cell("+1", true) == "\"'+1\"");
    CHECK(text::sqlite_csv_cell("-1", true) == "\"'-1\"");
    CHECK(text::sqlite_csv_cell("@SUM(A1)", true) == "\"'@SUM(A1)\"");
    CHECK(text::sqlite_csv_cell("\tx", true) == "\"'\tx\"");
    CHECK(text::sqlite_csv_cell("\rx", true) == "\"'\rx\"");
    CHECK(text::sqlite_csv_cell("a=1", true) == "a=1");
    CHECK(text::sqlite_csv_cell("", true) == "\"\"");
    CHECK(text::sqlite_csv_cell("=1+1", false) == "=1+1");
}

TEST_CASE("the row writer writes CSV with LF, CRLF, a BOM, and absent apart from empty", "[export]") {
    std::vector<text::Row> rows = {{txt("x y"), integer("3")}, {null(), txt("")}, {txt("=2"), null()}};
    CHECK(write_rows(fmt_of(text::Format::csv), rows) == "a,b\n\"x y\",3\n,\"\"\n=2,\n");
    RowFormat f = fmt_of(text::Format::csv);
    f.crlf = true;
    f.bom = true;
    f.safe_csv = true;
    CHECK(write_rows(f, rows) == "\xEF\xBB\xBF"
                                 "a,b\r\n\"x y\",3\r\n,\"\"\r\n\"'=2\",\r\n");
    CHECK(write_rows(fmt_of(text::Format::csv), {}) == "a,b\n");
}

TEST_CASE("the row writer writes JSON and JSONL with nulls and numbers", "[export]") {
    std::vector<text::Row> rows = {{txt("x \"y\"\n"), integer("3")}, {null(), txt("")}};
    CHECK(write_rows(fmt_of(text::Format::json), rows) ==
          "[\n {\"a\": \"x \\\"y\\\"\\n\", \"b\": 3},\n {\"a\": null, \"b\": \"\"}\n]\n");
    CHECK(write_rows(fmt_of(text::Format::json), {}) == "[]\n");
    CHECK(write_rows(fmt_of(text::Format::jsonl), rows) == "{\"a\": \"x \\\"y\\\"\\n\", \"b\": 3}\n{\"a\": null, \"b\": \"\"}\n");
    CHECK(write_rows(fmt_of(text::Format::jsonl), {}).empty());
}

TEST_CASE("the row writer writes each row as it comes and stops when the stream fails", "[export]") {
    std::ostringstream out;
    RowFormat f = fmt_of(text::Format::csv);
    text::RowStream w(out, {text::Column("a")}, f.format, f.options());
    w.write({txt("one")});
    CHECK(out.str() == "a\none\n"); // already written, nothing held back
    out.setstate(std::ios::badbit);
    CHECK_THROWS_AS(w.write({txt("two")}), IoError);
}

TEST_CASE("export KIND writes every field, lists joined with ';' and references as relation:target",
          "[export]") {
    Store store = store_with(k_records);
    std::ostringstream out;
    RowFormat f;
    CHECK(export_kind(store, Kind::commitment, Filter{}, out, f) == 4);
    auto l = lines(out.str());
    REQUIRE(l.size() == 5);
    CHECK(l[0] == "id,text,statement,paragraph,actors,action,themes,due,references,source_title,source_publisher,"
                  "source_url,source_published,source_paragraph,notes");
    CHECK(l[1] == "s1.c1,\"Commit to more capacity building.\",s1,8,us;singapore,,cb,2025,,,,,,,");
    CHECK(l[2] == "s1.c2,\"Explore, with \"\"quotes\"\".\",s1,\"9 bis\",us,,,,,,,,,,");
    CHECK(l[3] == "s2.c1,\"Another commitment.\",s2,,asean,,,,,,,,,,");
    CHECK(l[4] == "s1.c3,\"A top-level commitment, imported after s2.\",s1,,,,,,,,,,,,");

    std::ostringstream st;
    export_kind(store, Kind::statement, Filter{}, st, f);
    auto s = lines(st.str());
    CHECK(s[0] == "id,title,date,type,dialogue,adopted_at,parties,references,source_title,source_publisher,"
                  "source_url,source_published,source_paragraph,notes");
    CHECK(s[2] == "s2,\"A later statement\",2025-06-01,,,,,recalls:d1;fulfils:s1.c2,,,,,,");

    std::ostringstream pr;
    export_kind(store, Kind::progress, Filter{}, pr, fmt_of(text::Format::jsonl));
    CHECK(lines(pr.str()).size() == 3);
    CHECK(lines(pr.str())[0] == "{\"commitment\": \"s1.c1\", \"date\": \"2025-03\", \"status\": \"limited\", "
                                "\"party\": null, \"assessor\": null, \"note\": null, \"evidence\": null, "
                                "\"source_title\": null, \"source_publisher\": null, \"source_url\": null, "
                                "\"source_published\": null, \"source_paragraph\": null, \"notes\": null}");
}

TEST_CASE("export KIND applies the shared filters", "[export]") {
    Store store = store_with(k_records);
    std::ostringstream out;
    Filter by_party;
    by_party.party = "asean"; // singapore rolls up into asean
    CHECK(export_kind(store, Kind::commitment, by_party, out, RowFormat{}) == 2);
    Filter by_theme;
    by_theme.theme = "cb";
    std::ostringstream parties;
    CHECK_THROWS_AS(export_kind(store, Kind::party, by_theme, parties, RowFormat{}), UsageError);
    CHECK(parties.str().empty()); // nothing written before the error
}

TEST_CASE("export links lists every reference by source record", "[export]") {
    Store store = store_with(k_records);
    std::ostringstream out;
    CHECK(export_links(store, out, RowFormat{}) == 3);
    CHECK(out.str() == "source_id,field,relation,target_id\n"
                       "s2,references,recalls,d1\n"
                       "s2,references,fulfils,s1.c2\n"
                       "p1,implements,implements,s1.c1\n");
}

TEST_CASE("export timeline gives the v_timeline rows in their order", "[export]") {
    Store store = store_with(k_records);
    auto l = lines(timeline(store));
    std::vector<std::string> expected = {
        "date,date_precision,date_first,date_last,event,commitment_id,statement_id,dialogue_id,series,actors,party,"
        "status,related_id,via_statement,text,source_url",
        "2024-10-17,day,2024-10-17,2024-10-17,made,s1.c1,s1,d1,cpd,us;singapore,,,,,"
        "\"Commit to more capacity building.\",",
        // p1 started in 2020: it takes the commitment up when it is made.
        "2024-10-17,day,2024-10-17,2024-10-17,implemented,s1.c1,s1,d1,cpd,us;singapore,,,p1,,,",
        "2024-10-17,day,2024-10-17,2024-10-17,made,s1.c2,s1,d1,cpd,us,,,,,\"Explore, with \"\"quotes\"\".\",",
        "2024-10-17,day,2024-10-17,2024-10-17,made,s1.c3,s1,d1,cpd,,,,,,\"A top-level commitment, imported after "
        "s2.\",",
        // A partial date gives its period.
        "2025,year,2025-01-01,2025-12-31,due,s1.c1,s1,d1,cpd,us;singapore,,,,,,",
        "2025-03,month,2025-03-01,2025-03-31,progress,s1.c1,s1,d1,cpd,us;singapore,,limited,,,,",
        "2025-03,month,2025-03-01,2025-03-31,progress,s1.c1,s1,d1,cpd,us;singapore,us,complete,,,,",
        // A partial date sorts at its first day, before the days of its period.
        "2025-06,month,2025-06-01,2025-06-30,progress,s1.c2,s1,d1,cpd,us,,complete,,,,",
        // s2 recalls the dialogue d1, not each commitment: listed on each, via d1.
        "2025-06-01,day,2025-06-01,2025-06-01,recalled,s1.c1,s1,d1,cpd,us;singapore,,,s2,d1,,",
        // s2 fulfils s1.c2 itself: no via.
        "2025-06-01,day,2025-06-01,2025-06-01,fulfilled,s1.c2,s1,d1,cpd,us,,,s2,,,",
        "2025-06-01,day,2025-06-01,2025-06-01,recalled,s1.c2,s1,d1,cpd,us,,,s2,d1,,",
        "2025-06-01,day,2025-06-01,2025-06-01,recalled,s1.c3,s1,d1,cpd,,,,s2,d1,,",
        "2025-06-01,day,2025-06-01,2025-06-01,made,s2.c1,s2,,,asean,,,,,\"Another commitment.\",",
    };
    CHECK(l == expected);

    // The view, queried with only part of the order, keeps the same order for ties.
    SQLite::Statement q(store.db(), "SELECT event, commitment_id, party, related_id FROM v_timeline "
                                    "ORDER BY date, commitment_id");
    std::vector<std::string> from_view;
    while (q.executeStep()) {
        from_view.push_back(q.getColumn(0).getString() + " " + q.getColumn(1).getString() + " " +
                            q.getColumn(2).getString() + " " + q.getColumn(3).getString());
    }
    REQUIRE(from_view.size() == expected.size() - 1);
    CHECK(from_view[5] == "progress s1.c1  ");
    CHECK(from_view[6] == "progress s1.c1 us ");
    CHECK(from_view[7] == "progress s1.c2  ");
    CHECK(from_view[9] == "fulfilled s1.c2  s2");
}

TEST_CASE("export timeline filters commitments, and --since/--until the event date", "[export]") {
    Store store = store_with(k_records);
    TimelineQuery q;
    q.filter.party = "asean";
    auto l = lines(timeline(store, q));
    CHECK(l.size() == 1 + 7); // s1.c1 (singapore is in asean) and s2.c1
    q = {};
    q.commitment = "s1.c2";
    CHECK(lines(timeline(store, q)).size() == 1 + 4);
    q = {};
    q.filter.since = PartialDate(2025); // '2025' (due, year) counts at 2025-01-01: included
    q.filter.until = PartialDate(2025, 3);
    l = lines(timeline(store, q));
    REQUIRE(l.size() == 1 + 3);
    CHECK(l[1].rfind("2025,year,2025-01-01,2025-12-31,due", 0) == 0);
    CHECK(l[3].rfind("2025-03,month,2025-03-01,2025-03-31,progress,s1.c1", 0) == 0);
    q = {};
    q.filter.since = PartialDate(2025, 6, 1); // 2025-06 counts at 2025-06-01: included
    l = lines(timeline(store, q));
    CHECK(l.size() == 1 + 6);
    q = {};
    q.commitment = "nope";
    CHECK_THROWS_AS(timeline(store, q), DataError);
    q = {};
    q.filter.until = PartialDate(2025, 2); // the due 2025 starts in the window (date_first 2025-01-01)
    l = lines(timeline(store, q));
    CHECK(l.back().rfind("2025,year,2025-01-01,2025-12-31,due,s1.c1", 0) == 0);
    q = {};
    q.filter.series = "cpd";
    q.filter.status = "complete"; // s1.c2 only
    CHECK(lines(timeline(store, q)).size() == 1 + 4);
}

TEST_CASE("export yaml re-imports into the same rows in the same order", "[export]") {
    Store a = store_with(k_records);
    std::ostringstream yaml;
    export_yaml(a, yaml);
    // Nested where the input nested; top-level where it did not.
    CHECK(yaml.str().find("kind: commitment\nid: s1.c3\n") != std::string::npos);
    CHECK(yaml.str().find("    commitments:\n      - id: s1.c1\n") != std::string::npos);
    Store b = store_with(yaml.str().c_str());
    CHECK(dump(a) == dump(b));
    // And the second export is the first.
    std::ostringstream again;
    export_yaml(b, again);
    CHECK(again.str() == yaml.str());
}

TEST_CASE("export yaml places a top-level progress event where it was imported", "[export]") {
    Store a = store_with(k_records);
    std::ostringstream yaml;
    export_yaml(a, yaml);
    // s1.c2's event came last in the input, after p1: it is written there, not nested.
    const std::string& y = yaml.str();
    CHECK(y.find("kind: program\nid: p1\n") < y.find("kind: progress\ncommitment: s1.c2\n"));
    // Without the log of the import order (progress.after_record) there is no record of where
    // it came, so it is nested; the rows of every other table are still the same.
    a.db().exec("ALTER TABLE progress DROP COLUMN after_record");
    std::ostringstream plain;
    export_yaml(a, plain);
    CHECK(plain.str().find("kind: progress") == std::string::npos);
    Store b = store_with(plain.str().c_str());
    b.db().exec("ALTER TABLE progress DROP COLUMN after_record");
    CHECK(dump(a, false) == dump(b, false));
    CHECK(dump(a, false).find("table theme") != std::string::npos);
}

TEST_CASE("export yaml keeps a dialogue's late statement nested, and progress in seq order", "[export]") {
    Store a = Store::memory();
    Diagnostics d;
    import_text(a, R"(
- {kind: party, id: us, name: US, type: state}
- kind: dialogue
  id: d1
  title: D
  date: 2024
  statements:
    - {id: s1, title: S1, date: 2024, commitments: [{id: s1.c1, text: One., actors: [us]}]}
- {kind: party, id: x, name: X, type: state}
- {kind: progress, commitment: s1.c1, date: 2024-02, status: limited}
)",
                d);
    // A later import of the file, edited, adds a statement to d1 and an earlier-dated event to s1.c1.
    import_text(a, R"(
- {kind: party, id: us, name: US, type: state}
- kind: dialogue
  id: d1
  title: D
  date: 2024
  statements:
    - {id: s1, title: S1, date: 2024, commitments: [{id: s1.c1, text: One., actors: [us]}]}
    - {id: s2, title: S2, date: 2024-06, commitments: [{id: s2.c1, text: Two.}]}
- {kind: party, id: x, name: X, type: state}
- {kind: progress, commitment: s1.c1, date: 2024-02, status: limited}
- {kind: progress, commitment: s1.c1, date: 2024-01, status: not-started}
)",
                d);
    REQUIRE(d.empty());
    std::ostringstream yaml;
    export_yaml(a, yaml);
    // s2 came after x, but a statement of a dialogue can only be written nested in it;
    // its commitment is written at its own turn, naming its statement.
    CHECK(yaml.str().find("  - id: s2\n") < yaml.str().find("kind: party\nid: x\n"));
    CHECK(yaml.str().find("kind: party\nid: x\n") < yaml.str().find("kind: commitment\nid: s2.c1\n"));
    Store b = Store::memory();
    Diagnostics d2;
    import_text(b, yaml.str(), d2);
    REQUIRE(d2.empty());
    SQLite::Statement q(b.db(), "SELECT group_concat(id || '@' || ifnull(dialogue_id, ''), ' ') FROM "
                                "(SELECT id, dialogue_id FROM statement ORDER BY rowid)");
    q.executeStep();
    CHECK(q.getColumn(0).getString() == "s1@d1 s2@d1");
    SQLite::Statement p(b.db(), "SELECT group_concat(date, ' ') FROM (SELECT date FROM progress ORDER BY seq)");
    p.executeStep();
    CHECK(p.getColumn(0).getString() == "2024-02 2024-01");
}

TEST_CASE("export yaml --split-by dialogue writes one file per dialogue and per kind", "[export]") {
    Store a = store_with(k_records);
    std::map<std::string, std::string> files;
    auto n = export_yaml_split(a, [&](const std::string& path, const std::function<void(std::ostream&)>& content) {
        std::ostringstream out;
        content(out);
        files[path] = out.str();
    });
    CHECK(n == 5);
    std::vector<std::string> names;
    for (const auto& [name, text] : files) {
        names.push_back(name);
    }
    CHECK(names == std::vector<std::string>{"dialogues/d1.yaml", "parties.yaml", "programs.yaml",
                                            "statements/s2.yaml", "themes.yaml"});
    // In split files everything is nested: s1.c3 sits in its statement in d1's file.
    CHECK(files["dialogues/d1.yaml"].find("- id: s1.c3") != std::string::npos);
    CHECK(files["parties.yaml"].find("---\nkind: party\nid: singapore") != std::string::npos);
}

TEST_CASE("the export command parses its options and refuses those that do not fit", "[cli][export]") {
    using namespace accord::cli;
    CLI::App app;
    GlobalOptions global;
    add_global_options(app, global);
    auto* cmd = app.add_subcommand("export");
    auto options = setup_export(*cmd, global);
    cmd->callback(nullptr);
    app.parse("export timeline --party asean --since 2024 --format jsonl --commitment c1 -o t.jsonl", false);
    CHECK(options->what == "timeline");
    CHECK(options->filters.party == "asean");
    CHECK(options->format == "jsonl");
    CHECK(options->commitment == "c1");
    CHECK(options->output == "t.jsonl");
    CHECK_NOTHROW(check_export_options(*options));

    auto refused = [](ExportOptions o) { CHECK_THROWS_AS(check_export_options(o), UsageError); };
    ExportOptions o;
    o.what = "yaml";
    o.format = "json";
    refused(o);
    o = {};
    o.what = "commitment";
    o.format = "json";
    o.bom = true;
    refused(o);
    o = {};
    o.what = "commitment";
    o.split_by = "dialogue";
    o.output_dir = "x";
    refused(o);
    o = {};
    o.what = "yaml";
    o.split_by = "dialogue";
    refused(o); // no --output-dir
    o = {};
    o.what = "links";
    o.filters.party = "us";
    refused(o);
    o = {};
    o.what = "party";
    o.commitment = "c1";
    refused(o);
    o = {};
    o.what = "commitment";
    o.safe_csv = true;
    o.crlf = true;
    o.bom = true;
    CHECK_NOTHROW(check_export_options(o));
}

TEST_CASE("in JSON, lists are arrays and references objects", "[export]") {
    Store store = store_with(k_records);
    std::ostringstream commitments, statements, parties, events;
    export_kind(store, Kind::commitment, Filter{}, commitments, fmt_of(text::Format::jsonl));
    auto c = lines(commitments.str());
    CHECK(c[0].find("\"actors\": [\"us\", \"singapore\"], \"action\": null, \"themes\": [\"cb\"], \"due\": "
                    "\"2025\", \"references\": []") != std::string::npos);
    CHECK(c[3].find("\"actors\": []") != std::string::npos); // none: an empty array
    export_kind(store, Kind::statement, Filter{}, statements, fmt_of(text::Format::json));
    CHECK(statements.str().find("\"references\": [{\"relation\": \"recalls\", \"target\": \"d1\"}, "
                                "{\"relation\": \"fulfils\", \"target\": \"s1.c2\"}]") != std::string::npos);
    export_kind(store, Kind::party, Filter{}, parties, fmt_of(text::Format::jsonl));
    CHECK(lines(parties.str())[1].find("\"member_of\": [\"asean\"]") != std::string::npos);
    TimelineQuery q;
    q.commitment = "s1.c1";
    export_timeline(store, q, events, fmt_of(text::Format::jsonl));
    CHECK(lines(events.str())[0] ==
          "{\"date\": \"2024-10-17\", \"date_precision\": \"day\", \"date_first\": \"2024-10-17\", \"date_last\": "
          "\"2024-10-17\", \"event\": \"made\", \"commitment_id\": \"s1.c1\", \"statement_id\": \"s1\", "
          "\"dialogue_id\": \"d1\", \"series\": \"cpd\", \"actors\": [\"us\", \"singapore\"], \"party\": null, "
          "\"status\": null, \"related_id\": null, \"via_statement\": null, \"text\": \"Commit to more capacity "
          "building.\", \"source_url\": null}");
    // The CSV keeps one cell per list.
    std::ostringstream csv;
    export_kind(store, Kind::party, Filter{}, csv, RowFormat{});
    CHECK(lines(csv.str())[2].rfind("singapore,Singapore,state,,asean,", 0) == 0);
}

TEST_CASE("a statement's reference reaches its commitments once, marked via_statement", "[export]") {
    Store store = store_with(R"(
- kind: statement
  id: old
  title: Old
  date: 2018
  commitments:
    - {id: old.c1, text: One.}
    - {id: old.c2, text: Two.}
- kind: statement
  id: new
  title: New
  date: 2024
  references:
    - {relation: recalls, target: old}
    - {relation: recalls, target: old.c2}
)");
    SQLite::Statement q(store.db(), "SELECT commitment_id, ifnull(via_statement, '-') FROM v_timeline "
                                    "WHERE event = 'recalled' ORDER BY commitment_id");
    std::vector<std::string> rows;
    while (q.executeStep()) {
        rows.push_back(q.getColumn(0).getString() + " " + q.getColumn(1).getString());
    }
    // old.c2 is named itself (and through its statement): one row, the direct one.
    CHECK(rows == std::vector<std::string>{"old.c1 old", "old.c2 -"});
}
