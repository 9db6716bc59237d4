#!/usr/bin/python3
"""Writes the help2man include file of one tool: its subcommands (found in its --help, and
theirs, to any depth) each with its description, usage and every option, its examples, and the
sections every accord page shares (EXIT STATUS, ENVIRONMENT, FILES, SEE ALSO).

usage: man_sections.py TOOL OUTPUT VERSION SEE_ALSO...
TOOL: the built tool (accord or accord-VERB); SEE_ALSO: the names of the other pages.
A subcommand added to the tool appears in its page at the next build, with no change here."""
import os
import re
import subprocess
import sys

ENTRY = re.compile(r"^  (\S.*?)(?:\s{2,}(\S.*))?$")
SECTION = re.compile(r"^(Options|Positionals|Subcommands):$")


def help_text(tool, words):
    env = dict(os.environ, NO_COLOR="1", COLUMNS="80")
    proc = subprocess.run([tool, *words, "--help"], capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        sys.exit(f"{tool} {' '.join(words)} --help failed ({proc.returncode}): {proc.stderr}")
    return proc.stdout


def parse(text):
    """(description lines, usage line, {section: [(term, [description lines])]}, trailing lines)."""
    description, usage, sections, trailing = [], "", {}, []
    current = None
    for line in text.splitlines():
        if usage == "":
            if line.startswith("Usage: "):
                usage = line[len("Usage: "):]
            else:
                description.append(line)
            continue
        m = SECTION.match(line)
        if m:
            current = sections.setdefault(m.group(1), [])
            continue
        if not line.strip():
            continue
        if current is not None and line.startswith("  "):
            entry = ENTRY.match(line)
            if line.startswith("   ") and current:
                current[-1][1].append(line.strip())
            elif entry:
                current.append((entry.group(1), [entry.group(2)] if entry.group(2) else []))
            continue
        current = None
        trailing.append(line)
    return description, usage, sections, trailing


def roff(text):
    """Text as roff reads it literally: backslashes and hyphens escaped, no request at a line start."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text.startswith((".", "'")) else text


def examples_of(lines):
    out = []
    for line in lines:
        m = re.match(r"^\s*(?:Examples?: )?(accord\S* .*)$", line)
        if m and (line.lstrip().startswith(("Example", "accord"))):
            out.append(m.group(1).strip())
    return out


def subcommand_pages(tool, words, program, out, examples):
    """The subcommands of `program` (tool + words), depth first."""
    _, _, sections, _ = parse(help_text(tool, words))
    for name, _ in sections.get("Subcommands", []):
        sub = words + [name]
        description, usage, sub_sections, trailing = parse(help_text(tool, sub))
        title = f"{program} {' '.join(sub)}"
        out.append(f'.SS "{roff(title)}"')
        text = [l for l in description if l.strip() and not l.lstrip().startswith(("Example", "accord"))]
        examples.extend(examples_of(description + trailing))
        if text:
            out.append(".PP")
            out.extend(roff(l.strip()) for l in text)
        out.append(".PP")
        out.append(f"\\fBUsage:\\fR {roff(usage)}")
        for section in ("Positionals", "Options"):
            for term, lines in sub_sections.get(section, []):
                if term.startswith("-h,--help"):
                    continue
                out.append(".TP")
                out.append(f"\\fB{roff(term)}\\fR")
                out.extend(roff(l) for l in lines)
        rest = [l for l in trailing if not l.lstrip().startswith(("Example", "accord"))]
        if rest:
            out.append(".PP")
            out.extend(roff(l.strip()) for l in rest)
        subcommand_pages(tool, sub, program, out, examples)


def main():
    tool, output, version = sys.argv[1:4]
    see_also = sys.argv[4:]
    version_line = subprocess.run([tool, "--version"], capture_output=True, text=True).stdout
    m = re.search(r"\(database schema (\d+)\)", version_line)
    if not m:
        sys.exit(f"{tool} --version names no database schema: {version_line!r}")
    schema = m.group(1)
    program = os.path.basename(tool)
    description, _, _, trailing = parse(help_text(tool, []))
    examples = examples_of(description + trailing)
    subcommands = []
    subcommand_pages(tool, [], program, subcommands, examples)

    out = []
    if subcommands:
        out.append("[SUBCOMMANDS]")
        out.append(f"Each subcommand with every option it takes (\\fB{roff(program)} SUBCOMMAND \\-\\-help\\fR "
                   "prints the same).")
        out.extend(subcommands)
    out += ["[EXIT STATUS]",
            ".TP", "\\fB0\\fR", "success",
            ".TP", "\\fB1\\fR",
            "a data problem: validation errors, \\fBxref check\\fR findings, an unknown id as the record a command "
            "is about (\\fBshow\\fR, \\fBreport dialogue\\fR, \\fBxref lineage\\fR), \\fBsearch\\fR with no match",
            ".TP", "\\fB2\\fR",
            "a usage error: an unknown subcommand or option, a bad value, a filter that names no record",
            ".TP", "\\fB3\\fR",
            "a database or I/O error: a missing, unreadable, foreign or newer database; output that could not "
            "be written",
            "[ENVIRONMENT]",
            ".TP", ".B ACCORD_DB",
            "the database file when \\-\\-db is not given (else ./accord.db)",
            ".TP", ".B NO_COLOR",
            "when set and not empty, no colour (as \\-\\-color=never)",
            ".TP", ".B ACCORD_TODAY",
            "the day (YYYY\\-MM\\-DD) taken as today by the reports and by relative dates (today, \\-2w, +6m ...), "
            "when set and not empty; else the local date",
            "[FILES]",
            ".TP", ".I ./accord.db",
            f"the database when neither \\-\\-db nor ACCORD_DB names one: SQLite, schema version {roff(schema)} "
            "(PRAGMA user_version), with its \\fI\\-wal\\fR and \\fI\\-shm\\fR files beside it while in use",
            ".TP", ".I *.yaml, *.yml",
            "the records, the source of truth (the input format: docs/format.md; JSON Schemas in schemas/)",
            "[EXAMPLES]"]
    seen = set()
    for example in examples:
        if example not in seen:
            seen.add(example)
            out += [".TP", f"\\fB{roff(example)}\\fR"]
    if not examples:
        out.append(f"\\fB{roff(program)} \\-\\-help\\fR")
    out.append("[SEE ALSO]")
    out.append(",\n".join(f".BR \\%{roff(name)} (1)" for name in see_also if name != program))
    out += [".PP", "The guides (docs/guides/) and references (docs/) in the source of accord "
            f"{roff(version)}."]
    with open(output, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
