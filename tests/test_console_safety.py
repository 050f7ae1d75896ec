"""Text from a repository under check (documents, file names, rule packs) never reaches a
console as a command: no terminal control sequence, no GitHub workflow command, no markup in
the job summary. Every output format is checked, by example and by property."""
from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from stratlint.output import lint as lint_output  # noqa: E402
from stratlint.run.result import RunResult  # noqa: E402
from stratlint.findings import Finding, Severity  # noqa: E402
from _budget import examples  # noqa: E402


# stratlint's own annotation: one per finding, the file and title escaped into properties.
OWN_ANNOTATION = re.compile(r"^::(error|warning|notice) file=[^:,\n]*,line=\d+,[^\n]*"
                            r"title=SL\d+ [a-z][a-z0-9-]*::")
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE = ("::stop-commands::pause\n::add-mask::x ##[error]forged \x1b]0;owned\x07 "
           "\x1b[2J \x9b31m \u202eevil We will leverage data. %0A::error::x\n")
FORMATS = ["text", "github", "json", "sarif", "gitlab", "junit"]


def assert_console_safe(output: str, annotations: int = -1) -> None:
    """The property: no line but stratlint's annotations starts with '::' (after trimming),
    none holds '##[', and no control character but the newline is printed."""
    own = 0
    for line in output.splitlines():
        trimmed = line.strip()
        if OWN_ANNOTATION.match(line):
            own += 1
        else:
            assert not trimmed.startswith("::"), line
        assert "##[" not in trimmed, line
        assert not CONTROL.search(line), repr(line)
    if annotations >= 0:
        assert own == annotations


def hostile_report(text: str, path: str = "plan.md") -> RunResult:
    finding = Finding(path=path, line=1, column=1, rule="vague-language", code="SL104",
                      severity=Severity.WARNING, message=f"Vague wording '{text}'",
                      end_line=1, end_column=3, excerpt=text, suggestion="use")
    report = RunResult(findings=[finding], files=1)
    report.paths = [path]
    report.source_lines[(path, 1)] = text
    return report


def strings(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings(value)


def render(report: RunResult, name: str) -> str:
    stream = io.StringIO()
    lint_output.write(name, report, stream, lint_output.Options())
    return stream.getvalue()


@pytest.mark.parametrize("output_format", FORMATS)
def test_hostile_document_and_file_name_through_the_cli(tmp_path, output_format):
    """A real run: the document's text and its file name (which may hold a newline on
    Linux) are printed safely, standard error included."""
    names = ["plan.md"]
    if sys.platform == "linux":
        names.append("a\n::error file=x,line=1::forged ##[error] \x1b[31m.md")
    for name in names:
        (tmp_path / name).write_text(HOSTILE, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "stratlint", "check", "--format",
                             output_format, "--select", "vague-language", *names,
                             "missing.md"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "GITHUB_ACTIONS": "true"})
    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    assert_console_safe(result.stdout)
    assert_console_safe(result.stderr)
    if len(names) > 1 and output_format in ("json", "gitlab"):
        # Escaped in the format's own syntax: the data read back is the real file name.
        assert names[1] in set(strings(json.loads(result.stdout)))
    if len(names) > 1 and output_format == "junit":
        assert "##[error]" in ET.tostring(ET.fromstring(result.stdout), encoding="unicode")


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(list(":#[]% \n\t\x1b\x07\x9b\x85\u202e\u2066ab;0")
                                + ["::", "##[", "\r\n", "%0A"]), max_size=30).map("".join),
       st.sampled_from(FORMATS))
def test_no_document_text_or_file_name_is_a_console_command(text, output_format):
    for report in (hostile_report(text), hostile_report("x", path=text or "x")):
        assert_console_safe(render(report, output_format),
                            1 if output_format == "github" else -1)


def test_step_summary_is_inert_markdown(tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    text = ("<img src=x onerror=alert(1)> [click](https://evil.example) "
            "![pixel](https://evil.example/t.png) **bold** `code` | cell")
    render(hostile_report(text, path="<b>plan</b>.md"), "github")
    written = summary.read_text(encoding="utf-8")
    row = written.splitlines()[-2]
    assert "<img" not in written and "<b>" not in written
    assert "](" not in row.replace("\\](", "") and "**" not in row and "`" not in row.replace(
        "\\`", "")
    assert row.count("|") - row.count("\\|") == 7   # the cell's own bar is escaped


def test_rule_pack_text_is_escaped_in_rules_and_explain(tmp_path, run_cli):
    (tmp_path / ".git").mkdir()
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "house.yaml").write_text("""\
rules:
  - name: house-rule
    code: HR101
    severity: warning
    summary: "\\e]0;owned\\a ##[error]forged"
    message: "Found '{match}'"
    rationale: "::stop-commands::x \\e[2J"
    guide-section: Set actions
    check: existence
    options:
      patterns: ["synergy"]
""")
    (tmp_path / ".stratlint.yaml").write_text("rule-paths: [house]\n")
    for args in (["rules"], ["explain", "house-rule"]):
        result = run_cli(*args, "--config", ".stratlint.yaml", cwd=tmp_path)
        assert result.exit_code == 0, result.stderr
        assert_console_safe(result.stdout)


@pytest.mark.parametrize("output_format", ["markdown", "csv", "json", "html"])
def test_a_board_report_printed_to_the_console_is_escaped(tmp_path, run_cli, output_format):
    (tmp_path / "plan.md").write_text(HOSTILE, encoding="utf-8")
    result = run_cli("report", "--format", output_format, "plan.md", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert_console_safe(result.stdout)
    if output_format == "json":   # escaped in JSON's own syntax: the same data
        assert any("##[error]forged" in text for text in strings(json.loads(result.stdout)))
