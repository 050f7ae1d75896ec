"""The built-in rule pack, validated and compiled when stratlint is built and shipped as
JSON (data/builtin_pack.json, written by scripts/build_builtin_pack.py), so that a run with
no user cache, such as a fresh CI runner, does not validate the pack with jsonschema.

The file holds a digest of the pack's YAML files and of the rule schema. When the installed
ones differ (a rule edited in a checkout and the file not rebuilt), it is not used and the
pack is validated like any other; tests/packs/test_builtin_pack.py fails until it is rebuilt.
It is data only (JSON, never pickle): loading it runs no code.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from ..resources import data_path
from . import (Rule, build_rules, lexicon_references, merged_lexicons, read_pack_file,
               rule_from_data, rule_to_data)

FORMAT = 1
SHIPPED = Path(__file__).resolve().parents[1] / "data" / "builtin_pack.json"


@dataclass(frozen=True)
class BuiltinPack:
    files: tuple[Path, ...]
    rules: Mapping[str, Rule]
    lexicons: Mapping[str, tuple]
    lexicons_used: frozenset[str]   # by the rules' {lexicon: NAME}: a pack adding to one of
    #                                 these changes the built-in rules themselves


def source_digest(folder: Path, files: list[Path]) -> str:
    """What the compiled pack depends on besides code: the pack files and the rule schema."""
    digest = hashlib.sha256(f"stratlint builtin pack {FORMAT}\0".encode())
    for path in [*files, data_path("schemas") / "rule.schema.json"]:
        name = path.relative_to(folder).as_posix() if path.is_relative_to(folder) else path.name
        data = path.read_bytes()
        digest.update(f"{name}\0{len(data)}\0".encode("utf-8", "surrogateescape") + data)
    return digest.hexdigest()


def compile_data(folder: Path, files: list[Path]) -> dict:
    """The pack validated and compiled, as the JSON data that ships."""
    raw = [(path, read_pack_file(path)) for path in files]
    rules = build_rules(files, None)
    used = set().union(*(lexicon_references(spec.get("options", {}))
                         for _path, data in raw for spec in data.get("rules") or []))
    return {
        "format": FORMAT,
        "digest": source_digest(folder, files),
        "lexicons": merged_lexicons(raw),
        "lexicons-used": sorted(used),
        # Where each rule came from, relative to the pack folder wherever it is installed.
        "rules": [{**rule_to_data(rule), "source": Path(rule.source).relative_to(folder)
                   .as_posix()} for rule in rules.values()],
    }


def load(folder: Path, files: list[Path]) -> BuiltinPack | None:
    """The shipped pack, or None when it is missing or was built from other pack files."""
    try:
        data = json.loads(SHIPPED.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT or data.get("digest") != source_digest(folder, files):
            return None
    except (OSError, ValueError, AttributeError):
        return None
    rules = {}
    for spec in data["rules"]:
        rules[spec["name"]] = rule_from_data({**spec, "source": str(folder / spec["source"])})
    return BuiltinPack(files=tuple(files), rules=MappingProxyType(rules),
                       lexicons=MappingProxyType({name: tuple(words) for name, words
                                                  in data["lexicons"].items()}),
                       lexicons_used=frozenset(data["lexicons-used"]))


def render() -> str:
    """The text of data/builtin_pack.json for the pack as it is now."""
    from . import builtin_pack_folder, pack_files

    folder = builtin_pack_folder()
    return json.dumps(compile_data(folder, pack_files(folder)), ensure_ascii=False,
                      indent=1) + "\n"
