"""Analyzer throughput on a 1 MB statute-like text, against a regex pass in the same run.

The text is the labelled corpus and the real statutes of ../shared/statutes
(when the shared folder is there; the corpus alone otherwise), their paragraphs
shuffled (fixed seed) and repeated to 1,000,000 characters. The baseline is one
`re.search` for a word that is not there: a single pass of the regex engine
over the same text, the least any analysis could cost. Prints the analyzer's
MB/s (target >= 5), the baselines' (a word-bounded pattern, the shape of the
analyzer's own, and a plain literal, the fastest scan there is) and the ratios;
then the same on a 1 MB text in which the analyzer finds few of its phrases
(its slow case). Times are CPU (process) time, medians of --runs.

    python bench/analyzer_speed.py [--runs N]
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from _timing import result
from drafter.reader import analyze, signals_for
from drafter.rubric import load_rubric
from shared_data import MISSING, STATUTES

ROOT = Path(__file__).resolve().parent.parent
SIZE = 1_000_000
TARGET_MBPS = 5.0


def statute_like(seed: int = 7) -> str:
    paragraphs: list[str] = []
    folders = [ROOT / "tests" / "corpus"]
    if STATUTES is not None:
        folders.append(STATUTES)
    else:
        print(f"(real statutes left out of the text: {MISSING})")
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            paragraphs.extend(p for p in re.split(r"\n\s*\n", text) if p.strip())
    rng = random.Random(seed)
    out: list[str] = []
    length = 0
    while length < SIZE:
        rng.shuffle(paragraphs)
        for p in paragraphs:
            out.append(p)
            length += len(p) + 2
    return "\n\n".join(out)[:SIZE]


def few_signals(seed: int = 11) -> str:
    """Legal-sounding text with almost none of the analyzer's phrases."""
    prose = (
        "the said department shall provide services housing counseling to persons residing "
        "within the county pursuant to rules adopted under this chapter and the board may "
        "contract with providers for training reports budgets audits inspections permits"
    )
    words = prose.split(" ")
    rng = random.Random(seed)
    out: list[str] = []
    length = 0
    while length < SIZE:
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(8, 30)))
        out.append(sentence.capitalize() + ".")
        length += len(sentence) + 2
        if rng.random() < 0.2:
            out.append("\n\n(" + str(rng.randint(1, 99)) + ")")
    return " ".join(out)[:SIZE]


def median_time(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    """Median CPU time of `fn` (process time: steady on a shared, busy machine)."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return statistics.median(times)


def measure(label: str, text: str, runs: int) -> float:
    rubric = load_rubric()
    signals = signals_for(rubric)
    analyze(text[:5000], rubric, signals)  # warm up
    literal = re.compile("zqxjv")
    bounded = re.compile(r"\bzqxjv\b")
    base_literal = median_time(lambda: literal.search(text), runs)
    base_bounded = median_time(lambda: bounded.search(text), runs)
    took = median_time(lambda: analyze(text, rubric, signals), runs)
    mb = len(text.encode("utf-8")) / 1e6
    mbps = mb / took
    print(f"{label}: {mb:.2f} MB")
    print(f"  analyzer                       {took * 1000:8.1f} ms  {mbps:8.1f} MB/s")
    print(
        f"  one re.search, word-bounded    {base_bounded * 1000:8.1f} ms  "
        f"{mb / base_bounded:8.1f} MB/s   analyzer / it = {took / base_bounded:.1f}x"
    )
    print(
        f"  one re.search, plain literal   {base_literal * 1000:8.1f} ms  "
        f"{mb / base_literal:8.1f} MB/s   analyzer / it = {took / base_literal:.0f}x"
    )
    return mbps


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    mbps = measure("statute-like text", statute_like(), args.runs)
    measure("text with few signals", few_signals(), args.runs)
    result("analyzer_mb_per_s", mbps, TARGET_MBPS, "MB/s", higher_is_better=True)


if __name__ == "__main__":
    main()
