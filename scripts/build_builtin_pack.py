#!/usr/bin/env python3
"""Write src/stratlint/data/builtin_pack.json, the built-in rule pack validated and compiled.

    python scripts/build_builtin_pack.py          # rewrite the file
    python scripts/build_builtin_pack.py --check  # exit 1 if it is out of date

Run it after changing rules/*.yaml, schemas/rule.schema.json or a check kind's options;
tests/packs/test_builtin_pack.py fails until then (see src/stratlint/packs/builtin.py).
"""
from __future__ import annotations

import sys

from stratlint.packs.builtin import SHIPPED, render


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = SHIPPED.read_text(encoding="utf-8") if SHIPPED.exists() else ""
        if current != text:
            print(f"{SHIPPED} is out of date: run python scripts/build_builtin_pack.py",
                  file=sys.stderr)
            return 1
        return 0
    SHIPPED.write_text(text, encoding="utf-8")
    print(f"wrote {SHIPPED}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
