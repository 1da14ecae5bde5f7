"""Checks on a jurisdiction profile that pydantic's field types cannot say.

Templates (`{name}` placeholders) must parse and use only the names the
renderer fills; the numbering ladder's entries hold one counter each.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from typing import TYPE_CHECKING

from drafter.yamlio import Loc, YamlDoc

if TYPE_CHECKING:
    from drafter.jurisdiction import Profile

#: Placeholders the title and instruction forms may use (the draft's bill target
#: gives section and chapter; subject and code come from parameters/defaults;
#: unit is "Article" or "Section" by code; history is the section's last
#: amendment, for an amending clause).
TARGET_FIELDS = frozenset({"subject", "section", "chapter", "code", "state", "unit", "history"})
_COUNTERS = ("{a}", "{A}", "{1}", "{i}", "{I}")


def _format_fields(template: str) -> list[str]:
    return [f for _, f, _, _ in string.Formatter().parse(template) if f is not None]


def _check_template(doc: YamlDoc, loc: Loc, template: str, allowed: Iterable[str]) -> None:
    """A `{name}` template must parse and use only names the renderer fills."""
    try:
        fields = _format_fields(template)
    except ValueError as exc:
        raise doc.error(
            loc, f"{template!r} is not a valid template ({exc}); write {{{{ for {{"
        ) from None
    allowed = set(allowed)
    for name in fields:
        if name not in allowed:
            names = ", ".join(f"{{{n}}}" for n in sorted(allowed)) or "none"
            raise doc.error(loc, f"{template!r} uses {{{name}}}; it may use only {names}")


def _check_placeholders(doc: YamlDoc, loc: Loc, text: str) -> None:
    """Free text may hold any `{identifier}` placeholder, but it must parse."""
    try:
        fields = _format_fields(text)
    except ValueError as exc:
        raise doc.error(loc, f"{text!r} has a broken placeholder ({exc}); write {{name}}") from None
    for name in fields:
        if not name.isidentifier():
            raise doc.error(loc, f"{text!r}: placeholder {{{name}}} must be a plain name")


def check_profile(profile: Profile, doc: YamlDoc) -> None:
    """The rules pydantic's field types cannot say."""
    s = profile.style_spec
    for i, pattern in enumerate(s.ladder):
        if sum(pattern.count(c) for c in _COUNTERS) != 1:
            raise doc.error(
                ("style", "ladder", i),
                f"ladder entry {pattern!r} must hold exactly one counter: "
                "{1}, {a}, {A}, {i} or {I}",
            )
    _check_template(doc, ("style", "bill_section_format"), s.bill_section_format, ["label"])
    if s.later_bill_section_format is not None:
        _check_template(
            doc, ("style", "later_bill_section_format"), s.later_bill_section_format, ["label"]
        )
    _check_template(
        doc, ("style", "section_heading_format"), s.section_heading_format, ["number", "heading"]
    )
    for action in ("new", "reenact"):
        for i, line in enumerate(getattr(profile.title, action)):
            _check_template(doc, ("title", action, i), line, TARGET_FIELDS)
        _check_template(
            doc, ("instruction", action), getattr(profile.instruction, action), TARGET_FIELDS
        )
    _check_placeholders(doc, ("enacting_clause",), profile.enacting_clause)
    _check_placeholders(doc, ("state",), profile.state)
    if profile.closing.effective_date is not None:
        _check_placeholders(doc, ("closing", "effective_date"), profile.closing.effective_date)
    if profile.closing.applicability is not None:
        for action in ("new", "reenact"):
            _check_template(
                doc,
                ("closing", "applicability", action),
                getattr(profile.closing.applicability, action),
                TARGET_FIELDS,
            )
    for unit, fmt in s.unit_heading_formats.items():
        _check_template(doc, ("style", "unit_heading_formats", unit), fmt, ["number", "heading"])
    if profile.closing.severability and not profile.closing.severability_text:
        raise doc.error(
            ("closing", "severability"),
            "severability is on but closing.severability_text is missing; add the wording",
        )
    for key in profile.defaults:
        if not key.isidentifier():
            raise doc.error(("defaults", key), f"parameter name {key!r} must be a plain name")
