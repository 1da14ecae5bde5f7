"""The floor of this stack: safe-load a draft and validate it into a small model.

Run by bench/score_cli.py as the baseline for `drafter score`.
"""

import sys

import yaml
from pydantic import BaseModel


class Floor(BaseModel):
    format: str
    coverage: str
    choices: dict[str, str | int]


with open(sys.argv[1], encoding="utf-8") as handle:
    print(Floor.model_validate(yaml.safe_load(handle)).coverage)
