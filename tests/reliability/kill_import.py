#!/usr/bin/python3
"""Killed mid-import: a large generated import is killed with SIGKILL at 20 moments spread
over its run, into a database that holds records (WAL mode) and into an empty one (which the
import writes with a rollback journal, importer.cpp), and (10 moments) an import that deletes
and moves: 10% of the files deleted and a tenth of the rest renamed. After each kill, PRAGMA integrity_check
is ok and the database dump equals either the state before the import or the state after a
complete import, never anything in between. After each kill a read-only command reads the
database (a journal left behind is rolled back first), and after a command that writes
(accord init) the file is in WAL mode again. Prints the number of kills survived."""
import os
import shutil
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


def journal_mode(db):
    con = sqlite3.connect(db)
    mode = con.execute("PRAGMA journal_mode").fetchone()[0]
    con.close()
    return mode


def kill_round(tmp, name, template, big, kills):
    """Imports big into copies of template, killed at kills moments; returns a summary."""
    _, before = dump(template)
    full = f"{tmp}/{name}-full.db"
    subprocess.run(["cp", template, full], check=True)
    t0 = time.monotonic()
    subprocess.run([accord, "import", "-q", "--db", full, big], check=True)
    duration = time.monotonic() - t0
    _, after = dump(full)
    assert before != after
    if journal_mode(full) != "wal":
        print(f"{name}: after a complete import the database is in {journal_mode(full)} mode, not wal")
        sys.exit(1)
    survived, saw_before, saw_after, journals = 0, 0, 0, 0
    for i in range(kills):
        db = f"{tmp}/{name}-k{i}.db"
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(template + suffix):
                subprocess.run(["cp", template + suffix, db + suffix], check=True)
        p = subprocess.Popen([accord, "import", "-q", "--db", db, big])
        time.sleep(duration * (i + 0.5) / kills * 1.6)
        p.send_signal(signal.SIGKILL)
        p.wait()
        if os.path.exists(db + "-journal"):
            journals += 1
        # A read-only command first: it must read the database whatever the kill left.
        listed = subprocess.run([accord, "list", "commitment", "--format", "csv", "--db", db], capture_output=True,
                                text=True)
        if listed.returncode != 0:
            print(f"{name} kill {i}: list after the kill failed: {listed.stderr}")
            sys.exit(1)
        # Then a command that writes: the file is back in WAL mode.
        subprocess.run([accord, "init", "--db", db], check=True, capture_output=True)
        if journal_mode(db) != "wal":
            print(f"{name} kill {i}: after accord init the database is in {journal_mode(db)} mode, not wal")
            sys.exit(1)
        ok, state = dump(db)
        if ok != "ok":
            print(f"{name} kill {i}: integrity_check says {ok}")
            sys.exit(1)
        if state == before:
            saw_before += 1
        elif state == after:
            saw_after += 1
        else:
            print(f"{name} kill {i}: the database is neither the state before nor after the import")
            sys.exit(1)
        survived += 1
    if name == "empty" and journals == 0:
        print(f"{name}: no kill left a rollback journal: the import into an empty database did not use one")
        sys.exit(1)
    return (f"{name} database: {survived} kills survived ({saw_before} left the state before, {saw_after} the "
            f"state after, {journals} left a rollback journal; an import took {duration:.2f} s)")


here = os.path.dirname(os.path.abspath(__file__))
drop_files = os.path.join(here, "..", "bench", "drop_files.py")

with tempfile.TemporaryDirectory() as tmp:
    # Every database is in tmp and every import reads tmp/big, so that the files have the same
    # names in all of them (a file owns its records; docs/format.md).
    big, pristine = f"{tmp}/big", f"{tmp}/pristine"
    subprocess.run([os.path.join(bin_dir, "accord-gen"), "--commitments", "3000", "--seed", "4", "--out", pristine],
                   check=True)
    # A database holding records: the big set without its last 10% of files.
    shutil.copytree(pristine, big)
    subprocess.run([sys.executable, drop_files, big, "10"], check=True, capture_output=True)
    template = f"{tmp}/template.db"
    subprocess.run([accord, "import", "-q", "--db", template, big], check=True)
    shutil.rmtree(big)
    shutil.copytree(pristine, big)
    empty = f"{tmp}/empty.db"
    subprocess.run([accord, "init", "--db", empty], check=True, capture_output=True)
    print(kill_round(tmp, "holding records", template, big, kills))
    print(kill_round(tmp, "empty", empty, big, kills))
    # Deletes and moves: the database holding the whole big set (the complete import of the
    # first round), then 10% of the files deleted and every tenth of the others renamed.
    subprocess.run([sys.executable, drop_files, big, "10"], check=True, capture_output=True)
    for name in sorted(os.listdir(big))[1::10]:
        if name.startswith("dialogue-"):
            os.rename(f"{big}/{name}", f"{big}/moved-{name}")
    print(kill_round(tmp, "deletes and moves", f"{tmp}/holding records-full.db", big, max(1, kills // 2)))
