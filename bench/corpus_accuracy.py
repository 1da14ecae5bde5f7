"""The analyzer's accuracy per category on the labelled corpus and on real statutes.

tests/corpus/ holds statute-like texts written for drafter in many styles, with
our reading of each (labels.yaml). ../shared/statutes/ holds real statutes with
a careful reader's calls (labels.yaml: `sure` lists the confident ones, in
points). A finding counts as right when it reads the labelled tier (or points)
and is not ambiguous. Prints, for each set, agreement per category, how many
sure calls read `clear`, and the precision of `clear` findings (right / clear).
The real statutes are read from the shared folder, never copied; without it the
corpus alone is measured and the real-statute figures are skipped (say so).

    python bench/corpus_accuracy.py
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from _timing import result
from drafter.reader import Finding, analyze_file
from drafter.rubric import Rubric, load_rubric
from shared_data import MISSING, STATUTES

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Tally:
    """Right / labelled per category, with ambiguous and clear counts."""

    rows: dict[str, list[int]] = field(default_factory=dict)
    clear: int = 0
    clear_right: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, name: str, category: str, want: str, f: Finding, good: bool) -> None:
        row = self.rows.setdefault(category, [0, 0, 0])
        row[0] += 1
        row[1] += good
        row[2] += f.confidence == "ambiguous"
        if category != "coverage" and f.confidence == "clear":
            self.clear += 1
            self.clear_right += good
        if not good:
            self.misses.append(f"{name}: {category} wants {want}, reads {f.tier} ({f.confidence})")

    def calls(self) -> tuple[int, int]:
        """(right, labelled) over the categories (coverage apart)."""
        rows = [r for c, r in self.rows.items() if c != "coverage"]
        return sum(r[1] for r in rows), sum(r[0] for r in rows)

    def show(self, title: str) -> None:
        right, total = self.calls()
        width = max(len(k) for k in self.rows)
        print(title)
        print(f"  {'CATEGORY':<{width}}  RIGHT / LABELLED  AMBIGUOUS")
        for category, (n, ok, amb) in self.rows.items():
            print(f"  {category:<{width}}  {ok:>5} / {n:<8}  {amb:>9}")
        print(f"  {'calls':<{width}}  {right:>5} / {total:<8}  ({pct(right, total):.1f}%)")
        print(
            f"  clear: {self.clear} of {total} calls ({pct(self.clear, total):.0f}%), "
            f"right {self.clear_right} / {self.clear} ({pct(self.clear_right, self.clear):.1f}%)"
        )
        for line in self.misses:
            print("    miss:", line)

    def report(self, prefix: str, sure_target: float) -> None:
        """The bench lines for sure calls, coverage, clear share and clear precision."""
        right, total = self.calls()
        cov = self.rows.get("coverage", [0, 0, 0])
        result(f"{prefix}_sure_pct", pct(right, total), sure_target, "%", higher_is_better=True)
        result(f"{prefix}_coverage_pct", pct(cov[1], cov[0]), 100.0, "%", higher_is_better=True)
        result(f"{prefix}_clear_share_pct", pct(self.clear, total), 70.0, "%", True)
        result(f"{prefix}_clear_precision_pct", pct(self.clear_right, self.clear), 95.0, "%", True)


def pct(a: int, b: int) -> float:
    return 100.0 * a / b if b else 100.0


def points_of(rubric: Rubric, category: str, tier: str | None) -> int | None:
    cat = rubric.category(category)
    found = cat.tier(tier) if cat is not None and tier is not None else None
    return found.points if found is not None else None


def corpus(rubric: Rubric) -> Tally:
    folder = ROOT / "tests" / "corpus"
    labels = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8"))
    tally = Tally()
    for name, label in sorted(labels.items()):
        analysis = analyze_file(folder / name, rubric)
        expected = {"coverage": label["coverage"], **label["tiers"]}
        for category, want in expected.items():
            f = analysis.finding(category)
            tally.add(name, category, want, f, f.tier == want and f.confidence != "ambiguous")
    return tally


def real(rubric: Rubric, folder: Path) -> Tally:
    labels = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8"))
    tally = Tally()
    for name, label in labels.items():
        analysis = analyze_file(folder / name, rubric)
        f = analysis.coverage
        tally.add(name, "coverage", label["coverage"], f, f.tier == label["coverage"])
        for category, want in (label.get("sure") or {}).items():
            f = analysis.finding(category)
            good = points_of(rubric, category, f.tier) == want and f.confidence != "ambiguous"
            tally.add(name, category, str(want), f, good)
    return tally


def main() -> None:
    rubric = load_rubric()
    ours = corpus(rubric)
    ours.show("corpus (tests/corpus, texts we wrote):")
    right, total = ours.calls()
    cov = ours.rows["coverage"]
    result("corpus_accuracy_pct", pct(right + cov[1], total + cov[0]), 95.0, "%", True)
    if STATUTES is None:
        print(f"real statutes: skipped ({MISSING})")
        return
    law = real(rubric, STATUTES)
    law.show(f"real statutes ({STATUTES}, sure calls):")
    law.report("real_statutes", 100.0)


if __name__ == "__main__":
    main()
