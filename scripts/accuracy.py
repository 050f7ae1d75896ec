#!/usr/bin/env python3
"""Per-rule agreement of stratlint with hand-labelled strategies, and findings density.

    python scripts/accuracy.py                      # tests/corpus (our labelled corpus)
    python scripts/accuracy.py --real               # ../shared/corpus/real (partial excerpts)
    python scripts/accuracy.py --full               # ../shared/corpus/full (whole strategies)
    python scripts/accuracy.py --all                # all three, one after the other
    python scripts/accuracy.py --json               # machine-readable, for the tests

A rule "fires" on a document when it reports at least one finding there. Each document is
checked on its own (so cross-document similarity does not blur the labels). Every label in
a document's `expect` is scored; `disputed` ones (where two reviewers differed) are not.

Balanced agreement of a rule is the mean of its recall on the documents where it should
fire and on those where it should stay quiet (a side with no labels is left out); the
corpus figure is the mean over rules. Density is findings of every rule per 1,000 words.
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
FULL = ROOT.parent / "shared" / "corpus" / "full"


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

    @property
    def quiet_recall(self) -> float | None:
        return self.tn / (self.tn + self.fp) if self.tn + self.fp else None

    @property
    def balanced(self) -> float | None:
        sides = [v for v in (self.recall, self.quiet_recall) if v is not None]
        return sum(sides) / len(sides) if sides else None


def balanced_agreement(tallies: dict[str, Tally]) -> float | None:
    """The mean over rules of each rule's balanced agreement."""
    values = [t.balanced for t in tallies.values() if t.balanced is not None]
    return sum(values) / len(values) if values else None


def median(values: list[float]) -> float | None:
    ordered = sorted(values)
    if not ordered:
        return None
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


TEXT_SUFFIXES = (".md", ".markdown", ".txt", ".text")


def _document(path: Path) -> bool:
    """A strategy stratlint reads (Markdown, text, Word, PDF, ...), not a label file."""
    from stratlint.registry import INPUT_EXTENSIONS

    return path.suffix.lower() in INPUT_EXTENSIONS and not path.name.endswith(".labels.yaml")


def load_labels(corpus: Path) -> dict[Path, dict]:
    """Map each document to its labels: per-file NAME.labels.yaml, or one labels.yaml."""
    documents: dict[Path, dict] = {}
    shared = corpus / "labels.yaml"
    if shared.exists():
        data = yaml.safe_load(shared.read_text(encoding="utf-8"))
        for name, entry in data.items():
            matches = [p for p in corpus.iterdir() if p.stem == name and _document(p)]
            if matches:
                documents[matches[0]] = {"expect": entry["expect"],
                                         "quality": entry.get("overall", ""),
                                         "disputed": set(entry.get("disputed") or ())}
        return documents
    for labels in sorted(corpus.glob("*.labels.yaml")):
        stem = labels.name[: -len(".labels.yaml")]
        matches = [p for p in corpus.iterdir() if p.stem == stem and _document(p)]
        if matches:
            data = yaml.safe_load(labels.read_text(encoding="utf-8"))
            disputed = set(data.get("disputed") or ())
            expect = {rule: value for rule, value in data["expect"].items()
                      if rule not in disputed}
            documents[matches[0]] = {"expect": expect, "quality": data.get("quality", ""),
                                     "disputed": disputed & set(data["expect"])}
    return documents


def measure(corpus: Path, densities: dict[str, float] | None = None
            ) -> tuple[dict[str, Tally], list[str]]:
    """Tally each labelled rule; fill `densities` (document -> findings per 1,000 words)."""
    from stratlint.api import run_paths

    tallies: dict[str, Tally] = {}
    strong_alarms: list[str] = []
    for path, entry in sorted(load_labels(corpus).items()):
        binary = path.suffix.lower() not in TEXT_SUFFIXES
        report = run_paths([path], config={}, keep_documents=binary)
        fired = {f.rule for f in report.findings}
        if densities is not None:
            if binary:   # Word or PDF: the words stratlint read from it
                words = sum(c.analysis.word_count for c in report.documents.values())
            else:
                words = len(path.read_text(encoding="utf-8").split())
            densities[path.stem] = 1000 * len(report.findings) / max(words, 1)
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


def summary(corpus: Path) -> dict:
    """Tallies, strong-document false alarms and densities of one corpus, as plain data."""
    densities: dict[str, float] = {}
    tallies, strong_alarms = measure(corpus, densities)
    return {
        "corpus": str(corpus),
        "documents": len(densities),
        "balanced_agreement": balanced_agreement(tallies),
        "median_findings_per_1000_words": median(list(densities.values())),
        "findings_per_1000_words": densities,
        "rules": {r: {"tp": t.tp, "fp": t.fp, "fn": t.fn, "tn": t.tn,
                      "precision": t.precision, "recall": t.recall,
                      "balanced": t.balanced,
                      "false_alarms": t.false_alarms, "misses": t.misses}
                  for r, t in sorted(tallies.items())},
        "strong_false_alarms": strong_alarms,
    }


def print_summary(result: dict, verbose: bool) -> None:
    print(f"corpus: {result['corpus']}  documents: {result['documents']}")
    print(f"{'rule':32} {'TP':>3} {'FP':>3} {'FN':>3} {'TN':>3} {'prec':>5} {'recall':>6} "
          f"{'bal':>5}")
    for rule, t in result["rules"].items():
        print(f"{rule:32} {t['tp']:3d} {t['fp']:3d} {t['fn']:3d} {t['tn']:3d} "
              f"{_fmt(t['precision']):>5} {_fmt(t['recall']):>6} {_fmt(t['balanced']):>5}")
        if verbose and t["false_alarms"]:
            print(f"    false alarms: {', '.join(t['false_alarms'])}")
        if verbose and t["misses"]:
            print(f"    misses:       {', '.join(t['misses'])}")
    print(f"\nbalanced agreement (mean over rules): {_fmt(result['balanced_agreement'])}")
    print(f"median findings per 1,000 words: {_fmt(result['median_findings_per_1000_words'])}")
    if verbose:
        for name, density in sorted(result["findings_per_1000_words"].items()):
            print(f"    {density:7.1f}  {name}")
    print(f"false alarms on strong documents: {len(result['strong_false_alarms'])}")
    for alarm in result["strong_false_alarms"]:
        print(f"  {alarm}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--real", action="store_true", help="use ../shared/corpus/real")
    parser.add_argument("--full", action="store_true", help="use ../shared/corpus/full")
    parser.add_argument("--all", action="store_true", help="our corpus, then real, then full")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="list misses, false alarms and each document's density")
    args = parser.parse_args(argv)
    if args.all:
        corpora = [CORPUS, REAL, FULL]
    else:
        corpora = [REAL if args.real else FULL if args.full else args.corpus]
    results = []
    for corpus in corpora:
        if not corpus.is_dir():
            print(f"accuracy: no corpus at {corpus}", file=sys.stderr)
            return 2
        results.append(summary(corpus))
    if args.json:
        print(json.dumps(results if args.all else results[0], indent=2))
        return 0
    for number, result in enumerate(results):
        if number:
            print()
        print_summary(result, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
