"""What a served page shows, read back two ways for the browser tests.

`screen_cells` replays the bytes the server sent into a grid of characters
(where each one is drawn); `png_pixels` decodes a screenshot into rows of RGB
pixels (where it is drawn, and in what colour). Together they let a test look
at one character's cell in a real browser's picture.
"""

from __future__ import annotations

import re
import struct
import zlib

from rich.cells import get_character_cell_size

#: The escapes Textual writes: CSI (cursor moves, colours, modes), OSC, and two-byte ones.
ESCAPE = re.compile(r"\x1b\[([0-9;?<=>]*)[ -/]*([@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b.")


def screen_cells(stream: str, rows: int, cols: int) -> dict[tuple[int, int], str]:
    """The last character drawn at each (row, column), 0-based, after the whole stream,
    on a screen of `rows` x `cols` (what an earlier, larger screen left outside is dropped;
    the app redraws all of the screen when its size changes)."""
    cells: dict[tuple[int, int], str] = {}
    row = col = 0
    pos = 0
    for match in ESCAPE.finditer(stream + "\x1b["):  # a sentinel: the tail is text too
        for ch in stream[pos : match.start()]:
            if ch == "\r":
                col = 0
            elif ch == "\n":
                row += 1
            elif ch >= " ":
                if row < rows and col < cols:
                    cells[row, col] = ch
                col += max(1, get_character_cell_size(ch))
        pos = match.end()
        if match.group(2) == "H":  # cursor position: `row;col`, 1-based
            parts = [int(p) if p.isdigit() else 1 for p in (match.group(1) or "").split(";")]
            row, col = [*parts, 1, 1][0] - 1, [*parts, 1, 1][1] - 1
    return cells


def grid(cells: dict[tuple[int, int], str]) -> list[str]:
    """The cells as text, a string per row (for messages)."""
    rows = 1 + max(r for r, _ in cells)
    cols = 1 + max(c for _, c in cells)
    return ["".join(cells.get((r, c), " ") for c in range(cols)) for r in range(rows)]


def png_pixels(data: bytes) -> list[list[tuple[int, int, int]]]:
    """An 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes) as rows of RGB."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    width = height = channels = 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and not interlace, (depth, colour, interlace)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    rows: list[list[tuple[int, int, int]]] = []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                guess = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + guess) & 0xFF
        rows.append([tuple(line[x : x + 3]) for x in range(0, stride, channels)])  # type: ignore[misc]
        previous = line
    return rows
