"""What users of ruff and yamllint expect: extend, --show-config, errors that blame their
true source, --output-file for every format, concise output, and one-line errors."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from stratlint.cli import FORMAT_NAMES, main

ROOT = Path(__file__).resolve().parents[1]
WEAK = ROOT / "examples" / "weak-hillcrest-trust.md"


def run(cwd: Path, *args: str):
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, list(args))
    finally:
        os.chdir(old)


@pytest.fixture
def nested(tmp_path) -> Path:
    """A root config and a folder config below it."""
    (tmp_path / ".stratlint.yaml").write_text(
        "ignore: [long-sentence]\nfail-on: error\nrules:\n  vague-language: {severity: error}\n",
        encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "plan.md").write_text("# Plan 2025 to 2028\n\nWe will leverage data.\n",
                                 encoding="utf-8")
    return tmp_path


def test_a_folder_config_extends_the_root_one(nested):
    sub = nested / "sub"
    (sub / ".stratlint.yaml").write_text("extend: ../.stratlint.yaml\nignore: [insider-jargon]\n",
                                         encoding="utf-8")
    result = run(nested, "check", "--no-cache", "--format", "json", "sub/plan.md")
    findings = json.loads(result.stdout)["findings"]
    vague = [f for f in findings if f["rule"] == "vague-language"]
    assert vague and vague[0]["severity"] == "error"     # the root's rules setting applies
    assert not any(f["rule"] == "insider-jargon" for f in findings)
    assert result.exit_code == 1                         # the root's fail-on: error

    shown = run(nested, "check", "--show-config", "sub/plan.md")
    assert shown.exit_code == 0
    first = shown.stdout.splitlines()[0]
    assert first == "sub/plan.md: configuration from sub/.stratlint.yaml extending .stratlint.yaml"
    assert '  ignore: ["insider-jargon"]' in shown.stdout   # this file's key replaces
    assert '"fail-on": "error"' not in shown.stdout and "  fail-on: \"error\"" in shown.stdout


def test_without_extend_the_nearest_config_wins_and_show_config_says_so(nested):
    (nested / "sub" / ".stratlint.yaml").write_text("ignore: [insider-jargon]\n",
                                                   encoding="utf-8")
    shown = run(nested, "check", "--show-config", "sub/plan.md")
    assert shown.stdout.splitlines()[0] == "sub/plan.md: configuration from sub/.stratlint.yaml"
    assert '  fail-on: "warning"' in shown.stdout


def test_an_extend_loop_is_one_line(nested):
    (nested / "sub" / ".stratlint.yaml").write_text("extend: ../.stratlint.yaml\n")
    (nested / ".stratlint.yaml").write_text("extend: sub/.stratlint.yaml\n")
    result = run(nested, "check", "sub/plan.md")
    assert result.exit_code == 2
    assert "a loop" in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize("option", ["--ignore", "--select"])
def test_a_bad_rule_on_the_command_line_is_blamed_on_the_option(tmp_path, option):
    (tmp_path / "pyproject.toml").write_text("[tool.stratlint]\nfail-on = 'error'\n")
    (tmp_path / "plan.md").write_text("# Plan\n\nText.\n")
    result = run(tmp_path, "check", "--no-cache", option, "SL99", "plan.md")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"stratlint: error: {option}: no rule matches 'SL99'")
    assert "pyproject.toml" not in result.stderr


def test_a_bad_rule_in_a_config_is_still_blamed_on_the_file(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.stratlint]\nignore = ['SL99']\n")
    (tmp_path / "plan.md").write_text("# Plan\n\nText.\n")
    result = run(tmp_path, "check", "--no-cache", "--ignore", "long-sentence", "plan.md")
    assert result.exit_code == 2
    assert "pyproject.toml: ignore: no rule matches 'SL99'" in result.stderr


@pytest.mark.parametrize("fmt", [f for f in FORMAT_NAMES if f != "auto"])
def test_output_file_for_every_format(tmp_path, fmt):
    (tmp_path / "plan.md").write_bytes(WEAK.read_bytes())
    to_stdout = run(tmp_path, "check", "--no-cache", "--format", fmt, "plan.md")
    result = run(tmp_path, "check", "--no-cache", "--format", fmt, "-o", "out.txt", "plan.md")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == to_stdout.stdout


def test_output_file_never_overwrites_a_checked_document(tmp_path):
    (tmp_path / "plan.md").write_bytes(WEAK.read_bytes())
    result = run(tmp_path, "check", "--no-cache", "-o", "plan.md", "plan.md")
    assert result.exit_code == 2
    assert (tmp_path / "plan.md").read_bytes() == WEAK.read_bytes()


def test_concise_prints_one_line_per_finding_and_the_summary(tmp_path):
    (tmp_path / "plan.md").write_bytes(WEAK.read_bytes())
    result = run(tmp_path, "check", "--no-cache", "--format", "concise", "plan.md")
    lines = result.stdout.rstrip("\n").split("\n")
    findings = lines[:-2]
    assert findings and all(line.startswith("plan.md:") for line in findings)
    assert lines[-2] == "" and lines[-1].startswith("Found ")
    quiet = run(tmp_path, "check", "--no-cache", "--format", "concise", "-q", "plan.md")
    assert quiet.stdout.rstrip("\n").split("\n") == findings


def test_a_long_source_line_is_shown_as_a_window_not_reprinted_whole(tmp_path):
    words = " ".join(["Our teams will deliver better care for patients"] * 40)
    (tmp_path / "plan.txt").write_text(f"Plan 2025 to 2028\n\n{words} and leverage data. "
                                       f"{words}\n", encoding="utf-8")
    result = run(tmp_path, "check", "--no-cache", "--select", "vague-language", "plan.txt")
    source, marker = result.stdout.splitlines()[1:3]
    assert len(source) < 120
    assert source.strip().startswith("\u2026") and source.endswith("\u2026")
    assert source[marker.index("^"):marker.rindex("^") + 1] == "leverage"


def test_report_on_a_missing_path_is_one_line_exit_2(tmp_path):
    result = run(tmp_path, "report", "nonexistent", "-o", "r.html")
    assert result.exit_code == 2
    assert result.stderr == "stratlint: error: nonexistent: no such file or folder\n"
    assert not (tmp_path / "r.html").exists()


def test_schema_offers_the_report_schema(tmp_path):
    result = run(tmp_path, "schema", "report")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["$id"].endswith("report.schema.json")


def test_check_help_lists_every_file_type_it_reads():
    from stratlint.registry import INPUT_EXTENSIONS

    text = " ".join(CliRunner().invoke(main, ["check", "--help"]).output.split())
    for suffix in INPUT_EXTENSIONS:
        assert f"*{suffix}" in text, suffix


def test_explain_and_rules_md_list_every_word_of_every_list():
    from stratlint.packs import load_rules

    docs = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in load_rules(include_plugins=False).values():
        explained = " ".join(CliRunner().invoke(main, ["explain", rule.name]).output.split())
        for value in rule.options.values():
            words = list(value) if isinstance(value, (tuple, list)) or hasattr(value, "items") \
                else []
            for word in words:
                if isinstance(word, str):
                    assert word in explained, (rule.name, word)
                    assert word in docs, (rule.name, word)
    assert "entries" not in docs and " in all)" not in docs
