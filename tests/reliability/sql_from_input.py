#!/usr/bin/python3
"""No SQL built from input: scans lib/ and apps/ for every place SQL text reaches SQLite
(SQLite::Statement constructions and member initialisers, Database::exec / execAndGet,
sqlite3_prepare*, sqlite3_exec) and checks the SQL argument. A string literal (or literals
joined) passes. Anything else must be listed in tests/reliability/sql_allow.txt, as
`FILE | EXPRESSION | why it holds no input` (EXPRESSION with its string literals shown as "..."), after review: the pieces may only be SQL text
from the code (literals, the compile-time field tables, column lists, placeholders `?` and
`:name`); every value, whether from a record or the command line, is bound. A new or changed
non-literal site fails until reviewed; an entry that matches no site fails too (stale).
Usage: sql_from_input.py ROOT, or sql_from_input.py --self-test (the check must catch planted
SQL built from input)."""
import os
import re
import subprocess
import sys
import tempfile

LITERAL = re.compile(r'\s*(?:R"(?P<d>[^(\s]*)\((?:.|\n)*?\)(?P=d)"|"(?:[^"\\\n]|\\.)*")\s*')


def strip_comments(text):
    out, i, n = [], 0, len(text)
    while i < n:
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
        elif text.startswith('R"', i):
            m = LITERAL.match(text, i)
            out.append(m.group(0))
            i = m.end()
        elif text[i] == '"' or text[i] == "'":
            q, j = text[i], i + 1
            while j < n and text[j] != q:
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def split_args(text, start):
    """Arguments of the call whose '(' is at start; returns (list of argument texts, end)."""
    depth, args, cur, i = 0, [], [], start
    while i < len(text):
        c = text[i]
        if text.startswith('R"', i) or c == '"':
            m = LITERAL.match(text, i) if text.startswith('R"', i) or c == '"' else None
            if m and m.start() == i:
                cur.append(m.group(0))
                i = m.end()
                continue
        if c in "([{":
            depth += 1
            if depth == 1:
                i += 1
                continue
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                args.append("".join(cur))
                return args, i
        elif c == "," and depth == 1:
            args.append("".join(cur))
            cur = []
            i += 1
            continue
        cur.append(c)
        i += 1
    return args, i


def only_literals(expr):
    pos, expr = 0, expr.strip()
    while pos < len(expr):
        m = LITERAL.match(expr, pos)
        if not m or m.end() == pos:
            rest = expr[pos:].lstrip()
            if rest.startswith("+"):
                pos = len(expr) - len(rest) + 1
                continue
            return False
        pos = m.end()
    return bool(expr)


def skeleton(expr):
    """The expression with every run of string literals shown as "...": what is interpolated."""
    return re.sub(r'(?:"\.\.\."\s*)+', '"..." ', LITERAL.sub(' "..." ', expr)).replace('" ,', '",').strip()


def sites(path):
    text = strip_comments(open(path, encoding="utf-8").read())
    members = set(re.findall(r"SQLite::Statement\s+(\w+)\s*;", text))
    # Members declared in the library's header for this source (lib/src/X/Y.cpp: lib/include/accord/X/Y.hpp).
    parts = path.replace(os.sep, "/").rsplit("/lib/src/", 1)
    if len(parts) == 2 and path.endswith(".cpp"):
        header = os.path.join(parts[0], "lib", "include", "accord", parts[1][:-4] + ".hpp")
        if os.path.exists(header):
            members |= set(re.findall(r"SQLite::Statement\s+(\w+)\s*;", strip_comments(open(header, encoding="utf-8").read())))
    patterns = [
        (re.compile(r"SQLite::Statement\s+\w+\s*\("), 1),  # SQLite::Statement q(db, SQL)
        (re.compile(r"SQLite::Statement\s*>?\s*\("), 1),  # SQLite::Statement(db, SQL), make_unique<...>(db, SQL)
        (re.compile(r"(?:\.|->)(?:exec|execAndGet)\s*\((?!\s*\))"), 0),  # db.exec(SQL)
        (re.compile(r"\bsqlite3_(?:prepare\w*|exec)\s*\("), 1),
    ]
    if members:
        patterns.append((re.compile(r"\b(?:%s)\s*\((?!\s*\))" % "|".join(map(re.escape, members))), 1))
    # A function that prepares (or reuses) a statement for the SQL it takes: its calls are sites.
    preparers = set(re.findall(r"SQLite::Statement&\s+(?:\w+::)*(\w+)\s*\(\s*const std::string&\s*\w+\s*\)", text))
    if preparers:
        patterns.append((re.compile(r"(?<![:\w])(?:%s)\s*\((?!\s*const\b)" % "|".join(map(re.escape, preparers))), 0))
    found = {}
    for pattern, index in patterns:
        for m in pattern.finditer(text):
            open_paren = m.end() - 1
            if open_paren in found:
                continue
            args, _ = split_args(text, open_paren)
            if len(args) <= index:
                continue
            line = text.count("\n", 0, m.start()) + 1
            found[open_paren] = (line, " ".join(args[index].split()))
    return sorted(found.values())


def self_test():
    """Plants SQL built from a value in a scratch tree: the check must fail and name both places."""
    planted = ('void f(SQLite::Database& db, const std::string& id) {\n'
               '    SQLite::Statement q(db, "SELECT name FROM party WHERE id = \'" + id + "\'");\n'
               '    db.exec(fmt::format("DELETE FROM party WHERE id = \'{}\'", id));\n'
               '    SQLite::Statement ok(db, "SELECT name FROM party WHERE id = ?");\n}\n')
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "lib"))
        os.makedirs(os.path.join(tmp, "tests", "reliability"))
        open(os.path.join(tmp, "tests", "reliability", "sql_allow.txt"), "w").close()
        open(os.path.join(tmp, "lib", "planted.cpp"), "w").write(planted)
        p = subprocess.run([sys.executable, __file__, tmp], capture_output=True, text=True)
    caught = p.returncode == 1 and "lib/planted.cpp:2:" in p.stdout and "lib/planted.cpp:3:" in p.stdout \
        and "lib/planted.cpp:4:" not in p.stdout and "1 literal" in p.stdout
    print(p.stdout)
    print("self-test: " + ("the planted SQL was caught" if caught else "NOT CAUGHT"))
    return 0 if caught else 1


def main():
    if sys.argv[1] == "--self-test":
        return self_test()
    global root, allow_path
    root = os.path.abspath(sys.argv[1])
    allow_path = os.path.join(root, "tests", "reliability", "sql_allow.txt")
    allowed = {}
    for raw in open(allow_path, encoding="utf-8"):
        if raw.strip() and not raw.startswith("#"):
            file, expr, why = (p.strip() for p in raw.split(" | ", 2))
            allowed[(file, expr)] = why
    used, problems, literal, reviewed = set(), [], 0, 0
    for top in ("lib", "apps"):
        for dirpath, _, files in os.walk(os.path.join(root, top)):
            for name in sorted(files):
                if not name.endswith((".cpp", ".hpp", ".h", ".inc")):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                for line, expr in sites(path):
                    if only_literals(expr):
                        literal += 1
                    elif (rel, skeleton(expr)) in allowed:
                        used.add((rel, skeleton(expr)))
                        reviewed += 1
                    else:
                        problems.append(f"{rel}:{line}: SQL text is not a literal and not reviewed: {expr}\n"
                                        f"  if it holds no input (only code's own SQL text; values bound), add to "
                                        f"{os.path.relpath(allow_path, root)}:\n  {rel} | {skeleton(expr)} | WHY")
    for key in allowed:
        if key not in used:
            problems.append(f"stale entry in {os.path.relpath(allow_path, root)} (no such site): {key[0]} | {key[1]}")
    print(f"{literal + reviewed} places pass SQL to SQLite: {literal} literal, {reviewed} reviewed exceptions")
    if problems:
        print("\n".join(problems))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
