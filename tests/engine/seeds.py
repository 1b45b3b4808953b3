"""Load the seed documents (demo/seeds) for engine tests."""

from __future__ import annotations

from functools import cache
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "demo" / "seeds"
NAMES = {
    "000": "000_2c9eaf67016cf026.txt",
    "001": "001_5d387909d68261b9.txt",
    "002": "002_c02e5e3545120daa.txt",
    "003": "003_d7597f6b630a0b9b.txt",
    "004": "004_88aefc820e161e60.txt",
}


@cache
def seed(number: str) -> str:
    return (SEEDS / NAMES[number]).read_text(encoding="utf-8")
