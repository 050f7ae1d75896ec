"""The pure per-document step: lint(document, rules) -> FileResult."""
from __future__ import annotations

from dataclasses import FrozenInstanceError, replace

import pytest

from stratlint import checks
from stratlint.run import lint
from stratlint.checks import CheckKind
from stratlint.config import Config
from stratlint.run.rulebook import RuleBook
from stratlint.run.sources import read_string

RULES = {rule.name: rule for rule in RuleBook().rules_for(Config())}
TEXT = """\
# Plan

<!-- stratlint-disable-next-line vague-language -->
We will leverage data.

We will harness synergies.
"""


def test_findings_before_suppression_and_each_run_scope_summary():
    document = read_string(TEXT, "plan.md")
    result = lint.lint(document, [RULES["vague-language"], RULES["cookie-cutter"]])
    assert result.document is document
    # The silenced finding is still here: the suppression stage drops it, and counts the
    # directive as used.
    assert [(f.line, f.excerpt) for f in result.findings] == [
        (4, "leverage"), (6, "harness"), (6, "synergies")]
    assert all(f.rule == "vague-language" and f.code == "SL104" for f in result.findings)
    assert set(result.summaries) == {"cookie-cutter"}
    assert result.errors == ()
    with pytest.raises(FrozenInstanceError):
        result.findings = ()


def test_a_failing_check_is_an_error_and_the_other_rules_still_run(monkeypatch):
    def broken(document, analysis, options):
        raise RuntimeError("broken plugin")

    monkeypatch.setitem(checks._loaded, "broken", CheckKind("broken", broken))
    rule = replace(RULES["vague-language"], name="broken-rule", check="broken")
    result = lint.lint(read_string(TEXT, "plan.md"), [rule, RULES["vague-language"]])
    assert result.errors == ("plan.md: rule broken-rule failed: RuntimeError: broken plugin",)
    assert {f.rule for f in result.findings} == {"vague-language"}


def test_every_call_into_a_check_kind_goes_through_the_three_functions(monkeypatch):
    calls = []
    for name in ("document_hits", "summarise"):
        real = getattr(lint, name)
        monkeypatch.setattr(lint, name, lambda rule, *args, real=real, name=name: (
            calls.append((name, rule.name)) or real(rule, *args)))
    lint.lint(read_string(TEXT, "plan.md"), [RULES["vague-language"], RULES["cookie-cutter"]])
    assert calls == [("document_hits", "vague-language"), ("summarise", "cookie-cutter")]


def test_a_check_that_cannot_compile_fails_in_its_own_rule_only(monkeypatch, tmp_path):
    """A (plugin) kind whose compile step raises is reported once per file, like one that
    raises while running; the run does not stop with a traceback and the other rules run."""
    from stratlint.api import run_paths

    def broken(options, trusted):
        raise ZeroDivisionError("simulated bug while compiling")

    schema = checks.get("existence").options_schema
    monkeypatch.setitem(checks._loaded, "existence",
                        CheckKind("existence", options_schema=schema, compile=broken))
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("# Plan\n\nWe will leverage synergies.\n")
    result = run_paths([tmp_path / "a.md", tmp_path / "b.md"])
    assert len(result.errors) == 2
    assert all("simulated bug while compiling" in error for error in result.errors)
    assert any(f.rule == "vague-language" for f in result.findings)
