"""One evidence model: `check` and the board report judge every document the same way.

The report is a fold over the findings and the evidence the rules decided from, so on any
document the two cannot disagree: a question rated red names a rule that fired; evidence is
quoted only for rules that did not fire; a good sign is green exactly when its rule is
quiet; and a quote is a sentence of the document, never a bare heading.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from stratlint.api import assess_paths, run_paths
from stratlint.output.assurance.assess import GREEN, RED

# Runs stratlint over every labelled corpus: left out of the fast lane.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"


def _documents() -> list[Path]:
    found = sorted((ROOT / "examples").glob("*.md")) + sorted((ROOT / "tests" / "corpus").glob(
        "*.md")) + sorted((ROOT / "tests" / "corpus").glob("*.txt"))
    for corpus in ("real", "full"):
        folder = SHARED / corpus
        if folder.is_dir():
            found += sorted(p for p in folder.glob("*.md") if p.name != "README.md")
    return found


DOCUMENTS = _documents()


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.stem for p in DOCUMENTS])
def test_report_and_check_agree(path):
    fired = {f.rule for f in run_paths([path], config={}).findings}
    (card,) = assess_paths([path], config={}).scorecards
    for result in card.questions:
        question = result.question
        mine = fired & set(question.rules)
        assert {f.rule for f in result.findings} == mine, question.key
        if result.rating == GREEN:
            assert not mine, (question.key, mine)
        if result.rating == RED and question.key != "actions":
            assert mine & set(question.evidence_rules), question.key
        for item in result.evidence:
            if item.rule in question.rules:
                assert item.rule not in fired, (question.key, item)
    for sign in card.signs:
        if sign.sign.kind == "good":
            assert (sign.rating == RED) == (sign.sign.rule in fired), sign.sign.name
            assert not (sign.evidence and sign.sign.rule in fired), sign.sign.name


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.stem for p in DOCUMENTS])
def test_quoted_evidence_is_a_sentence_not_a_bare_heading(path):
    from stratlint.readers import read_path

    headings = {b.title for b in read_path(path).blocks if b.kind == "heading"}
    (card,) = assess_paths([path], config={}).scorecards
    for result in list(card.questions) + list(card.signs):
        for item in result.evidence:
            if item.where in ("text", "section", "table", "mission"):
                assert item.text not in headings, (result, item)


def test_the_shared_corpora_are_there_or_skipped():
    if not SHARED.is_dir():
        pytest.skip("../shared/corpus is absent beside this checkout: only our own corpus "
                    "and the examples are compared")
    assert any("full" in str(p) for p in DOCUMENTS)
