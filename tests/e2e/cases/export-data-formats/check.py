#!/usr/bin/python3
"""usage: check.py [--safe-csv] DB DIR

Reads back the exports in DIR (every kind, links and timeline as WHAT.csv, WHAT.json and
WHAT.jsonl) with Python's csv and json modules and checks every field against the database,
read here with Python's sqlite3 module. The columns are those documented in docs/export.md,
spelled out again here on purpose. A list is one `;`-joined cell in CSV (references as
relation:target) and an array in JSON (`[]` for none; references as {"relation", "target"}
objects). --safe-csv: the CSV files were written with --safe-csv, so a text cell starting
with = + - @ TAB or CR is expected with a leading '.
Also used by export-awkward."""
import csv
import io
import json
import sqlite3
import sys

args = sys.argv[1:]
safe_csv = "--safe-csv" in args
db_path, out_dir = [a for a in args if a != "--safe-csv"]
db = sqlite3.connect(db_path)

SOURCE = ["source_title", "source_publisher", "source_url", "source_published", "source_paragraph"]
# column -> how it is read: "col:SQL_COLUMN", "party:ROLE", "theme", "ref:FIELD", "references"
KINDS = {
    "party": [("id", "col:id"), ("name", "col:name"), ("type", "col:type"), ("short_name", "col:short_name"),
              ("member_of", "party:member_of"), ("country", "col:country")],
    "forum": [("id", "col:id"), ("name", "col:name"), ("type", "col:type"), ("parties", "party:parties"),
              ("established", "col:established")],
    "theme": [("id", "col:id"), ("label", "col:label"), ("description", "col:description"),
              ("group", "col:group_name"), ("code", "col:code")],
    "dialogue": [("id", "col:id"), ("title", "col:title"), ("date", "col:date"), ("series", "col:series"),
                 ("number", "col:number"), ("end_date", "col:end_date"), ("location", "col:location"),
                 ("alongside", "col:alongside"), ("parties", "party:parties"), ("chairs", "party:chairs")],
    "statement": [("id", "col:id"), ("title", "col:title"), ("date", "col:date"), ("type", "col:type"),
                  ("dialogue", "col:dialogue_id"), ("adopted_at", "col:adopted_at"), ("parties", "party:parties"),
                  ("references", "references")],
    "commitment": [("id", "col:id"), ("text", "col:text"), ("statement", "col:statement_id"),
                   ("paragraph", "col:paragraph"), ("actors", "party:actors"), ("action", "col:action"),
                   ("themes", "theme"), ("due", "col:due"), ("references", "references")],
    "program": [("id", "col:id"), ("title", "col:title"), ("type", "col:type"), ("description", "col:description"),
                ("implementers", "party:implementers"), ("funders", "party:funders"),
                ("beneficiaries", "party:beneficiaries"), ("themes", "theme"), ("location", "col:location"),
                ("start", "col:start_date"), ("end", "col:end_date"), ("status", "col:status"),
                ("implements", "ref:implements")],
    "progress": [("commitment", "col:commitment_id"), ("date", "col:date"), ("status", "col:status"),
                 ("party", "col:party_id"), ("assessor", "col:assessor"), ("note", "col:note"),
                 ("evidence", "col:evidence")],
}
for k in KINDS:
    KINDS[k] = KINDS[k] + [(c, "col:" + c) for c in SOURCE] + [("notes", "col:notes")]


class Listed(list):
    """A list field's value: an array in JSON, one `;`-joined cell in CSV."""


def listed(sql, args):
    return Listed(r[0] for r in db.execute(sql, args))


def expected_kind(kind):
    columns = KINDS[kind]
    sql_cols = [how[4:] for _, how in columns if how.startswith("col:")]
    key = "seq" if kind == "progress" else "id"
    rows = []
    for r in db.execute(f"SELECT {key}, {', '.join(sql_cols)} FROM {kind} ORDER BY rowid"):
        ident, values, out = r[0], list(r[1:]), []
        for name, how in columns:
            if how.startswith("col:"):
                out.append(values.pop(0))
            elif how.startswith("party:"):
                out.append(listed("SELECT party_id FROM record_party WHERE record_id = ? AND role = ? ORDER BY pos",
                                  (ident, how[6:])))
            elif how == "theme":
                out.append(listed("SELECT theme_id FROM record_theme WHERE record_id = ? ORDER BY pos", (ident,)))
            elif how.startswith("ref:"):
                out.append(listed("SELECT target_id FROM record_reference WHERE source_id = ? AND field = ? "
                                  "ORDER BY pos", (ident, how[4:])))
            else:
                out.append(Listed({"relation": r[0], "target": r[1]} for r in db.execute(
                    "SELECT relation, target_id FROM record_reference WHERE source_id = ? AND field = 'references' "
                    "ORDER BY pos", (ident,))))
        rows.append(out)
    return [name for name, _ in columns], rows


def expected_links():
    rows = db.execute("SELECT r.source_id, r.field, r.relation, r.target_id FROM record_reference r "
                      "JOIN record s ON s.id = r.source_id ORDER BY s.rowid, r.field, r.pos").fetchall()
    return ["source_id", "field", "relation", "target_id"], [list(r) for r in rows]


def expected_timeline():
    cur = db.execute("SELECT * FROM v_timeline ORDER BY date, commitment_id")
    header = [d[0] for d in cur.description]
    actors = header.index("actors")
    rows = [list(r) for r in cur.fetchall()]
    for r in rows:
        r[actors] = Listed(r[actors].split(";") if r[actors] else [])
    return header, rows


def read(name):
    with open(f"{out_dir}/{name}", "rb") as f:
        return f.read()


def check(what, header, rows):
    problems = []
    # CSV: text cells; an absent value is an empty cell.
    raw = read(f"{what}.csv")
    if raw.startswith(b"\xef\xbb\xbf") or b"\r\n" == raw[raw.index(b"\n") - 1:raw.index(b"\n") + 1]:
        problems.append("csv: BOM or CRLF by default")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    if table[0] != header:
        problems.append(f"csv header {table[0]} != {header}")
    def plain(v):
        if isinstance(v, Listed):
            return ";".join(f"{i['relation']}:{i['target']}" if isinstance(i, dict) else i for i in v)
        return "" if v is None else str(v)

    def cell(v):
        text = plain(v)
        if safe_csv and (isinstance(v, (str, Listed))) and text[:1] in ("=", "+", "-", "@", "\t", "\r"):
            return "'" + text
        return text

    want = [[cell(v) for v in r] for r in rows]
    if table[1:] != want:
        problems.append("csv rows differ")
    # JSON and JSONL: types kept (null, number, string).
    want_objects = [dict(zip(header, r)) for r in rows]
    got = json.loads(read(f"{what}.json").decode("utf-8"))
    if got != want_objects or any(list(o.keys()) != header for o in got):
        problems.append("json differs")
    lines = read(f"{what}.jsonl").decode("utf-8").split("\n")
    if lines[-1] != "" or [json.loads(l) for l in lines[:-1]] != want_objects:
        problems.append("jsonl differs")
    for o in got:
        for k, v in o.items():
            if isinstance(v, float):
                problems.append(f"json: {k} is a float")
    cells = sum(len(r) for r in rows)
    lists = sum(1 for r in rows for v in r if isinstance(v, Listed))
    safe = sum(1 for r in rows for v in r if cell(v) != plain(v))
    print(f"{what}: {len(rows)} rows x {len(header)} columns, {cells} cells"
          + (f", {lists} lists" if lists else "") + (f" ({safe} made safe)" if safe_csv else "") + ": "
          + ("csv json jsonl ok" if not problems else "; ".join(problems)))
    return not problems


ok = True
for kind in KINDS:
    ok &= check(kind, *expected_kind(kind))
ok &= check("links", *expected_links())
ok &= check("timeline", *expected_timeline())
sys.exit(0 if ok else 1)
