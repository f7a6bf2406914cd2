"""Every route of the web app is documented in docs/web.md."""

from __future__ import annotations

from pathlib import Path

from fastapi.routing import APIRoute
from starlette.routing import Mount, Route

from dossier.web.app import create_app

DOC = Path(__file__).resolve().parents[2] / "docs" / "web.md"


def _routes(tmp_path: Path) -> list[str]:
    app = create_app(None, tmp_path / "data", tmp_path / "cache")
    out = []
    for r in app.routes:
        if isinstance(r, APIRoute | Route):
            for method in sorted((r.methods or set()) - {"HEAD", "OPTIONS"}):
                out.append(f"`{method} {r.path}`")
        elif isinstance(r, Mount):
            out.append(f"`GET {r.path}/")
    return out


def test_every_route_is_documented(tmp_path: Path) -> None:
    doc = DOC.read_text(encoding="utf-8")
    routes = _routes(tmp_path)
    assert len(routes) >= 12
    missing = [r for r in routes if r not in doc]
    assert not missing, f"document these in docs/web.md: {missing}"


def test_doc_names_every_error_code() -> None:
    doc = DOC.read_text(encoding="utf-8")
    for code in ("not_found", "invalid_parameter", "query_timeout", "busy", "internal",
                 "method_not_allowed", "too_large", "store_unavailable"):
        assert f"`{code}`" in doc, code


def test_serve_is_in_the_readme() -> None:
    readme = (DOC.parents[1] / "README.md").read_text(encoding="utf-8")
    assert "`dossier serve" in readme and "docs/web.md" in readme
