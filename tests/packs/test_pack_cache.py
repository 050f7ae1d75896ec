"""The compiled-pack cache gives the same rules, and misses whenever a pack changes."""
from __future__ import annotations

from stratlint.cache import user as user_cache
from stratlint.packs import load_rules

PACK = """\
rules:
  - name: banned-word
    code: HX101
    severity: warning
    summary: A word the house style avoids.
    message: "Avoid '{match}'"
    rationale: The house style prefers plain words that every reader knows at once.
    guide-section: Set actions
    check: existence
    options:
      tokens: [{word}]
"""


def test_cached_rules_equal_compiled_rules(tmp_path, monkeypatch):
    # The built-in pack alone ships compiled (test_builtin_pack.py): the user cache holds
    # the compiled form of packs beside it.
    monkeypatch.setenv("STRATLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("STRATLINT_NO_CACHE", raising=False)
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "house.yaml").write_text(PACK.replace("{word}", "synergy"))
    first = load_rules([folder], include_plugins=False)
    assert list((tmp_path / "cache").glob("packs-*.json"))
    second = load_rules([folder], include_plugins=False)
    assert first == second


def test_changed_pack_misses_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("STRATLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("STRATLINT_NO_CACHE", raising=False)
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "house.yaml").write_text(PACK.replace("{word}", "synergy"))
    assert load_rules([folder], include_plugins=False)["banned-word"].options["tokens"] == (
        "synergy",)
    (folder / "house.yaml").write_text(PACK.replace("{word}", "paradigm"))
    assert load_rules([folder], include_plugins=False)["banned-word"].options["tokens"] == (
        "paradigm",)


def test_unwritable_cache_is_ignored(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("STRATLINT_CACHE_DIR", str(blocker))
    monkeypatch.delenv("STRATLINT_NO_CACHE", raising=False)
    assert "vague-language" in load_rules(include_plugins=False)
    assert user_cache.read_packs("0" * 32) is None
