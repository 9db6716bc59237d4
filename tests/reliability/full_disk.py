#!/usr/bin/python3
"""Full disk and read-only storage, on real mounts (needs root; skips with exit 77 and the
reason otherwise, which ctest reports as skipped):
- a 2 MB tmpfs holding a database of 5% of the files of 3,000 generated commitments;
  importing them all from the same folder fills it: exit 3, a message that says the disk is
  full, integrity_check ok and the dump unchanged;
- the same tmpfs remounted read-only: import exits 3 with a message that says the file
  system is read-only, and the file's bytes are unchanged; init of a new database in that
  folder exits 3 and creates nothing;
- a read-only database file in a writable folder (the file bind-mounted read-only onto
  itself: as root, permission bits would not stop a write): exit 3, clear message, bytes
  unchanged;
- output onto the full tmpfs (filled to the last byte): a report redirected there (`>`), a CSV
  list, and `-o FILE` each exit 3 naming the output (they exited 0 with 8 KB of 1.2 MB, or
  nothing, written), `-o` leaves no file; `init` of a new database there says the disk is full.
Every mount is undone, even when a check fails."""
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

SKIP = 77
bin_dir = os.path.abspath(sys.argv[1])
root = os.path.abspath(sys.argv[2])
accord = os.path.join(bin_dir, "accord")
env = dict(os.environ, TZ="UTC", NO_COLOR="1", LC_ALL="C.UTF-8")
failures = []
mounted = []


def mount(*args):
    p = subprocess.run(["mount", *args], capture_output=True, text=True)
    if p.returncode == 0 and not any("remount" in a for a in args):
        mounted.append(args[-1])
    return p


def accord_run(*args):
    p = subprocess.run([accord, *args], capture_output=True, text=True, env=env, timeout=600)
    return p.returncode, p.stderr


def state(db):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    ok = con.execute("PRAGMA integrity_check").fetchone()[0]
    text = "\n".join(con.iterdump())
    con.close()
    return ok, text


def digest(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def expect(name, rc, err, words):
    if rc != 3 or not all(w in err for w in words):
        failures.append(f"{name}: exit {rc}, expected 3 and a message with {words}:\n{err}")
    else:
        print(f"{name}: exit 3: {err.strip()}")


def full_disk(disk, big):
    db = os.path.join(disk, "full.db")
    # The first 5% of the files, from the folder that then holds them all: a file owns its
    # records (docs/format.md), so the whole set updates and adds to the same files' records.
    os.rename(big, big + ".all")
    shutil.copytree(big + ".all", big)
    subprocess.run([sys.executable, os.path.join(root, "tests", "bench", "drop_files.py"), big, "95"], check=True,
                   capture_output=True)
    rc, err = accord_run("import", "-q", "--db", db, big)
    shutil.rmtree(big)
    os.rename(big + ".all", big)
    if rc != 0:
        failures.append(f"full disk: the set-up import into the 2 MB tmpfs failed ({rc}): {err}")
        return
    before = state(db)
    rc, err = accord_run("import", "--db", db, big)
    expect("full disk", rc, err, ["disk is full", "nothing was written"])
    after = state(db)
    if after[0] != "ok":
        failures.append(f"full disk: integrity_check says {after[0]}")
    if after[1] != before[1]:
        failures.append("full disk: the database changed")


def fill(disk):
    """Writes a file onto disk until the file system refuses more; returns its path."""
    filler = os.path.join(disk, "filler")
    with open(filler, "wb", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * 65536)
        except OSError:
            pass
        try:
            while True:
                f.write(b"\0")
        except OSError:
            pass
    return filler


def full_outputs(disk, db):
    """Output of read commands (database elsewhere) onto a full file system."""
    filler = fill(disk)
    try:
        for name, args in (("report scores --format html > full", ["report", "scores", "--format", "html"]),
                           ("list --format csv > full", ["list", "party", "--format", "csv"]),
                           ("report progress > full", ["report", "progress"])):
            with open(os.path.join(disk, "out"), "w") as out:
                p = subprocess.run([accord, *args, "--db", db], stdout=out, stderr=subprocess.PIPE, text=True,
                                   env=env, timeout=600)
            expect(name, p.returncode, p.stderr, ["cannot write to standard output", "No space left on device"])
        target = os.path.join(disk, "r.html")
        rc, err = accord_run("report", "scores", "--format", "html", "--db", db, "-o", target)
        expect("report -o FILE on the full disk", rc, err, [target, "No space left on device"])
        left = [n for n in os.listdir(disk) if n not in ("filler", "out", "full.db", "full.db-wal", "full.db-shm")]
        if left:
            failures.append(f"-o on the full disk left {left}")
        # With no byte left SQLite says "database or disk is full"; with a few kilobytes left
        # (here 16 KiB) it said "disk I/O error", the WAL index's file being what could not grow.
        for free_kb in (0, 16):
            os.truncate(filler, os.path.getsize(filler) - free_kb * 1024)
            new = os.path.join(disk, f"new-{free_kb}.db")
            rc, err = accord_run("init", "--db", new)
            expect(f"init of a new database on the full disk, {free_kb} KiB free", rc, err, ["the disk is full", new])
            for suffix in ("", "-wal", "-shm", "-journal"):
                if os.path.exists(new + suffix):
                    os.remove(new + suffix)
    finally:
        os.remove(filler)


def read_only_mount(disk, big):
    db = os.path.join(disk, "ro.db")
    rc, err = accord_run("import", "-q", "--db", db, os.path.join(root, "data"))
    if rc != 0:
        failures.append(f"read-only mount: set-up import failed ({rc}): {err}")
        return
    sums = digest(db)
    p = mount("-o", "remount,ro", disk)
    if p.returncode != 0:
        failures.append(f"read-only mount: remount failed: {p.stderr}")
        return
    rc, err = accord_run("import", "--db", db, big)
    expect("read-only folder, import", rc, err, ["read-only", db])
    if digest(db) != sums:
        failures.append("read-only folder: the database file changed")
    new = os.path.join(disk, "new.db")
    rc, err = accord_run("init", "--db", new)
    expect("read-only folder, init of a new database", rc, err, ["read-only", new])
    if os.path.exists(new):
        failures.append("read-only folder: init created a file")
    rc, err = accord_run("list", "party", "--db", db)
    if rc not in (0, 3) or (rc == 3 and "read-only" not in err):
        failures.append(f"read-only folder: list gave exit {rc}: {err}")


def read_only_file(folder, big):
    db = os.path.join(folder, "file-ro.db")
    rc, err = accord_run("import", "-q", "--db", db, os.path.join(root, "data"))
    if rc != 0:
        failures.append(f"read-only file: set-up import failed ({rc}): {err}")
        return
    sums = digest(db)
    for args in (("--bind", db, db), ("-o", "remount,bind,ro", db)):
        p = mount(*args)
        if p.returncode != 0:
            failures.append(f"read-only file: mount {' '.join(args)} failed: {p.stderr}")
            return
    rc, err = accord_run("import", "--db", db, big)
    expect("read-only file, import", rc, err, ["read-only", db])
    if digest(db) != sums:
        failures.append("read-only file: the database file changed")


def main():
    if os.geteuid() != 0:
        print("skip: mounting a small tmpfs needs root")
        return SKIP
    with tempfile.TemporaryDirectory(prefix="accord-disk-") as tmp:
        big = os.path.join(tmp, "big")
        subprocess.run([os.path.join(bin_dir, "accord-gen"), "--commitments", "3000", "--seed", "4", "--out", big],
                       check=True)
        disk = os.path.join(tmp, "disk")
        os.mkdir(disk)
        p = mount("-t", "tmpfs", "-o", "size=2m", "accord-full", disk)
        if p.returncode != 0:
            print(f"skip: cannot mount a tmpfs here: {p.stderr.strip()}")
            return SKIP
        try:
            full_disk(disk, big)
            big_db = os.path.join(tmp, "big.db")
            if accord_run("import", "-q", "--db", big_db, big)[0] != 0:
                failures.append("the import of the generated data outside the tmpfs failed")
            else:
                full_outputs(disk, big_db)
            ro = os.path.join(tmp, "ro")
            os.mkdir(ro)
            if mount("-t", "tmpfs", "-o", "size=8m", "accord-ro", ro).returncode != 0:
                failures.append("cannot mount the second tmpfs")
            else:
                read_only_mount(ro, big)
            folder = os.path.join(tmp, "rw")
            os.mkdir(folder)
            read_only_file(folder, big)
        finally:
            for point in reversed(mounted):
                if subprocess.run(["umount", point], capture_output=True).returncode != 0:
                    subprocess.run(["umount", "-l", point], capture_output=True)
    if failures:
        print("\n".join(failures))
        return 1
    print("ok: full disk, output onto a full disk, read-only folder, read-only file")
    return 0


if __name__ == "__main__":
    sys.exit(main())
