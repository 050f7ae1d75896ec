"""The built-in pack ships compiled: the shipped file is current, gives exactly the rules
that validating the YAML gives, is not used once the YAML changes, and spares a run without
a user cache the schema validation."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from stratlint.packs import builtin
from stratlint import packs
from stratlint.packs import build_rules, builtin_pack_folder, load_rules, pack_files

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def no_user_cache(monkeypatch):
    monkeypatch.setenv("STRATLINT_NO_CACHE", "1")


def test_shipped_pack_is_current():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_builtin_pack.py"),
                             "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_shipped_pack_is_what_validating_the_yaml_gives(no_user_cache):
    folder = builtin_pack_folder()
    shipped = builtin.load(folder, pack_files(folder))
    assert shipped is not None
    validated = build_rules(pack_files(folder), None)
    assert list(shipped.rules) == list(validated)
    assert dict(shipped.rules) == validated
    assert load_rules(include_plugins=False) == validated


def _copy_of_the_pack(tmp_path, monkeypatch) -> Path:
    copy = tmp_path / "rules"
    shutil.copytree(builtin_pack_folder(), copy)
    monkeypatch.setattr(packs, "builtin_pack_folder", lambda: copy)
    return copy


def test_an_unchanged_copy_of_the_pack_uses_the_shipped_file(tmp_path, monkeypatch,
                                                             no_user_cache):
    copy = _copy_of_the_pack(tmp_path, monkeypatch)
    shipped = builtin.load(copy, pack_files(copy))
    assert shipped is not None
    assert {Path(rule.source).parent for rule in shipped.rules.values()} == {copy / "guide"}


def test_an_edited_pack_is_validated_not_taken_from_the_shipped_file(tmp_path, monkeypatch,
                                                                     no_user_cache):
    copy = _copy_of_the_pack(tmp_path, monkeypatch)
    rule = load_rules(include_plugins=False)["long-sentence"]
    source = Path(rule.source)
    edited = source.read_text(encoding="utf-8").replace(f"code: {rule.code}", "code: SD999")
    assert edited != source.read_text(encoding="utf-8")
    source.write_text(edited, encoding="utf-8")
    assert builtin.load(copy, pack_files(copy)) is None
    assert load_rules(include_plugins=False)["long-sentence"].code == "SD999"


def test_config_words_added_to_a_builtin_lexicon_reach_the_builtin_rules(no_user_cache):
    folder = builtin_pack_folder()
    used = builtin.load(folder, pack_files(folder)).lexicons_used
    assert "hype-technology" in used
    rules = load_rules(extra_lexicons={"hype-technology": ["hyperloop"]}, include_plugins=False)
    words = [w for rule in rules.values() for value in rule.options.values()
             if isinstance(value, tuple) for w in value]
    assert "hyperloop" in words


def test_a_user_pack_is_added_to_the_shipped_rules(tmp_path, no_user_cache):
    from test_pack_cache import PACK

    (tmp_path / "house.yaml").write_text(PACK.replace("{word}", "synergy"), encoding="utf-8")
    rules = load_rules([tmp_path], include_plugins=False)
    assert list(rules)[-1] == "banned-word"
    assert list(rules)[:-1] == list(load_rules(include_plugins=False))


def test_a_run_without_user_cache_does_not_validate_the_builtin_pack(tmp_path):
    code = ("import sys; from stratlint.packs import load_rules; load_rules(); "
            "print(sorted(m for m in ('jsonschema', 'yaml') if m in sys.modules))")
    env = {"PATH": "", "XDG_CACHE_HOME": str(tmp_path), "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    assert not list(tmp_path.rglob("packs-*.json"))
