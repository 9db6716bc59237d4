#!/usr/bin/python3
"""usage: literal.py DIR

Spot checks on the exports of tests/fixtures/export/awkward.yaml in DIR/plain (no option),
DIR/safe (--safe-csv) and DIR/excel.csv (--crlf --bom): the awkward values, spelled out here
as the fixture writes them, come back exactly, and --safe-csv changes only the cells a
spreadsheet would run as formulas."""
import csv
import io
import json
import sys

d = sys.argv[1]
failures = 0


def rows(path):
    with open(path, "rb") as f:
        raw = f.read()
    table = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    return [dict(zip(table[0], r)) for r in table[1:]]


def by(rows, key, value):
    return next(r for r in rows if r[key] == value)


def expect(label, got, want):
    global failures
    if got != want:
        failures += 1
        print(f"FAIL {label}: {got!r} != {want!r}")


# (kind, key column, key, column, value as written in the fixture, value with --safe-csv)
CASES = [
    ("party", "id", "viet-nam", "name", "Việt Nam", "Việt Nam"),
    ("party", "id", "viet-nam", "short_name", 'VN, "Việt Nam"', 'VN, "Việt Nam"'),
    ("party", "id", "asean", "name", 'Association of Southeast Asian Nations, "ASEAN"', None),
    ("party", "id", "asean", "notes", "Line one\nLine two, with a comma\r\nLine three after CR LF", None),
    ("party", "id", "formula", "name", '=HYPERLINK("http://example.com","click")',
     '\'=HYPERLINK("http://example.com","click")'),
    ("party", "id", "formula", "short_name", "+1 (cell)", "'+1 (cell)"),
    ("party", "id", "formula", "country", "-2", "'-2"),
    ("party", "id", "formula", "notes", "@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("party", "id", "tabbed", "name", "\tstarts with a tab", "'\tstarts with a tab"),
    ("party", "id", "tabbed", "notes", "\rstarts with a carriage return", "'\rstarts with a carriage return"),
    ("party", "id", "tabbed", "short_name", "  padded  ", None),
    ("party", "id", "tabbed", "country", "'quoted'", None),
    ("theme", "id", "t1", "description", "123", None),
    ("theme", "id", "t1", "group", "true", None),
    ("theme", "id", "t1", "notes", "null", None),
    ("theme", "id", "t2", "label", "Back\\slash and \"quotes\" and 'apostrophes'", None),
    ("theme", "id", "t2", "description", "Emoji 🌏, RTL שלום, combining é, CJK 東南亞", None),
    ("forum", "id", "f1", "name", "Forum: with a colon, and # a hash", None),
    ("forum", "id", "f1", "source_paragraph", "7", None),
    ("commitment", "id", "s1.c1", "text", 'Commit, with commas, "quotes" and a\nnewline, to =1+1 in Việt Nam.', None),
    ("commitment", "id", "s1.c1", "themes", "t1;t2", None),
    ("commitment", "id", "s1.c2", "text", "-starts with a minus", "'-starts with a minus"),
    ("commitment", "id", "s1.c2", "paragraph", "4 bis", None),
    ("commitment", "id", "s2.c1", "references", "builds-on:s1.c2;follows-up:s1.c1", None),
    ("commitment", "id", "s2.c1", "text", "@mention at the start", "'@mention at the start"),
    ("progress", "party", "viet-nam", "note", "=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
    ("progress", "party", "viet-nam", "status", "substantial", None),
    ("program", "id", "p1", "description", "", None),
    ("dialogue", "id", "d1", "alongside", 'Week of "cyber", 2024', None),
    ("dialogue", "id", "d1", "location", "Hà Nội", None),
]
checked = 0
for kind, key, value, column, plain, safe in CASES:
    expect(f"{kind} {value} {column}", by(rows(f"{d}/plain/{kind}.csv"), key, value)[column], plain)
    expect(f"{kind} {value} {column} --safe-csv", by(rows(f"{d}/safe/{kind}.csv"), key, value)[column],
           plain if safe is None else safe)
    checked += 2
print(f"{checked} awkward cells as written, with and without --safe-csv")

# JSON keeps types: a number is a number, text that looks like one stays text, "" is not null.
objects = {o["id"]: o for o in json.load(open(f"{d}/plain/theme.json", encoding="utf-8"))}
expect("theme t1 description in JSON", objects["t1"]["description"], "123")
expect("theme t1 end of notes", objects["t1"]["notes"], "null")
forum = json.load(open(f"{d}/plain/forum.json", encoding="utf-8"))[0]
expect("forum source_paragraph in JSON", forum["source_paragraph"], 7)
program = json.load(open(f"{d}/plain/program.json", encoding="utf-8"))[0]
expect("program p1 description in JSON", program["description"], "")
expect("program p1 location in JSON", program["location"], None)
statement = next(o for o in json.load(open(f"{d}/plain/statement.json", encoding="utf-8")) if o["id"] == "s1")
expect("statement s1 source_paragraph in JSON", statement["source_paragraph"], "3(b)")
print("JSON types ok" if failures == 0 else "JSON types differ")

# --crlf --bom: a BOM, every record ending CR LF (line breaks inside quoted cells are kept
# as they are), and the same cells as the plain file.
def record_ends(raw):
    ends, quoted, i = [], False, 0
    while i < len(raw):
        c = raw[i:i + 1]
        if c == b'"':
            quoted = not quoted
        elif not quoted and c == b"\r" and raw[i + 1:i + 2] == b"\n":
            ends.append(b"\r\n")
            i += 1
        elif not quoted and c == b"\n":
            ends.append(b"\n")
        i += 1
    return ends


raw = open(f"{d}/excel.csv", "rb").read()
plain_raw = open(f"{d}/plain/party.csv", "rb").read()
expect("BOM", raw[:3], b"\xef\xbb\xbf")
expect("plain starts without a BOM", plain_raw[:3] != b"\xef\xbb\xbf", True)
expect("CR LF record ends", record_ends(raw[3:]), [b"\r\n"] * len(record_ends(plain_raw)))
expect("LF record ends by default", set(record_ends(plain_raw)), {b"\n"})
expect("same cells", list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""))),
       list(csv.reader(io.StringIO(plain_raw.decode("utf-8"), newline=""))))
print(f"--crlf --bom ok: {len(record_ends(raw))} records" if failures == 0 else "--crlf --bom differs")
sys.exit(1 if failures else 0)
