"""Strings as we store them: no control characters, whatever the file or form held.

A control character (an escape, a NUL, a bell) is never part of what a writer meant,
and in a title it breaks whatever is built from it later: XML and SVG forbid most of
them, terminals act on them. Ingest passes every stored string through here.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, lone surrogates and the two non-characters XML refuses.
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
_IN_TEXT = re.compile(f"[{_CONTROLS}]")
_IN_LINE = re.compile(f"[{_CONTROLS}\t\n\r\u2028\u2029]")
_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})


def clean_text(text: str) -> str:
    """A body of text with its controls dropped; tabs and line breaks stay (form feeds and
    vertical tabs become line breaks, as they separated something)."""
    return _IN_TEXT.sub("", text.translate(_BREAKS))


def clean_line(value: str) -> str:
    """A one-line value (a title, a name) with controls dropped and its spaces collapsed."""
    return " ".join(_IN_LINE.sub(" ", value).split())
