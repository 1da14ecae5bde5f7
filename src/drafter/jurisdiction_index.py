"""The index of shipped jurisdiction profiles: names and codes, without loading any.

jurisdictions/index.yaml lists every shipped profile once: its id (the file
jurisdictions/<id>.yaml), name, USPS code, kind and other names it answers to.
Resolving "D.C." or "MO" reads only this file, so fifty-odd profiles cost a
program's startup nothing; a profile is loaded when first asked for.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from drafter.errors import UserError
from drafter.law import Kind
from drafter.paths import data_dir
from drafter.validation import validate_doc
from drafter.yamlio import load_yaml

INDEX_FORMAT = "drafter-jurisdiction-index/1"


class _Model(BaseModel):
    # Schemas built on first validation: a start from the cache validates none.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Entry(_Model):
    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    name: str = Field(min_length=1)
    #: The USPS code ("MO", "DC", "PR"); "US" for the federal law; none for generic.
    code: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    kind: Kind
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.id, self.name, *((self.code,) if self.code else ()), *self.aliases)


class Index(_Model):
    format: Literal["drafter-jurisdiction-index/1"]
    jurisdictions: tuple[Entry, ...] = Field(min_length=1)


def norm(name: str) -> str:
    """The form names are compared in: "New York", "new-york" and "NEW YORK" agree;
    so do "D.C." and "DC"."""
    return "".join(c for c in name.casefold() if c.isalnum())


def index_path() -> Path:
    return data_dir("jurisdictions") / "index.yaml"


@cache
def _load(path: Path) -> tuple[tuple[Entry, ...], dict[str, Entry]]:
    doc = load_yaml(path, "jurisdiction index")
    index = validate_doc(Index, doc, "jurisdiction index")
    owners: dict[str, Entry] = {}
    for i, entry in enumerate(index.jurisdictions):
        if not (path.parent / f"{entry.id}.yaml").is_file():
            raise doc.error(
                ("jurisdictions", i), f"no profile file {entry.id}.yaml for {entry.name}; add it"
            )
        for name in entry.names:
            other = owners.get(norm(name))
            if other is not None and other.id != entry.id:
                raise doc.error(
                    ("jurisdictions", i),
                    f"name {name!r} is already {other.name}'s; names must be unique",
                )
            owners[norm(name)] = entry
    # The generic profile first, then by name.
    ordered = sorted(index.jurisdictions, key=lambda e: (e.kind != "generic", e.name))
    return tuple(ordered), owners


def list_entries() -> tuple[Entry, ...]:
    """Every shipped jurisdiction, generic first, then by name."""
    return _load(index_path())[0]


def find_entry(name: str) -> Entry | None:
    """The shipped jurisdiction a name, code or common form names, if any."""
    return _load(index_path())[1].get(norm(name))


def entry_for_id(profile_id: str) -> Entry | None:
    for entry in list_entries():
        if entry.id == profile_id:
            return entry
    return None


def unlisted_files() -> list[Path]:
    """Profile files in jurisdictions/ that the index does not list (for validate)."""
    folder = index_path().parent
    listed = {e.id for e in list_entries()}
    return [p for p in sorted(folder.glob("*.yaml")) if p.stem != "index" and p.stem not in listed]


def require_entry(name: str) -> Entry:
    entry = find_entry(name)
    if entry is None:
        raise UserError(
            None,
            f"unknown jurisdiction {name!r}; give a state's name or USPS code, DC, federal "
            "or a territory (drafter atlas lists them all)",
        )
    return entry


__all__ = ["Entry", "find_entry", "list_entries", "norm", "require_entry", "unlisted_files"]
