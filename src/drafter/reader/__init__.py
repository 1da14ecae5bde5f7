"""The statute reader: statute text in, a reading of every rubric category out.

Pure and offline. The jobs are split by module:

- `text`: normalizing text for matching, with the map back to original offsets;
- `segment`: splitting a statute into provisions and role-tagged sentences
  (operative, definition, heading, history, commentary, reference);
- `literals`: what a pattern's matches must contain (the prefilters);
- `match`: phrases and negation, found fast;
- `tiers`: which of a category's tiers a text shows; the compiled rules;
- `schema`: the signals file's shape; `rules`: loading and compiling it;
- `files`: reading a statute from .txt, .md, .docx, .html or standard input
  (`htmltext`: the text a browser shows of a web page);
- `findings`: evidence, findings and the whole reading (structured results);
- `views`: the statute as the reader searches it (normalized views, other
  remedies and defenses set aside);
- `analyze`: the analysis itself.

The reading as a plain-text report is drafter.render.analysis.
"""

from drafter.reader.analyze import analyze, analyze_file, signals_for
from drafter.reader.files import read_docx_text, read_statute
from drafter.reader.findings import (
    ANALYSIS_FORMAT,
    CONFIDENCES,
    COVERAGE,
    Analysis,
    Confidence,
    Evidence,
    Finding,
)
from drafter.reader.match import Scanner
from drafter.reader.rules import default_signals_path, load_signals
from drafter.reader.text import Normalized, Span, normalize, normalize_fast
from drafter.reader.tiers import Signals, TierSignals, read_tiers

__all__ = [
    "ANALYSIS_FORMAT",
    "CONFIDENCES",
    "COVERAGE",
    "Analysis",
    "Confidence",
    "Evidence",
    "Finding",
    "Normalized",
    "Scanner",
    "Signals",
    "Span",
    "TierSignals",
    "analyze",
    "analyze_file",
    "default_signals_path",
    "load_signals",
    "normalize",
    "normalize_fast",
    "read_docx_text",
    "read_statute",
    "read_tiers",
    "signals_for",
]
