"""The shipped word-form table is lemminflect's answers, current and read correctly."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from stratlint.analysis import lemmas

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_table_is_current():
    pytest.importorskip("lemminflect", reason="lemminflect (a test dependency) builds the table")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_word_forms.py"),
                             "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_table_gives_lemminflects_answers():
    pytest.importorskip("lemminflect", reason="lemminflect (a test dependency) builds the table")
    from lemminflect import getAllInflections, getAllLemmas

    for word in ("migrated", "built", "ran", "rolled", "went", "digitised", "retired"):
        verbs = getAllLemmas(word).get("VERB", ())
        assert any(word in getAllInflections(v, upos="VERB").get("VBD", ()) for v in verbs)
        assert lemmas.is_past_participle(word)
    for word in ("publish", "identify", "retire"):
        assert lemmas.is_base_verb(word)
        assert word in getAllLemmas(word).get("VERB", ())


@pytest.mark.parametrize("word, plain_verb, past, delivered", [
    ("Publish", True, False, False),
    ("Share", False, False, False),      # a noun as often as an instruction
    ("migrated", False, True, True),
    ("onboarded", False, True, True),    # not in the tables: a regular past form
    ("hundred", False, False, False),    # ends in -ed, but no verb
    ("SAS-based", False, False, False),  # a compound adjective
    ("surveyed", False, True, False),    # research, not delivery
    ("set", False, False, False),        # reads as the present too
    ("must", False, False, False),
])
def test_word_forms(word, plain_verb, past, delivered):
    assert lemmas.is_base_verb(word) is plain_verb
    assert lemmas.is_past_participle(word) is past
    assert lemmas.delivered_verb(word) is delivered


def test_no_run_loads_lemminflect():
    code = ("import sys; from stratlint.api import lint_text; "
            "lint_text('# Plan\\n\\nLast year we migrated 40 systems.\\n\\n## Actions\\n\\n"
            "- Publish the map.\\n- Retire the fax.\\n- Identify owners.\\n', 'x.md'); "
            "print('lemminflect' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr
