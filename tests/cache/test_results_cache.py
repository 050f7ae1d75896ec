"""The per-file results cache: a second run gives the same output and checks nothing again."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest

from stratlint.run import cross_document, lint
from stratlint.cache.results import FOLDER

ROOT = Path(__file__).resolve().parents[2]
WEAK = (ROOT / "examples" / "weak-hillcrest-trust.md").read_text(encoding="utf-8")

SUPPRESSED = """# Brookfield Council digital plan 2025 to 2028

We will leverage synergies across the council.

<!-- stratlint-disable-next-line vague-language -->
We will leverage data to plan bin rounds.

<!-- stratlint-disable-next-line long-sentence -->
We will publish the waiting list for repairs every month.
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A folder of strategies, with the cache switched on and the folder as the working one."""
    monkeypatch.delenv("STRATLINT_NO_CACHE", raising=False)
    docs = tmp_path / "docs"
    docs.mkdir()
    for path in sorted((ROOT / "tests" / "corpus").glob("a*.md"))[:4]:
        shutil.copy(path, docs / path.name)
    (docs / "copy-a.md").write_text(WEAK, encoding="utf-8")
    (docs / "copy-b.md").write_text("# Another trust\n\n" + WEAK, encoding="utf-8")
    (docs / "suppressed.md").write_text(SUPPRESSED, encoding="utf-8")
    (docs / "structured.yaml").write_bytes(
        (ROOT / "examples" / "strong-structured-strategy.yaml").read_bytes())
    (docs / "binary.md").write_bytes(b"\x00\x01 not text")
    word = docx.Document()
    word.add_heading("Eastfield trust digital strategy", level=1)
    word.add_paragraph("We will leverage best-in-class synergies to transform care.")
    word.save(str(docs / "word.docx"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(run_cli, *args):
    return run_cli("check", "docs", "docs/word.docx", "--format", "json", "--fail-on", "never",
                   *args)


def count_checks(monkeypatch) -> list:
    """Record each document the rules run on (in this process: check with --jobs 1)."""
    seen = []
    real = lint.lint

    def counting(document, *args):
        seen.append(document.path)
        return real(document, *args)

    monkeypatch.setattr(lint, "lint", counting)
    return seen


def test_second_run_reuses_every_result_and_prints_the_same(project, run_cli, monkeypatch):
    first = check(run_cli)
    assert first.exit_code == 0, first.stderr
    assert "same as in" in first.stdout           # the cross-document rule found the copies
    assert "unused-suppression" in first.stdout   # one directive silences nothing
    seen = count_checks(monkeypatch)
    second = check(run_cli, "--jobs", "1")
    assert seen == []                             # nothing was checked again
    assert second.stdout == first.stdout
    fresh = check(run_cli, "--no-cache", "--jobs", "1")
    assert fresh.stdout == first.stdout
    assert len(seen) == 9                         # --no-cache checks every readable file


def count_comparisons(monkeypatch) -> list:
    """Record how many documents each cross-document comparison is given."""
    seen = []
    real = cross_document.compare

    def counting(rule, members):
        seen.append(len(members))
        return real(rule, members)

    monkeypatch.setattr(cross_document, "compare", counting)
    return seen


def test_an_unchanged_run_reuses_the_cross_document_result(project, run_cli, monkeypatch):
    first = check(run_cli)
    seen = count_comparisons(monkeypatch)
    second = check(run_cli)
    assert seen == []                             # the documents were not compared again
    assert second.stdout == first.stdout
    (project / "docs" / "copy-b.md").write_text("# Another trust\n\n" + WEAK + "\nMore.\n",
                                                encoding="utf-8")
    third = check(run_cli)
    assert seen == [9]                            # one file changed: all compared again
    assert "same as in" in third.stdout
    assert third.stdout == check(run_cli, "--no-cache").stdout


def test_the_cache_folder_keeps_itself_out_of_git(project, run_cli):
    check(run_cli)
    folder = project / FOLDER
    assert (folder / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert (folder / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172")
    entries = [path for path in folder.glob("*.json") if not path.name.startswith("run-")]
    assert len(entries) == 9      # one per readable file; unreadable files are not kept
    assert len(list(folder.glob("run-*.json"))) == 1   # and the cross-document result
    check(run_cli)
    assert len(list(folder.glob("*.json"))) == 10
    # Another set of files replaces the run's entry: the folder does not grow with each set.
    other = run_cli("check", "docs/copy-a.md", "docs/copy-b.md", "--fail-on", "never")
    assert other.exit_code == 0
    assert len(list(folder.glob("*.json"))) == 10


def test_no_cache_neither_reads_nor_writes(project, run_cli):
    result = check(run_cli, "--no-cache")
    assert result.exit_code == 0
    assert not (project / FOLDER).exists()


def test_a_changed_file_is_checked_again_and_only_it(project, run_cli, monkeypatch):
    check(run_cli)
    (project / "docs" / "suppressed.md").write_text(
        SUPPRESSED.replace("<!-- stratlint-disable-next-line long-sentence -->\n", ""),
        encoding="utf-8")
    seen = count_checks(monkeypatch)
    after = check(run_cli, "--jobs", "1")
    assert seen == ["docs/suppressed.md"]
    assert after.stdout == check(run_cli, "--no-cache").stdout
    assert "unused-suppression" not in after.stdout


def test_sharing_with_a_cached_file_is_still_found(project, run_cli):
    """Cross-document rules see every document, whether its results came from the cache."""
    def shared_text(result, path):
        return [f["message"] for f in json.loads(result.stdout)["findings"]
                if f["path"] == path and "same as in" in f["message"]]

    before = shared_text(check(run_cli), "docs/copy-a.md")
    passage = WEAK.split("\n\n")
    (project / "docs" / "late.md").write_text(
        "# Westfield trust\n\n" + "\n\n".join(passage[1:8]) + "\n", encoding="utf-8")
    result = check(run_cli)
    after = json.loads(result.stdout)
    # copy-a.md's results come from the cache, yet it now shares text with late.md too.
    assert shared_text(result, "docs/copy-a.md") != before
    assert shared_text(result, "docs/late.md")
    assert json.loads(check(run_cli, "--no-cache").stdout) == after


def long_sentences(result) -> int:
    return sum(f["rule"] == "long-sentence" for f in json.loads(result.stdout)["findings"])


def test_other_rules_or_options_are_not_served_old_results(project, run_cli):
    default = check(run_cli)
    narrowed = json.loads(check(run_cli, "--select", "vague-language").stdout)
    assert {f["rule"] for f in narrowed["findings"]} == {"vague-language", "unreadable-file"}
    (project / ".stratlint.yaml").write_text(
        "rules:\n  long-sentence:\n    max: 12\n", encoding="utf-8")
    strict = check(run_cli)
    assert long_sentences(strict) > long_sentences(default)
    assert strict.stdout == check(run_cli, "--no-cache").stdout


def test_a_damaged_or_foreign_entry_is_ignored(project, run_cli):
    expected = check(run_cli, "--no-cache").stdout
    check(run_cli)
    entries = sorted((project / FOLDER).glob("*.json"))
    entries[0].write_text("{not json", encoding="utf-8")
    signature, _, body = entries[1].read_text(encoding="utf-8").partition("\n")
    forged = json.loads(body)
    forged["findings"] = []
    forged["content"] = "0" * 64          # made from other content: must not be trusted
    entries[1].write_text(signature + "\n" + json.dumps(forged), encoding="utf-8")
    entries[2].write_text(json.dumps({"content": None}), encoding="utf-8")
    assert check(run_cli).stdout == expected


def test_an_unwritable_cache_place_is_no_problem(project, run_cli):
    (project / FOLDER).write_text("a file where the folder would go", encoding="utf-8")
    result = check(run_cli)
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout == check(run_cli, "--no-cache").stdout


def test_environment_switch_turns_it_off(project, run_cli, monkeypatch):
    monkeypatch.setenv("STRATLINT_NO_CACHE", "1")
    check(run_cli)
    assert not (project / FOLDER).exists()
