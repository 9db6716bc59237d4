#!/usr/bin/python3
"""Every report as HTML on input.yaml (already imported into $ACCORD_DB), whose
titles, labels and places hold markup, entities, quotes, a comment and CDATA: each
page must be well formed (tests/html/htmltree.py) and show that text unaltered as
text, with none of it turned into elements. Prints one `ok:` line per report."""
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.environ["ROOT"], "tests", "html"))
import htmltree  # noqa: E402

DIALOGUE = 'Talks <script>alert("x")</script> & "friends"'
LOCATION = "<i>Hanoi</i> &amp; beyond"
ALONGSIDE = "Week of <!-- a comment --> & <![CDATA[ x ]]>"
STATEMENT = "Joint <em>statement</em> & 'notes'"
THEME = "13(a) Norms <svg onload=alert(1)> & \"quoted\" 'single'"
PROGRAM = "Programme </td></tr></table><script>alert('x')</script>"

failures = []


def page(*args):
    p = subprocess.run(["accord", "report", *args, "--format", "html"], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"accord report {' '.join(args)}: exit {p.returncode}: {p.stderr}")
    root, errors = htmltree.parse(p.stdout)
    failures.extend(f"{args[0]}: {e}" for e in errors)
    return root


def cells(root):
    return [td.all_text() for td in root.iter("td")]


def expect(what, ok):
    if not ok:
        failures.append(what)


for args in (["progress", "--as-of", "2025-06-30"], ["overdue", "--as-of", "2025-06-30"],
             ["scores", "--as-of", "2025-06-30"]):
    page(*args)
    print(f"ok: report {args[0]} is well formed")

root = page("dialogue", "d1", "--as-of", "2025-06-30")
expect("dialogue: <title>", [t.own_text() for t in root.iter("title")][0] == f"{DIALOGUE} (d1)")
expect("dialogue: <h1>", [h.own_text() for h in root.iter("h1")] == [f"{DIALOGUE} (d1)"])
facts = {dt.own_text(): dd.own_text() for dt, dd in zip(root.iter("dt"), root.iter("dd"))}
expect(f"dialogue: location and alongside in {facts}",
       facts.get("location") == LOCATION and facts.get("alongside") == ALONGSIDE)
expect("dialogue: statement title in the Statements table", STATEMENT in cells(root))
print("ok: report dialogue shows the title, place and statement title as text")

root = page("coverage", "--as-of", "2025-06-30")
rows = [g for g in root.iter("g", "row")]
expect("coverage: heat map row attribute", [g.attrs.get("data-row") for g in rows] == [THEME])
expect("coverage: heat map cell titles", rows and [t.own_text() for t in rows[0].iter("title")][0]
       == f"{THEME}, commitments: 1")
expect("coverage: program title in the table", PROGRAM in cells(root))
print("ok: report coverage shows the theme label and program title as text")

root = page("changes", "--since", "2024", "--until", "2024")
expect("changes: program title in New programs", PROGRAM in cells(root))
print("ok: report changes shows the program title as text")

for f in failures:
    print("FAILED", f)
sys.exit(1 if failures else 0)
