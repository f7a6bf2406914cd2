"""How the evaluation scripts report: the figures as JSON on standard output, and in
a file when ``--json`` names one (the saved runs in docs/)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def report(res: dict[str, Any], path: Path | None) -> None:
    """Print ``res`` as JSON, and write it to ``path`` if given."""
    print(json.dumps(res, indent=2))
    if path:
        path.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
