"""What a run checks: one typed Source per file, and reading it into a Document.

Reading never raises: any failure to read or parse becomes a ReadError, which is reported
as a finding on that file instead of stopping the others.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Union

from ..config import Config
from ..document import Document
from ..errors import ReadError
from ..readers import read_bytes, read_file_bytes, read_path, read_text

# A document already read, a read error, a path still to read, or the file's bytes.
Content = Union[Document, ReadError, Path, bytes]


@dataclass(frozen=True)
class Source:
    content: Content
    display: str      # the path as reported in findings
    config: Config    # the configuration that applies to this file

    @classmethod
    def of(cls, item: "Source | tuple") -> "Source":
        """A Source from a Source or a (content, display, config) triple (the older form)."""
        return item if isinstance(item, Source) else cls(*item)


def read(source: Source) -> Document | ReadError:
    """The source's Document, reading its path or parsing its bytes where need be."""
    content = source.content
    if isinstance(content, Path):
        return guarded(read_path, content, source.display, source.config.max_bytes)
    if isinstance(content, bytes):
        return guarded(read_bytes, content, source.display, source.config.max_bytes)
    return content


def with_bytes(source: Source) -> Source:
    """A path's source with the file's bytes (or its read error) in place of the path, so
    the content can be hashed for the results cache and is not read twice."""
    if not isinstance(source.content, Path):
        return source
    content = guarded(read_file_bytes, source.content, source.display,
                      source.config.max_bytes)
    return Source(content, source.display, source.config)


def read_string(text: str, display: str) -> Document | ReadError:
    return guarded(read_text, text, display)


def guarded(read_with, *args):
    """Any failure to read or parse becomes a ReadError (returned): reported, never a
    traceback."""
    try:
        return read_with(*args)
    except ReadError as exc:
        return exc
    except RecursionError:
        return ReadError("structure nested too deeply to parse")
    except Exception as exc:  # a parser bug on odd input must not stop the other files
        return ReadError(f"could not parse ({type(exc).__name__}: {exc})")
