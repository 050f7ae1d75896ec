"""--changed-since REF in a real git repository: what a branch made worse is reported."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from stratlint.cli import main

ROOT = Path(__file__).resolve().parents[2]
STRONG = ROOT / "examples" / "strong-riverside-trust.md"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def check(repo: Path, *args: str):
    old = Path.cwd()
    os.chdir(repo)
    try:
        return CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", *args])
    finally:
        os.chdir(old)


def rules(result) -> set[str]:
    return {f["rule"] for f in json.loads(result.stdout)["findings"]}


def without_section(text: str, heading: str) -> str:
    start = text.index(heading)
    end = text.index("\n## ", start + 1)
    return text[:start] + text[end + 1:]


@pytest.fixture
def repo(tmp_path):
    """A repository whose main branch holds the strong example, on a new branch."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "author@example.invalid")
    git(repo, "config", "user.name", "Author")
    shutil.copy(STRONG, repo / "strategy.md")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "strategy")
    git(repo, "checkout", "-qb", "change")
    return repo


def test_a_branch_that_deletes_sections_fails_the_check(repo):
    doc = repo / "strategy.md"
    text = doc.read_text(encoding="utf-8")
    for heading in ("## What could go wrong", "## What we will not do"):
        text = without_section(text, heading)
    doc.write_text(text, encoding="utf-8")
    git(repo, "commit", "-qam", "cut two sections")

    result = check(repo, "--changed-since", "main")
    assert result.exit_code == 1, result.output
    assert {"missing-risks", "missing-not-doing"} <= rules(result)


def test_findings_the_file_already_had_are_not_reported(repo):
    doc = repo / "strategy.md"
    text = without_section(doc.read_text(encoding="utf-8"), "## What could go wrong")
    doc.write_text(text, encoding="utf-8")
    git(repo, "commit", "-qam", "no risks section")
    git(repo, "branch", "-f", "base")
    # A later change that touches the first line (where the whole-document finding sits)
    # does not make the old finding new again unless it is new.
    doc.write_text(text + "\nWe will leverage the new estate.\n", encoding="utf-8")

    result = check(repo, "--changed-since", "base")
    got = json.loads(result.stdout)["findings"]
    assert [(f["rule"], f["excerpt"]) for f in got] == [("vague-language", "leverage")]
    assert "missing-risks" in rules(check(repo))   # the plain check still sees it


def test_a_minus_diff_attribute_does_not_hide_a_change(repo):
    # issue 13 item 5: `-diff` made git print "Binary files differ" with no hunks.
    (repo / ".gitattributes").write_text("strategy.md -diff\n", encoding="utf-8")
    git(repo, "add", ".gitattributes")
    git(repo, "commit", "-qm", "attributes")
    git(repo, "branch", "-f", "base")
    doc = repo / "strategy.md"
    doc.write_text(doc.read_text(encoding="utf-8") + "\nWe will harness synergies.\n",
                   encoding="utf-8")

    result = check(repo, "--changed-since", "base")
    assert result.exit_code == 1, result.output
    got = {f["excerpt"] for f in json.loads(result.stdout)["findings"]}
    assert {"harness", "synergies"} <= got


def test_an_external_diff_driver_does_not_hide_a_change(repo):
    (repo / ".gitattributes").write_text("*.md diff=silent\n", encoding="utf-8")
    git(repo, "config", "diff.silent.command", "true")   # prints nothing, for any change
    git(repo, "add", ".gitattributes")
    git(repo, "commit", "-qm", "attributes")
    doc = repo / "strategy.md"
    doc.write_text(doc.read_text(encoding="utf-8") + "\nWe will leverage data.\n",
                   encoding="utf-8")

    result = check(repo, "--changed-since", "HEAD")
    assert {f["excerpt"] for f in json.loads(result.stdout)["findings"]} == {"leverage"}


def test_a_new_file_is_reported_whole_and_an_unchanged_one_not_at_all(repo):
    shutil.copy(ROOT / "examples" / "weak-hillcrest-trust.md", repo / "annex.md")
    result = check(repo, "--changed-since", "main")
    paths = {f["path"] for f in json.loads(result.stdout)["findings"]}
    assert paths == {"annex.md"}
    assert len(json.loads(result.stdout)["findings"]) > 20


def test_outside_a_repository_is_one_line(tmp_path):
    (tmp_path / "s.md").write_text("# Plan\n\nWe will leverage data.\n", encoding="utf-8")
    result = check(tmp_path, "s.md", "--changed-since", "main")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "not inside a git repository" in result.stderr


def test_a_ref_that_looks_like_a_git_option_is_refused(repo):
    result = check(repo, "--changed-since=--output=/tmp/x")
    assert result.exit_code == 2
    assert "is not a git ref" in result.stderr
