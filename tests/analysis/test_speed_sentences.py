"""The copy-free look-behind in sentence splitting agrees with the regex it replaces."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from stratlint.analysis.sentences import _word_before
from _budget import examples  # noqa: E402

CHARS = st.sampled_from(list("ab.Z \n\t,é1"))


@settings(max_examples=examples(500), deadline=None)
@given(st.text(CHARS, max_size=30), st.integers(min_value=0, max_value=30))
def test_word_before_matches_regex(text, end):
    end = min(end, len(text))
    found = re.search(r"([A-Za-z.]+)$", text[:end])
    assert _word_before(text, end) == (found.group(1) if found else "")
