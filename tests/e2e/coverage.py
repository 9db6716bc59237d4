#!/usr/bin/python3
"""Fails when a subcommand or an option of the real `accord` has no golden case: every
subcommand path (e.g. `report progress`) must appear in some tests/e2e/cases/*/cmd, and
every long option of it must appear in a cmd line that runs that subcommand."""
import glob
import os
import re
import subprocess
import sys

bin_dir, root = sys.argv[1], sys.argv[2]
accord = os.path.join(bin_dir, "accord")
cmds = []
for path in glob.glob(os.path.join(root, "tests/e2e/cases/*/cmd")):
    for line in open(path, encoding="utf-8"):
        if not line.lstrip().startswith("#"):
            cmds.append(line)
text = "".join(cmds)


def help_of(words):
    return subprocess.run([accord, *words, "--help"], capture_output=True, text=True).stdout


def section(help_text, title):
    out, inside = [], False
    for line in help_text.splitlines():
        if line.startswith(title):
            inside = True
            continue
        if inside and line and not line.startswith(" "):
            inside = False
        if inside and line.strip():
            out.append(line)
    return out


missing = []
checked = 0


def visit(words):
    global checked
    h = help_of(words)
    subs = [l.split()[0] for l in section(h, "Subcommands:") if re.match(r"^  \S", l)]
    if words:
        pattern = re.compile(r"accord[ -]" + r"\s+".join(map(re.escape, words)) + r"\b")
        lines = [c for c in cmds if pattern.search(c)]
        checked += 1
        if not lines:
            missing.append(f"no golden case runs 'accord {' '.join(words)}'")
        for line in section(h, "Options:"):
            m = re.match(r"^\s+((?:-[a-zA-Z],)?--[a-z][a-z0-9-]*)", line)
            if not m:
                continue
            names = m.group(1).split(",")
            opt = names[-1]
            if opt in ("--help", "--version"):
                continue
            checked += 1
            used = any(re.search(re.escape(n) + r"(\s|=|$)", c) for c in lines for n in names)
            if not used and not (opt == "--db" and "--db" in text):
                missing.append(f"no golden case runs 'accord {' '.join(words)}' with {opt}")
    for s in subs:
        visit(words + [s])


visit([])
print(f"{checked} subcommands and options checked, {len(missing)} without a golden case")
for m in missing:
    print(m)
sys.exit(1 if missing else 0)
