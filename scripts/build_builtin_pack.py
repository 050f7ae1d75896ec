#!/usr/bin/env python3
"""Write src/stratlint/data/builtin_pack.json, the built-in rule pack validated and compiled.

    python scripts/build_builtin_pack.py          # rewrite the file
    python scripts/build_builtin_pack.py --check  # exit 1 if it is out of date

Run it after changing rules/*.yaml, schemas/rule.schema.json or a check kind's options;
tests/packs/test_builtin_pack.py fails until then (see src/stratlint/packs/builtin.py).
"""
from __future__ import annotations

import sys

from _generated import write_or_check  # beside this script
from stratlint.packs.builtin import SHIPPED, render


def main(argv: list[str]) -> int:
    return write_or_check(SHIPPED, render(), argv, "build_builtin_pack.py")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
