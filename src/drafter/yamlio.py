"""Safe, bounded YAML in and stable YAML out.

Every file drafter reads (rubric, model language, jurisdictions, drafts,
exercise sets) goes through `load_yaml`, so every one gets the same limits and
the same `FILE:LINE` errors. Only safe loading; no anchors/aliases (they buy a
hand-written file nothing and open the door to alias bombs); a size cap checked
before parsing; a depth cap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from drafter.errors import UserError
from drafter.writing import atomic_write as atomic_write  # the one writer, re-exported

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
    """Read a user's text file as UTF-8 with clear errors, at most `max_bytes`."""
    return decode_text(read_bounded(path, what, max_bytes), path, what)


def read_bounded(path: str | Path, what: str = "file", max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """A user's file as bytes, refused past `max_bytes`.

    The limit is on the bytes actually read, not on the size the file claims,
    so /dev/zero, a FIFO, stdin or a process substitution is bounded too.
    """
    p = Path(path)
    try:
        with p.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise UserError(path, f"no such {what}; check the path") from None
    except IsADirectoryError:
        raise UserError(path, f"is a directory, not a {what}; give the path of a file") from None
    except PermissionError:
        raise UserError(path, f"cannot read this {what}: permission denied") from None
    except OSError as exc:
        raise UserError(path, f"cannot read this {what}: {exc.strerror or exc}") from None
    if len(raw) > max_bytes:
        raise UserError(
            path,
            f"{what} is over the {max_bytes:,}-byte limit; is this the right file?",
        )
    return raw


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
        _check_plain(loader, node, where)
        if "!" in text:
            _refuse_tags(text, where)
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


#: Integers longer than this are refused: no drafter value needs more, and a
#: huge one only costs time (and used to reach the user as a traceback).
MAX_INT_DIGITS = 15
_FLOAT = "tag:yaml.org,2002:float"
_INT = "tag:yaml.org,2002:int"
_MERGE = "tag:yaml.org,2002:merge"


def _check_plain(loader: yaml.SafeLoader, root: yaml.Node, where: str) -> None:
    """Plain YAML only: no explicit tags (`!!str`, `!!set`), no merge keys (`<<`),
    no NaN or infinity, no huge integers. Each refusal names its line."""
    stack = [root]
    while stack:
        node = stack.pop()
        line = node.start_mark.line + 1
        if isinstance(node, yaml.ScalarNode):
            plain = not node.style  # "" or None: a plain scalar; quoted ones are strings
            implicit = (plain, not plain)
            expected = loader.resolve(yaml.ScalarNode, node.value, implicit)
            value = node.value.strip().lower()
            if node.tag == _MERGE:
                raise UserError(
                    where, "merge keys (<<) are not supported; write the fields out", line
                )
            if node.tag != expected:
                raise UserError(
                    where,
                    f"the tag {node.tag.replace('tag:yaml.org,2002:', '!!')} is not allowed; "
                    "drafter files hold plain data only",
                    line,
                )
            if node.tag == _FLOAT and value.lstrip("+-") in {".nan", ".inf"}:
                raise UserError(where, f"{node.value} is not a number drafter can use", line)
            if node.tag == _INT and len(value.lstrip("+-").replace("_", "")) > MAX_INT_DIGITS:
                raise UserError(
                    where, f"this number has more than {MAX_INT_DIGITS} digits; is it right?", line
                )
        else:
            default = (
                "tag:yaml.org,2002:map"
                if isinstance(node, yaml.MappingNode)
                else "tag:yaml.org,2002:seq"
            )
            if node.tag != default:
                raise UserError(
                    where,
                    f"the tag {node.tag.replace('tag:yaml.org,2002:', '!!')} is not allowed; "
                    "drafter files hold plain data only",
                    line,
                )
            if isinstance(node, yaml.MappingNode):
                for key, value_node in node.value:
                    stack.extend((key, value_node))
            else:
                stack.extend(node.value)


def _refuse_tags(text: str, where: str) -> None:
    """Refuse any explicit tag, even one that names the type a value has anyway."""
    for token in yaml.scan(text, Loader=_Loader):
        if isinstance(token, yaml.TagToken):
            handle, suffix = token.value
            raise UserError(
                where,
                f"the tag {handle or ''}{suffix} is not allowed; "
                "drafter files hold plain data only",
                token.start_mark.line + 1,
            )


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
