"""The engine must stay a library: importing it must not load Django."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENGINE = ROOT / "provenance" / "engine"


def test_engine_modules_import_no_django() -> None:
    modules = sorted(
        "provenance.engine" + ("" if p.stem == "__init__" else f".{p.stem}")
        for p in ENGINE.glob("*.py")
        if p.stem != "__main__"
    )
    assert "provenance.engine" in modules and len(modules) >= 5
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] == 'django']\n"
        "print(json.dumps(sorted(loaded)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout) == []
