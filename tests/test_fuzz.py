"""Fuzz every loader and the analyzer: succeed or raise UserError, nothing else."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from fuzz_targets import TARGETS, inputs, run_target


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_fuzz_target(name: str) -> None:
    _, seed = TARGETS[name]

    @settings(
        max_examples=200,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        database=None,
    )
    @given(data=inputs(seed))
    def run(data: bytes) -> None:
        run_target(name, data)

    run()
