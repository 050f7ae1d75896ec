"""The filters stage, one filter at a time on a small hand-made result or report."""
from __future__ import annotations

import os
import shutil
import subprocess
from collections import Counter

import pytest

from stratlint import filters
from stratlint.filters.baseline import read, write
from stratlint.config import Config
from stratlint.findings import Finding, Severity
from stratlint.run.lint import FileResult
from stratlint.run.result import RunResult
from stratlint.run.rulebook import RuleBook
from stratlint.run.sources import read_string
from stratlint.filters.suppress import known_names

RULES = {rule.name: rule for rule in RuleBook().rules_for(Config())}

SUPPRESSED = """\
# Plan

<!-- stratlint-disable-next-line vague-language -->
We will leverage data.

We will leverage synergies.

<!-- stratlint-disable-next-line SL999 -->
Plain words.

<!-- stratlint-disable-next-line long-sentence -->
Short words.
"""


def finding(rule: str, line: int, path: str = "plan.md", column: int = 9, end: int = 17,
            message: str = "a problem", severity: Severity | None = None,
            excerpt: str = "leverage") -> Finding:
    known = RULES[rule]
    return Finding(path=path, line=line, column=column, rule=rule, code=known.code,
                   severity=severity or known.severity, message=message, end_line=line,
                   end_column=end, excerpt=excerpt)


def report_of(findings: list[Finding], lines: dict[tuple[str, int], str]) -> RunResult:
    paths = sorted({f.path for f in findings})
    return RunResult(findings=list(findings), files=len(paths), source_lines=dict(lines),
                  paths=paths)


# --- inline suppressions -------------------------------------------------------------------

def test_inline_suppressions_drop_silenced_findings_and_report_bad_directives():
    document = read_string(SUPPRESSED, "plan.md")
    rules = [RULES[name] for name in ("vague-language", "long-sentence", "unused-suppression")]
    before = FileResult(document, (finding("vague-language", 4), finding("vague-language", 6)))
    after = filters.inline_suppressions(before, rules, known_names(RULES.values()))
    assert [(f.line, f.rule) for f in after.findings] == [
        (6, "vague-language"), (8, "unused-suppression"), (11, "unused-suppression")]
    unknown, unused = after.findings[1:]
    assert unknown.message == "'stratlint-disable-next-line SL999' names unknown rule 'SL999'"
    assert unused.message == "'stratlint-disable-next-line long-sentence' silenced nothing; " \
                             "remove it"
    assert len(before.findings) == 2   # a new result; the one given is unchanged


def test_inline_suppressions_say_nothing_of_rules_that_did_not_run():
    document = read_string(SUPPRESSED, "plan.md")
    rules = [RULES["vague-language"]]   # neither long-sentence nor unused-suppression ran
    after = filters.inline_suppressions(FileResult(document, (finding("vague-language", 4),)),
                                        rules, known_names(RULES.values()))
    assert after.findings == ()


# --- one finding per commitment ------------------------------------------------------------

def test_one_per_commitment_keeps_the_lowest_code_for_the_same_words():
    document = read_string(SUPPRESSED, "plan.md")
    rules = list(RULES.values())
    said = "This commitment has no date or owner"
    same = [finding("commitment-no-owner", 6, message=f"{said}; name one"),
            finding("commitment-not-time-bound", 6, message=f"{said}; add a date"),
            finding("vague-language", 6, message=f"{said}; plainer words")]
    elsewhere = finding("commitment-no-owner", 4, message=f"{said}; name one")
    after = filters.one_per_commitment(FileResult(document, tuple(same) + (elsewhere,)), rules)
    assert sorted((f.line, f.rule) for f in after.findings) == [
        (4, "commitment-no-owner"), (6, "commitment-not-time-bound"), (6, "vague-language")]


# --- baseline ------------------------------------------------------------------------------

def test_baseline_keeps_only_findings_it_does_not_hold(tmp_path):
    lines = {("a.md", 3): "We will leverage data.", ("b.md", 3): "We will leverage data."}
    known = finding("vague-language", 3, path="a.md")
    old = report_of([known], lines)
    write(old, tmp_path / "baseline.json")
    baseline = read(tmp_path / "baseline.json")
    again = finding("vague-language", 3, path="a.md")   # a second one on the same line
    report = report_of([known, again], lines)
    after = filters.not_in_baseline(report, baseline)
    assert after.findings == [again]
    assert report.findings == [known, again]   # the report given is unchanged
    assert filters.not_in_baseline(report, Counter()).findings == report.findings
    # The same words moved to another file are new there.
    moved = finding("vague-language", 3, path="b.md")
    assert filters.not_in_baseline(report_of([moved], lines), baseline).findings == [moved]


# --- changed since a git ref ----------------------------------------------------------------

@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_changed_since_keeps_what_the_change_brought_in(tmp_path, monkeypatch):
    from stratlint.run.pipeline import lint_documents
    from stratlint.run.sources import Source

    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}

    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True, capture_output=True)

    config = Config().overridden(select=["vague-language"])
    old = "# Plan\n\nWe will leverage data.\n\nWe will publish waiting times.\n"
    (tmp_path / "plan.md").write_text(old, encoding="utf-8")
    git("init", "-q", "-b", "main")
    git("add", ".")
    git("-c", "user.name=A", "-c", "user.email=a@example.invalid", "commit", "-qm", "plan")
    new = old.replace("publish waiting times", "harness synergies")
    (tmp_path / "plan.md").write_text(new, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    report = lint_documents([Source(new.encode(), "plan.md", config)])
    assert [f.line for f in report.findings] == [3, 5, 5]
    after = filters.changed_since(report, "HEAD", lambda _display: config)
    assert [(f.line, f.excerpt) for f in after.findings] == [(5, "harness"),
                                                             (5, "synergies")]


# --- fail-on -------------------------------------------------------------------------------

def test_fail_on_holds_each_file_to_its_own_threshold():
    lines: dict = {}
    a_warning = finding("vague-language", 3, path="a.md", severity=Severity.WARNING)
    a_info = finding("long-sentence", 4, path="a.md", severity=Severity.INFO)
    a_error = finding("schema-violation", 5, path="a.md", severity=Severity.ERROR)
    b_error = finding("schema-violation", 2, path="b.md", severity=Severity.ERROR)
    report = report_of([a_warning, a_info, a_error, b_error], lines)
    asked: list[str] = []

    def threshold_for(path: str):
        asked.append(path)
        return Severity.WARNING if path == "a.md" else None   # b.md: fail-on never

    after = filters.fail_on(report, threshold_for)
    assert after.findings == [a_warning, a_error]
    assert asked == ["a.md", "b.md"]   # once per file, not once per finding
    assert filters.fail_on(report, lambda _path: Severity.ERROR).findings == [a_error, b_error]
