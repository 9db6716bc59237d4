#!/usr/bin/python3
"""The C++ validator and the JSON Schemas agree: every file of data/ and of the schema's good
fixtures passes both; every bad fixture marked `schema-invalid` in its first line (and every
schema bad fixture) fails both."""
import glob
import os
import subprocess
import sys

bin_dir, root = sys.argv[1], sys.argv[2]
accord = os.path.join(bin_dir, "accord")
validate = [sys.executable, os.path.join(root, "tests/schema/validate.py"), "--schemas", os.path.join(root, "schemas")]

good = sorted(glob.glob(os.path.join(root, "tests/schema/fixtures/good/*.yaml")))
bad = sorted(glob.glob(os.path.join(root, "tests/schema/fixtures/bad/*.yaml")))
for f in sorted(glob.glob(os.path.join(root, "tests/fixtures/bad/*.yaml"))):
    with open(f, "rb") as fh:
        if b"schema-invalid" in fh.readline():
            bad.append(f)

failures = []
checked = 0
for f in good:
    # Schema-good files may name records they do not define: only dangling references may be reported.
    p = subprocess.run([accord, "check", f], capture_output=True, text=True)
    other = [l for l in p.stderr.splitlines() if ": error: " in l and "dangling reference" not in l]
    if p.returncode not in (0, 1) or other:
        failures.append(f"accord check rejects good file {f}: {other}")
    checked += 1
if subprocess.run([accord, "check", os.path.join(root, "data")], capture_output=True).returncode != 0:
    failures.append("accord check rejects data/")
if subprocess.run(validate + [os.path.join(root, "data")], capture_output=True).returncode != 0:
    failures.append("the schemas reject data/")
for f in bad:
    if subprocess.run([accord, "check", f], capture_output=True).returncode != 1:
        failures.append(f"accord check does not reject {f} with exit 1")
    if subprocess.run(validate + ["--expect", "invalid", f], capture_output=True).returncode != 0:
        failures.append(f"the schemas do not reject {f}")
    checked += 1
print(f"{checked} files checked by both validators, {len(failures)} disagreements")
for line in failures:
    print(line)
sys.exit(1 if failures else 0)
