#!/usr/bin/python3
"""Deletes the last PERCENT% of the dialogue files of an accord-gen folder, and the entries of
the programs' `implements` (in base.yaml) that name their commitments, so that the folder
imports cleanly again: later statements name earlier ones only, so nothing else names the
deleted records. Prints the number of files and commitments deleted.

usage: drop_files.py FOLDER PERCENT"""
import os
import re
import sys

folder, percent = sys.argv[1], float(sys.argv[2])
files = sorted(f for f in os.listdir(folder) if f.startswith("dialogue-"))
drop = files[len(files) - int(len(files) * percent / 100):]
first = int(drop[0][len("dialogue-"):-len(".yaml")])  # the first dialogue deleted
commitments = 0
for name in drop:
    with open(os.path.join(folder, name)) as f:
        commitments += sum(1 for line in f if line.startswith("      - id: st-"))
    os.remove(os.path.join(folder, name))
# Statement st-K belongs to dialogue K // 2 (accord-gen: two statements a dialogue).
gone = re.compile(r"st-(\d+)\.c\d+")
base = os.path.join(folder, "base.yaml")
out = []
with open(base) as f:
    for line in f:
        if line.startswith("  implements: ["):
            ids = [i for i in line[len("  implements: ["):].rstrip("]\n").split(", ")
                   if int(gone.match(i).group(1)) // 2 < first]
            if not ids:
                continue
            line = "  implements: [" + ", ".join(ids) + "]\n"
        out.append(line)
with open(base, "w") as f:
    f.writelines(out)
print(len(drop), commitments)
