"""How many examples each property test tries: its own number, or a few in the fast lane
(`python -m pytest --fast`, see conftest.py), where the edit-test loop needs seconds."""
import os

FAST_EXAMPLES = 15


def examples(number: int) -> int:
    if os.environ.get("STRATLINT_FAST_TESTS") == "1":
        return min(number, FAST_EXAMPLES)
    return number
