#!/usr/bin/env python3
"""Per-rule precision and recall of stratlint against hand-labelled strategies.

    python scripts/accuracy.py                      # tests/corpus (our labelled corpus)
    python scripts/accuracy.py --real               # ../shared/corpus/real (public strategies)
    python scripts/accuracy.py --json               # machine-readable, for the tests

A rule "fires" on a document when it reports at least one finding there. Each document is
checked on its own (so cross-document similarity does not blur the labels).
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
REAL = ROOT.parent / "shared" / "corpus" / "real"


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    false_alarms: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


def load_labels(corpus: Path) -> dict[Path, dict]:
    """Map each document to its labels: per-file NAME.labels.yaml, or one labels.yaml."""
    documents: dict[Path, dict] = {}
    shared = corpus / "labels.yaml"
    if shared.exists():
        data = yaml.safe_load(shared.read_text(encoding="utf-8"))
        for name, entry in data.items():
            matches = [p for p in corpus.iterdir() if p.stem == name and p.suffix in (".md", ".txt")]
            if matches:
                documents[matches[0]] = {"expect": entry["expect"],
                                         "quality": entry.get("overall", "")}
        return documents
    for labels in sorted(corpus.glob("*.labels.yaml")):
        stem = labels.name[: -len(".labels.yaml")]
        matches = [p for p in corpus.iterdir() if p.stem == stem and p.suffix in (".md", ".txt")]
        if matches:
            data = yaml.safe_load(labels.read_text(encoding="utf-8"))
            documents[matches[0]] = {"expect": data["expect"], "quality": data.get("quality", "")}
    return documents


def measure(corpus: Path) -> tuple[dict[str, Tally], list[str]]:
    from stratlint.api import run_paths

    tallies: dict[str, Tally] = {}
    strong_alarms: list[str] = []
    for path, entry in sorted(load_labels(corpus).items()):
        report = run_paths([path], config={})
        fired = {f.rule for f in report.findings}
        for rule, expected in sorted(entry["expect"].items()):
            tally = tallies.setdefault(rule, Tally())
            got = rule in fired
            if expected and got:
                tally.tp += 1
            elif expected:
                tally.fn += 1
                tally.misses.append(path.stem)
            elif got:
                tally.fp += 1
                tally.false_alarms.append(path.stem)
                if entry["quality"] in ("strong", "good"):
                    strong_alarms.append(f"{path.stem}: {rule}")
            else:
                tally.tn += 1
    return tallies, strong_alarms


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.2f}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--real", action="store_true", help="use ../shared/corpus/real")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--verbose", "-v", action="store_true", help="list misses and false alarms")
    args = parser.parse_args(argv)
    corpus = REAL if args.real else args.corpus
    if not corpus.is_dir():
        print(f"accuracy: no corpus at {corpus}", file=sys.stderr)
        return 2
    tallies, strong_alarms = measure(corpus)
    if args.json:
        print(json.dumps({
            "rules": {r: {"tp": t.tp, "fp": t.fp, "fn": t.fn, "tn": t.tn,
                          "precision": t.precision, "recall": t.recall,
                          "false_alarms": t.false_alarms, "misses": t.misses}
                      for r, t in sorted(tallies.items())},
            "strong_false_alarms": strong_alarms,
        }, indent=2))
        return 0
    print(f"corpus: {corpus}  documents: {len(load_labels(corpus))}")
    print(f"{'rule':32} {'TP':>3} {'FP':>3} {'FN':>3} {'TN':>3} {'prec':>5} {'recall':>6}")
    for rule, t in sorted(tallies.items()):
        print(f"{rule:32} {t.tp:3d} {t.fp:3d} {t.fn:3d} {t.tn:3d} {_fmt(t.precision):>5} "
              f"{_fmt(t.recall):>6}")
        if args.verbose and (t.false_alarms or t.misses):
            if t.false_alarms:
                print(f"    false alarms: {', '.join(t.false_alarms)}")
            if t.misses:
                print(f"    misses:       {', '.join(t.misses)}")
    print(f"\nfalse alarms on strong documents: {len(strong_alarms)}")
    for alarm in strong_alarms:
        print(f"  {alarm}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
