#!/usr/bin/python3
"""Concurrent users: while one process imports, readers run `list commitment` in a loop and
never fail nor see a half-applied import (the commitment count is either before or after),
also while the import writes into an empty database.
Two importers at once: the second waits (busy timeout) and then succeeds or exits 3 with a
clear message; nothing is lost either way."""
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading

bin_dir = sys.argv[1]
accord = os.path.join(bin_dir, "accord")
gen = os.path.join(bin_dir, "accord-gen")

def query(db, sql):
    """One value, on a connection closed at once (a connection left open keeps an import
    into an empty database in WAL mode)."""
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


with tempfile.TemporaryDirectory() as tmp:
    db = f"{tmp}/c.db"
    subprocess.run([gen, "--commitments", "100", "--seed", "1", "--out", f"{tmp}/a"], check=True)
    subprocess.run([gen, "--commitments", "3000", "--seed", "2", "--out", f"{tmp}/b"], check=True)
    # Every import reads the folder tmp/set, holding set a or set b: a file owns its records
    # (docs/format.md), so the larger set b updates a's records in the files of the same names.
    data = f"{tmp}/set"

    def use(name):
        shutil.rmtree(data, ignore_errors=True)
        shutil.copytree(f"{tmp}/{name}", data)

    use("a")
    subprocess.run([accord, "import", "-q", "--db", db, data], check=True)

    def read_during_import(db, files):
        """Imports files into db while two readers list commitments; returns reads and counts seen."""
        before = query(db, "select count(*) from commitment")
        stop = threading.Event()
        reads, failures, counts = [0], [], set()

        def reader():
            while not stop.is_set():
                p = subprocess.run([accord, "list", "commitment", "--format", "csv", "--db", db], capture_output=True,
                                   text=True)
                if p.returncode != 0:
                    failures.append(p.stderr)
                    return
                counts.add(len(p.stdout.splitlines()) - 1)
                reads[0] += 1

        threads = [threading.Thread(target=reader) for _ in range(2)]
        for t in threads:
            t.start()
        imp = subprocess.run([accord, "import", "-q", "--db", db, files], capture_output=True, text=True)
        stop.set()
        for t in threads:
            t.join()
        after = query(db, "select count(*) from commitment")
        if imp.returncode != 0 or failures:
            print("import or reader failed:", imp.stderr, failures[:1])
            sys.exit(1)
        if not counts <= {before, after} or after <= before:
            print(f"a reader saw a half-applied import: counts {sorted(counts)}, before {before}, after {after}")
            sys.exit(1)
        mode = query(db, "PRAGMA journal_mode")
        if mode != "wal":
            print(f"after the import the database is in {mode} mode, not wal")
            sys.exit(1)
        return reads[0], counts, after

    use("b")
    reads, counts, after = read_during_import(db, data)
    # Into an empty database (written with a rollback journal when no reader has it open at
    # the start, importer.cpp): readers wait for the commit instead of reading the empty state.
    empty = f"{tmp}/e.db"
    subprocess.run([accord, "init", "--db", empty], check=True, capture_output=True)
    empty_reads, empty_counts, _ = read_during_import(empty, data)
    # A database left in rollback mode (a killed first import, or by hand) goes back to WAL
    # mode at the next command that writes, unless another connection is reading it then.
    rollback = f"{tmp}/r.db"
    use("a")
    subprocess.run([accord, "import", "-q", "--db", rollback, data], check=True)
    subprocess.run(["sqlite3", rollback, "PRAGMA journal_mode = DELETE"], check=True, capture_output=True)
    held = sqlite3.connect(rollback, isolation_level=None)
    held.execute("BEGIN")
    held.execute("select count(*) from record").fetchone()
    subprocess.run([accord, "init", "--db", rollback], check=True, capture_output=True)
    held_mode = held.execute("PRAGMA journal_mode").fetchone()[0]
    held.execute("COMMIT")
    held.close()
    subprocess.run([accord, "init", "--db", rollback], check=True, capture_output=True)
    mode = query(rollback, "PRAGMA journal_mode")
    if held_mode != "delete" or mode != "wal":
        print(f"rollback mode: {held_mode} while a reader held the file (expected delete), then {mode} (expected wal)")
        sys.exit(1)
    # Two importers at once into a fresh copy.
    db2 = f"{tmp}/d.db"
    subprocess.run([accord, "import", "-q", "--db", db2, data], check=True)
    use("b")
    p1 = subprocess.Popen([accord, "import", "-q", "--db", db2, data], stderr=subprocess.PIPE, text=True)
    p2 = subprocess.Popen([accord, "import", "-q", "--busy-timeout", "60000", "--db", db2, data],
                          stderr=subprocess.PIPE, text=True)
    e1, e2 = p1.communicate()[1], p2.communicate()[1]
    for rc, err in ((p1.returncode, e1), (p2.returncode, e2)):
        if rc not in (0, 3) or (rc == 3 and "busy" not in err and "locked" not in err):
            print(f"importer exit {rc}: {err}")
            sys.exit(1)
    n = query(db2, "select count(*) from commitment")
    if n != after or 0 not in (p1.returncode, p2.returncode):
        print(f"two importers: {n} commitments, expected {after}; exits {p1.returncode}, {p2.returncode}")
        sys.exit(1)
    print(f"{reads} reads during an import, all consistent (commitment counts seen: {sorted(counts)}); "
          f"{empty_reads} during an import into an empty database (counts seen: {sorted(empty_counts)}); "
          f"two importers at once: exits {p1.returncode} and {p2.returncode}, {n} commitments, nothing lost")
