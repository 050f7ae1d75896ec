"""Make text from documents, file names and packs safe to print where a program reads it.

A terminal acts on control characters (ESC starts colour, cursor and title sequences; OSC
8 makes links), and a CI runner acts on lines that start with '::' (GitHub workflow
commands such as ::stop-commands:: or ::add-mask::) or hold '##[' (the older syntax). A
document under review controls its own text and, through its file name, part of every
finding line. So every field taken from outside stratlint is passed through here before it
reaches a console, and the output formats that are data (JSON, SARIF, XML) escape the same
characters in their own syntax, which leaves the data itself unchanged.
"""
from __future__ import annotations

import re
from functools import lru_cache

# C0 and C1 controls and DEL, plus the invisible bidirectional overrides and isolates that
# make a line display differently from what it holds ("Trojan Source").
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Invisible, and breaks the two-character sequences a runner looks for.
_BREAK = "\u200b"
_COMMAND_START = re.compile(r"^(\s*):(?=:)")


def _visible(match: re.Match) -> str:
    char = match.group(0)
    if char == "\t":
        return " "   # one column, as a tab's marker column is counted
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def controls(text: str, keep_newlines: bool = False) -> str:
    """Control characters shown as visible escapes such as \\x1b; newlines too, unless the
    caller encodes them itself (a GitHub annotation's %0A)."""
    if keep_newlines:
        return CONTROL.sub(lambda m: "\n" if m.group(0) == "\n" else _visible(m), text)
    return CONTROL.sub(_visible, text)


def commands(text: str) -> str:
    """No '::' at the start and no '##[' anywhere, so a runner never takes it as a command."""
    return _COMMAND_START.sub(r"\1:" + _BREAK, text.replace("##[", "#" + _BREAK + "#["))


def field(text, keep_newlines: bool = False) -> str:
    """One field of a console line (a path, a message, a source line): printable as is."""
    return commands(controls(str(text), keep_newlines))


def lines(text: str) -> str:
    """A whole text for a console, line by line (a report printed to standard output)."""
    return "\n".join(field(line) for line in text.split("\n"))


def short(text, limit: int = 80) -> str:
    """At most `limit` characters of outside text, escaped, for an error message."""
    text = field(text)
    return text if len(text) <= limit else text[:limit - 3] + "..."


# Serialised data formats: characters that the escaping above would change, re-spelt in the
# format's own escape syntax so a parser still reads exactly the same data. Compiled on first
# use: a run writes one format at most.
@lru_cache(maxsize=1)
def _json_risky() -> re.Pattern:
    return re.compile("##\\[|[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@lru_cache(maxsize=1)
def _xml_risky() -> re.Pattern:
    return re.compile("##\\[|^(\\s*):|[\t\r\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]",
                      re.MULTILINE)


def json_text(text: str) -> str:
    """JSON already escapes C0 controls; this adds DEL, C1, bidi controls and '##['."""
    return _json_risky().sub(lambda m: "#\\u0023[" if m.group(0) == "##[" else
                           f"\\u{ord(m.group(0)):04x}", text)


def xml_text(text: str) -> str:
    """The same for XML, with character references; also tabs and carriage returns (which
    XML keeps raw) and a line starting with ':'."""
    def respell(match: re.Match) -> str:
        found = match.group(0)
        if found == "##[":
            return "#&#35;["
        if found.endswith(":"):
            return _xml_risky().sub(respell, match.group(1)) + "&#58;"
        return f"&#x{ord(found):x};"
    return _xml_risky().sub(respell, text)
