#!/usr/bin/python3
"""Runs the worked examples of one Markdown file and checks their shown output.

In the file, in order:
- a fenced block with the info string `console` holds commands and their output: a line
  `$ COMMAND` (continued on the next line when it ends with a backslash) runs COMMAND with
  bash; the lines after it, up to the next `$ ` line or the end of the block, are what it
  prints (stdout and stderr together, as on a terminal). A line `...` in the expected
  output stands for any number of lines. Trailing spaces are ignored.
- a fenced block whose info string has `file=NAME` (```yaml file=new.yaml) is written to
  NAME before the commands after it run.

Every command of a file runs in one scratch folder (so files written by one are there for
the next) holding links to the repository's data/ and schemas/, with the built tools first
on PATH, $ACCORD_DB set to accord.db in that folder, TZ=UTC, NO_COLOR=1 and COLUMNS=100.
ACCORD_UPDATE=1 writes the actual outputs into the file instead of comparing (check them by hand;
`...` lines are lost)."""
import os
import re
import subprocess
import sys
import tempfile

FENCE = re.compile(r"^(\s*)(```+|~~~+)\s*(.*)$")


def blocks(text):
    """Yields (info string, lines, index of the first body line) for each fenced block."""
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, fence, info = m.group(1), m.group(2), m.group(3).strip()
        start = i + 1
        body = []
        i += 1
        while i < len(lines) and not lines[i].strip().startswith(fence):
            body.append(lines[i][len(indent):] if lines[i].startswith(indent) else lines[i])
            i += 1
        yield info, body, start
        i += 1


def commands(body, first_line):
    """Yields (command, expected output lines, line number) of a console block."""
    cmd, expected, at = None, [], 0
    k = 0
    while k < len(body):
        line = body[k]
        if line.startswith("$ "):
            if cmd is not None:
                yield cmd, expected, at
            at = first_line + k + 1
            cmd = line[2:]
            while cmd.endswith("\\") and k + 1 < len(body):
                k += 1
                cmd = cmd + "\n" + body[k]
            expected = []
        elif cmd is not None:
            expected.append(line)
        k += 1
    if cmd is not None:
        yield cmd, expected, at


def matches(expected, actual):
    """Line lists equal, `...` in expected matching any run of lines."""
    if not expected:
        return not actual
    if expected[0] == "...":
        return any(matches(expected[1:], actual[j:]) for j in range(len(actual) + 1))
    return bool(actual) and expected[0] == actual[0] and matches(expected[1:], actual[1:])


def main():
    bin_dir, root, doc = (os.path.abspath(a) for a in sys.argv[1:4])
    update = os.environ.get("ACCORD_UPDATE") == "1"
    text = open(doc, encoding="utf-8").read()
    failures, ran = [], 0
    doc_lines = text.splitlines()
    rewrites = []  # (first body line, end, new body) for ACCORD_UPDATE
    with tempfile.TemporaryDirectory(prefix="accord-doc-") as tmp:
        for name in ("data", "schemas"):
            os.symlink(os.path.join(root, name), os.path.join(tmp, name))
        env = {"PATH": bin_dir + os.pathsep + "/usr/bin:/bin", "ACCORD_DB": os.path.join(tmp, "accord.db"),
               "HOME": tmp, "TZ": "UTC", "NO_COLOR": "1", "COLUMNS": "100", "LC_ALL": "C.UTF-8"}
        for info, body, start in blocks(text):
            words = info.split()
            files = [w[5:] for w in words if w.startswith("file=")]
            if files:
                with open(os.path.join(tmp, files[0]), "w", encoding="utf-8") as f:
                    f.write("\n".join(body) + "\n")
                continue
            if not words or words[0] != "console":
                continue
            new_body = []
            for cmd, expected, at in commands(body, start):
                ran += 1
                proc = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], cwd=tmp, env=env,
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
                actual = [l.rstrip() for l in proc.stdout.decode("utf-8", "replace").replace(tmp, ".").splitlines()]
                expected = [l.rstrip() for l in expected]
                new_body += ["$ " + cmd.split("\n")[0]] + cmd.split("\n")[1:] + actual
                if not update and not matches(expected, actual):
                    failures.append(f"{os.path.relpath(doc, root)}:{at}: $ {cmd}\n--- shown\n" + "\n".join(expected)
                                    + "\n--- actual\n" + "\n".join(actual))
            rewrites.append((start, start + len(body), new_body))
    if update:
        for first, end, new_body in reversed(rewrites):
            doc_lines[first:end] = new_body
        with open(doc, "w", encoding="utf-8") as f:
            f.write("\n".join(doc_lines) + "\n")
        print(f"updated {doc}")
        return
    if ran == 0:
        sys.exit(f"{doc}: no console block")
    for f in failures:
        print(f, end="\n\n")
    print(f"{os.path.relpath(doc, root)}: {ran - len(failures)} of {ran} commands print what the page shows")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
