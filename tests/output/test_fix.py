"""--fix and --diff: safe word swaps, applied only where asked, changing only those words."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from stratlint.cli import main

ROOT = Path(__file__).resolve().parents[2]

PLAN = """\
---
title: Leverage plan
---
# Plan 2025 to 2028\r
\r
We will leverage data. Leveraging it, we will utilise the estate.\r
\r
## Skills\r
\r
LEVERAGE matters; we are world-class and will harness skills.\r
\r
## Quoted\r
\r
> The national plan says we should leverage data.\r
\r
## Said\r
\r
The minister said "we must leverage every asset".\r
\r
## Code\r
\r
The word `leverage` is a code word.\r
\r
## Gaps\r
\r
[TODO: leverage] {{ leverage }} <leverage>\r
\r
```\r
leverage in a code block\r
```\r
\r
## Last\r
\r
Café staff, 😀 then leverage once more.\r
"""


def run(cwd: Path, *args: str, input: str | None = None):
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, ["check", "--no-cache", *args], input=input)
    finally:
        os.chdir(old)


@pytest.fixture
def plan(tmp_path) -> Path:
    path = tmp_path / "plan.md"
    path.write_bytes(PLAN.encode("utf-8"))
    return path


def test_fix_changes_only_the_marked_words(plan):
    result = run(plan.parent, "plan.md", "--select", "vague-language", "--fix",
                 "--format", "json")
    after = plan.read_bytes().decode("utf-8")
    expected = (PLAN
                .replace("We will leverage data. Leveraging it, we will utilise",
                         "We will use data. Using it, we will use")
                .replace("LEVERAGE matters", "USE matters")
                .replace("will harness skills", "will use skills")
                .replace("then leverage once more", "then use once more"))
    assert after == expected            # everything else byte for byte, \r\n included
    assert "fixed 6 findings in 1 file" in result.stderr
    left = {(f["line"], f["excerpt"]) for f in json.loads(result.stdout)["findings"]}
    assert (10, "world-class") in left  # no plain word to swap in: left for the author
    # In code and in a placeholder: reported, never rewritten.
    assert {(22, "leverage"), (26, "leverage")} <= left
    assert not {word for _line, word in left} & {"Leveraging", "utilise", "harness"}


def test_without_fix_nothing_is_written(plan, tmp_path):
    before = plan.read_bytes()
    stamp = plan.stat().st_mtime_ns
    for args in ([], ["--diff"], ["--format", "sarif"], ["--format", "json"]):
        run(plan.parent, "plan.md", *args)
    assert plan.read_bytes() == before and plan.stat().st_mtime_ns == stamp
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == \
        ["plan.md"]


def test_diff_shows_the_fixes_and_exits_1(plan):
    result = run(plan.parent, "plan.md", "--diff")
    assert result.exit_code == 1
    out = result.stdout_bytes.decode("utf-8")
    assert out.startswith("--- a/plan.md\n+++ b/plan.md\n")
    assert "+We will use data. Using it, we will use the estate.\r\n" in out
    assert "6 fixes available" in result.stderr


def test_fix_writes_atomically_and_keeps_the_mode(plan, monkeypatch):
    import stratlint.safety.files as safe_files   # the one atomic writer every output uses

    plan.chmod(0o640)
    replaced = []
    real = os.replace
    monkeypatch.setattr(safe_files.os, "replace",
                        lambda src, dst: (replaced.append((src, dst)), real(src, dst)))
    run(plan.parent, "plan.md", "--fix")
    [(temporary, target)] = replaced
    assert Path(temporary).resolve().parent == plan.parent.resolve()
    assert Path(target).name == "plan.md"
    assert plan.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in plan.parent.iterdir()] == ["plan.md"]   # no temporary left


@pytest.mark.parametrize("name", ["plan.txt", "plan.html", "plan.yaml"])
def test_fix_touches_only_markdown_and_text(tmp_path, name):
    text = {"plan.txt": "Plan 2025 to 2028\n\nWe will leverage data.\n",
            "plan.html": "<h1>Plan</h1><p>We will leverage data.</p>\n",
            "plan.yaml": "title: Plan\nmission: We will leverage data.\n"}[name]
    (tmp_path / name).write_text(text, encoding="utf-8")
    run(tmp_path, name, "--fix")
    fixed = (tmp_path / name).read_text(encoding="utf-8")
    assert fixed == (text.replace("leverage", "use") if name == "plan.txt" else text)


def test_fixes_appear_in_json_and_sarif(plan):
    data = json.loads(run(plan.parent, "plan.md", "--format", "json").stdout)
    fixes = {(f["line"], f["excerpt"]): f["fix"] for f in data["findings"]
             if f["rule"] == "vague-language"}
    assert fixes[(6, "Leveraging")] == "Using"
    assert fixes[(10, "world-class")] is None
    assert fixes[(22, "leverage")] is None         # inline code
    assert fixes[(26, "leverage")] is None         # a placeholder
    sarif = json.loads(run(plan.parent, "plan.md", "--format", "sarif").stdout)
    with_fixes = [r for r in sarif["runs"][0]["results"] if "fixes" in r]
    assert len(with_fixes) == 6
    inserted = {r["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"]
                for r in with_fixes}
    assert inserted == {"use", "Using", "USE"}


def test_fix_on_a_copy_of_the_weak_example(tmp_path):
    copy = tmp_path / "weak.md"
    shutil.copy(ROOT / "examples" / "weak-hillcrest-trust.md", copy)
    before = copy.read_text(encoding="utf-8")
    data = json.loads(run(tmp_path, "weak.md", "--format", "json").stdout)
    marked = [f for f in data["findings"] if f["fix"]]
    assert marked
    run(tmp_path, "weak.md", "--fix")
    after = copy.read_text(encoding="utf-8")
    # Undo exactly the marked swaps, left to right (each undone swap puts the words after
    # it back at their old columns): the original comes back byte for byte.
    lines = after.split("\n")
    for f in sorted(marked, key=lambda f: (f["line"], f["column"])):
        line = lines[f["line"] - 1]
        start = f["column"] - 1
        assert line[start:start + len(f["fix"])] == f["fix"]
        lines[f["line"] - 1] = line[:start] + f["excerpt"] + line[start + len(f["fix"]):]
    assert "\n".join(lines) == before


def test_fix_refuses_standard_input_even_when_a_file_has_its_name(plan):
    before = plan.read_bytes()
    result = run(plan.parent, "--stdin-filename", "plan.md", "--fix", input=PLAN)
    assert result.exit_code == 2
    assert "standard input" in result.stderr
    assert plan.read_bytes() == before


def test_words_in_quotations_are_never_fixed_even_when_reported(plan):
    (plan.parent / ".stratlint.yaml").write_text(
        "rules:\n  vague-language: {include-quotes: true}\n", encoding="utf-8")
    data = json.loads(run(plan.parent, "plan.md", "--format", "json").stdout)
    quoted = [f for f in data["findings"] if f["rule"] == "vague-language"
              and f["line"] in (14, 18)]
    assert {f["line"] for f in quoted} == {14, 18}   # a block quote, and quotation marks
    assert all(f["fix"] is None for f in quoted)
