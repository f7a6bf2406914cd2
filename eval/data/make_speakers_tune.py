"""The articles of the speaker tune set (``speakers_tune.jsonl``), for annotating by hand.

Selection rule (fixed before annotating, the held-out set's rule on the tuning pages):
the 25 English articles among the Scrapinghub pages whose file name starts with 0–7
(``eval/audit.py`` ``tuning_pages()``) with the most double quotation marks (“ ” ")
in their article text. The article text is the one the pipeline makes of the page
(read → clean → segment, no NLP: nothing of Dossier's quote or actor extraction runs
here), as ``eval/quotes_speakers.py`` re-derives it.

    python eval/data/make_speakers_tune.py list            # the selection, one line each
    python eval/data/make_speakers_tune.py show PREFIX     # an article's text, offsets marked
    python eval/data/make_speakers_tune.py marks PREFIX    # its quotation-mark spans
    python eval/data/make_speakers_tune.py check [GOLD]    # the gold's offsets and SHA-1
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from audit import ROOT, tuning_pages  # noqa: E402

GOLD = ROOT / "eval" / "data" / "speakers_tune.jsonl"
N = 25
MARKS = "\u201c\u201d\""


def articles(pages: list[Path]) -> list[dict[str, Any]]:
    """Every article the pipeline makes of the pages (cleaning only), with its page."""
    from dossier.pipeline import run
    from dossier.records import DocumentResult
    from dossier.settings import load_settings
    from dossier.sinks import Sink

    out: list[dict[str, Any]] = []

    class Keep(Sink):
        def write(self, result: DocumentResult) -> None:
            for a in result.articles:
                out.append({"page": Path(a.source).name + ".gz", "article_id": a.id,
                            "language": a.language, "text": a.text,
                            "text_sha1": hashlib.sha1(a.text.encode("utf-8")).hexdigest()})

    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for page in pages:
            path = Path(tmp) / page.name.removesuffix(".gz")
            path.write_bytes(gzip.decompress(page.read_bytes()))
            paths.append(path)
        run(paths, Keep(), load_settings(overrides={"workers": "1", "nlp": False}))
    return out


def selection() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The 25 chosen articles (sorted by page) and the non-English ones skipped above
    the cut."""
    arts = articles(tuning_pages())
    for a in arts:
        a["marks"] = sum(a["text"].count(m) for m in MARKS)
    ranked = sorted(arts, key=lambda a: (-a["marks"], a["page"], a["article_id"]))
    chosen, skipped = [], []
    for a in ranked:
        if len(chosen) == N:
            break
        (chosen if a["language"] == "en" else skipped).append(a)
    return sorted(chosen, key=lambda a: a["page"]), skipped


def mark_spans(text: str) -> list[tuple[int, int]]:
    """Candidate spans between quotation marks (“…” or "…" within a paragraph; a “ left
    open runs to the paragraph's end), the marks and outer white space excluded: a
    list to decide by hand, not a decision."""
    spans = []
    for m in re.finditer(r'\u201c[^\u201c\u201d\n]*\u201d?|"[^"\n]*"', text):
        s, e = m.start() + 1, m.end() - (1 if m.group().endswith(("\u201d", '"'))
                                         and m.end() - m.start() > 1 else 0)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        spans.append((s, e))
    return sorted(spans)


def check(path: Path) -> int:
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    arts = {a["article_id"]: a for a in articles(sorted({tuning_pages()[0].parent / r["page"]
                                                         for r in rows}))}
    bad = 0
    for r in rows:
        a = arts.get(r["article_id"])
        if a is None or a["text_sha1"] != r["text_sha1"]:
            print(f"{r['page']}: article or SHA-1 differs")
            bad += 1
            continue
        t = a["text"]
        for q in r["quotes"]:
            s, e = q["start"], q["end"]
            piece = t[s:e]
            problems = []
            if not piece or piece != piece.strip():
                problems.append("white space at an edge")
            if piece[:1] in MARKS or piece[-1:] in MARKS:
                problems.append("a mark inside")
            before = t[:s].rstrip()[-1:]
            after = t[e:].lstrip()[:1]
            if before not in MARKS and not q.get("note", "").startswith("open"):
                problems.append(f"no mark before ({before!r})")
            if after not in MARKS and "open" not in q.get("note", ""):
                problems.append(f"no mark after ({after!r})")
            if (q["speaker"] == "") != (q["speaker_kind"] == "unknown"):
                problems.append("speaker_kind unknown iff speaker empty")
            if q["speaker_kind"] not in ("person", "org", "unknown"):
                problems.append("bad kind")
            if problems:
                bad += 1
                print(f"{r['page'][:4]} {s}-{e} {'; '.join(problems)}: {piece[:60]!r}")
    n = sum(len(r["quotes"]) for r in rows)
    print(f"{len(rows)} articles, {n} quotes, {bad} problems")
    return 1 if bad else 0


def main(argv: list[str]) -> int:
    cmd = argv[0] if argv else "list"
    if cmd == "check":
        return check(Path(argv[1]) if len(argv) > 1 else GOLD)
    chosen, skipped = selection()
    if cmd == "list":
        for a in chosen:
            print(a["page"][:8], a["article_id"], a["text_sha1"], a["language"], a["marks"],
                  len(a["text"]))
        for a in skipped:
            print("skipped (not English):", a["page"][:8], a["language"], a["marks"])
        return 0
    a = next(a for a in chosen if a["page"].startswith(argv[1]))
    if cmd == "show":
        print(a["page"], a["article_id"], a["text_sha1"])
        print(a["text"])
    elif cmd == "marks":
        for s, e in mark_spans(a["text"]):
            print(s, e, repr(a["text"][max(0, s - 60):s]), "[[", a["text"][s:e], "]]",
                  repr(a["text"][e:e + 60]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
