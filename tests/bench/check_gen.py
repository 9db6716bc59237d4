#!/usr/bin/python3
"""The generator and the importer agree: a generated data set (many files, and one file)
imports with exactly the generated counts, and the two imports give identical dumps, but for
the file and line each row came from (docs/format.md, "What a file owns")."""
import os
import sqlite3
import subprocess
import sys
import tempfile

bin_dir = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 500
with tempfile.TemporaryDirectory() as tmp:
    gen = os.path.join(bin_dir, "accord-gen")
    accord = os.path.join(bin_dir, "accord")
    subprocess.run([gen, "--commitments", str(n), "--seed", "7", "--out", f"{tmp}/many"], check=True)
    subprocess.run([gen, "--commitments", str(n), "--seed", "7", "--out", f"{tmp}/one.yaml", "--single"], check=True)
    dumps = []
    for name, src in (("many", f"{tmp}/many"), ("one", f"{tmp}/one.yaml")):
        db = f"{tmp}/{name}.db"
        subprocess.run([accord, "import", "-q", "--db", db, src], check=True)
        con = sqlite3.connect(db)
        counts = {k: con.execute(f"select count(*) from {k}").fetchone()[0] for k in ("commitment", "progress", "statement")}
        expected = {"commitment": n, "progress": 3 * n, "statement": (n + 9) // 10}
        if counts != expected:
            print(f"{name}: counts {counts}, expected {expected}")
            sys.exit(1)
        con.executescript("UPDATE record SET file_id = NULL, line = NULL, col = NULL; "
                          "UPDATE progress SET file_id = NULL, line = NULL, col = NULL; DELETE FROM file;")
        dumps.append("\n".join(con.iterdump()))
        con.close()
    if dumps[0] != dumps[1]:
        print("many files and one file give different databases")
        sys.exit(1)
    print(f"ok: {n} commitments, {3 * n} progress events, many files == one file")
