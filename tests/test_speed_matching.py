"""iter_matches skips blocks that hold none of a phrase list's first words: it must never
skip a block the phrases' pattern matches in."""
from hypothesis import given, settings
from hypothesis import strategies as st

from stratlint.analysis import Analysis
from stratlint.analysis.terms import compile_phrases, phrase_words
from stratlint.checks.matching import _may_hold
from stratlint.readers import read_text

PHRASES = ("leverage", "world-class", "trust's plan", "server*", "AI", "big data",
           "large language model*", "it", "so far we have", "e-mail", "100 days")
# Letters that match ASCII letters under re.IGNORECASE in other ways (Kelvin sign, long s,
# dotted capital I, dotless i), and word characters beyond ASCII.
ALPHABET = "aeiklmorstvwAEIKLS-' \n\u212a\u017f\u0130\u0131\u00e9\u2019_01"


def _analysis(text: str) -> Analysis:
    return Analysis(read_text(text, "x.md"))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40),
       st.lists(st.sampled_from(PHRASES), min_size=1, max_size=4, unique=True))
def test_skipped_texts_never_match(text, phrases):
    needed = phrase_words(tuple(phrases))
    assert needed is not None
    for ignore_case in (True, False):
        regex = compile_phrases(tuple(phrases), ignore_case)
        if regex.search(text):
            assert _may_hold(_analysis("x").word_runs(text), needed), (text, phrases)


def test_known_words_and_stems():
    needed = phrase_words(PHRASES)
    runs = _analysis("x").word_runs
    assert _may_hold(runs("We will LEVERAGE it"), needed)
    assert _may_hold(runs("two Servers"), needed)
    assert _may_hold(runs("the Trust\u2019s plan"), needed)
    assert _may_hold(runs("a caf\u00e9 here"), needed)     # a word not in ASCII: searched
    assert not _may_hold(runs("nothing to see here"), needed)
    assert not _may_hold(runs("observers of trusts"), needed)


def test_phrases_the_filter_cannot_describe():
    assert phrase_words(("caf\u00e9",)) is None
    assert phrase_words(("*",)) is None
    assert phrase_words(("'s plan",)) is None
