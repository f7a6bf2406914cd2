"""Find the paragraphs of a text dump that are not article text, with a reason.

Ad markers, consent/cookie notices, the chrome of embedded posts and the echo of an
embedded post that repeats a quote already in the article. Word lists and thresholds
live in ``data/boilerplate.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

from dossier.data import load_toml
from dossier.records import Span

_WORD = re.compile(r"[\w'’]+")
# the one letter whose lowercase has more characters than it has ("İ" is "i" and a
# combining dot, which is no word character): see words()
_LONGER_LOWER = "\u0130"
_THREAD_NUMBER = re.compile(r"^\s*\d{1,2}/\d{0,2}\s*")
_EDGE_PUNCT = " \t\"'“”‘’.,:;!?()[]{}—–-*•|"


@dataclass(frozen=True)
class _Rules:
    ad_exact: frozenset[str]
    chrome: re.Pattern[str]
    strong: re.Pattern[str]
    weak: re.Pattern[str]
    reader: re.Pattern[str]
    sandwich_max_words: int
    consent_max_words: int
    sandwich_max_gap: int
    echo_min_words: int
    echo_window: int
    echo_min_share: float


def _phrases_re(phrases: list[str]) -> re.Pattern[str]:
    """One regex for a word list: whole phrases, longest first, case-insensitive."""
    alts = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + alts + r")(?!\w)", re.IGNORECASE)


@cache
def rules() -> _Rules:
    d = load_toml("boilerplate.toml")
    c, e = d["consent"], d["embed_echo"]
    return _Rules(
        ad_exact=frozenset(s.lower() for s in d["ad_marker"]["exact"]),
        # one regex for the list: a paragraph is searched once, not once a pattern
        chrome=re.compile("|".join(f"(?:{p})" for p in d["embed_chrome"]["patterns"]),
                          re.IGNORECASE),
        strong=_phrases_re(c["strong"]),
        weak=_phrases_re(c["weak"]),
        reader=re.compile(
            r"(?<!\w)(" + "|".join(re.escape(w) for w in c["reader_address"]) + r")(?!\w)",
            re.IGNORECASE,
        ),
        sandwich_max_words=int(c["sandwich_max_words"]),
        consent_max_words=int(c["max_words"]),
        sandwich_max_gap=int(c["sandwich_max_gap"]),
        echo_min_words=int(e["min_words"]),
        echo_window=int(e["window"]),
        echo_min_share=float(e["min_share"]),
    )


def words(text: str) -> list[str]:
    """The words of ``text``, lowercased, with ’ as '. The text is lowercased whole
    (one call, not one a word) unless it holds a letter whose lowercase is longer
    than itself ("İ"), which could split a word."""
    text = text.replace("’", "'")
    if _LONGER_LOWER not in text:
        return _WORD.findall(text.lower())
    return [w.lower() for w in _WORD.findall(text)]


def _consent_score(text: str, r: _Rules) -> tuple[int, int]:
    """(strong, weak) consent phrases found; a weak phrase inside a strong one
    ("partners" in "our partners") is not counted twice."""
    strong_hits = {m.group().lower() for m in r.strong.finditer(text)}
    if not strong_hits:
        return 0, 0
    weak = {m.group().lower() for m in r.weak.finditer(text)}
    weak = {w for w in weak if not any(w in s for s in strong_hits)}
    return len(strong_hits), len(weak)


def classify(text: str, spans: list[Span]) -> list[str | None]:
    """A drop reason for each paragraph span, or None for article text."""
    r = rules()
    reasons: list[str | None] = [None] * len(spans)
    paras = [text[s.start : s.end] for s in spans]

    for i, p in enumerate(paras):
        bare = p.strip(_EDGE_PUNCT).lower()
        if bare in r.ad_exact:
            reasons[i] = "ad-marker"
        elif r.chrome.search(p.strip()):
            reasons[i] = "embed-chrome"

    # Consent notices: reader-addressed paragraphs with consent vocabulary ...
    scores = [_consent_score(p, r) if len(p) < 20 * r.consent_max_words
              and len(words(p)) <= r.consent_max_words else (0, 0) for p in paras]
    consent = [
        reasons[i] is None and s >= 1 and s + w >= 2 and bool(r.reader.search(paras[i]))
        for i, (s, w) in enumerate(scores)
    ]
    # ... and the short lines between two of them (the bullets of a consent dialog).
    marked = [i for i, c in enumerate(consent) if c]
    for a, b in zip(marked, marked[1:], strict=False):
        if 1 < b - a <= r.sandwich_max_gap + 1:
            for j in range(a + 1, b):
                if reasons[j] is None and len(words(paras[j])) <= r.sandwich_max_words:
                    consent[j] = True
    # A neighbour of the notice with consent vocabulary but no reader address
    # ("Click 'Learn more' to ... how our partners use data") belongs to it too.
    changed = True
    while changed:
        changed = False
        for i, (s, w) in enumerate(scores):
            near = (i > 0 and consent[i - 1]) or (i + 1 < len(consent) and consent[i + 1])
            if not consent[i] and reasons[i] is None and near and s >= 1 and s + w >= 2:
                consent[i] = changed = True
    for i, c in enumerate(consent):
        if c:
            reasons[i] = "consent-notice"

    _mark_echoes(paras, reasons, r)
    return reasons


_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def _quoted_words(p: str) -> set[int]:
    """Indices of the words of ``p`` that stand inside quotation marks."""
    inside: set[int] = set()
    spans = [m.span() for m in _QUOTED.finditer(p)]
    for k, m in enumerate(_WORD.finditer(p)):
        if any(a <= m.start() < b for a, b in spans):
            inside.add(k)
    return inside


def _mark_echoes(paras: list[str], reasons: list[str | None], r: _Rules) -> None:
    """Mark a paragraph that repeats a quotation of a nearby paragraph.

    An embedded post that repeats what the article quotes ("1/ China and the ...")
    is an ``embed-echo``; a paragraph that is wholly a quotation of nearby prose is a
    ``pull-quote``. Repeated prose that is neither is kept: it may be real text.
    """
    toks = [words(_THREAD_NUMBER.sub("", p)) for p in paras]
    sets = [set(t) for t in toks]
    for i, t in enumerate(toks):
        if reasons[i] is not None or len(t) < r.echo_min_words:
            continue
        whole_quote = bool(re.fullmatch(r"\s*[“\"][^“”\"]+[”\"]\s*", paras[i]))
        lo, hi = max(0, i - r.echo_window), min(len(paras), i + r.echo_window + 1)
        need = r.echo_min_share * len(t)
        tset = sets[i]
        for j in range(lo, hi):
            if j == i or reasons[j] is not None or len(toks[j]) <= len(t):
                continue
            if sum(1 for w in tset if w in sets[j]) < need * len(tset) / len(t):
                continue  # cannot hold the words in order if it lacks them at all
            m = SequenceMatcher(None, t, toks[j], autojunk=False).find_longest_match(
                0, len(t), 0, len(toks[j])
            )
            if m.size < r.echo_min_share * len(t):
                continue
            quoted = _quoted_words(paras[j])
            if sum(1 for k in range(m.b, m.b + m.size) if k in quoted) >= 0.8 * m.size:
                reasons[i] = "embed-echo"
                break
            if whole_quote:
                reasons[i] = "pull-quote"
                break
