"""Checking files in several processes gives exactly the same output as in one."""
from __future__ import annotations

import pytest

import shutil
from pathlib import Path

from click.testing import CliRunner

from stratlint.cli import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_jobs_output_is_identical(tmp_path, monkeypatch):
    corpus = sorted((ROOT / "tests" / "corpus").glob("*.md"))[:10]
    for path in corpus:
        shutil.copy(path, tmp_path / path.name)
    # Two files sharing a passage, so the cross-document rule has work to do across workers.
    shared = (ROOT / "examples" / "weak-hillcrest-trust.md").read_text(encoding="utf-8")
    (tmp_path / "copy-a.md").write_text(shared, encoding="utf-8")
    (tmp_path / "copy-b.md").write_text("# Another trust\n\n" + shared, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    outputs = []
    for jobs in ("1", "2", "3"):
        result = CliRunner().invoke(main, ["check", ".", "--format", "json", "--jobs", jobs,
                                           "--fail-on", "never"])
        assert result.exit_code == 0, result.output
        outputs.append(result.output)
    assert outputs[0] == outputs[1] == outputs[2]
    assert "same as in" in outputs[0]


def test_progress_only_at_a_terminal(tmp_path, monkeypatch, capsys):
    from stratlint import api, cli

    for index in range(12):
        (tmp_path / f"s{index}.md").write_text(f"# Plan {index}\n\nWe will leverage data.\n")
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(cli.sys.stderr, "isatty", lambda: True, raising=False)
    progress = cli._progress_on_terminal()
    assert progress is not None
    api.run_paths([tmp_path], progress=progress, jobs=1)
    err = capsys.readouterr().err
    assert "checked 12 of 12 files" in err and "checked 1 of 12 files" in err

    monkeypatch.setenv("CI", "true")
    assert cli._progress_on_terminal() is None


def test_a_large_documents_rules_shared_among_processes_give_the_same_output(monkeypatch):
    """One big file checked alone uses the spare cores rule by rule; the findings are the
    same as running every rule in one process."""
    from stratlint import api
    from stratlint.run import processes

    weak = ROOT / "examples" / "weak-hillcrest-trust.md"
    alone = api.run_paths([weak], jobs=1)
    calls = []
    real = processes._rules_shared_out

    def spy(*args):
        calls.append(args[-1])
        return real(*args)

    monkeypatch.setattr(processes, "SHARE_RULES_FROM", 1000)   # the example counts as large
    monkeypatch.setattr(processes, "_rules_shared_out", spy)
    shared = api.run_paths([weak], jobs=2)
    assert calls == [2]
    assert shared.findings == alone.findings and len(alone.findings) > 50
    assert shared.errors == alone.errors == []
