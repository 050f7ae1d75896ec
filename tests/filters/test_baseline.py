"""Baselines and --changed-since: report only what is new."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from stratlint.cli import main

ROOT = Path(__file__).resolve().parents[2]
WEAK = ROOT / "examples" / "weak-hillcrest-trust.md"


def run(args, cwd):
    import os

    old = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, ["check", "--format", "json", *args])
    finally:
        os.chdir(old)


def findings(result):
    return json.loads(result.output)["findings"]


def insert_line(path: Path, line: int, text: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[line - 1:line - 1] = [text, ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def test_baseline_hides_known_findings_and_shows_new_ones(tmp_path):
    doc = tmp_path / "strategy.md"
    shutil.copy(WEAK, doc)
    written = run(["strategy.md", "--write-baseline", "baseline.json"], tmp_path)
    assert written.exit_code == 0
    recorded = json.loads((tmp_path / "baseline.json").read_text())["findings"]
    assert len(recorded) > 50

    assert findings(run(["strategy.md", "--baseline", "baseline.json"], tmp_path)) == []

    # Lines inserted above move every old finding down; none of them comes back.
    insert_line(doc, 3, "We will harness synergies across the estate.")
    new = findings(run(["strategy.md", "--baseline", "baseline.json"], tmp_path))
    assert {f["excerpt"] for f in new if f["rule"] == "vague-language"} == {"harness",
                                                                            "synergies"}
    assert all(f["line"] == 3 for f in new if f["rule"] == "vague-language")


def test_fixed_finding_leaves_the_baseline(tmp_path):
    doc = tmp_path / "strategy.md"
    doc.write_text("# Plan 2025 to 2028\n\nWe will leverage data. We will harness skills.\n")
    run(["strategy.md", "--select", "vague-language", "--write-baseline", "b.json"], tmp_path)
    doc.write_text("# Plan 2025 to 2028\n\nWe will use data. We will harness skills.\n")
    run(["strategy.md", "--select", "vague-language", "--write-baseline", "b.json"], tmp_path)
    entries = json.loads((tmp_path / "b.json").read_text())["findings"]
    assert [e["message"].split("'")[1] for e in entries] == ["harness"]


def test_bad_baseline_is_one_line_exit_2(tmp_path):
    (tmp_path / "s.md").write_text("# Plan\n\nText.\n")
    (tmp_path / "b.json").write_text("not json")
    result = run(["s.md", "--baseline", "b.json"], tmp_path)
    assert result.exit_code == 2
    assert "not a stratlint baseline" in result.output
    assert "Traceback" not in result.output


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_changed_since_reports_only_changed_lines(tmp_path):
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.email", "author@example.org")
    git(tmp_path, "config", "user.name", "Author")
    doc = tmp_path / "strategy.md"
    shutil.copy(WEAK, doc)
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "first draft")
    insert_line(doc, 3, "We will leverage our estate.")
    (tmp_path / "new.md").write_text("# New annex\n\nWe will harness data.\n")

    result = run(["strategy.md", "new.md", "--changed-since", "HEAD"], tmp_path)
    got = {(Path(f["path"]).name, f["line"], f["excerpt"]) for f in findings(result)
           if f["rule"] == "vague-language"}
    assert got == {("strategy.md", 3, "leverage"), ("new.md", 3, "harness")}


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_changed_since_unknown_ref_is_one_line_exit_2(tmp_path):
    git(tmp_path, "init", "-q")
    (tmp_path / "s.md").write_text("# Plan\n\nText.\n")
    result = run(["s.md", "--changed-since", "no-such-branch"], tmp_path)
    assert result.exit_code == 2
    assert "no-such-branch" in result.output


def test_a_baseline_entry_hides_a_finding_only_in_its_own_file(tmp_path):
    """The same words in another file are a new finding, not a known one."""
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("# Plan 2025 to 2028\n\nWe will leverage data.\n")
    run(["a.md", "--select", "vague-language", "--write-baseline", "b.json"], tmp_path)
    new = findings(run(["a.md", "b.md", "--select", "vague-language", "--baseline", "b.json"],
                       tmp_path))
    assert [(Path(f["path"]).name, f["excerpt"]) for f in new] == [("b.md", "leverage")]
    # The sentence moves from a.md to b.md: it is new in b.md, not hidden by a.md's entry.
    (tmp_path / "a.md").write_text("# Plan 2025 to 2028\n\nWe will use data.\n")
    new = findings(run(["a.md", "b.md", "--select", "vague-language", "--baseline", "b.json"],
                       tmp_path))
    assert [Path(f["path"]).name for f in new] == ["b.md"]
