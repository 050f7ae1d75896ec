#!/usr/bin/env python3
"""Write docs/rules.md from the built-in rule pack (tests fail when it is out of date).

    python scripts/gen_rules_doc.py          # rewrite docs/rules.md
    python scripts/gen_rules_doc.py --check  # exit 1 if docs/rules.md is stale
"""
from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "docs" / "rules.md"


def render_all() -> str:
    from stratlint.explain import render
    from stratlint.packs import load_rules

    rules = sorted(load_rules(include_plugins=False).values(), key=lambda r: r.code)
    lines = ["# stratlint rules", "",
             "Generated from `rules/guide/` by `python scripts/gen_rules_doc.py`; do not edit.",
             "", "| code | rule | severity | summary |", "|---|---|---|---|"]
    for rule in rules:
        lines.append(f"| {rule.code} | [{rule.name}](#{rule.name}-{rule.code.lower()}) | "
                     f"{rule.severity} | {rule.summary} |")
    lines.append("")
    for rule in rules:
        lines.append(render(rule, markdown=True))
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str]) -> int:
    text = render_all()
    if "--check" in argv:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print("docs/rules.md is out of date: run python scripts/gen_rules_doc.py",
                  file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
