#!/usr/bin/python3
"""Opens `accord report progress --format html` on data/ in headless Chromium (Debian
package chromium), takes a PNG screenshot and checks it is not blank: the PNG is
decoded here (zlib, no imaging library) and must hold many colours, a good share of
non-white pixels, and pixels of the status colours the bar chart draws with. Also
prints the page to PDF and checks the page size is A4.

usage: screenshot.py BIN_DIR ROOT [--save PNG]   (--save: also copy the screenshot,
e.g. to docs/img/report-progress.png)"""
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

AS_OF = "2026-01-01"  # a fixed day, so that the picture in docs/ can be made again


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("chromium not found: install the Debian package chromium (make deps does)")


def decode_png(data):
    """(width, height, rows of (r, g, b) tuples) of an 8-bit RGB or RGBA PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(f"unsupported PNG: depth {depth}, colour type {colour}, interlace {interlace}")
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 0xFF
            elif f == 2:
                line[i] = (line[i] + b) & 0xFF
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append([tuple(line[x:x + 3]) for x in range(0, stride, bpp)])
        prev = line
    return width, height, rows


def main():
    if len(sys.argv) not in (3, 5):
        sys.exit(__doc__)
    bin_dir, root = sys.argv[1], sys.argv[2]
    save = sys.argv[4] if len(sys.argv) == 5 and sys.argv[3] == "--save" else None
    accord = os.path.join(bin_dir, "accord")
    failures = []
    with tempfile.TemporaryDirectory(prefix="accord-html-") as tmp:
        db = os.path.join(tmp, "accord.db")
        env = dict(os.environ, TZ="UTC", NO_COLOR="1")
        subprocess.run([accord, "import", "-q", "--db", db, os.path.join(root, "data")], check=True, env=env)
        html = os.path.join(tmp, "report-progress.html")
        with open(html, "w") as f:
            subprocess.run([accord, "report", "progress", "--db", db, "--as-of", AS_OF, "--format", "html"],
                           stdout=f, check=True, env=env)
        png, pdf = os.path.join(tmp, "shot.png"), os.path.join(tmp, "page.pdf")
        common = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                  "--no-first-run", "--disable-extensions", f"--user-data-dir={os.path.join(tmp, 'profile')}"]
        url = "file://" + html
        for extra in (["--window-size=1000,1300", f"--screenshot={png}"], ["--no-pdf-header-footer",
                                                                           f"--print-to-pdf={pdf}"]):
            p = subprocess.run(common + extra + [url], capture_output=True, text=True, timeout=180, env=env)
            if p.returncode != 0:
                sys.exit(f"chromium failed ({p.returncode}): {p.stderr[-2000:]}")
        width, height, rows = decode_png(open(png, "rb").read())
        pixels = [px for row in rows for px in row]
        colours = set(pixels)
        non_white = sum(1 for px in pixels if px != (255, 255, 255))
        share = non_white / len(pixels)
        print(f"screenshot {width}x{height}: {len(colours)} distinct colours, {share:.1%} non-white pixels")
        if len(colours) < 50:
            failures.append(f"only {len(colours)} distinct colours: the page looks blank")
        if share < 0.03:
            failures.append(f"only {share:.1%} of the pixels are not white: the page looks blank")
        # The bar chart's status colours (svg.cpp), allowing for anti-aliasing at edges.
        for name, rgb in (("complete", (0x00, 0x9E, 0x73)), ("unassessed", (0xBB, 0xBB, 0xBB)),
                          ("substantial", (0x56, 0xB4, 0xE9))):
            n = sum(1 for px in pixels if max(abs(a - b) for a, b in zip(px, rgb)) <= 2)
            print(f"  {n} pixels of the {name} colour")
            if n < 100:
                failures.append(f"only {n} pixels of the {name} colour: the bar chart is not drawn")
        text = open(pdf, "rb").read().decode("latin-1")
        boxes = {tuple(round(float(v)) for v in m) for m in
                 re.findall(r"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", text)}
        pages = len(re.findall(r"/Type\s*/Page\b", text))
        print(f"PDF: {pages} pages, media boxes {sorted(boxes)} (A4 is 595 x 842 points)")
        if not boxes or any(abs(w - 595) > 1 or abs(h - 842) > 1 for w, h in boxes):
            failures.append(f"PDF pages are {sorted(boxes)}, not A4")
        if save:
            shutil.copyfile(png, save)
            print(f"saved {save}")
    for f in failures:
        print("FAILED", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
