"""The pre-commit hook definition: valid, and pointing at a command the package installs."""
from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

import pytest
import yaml

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 only
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
HOOKS_FILE = ROOT / ".pre-commit-hooks.yaml"
# What pre-commit itself requires of a hook (pre-commit/clientlib.py MANIFEST_HOOK_DICT).
REQUIRED = {"id", "name", "entry", "language"}
KNOWN = REQUIRED | {
    "alias", "files", "exclude", "types", "types_or", "exclude_types", "additional_dependencies",
    "args", "always_run", "fail_fast", "pass_filenames", "description", "language_version",
    "log_file", "minimum_pre_commit_version", "require_serial", "stages", "verbose",
}


@pytest.fixture(scope="module")
def hooks() -> list[dict]:
    data = yaml.safe_load(HOOKS_FILE.read_text(encoding="utf-8"))
    assert isinstance(data, list) and data, "a hooks file is a non-empty list of hooks"
    return data


@pytest.fixture(scope="module")
def hook(hooks) -> dict:
    [found] = [h for h in hooks if h.get("id") == "stratlint"]
    return found


def test_hooks_are_well_formed(hooks):
    ids = [h.get("id") for h in hooks]
    assert len(ids) == len(set(ids))
    for hook in hooks:
        assert REQUIRED <= set(hook), f"hook {hook.get('id')} lacks {REQUIRED - set(hook)}"
        assert set(hook) <= KNOWN, f"hook {hook['id']} has unknown keys {set(hook) - KNOWN}"
        assert all(isinstance(hook[k], str) and hook[k] for k in REQUIRED)


def test_stratlint_hook(hook):
    assert hook["language"] == "python"
    # --force-exclude: the staged files pre-commit names get the folder walk's tests;
    # `--` last: a staged file's name is a path, never an option (issue 13).
    assert hook["entry"] == "stratlint check --force-exclude --"
    assert hook["require_serial"] is False
    assert hook.get("pass_filenames", True), "stratlint needs the file names"
    assert "types_or" not in hook and "types" not in hook   # `files` says what is checked


def test_entry_is_a_console_script_the_package_declares(hook):
    command, *args = shlex.split(hook["entry"])
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    scripts = project.get("scripts", {})
    assert command in scripts, f"{command!r} is not in [project.scripts] of pyproject.toml"
    module, _, attr = scripts[command].partition(":")
    cli = __import__(module, fromlist=[attr])
    group = getattr(cli, attr)
    assert args and args[0] in group.commands, f"{args[0]!r} is not a subcommand of {command}"
    # pre-commit installs the package and runs the script its metadata declares.
    from importlib.metadata import entry_points

    installed = {ep.name: ep.value for ep in entry_points(group="console_scripts")}
    assert installed.get(command) == scripts[command]


@pytest.mark.parametrize("path,checked", [
    ("strategy.md", True),
    ("docs/digital-strategy.markdown", True),
    ("board/strategy.txt", True),
    ("strategies/2025.yaml", True),
    ("strategies/2025.yml", True),
    ("src/stratlint/cli.py", False),
    ("image.png", False),
    ("notes.md.bak", False),
    (".pre-commit-config.yaml", False),
    (".pre-commit-hooks.yaml", False),
    (".stratlint.yaml", False),
    ("docs/.stratlint.yaml", False),
    ("stratlint.yaml", False),
    ("mkdocs.yml", False),
    ("action.yml", False),
    ("my-stratlint.yaml", True),
])
def test_files_and_exclude(hook, path, checked):
    # pre-commit applies both patterns with re.search to the repository-relative path.
    selected = bool(re.search(hook["files"], path)) and not re.search(hook["exclude"], path)
    assert selected == checked
