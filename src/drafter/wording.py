"""A state's own word forms, applied to the model language as it is assembled.

The model language is written once, in a neutral form ("this section", "shall
not", "prosecuting attorney", "this act"). Each profile says how its statutes
put those things: Texas calls a unit of the Code of Criminal Procedure an
article, writes prohibitions with "may not", and names the prosecutor "the
attorney representing the state"; New York says "district attorney". Pure
text rules, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_THIS_SECTION = re.compile(r"\b([Tt])his section\b")
_SHALL_NOT = re.compile(r"\b([Ss])hall not\b")
_PROSECUTOR = re.compile(r"\b([Pp])rosecuting attorney\b")
_THIS_ACT = re.compile(r"\b[Tt]his [Aa]ct\b")
_MEANS = re.compile(r'^("[^"]+") means ')


def _keep_case(first: str, word: str) -> str:
    return word[:1].upper() + word[1:] if first.isupper() else word


@dataclass(frozen=True, slots=True)
class Wording:
    """How one bill words the neutral forms of the model language."""

    #: "section" or "article": what "this section" becomes.
    unit: str = "section"
    #: "shall not" or "may not".
    prohibition: str = "shall not"
    #: The prosecutor's name, when not "prosecuting attorney".
    prosecutor: str | None = None
    #: "this act" or "this Act".
    act_name: str = "this act"
    #: '"Term" means ...' or Missouri's '"Term", ...'.
    definition_form: str = "means"

    def statute(self, text: str) -> str:
        """Text of the enacted section in the state's word forms."""
        if self.unit != "section":
            text = _THIS_SECTION.sub(lambda m: _keep_case(m.group(1), f"this {self.unit}"), text)
        if self.prohibition != "shall not":
            text = _SHALL_NOT.sub(lambda m: _keep_case(m.group(1), self.prohibition), text)
        if self.prosecutor:
            name = self.prosecutor
            text = _PROSECUTOR.sub(lambda m: _keep_case(m.group(1), name), text)
        return self.act(text)

    def act(self, text: str) -> str:
        """One spelling of "this act" per style (Texas and federal style: "this Act")."""
        return _THIS_ACT.sub(self.act_name, text)

    def definition(self, text: str) -> str:
        """A definition in the state's form (Missouri: '"Movant", a person who ...')."""
        text = self.statute(text)
        if self.definition_form == "comma":
            text = _MEANS.sub(r"\1, ", text)
        return text
