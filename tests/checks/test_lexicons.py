"""Every entry of the built-in word lists changes what its rule does.

For each lexicon, a small document in which the rule's verdict hangs on one phrase is
checked twice: with a lexicon entry in that place, and with ordinary words instead. The rule
must decide differently, so an entry that can never match (a typo, a form the phrase
matcher cannot read, a word an exception swallows) fails here instead of sitting unused.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from stratlint.api import lint_text

LEXICONS = yaml.safe_load((Path(__file__).resolve().parents[2] / "rules" / "guide" /
                           "lexicons.yaml").read_text(encoding="utf-8"))["lexicons"]
PLAIN = "the plan"   # what stands in the entry's place in the control document


def _written(entry: str) -> str:
    """An entry as a document would write it: a '*' stem as the bare stem."""
    return entry.rstrip("*")


def _fires(rule: str, text: str, config=None) -> bool:
    return any(f.rule == rule for f in lint_text(text, config=config))


def _hype(term: str) -> str:
    return ("# Plan\n\nWe will use " + term + " to triage referrals.\n\n"
            "We will use " + term + " to plan rotas.\n\nWe will use " + term +
            " to answer calls.\n")


def _boilerplate(phrase: str) -> str:
    return "".join(f"# Plan\n\nOne thing we say is {phrase}.\n\n" if i == 0 else
                   f"Another time we say {phrase} again.\n\n" for i in range(3))


def _technology(term: str) -> str:
    return "# Plan\n\n" + " ".join(f"We will fix {term} soon." for _ in range(12)) + "\n"


def _outcomes(term: str) -> str:
    return ("# Plan\n\n" + " ".join("We will fix servers soon." for _ in range(12)) + "\n\n" +
            " ".join(f"It helps {term} now." for _ in range(13)) + "\n")


def _solution(term: str) -> str:
    return ("# Plan\n\n## Our commitments\n\n1. By March 2027 the chief information officer "
            f"will buy {term} for the contact centre, so that 90% of calls are answered in "
            "a minute.\n")


def _priorities(signal: str) -> str:
    items = "".join(f"- We will improve service {n}.\n" for n in range(1, 13))
    return f"# Plan\n\n## Our commitments: {signal}\n\n{items}"


CASES = [
    # lexicon, rule, document for a term, whether the entry makes the rule fire
    ("hype-technology", "unproven-tech", _hype, True),
    ("boilerplate-phrases", "cookie-cutter", _boilerplate, True),
    ("technology-terms", "it-driven", _technology, True),
    ("outcome-terms", "it-driven", _outcomes, False),
    ("solution-terms", "commitment-names-solution", _solution, True),
    ("prioritisation-signals", "wish-list", _priorities, False),
]


@pytest.mark.parametrize("lexicon,rule,document,fires", CASES, ids=[c[0] for c in CASES])
def test_every_entry_decides_its_rule(lexicon, rule, document, fires):
    assert _fires(rule, document(PLAIN)) is not fires, "the control document must decide " \
                                                       "the other way"
    wrong = [entry for entry in LEXICONS[lexicon]
             if _fires(rule, document(_written(entry))) is not fires]
    assert not wrong, f"{lexicon}: entries that do not change what {rule} does: {wrong}"


def test_every_known_acronym_is_left_alone():
    """insider-jargon reports an acronym the document never spells out, unless every reader
    knows it (the known-acronyms lexicon): each entry is reported once it is not known."""
    unknown = {"rules": {"insider-jargon": {"known": []}}}
    wrong = []
    for entry in LEXICONS["known-acronyms"]:
        text = f"# Plan\n\nThe {entry} team met on Monday to agree the next steps.\n"
        if _fires("insider-jargon", text) or not _fires("insider-jargon", text, unknown):
            wrong.append(entry)
    assert not wrong, f"known acronyms that change nothing: {wrong}"


def test_every_lexicon_is_tested():
    tested = {case[0] for case in CASES} | {"known-acronyms"}
    assert set(LEXICONS) == tested
