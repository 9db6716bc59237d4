#!/usr/bin/python3
"""Man pages after `cmake --install` into a scratch prefix: `man -M PREFIX/share/man accord`
renders and lists every subcommand; each page (accord and accord-VERB) renders and shows every
option of the tool and of each of its subcommands, at any depth (as their --help lists them),
the sections EXIT STATUS, ENVIRONMENT, FILES and EXAMPLES, and a footer naming the version
whole ("accord 0.1.0", not "accord-report 0.1.0 (database sch")."""
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


def help_of(tool, words):
    return subprocess.run([tool, *words, "--help"], capture_output=True, text=True,
                          env=dict(os.environ, NO_COLOR="1")).stdout


def options_of(tool, words=()):
    """(command words, option) for every option of the tool and of its subcommands, depth first."""
    text = help_of(tool, list(words))
    out = [(words, w.rstrip(",").split(",")[-1].split("=")[0]) for line in text.splitlines()
           for w in line.split()[:1] if w.startswith("-") and "--" in w]
    in_subcommands = False
    for line in text.splitlines():
        if line.endswith(":") and not line.startswith(" "):
            in_subcommands = line == "Subcommands:"
        elif in_subcommands and line.startswith("  ") and not line.startswith("   "):
            out += options_of(tool, (*words, line.split()[0]))
    return out


def check_page(page, name, tool, version, problems):
    options = options_of(tool)
    if len({words for words, _ in options}) < 2 and name == "accord":
        problems.append("accord --help lists no subcommand")
    for words, opt in options:
        if opt not in page:
            problems.append(f"{name}(1) lacks option {opt} of {' '.join((name,) + tuple(words))} --help")
        if words and f"{name} {' '.join(words)}" not in page:
            problems.append(f"{name}(1) has no section for {name} {' '.join(words)}")
    for section in ["EXIT STATUS", "ENVIRONMENT", "ACCORD_DB", "NO_COLOR", "ACCORD_TODAY", "FILES", "EXAMPLES",
                    "SEE ALSO"]:
        if section not in page:
            problems.append(f"{name}(1) lacks {section}")
    if not page.rstrip().endswith(f"{name.upper()}(1)") or f"accord {version} " not in page[-200:]:
        problems.append(f"{name}(1) has a broken footer: {page[-120:]!r}")


def main():
    cmake, build, bin_dir = sys.argv[1:4]
    verbs = sys.argv[4:]
    problems = []
    with tempfile.TemporaryDirectory(prefix="accord-man-") as prefix:
        subprocess.run([cmake, "--install", build, "--prefix", prefix], check=True, capture_output=True)
        version = subprocess.run([os.path.join(bin_dir, "accord"), "--version"], capture_output=True,
                                 text=True).stdout.split()[1]
        text = man(prefix, "accord")
        check_page(text, "accord", os.path.join(bin_dir, "accord"), version, problems)
        for needle in ["accord - records of cyber-policy dialogues", "Subcommands:", "--db", "--version",
                       "ACCORD_DB", "NO_COLOR", "ACCORD_TODAY", "SEE ALSO"] + verbs + [f"accord-{v}(1)" for v in verbs]:
            if needle not in text:
                problems.append(f"accord(1) lacks {needle!r}")
        for verb in verbs:
            page = man(prefix, f"accord-{verb}")
            if f"accord-{verb} - the same as accord {verb}" not in page:
                problems.append(f"accord-{verb}(1) has no NAME line")
            check_page(page, f"accord-{verb}", os.path.join(bin_dir, f"accord-{verb}"), version, problems)
            if "Example: accord" not in page and "Examples: accord" not in page:
                problems.append(f"accord-{verb}(1) shows no example")
    if problems:
        sys.exit("\n".join(problems))
    print(f"ok: accord(1) and {len(verbs)} tool pages render and match --help")


if __name__ == "__main__":
    main()
