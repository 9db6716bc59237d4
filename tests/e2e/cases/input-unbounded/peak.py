#!/usr/bin/python3
"""Runs a command (stdin inherited) and prints its exit code, whether its peak memory (RSS,
from wait4) stayed under LIMIT MB, and the first line of its stderr with the parts that vary
from run to run (line, column, byte values) replaced. Under AddressSanitizer (ASAN_OPTIONS
set: `make asan`) the bound checked is LIMIT + 512 MB: the sanitizer's shadow memory and
quarantine are not accord's memory (tests/fixtures/run_hostile.py drops its bounds there), and
input read without bound would still pass it by gigabytes.
Usage: peak.py LIMIT_MB COMMAND..."""
import os
import re
import subprocess
import sys
import tempfile

limit = int(sys.argv[1])
with tempfile.TemporaryFile() as err:
    p = subprocess.Popen(sys.argv[2:], stderr=err, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    err.seek(0)
    first = err.read().decode("utf-8", "replace").splitlines()[0]
rc = os.waitstatus_to_exitcode(status)
first = re.sub(r":\d+:\d+:", ":L:C:", first)
first = re.sub(r"0x[0-9a-f]{2}", "0xHH", first)
peak = usage.ru_maxrss // 1024
bound = limit + (512 if "ASAN_OPTIONS" in os.environ else 0)
print(f"exit {rc}; peak under {limit} MB: {'yes' if peak < bound else f'no ({peak} MB)'}")
print(first)
