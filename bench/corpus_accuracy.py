"""The analyzer's accuracy per category on the labelled corpus and the real statutes.

tests/corpus/ holds statute-like texts written for drafter in many styles, with
our reading of each (labels.yaml); tests/real_statutes/ holds four real statutes
and the calls we are sure of. A finding counts as right when it reads the
labelled tier and is not ambiguous. Prints a table per category and the totals.

    python bench/corpus_accuracy.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from _timing import result
from drafter.analysis import analyze_file
from drafter.rubric import load_rubric

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    rubric = load_rubric()
    corpus = ROOT / "tests" / "corpus"
    labels = yaml.safe_load((corpus / "labels.yaml").read_text(encoding="utf-8"))
    real = ROOT / "tests" / "real_statutes"
    real_labels = yaml.safe_load((real / "labels.yaml").read_text(encoding="utf-8"))
    rows: dict[str, list[int]] = {"coverage": [0, 0, 0]}
    rows.update({c.id: [0, 0, 0] for c in rubric.categories})
    misses: list[str] = []

    def tally(name: str, category: str, want: str, got: str | None, confidence: str) -> None:
        row = rows[category]
        row[0] += 1
        if confidence == "ambiguous":
            row[2] += 1
        if got == want and confidence != "ambiguous":
            row[1] += 1
        else:
            misses.append(f"{name}: {category} wants {want}, reads {got} ({confidence})")

    for name, label in sorted(labels.items()):
        analysis = analyze_file(corpus / name, rubric)
        expected = {"coverage": label["coverage"], **label["tiers"]}
        for category, want in expected.items():
            f = analysis.finding(category)
            tally(name, category, want, f.tier, f.confidence)
    right = sum(r[1] for r in rows.values())
    total = sum(r[0] for r in rows.values())
    width = max(len(k) for k in rows)
    print(f"corpus: {len(labels)} texts, {total} labelled readings")
    print(f"{'CATEGORY':<{width}}  RIGHT / LABELLED  AMBIGUOUS")
    for category, (n, ok, amb) in rows.items():
        print(f"{category:<{width}}  {ok:>5} / {n:<8}  {amb:>9}")
    print(f"{'TOTAL':<{width}}  {right:>5} / {total:<8}  ({100 * right / total:.1f}%)")
    for line in misses:
        print("  miss:", line)

    sure_right = sure_total = 0
    for name, label in sorted(real_labels.items()):
        analysis = analyze_file(real / name, rubric)
        checks = {"coverage": (label["coverage"], analysis.coverage)}
        for category, points in label["sure"].items():
            checks[category] = (points, analysis.finding(category))
        for category, (want, f) in checks.items():
            sure_total += 1
            if category == "coverage":
                good = f.tier == want
            else:
                cat = rubric.category(category)
                tier = cat.tier(f.tier) if cat and f.tier else None
                good = tier is not None and tier.points == want and f.confidence != "ambiguous"
            sure_right += good
            if not good:
                print(f"  real statute miss: {name}: {category} wants {want}, reads {f.tier}")
    print(f"real statutes: {sure_right} / {sure_total} sure calls and coverages right")
    result("corpus_accuracy_pct", 100 * right / total, 95.0, "%", higher_is_better=True)
    result(
        "real_statutes_sure_pct", 100 * sure_right / sure_total, 100.0, "%", higher_is_better=True
    )


if __name__ == "__main__":
    main()
