#!/usr/bin/python3
"""`accord xref lineage` on very long chains (docs/xref.md, "Long chains"): the walk is
iterative and prints each record once, so a long chain neither crashes nor blows up.

Generated at test time: one party, one statement `st`, then commitments c0..c(N-1) of `st`,
each `supersedes` the one before (a chain), and for a cycle c0 also superseding c(N-1). For
a chain of 20,000 and a cycle of 100,000, in every format (tree, json, dot, mermaid) and both
directions (back: the lineage of the last commitment; forward: of the first), the run must
exit 0 (before the fix: SIGSEGV, exit 139), name the commitments of the chain, print one tree
line per record, and the JSON must parse with one step per link. Growth: each format's output
and peak memory for the cycle of 100,000 against a cycle of 10,000 stay near 10x (linear: at
most 12x), and every run's peak stays under a bound. Not a time limit: times are only printed.
The peak is the child's own (wait4 in a small wrapper process, so that this script's memory
is not counted). Usage: deep_lineage.py BIN_DIR"""
import json
import os
import subprocess
import sys
import tempfile
import time

PEAK_LIMIT_MB = 400  # the 100,000 runs use 110-160 MB
FORMATS = ("tree", "json", "dot", "mermaid")
# Runs argv[1:] as a child of this small process and prints the child's peak RSS (KB) last on
# stderr: a child of this test script itself would start from the script's own peak.
MEASURE = ("import os, sys\n"
           "pid = os.fork()\n"
           "if pid == 0:\n"
           "    os.execv(sys.argv[1], sys.argv[1:])\n"
           "_, status, usage = os.wait4(pid, 0)\n"
           "sys.stderr.write(f'\\npeak-kb {usage.ru_maxrss}\\n')\n"
           "sys.exit(os.waitstatus_to_exitcode(status))\n")


def write_chain(path, n, cycle):
    with open(path, "w") as f:
        f.write("- {kind: party, id: p, name: P, type: state}\n")
        f.write("- {kind: statement, id: st, title: Statement, date: 2020-01-01}\n")
        for i in range(n):
            target = f"c{i - 1}" if i > 0 else (f"c{n - 1}" if cycle else None)
            refs = f", references: [{{relation: supersedes, target: {target}}}]" if target else ""
            f.write(f"- {{kind: commitment, id: c{i}, statement: st, text: Commitment {i}., actors: [p]{refs}}}\n")


def run(bin_dir, env, args, out_path):
    """Runs accord with stdout into out_path; returns exit code, stderr, peak MB, seconds."""
    with open(out_path, "wb") as out:
        start = time.monotonic()
        p = subprocess.run([sys.executable, "-c", MEASURE, os.path.join(bin_dir, "accord"), *args], env=env,
                           stdout=out, stderr=subprocess.PIPE, timeout=600)
        seconds = time.monotonic() - start
    err = p.stderr.decode("utf-8", "replace")
    head, _, peak = err.rstrip("\n").rpartition("\npeak-kb ")
    return p.returncode, head, int(peak) // 1024 if peak.isdigit() else 0, seconds


def check_output(path, fmt, direction, n, cycle, what, failures):
    if fmt == "json":
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        # A chain: n - 1 links in the direction asked, none the other way. A cycle: the whole
        # cycle going back (its last step meets the root again), and going forward one step
        # to a record already shown ("see above": each record is printed once).
        if cycle:
            counts, want = (len(doc["back"]), len(doc["forward"])), (n, 1)
            repeated = doc["back"][-1]["repeated"] and doc["forward"][0]["repeated"]
        else:
            counts = (len(doc["back"]), len(doc["forward"]))
            want = (n - 1, 0) if direction == "back" else (0, n - 1)
            repeated = True
        steps = doc["back"] or doc["forward"]
        if counts != want:
            failures.append(f"{what}: {counts} steps back and forward, expected {want}")
        elif not repeated:
            failures.append(f"{what}: the cycle's closing steps are not marked repeated")
        elif [s["depth"] for s in steps[:3]] != [1, 2, 3]:
            failures.append(f"{what}: depths {[s['depth'] for s in steps[:3]]}, expected 1, 2, 3")
        return
    named = set()
    lines = longest = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            lines += 1
            longest = max(longest, len(line))
            for i in (0, 1, n // 2, n - 2, n - 1):
                if f"c{i} " in line or f"c{i}\"" in line or f"c{i}<" in line or f"c{i}\n" in line:
                    named.add(i)
    missing = sorted({0, 1, n // 2, n - 2, n - 1} - named)
    if missing:
        failures.append(f"{what}: commitments {missing} not in the output")
    if fmt == "tree":
        # Each record once: one line per link, plus the head and the sections.
        if lines > n + 20:
            failures.append(f"{what}: {lines} lines for {n} records")
        if longest > 300:
            failures.append(f"{what}: a line of {longest} characters (the indentation is not bounded)")


def main():
    bin_dir = os.path.abspath(sys.argv[1])
    sanitized = "ASAN_OPTIONS" in os.environ
    failures = []
    sizes = {}
    with tempfile.TemporaryDirectory(prefix="accord-lineage-") as tmp:
        env = {"PATH": "/usr/bin:/bin", "TZ": "UTC", "NO_COLOR": "1", "LC_ALL": "C.UTF-8", "HOME": tmp}
        for keep in ("ASAN_OPTIONS", "UBSAN_OPTIONS"):
            if keep in os.environ:
                env[keep] = os.environ[keep]
        out = os.path.join(tmp, "out")
        for name, n, cycle, formats in (("chain", 20000, False, FORMATS), ("cycle", 100000, True, FORMATS),
                                        ("cycle", 10000, True, FORMATS)):
            db = os.path.join(tmp, f"{name}-{n}.db")
            yaml = os.path.join(tmp, f"{name}-{n}.yaml")
            write_chain(yaml, n, cycle)
            rc = subprocess.run([os.path.join(bin_dir, "accord"), "--db", db, "import", "-q", yaml], env=env).returncode
            if rc != 0:
                failures.append(f"{name} of {n}: import exit {rc}")
                continue
            directions = (("back", f"c{n - 1}"), ("forward", "c0")) if n != 10000 else (("back", f"c{n - 1}"),)
            for direction, root in directions:
                for fmt in formats:
                    what = f"{name} of {n}, {direction}, {fmt}"
                    rc, err, peak, seconds = run(bin_dir, env, ["--db", db, "xref", "lineage", root, "--format", fmt],
                                                 out)
                    size = os.path.getsize(out)
                    print(f"{what}: exit {rc}, {size} bytes, peak {peak} MB, {seconds:.2f} s")
                    if rc != 0:
                        failures.append(f"{what}: exit {rc} (139 is a crash): {err[:300]}")
                        continue
                    if not sanitized and peak > PEAK_LIMIT_MB:
                        failures.append(f"{what}: peak {peak} MB, more than {PEAK_LIMIT_MB} MB")
                    if direction == "back" and cycle:
                        sizes[(n, fmt)] = (size, peak)
                    check_output(out, fmt, direction, n, cycle, what, failures)
    for fmt in FORMATS:
        if (10000, fmt) in sizes and (100000, fmt) in sizes:
            (small, small_peak), (big, big_peak) = sizes[(10000, fmt)], sizes[(100000, fmt)]
            ratio = big / small
            peak_ratio = big_peak / max(small_peak, 1)
            print(f"growth, {fmt}: output {ratio:.2f}x, peak {peak_ratio:.2f}x ({small_peak} -> {big_peak} MB) "
                  f"for 10x the chain")
            if ratio > 12:
                failures.append(f"{fmt}: output grew {ratio:.1f}x for 10x the chain (not linear)")
            if not sanitized and peak_ratio > 12:
                failures.append(f"{fmt}: peak memory grew {peak_ratio:.1f}x for 10x the chain")
    if failures:
        print("\n".join(failures))
        return 1
    print("ok: deep lineage")
    return 0


if __name__ == "__main__":
    sys.exit(main())
