#!/usr/bin/env python
"""Coverage-guided fuzzing of stratlint's readers with atheris.

atheris is not a stratlint dependency. Install it into the same environment as stratlint:

    pip install atheris          # needs a CPython build with a matching libFuzzer; see
                                 # https://github.com/google/atheris if the wheel is missing

Run one target for a bounded time (seconds):

    python fuzz/fuzz_readers.py markdown -max_total_time=600
    python fuzz/fuzz_readers.py yaml fuzz/corpus/yaml -max_total_time=600

or every target in turn, each with its own corpus under fuzz/corpus/ and artefacts under
fuzz/artefacts/ (two lanes side by side use both cores):

    fuzz/run_all.sh 600 markdown yaml & fuzz/run_all.sh 600 front-matter text decode

Targets: decode, markdown, text, front-matter, yaml, html. What stratlint writes and prints
(GitHub and text formats, baseline, results cache, report files) is fuzzed by
fuzz/fuzz_outputs.py. Any other arguments are passed to
libFuzzer (a corpus folder, -max_len, -timeout, -runs, ...). Each target asserts one thing:
the reader raises nothing but ReadError (or YamlError where YAML is parsed directly). A crash
is written as crash-<hash> in the current folder; reproduce it with

    python fuzz/fuzz_readers.py <target> crash-<hash>

and keep it as a test in tests/test_fuzz_regressions.py. Artefacts are git-ignored
(fuzz/.gitignore).
"""
from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import markdown_it  # noqa: F401 - instrumented for coverage
    import yaml  # noqa: F401
    from stratlint.safety import yaml_loader
    from stratlint.errors import ReadError
    from stratlint.readers import common, decode, read_text
    from stratlint.readers import html as _html  # noqa: F401
    from stratlint.readers import markdown as _md  # noqa: F401
    from stratlint.readers import plaintext as _txt  # noqa: F401
    from stratlint.readers import structured as _yaml  # noqa: F401

# Deep nesting and huge inputs are tested elsewhere (tests/test_bad_input.py); here inputs
# are small so the fuzzer explores structure rather than size.
MAX_LEN = 4096
EXPECTED = (ReadError, yaml_loader.YamlError)


def _text(data: bytes) -> str:
    return atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(MAX_LEN)


def fuzz_decode(data: bytes) -> None:
    try:
        text = decode(data)
    except ReadError:
        return
    assert isinstance(text, str)


def _reader(fmt: str, path: str):
    def target(data: bytes) -> None:
        try:
            document = read_text(_text(data), path, fmt)
        except ReadError:
            return
        # The reader's invariant: every block lies inside the text.
        for block in document.blocks:
            assert 0 <= block.start <= len(document.text), (block, len(document.text))
    return target


def fuzz_front_matter(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    body = provider.ConsumeUnicodeNoSurrogates(MAX_LEN)
    # Straight into the parser, and through the Markdown reader as a front matter block.
    try:
        common.parse_front_matter(body, 2)
    except EXPECTED:
        pass
    try:
        read_text(f"---\n{body}\n---\n# Title\n\nText.\n", "x.md", "markdown")
    except ReadError:
        pass


TARGETS = {
    "decode": fuzz_decode,
    "markdown": _reader("markdown", "x.md"),
    "text": _reader("text", "x.txt"),
    "front-matter": fuzz_front_matter,
    "yaml": _reader("yaml", "x.yaml"),
    "html": _reader("html", "x.html"),
}


def main(argv: list[str]) -> None:
    if len(argv) < 2 or argv[1] not in TARGETS:
        sys.exit(f"usage: {argv[0]} {{{','.join(TARGETS)}}} [libFuzzer options, e.g. "
                 "-max_total_time=600] [corpus folder]")
    target = TARGETS[argv[1]]
    atheris.Setup([argv[0]] + argv[2:], target)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
