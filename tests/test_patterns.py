"""Properties of the patterns module's scan: a block it leaves out for a phrase set can
never hold a match of it, and searching a block for only some of the patterns finds
exactly what the whole alternation finds. Each property is checked against the plain
regular expression it stands in for, built from the pattern texts, not from the scan."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from stratlint.analysis import Analysis
from stratlint.patterns import (PhraseSet, Scan, Scanner, alternation_matches, compile_phrases,
                                fold, pattern_texts, phrase_words)
from stratlint.readers import read_text
from _budget import examples  # noqa: E402

PHRASES = ("leverage", "world-class", "trust's plan", "server*", "AI", "big data",
           "large language model*", "it", "so far we have", "e-mail", "100 days")
# Letters that match ASCII letters under re.IGNORECASE in other ways (Kelvin sign, long s,
# dotted capital I, dotless i), and word characters beyond ASCII.
ALPHABET = "aeiklmorstvwAEIKLS-' \n\u212a\u017f\u0130\u0131\u00e9\u2019_01"


def _analysis(text: str, scanner=None) -> Analysis:
    return Analysis(read_text(f"# Title\n\n{text}\n", "x.md"), scanner)


def _searched(text: str, phrases) -> list[str]:
    """The block texts of a document holding `text` that a phrase rule searches."""
    analysis = _analysis(text)
    phrase_texts, _patterns = analysis.scan.texts_for(PhraseSet(phrases))
    return [b.text for b in analysis.document.blocks
            if phrase_texts is None or b.text in phrase_texts]


@settings(max_examples=examples(400), deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40),
       st.lists(st.sampled_from(PHRASES), min_size=1, max_size=4, unique=True))
def test_skipped_texts_never_match(text, phrases):
    assert phrase_words(tuple(phrases)) is not None
    searched = _searched(text, phrases)
    for block in _analysis(text).document.blocks:
        for ignore_case in (True, False):
            if compile_phrases(tuple(phrases), ignore_case).search(block.text):
                assert block.text in searched, (block.text, phrases)


def test_known_words_and_stems():
    assert _searched("We will LEVERAGE it", PHRASES)
    assert _searched("two Servers", PHRASES)
    assert _searched("the Trust\u2019s plan", PHRASES)
    assert _searched("a caf\u00e9 here", ["leverage"])     # a word not in ASCII: searched
    assert not _searched("nothing to see here", PHRASES)
    assert not _searched("observers of trusts", PHRASES)


def test_phrases_the_filter_cannot_describe():
    assert phrase_words(("caf\u00e9",)) is None
    assert phrase_words(("*",)) is None
    assert phrase_words(("'s plan",)) is None


PATTERNS = (r"\bwe(?:'ve| have) (?:already )?(?:launched|built)\b",
            r"\b(?:trust|council)(?:'s|\u2019s) (?:[\w-]+ ){0,2}plan\b",
            r"(?-i:(?<![\w-])(?:[A-Z]\w+\s+){1,3}Strategy)",
            r"\btargets?\s*(?::|of\b)|\bsav(?:e|ed)\b[^.]{0,30}?\u00a3\s?\d",
            r"[^.]*\bskipped?\b",
            r"\b(?:by|before) (?:the end of )?(?:march|april) 20\d\d\b",
            r"\d+(?:\.\d+)?\s*(?:%|per cent)")
FRAGMENTS = ("we have", "we've", "We", "already", "launched", "built", "trust's",
             "council\u2019s", "digital", "plan", "Digital Strategy", "strategy", "targets:",
             "target of", "saved", "\u00a35", "skip", "skipped", ".", "ok", "by", "the end of",
             "March", "2026", "40", "%", "per cent", "skip.")
# Letters that match ASCII ones under re.IGNORECASE (Kelvin sign, long s, dotted capital I,
# dotless i), for some fragments to be spelt with.
ODD_LETTERS = str.maketrans({"k": "\u212a", "s": "\u017f", "i": "\u0131", "I": "\u0130"})
SPELLINGS = (str, str.upper, str.title, lambda f: f.translate(ODD_LETTERS))
SENTENCES = st.lists(st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(SPELLINGS)),
                     max_size=10).map(lambda parts: " ".join(s(f) for f, s in parts))


def _alternation(patterns, ignore_case):
    """The reference: one alternation of all the patterns, as the rule writes them."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE if ignore_case else 0)


@settings(max_examples=examples(600), deadline=None)
@given(st.lists(SENTENCES, min_size=1, max_size=4),
       st.lists(st.sampled_from(PATTERNS), min_size=1, max_size=5, unique=True),
       st.booleans())
def test_the_scan_finds_what_the_alternation_finds(paragraphs, patterns, ignore_case):
    """Over a long document (so the scan reads the patterns' literals), each block searched
    only for the patterns whose literals it holds gives the alternation's matches."""
    from stratlint.checks.matching import _pattern_matches

    phrase_set = PhraseSet((), patterns, ignore_case, trusted=True)
    padding = "Filler words about nothing in particular. " * 600   # past SCAN_PATTERNS_FROM
    texts = paragraphs + [padding]
    scan = Scan(texts, fold, Scanner([phrase_set]))
    _phrases, pattern_texts = scan.texts_for(phrase_set)
    reference = _alternation(patterns, ignore_case)
    for text in texts:
        expected = [(m.span(), m.group()) for m in reference.finditer(text)]
        if pattern_texts is not None and text not in pattern_texts:
            assert expected == [], text
            continue
        found = [(m.span(), m.group()) for m in
                 _pattern_matches(phrase_set, pattern_texts, text, text)]
        assert found == expected, (text, patterns)


@settings(max_examples=examples(400), deadline=None)
@given(SENTENCES, st.lists(st.sampled_from(PATTERNS), min_size=2, max_size=5, unique=True))
def test_searching_patterns_alone_finds_the_alternations_matches(text, patterns):
    each = [re.compile(p, re.IGNORECASE) for p in patterns]
    assert ([(m.span(), m.group()) for m in alternation_matches(each, text)]
            == [(m.span(), m.group()) for m in _alternation(patterns, True).finditer(text)])


@settings(max_examples=examples(400), deadline=None)
@given(SENTENCES, st.sampled_from(PATTERNS))
def test_every_match_holds_one_of_its_literals(text, pattern):
    [literals] = pattern_texts((pattern,), re.IGNORECASE | re.UNICODE)
    assert literals
    for match in re.finditer(pattern, text, re.IGNORECASE):
        assert any(literal in fold(match.group()) for literal in literals), (pattern, match)


def test_patterns_that_are_searched_everywhere():
    flags = re.IGNORECASE | re.UNICODE
    assert pattern_texts((r"(a)\1", "x"), flags) == (None, None)   # group numbers change
    assert pattern_texts((r"\d+", "x"), flags)[0] is None    # no text it must hold
    assert PhraseSet((), ("untrusted pattern",)).literals is None
    assert PhraseSet((), (r"\bplan\b",), trusted=True).literals == {"plan"}
    assert PhraseSet((), (r"x*",), trusted=True).each_pattern is None   # matches empty text


@settings(max_examples=examples(300), deadline=None)
@given(st.text(st.characters(max_codepoint=127), max_size=60))
def test_ascii_sentence_word_bound(text):
    """metric's long-sentence check skips counting words in short ASCII sentences."""
    from stratlint.analysis.sentences import _WORD

    assert len(_WORD.findall(text)) <= (len(text) + 1) // 2


@settings(max_examples=examples(500), deadline=None)
@given(st.text(st.sampled_from("AIUKSsx.-_ (),:\n1&\u00c9\u2013or known as called"), max_size=40))
def test_acronyms_found_as_before(text):
    """acronyms: the look back moved after the first capital, definitions searched only
    where their literal text is, capitals counted by bytes in ASCII text."""
    import re

    from stratlint.checks import acronyms

    before = re.compile(r"(?<![\w.-])([A-Z][A-Z0-9&]*[A-Z0-9])s?(?![\w-])(?!\.\w)")
    assert ([m.span(1) for m in acronyms._ACRONYM.finditer(text)]
            == [m.span(1) for m in before.finditer(text)])
    assert acronyms._defined.__wrapped__(text) == frozenset(
        m.group(1) for pattern, _ in acronyms._DEFINITIONS for m in pattern.finditer(text))
    letters = "".join(filter(str.isalpha, text))
    assert acronyms._mostly_capitals.__wrapped__(text) == (
        bool(letters) and sum(map(str.isupper, letters)) > 0.6 * len(letters))


@settings(max_examples=examples(500), deadline=None)
@given(st.text(st.sampled_from("ab '\u2019\u2018\u201c\u201d\"\n.-"), max_size=40))
def test_quotes_found_as_before(text):
    """quotes: the look back before a single quotation mark moved after it."""
    import re

    from stratlint.analysis.quotes import _QUOTED

    before = re.compile(
        "\u201c[^\u201d]{1,600}?\u201d"
        '|"[^"]{1,600}?"'
        "|(?<![\\w\u2019'])[\u2018'](?=[^\\s'\u2019])(?:[^'\u2019]|['\u2019](?=\\w)){1,600}?"
        "(?<=\\S)['\u2019](?!\\w)")
    assert [m.span() for m in _QUOTED.finditer(text)] == [m.span() for m in before.finditer(text)]


def test_the_scan_gives_the_same_answer_without_pyahocorasick(monkeypatch):
    """Where no pyahocorasick wheel installs, each literal is searched for instead."""
    from stratlint import patterns

    texts = ["We will publish a plan by March 2026.", "Nothing here.",
             "40 per cent of users", "By April 2027 the council's digital plan"] + \
        ["Filler words about nothing in particular. " * 600]
    phrase_set = PhraseSet((), PATTERNS, True, trusted=True)

    def scanned():
        return Scan(texts, fold, Scanner([phrase_set])).texts_for(phrase_set)[1]

    with_automaton = scanned()

    def no_wheel(_literals):
        raise ImportError("no pyahocorasick here")

    monkeypatch.setattr(patterns, "_automaton", no_wheel)
    assert scanned() == with_automaton
    assert set(with_automaton) == {texts[0], texts[2], texts[3]}
