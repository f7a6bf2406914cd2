"""The analyst's web UI and JSON API (`dossier serve`); see docs/web.md."""
