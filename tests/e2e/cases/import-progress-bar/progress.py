#!/usr/bin/python3
"""Imports 10,001 files with stderr and stdout on a pseudo-terminal, where accord draws its
progress bar, and prints what a person saw: whether a bar was drawn, the last one drawn, and
whether its line was cleared before the summary. So that the import lasts over a second (the
bar's delay) on any machine, another connection holds the write lock for its first 1.5 s.
Usage: progress.py SCRATCH_FOLDER"""
import os
import pty
import re
import sqlite3
import subprocess
import sys
import time

FILES = 10001
folder = os.path.join(sys.argv[1], "many")
os.makedirs(folder)
for i in range(FILES):
    with open(os.path.join(folder, f"p{i:05d}.yaml"), "w") as f:
        f.write(f"kind: party\nid: p{i:05d}\nname: Party {i}\ntype: ngo\n")
db = os.path.join(sys.argv[1], "many.db")
subprocess.run(["accord", "init", "-q", "--db", db], check=True)
holder = sqlite3.connect(db, isolation_level=None)
holder.execute("BEGIN IMMEDIATE")
master, slave = pty.openpty()
p = subprocess.Popen(["accord", "import", "--db", db, folder], stdout=slave, stderr=slave, stdin=subprocess.DEVNULL)
os.close(slave)
time.sleep(1.5)
holder.execute("COMMIT")
holder.close()
data = b""
while True:
    try:
        chunk = os.read(master, 65536)
    except OSError:
        break
    if not chunk:
        break
    data += chunk
rc = p.wait()
text = data.decode("utf-8", "replace")
bars = list(re.finditer(r"\raccord: importing \[[# ]*\] (\d+)/(\d+) files", text))
print(f"exit {rc}; a bar was drawn: {'yes' if bars else 'no'}")
if bars:
    last = bars[-1]
    print(f"the last bar drawn: {last.group(1)}/{last.group(2)} files")
    rest = text[last.end():]
    cleared = rest.startswith("\r\x1b[K")
    print(f"its line cleared before the summary: {'yes' if cleared else 'no: ' + repr(rest[:40])}")
summary = [line for line in text.replace("\r\n", "\n").split("\n") if "imported" in line]
print(f"summary line: {summary[-1].split(chr(13))[-1].split(chr(27) + '[K')[-1] if summary else '(none)'}")
