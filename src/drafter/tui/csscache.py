"""Textual's stylesheets as parsed, kept between runs for a fast start (datacache.py).

Every start parses the same CSS (drafter.tcss and the DEFAULT_CSS of each kind
of widget on the first screen) into the same rules: some 30 ms of a start, for
the result of the last one. `KeptStylesheet` is Textual's Stylesheet that first
looks a source up in what the last run kept for the same theme variables and
Textual; anything it has not seen is parsed as ever, and `keep` (once the first
screen is drawn) writes what this run used. A source is known by its whole
text, where it came from and its scope (Textual's own key for its in-memory
cache), so a changed stylesheet is parsed afresh; rules with errors fail the
same way kept or not. A theme change reparses through Textual's own plain
Stylesheet, as ever; the next start in that theme keeps its own rules. The
cache is read only where no one but the user could have written it
(datacache.py): unpickling runs code.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import textual.css
from textual.css.model import RuleSet
from textual.css.stylesheet import CSSLocation, Stylesheet

from drafter import datacache

NAME = "stylesheet"
#: Textual's modules that make and hold parsed rules: a Textual that changes
#: them (an upgrade) is another key. (Not textual.__version__: Textual reads
#: that from its installed metadata, some milliseconds of a start.)
PARSER = ("model.py", "styles.py", "parse.py", "tokenize.py", "stylesheet.py", "types.py")

Key = tuple[str, CSSLocation, bool, int, str]


class KeptStylesheet(Stylesheet):
    """A Stylesheet that parses only what the last run with these variables did not."""

    def __init__(self, *, variables: dict[str, str] | None = None) -> None:
        super().__init__(variables=variables)
        #: The rules the last run kept for the variables in force (read at the first parse).
        self._kept: dict[Key, list[RuleSet]] | None = None
        #: What this run parsed or took from the kept rules, by source.
        self._used: dict[Key, list[RuleSet]] = {}
        self._parsed_anew = False

    def _cache_key(self) -> object:
        return (_parser_stamp(), sorted(self._variables.items()))

    def _parse_rules(
        self,
        css: str,
        read_from: CSSLocation,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        key: Key = (css, read_from, is_default_rules, tie_breaker, scope)
        if self._kept is None:
            kept = datacache.read(NAME, self._cache_key())
            self._kept = kept if isinstance(kept, dict) else {}
        rules = self._kept.get(key)
        if rules is None:
            rules = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
            self._parsed_anew = True
        self._used[key] = rules
        return rules

    def set_variables(self, variables: dict[str, str]) -> None:
        # Other variables (another theme) are other rules: kept under their own key.
        super().set_variables(variables)
        self._kept, self._used = None, {}

    def keep(self) -> None:
        """Write the rules this run used, if it parsed any the last run did not keep."""
        if self._parsed_anew:
            self._parsed_anew = False
            datacache.keep(NAME, self._cache_key(), dict(self._used))


def _parser_stamp() -> list[tuple[str, int, int]]:
    """Size and modification time of each of Textual's rule-making modules."""
    folder = Path(textual.css.__file__).parent
    stamp = []
    for name in PARSER:
        try:
            st = os.stat(folder / name)
        except OSError:
            return []  # no such module: a Textual these rules were never made by
        stamp.append((name, st.st_size, st.st_mtime_ns))
    return stamp


def keep(stylesheet: Any) -> None:
    """Keep what `stylesheet` parsed (the app's, if it is a KeptStylesheet still)."""
    if isinstance(stylesheet, KeptStylesheet):
        stylesheet.keep()
