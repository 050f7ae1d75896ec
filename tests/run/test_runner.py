"""The runner: the same FileResults, in the order of the sources, whatever the processes."""
from __future__ import annotations

from pathlib import Path

from stratlint.run import processes
from stratlint.config import Config
from stratlint.document import Document
from stratlint.errors import ReadError
from stratlint.run.rulebook import RuleBook
from stratlint.run.sources import Source

ROOT = Path(__file__).resolve().parents[2]


def sources() -> list[Source]:
    config = Config()
    found = [Source(path, path.name, config)
             for path in sorted((ROOT / "tests" / "corpus").glob("*.md"))[:5]]
    found.insert(2, Source(ROOT / "no-such-file.md", "no-such-file.md", config))
    found.append(Source(b"# Plan\n\nWe will leverage data.\n", "piped.md", config))
    return found


def outcome(results) -> list:
    return [(r.document.path if isinstance(r.document, Document) else str(r.document),
             r.findings, r.errors, r.summaries) for r in results]


def test_one_process_and_two_give_the_same_results_in_order():
    book = RuleBook()
    given = sources()
    progress: list[tuple[int, int]] = []
    alone = processes.check_files(given, book, jobs=1, progress=lambda *done: progress.append(done))
    shared = processes.check_files(given, book, jobs=2)
    assert outcome(alone) == outcome(shared)
    assert [r.document.path for r in alone if isinstance(r.document, Document)] == \
        [s.display for s in given if s.display != "no-such-file.md"]
    assert isinstance(alone[2].document, ReadError)
    assert sum(len(r.findings) for r in alone) > 20
    assert all("cookie-cutter" in r.summaries for r in alone if isinstance(r.document, Document))
    assert progress == [(done, len(given)) for done in range(1, len(given) + 1)]


def test_workers_ship_back_the_document_without_its_parse_unless_asked():
    book = RuleBook()
    given = sources()[:2]
    assert all(r.document.blocks == () for r in processes.check_files(given, book, jobs=2))
    kept = processes.check_files(given, book, jobs=2, keep_documents=True)
    assert all(r.document.blocks for r in kept)


def test_a_large_documents_rules_shared_out_give_the_same_result(monkeypatch):
    book = RuleBook()
    source = Source(ROOT / "examples" / "weak-hillcrest-trust.md", "weak.md", Config())
    alone = processes.check_file(source, book, rule_jobs=1)
    monkeypatch.setattr(processes, "SHARE_RULES_FROM", 1000)   # the example counts as large
    shared = processes.check_file(source, book, rule_jobs=2)
    assert outcome([shared]) == outcome([alone])
    assert len(alone.findings) > 50


def test_default_jobs_are_one_for_a_handful_of_files():
    assert processes.default_jobs(1) == processes.default_jobs(3) == 1
    assert 1 <= processes.default_jobs(200) <= 200
