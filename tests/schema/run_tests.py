#!/usr/bin/python3
"""Self-test of schemas/ and validate.py. Run: /usr/bin/python3 tests/schema/run_tests.py

- validate.py's exit codes and --list on fixtures/good and fixtures/bad;
- each bad fixture gives exactly one error, the one named on its first
  line (`# expect: TEXT`);
- the nested form of statement, commitment and progress has the same fields
  as the top-level form, minus `kind` and the parent link;
- the complete examples in docs/format.md (YAML blocks starting with a record)
  are valid.
"""
import json
import pathlib
import re
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
SCHEMAS = HERE.parent.parent / "schemas"
FORMAT_DOC = HERE.parent.parent / "docs" / "format.md"
GOOD = HERE / "fixtures" / "good"
BAD = HERE / "fixtures" / "bad"
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import validate  # noqa: E402

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def run(*args):
    cmd = [sys.executable, str(HERE / "validate.py"), "--schemas", str(SCHEMAS), *map(str, args)]
    return subprocess.run(cmd, capture_output=True, text=True)


# 1. Command line.
r = run(GOOD)
check(r.returncode == 0 and r.stdout == "", f"good fixtures: rc={r.returncode}\n{r.stdout}")
r = run("--expect", "invalid", BAD)
check(r.returncode == 0, f"bad fixtures with --expect invalid: rc={r.returncode}\n{r.stdout}")
check(run(BAD).returncode == 1, "bad fixtures with --expect valid must exit 1")
check(run("--expect", "invalid", GOOD).returncode == 1, "good fixtures with --expect invalid must exit 1")
r = run("--list", GOOD, BAD)
lines = r.stdout.splitlines()
n_good, n_bad = len(list(GOOD.glob("*.yaml"))), len(list(BAD.glob("*.yaml")))
check(r.returncode == 0 and len(lines) == n_good + n_bad
      and sum(line.endswith(" valid") for line in lines) == n_good, f"--list:\n{r.stdout}")
check(run(HERE / "no-such-file.yaml").returncode == 2, "a missing PATH must exit 2")
check(run().returncode == 2, "no PATH must exit 2")

# 2. Each bad fixture fails for its stated reason, and only that one.
validator = validate.load_validator(SCHEMAS)
for path in sorted(BAD.glob("*.yaml")):
    expect = path.read_text(encoding="utf-8").splitlines()[0].removeprefix("# expect: ")
    errors = validate.file_errors(validator, path)
    check(len(errors) == 1 and expect in errors[0], f"{path.name}: expected [{expect}], got {errors}")

# 3. Nested forms mirror the top-level forms.
for kind, parent in [("statement", None), ("commitment", "statement"), ("progress", "commitment")]:
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    nested = schema["$defs"]["nested"]
    dropped = {"kind", parent}
    top = {k: v for k, v in schema["properties"].items() if k not in dropped}
    check(top == nested["properties"], f"{kind}: nested properties differ from top-level ones")
    check(set(schema["required"]) - dropped == set(nested["required"]), f"{kind}: nested required differs")

# 4. The examples in docs/format.md are valid.
blocks = re.findall(r"^```yaml\n(.*?)^```$", FORMAT_DOC.read_text(encoding="utf-8"), re.M | re.S)
examples = [b for b in blocks if re.match(r"(#.*\n)*-? ?kind:", b)]
check(len(examples) >= 3, f"docs/format.md: only {len(examples)} complete examples found")
with tempfile.TemporaryDirectory() as tmp:
    for number, text in enumerate(examples, 1):
        path = pathlib.Path(tmp) / f"example-{number}.yaml"
        path.write_text(text, encoding="utf-8")
        errors = validate.file_errors(validator, path)
        check(not errors, f"docs/format.md example {number}: {errors}")

for failure in failures:
    print("FAIL:", failure)
print(f"{'FAILED' if failures else 'OK'}: {n_good} good and {n_bad} bad fixtures")
sys.exit(1 if failures else 0)
