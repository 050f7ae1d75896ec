"""Where the shipped rules/ and schemas/ folders are, installed or in a source checkout."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_path(name: str) -> Path:
    """rules/ or schemas/: inside the wheel as _data/NAME, else at the repository root."""
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parents[1] / name


@lru_cache(maxsize=None)
def schema(name: str) -> dict:
    """A shipped JSON Schema by short name: rule, config, output, strategy."""
    with open(data_path("schemas") / f"{name}.schema.json", encoding="utf-8") as handle:
        return json.load(handle)


def validator(name: str):
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema(name))
