#!/usr/bin/python3
"""Runs a command with its stdout and stderr on a pseudo-terminal, as a person would see it,
and prints what the terminal received: each raw control character that would act on the
terminal as <ESC>, <BEL>, <CR> ... (line feeds kept; the terminal's own CR before each LF
dropped), then the exit code. Text that accord made visible (\\x1b) shows as it is."""
import os
import pty
import subprocess
import sys

NAMES = {0x1B: "ESC", 0x07: "BEL", 0x0D: "CR", 0x08: "BS", 0x9B: "CSI"}


def main():
    master, slave = pty.openpty()
    p = subprocess.Popen(sys.argv[1:], stdout=slave, stderr=slave, stdin=subprocess.DEVNULL, close_fds=True)
    os.close(slave)
    data = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the terminal's other side is closed
            break
        if not chunk:
            break
        data += chunk
    rc = p.wait()
    os.close(master)
    data = data.replace(b"\r\n", b"\n")
    out = []
    for ch in data.decode("utf-8", "replace"):
        c = ord(ch)
        if (c < 0x20 and ch not in "\n\t") or c == 0x7F or 0x80 <= c <= 0x9F:
            out.append(f"<{NAMES.get(c, hex(c))}>")
        else:
            out.append(ch)
    sys.stdout.write("".join(out))
    print(f"[exit {rc}]")


if __name__ == "__main__":
    main()
