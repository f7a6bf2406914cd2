"""The rooms of the code and what may import what.

- actors, quotes and events import only the parsed-article layer (``dossier.parse``),
  the records, the data, the gazetteer, the rules, the errors, the cache of
  compiled tables (as the gazetteer does) and the place models are found — never
  each other;
- no module imports a private name (``_x``) from another package;
- no import cycle between modules (imports inside functions included).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "dossier"
STAGES = ("actors", "quotes", "events")
NEUTRAL = ("dossier.parse", "dossier.records", "dossier.data", "dossier.gazetteer",
           "dossier.rules", "dossier.errors", "dossier.cache", "dossier.models")


def _module(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module imported, names taken from it) for every import of a file."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append((node.module, [a.name for a in node.names]))
        elif isinstance(node, ast.Import):
            out.extend((a.name, []) for a in node.names)
    return out


MODULES = {_module(p): p for p in sorted(SRC.rglob("*.py"))}


def _package(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2])


def _resolve(name: str, taken: list[str]) -> list[str]:
    """The dossier modules an import reaches (a name may be a submodule)."""
    out = [f"{name}.{t}" for t in taken if f"{name}.{t}" in MODULES]
    if name in MODULES and len(out) < len(taken) or not taken:
        out.append(name)
    return [m for m in out if m in MODULES]


@pytest.mark.parametrize("stage", STAGES)
def test_stages_import_only_the_neutral_layers(stage: str) -> None:
    wrong = []
    for module, path in MODULES.items():
        if _package(module) != f"dossier.{stage}":
            continue
        for name, _ in _imports(path):
            if name.startswith("dossier") and not name.startswith(
                    (f"dossier.{stage}", *NEUTRAL)):
                wrong.append(f"{module} imports {name}")
    assert not wrong


def test_no_private_name_crosses_a_package() -> None:
    wrong = []
    for module, path in MODULES.items():
        for name, taken in _imports(path):
            if not name.startswith("dossier.") or _package(name) == _package(module):
                continue
            wrong += [f"{module} imports {name}.{t}" for t in taken if t.startswith("_")]
            if any(part.startswith("_") and part != "__init__" for part in name.split(".")):
                wrong.append(f"{module} imports {name}")
    assert not wrong


def test_no_import_cycle() -> None:
    graph = {m: {t for name, taken in _imports(p) if name.startswith("dossier")
                 for t in _resolve(name, taken) if t != m}
             for m, p in MODULES.items()}
    # a package's __init__ re-exporting its own modules is no cycle of the code's rooms
    for m in graph:
        graph[m] = {t for t in graph[m] if not m.startswith(t + ".")}
    cycles = []
    state: dict[str, int] = {}

    def visit(m: str, path: list[str]) -> None:
        state[m] = 1
        for t in sorted(graph[m]):
            if state.get(t) == 1:
                cycles.append(" -> ".join(path[path.index(t):] + [m, t])
                              if t in path else f"{m} -> {t}")
            elif t not in state:
                visit(t, path + [m])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [])
    assert not cycles


# A room a newcomer can read: the NLP stages' modules stay small (issue 17: about 500).
MAX_LINES = 500


@pytest.mark.parametrize("room", [*STAGES, "parse", "gazetteer"])
def test_nlp_modules_stay_small(room: str) -> None:
    long = {m: n for m, p in MODULES.items() if _package(m) == f"dossier.{room}"
            and (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long
