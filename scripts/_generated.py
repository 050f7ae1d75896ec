"""The shared main of the scripts that write a generated file stratlint ships or documents:
rewrite it, or with --check say whether it is current (the tests run the check)."""
from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(path: Path, text: str, argv: list[str], script: str) -> int:
    if "--check" in argv:
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != text:
            print(f"{path} is out of date: run python scripts/{script}", file=sys.stderr)
            return 1
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}", file=sys.stderr)
    return 0
