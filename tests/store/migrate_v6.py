#!/usr/bin/python3
"""Schema version 7 (docs/performance.md, "Issue 25, round two"): a database of version 6,
built by the version-6 schema text (lib/src/store/schema*.sql.inc, steps 1 to 6, whose
triggers fill search_text and its index), migrates to version 7 and then gives the same
output as a fresh import of the same files: search, show, report, export (yaml, which reads
the order of the import, timeline and a table) and a re-import that finds nothing changed (the
digests survive their conversion). And a migration that fails leaves the file as it was.

The version-6 rows are those of the fresh import of data/, copied in import order (each
record, then the progress events that came right after it) with the version-6 forms: rowids
from 1, digests as hex text. Usage: migrate_v6.py BIN_DIR SOURCE_DIR"""
import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

BIN, SRC = sys.argv[1], sys.argv[2]
FIRST_RECORD = 1 << 40  # version 7's first record rowid


def schema_text(step):
    name = "schema.sql.inc" if step == 1 else f"schema_v{step}.sql.inc"
    with open(os.path.join(SRC, "lib/src/store", name)) as f:
        return "".join(re.findall(r'R"SQL\((.*?)\)SQL"', f.read(), re.S))


def accord(*args, check=True):
    p = subprocess.run([os.path.join(BIN, "accord"), *args], capture_output=True, text=True)
    if check and p.returncode != 0:
        sys.exit(f"accord {' '.join(args)}: rc {p.returncode}\n{p.stderr}")
    return p


def build_v6(fresh, path):
    """A version-6 database holding the rows of the (version-7) database fresh."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA foreign_keys = OFF")
    # Step 1's status views are put in its marker by Store::migrate from store/filter.cpp's
    # rules; they are the same in every version, so a fresh database's are the ones.
    fresh_db = sqlite3.connect(fresh)
    views = ";\n".join(sql for (sql,) in fresh_db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'view' AND name IN ('v_actor_status', "
        "'v_commitment_status') ORDER BY name")) + ";\n"
    fresh_db.close()
    for step in range(1, 7):
        text = schema_text(step)
        if step == 1:
            assert "-- @status_views\n" in text
            text = text.replace("-- @status_views\n", views)
        db.executescript(text)
    db.execute("PRAGMA application_id = 1094931012")
    db.execute("PRAGMA user_version = 6")
    db.execute("ATTACH ? AS f", (fresh,))
    db.execute("BEGIN")
    db.execute("INSERT INTO file SELECT * FROM f.file")
    kinds = {}
    for (kind,) in db.execute("SELECT DISTINCT kind FROM f.record"):
        cols = [r[1] for r in db.execute(f"PRAGMA f.table_info({kind})")]
        kinds[kind] = ", ".join(cols)
    pcols = [r[1] for r in db.execute("PRAGMA main.table_info(progress)")]
    pselect = ", ".join("lower(hex(digest)) || '0000000000000000'" if c == "digest" else c for c in pcols)
    records = db.execute("SELECT rowid, id, kind FROM f.record ORDER BY rowid").fetchall()
    for rowid, rid, kind in records:
        db.execute("INSERT INTO record (rowid, id, kind, digest, file_id, line, col) SELECT ?, id, kind, "
                   "lower(hex(digest)) || '0000000000000000', file_id, line, col FROM f.record WHERE id = ?",
                   (rowid - FIRST_RECORD + 1, rid))
        db.execute(f"INSERT INTO {kind} ({kinds[kind]}) SELECT {kinds[kind]} FROM f.{kind} WHERE id = ?", (rid,))
        # The events that came right after this record: its own nested ones, and top-level
        # ones logged after it.
        db.execute(f"INSERT INTO progress ({', '.join(pcols)}) SELECT {pselect} FROM f.progress p "
                   "WHERE ifnull(p.after_record, (SELECT rowid FROM f.record WHERE id = p.commitment_id)) = ? "
                   "ORDER BY p.seq", (rowid,))
    for table in ("record_party", "record_theme", "record_reference", "program_milestone"):
        db.execute(f"INSERT INTO {table} SELECT * FROM f.{table}")
    db.execute("COMMIT")
    db.execute("DETACH f")
    n6 = db.execute("SELECT count(*) FROM search_text").fetchone()[0]
    n7 = db.execute("SELECT (SELECT count(*) FROM record) + (SELECT count(*) FROM progress)").fetchone()[0]
    assert n6 == n7 and n6 > 0, (n6, n7)
    db.close()


def outputs(db):
    ids = sqlite3.connect(db)
    commitment = ids.execute("SELECT id FROM commitment ORDER BY rowid LIMIT 1 OFFSET 3").fetchone()[0]
    statement = ids.execute("SELECT id FROM statement ORDER BY rowid LIMIT 1 OFFSET 1").fetchone()[0]
    dialogue = ids.execute("SELECT id FROM dialogue ORDER BY rowid LIMIT 1").fetchone()[0]
    ids.close()
    runs = [["search", "cyber"], ["search", "critical", "infrastructure", "--limit", "0"],
            ["search", "--any", "norms", "capacity", "--limit", "0"], ["search", commitment],
            ["show", commitment], ["show", statement], ["report", "progress"], ["report", "dialogue", dialogue],
            ["export", "yaml"], ["export", "timeline"], ["export", "commitment", "--format", "json"],
            ["export", "links"], ["list", "commitment"]]
    out = {}
    for args in runs:
        p = accord(args[0], "--db", db, *args[1:], check=False)
        out[" ".join(args)] = (p.returncode, p.stdout, p.stderr)
    return out


def digest(path):
    """The database's schema, rows and version (not its bytes: the journal mode may change)."""
    db = sqlite3.connect(path)
    h = hashlib.sha256()
    for line in db.iterdump():
        h.update(line.encode())
    h.update(repr(db.execute("PRAGMA user_version").fetchone()).encode())
    db.close()
    return h.hexdigest()


def main():
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "data")
        shutil.copytree(os.path.join(SRC, "data"), data)
        fresh = os.path.join(tmp, "fresh.db")
        accord("import", "-q", "--db", fresh, data)
        old = os.path.join(tmp, "old.db")
        build_v6(fresh, old)

        # A migration that fails (a name version 7 needs is taken) leaves the file as it was.
        broken = os.path.join(tmp, "broken.db")
        shutil.copy(old, broken)
        with sqlite3.connect(broken) as db:
            db.execute("CREATE TABLE search_doc (x)")
        db.close()
        before = digest(broken)
        p = accord("init", "--db", broken, check=False)
        assert p.returncode == 3, (p.returncode, p.stderr)
        assert "search_doc" in p.stderr, p.stderr
        assert digest(broken) == before, "a failed migration changed the file"

        p = accord("init", "--db", old)
        with sqlite3.connect(old) as db:
            assert db.execute("PRAGMA user_version").fetchone()[0] == 7
            assert db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'search_text'").fetchone()[0] == 0
            db.execute("INSERT INTO search_index (search_index) VALUES ('integrity-check')")
        db.close()
        a, b = outputs(fresh), outputs(old)
        bad = [k for k in a if a[k] != b[k]]
        for k in bad:
            print(f"differs after migration: accord {k}\n--- fresh\n{a[k][1][:2000]}\n--- migrated\n{b[k][1][:2000]}")
        assert not bad
        assert all(rc == 0 for rc, _, _ in a.values()), {k: v[2] for k, v in a.items() if v[0]}
        assert a["search cyber"][1].strip(), "the search found nothing"
        # The converted digests are the new ones: a re-import changes nothing.
        p = accord("import", "--db", old, data)
        assert re.search(r"\b0 inserted, 0 updated, 0 deleted\b|nothing changed|unchanged", p.stdout + p.stderr), \
            p.stdout + p.stderr
        print(f"ok: {len(a)} outputs the same after migrating version 6 to 7; a failed migration left the file")


main()
