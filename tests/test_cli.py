"""The command line: exit codes, output formats, stdin, unreadable files, rules, explain."""
from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SCHEMAS = REPO / "schemas"

STRONG = EXAMPLES / "strong-riverside-trust.md"
WEAK = EXAMPLES / "weak-hillcrest-trust.md"

FINDING_LINE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<code>SL\d+) (?P<rule>[a-z][a-z0-9-]*) "
    r"\[(?P<severity>error|warning|info)\] (?P<message>\S.*)$")
ANSI = "\x1b["

STRATEGY = """\
# Riverside Digital Strategy

## Our approach

Patients told us that booking is hard, so we will leverage the shared care record.
\tWe will publish outpatient waiting times every month and harness theatre data.
"""


@pytest.fixture
def strategy(tmp_path, write):
    return write(tmp_path, "strategy.md", STRATEGY)


def output_schema():
    with open(SCHEMAS / "output.schema.json", encoding="utf-8") as handle:
        return json.load(handle)


# Exit codes -----------------------------------------------------------------------------

def test_exit_0_on_the_strong_example(run_stratlint):
    result = run_stratlint("check", STRONG, cwd=REPO)
    assert result.returncode == 0, result.stdout.decode()
    assert b"No problems found in 1 file." in result.stdout
    assert result.stderr == b""


def test_exit_1_on_the_weak_example(run_stratlint):
    result = run_stratlint("check", WEAK, cwd=REPO)
    assert result.returncode == 1
    lines = result.stdout.decode().splitlines()
    assert sum(bool(FINDING_LINE.match(line)) for line in lines) >= 10
    assert re.search(r"^Found \d+ problems? \(.*\) in 1 of 1 file\.$", result.stdout.decode(),
                     re.M)


def test_examples_folder(run_stratlint):
    result = run_stratlint("check", "--format", "json", "examples/", cwd=REPO)
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["files_checked"] == 3   # the weak, the strong, and the strong structured one
    assert {f["path"] for f in data["findings"]} == {os.path.join("examples",
                                                                  "weak-hillcrest-trust.md")}


@pytest.mark.parametrize("args", [
    ["check", "--no-such-option"],
    ["check", "--format", "xml"],
    ["check", "--fail-on", "sometimes"],
    ["frobnicate"],
])
def test_exit_2_on_usage_errors(run_stratlint, strategy, args):
    result = run_stratlint(*args, strategy)
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr


def test_exit_2_on_config_error(run_stratlint, strategy, write, tmp_path):
    write(tmp_path, ".stratlint.yaml", "selct: [vague-language]\n")
    result = run_stratlint("check", strategy, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.decode().strip().count("\n") == 0
    assert "did you mean 'select'" in result.stderr.decode()


def test_no_paths_checks_the_current_folder(run_cli, tmp_path, write):
    write(tmp_path, "board/strategy.md", STRATEGY)
    result = run_cli("check", "-q", "--select", "vague-language", cwd=tmp_path)
    assert result.exit_code == 1
    paths = {FINDING_LINE.match(line)["path"] for line in result.stdout.splitlines()}
    assert paths == {os.path.join("board", "strategy.md")}


def test_fail_on_controls_exit_code(run_cli, strategy):
    assert run_cli("check", "-q", "--select", "vague-language", strategy).exit_code == 1
    assert run_cli("check", "-q", "--select", "vague-language", "--fail-on", "error",
                   strategy).exit_code == 0
    assert run_cli("check", "-q", "--select", "vague-language", "--fail-on", "never",
                   strategy).exit_code == 0


# Text format ----------------------------------------------------------------------------

def test_text_format_line_source_and_marker(run_cli, strategy, tmp_path):
    result = run_cli("check", "--select", "vague-language", strategy, cwd=tmp_path)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    source = STRATEGY.splitlines()
    heads = [i for i, line in enumerate(lines) if FINDING_LINE.match(line)]
    assert len(heads) == 2
    for index, word in zip(heads, ("leverage", "harness")):
        match = FINDING_LINE.match(lines[index])
        assert match["path"] == "strategy.md"
        assert (match["code"], match["rule"], match["severity"]) == (
            "SL104", "vague-language", "warning")
        assert f"'{word}'" in match["message"]
        line_no, column = int(match["line"]), int(match["column"])
        assert source[line_no - 1][column - 1:].startswith(word)
        # The source line, indented, then a caret marker under exactly the offending word.
        assert lines[index + 1] == "    " + source[line_no - 1].replace("\t", " ")
        marker = lines[index + 2][4:]
        assert marker.strip() == "^" * len(word)
        start = len(marker) - len(marker.lstrip(" \t"))
        assert start == column - 1
        assert source[line_no - 1][start:start + len(word)] == word
    # A tab (a control character, like any other never printed from a document) is shown
    # as one space, in the line and under it, so the carets line up on any terminal.
    assert "\t" not in result.stdout
    assert lines[heads[1] + 2].startswith("     ")
    assert lines[-1] == "Found 2 problems (2 warnings) in 1 of 1 file."


def test_finding_lines_are_sorted(run_cli):
    result = run_cli("check", "-q", WEAK, cwd=REPO)
    keys = []
    for line in result.stdout.splitlines():
        match = FINDING_LINE.match(line)
        assert match, line
        keys.append((match["path"], int(match["line"]), int(match["column"]), match["code"]))
    assert keys == sorted(keys) and len(keys) > 10


def test_no_colour_when_not_a_tty(run_stratlint, strategy):
    result = run_stratlint("check", "--select", "vague-language", strategy)
    assert result.returncode == 1
    assert ANSI.encode() not in result.stdout


def _run_on_tty(args, env=None):
    pty = pytest.importorskip("pty")
    import subprocess

    leader, follower = pty.openpty()
    full_env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    full_env.update(env or {})
    try:
        process = subprocess.run([sys.executable, "-m", "stratlint", *map(str, args)],
                                 stdout=follower, stderr=subprocess.PIPE, env=full_env,
                                 timeout=120)
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
    return process.returncode, b"".join(chunks).decode()


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_colour_on_a_tty_unless_disabled(strategy):
    code, out = _run_on_tty(["check", "--select", "vague-language", strategy])
    assert code == 1
    assert ANSI in out
    code, out = _run_on_tty(["check", "--no-color", "--select", "vague-language", strategy])
    assert code == 1 and "vague-language" in out
    assert ANSI not in out
    code, out = _run_on_tty(["check", "--select", "vague-language", strategy],
                            env={"NO_COLOR": "1"})
    assert code == 1 and "vague-language" in out
    assert ANSI not in out


def test_no_color_flag(run_cli, strategy):
    result = run_cli("check", "--no-color", "--select", "vague-language", strategy)
    assert result.exit_code == 1
    assert ANSI not in result.stdout


def test_quiet_prints_only_finding_lines(run_cli, strategy):
    result = run_cli("check", "--quiet", "--select", "vague-language,long-sentence", strategy)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert all(FINDING_LINE.match(line) for line in lines)
    clean = run_cli("check", "-q", STRONG)
    assert clean.exit_code == 0 and clean.stdout == ""


def test_statistics(run_cli):
    result = run_cli("check", "--statistics", "--select", "vague-language,cookie-cutter",
                     WEAK, cwd=REPO)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    counted = Counter()
    for line in lines:
        match = FINDING_LINE.match(line)
        if match:
            counted[(match["code"], match["rule"])] += 1
    stats = {}
    for line in lines:
        match = re.match(r"^\s*(\d+)  (SL\d+) ([a-z-]+)$", line)
        if match:
            stats[(match[2], match[3])] = int(match[1])
    assert stats == dict(counted)
    assert set(stats) == {("SL104", "vague-language"), ("SL102", "cookie-cutter")}
    # Most frequent first.
    order = [int(re.match(r"^\s*(\d+)", line)[1]) for line in lines
             if re.match(r"^\s*\d+  SL", line)]
    assert order == sorted(order, reverse=True)


def test_statistics_absent_without_flag(run_cli):
    result = run_cli("check", "--select", "vague-language", WEAK, cwd=REPO)
    assert not any(re.match(r"^\s*\d+  SL\d+ ", line) for line in result.stdout.splitlines())


# JSON -----------------------------------------------------------------------------------

def test_json_output_matches_schema(run_cli):
    jsonschema = pytest.importorskip("jsonschema")
    result = run_cli("check", "--format", "json", "examples/", cwd=REPO)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    jsonschema.validate(data, output_schema())
    findings = data["findings"]
    assert data["summary"]["total"] == len(findings) > 0
    severities = Counter(f["severity"] for f in findings)
    for name in ("error", "warning", "info"):
        assert data["summary"][name] == severities.get(name, 0)
    keys = [(f["path"], f["line"], f["column"], f["code"]) for f in findings]
    assert keys == sorted(keys)


def test_json_output_for_clean_and_unreadable_files(run_cli, tmp_path, write):
    jsonschema = pytest.importorskip("jsonschema")
    write(tmp_path, "scan.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = run_cli("check", "--format", "json", "scan.md", "missing.md", STRONG,
                     cwd=tmp_path)
    data = json.loads(result.stdout)
    jsonschema.validate(data, output_schema())
    assert data["files_checked"] == 3
    assert [(f["path"], f["rule"]) for f in data["findings"]] == [
        ("missing.md", "unreadable-file"), ("scan.md", "unreadable-file")]


def test_json_locations_point_at_the_words(run_cli, strategy, tmp_path):
    data = json.loads(run_cli("check", "--format", "json", "--select", "vague-language",
                              "strategy.md", cwd=tmp_path).stdout)
    source = STRATEGY.splitlines()
    assert [f["excerpt"] for f in data["findings"]] == ["leverage", "harness"]
    for f in data["findings"]:
        line = source[f["line"] - 1]
        assert f["end_line"] == f["line"]
        assert line[f["column"] - 1:f["end_column"] - 1] == f["excerpt"]
    assert data["findings"][0]["suggestion"] == "use"


# Standard input -------------------------------------------------------------------------

def test_stdin(run_cli):
    result = run_cli("check", "--select", "vague-language", "-", input=STRATEGY)
    assert result.exit_code == 1
    heads = [FINDING_LINE.match(line) for line in result.stdout.splitlines()]
    heads = [m for m in heads if m]
    source = STRATEGY.splitlines()
    expected = [("5", str(source[4].index("leverage") + 1)),
                ("6", str(source[5].index("harness") + 1))]
    assert [(m["line"], m["column"]) for m in heads] == expected
    assert "<stdin>" in heads[0]["path"]


def test_stdin_filename_names_the_file_and_picks_the_reader(run_cli):
    text = ("# Our approach\n\n```\nleverage world-class synergies\n```\n\n"
            "We will publish waiting times every month.\n")
    as_md = json.loads(run_cli("check", "--format", "json", "--select", "vague-language", "-",
                               "--stdin-filename", "board/strategy.md", input=text).stdout)
    assert as_md["findings"] == []
    as_txt = json.loads(run_cli("check", "--format", "json", "--select", "vague-language",
                                "-", "--stdin-filename", "board/strategy.txt",
                                input=text).stdout)
    assert {f["path"] for f in as_txt["findings"]} == {"board/strategy.txt"}
    assert [f["excerpt"] for f in as_txt["findings"]] == ["leverage", "world-class",
                                                          "synergies"]


def test_stdin_uses_the_config_for_stdin_filename(run_cli, tmp_path, write):
    write(tmp_path, "board/.stratlint.yaml", "select: [long-sentence]\n")
    result = run_cli("check", "--format", "json", "-", "--stdin-filename", "board/s.md",
                     input=STRATEGY, cwd=tmp_path)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["findings"] == []


def test_stdin_undecodable_is_unreadable_file(run_cli):
    result = run_cli("check", "-q", "-", input=b"\xff\xfe\x00")
    assert result.exit_code == 1
    assert FINDING_LINE.match(result.stdout.strip())["rule"] == "unreadable-file"


def test_stdin_can_be_a_word_document(run_cli, tmp_path):
    import docx

    word = docx.Document()
    word.add_heading("Eastfield trust digital strategy", level=1)
    word.add_paragraph("We will leverage the shared care record.")
    word.save(str(tmp_path / "plan.docx"))
    result = run_cli("check", "--format", "json", "--select", "vague-language", "-",
                     "--stdin-filename", "plan.docx", input=(tmp_path / "plan.docx").read_bytes())
    findings = json.loads(result.stdout)["findings"]
    assert [(f["path"], f["line"], f["excerpt"]) for f in findings] == [
        ("plan.docx", 2, "leverage")]


def test_stdin_cannot_be_combined_with_paths(run_cli, strategy):
    result = run_cli("check", "-", strategy, input=STRATEGY)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "standard input" in result.stderr


# Unreadable files -----------------------------------------------------------------------

def test_missing_path_is_a_finding_and_other_files_are_checked(run_cli, strategy, tmp_path):
    # Regression: with --select, a missing or unreadable file used to pass silently (exit 0).
    result = run_cli("check", "--select", "vague-language", "no-such-strategy.md",
                     "strategy.md", cwd=tmp_path)
    assert result.exit_code == 1
    heads = [FINDING_LINE.match(line) for line in result.stdout.splitlines()]
    found = [(m["path"], m["rule"]) for m in heads if m]
    assert found == [("no-such-strategy.md", "unreadable-file"),
                     ("strategy.md", "vague-language"), ("strategy.md", "vague-language")]
    assert "in 2 of 2 files" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_missing_path_reported_under_select_unless_ignored(run_cli, tmp_path):
    result = run_cli("check", "-q", "--select", "vague-language", "no-such-strategy.md",
                     cwd=tmp_path)
    assert result.exit_code == 1
    assert "unreadable-file" in result.stdout
    result = run_cli("check", "-q", "--select", "vague-language", "--ignore", "unreadable-file",
                     "no-such-strategy.md", cwd=tmp_path)
    assert result.exit_code == 0 and result.stdout == ""


def test_unreadable_files_in_a_folder(run_cli, tmp_path, write):
    folder = tmp_path / "strategies"
    write(folder, "a-latin1.md", "# Caf\u00e9 strategy\n\nWe will leverage data.\n",
          encoding="latin-1")
    write(folder, "b-scan.txt", b"%PDF-1.7\n\x00\x01\x02 binary")
    write(folder, "c-riverside.md", STRATEGY)
    os.symlink(folder / "gone.md", folder / "d-dangling.md")
    result = run_cli("check", "--format", "json", "strategies", cwd=tmp_path)
    data = json.loads(result.stdout)
    assert result.exit_code == 1
    by_file = {}
    for f in data["findings"]:
        by_file.setdefault(os.path.basename(f["path"]), set()).add(f["rule"])
    assert by_file["a-latin1.md"] == {"unreadable-file"}
    assert by_file["b-scan.txt"] == {"unreadable-file"}
    assert by_file["d-dangling.md"] == {"unreadable-file"}
    assert "vague-language" in by_file["c-riverside.md"]
    for f in data["findings"]:
        if f["rule"] == "unreadable-file":
            assert "\n" not in f["message"] and f["message"].startswith("cannot read")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root can read any file")
def test_permission_denied_is_unreadable_file(run_cli, tmp_path, write):
    locked = write(tmp_path, "locked.md", STRATEGY)
    locked.chmod(0)
    try:
        result = run_cli("check", "-q", "locked.md", cwd=tmp_path)
    finally:
        locked.chmod(0o644)
    assert result.exit_code == 1
    assert "unreadable-file" in result.stdout and "permission denied" in result.stdout


def test_files_are_never_modified(run_cli, tmp_path, write):
    paths = [write(tmp_path, "strategy.md", STRATEGY),
             write(tmp_path, "crlf.txt", STRATEGY.replace("\n", "\r\n")),
             write(tmp_path, "bom.md", b"\xef\xbb\xbf" + STRATEGY.encode())]
    before = {p: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
              for p in paths}
    for fmt in ("text", "json"):
        assert run_cli("check", "--format", fmt, tmp_path).exit_code == 1
    after = {p: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
             for p in paths}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bom.md", "crlf.txt", "strategy.md"]


# rules and explain ----------------------------------------------------------------------

def test_rules_json(run_cli):
    result = run_cli("rules", "--format", "json")
    assert result.exit_code == 0
    rules = json.loads(result.stdout)
    names = [r["name"] for r in rules]
    codes = [r["code"] for r in rules]
    assert len(set(names)) == len(names) and len(set(codes)) == len(codes)
    assert {"vague-language", "long-sentence", "unreadable-file", "schema-violation",
            "unused-suppression"} <= set(names)
    by_name = {r["name"]: r for r in rules}
    assert by_name["vague-language"]["code"] == "SL104"
    for rule in rules:
        assert re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", rule["name"])
        assert rule["severity"] in ("error", "warning", "info")
        assert rule["summary"]
    # The text listing shows the same rules.
    text = run_cli("rules").stdout.splitlines()
    assert len(text) == len(rules)
    assert any(line.split()[:2] == ["SL104", "vague-language"] for line in text)


@pytest.mark.parametrize("name", ["vague-language", "SL104", "sl104"])
def test_explain(run_cli, name):
    result = run_cli("explain", name)
    assert result.exit_code == 0
    first = result.stdout.splitlines()[0]
    assert first == "vague-language (SL104), warning"
    assert "Guide section:" in result.stdout
    assert "Why:" in result.stdout


def test_explain_lists_options(run_cli):
    from stratlint.packs import load_rules

    default = load_rules(include_plugins=False)["long-sentence"].options["max"]
    result = run_cli("explain", "long-sentence")
    assert result.exit_code == 0
    assert re.search(rf"^\s+max: {default}\b", result.stdout, re.M)


def test_explain_unknown_rule(run_cli):
    result = run_cli("explain", "vage-language")
    assert result.exit_code == 2
    err = result.stderr.strip()
    assert len(err.splitlines()) == 1
    assert "vage-language" in err and "did you mean 'vague-language'?" in err
    assert result.stdout == ""


def test_python_dash_m_help(run_stratlint):
    result = run_stratlint("--help")
    assert result.returncode == 0
    out = result.stdout.decode()
    for command in ("check", "rules", "explain"):
        assert re.search(rf"^\s+{command}\b", out, re.M)


def test_version(run_cli):
    import stratlint

    result = run_cli("--version")
    assert result.exit_code == 0
    assert stratlint.__version__ in result.stdout
