"""The cross-document pass: run-scope rules compare every document's summary at once."""
from __future__ import annotations

from pathlib import Path

from stratlint.run import cross_document, lint
from stratlint.config import Config
from stratlint.run.lint import Checked
from stratlint.run.rulebook import RuleBook
from stratlint.run.sources import read_string

ROOT = Path(__file__).resolve().parents[2]
WEAK = (ROOT / "examples" / "weak-hillcrest-trust.md").read_text(encoding="utf-8")
OWN = "# Eastfield plan\n\nWe will publish waiting times for repairs every month.\n"


def checked(texts: dict[str, str]) -> list[Checked]:
    config = Config().overridden(select=["cookie-cutter"])
    rules = RuleBook().rules_for(config)
    return [Checked(lint.lint(read_string(text, path), rules), rules, config)
            for path, text in texts.items()]


def shared(result, index: int) -> list[str]:
    return [f.message for f in result.findings[index] if "same as in" in f.message]


def test_text_shared_between_documents_is_found_in_each_and_nowhere_else():
    files = checked({"a.md": WEAK, "own.md": OWN, "b.md": "# Another trust\n\n" + WEAK})
    result = cross_document.compare_all(files)
    assert result.errors == ()
    assert len(result.findings) == 3
    assert shared(result, 0) and all("b.md" in m for m in shared(result, 0))
    assert shared(result, 2) and all("a.md" in m for m in shared(result, 2))
    assert result.findings[1] == ()
    assert all(f.rule == "cookie-cutter" for found in result.findings for f in found)


def test_a_document_alone_shares_nothing_and_a_failing_rule_is_an_error(monkeypatch):
    alone = cross_document.compare_all(checked({"a.md": WEAK}))
    assert not shared(alone, 0)

    def broken(rule, members):
        raise ValueError("cannot compare")

    monkeypatch.setattr(cross_document, "compare", broken)
    failed = cross_document.compare_all(checked({"a.md": WEAK, "b.md": WEAK}))
    assert failed.errors == ("rule cookie-cutter failed: ValueError: cannot compare",)
    assert failed.findings == ((), ())
