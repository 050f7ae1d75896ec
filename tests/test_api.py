"""The Python API: lint_text and lint_paths return frozen, sorted, located Findings."""
from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

import stratlint
from stratlint import Finding, Severity, lint_paths, lint_text
from stratlint.errors import StratlintError

FIELDS = ["path", "line", "column", "rule", "code", "severity", "message", "end_line",
          "end_column", "excerpt", "suggestion", "page", "page_line", "fix"]

STRATEGY = """\
# Riverside Digital Strategy

## Our approach

We will leverage the shared care record and harness theatre data to transform discharge.

We will publish outpatient waiting times every month.
"""


def sort_key(finding):
    return (finding.path, finding.line, finding.column, finding.code)


def test_public_names():
    assert set(stratlint.__all__) >= {"lint_text", "lint_paths", "Finding", "Severity"}
    assert isinstance(stratlint.__version__, str) and stratlint.__version__


def test_lint_text_returns_located_findings():
    findings = lint_text(STRATEGY, "riverside.md", {"select": ["vague-language"]})
    assert all(isinstance(f, Finding) for f in findings)
    line = STRATEGY.splitlines()[4]
    assert [(f.line, f.column, f.excerpt) for f in findings] == [
        (5, line.index(word) + 1, word) for word in ("leverage", "harness", "transform")]
    for f in findings:
        assert f.path == "riverside.md"
        assert (f.rule, f.code, f.severity) == ("vague-language", "SL104", Severity.WARNING)
        assert f.end_line == f.line and f.end_column == f.column + len(f.excerpt)
        assert f.excerpt in f.message
    assert [f.suggestion for f in findings][:2] == ["use", "use"]


def test_finding_fields_are_documented_and_frozen():
    finding = lint_text(STRATEGY, "riverside.md", {"select": ["vague-language"]})[0]
    assert [field.name for field in dataclasses.fields(Finding)] == FIELDS
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.line = 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.severity = Severity.INFO
    data = finding.to_dict()
    assert list(data) == FIELDS
    assert data["severity"] == "warning"
    assert data["line"] == finding.line and data["excerpt"] == "leverage"
    # Frozen findings can be collected in sets and compared.
    assert len({finding, dataclasses.replace(finding)}) == 1


def test_severity_is_ordered():
    assert Severity.INFO < Severity.WARNING < Severity.ERROR
    assert Severity.parse("Error") is Severity.ERROR
    assert str(Severity.INFO) == "info"
    with pytest.raises(ValueError):
        Severity.parse("critical")


def test_lint_text_is_sorted_by_path_line_column_code():
    findings = lint_text(STRATEGY, "riverside.md")
    assert len({f.rule for f in findings}) > 3
    assert [sort_key(f) for f in findings] == sorted(sort_key(f) for f in findings)
    assert sorted(reversed(findings)) == findings
    # Whole-document findings share the title's position; the code breaks the tie.
    at_title = [f.code for f in findings if (f.line, f.column) == (1, 3)]
    assert len(at_title) > 1 and at_title == sorted(at_title)


def test_lint_text_path_picks_the_reader():
    text = ("OUR APPROACH\n\n```\nleverage world-class synergies\n```\n\n"
            "We will publish waiting times every month.\n")
    config = {"select": ["vague-language"]}
    assert lint_text(text, "strategy.md", config) == []
    assert [f.excerpt for f in lint_text(text, "strategy.txt", config)] == [
        "leverage", "world-class", "synergies"]


def test_config_as_mapping():
    assert {f.rule for f in lint_text(STRATEGY, "r.md", {"select": ["SL104"]})} == {
        "vague-language"}
    findings = lint_text(STRATEGY, "r.md", {
        "select": ["vague-language", "long-sentence"],
        "rules": {"vague-language": {"severity": "error"}, "long-sentence": {"max": 5}},
    })
    assert {(f.rule, f.severity) for f in findings} == {
        ("vague-language", Severity.ERROR), ("long-sentence", Severity.INFO)}
    assert lint_text(STRATEGY, "r.md", {"select": ["vague-language"],
                                        "ignore": ["SL104"]}) == []


def test_default_config_runs_every_rule():
    rules = {f.rule for f in lint_text(STRATEGY, "r.md")}
    assert {"vague-language", "missing-risks"} <= rules


@pytest.mark.parametrize("config, fragment", [
    ({"selct": ["vague-language"]}, "did you mean 'select'"),
    ({"select": "vague-language"}, "not of type 'array'"),
    ({"select": ["vauge-language"]}, "did you mean 'vague-language'"),
    ({"rules": {"long-sentence": {"max": "forty"}}}, "forty"),
    (["vague-language"], "mapping"),
])
def test_bad_config_raises_one_line_error(config, fragment):
    with pytest.raises(StratlintError) as info:
        lint_text(STRATEGY, "r.md", config)
    message = str(info.value)
    assert fragment in message and "\n" not in message


def test_lint_paths_sorted_across_files(tmp_path, write, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "docs/b-hillcrest.md", STRATEGY)
    write(tmp_path, "docs/a-riverside.md", "# Our approach\n\nWe will empower ward teams.\n")
    write(tmp_path, "docs/notes/c-board.txt", "OUR APPROACH\n\nWe will leverage data.\n")
    findings = lint_paths(["docs"], {"select": ["vague-language"]})
    paths = [f.path.replace(os.sep, "/") for f in findings]
    assert paths == ["docs/a-riverside.md"] + ["docs/b-hillcrest.md"] * 3 + [
        "docs/notes/c-board.txt"]
    assert [sort_key(f) for f in findings] == sorted(sort_key(f) for f in findings)
    assert all(isinstance(f, Finding) for f in findings)


def test_lint_paths_accepts_paths_and_files(tmp_path, write):
    doc = write(tmp_path, "riverside.md", STRATEGY)
    as_path = lint_paths([doc], {"select": ["vague-language"]})
    as_str = lint_paths([str(doc)], {"select": ["vague-language"]})
    assert as_path == as_str
    assert len(as_path) == 3


def test_lint_paths_reports_unreadable_and_goes_on(tmp_path, write):
    good = write(tmp_path, "riverside.md", STRATEGY)
    bad = write(tmp_path, "scan.md", b"\x00\x01PK\x03\x04 not a strategy")
    findings = lint_paths([bad, tmp_path / "missing.md", good],
                          {"select": ["vague-language", "unreadable-file"]})
    rules = [(Path(f.path).name, f.rule) for f in findings]
    assert ("scan.md", "unreadable-file") in rules
    assert ("missing.md", "unreadable-file") in rules
    assert rules.count(("riverside.md", "vague-language")) == 3


def test_lint_paths_finds_the_config_next_to_each_file(tmp_path, write):
    doc = write(tmp_path, "trust/strategy.md", STRATEGY)
    write(tmp_path, "trust/.stratlint.yaml", "select: [vague-language]\n")
    assert {f.rule for f in lint_paths([doc])} == {"vague-language"}
    # An explicit config wins over the one found next to the file.
    assert {f.rule for f in lint_paths([doc], {"select": ["missing-risks"]})} == {
        "missing-risks"}


def test_lint_paths_config_file_path(tmp_path, write):
    doc = write(tmp_path, "strategy.md", STRATEGY)
    config = write(tmp_path, "ci/board.yaml", "select: [SL104]\n")
    assert {f.rule for f in lint_paths([doc], config)} == {"vague-language"}
    assert {f.rule for f in lint_paths([doc], str(config))} == {"vague-language"}


def test_lint_paths_with_a_single_string(tmp_path, write, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "riverside.md", STRATEGY)
    findings = lint_paths("riverside.md", {"select": ["vague-language", "unreadable-file"]})
    assert [f.rule for f in findings] == ["vague-language"] * 3
