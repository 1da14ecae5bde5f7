"""The analyzer against the atlas's careful readings: the stand-in for law it has not seen.

Each shipped profile in jurisdictions/ whose law was read from a text held in
the shared folder (`law.text.files`, under ../shared) carries a careful reader's
calls, each `sure` or `arguable`. This reads the same text with the analyzer
and compares: a sure call is right when the analyzer reads that tier and is not
ambiguous; the coverage gate (adults / minors only / none) is compared for
every profile read from a text. Prints agreement per category, the share of
sure calls read `clear` and the precision of `clear` findings on sure calls,
and the misses. Texts are read from the shared folder, never copied.

    python bench/atlas_accuracy.py [--misses]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from corpus_accuracy import Tally
from drafter.jurisdiction import list_profiles
from drafter.reader import analyze
from drafter.rubric import load_rubric
from shared_data import MISSING, SHARED


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every miss")
    args = parser.parse_args()
    if SHARED is None:
        print(f"atlas readings: skipped ({MISSING})")
        return
    rubric = load_rubric()
    tally = Tally()
    texts = 0
    for profile in list_profiles():
        law = profile.law
        if law is None or law.text is None or not law.text.files:
            continue
        paths = [SHARED / f for f in law.text.files]
        if not all(p.is_file() for p in paths):
            continue
        texts += 1
        text = "\n\n".join(p.read_text(encoding="utf-8") for p in paths)
        analysis = analyze(text, rubric, source=profile.id)
        cov = analysis.coverage
        want = law.status if law.status in ("adults", "minors_only", "none") else None
        if want is not None:
            tally.add(profile.id, "coverage", want, cov, cov.tier == want)
        for category, reading in law.reading.items():
            if reading.confidence != "sure" or reading.tier is None:
                continue
            f = analysis.finding(category)
            tally.add(
                profile.id,
                category,
                reading.tier,
                f,
                f.tier == reading.tier and f.confidence != "ambiguous",
            )
    if not args.misses:
        tally.misses.clear()
    tally.show(f"atlas readings ({texts} profiles read from texts in {SHARED}, sure calls):")
    tally.report("atlas", 90.0)


if __name__ == "__main__":
    main()
