#!/usr/bin/python3
"""Runs one golden end-to-end case: a folder with `cmd` (a bash script run from the
repository root with the built tools first on PATH, a fresh database in $ACCORD_DB and
a scratch folder in $TMP), and the expected `stdout`, `stderr` (compared when present)
and `rc` (default 0). ACCORD_UPDATE=1 rewrites the expected files from the actual run."""
import os
import subprocess
import sys
import tempfile


def main():
    if len(sys.argv) != 4:
        print("usage: run_case.py BIN_DIR ROOT CASE_DIR", file=sys.stderr)
        return 2
    bin_dir, root, case = (os.path.abspath(a) for a in sys.argv[1:])
    with tempfile.TemporaryDirectory(prefix="accord-e2e-") as tmp:
        env = {
            "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "/usr/bin:/bin"),
            "ACCORD_DB": os.path.join(tmp, "accord.db"),
            "TMP": tmp,
            "ROOT": root,
            "CASE": os.path.relpath(case, root),
            "TZ": "UTC",
            "NO_COLOR": "1",
            "COLUMNS": "100",
            "LC_ALL": "C.UTF-8",
            "HOME": tmp,
        }
        for keep in ("ASAN_OPTIONS", "UBSAN_OPTIONS"):
            if keep in os.environ:
                env[keep] = os.environ[keep]
        proc = subprocess.run(["bash", "-o", "pipefail", os.path.join(case, "cmd")], cwd=root, env=env,
                              capture_output=True, timeout=600)
        out = proc.stdout.decode("utf-8", "replace").replace(tmp, "$TMP")
        err = proc.stderr.decode("utf-8", "replace").replace(tmp, "$TMP")
        rc = proc.returncode
    paths = {n: os.path.join(case, n) for n in ("stdout", "stderr", "rc")}
    if os.environ.get("ACCORD_UPDATE") == "1":
        with open(paths["stdout"], "w", newline="") as f:
            f.write(out)
        with open(paths["stderr"], "w", newline="") as f:
            f.write(err)
        with open(paths["rc"], "w") as f:
            f.write(f"{rc}\n")
        print(f"updated {case}")
        return 0
    failed = False
    expected_rc = int(open(paths["rc"]).read()) if os.path.exists(paths["rc"]) else 0
    if rc != expected_rc:
        print(f"exit code {rc}, expected {expected_rc}")
        failed = True
    for name, actual in (("stdout", out), ("stderr", err)):
        if not os.path.exists(paths[name]):
            continue
        expected = open(paths[name], newline="").read()
        if actual != expected:
            failed = True
            import difflib
            print(f"--- {name} differs:")
            sys.stdout.writelines(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                                       "expected", "actual"))
    if failed:
        print(f"--- full stderr:\n{err}")
        return 1
    print(f"ok: {os.path.relpath(case, root)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
