"""Plugins are looked up once, and importlib.metadata only when a distribution on sys.path
may declare one of stratlint's entry-point groups: the quick look never misses a plugin
that importlib.metadata would find."""
from __future__ import annotations

import importlib.metadata
import sys
import zipfile

import pytest

from stratlint.packs import plugins


def _dist(site, folder: str, entry_points: str | None) -> None:
    info = site / folder
    info.mkdir(parents=True)
    name = folder.split("-")[0]
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    if entry_points is not None:
        (info / "entry_points.txt").write_text(entry_points)


def _found_by_importlib_metadata() -> bool:
    everything = importlib.metadata.entry_points()
    return any(everything.select(group=group) for group in plugins.GROUPS)


# folder, entry_points.txt, whether importlib.metadata finds a plugin in it
CASES = {
    "checks plugin": ("good-1.0.dist-info", "[stratlint.checks]\ngood = good:KIND\n", True),
    "packs plugin": ("good-1.0.dist-info", "[console_scripts]\ng = g:main\n\n"
                                           "[stratlint.packs]\ngood = good\n", True),
    "upper-case folder": ("Good-1.0.DIST-INFO", "[stratlint.checks]\ngood = good:KIND\n", True),
    "egg-info folder": ("good.egg-info", "[stratlint.packs]\ngood = good\n", True),
    "other groups only": ("tool-1.0.dist-info",
                          "[console_scripts]\nstratlint = stratlint.cli:main\n", False),
    "no entry points": ("plain-1.0.dist-info", None, False),
}


@pytest.mark.parametrize("folder, entry_points, found", CASES.values(), ids=list(CASES))
def test_quick_look_agrees_with_importlib_metadata(tmp_path, monkeypatch, folder,
                                                   entry_points, found):
    _dist(tmp_path, folder, entry_points)
    monkeypatch.setattr(sys, "path", [str(tmp_path), str(tmp_path / "missing")])
    assert _found_by_importlib_metadata() == found
    assert plugins.may_have_plugins() == found


def test_an_unusual_header_is_left_to_importlib_metadata(tmp_path, monkeypatch):
    _dist(tmp_path, "odd-1.0.dist-info", "[ stratlint.packs ]\nodd = odd\n")
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    assert plugins.may_have_plugins()   # may be a plugin: importlib.metadata decides


def test_a_zip_on_the_path_is_left_to_importlib_metadata(tmp_path, monkeypatch):
    archive = tmp_path / "plugins.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("good-1.0.dist-info/entry_points.txt", "[stratlint.checks]\ng = g:K\n")
    monkeypatch.setattr(sys, "path", [str(archive)])
    assert plugins.may_have_plugins()


def test_without_plugins_importlib_metadata_is_not_consulted(tmp_path, monkeypatch):
    _dist(tmp_path, "tool-1.0.dist-info", "[console_scripts]\ntool = tool:main\n")
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    monkeypatch.setattr(plugins, "_found", None)

    def refuse(*args, **kwargs):
        raise AssertionError("importlib.metadata was consulted")

    monkeypatch.setattr(importlib.metadata, "entry_points", refuse)
    assert plugins.entry_points(plugins.CHECKS_GROUP) == ()
    assert plugins.installed() == []


def test_a_declared_plugin_is_found_once(tmp_path, monkeypatch):
    _dist(tmp_path, "good-1.0.dist-info", "[stratlint.checks]\ngood = good:KIND\n")
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    monkeypatch.setattr(plugins, "_found", None)
    lookups = []
    real = importlib.metadata.entry_points
    monkeypatch.setattr(importlib.metadata, "entry_points",
                        lambda *a, **k: lookups.append(1) or real(*a, **k))
    assert [ep.name for ep in plugins.entry_points(plugins.CHECKS_GROUP)] == ["good"]
    assert plugins.installed() == [[plugins.CHECKS_GROUP, "good", "good:KIND", "1.0"]]
    assert plugins.entry_points(plugins.PACKS_GROUP) == ()
    assert len(lookups) == 1


def test_a_run_looks_up_installed_plugins_once(tmp_path, monkeypatch):
    from pathlib import Path

    from click.testing import CliRunner

    from stratlint.cli import main

    # A check-kind plugin that no rule uses: looked up (it is part of the cache keys), never
    # loaded.
    _dist(tmp_path / "site", "unused-1.0.dist-info", "[stratlint.checks]\nunused = unused:KIND\n")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    monkeypatch.setattr(plugins, "_found", None)
    lookups = []
    real = importlib.metadata.entry_points
    monkeypatch.setattr(importlib.metadata, "entry_points",
                        lambda *a, **k: lookups.append(1) or real(*a, **k))
    monkeypatch.setenv("STRATLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("STRATLINT_NO_CACHE", raising=False)
    example = Path(__file__).resolve().parents[2] / "examples" / "weak-hillcrest-trust.md"
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", str(example)])
    assert result.exit_code == 1, result.output
    assert len(lookups) == 1
