#!/usr/bin/env python3
"""Checks that PNG pictures are not blank: each must hold at least N distinct colours (antialiased
text gives a real page hundreds; a blank or single-colour page a handful). Reads the 8-bit RGB(A),
non-interlaced PNGs Qt writes, with the standard library only.
    png-colours.py --at-least N FILE_OR_DIR...
Prints a line for each picture below N and exits 1 if there is one (or none at all)."""
import pathlib
import struct
import sys
import zlib


def pixels(path):
    data = path.read_bytes()
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
    channels = {2: 3, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
    raw, stride = zlib.decompress(idat), width * channels
    previous = bytearray(stride)
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):  # undo the row's filter (PNG spec, section 9)
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                predictor = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + predictor) & 0xFF
        yield from (bytes(line[i:i + channels]) for i in range(0, stride, channels * 7))  # every 7th pixel
        previous = line


def main(argv):
    if len(argv) < 3 or argv[0] != "--at-least":
        print(__doc__, file=sys.stderr)
        return 2
    least = int(argv[1])
    files = []
    for name in argv[2:]:
        path = pathlib.Path(name)
        files += sorted(path.rglob("*.png")) if path.is_dir() else [path]
    bad = 0
    for path in files:
        try:
            colours = len(set(pixels(path)))
        except (OSError, ValueError, zlib.error) as error:
            print(f"{path}: {error}")
            bad += 1
            continue
        if colours < least:
            print(f"{path}: {colours} colours, fewer than {least}: blank?")
            bad += 1
    return 1 if bad or not files else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
