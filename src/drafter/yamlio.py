"""Safe, bounded YAML in and stable YAML out.

Every file drafter reads (rubric, model language, jurisdictions, drafts,
exercise sets) goes through `load_yaml`, so every one gets the same limits and
the same `FILE:LINE` errors. Only safe loading; no anchors/aliases (they buy a
hand-written file nothing and open the door to alias bombs); a size cap checked
before parsing; a depth cap.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from drafter.errors import UserError

#: Files larger than this are refused before parsing. Drafts are a few KB; the
#: largest shipped data file is well under 100 KB.
MAX_FILE_BYTES = 2 * 1024 * 1024
#: Deeper nesting than this is refused: no drafter file needs more than ~6.
MAX_DEPTH = 32

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # type: ignore[assignment]
_Dumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # type: ignore[assignment]

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class YamlDoc:
    """Parsed YAML plus where each value came from."""

    path: str
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Sequence[str | int]) -> int | None:
        """The line of `loc`, or of its nearest ancestor we know."""
        loc = tuple(loc)
        while True:
            if loc in self.lines:
                return self.lines[loc]
            if not loc:
                return None
            loc = loc[:-1]

    def error(self, loc: Sequence[str | int], message: str) -> UserError:
        return UserError(self.path, message, self.line_of(loc))


def read_text(path: str | Path, what: str = "file", max_bytes: int = MAX_FILE_BYTES) -> str:
    """Read a user's text file as UTF-8 with clear errors (size checked first)."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise UserError(path, f"no such {what}; check the path") from None
    except PermissionError:
        raise UserError(path, f"cannot read this {what}: permission denied") from None
    except OSError as exc:
        raise UserError(path, f"cannot read this {what}: {exc.strerror}") from None
    if p.is_dir():
        raise UserError(path, f"is a directory, not a {what}; give the path of a file")
    if size > max_bytes:
        raise UserError(
            path,
            f"{what} is {size:,} bytes, over the {max_bytes:,}-byte limit; is this the right file?",
        )
    try:
        raw = p.read_bytes()
    except PermissionError:
        raise UserError(path, f"cannot read this {what}: permission denied") from None
    except OSError as exc:
        raise UserError(path, f"cannot read this {what}: {exc.strerror}") from None
    return decode_text(raw, path, what)


def decode_text(raw: bytes, where: str | Path, what: str = "file") -> str:
    """Decode UTF-8 (a BOM is fine), refusing binary data."""
    if b"\x00" in raw:
        raise UserError(where, f"looks like a binary file, not a {what}; give a UTF-8 text file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise UserError(
            where, f"is not UTF-8 text (bad byte at offset {exc.start}); save it as UTF-8", line
        ) from None
    return text


def parse_yaml(text: str, where: str | Path) -> YamlDoc:
    """Parse YAML text into data and a map of value locations to lines."""
    where = str(where)
    loader = _Loader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark is not None else None
            problem = exc.problem or exc.context or "invalid YAML"
            raise UserError(where, f"not valid YAML: {problem}; fix the syntax", line) from None
        except yaml.YAMLError as exc:
            raise UserError(where, f"not valid YAML: {exc}; fix the syntax") from None
        except RecursionError:
            raise UserError(where, f"nested too deeply (limit {MAX_DEPTH} levels)") from None
        if node is None:
            return YamlDoc(where, None, {})
        lines: dict[Loc, int] = {}
        _check_tree(node, where, lines)
        try:
            data = loader.construct_document(node)
        except yaml.constructor.ConstructorError as exc:
            mark = exc.problem_mark
            line = mark.line + 1 if mark is not None else None
            problem = exc.problem or "cannot be loaded"
            if "could not determine a constructor" in problem:
                tag = problem.split("tag", 1)[-1].strip(" '")
                problem = f"the tag {tag} is not allowed; drafter files hold plain data only"
            raise UserError(where, problem, line) from None
        except (ValueError, OverflowError) as exc:
            raise UserError(where, f"a value cannot be read: {exc}") from None
        return YamlDoc(where, data, lines)
    finally:
        loader.dispose()


def load_yaml(path: str | Path, what: str = "file") -> YamlDoc:
    """Read and parse a YAML file with every safety check."""
    return parse_yaml(read_text(path, what), path)


def _check_tree(root: yaml.Node, where: str, lines: dict[Loc, int]) -> None:
    """Refuse aliases, duplicate keys and deep nesting; record lines per location.

    Iterative, so a hostile file cannot exhaust the Python stack here.
    """
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, Loc]] = [(root, ())]
    while stack:
        node, loc = stack.pop()
        if id(node) in seen:
            raise UserError(
                where,
                "anchors and aliases (&name / *name) are not supported; write the value out",
                node.start_mark.line + 1,
            )
        seen.add(id(node))
        if len(loc) > MAX_DEPTH:
            raise UserError(
                where, f"nested too deeply (limit {MAX_DEPTH} levels)", node.start_mark.line + 1
            )
        lines.setdefault(loc, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            keys: dict[Any, int] = {}
            for key_node, value_node in node.value:
                if id(key_node) in seen or not isinstance(key_node, yaml.ScalarNode):
                    raise UserError(
                        where,
                        "only plain scalar keys are allowed in a mapping",
                        key_node.start_mark.line + 1,
                    )
                key = key_node.value
                line = key_node.start_mark.line + 1
                if key in keys:
                    raise UserError(
                        where,
                        f"duplicate key {key!r} (first on line {keys[key]}); keep one",
                        line,
                    )
                keys[key] = line
                child = (*loc, key)
                lines[child] = line
                stack.append((value_node, child))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                stack.append((item, (*loc, index)))


# --- writing ----------------------------------------------------------------


class _StableDumper(_Dumper):  # type: ignore[misc, valid-type]
    """Block style, insertion order, multi-line strings as `|` blocks."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # Multi-line text reads best as a `|` block; a value a block cannot hold
    # exactly (trailing spaces, carriage returns) stays quoted, so a save never
    # changes what the user typed.
    if "\n" in value and _block_safe(value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


def _block_safe(value: str) -> bool:
    if "\r" in value or value[:1] in " \t" or not value.strip():
        return False
    return all(line == line.rstrip() for line in value.split("\n"))


_StableDumper.add_representer(str, _represent_str)


def dump_yaml(data: Any) -> str:
    """Diff-friendly YAML: keys in the order given, no flow style, UTF-8 kept."""
    return yaml.dump(
        data,
        Dumper=_StableDumper,
        sort_keys=False,
        default_flow_style=False,
        allow_unicode=True,
        width=88,
    )


def atomic_write(path: str | Path, data: str | bytes, *, overwrite: bool = True) -> None:
    """Write a file so that a crash leaves either the old file or the new one.

    Temp file in the same folder, fsync, then rename over the target. With
    `overwrite=False` an existing target is refused (checked just before the
    rename: the caller asked the user already when that matters).
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(path, f"folder {str(folder)!r} does not exist; create it first")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except PermissionError:
        raise UserError(path, "cannot write here: permission denied") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if not overwrite and target.exists():
            raise UserError(path, "already exists; use --force to overwrite it")
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    # Make the rename itself durable; not every platform lets us open a folder.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
