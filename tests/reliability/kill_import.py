#!/usr/bin/python3
"""Killed mid-import: a large generated import is killed with SIGKILL at 20 moments spread
over its run. After each kill, PRAGMA integrity_check is ok and the database dump equals
either the state before the import or the state after a complete import, never anything
in between. Prints the number of kills survived."""
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

bin_dir = sys.argv[1]
kills = int(sys.argv[2]) if len(sys.argv) > 2 else 20
accord = os.path.join(bin_dir, "accord")


def dump(db):
    con = sqlite3.connect(db)
    ok = con.execute("PRAGMA integrity_check").fetchone()[0]
    text = "\n".join(con.iterdump())
    con.close()
    return ok, text


with tempfile.TemporaryDirectory() as tmp:
    base, big = f"{tmp}/base", f"{tmp}/big"
    subprocess.run([os.path.join(bin_dir, "accord-gen"), "--commitments", "200", "--seed", "3", "--out", base], check=True)
    subprocess.run([os.path.join(bin_dir, "accord-gen"), "--commitments", "3000", "--seed", "4", "--out", big], check=True)
    # The big set redefines the base's parties and themes; its own records are new.
    template = f"{tmp}/template.db"
    subprocess.run([accord, "import", "-q", "--db", template, base], check=True)
    _, before = dump(template)
    full = f"{tmp}/full.db"
    subprocess.run(["cp", template, full], check=True)
    t0 = time.monotonic()
    subprocess.run([accord, "import", "-q", "--db", full, big], check=True)
    duration = time.monotonic() - t0
    _, after = dump(full)
    assert before != after
    survived, saw_before, saw_after = 0, 0, 0
    for i in range(kills):
        db = f"{tmp}/k{i}.db"
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(template + suffix):
                subprocess.run(["cp", template + suffix, db + suffix], check=True)
        p = subprocess.Popen([accord, "import", "-q", "--db", db, big])
        time.sleep(duration * (i + 0.5) / kills * 1.6)
        p.send_signal(signal.SIGKILL)
        p.wait()
        ok, state = dump(db)
        if ok != "ok":
            print(f"kill {i}: integrity_check says {ok}")
            sys.exit(1)
        if state == before:
            saw_before += 1
        elif state == after:
            saw_after += 1
        else:
            print(f"kill {i}: the database is neither the state before nor after the import")
            sys.exit(1)
        survived += 1
    print(f"{survived} kills survived ({saw_before} left the state before, {saw_after} the state after; "
          f"an import took {duration:.2f} s)")
