#!/usr/bin/python3
"""The CMake package, as another project uses it: `cmake --install` the build into a scratch
prefix, check what landed there, import data/ with the installed `accord`, then configure, build
and run tests/install/consumer (find_package(accord), links accord::accord) against that prefix.
The consumer's record counts must equal the installed tool's import summary."""
import json
import os
import subprocess
import sys
import tempfile


def run(cmd, **kw):
    proc = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if proc.returncode != 0:
        sys.exit(f"FAILED ({proc.returncode}): {' '.join(cmd)}\n{proc.stdout}\n{proc.stderr}")
    return proc.stdout


def main():
    cmake, build, root, sanitize = sys.argv[1:5]
    verbs = sys.argv[5:]
    with tempfile.TemporaryDirectory(prefix="accord-install-") as tmp:
        prefix = os.path.join(tmp, "prefix")
        run([cmake, "--install", build, "--prefix", prefix])
        expected = ["lib/libaccord.a", "include/accord/store/store.hpp", "include/accord/model/date.hpp",
                    "lib/cmake/accord/accordConfig.cmake", "lib/cmake/accord/accordConfigVersion.cmake",
                    "lib/cmake/accord/accordTargets.cmake", "bin/accord"] + [f"bin/accord-{v}" for v in verbs]
        missing = [p for p in expected if not os.path.exists(os.path.join(prefix, p))]
        if missing:
            sys.exit(f"not installed: {missing}")
        targets = open(os.path.join(prefix, "lib/cmake/accord/accordTargets.cmake")).read()
        if "accord_warnings" in targets or root in targets:
            sys.exit("the exported targets name a build-only target or the source tree")

        db = os.path.join(tmp, "records.db")
        summary = json.loads(run([os.path.join(prefix, "bin/accord"), "import", "--db", db, "--format", "json",
                                  os.path.join(root, "data")]))
        if not summary["ok"] or summary["total"]["inserted"] == 0:
            sys.exit(f"import of data/ by the installed accord failed: {summary}")

        consumer_build = os.path.join(tmp, "consumer-build")
        configure = [cmake, "-S", os.path.join(root, "tests/install/consumer"), "-B", consumer_build,
                     f"-DCMAKE_PREFIX_PATH={prefix}"]
        if sanitize == "ON":  # the installed library was built with the sanitizers: link their runtimes
            configure.append("-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined")
        run(configure)
        run([cmake, "--build", consumer_build])
        out = run([os.path.join(consumer_build, "accord_consumer"), db])

        lines = ["due 2025-10 is reached after 2025-10-31"]
        version = run([os.path.join(prefix, "bin/accord"), "--version"]).split()
        lines.append(f"accord {version[1]}, schema {version[-1].rstrip(')')}")
        lines += [f"{kind} {counts['inserted']}" for kind, counts in summary["kinds"].items()]
        want = "\n".join(lines) + "\n"
        if out != want:
            sys.exit(f"consumer output differs.\n--- expected\n{want}--- actual\n{out}")
        print(out, end="")
        print(f"ok: installed {len(expected)} checked files; consumer built and ran against {prefix}")


if __name__ == "__main__":
    main()
