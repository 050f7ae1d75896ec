"""A rule pack's own regular expression cannot hang a run, however it is written."""
from __future__ import annotations

import pytest

import subprocess
import sys
import time


@pytest.mark.slow
def test_catastrophic_pattern_is_stopped_and_reported(tmp_path):
    rules = tmp_path / "house-rules"
    rules.mkdir()
    (rules / "house.yaml").write_text("""\
rules:
  - name: repeated-letters
    code: HR101
    severity: warning
    summary: A house rule with a badly written pattern.
    message: "Found '{match}'"
    rationale: This rule exists to show that a pattern which backtracks for ever is stopped.
    guide-section: Set actions
    check: existence
    options:
      patterns: ["(a|aa)+$"]
""")
    (tmp_path / ".stratlint.yaml").write_text("rule-paths: [house-rules]\n")
    (tmp_path / "hostile.md").write_text("# Plan\n\n" + "a" * 40 + "!\n")
    (tmp_path / "ordinary.md").write_text("# Plan\n\nWe will leverage our data.\n")

    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "stratlint", "check", "hostile.md",
                             "ordinary.md", "--select", "repeated-letters,vague-language"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=120)
    elapsed = time.monotonic() - started

    assert elapsed < 60
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 1
    assert "repeated-letters" in errors[0] and "(a|aa)+$" in errors[0]
    assert "Traceback" not in result.stderr
    # The other file was still checked.
    assert "ordinary.md:3" in result.stdout and "leverage" in result.stdout


def test_ordinary_pattern_still_matches(tmp_path):
    from stratlint import lint_text

    config = {"select": ["missing-review-cadence"]}
    text = "# Plan\n\n## Keeping it current\n\nWe review progress quarterly.\n"
    assert not lint_text(text, config=config)


def test_only_the_built_in_packs_patterns_skip_the_time_bound(tmp_path):
    """The shipped pack's patterns run in Python's own engine; the same check with a pattern
    from anywhere else (here, a config overriding the rule's options) stays bounded."""
    from stratlint.patterns import BoundedPattern
    from stratlint.config import from_mapping
    from stratlint.run.rulebook import RuleBook

    book = RuleBook()
    shipped = {rule.name: rule for rule in book.rules_for(from_mapping({}))}
    shipped_rule = shipped["missing-review-cadence"]
    assert shipped_rule.options["patterns"]
    assert not any(isinstance(m.phrase_set.pattern_re, BoundedPattern)
                   for m, _decisive in shipped_rule.compiled.searches)

    overridden = from_mapping({"rules": {"missing-review-cadence": {
        "patterns": list(shipped_rule.options["patterns"]) + ["(a|aa)+$"]}}})
    rule = next(r for r in book.rules_for(overridden) if r.name == "missing-review-cadence")
    assert any(isinstance(m.phrase_set.pattern_re, BoundedPattern)
               for m, _decisive in rule.compiled.searches)
    # Reusing the pack's own patterns keeps them trusted; adding one does not.
    reused = from_mapping({"rules": {"missing-review-cadence": {
        "patterns": list(shipped_rule.options["patterns"])[:1]}}})
    assert next(r for r in book.rules_for(reused) if r.name == "missing-review-cadence").trusted


HOUSE_RULE = """\
rules:
  - name: repeated-letters
    code: HR101
    severity: warning
    summary: A house rule with a slow pattern.
    message: "Found '{match}'"
    rationale: This rule exists to show that a slow pattern cannot add up to hours.
    guide-section: Set actions
    check: existence
    options:
      patterns: ["(a|aa)+$"]
"""


def test_a_pattern_under_the_search_limit_cannot_add_up_over_many_blocks(
        tmp_path, run_cli, monkeypatch):
    """Each search takes about a tenth of the (lowered) per-search limit, over 300 blocks:
    the limit bounds the rule's whole run over the document, so it stops in about a second
    instead of running for thirty."""
    from stratlint import patterns as terms

    monkeypatch.setattr(terms, "PATTERN_TIMEOUT", 0.3)
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "house.yaml").write_text(HOUSE_RULE)
    (tmp_path / ".stratlint.yaml").write_text("rule-paths: [house]\n")
    (tmp_path / "slow.md").write_text("# Plan\n\n" + ("a" * 24 + "!\n\n") * 300)
    started = time.monotonic()
    result = run_cli("check", "--jobs", "1", "--select", "repeated-letters", "slow.md",
                     cwd=tmp_path)
    assert time.monotonic() - started < 8
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert "repeated-letters" in line and "(a|aa)+$" in line


@pytest.mark.slow
def test_many_rules_share_one_budget_per_document(tmp_path, run_cli, monkeypatch):
    """1,000 rules, each under its own limit: together they stop at the document's budget,
    said in one line."""
    from stratlint import patterns as terms

    monkeypatch.setattr(terms, "PATTERN_TIMEOUT", 0.1)
    body = HOUSE_RULE.split("rules:\n", 1)[1]
    pack = "rules:\n" + "".join(body.replace("repeated-letters", f"slow-{n}")
                                .replace("HR101", f"HR{n:03d}") for n in range(1000))
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "house.yaml").write_text(pack)
    (tmp_path / ".stratlint.yaml").write_text("rule-paths: [house]\n")
    (tmp_path / "slow.md").write_text("# Plan\n\n" + "a" * 20 + "!\n")
    started = time.monotonic()
    result = run_cli("check", "--jobs", "1", "--select", "HR", "slow.md", cwd=tmp_path)
    assert time.monotonic() - started < 20
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert "all rules together" in line


def test_a_long_text_earns_time_for_an_ordinary_pattern(monkeypatch):
    """The search limit grows with the text: an ordinary pattern scanning a long text in
    linear time is not mistaken for one that backtracks without end."""
    from stratlint import patterns as terms

    monkeypatch.setattr(terms, "PATTERN_TIMEOUT", 0.001)   # no time at all, but per character
    # No literal to jump to: the engine tries every word (tens of milliseconds here).
    bounded = terms.compile_patterns((r"\b\w+\s+\w+\d",), True, trusted=False)
    text = "plain words in a long paragraph " * 10_000   # 320 KB
    assert list(bounded.finditer(text)) == []
