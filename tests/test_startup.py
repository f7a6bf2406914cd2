"""What a fresh process imports: the commands that need no NLP stay light, and spaCy
comes without its command line (issue 23, start-up)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

HEAVY = ("spacy", "dossier.pipeline", "dossier.analysis", "thinc")


def _modules_after(code: str) -> dict[str, object]:
    """Run code in a fresh interpreter; it prints a JSON object as its last line."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, timeout=120, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


REPORT = "import json, sys; print(json.dumps({m: m in sys.modules for m in %r}))"


@pytest.mark.parametrize("code, heavy", [
    ("import dossier.cli", set()),
    # --help and a store command's module: neither the pipeline nor spaCy
    ("from dossier.cli import main\n"
     "try:\n    main(['--help'])\nexcept SystemExit:\n    pass", set()),
    ("import dossier.store", set()),
    # negative: the worker's side does import them
    ("import dossier.analysis", {"spacy", "dossier.analysis", "thinc"}),
])
def test_light_commands_import_no_nlp(code: str, heavy: set[str]) -> None:
    loaded = _modules_after(code + "\n" + REPORT % (HEAVY,))
    assert {m for m in HEAVY if loaded[m]} == heavy


def test_spacy_comes_without_its_command_line() -> None:
    loaded = _modules_after(
        "import dossier.quickimport as q, sys, json\nq.install()\nimport spacy\n"
        "held = {m: m in sys.modules for m in ('spacy.cli', 'typer', 'weasel')}\n"
        "import spacy.cli\n"  # still there when asked for
        "print(json.dumps({**held, 'download': callable(spacy.cli.download),"
        " 'loader': type(spacy.__spec__.loader).__name__,"
        " 'info': spacy.info.__module__}))")
    assert loaded == {"spacy.cli": False, "typer": False, "weasel": False,
                      "download": True, "loader": "SourceFileLoader",
                      "info": "dossier.quickimport"}


def test_spacy_cli_is_an_attribute_on_demand() -> None:
    loaded = _modules_after(
        "import dossier.quickimport as q, sys, json\nq.install()\nimport spacy\n"
        "print(json.dumps({'cli': spacy.cli.__name__, 'in': 'spacy.cli' in sys.modules,"
        " 'missing': hasattr(spacy, 'no_such_name')}))")
    assert loaded == {"cli": "spacy.cli", "in": True, "missing": False}


def test_importing_dossier_leaves_spacys_import_alone() -> None:
    loaded = _modules_after(
        "import dossier, dossier.analysis, sys, json\n"
        "print(json.dumps({'cli': 'spacy.cli' in sys.modules}))")
    assert loaded == {"cli": True}  # a library user's spaCy is the usual one


def test_entry_points_are_read_grouped() -> None:
    """catalogue's registry lookups read a plain dict of groups (on Python 3.11 the
    environment's grouped entry points came as a dict whose ``select`` chained every
    group at each lookup), holding for every group the entry points its ``select``
    gave before."""
    loaded = _modules_after(
        "import catalogue, json\n"
        "from dossier.parse.loader import entry_points_by_group\n"
        "before = catalogue.AVAILABLE_ENTRY_POINTS\n"
        "groups = {p.group for p in before.select()} if not isinstance(before, dict)"
        " else set(dict.keys(before))\n"
        "names = {g: [p.name for p in before.select(group=g)] for g in groups}\n"
        "entry_points_by_group()\n"
        "after = catalogue.AVAILABLE_ENTRY_POINTS\n"
        "print(json.dumps({'plain': type(after) is dict, 'same': all("
        "[p.name for p in after.get(g, [])] == n for g, n in names.items()),"
        " 'spacy': len(after.get('spacy_factories', [])) == len(names.get("
        "'spacy_factories', [])), 'groups': len(groups)}))")
    assert loaded["plain"] and loaded["same"] and loaded["spacy"] and loaded["groups"] > 0


# what the main process of a run has imported when it forks the NLP worker: the
# worker's start waits for it, so what only reading and cleaning need comes after
AT_FORK = (
    "import json, os, sys\n"
    "def report():\n"
    "    print(json.dumps({m: m in sys.modules for m in %r}), flush=True)\n"
    "    os._exit(0)\n"
    "os.register_at_fork(before=report)\n"
    "from dossier.cli import main\n"
    "main(['extract', '--workers', '1', %r])\n"
)


@pytest.mark.parametrize("module, loaded", [
    ("ftfy", False),  # mojibake repair: reading
    ("dossier.clean.segment", False),
    ("dossier.clean.boilerplate", False),
    ("dossier.clean.paragraphs", False),
    ("dossier.ingest.text", False),
    # the run's own modules are there (the report came at the fork)
    ("dossier.pipeline", True),
    ("dossier.ingest", True),
])
def test_worker_forks_before_reading_imports(tmp_path, module: str, loaded: bool) -> None:
    news = tmp_path / "news.txt"
    news.write_text("The mayor said the bridge would reopen on Monday.\n", encoding="utf-8")
    assert _modules_after(AT_FORK % ((module,), str(news)))[module] is loaded
