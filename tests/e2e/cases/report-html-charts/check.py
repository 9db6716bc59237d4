#!/usr/bin/python3
"""For every report on tests/fixtures/report/ (already imported into $ACCORD_DB), at
two days: parses `--format html` with html.parser (tests/html/htmltree.py: balanced
tags, no script, no external resource, A4 print rules), finds the SVG bar chart and
checks it has exactly one bar per group of `--format json` of the same report, in the
same order, each segment as tall as its count times one scale for the whole chart.
Also: the coverage heat map holds the JSON's numbers, and the timeline counts every
commitment made and every due date. Prints one `ok:` line per report and day."""
import json
import os
import subprocess
import sys
from collections import OrderedDict

sys.path.insert(0, os.path.join(os.environ["ROOT"], "tests", "html"))
import htmltree  # noqa: E402

STATUSES = ["unassessed", "not-started", "limited", "substantial", "complete", "withdrawn"]
failures = []


def run(*args):
    p = subprocess.run(["accord", "report", *args], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"accord report {' '.join(args)}: exit {p.returncode}: {p.stderr}")
    return p.stdout


def counter(groups=()):
    out = OrderedDict((g, {}) for g in groups)
    return out


def add(bars, group, key, n=1):
    bars.setdefault(group, {})
    if n:
        bars[group][key] = bars[group].get(key, 0) + n


def expected_bars(report, doc):
    """group -> {key: count} worked out from the JSON of the report."""
    bars = counter()
    if report == "progress":
        for g in doc["groups"]:
            name = "(none)" if g["group"] is None else g["group"]
            bars[name] = {s: g[s.replace("-", "_")] for s in STATUSES if g[s.replace("-", "_")]}
    elif report == "overdue":
        for c in doc["commitments"]:
            add(bars, c["statement"], c["status"])
    elif report == "dialogue":
        for s in doc["statements"]:
            bars[s["id"]] = {}
            for c in s["commitments"]:
                add(bars, s["id"], c["status"])
    elif report == "scores":
        bars = counter(doc["parties"])
        for c in doc["commitments"]:
            for party, status in c["statuses"].items():
                add(bars, party, status)
    elif report == "coverage":
        for t in doc["themes"]:
            bars[t["theme"]] = {}
            add(bars, t["theme"], "implemented", t["implemented"])
            add(bars, t["theme"], "not implemented", t["commitments"] - t["implemented"])
    elif report == "changes":
        for c in doc["status_changes"]:
            add(bars, c["statement"], c["to"])
        for c in doc["new_commitments"]:
            add(bars, c["statement"], c["status"])
    return bars


def check(args, what):
    report = args[0]
    doc = json.loads(run(*args, "--format", "json"))
    root, errors = htmltree.parse(run(*args, "--format", "html"))
    failures.extend(f"{what}: {e}" for e in errors)
    bars, svg = htmltree.bar_chart(root)
    want = expected_bars(report, doc)
    got_groups = [g for g, _ in bars]
    if got_groups != list(want):
        failures.append(f"{what}: bars {got_groups}, expected one per group {list(want)}")
    if len(set(got_groups)) != len(got_groups):
        failures.append(f"{what}: a group has more than one bar: {got_groups}")
    scale = None
    for group, segs in bars:
        counts = {k: c for k, (c, _) in segs.items()}
        if counts != want.get(group):
            failures.append(f"{what}: bar {group} counts {counts}, JSON says {want.get(group)}")
        for key, (_, height) in segs.items():
            n = want.get(group, {}).get(key, 0)
            if n <= 0:
                failures.append(f"{what}: bar {group} has a segment {key} of height {height} for {n}")
                continue
            scale = scale or height / n
            # heights are written to two decimals
            if abs(height - n * scale) > 0.011:
                failures.append(f"{what}: bar {group} segment {key}: height {height}, expected {n} x {scale:.3f}")
    viewbox = [float(x) for x in svg.attrs["viewbox"].split()]
    tallest = max((sum(h for _, h in segs.values()) for _, segs in bars), default=0)
    if not 0 <= tallest <= viewbox[3]:
        failures.append(f"{what}: tallest bar {tallest} outside the chart's height {viewbox[3]}")
    return root, doc, bars


def timeline_counts(root):
    svgs = [s for s in root.iter("svg") if "timeline" in s.classes()]
    if len(svgs) != 1:
        failures.append(f"{len(svgs)} timeline charts, expected 1")
        return {}
    totals = {}
    for c in svgs[0].iter("circle", "event"):
        totals[c.attrs["data-event"]] = totals.get(c.attrs["data-event"], 0) + int(c.attrs["data-count"])
    return totals


for day in ("2024-07-01", "2026-01-01"):
    for by in ("statement", "party", "theme"):
        root, doc, bars = check(["progress", "--by", by, "--as-of", day], f"progress --by {by} --as-of {day}")
        made = timeline_counts(root).get("made", 0)
        if made != doc["all"]["total"]:
            failures.append(f"progress --as-of {day}: timeline made {made}, JSON total {doc['all']['total']}")
        print(f"ok: progress --by {by} --as-of {day}: {len(bars)} bars as the JSON's groups, heights to scale")
    root, doc, bars = check(["dialogue", "fx-cpd-1", "--as-of", day], f"dialogue --as-of {day}")
    commitments = [c for s in doc["statements"] for c in s["commitments"]]
    totals = timeline_counts(root)
    want = {"made": len(commitments), "due": sum(1 for c in commitments if c["due"])}
    if {k: totals.get(k, 0) for k in want} != want:
        failures.append(f"dialogue --as-of {day}: timeline {totals}, expected {want}")
    print(f"ok: dialogue fx-cpd-1 --as-of {day}: {len(bars)} bars, timeline made and due as the JSON")
    for report in ("overdue", "scores"):
        root, doc, bars = check([report, "--as-of", day], f"{report} --as-of {day}")
        print(f"ok: {report} --as-of {day}: {len(bars)} bars as the JSON's groups, heights to scale")
    root, doc, bars = check(["coverage", "--as-of", day], f"coverage --as-of {day}")
    maps = [s for s in root.iter("svg") if "heatmap" in s.classes()]
    heat = [[int(c.attrs["data-count"]) for c in g.iter("rect", "cell")] for g in maps[0].iter("g", "row")] \
        if len(maps) == 1 else None
    want = [[t["commitments"], t["implemented"], t["implementing"], t["programs"], len(t["parties"])]
            for t in doc["themes"]]
    if heat != want:
        failures.append(f"coverage --as-of {day}: heat map {heat}, JSON {want}")
    marks = [m.own_text() for m in maps[0].iter("text", "mark")] if maps else []
    if marks != ["no program" for t in doc["themes"] if t["no_program"]]:
        failures.append(f"coverage --as-of {day}: marks {marks}")
    print(f"ok: coverage --as-of {day}: {len(bars)} bars, heat map as the JSON")

for since, until in (("2025", "2025"), ("2024-07", "2024-12")):
    root, doc, bars = check(["changes", "--since", since, "--until", until], f"changes --since {since}")
    windows = [r for s in root.iter("svg") if "timeline" in s.classes() for r in s.iter("rect", "window")]
    if len(windows) != 1:
        failures.append(f"changes --since {since}: {len(windows)} shaded windows, expected 1")
    print(f"ok: changes --since {since} --until {until}: {len(bars)} bars as the JSON, the window shaded")

for f in failures:
    print("FAILED", f)
sys.exit(1 if failures else 0)
