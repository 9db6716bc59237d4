#!/usr/bin/python3
"""SQLite's own work in a first import, without accord: the floor under the import's writer.

    sqlite_floor.py ACCORD_BIN SRC_DB OUT_DB   prepares OUT_DB (an empty database of this
        build's schema, `accord init`) and OUT_DB.sql, which copies every row of SRC_DB (a
        database that a first import wrote) into OUT_DB the way a first import writes: in one
        transaction with a rollback journal, the schema's indexes and search triggers dropped,
        foreign keys off; then the search index filled in one statement, the indexes built,
        the foreign key check, the commit (docs/performance.md, "What SQLite's own writing
        costs"). make bench times `sqlite3 -bail OUT_DB ".read OUT_DB.sql"` against yaml-cpp's event
        parse: no YAML, no checks, no binding of values, so the import cannot write the same
        database for less. OUT_DB.rows.sql and OUT_DB.tail.sql split it in two transactions:
        the rows and the search index, which could be written while the files are read, and
        the index builds, the foreign key check and the commit, which must follow.
    sqlite_floor.py --verify SRC_DB OUT_DB     after the script ran: every table holds the same
        rows in both, the schema is whole again, and the search index answers as SRC_DB's.
    sqlite_floor.py --selftest BIN_DIR          the test (ctest bench.sqlite-floor): generates
        300 commitments, imports them, prepares and runs the script (whole, and in its two
        parts), and verifies each copy.

Each row is copied with `INSERT ... SELECT ... WHERE 1`: without the WHERE, SQLite copies a
table with the same columns row by row as stored bytes, without decoding them (its transfer
optimisation), which no writer of new rows can do.
"""
import os
import sqlite3
import subprocess
import sys

# In the order of their references, as a first import writes them.
TABLES = ["file", "record", "party", "forum", "theme", "dialogue", "statement", "commitment", "program",
          "progress", "record_party", "record_theme", "record_reference", "program_milestone"]


def quoted(name):
    return '"' + name.replace('"', '""') + '"'


def has_rowid(con, table):
    """False for a WITHOUT ROWID table (the link tables)."""
    try:
        con.execute(f"SELECT rowid FROM {table} LIMIT 0")
        return True
    except sqlite3.OperationalError:
        return False


# How each transaction of the script begins: a rollback journal, foreign keys checked at the end.
BEGIN = ["PRAGMA main.journal_mode = DELETE;", "PRAGMA foreign_keys = OFF;", "BEGIN;"]


def prepare(accord, src, out):
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(out + suffix):
            os.remove(out + suffix)
    subprocess.run([accord, "init", "--db", out], check=True, stdout=subprocess.DEVNULL)
    con = sqlite3.connect(out)
    indexes = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").fetchall()
    triggers = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    fill = con.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_doc_record'").fetchone()
    copies = []
    for t in TABLES:
        columns = ", ".join(quoted(row[1]) for row in con.execute(f"PRAGMA table_info({t})"))
        if has_rowid(con, t):  # kept: the search index and after_record point at it
            columns = "rowid, " + columns
        copies.append(f"INSERT INTO main.{t} ({columns}) SELECT {columns} FROM src.{t} WHERE 1;")
    con.close()
    src_uri = "file:" + os.path.abspath(src) + "?mode=ro"
    lines = ["PRAGMA cache_size = -16384;", f"ATTACH '{src_uri}' AS src;"] + BEGIN
    lines += [f"DROP INDEX main.{quoted(name)};" for name, _ in indexes]
    lines += [f"DROP TRIGGER main.{quoted(name)};" for name, _ in triggers]
    lines += copies
    if fill:
        lines += ["INSERT INTO main.search_index (rowid, title, body, notes, id) "
                  "SELECT * FROM main.search_doc_progress ORDER BY seq;",
                  "INSERT INTO main.search_index (rowid, title, body, notes, id) "
                  "SELECT * FROM main.search_doc_record ORDER BY seq;"]
    rows = len(lines)
    lines += ["PRAGMA main.cache_size = -4096;"]
    lines += [sql + ";" for _, sql in indexes]
    lines += [sql + ";" for _, sql in triggers]
    lines += ["PRAGMA main.foreign_key_check;", "COMMIT;", "PRAGMA journal_mode = WAL;"]
    with open(out + ".sql", "w") as f:
        f.write("\n".join(lines) + "\n")
    # The same in two transactions: what can run while the files are read (the rows and the
    # search index), and what must follow the last one (the index builds, the foreign key
    # check, the commit). make bench runs the first beside `check`, then the second.
    with open(out + ".rows.sql", "w") as f:
        f.write("\n".join(lines[:rows] + ["COMMIT;"]) + "\n")
    with open(out + ".tail.sql", "w") as f:
        f.write("\n".join(BEGIN + lines[rows:]) + "\n")


def verify(src, out, quiet=False):
    a = sqlite3.connect(f"file:{os.path.abspath(src)}?mode=ro", uri=True)
    b = sqlite3.connect(out)
    problems = []
    for t in TABLES:
        select = f"SELECT rowid, * FROM {t}" if has_rowid(a, t) else f"SELECT * FROM {t}"
        rows_a = sorted(a.execute(select).fetchall(), key=repr)
        rows_b = sorted(b.execute(select).fetchall(), key=repr)
        if rows_a != rows_b:
            problems.append(f"{t}: {len(rows_a)} rows in the source, {len(rows_b)} in the copy, or they differ")
    schema = "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
    if a.execute(schema).fetchall() != b.execute(schema).fetchall():
        problems.append("the schemas differ")
    if b.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        problems.append("the copy fails SQLite's integrity check")
    b.execute("INSERT INTO search_index (search_index) VALUES ('integrity-check')")
    for word in ("cyber", "capacity", "report"):
        query = "SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid"
        if a.execute(query, (word,)).fetchall() != b.execute(query, (word,)).fetchall():
            problems.append(f"a search for {word} answers differently")
    if a.execute("SELECT count(*) FROM commitment").fetchone()[0] == 0:
        problems.append("the source holds no commitment")
    a.close()
    b.rollback()
    b.close()
    for p in problems if not quiet else []:
        print(p)
    return not problems


def selftest(bin_dir):
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([os.path.join(bin_dir, "accord-gen"), "--commitments", "300", "--seed", "3", "--out",
                        f"{tmp}/many"], check=True, stdout=subprocess.DEVNULL)
        accord = os.path.join(bin_dir, "accord")
        subprocess.run([accord, "import", "-q", "--db", f"{tmp}/src.db", f"{tmp}/many"], check=True)
        prepare(accord, f"{tmp}/src.db", f"{tmp}/out.db")
        subprocess.run(["cp", f"{tmp}/out.db", f"{tmp}/split.db"], check=True)
        subprocess.run(["sqlite3", "-bail", f"{tmp}/out.db", f".read {tmp}/out.db.sql"], check=True,
                       stdout=subprocess.DEVNULL)
        if not verify(f"{tmp}/src.db", f"{tmp}/out.db"):
            return False
        for part in ("rows", "tail"):  # the same in two transactions
            subprocess.run(["sqlite3", "-bail", f"{tmp}/split.db", f".read {tmp}/out.db.{part}.sql"], check=True,
                           stdout=subprocess.DEVNULL)
        if not verify(f"{tmp}/src.db", f"{tmp}/split.db"):
            return False
        # The check can fail: a copy that lost a row is found.
        con = sqlite3.connect(f"{tmp}/out.db")
        con.execute("DELETE FROM record_theme WHERE record_id = (SELECT min(record_id) FROM record_theme)")
        con.commit()
        con.close()
        if verify(f"{tmp}/src.db", f"{tmp}/out.db", quiet=True):
            print("a copy without one of its rows passed the verification")
            return False
    print("ok: the floor's script copies every row, the schema and the search index")
    return True


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--selftest":
        sys.exit(0 if selftest(sys.argv[2]) else 1)
    if len(sys.argv) == 4 and sys.argv[1] == "--verify":
        sys.exit(0 if verify(sys.argv[2], sys.argv[3]) else 1)
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    prepare(*sys.argv[1:])
