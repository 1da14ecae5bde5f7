"""Turn pydantic validation errors into one `FILE:LINE: ...` user error."""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from drafter.errors import UserError
from drafter.textsafe import quoted
from drafter.yamlio import YamlDoc

M = TypeVar("M", bound=BaseModel)


def describe_loc(loc: tuple[str | int, ...]) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item}]")
        else:
            parts.append(("." if parts else "") + str(item))
    return "".join(parts)


def _message(err: ErrorDetails) -> str:
    kind = err.get("type", "")
    loc = tuple(p for p in err.get("loc", ()) if not _is_union_tag(p))
    where = describe_loc(loc)
    if kind == "missing":
        return f"missing required field {where!r}; add it"
    if kind == "extra_forbidden":
        return f"unknown field {quoted(where)}; remove it or check its spelling"
    msg = str(err.get("msg", "invalid value"))
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    if where:
        return f"{where}: {msg}"
    return msg


def _is_union_tag(part: str | int) -> bool:
    # pydantic puts the union member's type name in loc for unions ("str", "int").
    return isinstance(part, str) and part in {"str", "int", "float", "bool", "list[str]"}


def validate_doc(model: type[M], doc: YamlDoc, what: str) -> M:
    """Validate a parsed YAML document into `model`, or raise a user error."""
    if not isinstance(doc.data, dict):
        kind = "empty" if doc.data is None else f"a {type(doc.data).__name__}"
        article = "an" if what[:1].lower() in "aeiou" else "a"
        raise UserError(doc.path, f"is {kind}, not {article} {what} (a YAML mapping of fields)", 1)
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        # A too-long list says so, not that it is "not a valid string" (the union's first try).
        err = next((e for e in errors if e.get("type") == "too_long"), errors[0])
        loc = tuple(p for p in err.get("loc", ()) if not _is_union_tag(p))
        raise doc.error(loc, _message(err)) from None
