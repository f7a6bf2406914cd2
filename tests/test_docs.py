"""Documentation checked by tests: every command and setting is documented."""

from __future__ import annotations

from pathlib import Path

from dossier.cli import main
from dossier.settings import SETTINGS

ROOT = Path(__file__).resolve().parents[1]


def test_every_command_in_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert f"`dossier {name}" in readme, name


def test_readme_opens_with_install_and_test_commands() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    block = lines[lines.index("```sh") + 1 : lines.index("```sh") + 3]
    assert "dossier ingest examples/huffpost-china-dump.txt" in block[0]
    assert block[1].endswith("pytest")
    assert block[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_setting_in_the_segmentation_or_settings_help() -> None:
    # `dossier settings` prints the table; docs point to it. Each setting has help.
    for s in SETTINGS:
        assert len(s.help) > 20, s.name


def test_demo_is_bundled() -> None:
    assert (ROOT / "examples" / "huffpost-china-dump.txt").stat().st_size > 25_000


def test_settings_doc_is_generated_from_the_table() -> None:
    from dossier.settings import settings_markdown

    assert (ROOT / "docs" / "settings.md").read_text(encoding="utf-8") == settings_markdown(), (
        "regenerate: python -c 'from dossier.settings import settings_markdown as m; "
        "open(\"docs/settings.md\", \"w\").write(m())'")
