#!/usr/bin/python3
"""Runs every report of `accord report` in every format on the fixture
tests/fixtures/report/ (already imported into $ACCORD_DB), parses table, md, csv
and json back, and checks that each gives the numbers worked out by hand in the
fixture's comment. Prints one `ok:` line per report; exits 1 on any mismatch."""
import csv
import io
import json
import re
import subprocess
import sys

A, B, Y = "2024-07-01", "2026-01-01", "2024"
STATUSES = ["unassessed", "not_started", "limited", "substantial", "complete", "withdrawn"]

# Hand-worked (tests/fixtures/report/fixture.yaml): group -> (u, n, l, s, c, w, total, complete %, overdue).
PROGRESS = {
    ("party", B): {
        "asean": (2, 0, 0, 2, 2, 0, 6, "33.3", 3),
        "singapore": (0, 0, 1, 1, 1, 0, 3, "33.3", 2),
        "us": (1, 0, 0, 0, 2, 1, 4, "66.7", 1),
        "(all)": (3, 0, 0, 1, 2, 1, 7, "33.3", 3),
    },
    ("party", A): {
        "asean": (1, 1, 1, 0, 0, 0, 3, "0.0", 1),
        "singapore": (0, 1, 0, 0, 0, 0, 1, "0.0", 1),
        "us": (0, 0, 2, 0, 0, 0, 2, "0.0", 0),
        "(all)": (1, 1, 2, 0, 0, 0, 4, "0.0", 1),
    },
    ("statement", B): {
        "fx-cpd-1-js": (1, 0, 0, 1, 1, 1, 4, "33.3", 1),
        "fx-cpd-2-js": (2, 0, 0, 0, 1, 0, 3, "33.3", 2),
        "(all)": (3, 0, 0, 1, 2, 1, 7, "33.3", 3),
    },
    ("dialogue", B): {
        "fx-cpd-1": (1, 0, 0, 1, 1, 1, 4, "33.3", 1),
        "fx-cpd-2": (2, 0, 0, 0, 1, 0, 3, "33.3", 2),
        "(all)": (3, 0, 0, 1, 2, 1, 7, "33.3", 3),
    },
    ("series", B): {
        "fx-cpd": (3, 0, 0, 1, 2, 1, 7, "33.3", 3),
        "(all)": (3, 0, 0, 1, 2, 1, 7, "33.3", 3),
    },
    ("theme", B): {
        "cb": (1, 0, 0, 1, 1, 1, 4, "33.3", 2),
        "norms": (2, 0, 0, 0, 1, 0, 3, "33.3", 2),
        "(none)": (1, 0, 0, 0, 0, 0, 1, "0.0", 0),
        "(all)": (3, 0, 0, 1, 2, 1, 7, "33.3", 3),
    },
    ("statement", Y): {
        "fx-cpd-1-js": (1, 0, 1, 0, 1, 1, 4, "33.3", 0),
        "fx-cpd-2-js": (3, 0, 0, 0, 0, 0, 3, "0.0", 0),
        "(all)": (4, 0, 1, 0, 1, 1, 7, "16.7", 0),
    },
}
# commitment -> (due, days overdue, status), oldest due first.
OVERDUE = {
    A: [("fx-cpd-1-js.c2", "2024-06", 1, "not-started")],
    B: [("fx-cpd-1-js.c1", "2024", 366, "substantial"),
        ("fx-cpd-2-js.c1", "2025-03", 276, "unassessed"),
        ("fx-cpd-2-js.c2", "2025", 1, "unassessed")],
}
# commitment -> (status, days overdue or None); followers (record, source, relation).
DIALOGUE = {
    A: ({"fx-cpd-1-js.c1": ("limited", None), "fx-cpd-1-js.c2": ("not-started", 1),
         "fx-cpd-1-js.c3": ("limited", None), "fx-cpd-1-js.c4": ("unassessed", None)},
        [("fx-cpd-1-js.c2", "fx-training", "implements")]),
    B: ({"fx-cpd-1-js.c1": ("substantial", 366), "fx-cpd-1-js.c2": ("complete", None),
         "fx-cpd-1-js.c3": ("withdrawn", None), "fx-cpd-1-js.c4": ("unassessed", None)},
        [("fx-cpd-1", "fx-cpd-2-js", "recalls"), ("fx-cpd-1-js", "fx-cpd-2-js", "reaffirms"),
         ("fx-cpd-1-js.c1", "fx-cpd-2-js.c1", "reaffirms"), ("fx-cpd-1-js.c2", "fx-training", "implements"),
         ("fx-cpd-1-js.c2", "fx-cpd-2-js.c2", "follows-up")]),
}

failures = []


def run(*args):
    p = subprocess.run(["accord", "report", *args], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"accord report {' '.join(args)}: exit {p.returncode}: {p.stderr}")
    return p.stdout


def expect(what, got, want):
    if got != want:
        failures.append(f"{what}:\n  got  {got}\n  want {want}")


def table_rows(text):
    """The first block of an aligned table: header cells, then rows (cells split at 2+ spaces)."""
    block = text.split("\n\n")[0].splitlines()
    return [re.split(r"\s{2,}", line.strip()) for line in block]


def md_rows(text):
    rows = [l for l in text.splitlines() if l.startswith("|")]
    cells = [[c.strip() for c in l.strip("|").split(" | ")] for l in rows]
    return [cells[0]] + cells[2:]


def progress_from(fmt, text):
    """group -> tuple of the nine numbers, from one format."""
    out = {}
    if fmt == "json":
        doc = json.loads(text)
        for g in doc["groups"] + [dict(doc["all"], group="(all)")]:
            name = "(none)" if g["group"] is None else g["group"]
            pct = None if g["complete_pct"] is None else f"{g['complete_pct']:.1f}"
            out[name] = tuple(g[s] for s in STATUSES) + (g["total"], pct, g["overdue"])
        return out
    if fmt == "csv":
        for r in csv.DictReader(io.StringIO(text, newline="")):
            name = r["group"] or "(none)"
            out[name] = tuple(int(r[s]) for s in STATUSES) + (int(r["total"]), r["complete_pct"] or None,
                                                              int(r["overdue"]))
        return out
    rows = table_rows(text) if fmt == "table" else md_rows(text)
    for r in rows[1:]:
        out[r[0]] = tuple(int(x) for x in r[1:8]) + (r[8] or None, int(r[9]))
    return out


for (by, day), want in PROGRESS.items():
    results = {fmt: progress_from(fmt, run("progress", "--by", by, "--as-of", day, "--format", fmt))
               for fmt in ("table", "md", "csv", "json")}
    for fmt, got in results.items():
        expect(f"progress --by {by} --as-of {day} --format {fmt}", got, want)
    print(f"ok: progress --by {by} --as-of {day}: table, md, csv and json give the hand-worked numbers")


def overdue_from(fmt, text):
    if fmt == "json":
        doc = json.loads(text)
        if doc["count"] != len(doc["commitments"]):
            failures.append("overdue json: count differs from the list")
        return [(c["commitment"], c["due"], c["days_overdue"], c["status"]) for c in doc["commitments"]]
    if fmt == "csv":
        return [(r["commitment"], r["due"], int(r["days_overdue"]), r["status"])
                for r in csv.DictReader(io.StringIO(text, newline=""))]
    rows = (table_rows(text) if fmt == "table" else md_rows(text)) if "\n\n" in text.strip() else [[]]
    return [(r[0], r[1], int(r[2]), r[3]) for r in rows[1:]]


for day, want in OVERDUE.items():
    for fmt in ("table", "md", "csv", "json"):
        expect(f"overdue --as-of {day} --format {fmt}", overdue_from(fmt, run("overdue", "--as-of", day,
                                                                               "--format", fmt)), want)
    print(f"ok: overdue --as-of {day}: table, md, csv and json list the hand-worked commitments and days")


def section(text, title):
    """The rows of one titled table of the text or md dialogue report."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.lstrip("# ") == title:
            body = []
            for l in lines[i + 1:]:
                if l.startswith("### ") or (body and not l.strip()):
                    break
                if l.strip():
                    body.append(l)
            return body
    return []


def dialogue_from(fmt, text):
    if fmt == "json":
        doc = json.loads(text)
        statuses, followed = {}, []
        followed += [(doc["dialogue"]["id"], f["source"], f["relation"]) for f in doc["dialogue"]["followed_by"]]
        for s in doc["statements"]:
            followed += [(s["id"], f["source"], f["relation"]) for f in s["followed_by"]]
            for c in s["commitments"]:
                statuses[c["id"]] = (c["status"], c["days_overdue"])
                followed += [(c["id"], f["source"], f["relation"]) for f in c["followed_by"]]
        return statuses, followed
    if fmt == "csv":
        statuses, followed = {}, []
        for r in csv.DictReader(io.StringIO(text, newline="")):
            statuses[r["commitment"]] = (r["status"], int(r["days_overdue"]) if r["days_overdue"] else None)
            for item in filter(None, r["followed_by"].split(";")):
                relation, source = item.split(":")
                followed.append((r["commitment"], source, relation))
        return statuses, followed
    statuses = {}
    if fmt == "md":
        for r in md_rows("\n".join(section(text, "Commitments")))[1:]:
            # commitment, statement, due, status, days overdue, actors
            statuses[r[0]] = (r[3], int(r[4]) if r[4] else None)
        f_rows = md_rows("\n".join(section(text, "What followed")))
    else:
        for line in section(text, "Commitments")[1:]:
            # commitment statement [due] status [days] actors...: due is a date, days a number.
            t = line.split()
            i = 3 if re.match(r"^\d{4}", t[2]) else 2
            days = int(t[i + 1]) if t[i + 1].isdigit() else None
            statuses[t[0]] = (t[i], days)
        f_rows = [re.split(r"\s{2,}", l.strip()) for l in section(text, "What followed")]
    followed = [(r[0], r[1], r[4].replace(" it", "")) for r in f_rows[1:]]
    return statuses, followed


for day, (want_status, want_followed) in DIALOGUE.items():
    for fmt in ("table", "md", "csv", "json"):
        statuses, followed = dialogue_from(fmt, run("dialogue", "fx-cpd-1", "--as-of", day, "--format", fmt))
        expect(f"dialogue fx-cpd-1 --as-of {day} --format {fmt}: statuses", statuses, want_status)
        if fmt == "csv":  # CSV holds the commitments only
            want_followed_here = [f for f in want_followed if f[0].startswith("fx-cpd-1-js.")]
        else:
            want_followed_here = want_followed
        expect(f"dialogue fx-cpd-1 --as-of {day} --format {fmt}: what followed", followed, want_followed_here)
    print(f"ok: dialogue fx-cpd-1 --as-of {day}: table, md, csv and json give the hand-worked statuses and followers")

# ---- scores: commitment -> average; party -> (average, scored); overall (average, scored).
SCORES = {
    B: ({"fx-cpd-1-js.c1": "0.50", "fx-cpd-1-js.c2": "1.00", "fx-cpd-1-js.c3": "-1.00", "fx-cpd-1-js.c4": None,
         "fx-cpd-2-js.c1": "0.00", "fx-cpd-2-js.c2": "0.00", "fx-cpd-2-js.c3": "1.00"},
        {"asean": ("0.50", 2), "singapore": ("0.33", 3), "us": ("0.33", 3)}, ("0.38", 8)),
    A: ({"fx-cpd-1-js.c1": "0.00", "fx-cpd-1-js.c2": "-1.00", "fx-cpd-1-js.c3": "0.00", "fx-cpd-1-js.c4": None},
        {"asean": ("0.00", 1), "singapore": ("-1.00", 1), "us": ("0.00", 2)}, ("-0.25", 4)),
}


def plain(x):
    return None if x in (None, "") else str(x).lstrip("+")


def scores_from(fmt, text):
    if fmt == "json":
        doc = json.loads(text)
        num = lambda v: None if v is None else f"{v:.2f}"
        return ({c["commitment"]: num(c["average"]) for c in doc["commitments"]},
                {p: (num(m["average"]), m["scored"]) for p, m in doc["parties_average"].items()},
                (num(doc["overall"]["average"]), doc["overall"]["scored"]))
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        parties = [h for h in rows[0].keys() if h not in ("commitment", "statement", "due", "status", "average", "scored",
                                                           "text", "latest_date", "latest_note", "latest_evidence")]
        avg = next(r for r in rows if r["commitment"] == "(average)")
        scored = next(r for r in rows if r["commitment"] == "(scored)")
        return ({r["commitment"]: plain(r["average"]) for r in rows if not r["commitment"].startswith("(")},
                {p: (plain(avg[p]), int(scored[p])) for p in parties},
                (plain(avg["average"]), int(avg["scored"])))
    if fmt == "md":
        rows = md_rows(text)
        # commitment, statement, due, status, PARTY..., average, text, latest progress
        parties = rows[0][4:-3]
        body = {r[0]: r for r in rows[1:]}
        return ({c: plain(r[-3]) for c, r in body.items() if not c.startswith("(")},
                {p: (plain(body["(average)"][4 + i]), int(body["(scored)"][4 + i])) for i, p in enumerate(parties)},
                (plain(body["(average)"][-3]), int(body["(scored)"][-3])))
    # The columns up to the average (the text and the note after it hold spaces); the footer rows
    # leave statement, due and status empty.
    lines = text.split("\n\n")[0].splitlines()
    cut = lines[0].index(" text ") + 1
    lines = [l[:cut] for l in lines]
    parties = lines[0].split()[4:-1]
    rows = {l.split()[0]: l.split() for l in lines[1:]}
    averages = {c: (plain(t[-1]) if "." in t[-1] else None) for c, t in rows.items() if not c.startswith("(")}
    return (averages,
            {p: (plain(rows["(average)"][1 + i]), int(rows["(scored)"][1 + i])) for i, p in enumerate(parties)},
            (plain(rows["(average)"][-1]), int(rows["(scored)"][-1])))


for day, want in SCORES.items():
    for fmt in ("table", "md", "csv", "json"):
        expect(f"scores --as-of {day} --format {fmt}", scores_from(fmt, run("scores", "--as-of", day, "--format", fmt)),
               want)
    print(f"ok: scores --as-of {day}: table, md, csv and json give the hand-worked averages")

# ---- coverage: theme -> (commitments, implemented, implementing, programs, parties, flagged); unlinked programs.
COVERAGE = {
    B: ({"cb": (4, 1, 1, 1, 3, False), "norms": (3, 2, 2, 0, 3, False)}, ["fx-exchange"]),
    A: ({"cb": (2, 0, 0, 0, 2, True), "norms": (1, 1, 1, 0, 1, False)}, []),
}


def coverage_from(fmt, text):
    if fmt == "json":
        doc = json.loads(text)
        return ({t["theme"]: (t["commitments"], t["implemented"], t["implementing"], t["programs"], len(t["parties"]),
                              t["no_program"]) for t in doc["themes"]},
                [p["program"] for p in doc["programs_implementing_nothing"]])
    if fmt == "csv":  # the themes only
        return ({r["theme"]: tuple(int(r[k]) for k in ("commitments", "implemented", "implementing", "programs",
                                                        "parties")) + (r["no_program"] == "true",)
                 for r in csv.DictReader(io.StringIO(text, newline=""))}, None)
    if fmt == "md":
        tables, current = [], []
        for l in text.splitlines() + [""]:
            if l.startswith("|"):
                current.append(l)
            elif current:
                tables.append(md_rows("\n".join(current)))
                current = []
        themes = {r[0]: tuple(int(x) for x in r[3:8]) + (r[8] == "no program",) for r in tables[0][1:]}
        return themes, [r[0] for r in tables[1][1:]] if len(tables) > 1 else []
    blocks = text.split("\n\n")
    themes = {}
    for l in blocks[0].splitlines()[1:]:
        t = re.split(r"\s{2,}", l.strip())
        nums = [int(x) for x in t if x.isdigit()]
        themes[t[0]] = tuple(nums[:5]) + (t[-1] == "no program",)
    unlinked = [l.split()[0] for l in blocks[1].splitlines()[2:] if l != "(none)"]
    return themes, unlinked


for day, want in COVERAGE.items():
    for fmt in ("table", "md", "csv", "json"):
        got = coverage_from(fmt, run("coverage", "--as-of", day, "--format", fmt))
        expect(f"coverage --as-of {day} --format {fmt}", got, want if fmt != "csv" else (want[0], None))
    print(f"ok: coverage --as-of {day}: table, md, csv and json give the hand-worked counts and flags")

# ---- changes: status changes (commitment, from, to), new commitments (commitment, status), new programs.
CHANGES = {
    ("2025", "2025"): ([("fx-cpd-1-js.c1", "limited", "substantial"), ("fx-cpd-2-js.c3", "unassessed", "complete")],
                       [], ["fx-exchange", "fx-fund"]),
    ("2024-07", "2024-12"): ([("fx-cpd-1-js.c2", "not-started", "complete"), ("fx-cpd-1-js.c3", "limited", "withdrawn")],
                             [("fx-cpd-2-js.c1", "unassessed"), ("fx-cpd-2-js.c2", "unassessed"),
                              ("fx-cpd-2-js.c3", "unassessed")], []),
}


def changes_from(fmt, text):
    if fmt == "json":
        doc = json.loads(text)
        return ([(c["commitment"], c["from"], c["to"]) for c in doc["status_changes"]],
                [(c["commitment"], c["status"]) for c in doc["new_commitments"]],
                [p["program"] for p in doc["new_programs"]])
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        return ([(r["id"], r["from"], r["to"]) for r in rows if r["change"] == "status"],
                [(r["id"], r["to"]) for r in rows if r["change"] == "new-commitment"],
                [r["id"] for r in rows if r["change"] == "new-program"])
    rows = (lambda title: md_rows("\n".join(section(text, title)))[1:] if section(text, title)[0] != "(none)"
            else []) if fmt == "md" else (lambda title: [l.split() for l in section(text, title)[1:]])
    return ([(r[0], r[2], r[3]) for r in rows("Status changes")],
            [(r[0], r[3]) for r in rows("New commitments")],
            [r[0] for r in rows("New programs")])


for (since, until), want in CHANGES.items():
    for fmt in ("table", "md", "csv", "json"):
        expect(f"changes --since {since} --until {until} --format {fmt}",
               changes_from(fmt, run("changes", "--since", since, "--until", until, "--format", fmt)), want)
    print(f"ok: changes --since {since} --until {until}: table, md, csv and json list the hand-worked changes")

for f in failures:
    print("MISMATCH", f)
sys.exit(1 if failures else 0)
