"""Page 1 of each style's best-practice bill, as Word lays it out, for people to look at.

Builds examples/best-practice.yaml in the Texas, Missouri, New York and generic
styles as .docx, converts them to PDF with LibreOffice (headless) in one run,
and writes a PNG of each bill's first page (pdftoppm, from poppler-utils). The
PDF check in tests/test_docx_pdf.py uses the same functions.

    python bench/bill_pages.py [--out DIR] [--dpi N] [--pages N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from drafter.bill import Bill

ROOT = Path(__file__).resolve().parent.parent
STATES = ("texas", "missouri", "new-york", "generic")


@dataclass(frozen=True)
class Tools:
    soffice: str
    pdftotext: str
    pdftoppm: str


def find_tools() -> Tools | None:
    """LibreOffice and poppler's tools, or None when any is missing."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftotext, pdftoppm = shutil.which("pdftotext"), shutil.which("pdftoppm")
    if not (soffice and pdftotext and pdftoppm):
        return None
    return Tools(soffice, pdftotext, pdftoppm)


def best_practice_bill(state: str) -> Bill:
    """examples/best-practice.yaml drafted in `state`'s style (a profile id)."""
    from drafter.assembly import build_bill
    from drafter.draft import load_draft
    from drafter.language import load_language
    from drafter.rubric import load_rubric

    rubric = load_rubric()
    draft = load_draft(ROOT / "examples" / "best-practice.yaml", rubric)
    draft = draft.model_copy(update={"jurisdiction": None if state == "generic" else state})
    return build_bill(draft, rubric, load_language())


def best_practice_docx(state: str, folder: Path) -> Path:
    """The best-practice bill in `state`'s style as `folder/STATE.docx`."""
    from drafter.render.docx import render_docx

    path = folder / f"{state}.docx"
    path.write_bytes(render_docx(best_practice_bill(state)))
    return path


def to_pdf(tools: Tools, documents: list[Path], folder: Path) -> list[Path]:
    """Convert .docx files to PDF in one LibreOffice run (its own profile, so runs never clash)."""
    with tempfile.TemporaryDirectory(prefix="drafter-lo-") as profile:
        subprocess.run(
            [
                tools.soffice,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder),
                *map(str, documents),
            ],
            check=True,
            capture_output=True,
            timeout=600,
            env={**os.environ, "HOME": profile},
        )
    out = [folder / f"{d.stem}.pdf" for d in documents]
    missing = [p.name for p in out if not p.exists()]
    if missing:
        raise RuntimeError(f"LibreOffice wrote no {', '.join(missing)}")
    return out


def page_texts(tools: Tools, pdf: Path) -> list[str]:
    """Each page's text, laid out as on the page (pdftotext -layout)."""
    proc = subprocess.run(
        [tools.pdftotext, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    )
    pages = proc.stdout.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def page_png(tools: Tools, pdf: Path, out: Path, page: int = 1, dpi: int = 80) -> Path:
    """One page as a PNG at `out` (pdftoppm names it; the file is moved into place)."""
    stem = out.with_suffix("")
    subprocess.run(
        [tools.pdftoppm, "-png", "-r", str(dpi), "-f", str(page), "-l", str(page),
         "-singlefile", str(pdf), str(stem)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return stem.with_suffix(".png")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default="bill-pages", help="folder for the PNGs (and PDFs)")
    parser.add_argument("--dpi", type=int, default=80)
    parser.add_argument("--pages", type=int, default=1, help="how many pages of each bill")
    args = parser.parse_args(argv)
    tools = find_tools()
    if tools is None:
        print("bill_pages: needs soffice (libreoffice-writer) and poppler-utils", file=sys.stderr)
        return 1
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    docs = [best_practice_docx(state, out) for state in STATES]
    for pdf in to_pdf(tools, docs, out):
        count = len(page_texts(tools, pdf))
        for page in range(1, min(args.pages, count) + 1):
            png = page_png(tools, pdf, out / f"{pdf.stem}-page{page}.png", page, args.dpi)
            print(f"{png}  ({count} pages)")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())
