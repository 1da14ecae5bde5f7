"""Fuzz targets shared by tests/test_fuzz.py (200 examples each) and bench/fuzz.py (10,000).

Each target takes bytes a hostile or careless user might hand drafter and must
either succeed or raise UserError: any other exception is a bug.
"""

from __future__ import annotations

import atexit
import contextlib
import random
import shutil
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

import yaml
from hypothesis import strategies as st

from drafter.errors import UserError

ROOT = Path(__file__).resolve().parent.parent


def _rubric():
    from drafter.rubric import load_rubric

    return load_rubric()


@cache
def _folder() -> Path:
    # One scratch folder per process, removed at exit: inputs overwrite one file.
    folder = Path(tempfile.mkdtemp(prefix="drafter-fuzz-"))
    atexit.register(shutil.rmtree, folder, True)
    return folder


def _write(data: bytes, suffix: str = ".yaml") -> Path:
    path = _folder() / f"input{suffix}"
    path.write_bytes(data)
    return path


def load_draft_target(data: bytes) -> None:
    from drafter.draft import load_draft

    load_draft(_write(data), _rubric())


def load_rubric_target(data: bytes) -> None:
    from drafter.rubric import load_rubric

    load_rubric(_write(data))


def load_profile_target(data: bytes) -> None:
    from drafter.jurisdiction import load_profile_file

    load_profile_file(_write(data))


def load_exercises_target(data: bytes) -> None:
    from drafter.training import load_exercise_set

    load_exercise_set(_write(data), _rubric())


def load_language_target(data: bytes) -> None:
    from drafter.language import load_language

    folder = _folder() / "language"
    if not folder.is_dir():
        shutil.copytree(ROOT / "model_language", folder)
    (folder / "frame.yaml").write_bytes(data)
    load_language(folder)


def analyze_target(data: bytes) -> None:
    from drafter.reader import analyze_file

    analyze_file(_write(data, ".txt"), _rubric())


#: target name -> (function, a real file to mutate)
TARGETS: dict[str, tuple[Callable[[bytes], None], Path]] = {
    "draft": (load_draft_target, ROOT / "examples" / "strong-b.yaml"),
    "rubric": (load_rubric_target, ROOT / "rubric" / "polaris-2019.yaml"),
    "jurisdiction": (load_profile_target, ROOT / "jurisdictions" / "missouri.yaml"),
    "exercises": (load_exercises_target, ROOT / "exercises" / "polaris-2019.yaml"),
    "language": (load_language_target, ROOT / "model_language" / "frame.yaml"),
    "analyzer": (analyze_target, ROOT / "tests" / "hostile" / "ok-statute" / "crlf-hyphen.txt"),
}


def mutate(seed_bytes: bytes, rnd: random.Random) -> bytes:
    """A plausible corruption of a real file: byte flips, cut lines, spliced junk."""
    data = bytearray(seed_bytes)
    for _ in range(rnd.randint(1, 6)):
        kind = rnd.randrange(6)
        if not data:
            data.extend(b"x")
        i = rnd.randrange(len(data))
        if kind == 0:
            data[i] = rnd.randrange(256)
        elif kind == 1:
            j = min(len(data), i + rnd.randint(1, 80))
            del data[i:j]
        elif kind == 2:
            data[i:i] = rnd.choice(
                [
                    b"&a ",
                    b"*a",
                    b"!!python/object:os.system ",
                    b"{",
                    b"[",
                    b"\n- ",
                    b": ",
                    b"\t",
                    b"\xef\xbb\xbf",
                    b"\r\n",
                    b"\x00",
                    b"'",
                    b'"',
                    b"|",
                    b">-",
                    b"? ",
                    b"%YAML 1.1\n",
                ]
            )
        elif kind == 3:
            lines = bytes(data).split(b"\n")
            k = rnd.randrange(len(lines))
            lines.insert(rnd.randrange(len(lines) + 1), lines[k])
            data = bytearray(b"\n".join(lines))
        elif kind == 4:
            data[i:i] = bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 12)))
        else:
            lines = bytes(data).split(b"\n")
            rnd.shuffle(lines)
            data = bytearray(b"\n".join(lines))
    return bytes(data)


def inputs(seed_file: Path) -> st.SearchStrategy[bytes]:
    """Mutations of a real file, random bytes, and random YAML-shaped text."""
    seed = seed_file.read_bytes()
    scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20))
    yamlish = st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
        ),
        max_leaves=12,
    ).map(lambda v: yaml.safe_dump(v).encode())
    return st.one_of(
        st.randoms(use_true_random=False).map(lambda r: mutate(seed, r)),
        st.binary(max_size=400),
        yamlish,
    )


def run_target(name: str, data: bytes) -> None:
    """Run a target; UserError is an accepted outcome."""
    func, _ = TARGETS[name]
    with contextlib.suppress(UserError):
        func(data)
