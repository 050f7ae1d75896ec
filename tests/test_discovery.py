"""Which files are strategies: a folder walk leaves repository files and non-strategy YAML
out; a path named on the command line is always checked, unless --force-exclude."""
from __future__ import annotations

import json
import os
import shlex
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from stratlint.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

WORKFLOW = """\
name: ci
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
"""
COMPOSE = "services:\n  web:\n    image: nginx\nvolumes:\n  data: {}\n"
README = "# Our strategy repository\n\nWe will leverage synergies. Run `make` to build.\n"


def make_repository(root: Path) -> Path:
    """A small strategy repository as people keep them, with the usual other files."""
    (root / "docs").mkdir(parents=True)
    (root / ".github" / "workflows").mkdir(parents=True)
    shutil.copy(EXAMPLES / "weak-hillcrest-trust.md", root / "docs" / "strategy.md")
    shutil.copy(EXAMPLES / "strong-structured-strategy.yaml", root / "docs" / "plan.yaml")
    (root / "README.md").write_text(README, encoding="utf-8")
    (root / "CHANGELOG.md").write_text("# Changelog\n\n## 1.0\n\nWe will transform it.\n",
                                       encoding="utf-8")
    (root / "CONTRIBUTING.md").write_text("# Contributing\n\nLeverage the issue tracker.\n",
                                          encoding="utf-8")
    (root / "LICENSE.txt").write_text("Permission is hereby granted, world-class.\n",
                                      encoding="utf-8")
    (root / "requirements.txt").write_text("stratlint>=0.1\n", encoding="utf-8")
    (root / "requirements-dev.txt").write_text("pytest\n", encoding="utf-8")
    (root / ".github" / "workflows" / "ci.yml").write_text(WORKFLOW, encoding="utf-8")
    (root / "compose.yml").write_text(COMPOSE, encoding="utf-8")
    (root / "ci.yml").write_text(WORKFLOW, encoding="utf-8")
    return root


def run(cwd: Path, *args: str):
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, ["check", "--no-cache", *args])
    finally:
        os.chdir(old)


def checked_paths(result) -> set[str]:
    return {f["path"] for f in json.loads(result.stdout)["findings"]}


STRATEGIES = {"docs/strategy.md", "docs/plan.yaml"}


def test_check_dot_checks_only_the_strategies(tmp_path):
    repo = make_repository(tmp_path)
    result = run(repo, ".", "--format", "json")
    assert json.loads(result.stdout)["files_checked"] == 2, result.stderr
    assert checked_paths(result) <= STRATEGIES
    assert "docs/strategy.md" in checked_paths(result)


def test_verbose_says_what_was_left_out_and_why(tmp_path):
    repo = make_repository(tmp_path)
    result = run(repo, "-v", "--format", "concise")
    skipped = {line.split(": ")[1].replace("skipped ", ""): line
               for line in result.stderr.splitlines() if "skipped" in line}
    for name in ("README.md", "CHANGELOG.md", "CONTRIBUTING.md", "LICENSE.txt",
                 "requirements.txt", "requirements-dev.txt"):
        assert "repository file" in skipped[name]
    assert "does not look like a structured strategy" in skipped["compose.yml"]
    assert "does not look like a structured strategy" in skipped["ci.yml"]


def test_a_path_named_explicitly_is_always_checked(tmp_path):
    repo = make_repository(tmp_path)
    result = run(repo, "README.md", "compose.yml", "--format", "json")
    assert json.loads(result.stdout)["files_checked"] == 2
    assert "README.md" in checked_paths(result)


def test_force_exclude_holds_named_paths_to_the_walks_tests(tmp_path):
    repo = make_repository(tmp_path)
    named = ["README.md", "CHANGELOG.md", "requirements.txt", ".github/workflows/ci.yml",
             "compose.yml", "docs/strategy.md", "docs/plan.yaml"]
    result = run(repo, "--force-exclude", "--format", "json", "--", *named)
    assert json.loads(result.stdout)["files_checked"] == 2, result.stderr
    assert checked_paths(result) <= STRATEGIES


def test_include_globs_choose_the_files_a_walk_checks(tmp_path):
    repo = make_repository(tmp_path)
    (repo / "docs" / "notes.md").write_text("# Notes\n\nWe will leverage it.\n",
                                            encoding="utf-8")
    (repo / ".stratlint.yaml").write_text("include: ['docs/strategy.md']\n", encoding="utf-8")
    result = run(repo, "--format", "json")
    assert json.loads(result.stdout)["files_checked"] == 1
    assert checked_paths(result) == {"docs/strategy.md"}


def test_the_pre_commit_entry_skips_repository_files(tmp_path):
    """What pre-commit runs: the hook's entry with the staged files its `files` selects."""
    import re

    repo = make_repository(tmp_path)
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    staged = [p.relative_to(repo).as_posix() for p in sorted(repo.rglob("*")) if p.is_file()]
    named = [p for p in staged if re.search(hook["files"], p)
             and not re.search(hook.get("exclude", "^$"), p)]
    assert "requirements.txt" in named and "README.md" in named
    _command, subcommand, *options = shlex.split(hook["entry"])
    result = run(repo, *[o for o in options if o != "--"], "--format", "json", "--", *named)
    assert json.loads(result.stdout)["files_checked"] == 2, result.stderr
    assert checked_paths(result) <= STRATEGIES


@pytest.mark.parametrize("name", ["--write-baseline=README.md", "--output-file=README.md",
                                  "-o.md"])
def test_a_file_named_like_an_option_is_a_path_after_the_hooks_double_dash(tmp_path, name):
    """issue 13 item 3: pre-commit appends staged file names to the entry."""
    repo = make_repository(tmp_path)
    shutil.copy(EXAMPLES / "weak-hillcrest-trust.md", repo / name)
    readme = (repo / "README.md").read_bytes()
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    _command, _subcommand, *options = shlex.split(hook["entry"])
    result = run(repo, *options, name, "docs/strategy.md")
    assert (repo / "README.md").read_bytes() == readme
    assert result.exit_code == 1, result.output     # the weak strategies fail the hook
    assert f"{name}:" in result.stdout              # and the odd name was checked as a file


def test_a_stdin_filename_without_a_path_reads_standard_input(tmp_path):
    repo = make_repository(tmp_path)
    old = Path.cwd()
    os.chdir(repo)
    try:
        result = CliRunner().invoke(
            main, ["check", "--no-cache", "--format", "json", "--stdin-filename", "plan.md"],
            input="# Plan\n\nWe will leverage data.\n")
    finally:
        os.chdir(old)
    data = json.loads(result.stdout)
    assert data["files_checked"] == 1
    assert {f["path"] for f in data["findings"]} == {"plan.md"}
    assert "leverage" in {f["excerpt"] for f in data["findings"]}


def test_a_yaml_strategy_with_fields_of_its_own_is_still_checked(tmp_path):
    (tmp_path / "plan.yaml").write_text(
        "title: Plan\nversion: 3\nnotes: draft\nmission: Care closer to home.\n"
        "commitments:\n  - title: Online booking\n", encoding="utf-8")
    (tmp_path / "title-only.yaml").write_text("title: Meeting notes\n", encoding="utf-8")
    (tmp_path / "broken-strategy.yaml").write_text("mission: [unclosed\n", encoding="utf-8")
    (tmp_path / "broken-values.yaml").write_text("image: {{ .Values.image }}\n",
                                                 encoding="utf-8")
    result = run(tmp_path, "-v", "--format", "json", "--select", "unreadable-file")
    assert json.loads(result.stdout)["files_checked"] == 2, result.stderr
    assert "skipped title-only.yaml" in result.stderr
    assert "skipped broken-values.yaml" in result.stderr
