"""Run Graphviz `dot` on DOT text we wrote, and keep the SVG it draws.

`dot` runs as a plain subprocess (no shell) with a time limit; the caller gets the
SVG or a `DotError` that says in words why there is no picture. The sanitised
result is cached per DOT text, so a page shown again does not lay it out again.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from collections.abc import Callable

from django.core.cache import cache

DOT_TIMEOUT = 15  # seconds; 60 nodes take well under one
CACHE_SECONDS = 24 * 3600
VERSION = "1"  # of what `finish` makes of dot's SVG: bump it when the sanitiser changes


class DotError(RuntimeError):
    """No SVG: `dot` is missing, too slow or refused the input."""


def dot_command() -> str | None:
    return shutil.which("dot")


def run_dot(dot_text: str) -> bytes:
    """The SVG `dot` draws for the text."""
    command = dot_command()
    if command is None:
        raise DotError("Graphviz (the dot command) is not installed on this server.")
    try:
        done = subprocess.run(  # noqa: S603 - a fixed command, our DOT text on stdin
            [command, "-Tsvg"],
            input=dot_text.encode(),
            capture_output=True,
            timeout=DOT_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise DotError("Graphviz took too long to lay this graph out.") from error
    except OSError as error:
        raise DotError(f"Graphviz could not be run: {error.strerror}.") from error
    if done.returncode != 0 or not done.stdout:
        message = done.stderr.decode(errors="replace").strip().splitlines()[:1]
        raise DotError(f"Graphviz could not draw this graph ({' '.join(message) or 'no output'}).")
    return done.stdout


def cached_svg(dot_text: str, finish: Callable[[bytes], str], also: str = "") -> str:
    """`finish(run_dot(dot_text))`, kept per DOT text and whatever else `finish` uses (`also`)."""
    digest = hashlib.sha256(f"{VERSION}\0{dot_text}\0{also}".encode()).hexdigest()
    key = f"discovery:graph-svg:{digest}"
    svg = cache.get(key)
    if not isinstance(svg, str):
        svg = finish(run_dot(dot_text))
        cache.set(key, svg, CACHE_SECONDS)
    return svg
