#!/usr/bin/python3
"""Checks `accord report brief` on data/ (us-asean-cpd) and on tests/fixtures/brief/:

  json   the JSON parsed back agrees with the table format's numbers: the count in each
         section heading ("Overdue on D (N)") and the status table's counts and total;
  html   the page parsed with html.parser (tests/html/htmltree.py): well formed, every
         undertaking and acknowledgement id of the brief (from its JSON) present, tables
         at the page's width (the stylesheet sets width: 100%), every id, date and
         number cell unbreakable (class nw, white-space: nowrap), status cells with their
         swatch and a legend (a header with its swatch) per status;
  pdf    with --pdf: headless Chromium prints the page to PDF: one or two A4 pages
         (counted as "/Type /Page" objects). Exits 77 (CTest skip) without chromium.

usage: brief.py BIN_DIR ROOT json|html|pdf [--save-pdf FILE]"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import htmltree  # noqa: E402

# (name, data to import, brief arguments)
CASES = [
    ("data", "data", ["us-asean-cpd", "--next", "2026-10-01", "--as-of", "2026-09-30"]),
    ("fixture", "tests/fixtures/brief", ["fx-cpd", "--next", "2025-10-01", "--as-of", "2025-06-30"]),
]
STATUSES = ["unassessed", "not-started", "limited", "substantial", "complete", "withdrawn"]
DATE = re.compile(r"^\d{4}(-\d{2}){0,2}$")


def run(args, env, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, env=env, **kw).stdout


HEADINGS = {"Undertakings by status": "undertakings", "Overdue on": "overdue",
            "Falling due before the next meeting": "upcoming", "Renewed": "renewed",
            "Look renewed, not linked": "similar", "Acknowledgements": "acknowledgements"}


def check_json(brief, table, name):
    """The table format's section headings and status counts against the JSON."""
    f = []
    heads, rows, section = {}, {}, None
    for line in table.splitlines():
        m = re.match(r"^(.*?)(?: \S+)? \((\d+)\)$", line)
        if m:
            for prefix, key in HEADINGS.items():
                if line.startswith(prefix):
                    heads[key] = int(m.group(2))
        if not line:
            section = None
        elif line == "Where the undertakings stand":
            section = "summary"
        elif section == "summary" and line.split()[:2] == ["status", "unassessed"]:
            header = line.split()[1:]
        elif section == "summary" and line.startswith("undertakings "):
            rows = dict(zip(header, map(int, line.split()[1:])))
    c = brief["counts"]
    want = {"undertakings": c["undertakings"]}
    for key in ("overdue", "upcoming", "renewed", "similar", "acknowledgements"):
        want[key] = len(brief[key])
        if c[key] != len(brief[key]):
            f.append(f"{name}: counts.{key} {c[key]} != {len(brief[key])} items")
    if heads != want:
        f.append(f"{name}: table headings {heads} != json {want}")
    for g in brief["by_status"]:
        if c["by_status"][g["status"]] != len(g["undertakings"]):
            f.append(f"{name}: counts.by_status[{g['status']}] is not the group's size")
    want_rows = {s: c["by_status"].get(s, 0) for s in STATUSES}
    want_rows["total"] = c["undertakings"]
    if rows != want_rows:
        f.append(f"{name}: table status counts {rows} != json {want_rows}")
    if c["undertakings"] != sum(len(g["undertakings"]) for g in brief["by_status"]):
        f.append(f"{name}: counts.undertakings is not the sum of the groups")
    ids = {u["id"] for g in brief["by_status"] for u in g["undertakings"]}
    for key in ("overdue", "upcoming"):
        for u in brief[key]:
            if u["id"] not in ids:
                f.append(f"{name}: {key} names {u['id']}, not an undertaking of the brief")
    print(f"{name}: {c['undertakings']} undertakings, headings {heads}, statuses {rows}")
    return f


def check_html(brief, page, name):
    f = []
    root, errors = htmltree.parse(page)
    f += [f"{name}: {e}" for e in errors]
    style, rules = htmltree.stylesheet(root)
    if "width: 100%" not in rules.get("table", ""):
        f.append(f"{name}: the stylesheet does not set tables to the page's width")
    if "white-space: nowrap" not in rules.get(".nw", ""):
        f.append(f"{name}: the stylesheet has no unbreakable cell class (.nw)")
    if "max-width" not in rules.get("body", ""):
        f.append(f"{name}: the page's body has no max-width")
    text = root.all_text()
    ids = [u["id"] for g in brief["by_status"] for u in g["undertakings"]] + \
          [a["id"] for a in brief["acknowledgements"]]
    missing = [i for i in ids if i not in text]
    if missing:
        f.append(f"{name}: undertakings missing from the page: {missing}")
    cells = 0
    for td in root.iter("td"):
        t = td.all_text().strip()
        if t in ids or DATE.match(t) or re.match(r"^-?\d+(\.\d+)?$", t):
            cells += 1
            if "nw" not in td.classes():
                f.append(f"{name}: the cell {t!r} may break (no class nw)")
    for td in root.iter("td"):
        if td.all_text().strip() in STATUSES and not list(td.iter("span", "sw")):
            f.append(f"{name}: the status cell {td.all_text().strip()!r} has no swatch")
    legend = [th.all_text().strip() for th in root.iter("th") if list(th.iter("span", "sw"))]
    for s in STATUSES:
        if s not in legend:
            f.append(f"{name}: no legend row for {s}")
        if f".k-{s} " not in style and f".k-{s}{{" not in style:
            f.append(f"{name}: no colour for {s}")
    print(f"{name}: {len(ids)} ids present, {cells} id/date/number cells unbreakable")
    return f


def chromium():
    for n in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(n):
            return shutil.which(n)
    return None


def check_pdf(html_path, tmp, name, env, save=None):
    pdf = os.path.join(tmp, name + ".pdf")
    cmd = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
           f"--user-data-dir={os.path.join(tmp, 'profile')}", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
           "file://" + html_path]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=180, env=env)
    if p.returncode != 0 or not os.path.exists(pdf):
        return [f"{name}: chromium failed ({p.returncode}): {p.stderr[-2000:]}"]
    data = open(pdf, "rb").read().decode("latin-1")
    pages = len(re.findall(r"/Type\s*/Page(?![s\w])", data))
    print(f"{name}: the PDF has {pages} page(s)")
    if save:
        shutil.copy(pdf, save)
    return [] if 1 <= pages <= 2 else [f"{name}: the brief prints to {pages} pages, not one or two"]


def main():
    if len(sys.argv) < 4 or sys.argv[3] not in ("json", "html", "pdf"):
        sys.exit(__doc__)
    bin_dir, root, what = sys.argv[1:4]
    if what == "pdf" and not chromium():
        print("chromium not found: skipped")
        sys.exit(77)
    accord = os.path.join(bin_dir, "accord")
    failures = []
    with tempfile.TemporaryDirectory(prefix="accord-brief-") as tmp:
        env = dict(os.environ, TZ="UTC", NO_COLOR="1", HOME=tmp)
        for name, data, args in CASES:
            db = os.path.join(tmp, name + ".db")
            run([accord, "import", "-q", "--db", db, os.path.join(root, data)], env)
            brief = json.loads(run([accord, "report", "brief", "--db", db, *args, "--format", "json"], env))
            if what == "json":
                table = run([accord, "report", "brief", "--db", db, *args], env)
                failures += check_json(brief, table, name)
                continue
            html_path = os.path.join(tmp, name + ".html")
            run([accord, "report", "brief", "--db", db, *args, "--format", "html", "-o", html_path], env)
            if what == "html":
                failures += check_html(brief, open(html_path, encoding="utf-8").read(), name)
            else:
                save = sys.argv[5] if len(sys.argv) == 6 and sys.argv[4] == "--save-pdf" and name == "data" else None
                failures += check_pdf(html_path, tmp, name, env, save)
    for f in failures:
        print("FAILED", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
