"""The command line: python -m provenance.engine SOURCE DERIVATIVE [--json]."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from provenance.engine import Comparison, compare

from .seeds import NAMES, SEEDS, seed

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "provenance.engine", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def test_it_prints_a_readable_report() -> None:
    done = run(str(SEEDS / NAMES["001"]), str(SEEDS / NAMES["000"]))
    assert done.returncode == 0, done.stderr
    assert "TRIMMED" in done.stdout and "OMITTED" in done.stdout
    assert "Suella Braverman" in done.stdout
    assert "name_added" in done.stdout


def test_it_prints_json_that_round_trips() -> None:
    done = run(str(SEEDS / NAMES["001"]), str(SEEDS / NAMES["000"]), "--json")
    assert done.returncode == 0, done.stderr
    got = Comparison.from_dict(json.loads(done.stdout))
    assert got == compare(seed("001"), seed("000"))


def test_it_exits_2_on_a_missing_file() -> None:
    done = run("/nonexistent/source.txt", str(SEEDS / NAMES["000"]))
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1
    assert "cannot read /nonexistent/source.txt" in done.stderr


def test_it_exits_2_on_a_binary_file(tmp_path: Path) -> None:
    blob = tmp_path / "blob.bin"
    blob.write_bytes(bytes(range(256)) * 40)
    done = run(str(blob), str(SEEDS / NAMES["000"]))
    assert done.returncode == 2
    assert "binary" in done.stderr and len(done.stderr.strip().splitlines()) == 1
