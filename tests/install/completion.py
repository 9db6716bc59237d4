#!/usr/bin/python3
"""The bash completion script: it loads in `bash --norc` without a message, registers a
completion for accord and each accord-VERB, and completing a command line (COMP_WORDS /
COMP_CWORD, then the registered function) offers the expected words."""
import os
import re
import shlex
import subprocess
import sys
import tempfile

KINDS = "party forum theme dialogue statement commitment program progress"

# (words on the line, the last being completed) -> the completions expected, in any order
CASES = [
    (["accord", "rep"], "report"),
    (["accord", ""], None),  # every subcommand: filled in from `accord --help` below
    (["accord", "list", ""], KINDS),
    (["accord", "list", "comm"], "commitment"),
    (["accord", "report", "pro"], "progress"),
    (["accord", "report", "progress", "--by", ""], "statement dialogue party theme series"),
    (["accord", "report", "progress", "--format", "j"], "json"),
    (["accord", "import", "--dry"], "--dry-run"),
    (["accord", "--db", "DB", "xref", "lineage", "--format", ""], "tree json dot mermaid"),
    (["accord-report", "ov"], "overdue"),
    (["accord-list", ""], KINDS),
    (["accord", "--db", "DB", "report", "dialogue", "us-asean-cpd-"], None),  # ids: from the database below
    (["accord", "list", "commitment", "--db", "DB", "--party", "as"], None),  # party ids: from the database
]


def main():
    script, bin_dir, root = sys.argv[1:4]
    with tempfile.TemporaryDirectory(prefix="accord-completion-") as tmp:
        db = os.path.join(tmp, "records.db")
        env = {"PATH": bin_dir + os.pathsep + "/usr/bin:/bin", "HOME": tmp, "LC_ALL": "C.UTF-8",
               "ACCORD_DB": os.path.join(tmp, "none.db")}
        subprocess.run([os.path.join(bin_dir, "accord"), "import", "--db", db, os.path.join(root, "data")],
                       check=True, capture_output=True, env=env)
        subs = subprocess.run(["accord", "--help"], capture_output=True, text=True, env=env).stdout
        all_subs = " ".join(line.split()[0] for line in subs.split("Subcommands:")[1].splitlines()
                            if re.match(r"  \S", line))
        dialogues = subprocess.run(["accord", "list", "dialogue", "--db", db, "--format", "csv"], capture_output=True,
                                   text=True, env=env).stdout.splitlines()[1:]
        dialogue_ids = " ".join(line.split(",")[0] for line in dialogues if line.startswith("us-asean-cpd-"))
        parties = subprocess.run(["accord", "list", "party", "--db", db, "--format", "csv"], capture_output=True,
                                 text=True, env=env).stdout.splitlines()[1:]
        party_ids = " ".join(line.split(",")[0] for line in parties if line.startswith("as"))

        lines = [f"source {shlex.quote(script)}", "complete -p accord accord-report accord-list || exit 9"]
        for words, _ in CASES:
            words = [db if w == "DB" else w for w in words]
            lines.append(f"COMP_WORDS=({' '.join(shlex.quote(w) for w in words)}); COMP_CWORD={len(words) - 1}; "
                         f"COMPREPLY=(); _accord; echo \"[${{COMPREPLY[*]}}]\"")
        proc = subprocess.run(["bash", "--norc", "--noprofile", "-c", "\n".join(lines)], capture_output=True,
                              text=True, env=env)
    if proc.returncode != 0 or proc.stderr:
        sys.exit(f"bash said ({proc.returncode}): {proc.stderr}")
    out = proc.stdout.splitlines()
    registered = [l for l in out if l.startswith("complete ")]
    if len(registered) != 3 or not all("-F _accord" in l for l in registered):
        sys.exit(f"completion not registered: {registered}")
    results = [l for l in out if l.startswith("[")]
    failed = False
    for (words, want), got in zip(CASES, results):
        if words == ["accord", ""]:
            want = all_subs
        if words[-1] == "us-asean-cpd-":
            want = dialogue_ids
        if words[-2:] == ["--party", "as"]:
            want = party_ids
        got_set, want_set = set(got.strip("[]").split()), set(want.split())
        if got_set != want_set or not want_set:
            print(f"FAIL {' '.join(words)!r}<TAB>: got {sorted(got_set)}, expected {sorted(want_set)}")
            failed = True
        else:
            print(f"ok   {' '.join(words)!r}<TAB> -> {got}")
    if len(results) != len(CASES):
        sys.exit(f"{len(results)} results for {len(CASES)} cases: {out}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
