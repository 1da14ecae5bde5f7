"""`drafter score` wall time vs the floor of this stack (python + pyyaml + pydantic).

Prints the ratio of medians (10 runs each, interleaved). Target: <= 1.5x.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _timing import interleaved, result

ROOT = Path(__file__).resolve().parent.parent
DRAFT = ROOT / "examples" / "best-practice.yaml"
TARGET = 1.5


def main() -> float:
    py = sys.executable
    medians = interleaved(
        {
            "floor": [py, str(Path(__file__).parent / "floor_score.py"), str(DRAFT)],
            "drafter score": [py, "-m", "drafter", "score", str(DRAFT)],
        },
        runs=10,
    )
    ratio = medians["drafter score"] / medians["floor"]
    print(f"floor (yaml + pydantic): {medians['floor'] * 1000:.1f} ms median")
    print(f"drafter score:           {medians['drafter score'] * 1000:.1f} ms median")
    verdict = "ok" if ratio <= TARGET else "MISSES TARGET"
    print(f"score_cli ratio: {ratio:.2f}x (target <= {TARGET}x) {verdict}")
    result("score_cli_vs_floor", ratio, TARGET, "x")
    return ratio


if __name__ == "__main__":
    main()
