"""Readers turn bytes on disk into a Document; one module per input format.

A reader module has ``read(text: str, path: str) -> Document``, or, for a binary format,
``read(data: bytes, path: str) -> Document``, and raises ReadError with a one-line reason
for a file it cannot read. It is registered in stratlint.registry.INPUT_FORMATS.
"""
from __future__ import annotations

import codecs
import importlib
from pathlib import Path

from ..document import Document
from ..errors import ReadError
from ..registry import FALLBACK_INPUT_FORMAT, INPUT_FORMATS, InputFormat, input_format

# Headings, paragraphs, list items and table cells in one document. The longest real
# strategies have a few hundred; the rules' time grows faster than the count, so a document
# with more is refused in one line rather than checked for minutes.
MAX_BLOCKS = 10_000


def format_for(path: str) -> str:
    """The reader for a file name; unknown extensions are read as plain text."""
    return input_format(Path(path).suffix).name


def _registered(fmt: str) -> InputFormat:
    # A format name the registry does not know is read as plain text, like an unknown suffix.
    return INPUT_FORMATS.get(fmt) or INPUT_FORMATS[FALLBACK_INPUT_FORMAT]


def _is_binary(fmt: str) -> bool:
    return _registered(fmt).binary


def _reader(fmt: str):
    """The read function of a format's module, imported on first use."""
    return importlib.import_module(_registered(fmt).module).read


def decode(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM) or BOM-marked UTF-16; refuse anything else."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ReadError(f"invalid UTF-16 at byte {exc.start}") from None
    if b"\x00" in data[:8192]:
        raise ReadError("binary file (contains NUL bytes), not a text document")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReadError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start});"
                        " save the file as UTF-8") from None


def normalise_newlines(text: str) -> str:
    # One character per line break keeps offsets, lines and columns simple everywhere else.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(text: str, path: str, fmt: str | None = None) -> Document:
    """Build a Document from already-decoded text."""
    fmt = fmt or format_for(path)
    if _is_binary(fmt):
        raise ReadError(f"a .{fmt} document must be read from its file, not as text")
    text = normalise_newlines(text.lstrip("\ufeff"))
    if not text.strip():
        # Like an empty YAML file or a PDF without text: reported, never passed in silence.
        raise ReadError("empty file (nothing but white space); nothing to check")
    read = _reader(fmt)
    try:
        return _within_block_limit(read(text, path))
    except RecursionError:
        # Deeply nested YAML (hundreds of levels of [ or {) that the parser accepts but the
        # tree walks cannot follow: a reason, not a crash.
        raise ReadError("nested too deeply to read (hundreds of levels)") from None


def _within_block_limit(document: Document) -> Document:
    if len(document.blocks) > MAX_BLOCKS:
        raise ReadError(f"too large to check ({len(document.blocks):,} headings, paragraphs, "
                        f"list items and table cells; the limit is {MAX_BLOCKS:,})")
    return document


def read_file_bytes(path: Path, name: str, max_bytes: int | None = None) -> bytes:
    """A file's bytes. Raises ReadError with a one-line reason, including when a text file is
    larger than `max_bytes` (checked before reading, so a huge file costs no memory). Word
    and PDF files are held to the limit by the text in them (see read_bytes): their size on
    disk is mostly pictures."""
    try:
        if max_bytes is not None and not _is_binary(format_for(name)):
            _within_limit(path.stat().st_size, max_bytes, "")
        return path.read_bytes()
    except IsADirectoryError:
        raise ReadError("is a directory") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except FileNotFoundError:
        raise ReadError("no such file") from None
    except OSError as exc:
        raise ReadError(exc.strerror or str(exc)) from None


def _within_limit(size: int, max_bytes: int, what: str) -> None:
    if size > max_bytes:
        raise ReadError(f"too large to check ({what}{_size(size)}; the limit is "
                        f"{max_bytes / 1e6:g} MB, set by max-file-size)")


def _size(count: int) -> str:
    return f"{count / 1e6:.1f} MB" if count >= 1e6 else f"{count / 1e3:.0f} kB"


def read_bytes(data: bytes, name: str, max_bytes: int | None = None) -> Document:
    """Build a Document from a file's bytes; `name` picks the reader."""
    fmt = format_for(name)
    if not _is_binary(fmt):
        return read_text(decode(data), name, fmt)
    document = read_binary(data, name, fmt)
    if max_bytes is not None:
        _within_limit(len(document.text), max_bytes, "text of ")
    return document


def read_path(path: Path, display: str | None = None, max_bytes: int | None = None) -> Document:
    """Read a file from disk. Raises ReadError with a one-line reason."""
    name = display or str(path)
    return read_bytes(read_file_bytes(path, name, max_bytes), name, max_bytes)


def read_binary(data: bytes, path: str, fmt: str | None = None) -> Document:
    """Build a Document from the bytes of a Word (.docx) or PDF file."""
    fmt = fmt or format_for(path)
    if not _is_binary(fmt):
        raise ReadError(f"no binary reader for {fmt} files")
    return _within_block_limit(_reader(fmt)(data, path))
