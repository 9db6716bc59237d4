#!/usr/bin/python3
"""Man pages after `cmake --install` into a scratch prefix: `man -M PREFIX/share/man accord`
renders and lists every subcommand; each accord-VERB page renders and shows its own options."""
import os
import subprocess
import sys
import tempfile


def man(prefix, page):
    env = dict(os.environ, MANPAGER="cat", PAGER="cat", MANWIDTH="100", LC_ALL="C.UTF-8")
    proc = subprocess.run(["man", "--nh", "--nj", "-M", os.path.join(prefix, "share/man"), page],
                          capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        sys.exit(f"man {page} failed ({proc.returncode}): {proc.stderr}")
    return " ".join(proc.stdout.split())  # words as rendered, whatever the line breaks


def main():
    cmake, build, bin_dir = sys.argv[1:4]
    verbs = sys.argv[4:]
    problems = []
    with tempfile.TemporaryDirectory(prefix="accord-man-") as prefix:
        subprocess.run([cmake, "--install", build, "--prefix", prefix], check=True, capture_output=True)
        text = man(prefix, "accord")
        for needle in ["accord - records of cyber-policy dialogues", "Subcommands:", "--db", "--version",
                       "ACCORD_DB", "NO_COLOR", "ACCORD_TODAY", "SEE ALSO"] + verbs + [f"accord-{v}(1)" for v in verbs]:
            if needle not in text:
                problems.append(f"accord(1) lacks {needle!r}")
        for verb in verbs:
            page = man(prefix, f"accord-{verb}")
            help_text = subprocess.run([os.path.join(bin_dir, f"accord-{verb}"), "--help"], capture_output=True,
                                       text=True).stdout
            if f"accord-{verb} - the same as accord {verb}" not in page:
                problems.append(f"accord-{verb}(1) has no NAME line")
            options = [w.rstrip(",") for line in help_text.splitlines() for w in line.split()
                       if w.startswith("--")]
            for opt in options:
                opt = opt.split(",")[-1].split("=")[0]
                if opt not in page:
                    problems.append(f"accord-{verb}(1) lacks option {opt} of its --help")
            if "Example: accord" not in page and "Examples: accord" not in page:
                problems.append(f"accord-{verb}(1) shows no example")
    if problems:
        sys.exit("\n".join(problems))
    print(f"ok: accord(1) and {len(verbs)} tool pages render and match --help")


if __name__ == "__main__":
    main()
