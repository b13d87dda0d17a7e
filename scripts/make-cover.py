#!/usr/bin/env python3
"""Writes a 1200×630 PNG for link previews (og:image): a rising line on a plain background, no text.

Used once to make the picture `explainer new` puts in content/images/cover.png (embedded in Sources/Site/Starter/Scaffold.swift)
and the project's own content/images/cover.png. Standard library only (zlib), so the bytes depend only on the arguments.

    python3 scripts/make-cover.py OUT.png rise|fall [BACKGROUND LINE ACCENT]   (colours as rrggbb)

`rise` (the starter's): a rising line over an axis; `fall` (this site's): the favicon's line with its steep drop.
"""
import struct
import sys
import zlib

W, H = 1200, 630


def colour(text):
    return tuple(int(text[i:i + 2], 16) for i in (0, 2, 4))


def main():
    out, shape = sys.argv[1], sys.argv[2]
    bg, line, accent = (colour(c) for c in (sys.argv[3:6] if len(sys.argv) >= 6 else ("1f4e79", "ffffff", "f0a500")))
    if shape == "fall":
        # The favicon's shape, scaled: a rising line with one fall, and a steep accent stroke.
        points = [(190, 470), (420, 290), (600, 400), (830, 160), (1010, 250)]
        extra = [((830, 160), (1010, 480), accent, 26)]
    else:
        points = [(190, 430), (420, 340), (600, 370), (830, 230), (1010, 150)]
        extra = [((150, 520), (1050, 520), accent, 14)]
    segments = [(points[i], points[i + 1], line, 26) for i in range(len(points) - 1)] + extra
    rows = []
    for y in range(H):
        row = bytearray([0])
        for x in range(W):
            pixel = bg
            for (x1, y1), (x2, y2), c, width in segments:
                # Only look near the segment's bounding box.
                if x < min(x1, x2) - width or x > max(x1, x2) + width or y < min(y1, y2) - width or y > max(y1, y2) + width:
                    continue
                dx, dy = x2 - x1, y2 - y1
                t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
                px, py = x1 + t * dx, y1 + t * dy
                d = ((x - px) ** 2 + (y - py) ** 2) ** 0.5
                half = width / 2
                if d <= half + 1:
                    a = max(0.0, min(1.0, half + 1 - d))  # one pixel of anti-aliasing
                    pixel = tuple(round(p * (1 - a) + q * a) for p, q in zip(pixel, c))
            row += bytes(pixel)
        rows.append(bytes(row))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", W, H, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
    with open(out, "wb") as f:
        f.write(png)
    print(f"{out}: {len(png)} bytes")


main()
