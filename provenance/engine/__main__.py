"""Command line: python -m provenance.engine SOURCE DERIVATIVE [--json]."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from provenance.engine.compare import compare
from provenance.engine.report import render


def _read(path: str) -> str:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ValueError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return data.decode("utf-8-sig", errors="replace")


def main(argv: list[str] | None = None) -> int:
    """Compare two text files and print a report (or JSON with --json)."""
    parser = argparse.ArgumentParser(
        prog="python -m provenance.engine",
        description="Show how a derivative text reuses a source text.",
    )
    parser.add_argument("source", help="the source text file (e.g. a press release)")
    parser.add_argument("derivative", help="the derivative text file (e.g. an article)")
    parser.add_argument("--json", action="store_true", help="print the comparison as JSON")
    args = parser.parse_args(argv)
    try:
        source = _read(args.source)
        derivative = _read(args.derivative)
        result = compare(source, derivative)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
    else:
        print(render(result, source, derivative))
    return 0


if __name__ == "__main__":
    sys.exit(main())
