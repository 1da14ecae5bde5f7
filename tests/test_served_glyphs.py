"""The served page draws the app's symbols itself: score bars, marks, arrows.

Roboto Mono, the page's text font, has no block elements, box drawing,
geometric shapes or arrows. The page ships a face for them (drafter's own
server sends it), so it must draw them in a browser that has no font of its
own to fall back on: this Chromium sees none of the machine's fonts (an empty
fontconfig), only what the page loads. Each symbol's cell in the screenshot is
checked: a bar cell is solid, a mark or arrow has ink in its middle (an empty
box, the missing-glyph sign, has none).
"""

from __future__ import annotations

import base64
import os
import shutil
import time
from pathlib import Path

import pytest

from serve_harness import RECORD_SOCKETS, Served, chromium
from terminal_pixels import grid, png_pixels, screen_cells

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")
ARTIFACTS = Path(__file__).parent / "artifacts"

pytestmark = pytest.mark.skipif(
    (CHROMIUM is None or CHROMEDRIVER is None) and not IN_CI,
    reason="Chromium is not installed (apt install chromium chromium-driver); "
    "CI installs it and never skips",
)

FULL_BLOCK, LIGHT_SHADE = "█", "░"
#: Marks and arrows the wizard shows, none of them in Roboto Mono.
MARKS = {"●": "the outline's done mark", "▶": "the Next button's arrow"}


def no_fonts(tmp: Path) -> dict[str, str]:
    """An environment whose fontconfig knows one font, Roboto Mono, that has no symbols.

    (With no font at all Chromium loads no web font either.)"""
    import textual_serve

    only = tmp / "machine-fonts"
    only.mkdir()
    static = Path(textual_serve.__file__).parent / "static" / "fonts"
    shutil.copy(static / "RobotoMono-VariableFont_wght.ttf", only)
    conf = tmp / "fonts.conf"
    conf.write_text(
        f'<?xml version="1.0"?>\n<fontconfig><dir>{only}</dir>'
        f"<cachedir>{tmp / 'fc-cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


def distance(a: tuple[int, int, int], b: tuple[int, int, int]) -> int:
    return max(abs(x - y) for x, y in zip(a, b, strict=True))


def solid(pixels: list[list[tuple[int, int, int]]]) -> bool:
    """A block cell: (inside a 1-pixel margin) nearly all one colour."""
    inner = [p for row in pixels[1:-1] for p in row[1:-1]]
    first = inner[len(inner) // 2]
    return sum(distance(p, first) <= 24 for p in inner) >= 0.95 * len(inner)


def inked_middle(pixels: list[list[tuple[int, int, int]]]) -> bool:
    """A mark's cell: there is ink, and the middle of the inked area is inked too.

    An empty cell has no ink; the missing-glyph sign is an empty box, whose
    middle is background.
    """
    background = pixels[1][1]
    ink = [
        (y, x)
        for y, row in enumerate(pixels)
        for x, p in enumerate(row)
        if distance(p, background) > 60
    ]
    if len(ink) < 6:
        return False
    ys, xs = [y for y, _ in ink], [x for _, x in ink]
    y, x = (min(ys) + max(ys)) // 2, (min(xs) + max(xs)) // 2
    return distance(pixels[y][x], background) > 60


def sketch(pixels: list[list[tuple[int, int, int]]]) -> str:
    """A cell as text: `#` where it differs from its corner (for a failure's message)."""
    background = pixels[1][1]
    return "\n".join(
        "".join("#" if distance(p, background) > 60 else "." for p in row) for row in pixels
    )


def test_bars_marks_and_arrows_render_without_the_machines_fonts(tmp_path: Path) -> None:
    server = Served(tmp_path)
    driver = chromium(CHROMIUM, CHROMEDRIVER, env=no_fonts(tmp_path))
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_SOCKETS})
        driver.get(server.url + "/")
        seen = lambda: driver.execute_script("return window.__seen")  # noqa: E731

        def wait_for(text: str) -> None:
            deadline = time.monotonic() + 120
            while text not in seen():
                assert time.monotonic() < deadline, f"the page never showed {text!r}"
                time.sleep(0.1)

        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys

        wait_for("New draft")
        keys = driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
        keys.send_keys(Keys.CONTROL, "n")
        wait_for("/ 100")
        keys.send_keys("1")  # survivors of any age
        wait_for("any age")
        keys.send_keys("n")
        wait_for("Range of Relief")
        keys.send_keys("3")  # relief on the merits: the Range bar is full
        wait_for("10 / 100")

        # Where each symbol is, from what the server sent (the last frame).
        size = driver.execute_script("return window.__size")
        assert size, "the page never told the server its size"
        rows, cols = int(size["height"]), int(size["width"])
        cells = screen_cells(seen(), rows, cols)
        text = "\n".join(grid(cells))
        wanted = {FULL_BLOCK: "a filled score bar", LIGHT_SHADE: "an empty score bar", **MARKS}
        where = {}
        for char, what in wanted.items():
            found = [rc for rc, ch in cells.items() if ch == char]
            assert found, f"no {what} ({char}) on screen:\n{text}"
            where[char] = found
        box = driver.execute_script(
            "const r = document.querySelector('.xterm-screen').getBoundingClientRect();"
            "return [r.left, r.top, r.width, r.height];"
        )
        cell_w, cell_h = box[2] / cols, box[3] / rows

        def cell(row: int, col: int) -> list[list[tuple[int, int, int]]]:
            clip = {
                "x": box[0] + col * cell_w,
                "y": box[1] + row * cell_h,
                "width": cell_w,
                "height": cell_h,
                "scale": 1,
            }
            shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "clip": clip})
            return png_pixels(base64.b64decode(shot["data"]))

        def problems() -> list[str]:
            out = []
            for row, col in where[FULL_BLOCK][:10]:
                if not solid(cell(row, col)):
                    out.append(f"the bar cell at row {row + 1}, column {col + 1} is not solid")
            for char, what in MARKS.items():
                row, col = where[char][0]
                pixels = cell(row, col)
                if not inked_middle(pixels):
                    out.append(
                        f"{what} ({char}) at row {row + 1}, column {col + 1} is empty:\n"
                        + sketch(pixels)
                    )
            return out

        # The terminal paints a moment after the bytes arrive: poll the picture.
        deadline = time.monotonic() + 60
        while (left := problems()) and time.monotonic() < deadline:
            time.sleep(0.2)
        ARTIFACTS.mkdir(exist_ok=True)
        driver.save_screenshot(str(ARTIFACTS / "served-glyphs.png"))
        assert not left, "; ".join(left)
        # Both faces came from this server.
        fonts = driver.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name)"
            ".filter(n => n.endsWith('.ttf'))"
        )
        assert any(f.endswith("/fonts/DejaVuSansMono-Symbols.ttf") for f in fonts), fonts
        assert all(f.startswith(server.url) for f in fonts), fonts
    finally:
        driver.quit()
        server.stop()
