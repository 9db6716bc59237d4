#!/usr/bin/python3
"""Checks the html of every report but the brief (tests/html/brief.py has its own) on data/:
every commitment the report's JSON names is on the page; every cell that is an id of the
report's JSON, a date or a number is unbreakable (class nw); every text of every chart lies
inside its SVG's viewBox (its width estimated at 0.6 em a character, rotations included);
tables and charts take the page's width (width: 100%).

usage: reports.py BIN_DIR ROOT"""
import json
import math
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import htmltree  # noqa: E402

AS_OF = ["--as-of", "2026-01-01"]
REPORTS = [
    ["progress", "--by", "theme"], ["overdue"], ["upcoming", "--within", "1y"], ["dialogue", "us-asean-cpd-5"],
    ["scores"], ["coverage"], ["changes", "--since", "2024-01", "--until", "2026-01-01"],
]
DATE = re.compile(r"^\d{4}(-\d{2}){0,2}$")
NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")
ID_KEYS = {"commitment", "id", "statement", "theme", "program", "group"}


def ids_of(value, out, commitments, key=None):
    """Every id-like value of the JSON (under an id key); commitments: those under "commitment"
    or in a "commitments" list's "id"."""
    if isinstance(value, dict):
        for k, v in value.items():
            ids_of(v, out, commitments, k)
            if k == "commitment" and isinstance(v, str):
                commitments.add(v)
        if key in ("commitments", "acknowledgements") and isinstance(value.get("id"), str):
            commitments.add(value["id"])
    elif isinstance(value, list):
        for v in value:
            ids_of(v, out, commitments, key)
    elif isinstance(value, str) and key in ID_KEYS:
        out.add(value)


def text_extent(node, font):
    """(left, right) of an SVG text's box along x, its transform's rotation included."""
    a = node.attrs
    x = float(a.get("x", 0))
    w = len(node.all_text()) * float(a.get("font-size", font)) * 0.6
    anchor = a.get("text-anchor", "start")
    lo, hi = {"start": (0, w), "middle": (-w / 2, w / 2), "end": (-w, 0)}[anchor]
    m = re.match(r"rotate\(([-\d.]+)", a.get("transform", ""))
    if m:
        c = abs(math.cos(math.radians(float(m.group(1)))))
        lo, hi = lo * c, hi * c
    return x + lo, x + hi


def check(name, page, data):
    f = []
    root, errors = htmltree.parse(page)
    f += [f"{name}: {e}" for e in errors]
    _, rules = htmltree.stylesheet(root)
    for sel in ("table", "figure svg"):
        if "width: 100%" not in rules.get(sel, ""):
            f.append(f"{name}: {sel} is not at the page's width")
    ids, commitments = set(), set()
    ids_of(data, ids, commitments)
    text = root.all_text()
    missing = sorted(c for c in commitments if c not in text)
    if missing:
        f.append(f"{name}: commitments missing from the page: {missing}")
    cells = 0
    for td in root.iter("td"):
        t = td.all_text().strip()
        if t in ids or DATE.match(t) or NUMBER.match(t):
            cells += 1
            if "nw" not in td.classes():
                f.append(f"{name}: the cell {t!r} may break (no class nw)")
    texts = 0
    for svg in root.iter("svg"):
        _, _, width, height = map(float, svg.attrs["viewbox" if "viewbox" in svg.attrs else "viewBox"].split())
        font = float(svg.attrs.get("font-size", 10))
        for t in svg.iter("text"):
            texts += 1
            lo, hi = text_extent(t, font)
            if lo < -0.5 or hi > width + 0.5:
                f.append(f"{name}: the chart label {t.all_text()!r} spans x {lo:.0f}..{hi:.0f}, outside 0..{width:.0f}")
    print(f"{name}: {len(commitments)} commitments present, {cells} id/date/number cells unbreakable, "
          f"{texts} chart labels inside")
    return f


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    bin_dir, root = sys.argv[1:3]
    accord = os.path.join(bin_dir, "accord")
    failures = []
    with tempfile.TemporaryDirectory(prefix="accord-html-") as tmp:
        env = dict(os.environ, TZ="UTC", NO_COLOR="1", HOME=tmp)
        db = os.path.join(tmp, "data.db")
        subprocess.run([accord, "import", "-q", "--db", db, os.path.join(root, "data")], check=True, env=env)
        for args in REPORTS:
            base = [accord, "report", *args, "--db", db] + ([] if args[0] == "changes" else AS_OF)
            out = lambda fmt: subprocess.run(base + ["--format", fmt], check=True, capture_output=True,  # noqa: E731
                                             text=True, env=env).stdout
            failures += check(args[0], out("html"), json.loads(out("json")))
    for f in failures:
        print("FAILED", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
