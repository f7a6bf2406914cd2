"""Post-passes over an article's quotes: reports nested inside another quote's
content, and the pronoun sources of reports checked against the quotes around them.
(Continued quotations are attributed as they are found: ``marked.py``.)"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from spacy.tokens import Token

from dossier.data import load_toml
from dossier.quotes.book import BOOK, UNRESOLVED
from dossier.quotes.lexicon import cues
from dossier.quotes.view import ArticleView
from dossier.records import Quote, Speaker


@BOOK.rule("post")
def outer_reports(out: list[Quote]) -> list[Quote]:
    """Reports inside another quote's content are kept only as the same speaker's:
    "The mayor says she promised to rebuild the bridge" is the mayor's saying and her
    promise (two attributions; an attitude inside is one act with the saying:
    :func:`said_within`); "McCallum will outline how
    the constant undercurrent of these actions show why …" is McCallum's alone, not
    also the undercurrent's, and "Sanders attacked Clinton's support for the war" is
    Sanders's account, no record of Clinton's (on PolNeAR train such reports had
    the right source 14–45% of the time; the same speaker's, 86–90%)."""
    def same(a: Speaker | None, b: Speaker | None) -> bool:
        if a is None or b is None:
            return False
        if a.actor_id is not None:
            return a.actor_id == b.actor_id
        return (a.start, a.end) == (b.start, b.end)

    def inside(q: Quote, p: Quote) -> bool:
        return (p is not q and p.start <= q.start and q.end <= p.end
                and (p.start, p.end) != (q.start, q.end)
                and q.cue is not None and p.start <= q.cue.start < p.end)

    return [q for q in out if q.quote_type != "indirect" or all(
        same(q.speaker, p.speaker) and not said_within(q, p) for p in out if inside(q, p))]


@BOOK.rule("post", off=False)
def said_within(q: Quote, outer: Quote) -> bool:
    """An attitude inside the same speaker's report is part of what was said, no record
    of its own: "Bobby Scott said he plans to ramp up fundraising" is one report (the
    saying), not also "to ramp up fundraising" planned (PolNeAR marks the outer report
    only)."""
    return outer.quote_type == "indirect" and outer.act == "speech" and q.act == "belief"


@BOOK.rule("post")
def one_per_act(out: list[Quote]) -> list[Quote]:
    """One record per act of speech: a quotation inside the report of the same cue is
    that report's words, no record of its own ("the Kremlin's press service said the
    bond was at “an unprecedentedly high level” right now" is one quote, not also
    "an unprecedentedly high level"; the report, holding quoted words, is partial)."""
    seen: dict[tuple[int, int, int], Quote] = {}
    for q in out:  # the same words of the same cue twice (a report and a quotation)
        key = (q.start, q.end, q.cue.start if q.cue is not None else -1)
        if key in seen and q.cue is not None:
            if q.quote_type != "indirect":
                seen[key] = replace(seen[key], quote_type=q.quote_type)
            continue
        seen[key] = q
    out = list(seen.values())
    by_cue: dict[int, list[Quote]] = {}
    for q in out:
        if q.cue is not None:
            by_cue.setdefault(q.cue.start, []).append(q)

    def around(q: Quote) -> Quote | None:
        return next((p for p in by_cue[q.cue.start] if p is not q and p.start <= q.start
                     and q.end <= p.end and (p.end - p.start) > (q.end - q.start)),
                    None) if q.cue is not None else None

    gone = {id(q): p for q in out if (p := around(q)) is not None}
    holds = {id(p) for q, p in ((q, gone.get(id(q))) for q in out)
             if p is not None and q.quote_type != "indirect"}
    # (a report that holds quoted words is partial: "warned that the “consequences …”")
    return [replace(q, quote_type="partial") if id(q) in holds and q.quote_type == "indirect"
            else q for q in out if id(q) not in gone]


@BOOK.rule("post")
def quoted_in_report(out: list[Quote]) -> list[Quote]:
    """A few quoted words inside the same speaker's report of another cue are that
    report's words, no record of their own: "The mayor called the plan “reckless” and
    said it would fail" is the report "the plan “reckless”" (partial), not also
    "reckless" by "said" (a quotation of another speaker inside a report stays:
    "The mayor said the governor called it “reckless”")."""
    def same(a: Speaker | None, b: Speaker | None) -> bool:
        return a is not None and b is not None and (
            a.actor_id == b.actor_id if a.actor_id is not None else (a.start, a.end) == (
                b.start, b.end))

    def holder(q: Quote) -> Quote | None:
        return next((p for p in out if p is not q and p.quote_type != "direct"
                     and p.start <= q.start and q.end <= p.end
                     and p.end - p.start > q.end - q.start and same(p.speaker, q.speaker)),
                    None) if q.quote_type == "partial" else None

    held = {id(q): p for q in out if (p := holder(q)) is not None}
    holders = {id(p) for p in held.values()}
    return [replace(q, quote_type="partial") if id(q) in holders else q
            for q in out if id(q) not in held]


_RELATIVE = frozenset(("who", "which", "that", "whom", "whose"))


@BOOK.rule("post")
def nested_pronouns(out: list[Quote], view: ArticleView) -> list[Quote]:
    """Pronoun sources of reports, checked against the quotes around them.

    - "Rubio says he opposes …": a he/she/they inside another report's content is
      that report's source (as PolNeAR marks it), unless the actor stage resolved it
      to someone else the outer source is not; inside quoted speech it is no source
      of a report (the report goes);
    - "Fleming will say President Xi has a “more nuanced” view. … he would not want
      to …": see :func:`third_party`.
    """
    res: list[Quote] = []
    for i, q in enumerate(out):
        sp = q.speaker
        if q.quote_type != "indirect" or sp is None or sp.via != "pronoun":
            res.append(q)
            continue
        pron = view.span_at(sp.start, sp.end)
        if pron is None or len(pron) != 1 or pron[0].lower_ in _RELATIVE:
            res.append(q)  # "states that oppose …": the antecedent speaks
            continue
        # (the reports before are already checked: res; those after as found: out)
        outer = [p for p in (*res, *out[i + 1 :]) if p.speaker is not None
                 and p.start <= sp.start and sp.end <= p.end
                 and p.start <= q.start and q.end <= p.end]
        if outer:
            p = min(outer, key=lambda x: x.end - x.start)
            if p.quote_type != "indirect":
                continue  # a pronoun inside quoted speech: no source of a report
            psp = p.speaker
            assert psp is not None
            if psp.actor_id is None or sp.actor_id in (None, psp.actor_id):
                res.append(replace(q, speaker=psp, about=tuple(
                    a for a in q.about if a != psp.actor_id)))
                continue
        elif third_party(view, q, pron[0], out):
            q = replace(q, speaker=replace(sp, name=pron.text, actor_id=None, qid=None),
                        confidence=min(q.confidence, UNRESOLVED))
        res.append(q)
    return res


@BOOK.rule("post", off=False)
def third_party(view: ArticleView, q: Quote, pron: Token, out: list[Quote]) -> bool:
    """A he/she resolved to the speaker of the report just before, whose content names
    another person, with a cue that is no speech verb, may be someone the speaker
    talks about: "Fleming will say President Xi has a “more nuanced” view. … he would
    not want to …" (its source stays the pronoun, resolved to nobody)."""
    actor = q.speaker.actor_id if q.speaker else None
    if (actor is None or pron.lower_ not in ("he", "she", "him", "her") or q.cue is None
            or q.cue.lemma in cues().verbs):
        return False
    doc = view.doc
    k = pron.sent.start - 1
    while k >= 0 and (doc[k].is_space or doc[k].is_punct):
        k -= 1
    if k < 0:
        return False
    prev = doc[k].sent
    lo, hi = view.start(prev), view.end(prev)
    for p in out:
        if (p.cue is None or not lo <= p.cue.start < hi or p.speaker is None
                or p.speaker.actor_id != actor):
            continue
        for t in view.span_at(p.cue.end, hi, "expand") or ():
            m = view.by_token.get(t.i)
            if m is not None and m.type == "person" and m.actor_id != actor:
                return True
    return False


# A quote's size for calibration, in words: at most SHORT is "short", at most MID
# "mid", longer "long" (on PolNeAR train and dev A a partial quote of at most five
# words was right 0.29 of the time, a longer one 0.81; a report of at most five words
# 0.55, of six to nine 0.68, a longer one 0.77).
SHORT, MID = 5, 9


def profile(q: Quote) -> tuple[str, ...]:
    """A quote's calibration keys, finest first: "indirect.0.75.intent.short" (its
    type, the confidence the rules gave it, for a report the list its cue is in: verb,
    clausal, intent, object, prep, other; and its size: short, mid, long), then
    "indirect.0.75.intent" and "indirect.0.75"; for a direct or partial quote
    "partial.0.90.short" and "partial.0.90"."""
    coarse = f"{q.quote_type}.{q.confidence:.2f}"
    n = len(q.text.split())
    size = "short" if n <= SHORT else "mid" if n <= MID else "long"
    if q.quote_type != "indirect":
        return f"{coarse}.{size}", coarse
    kind = cue_kind(q.cue.lemma if q.cue else "")
    return f"{coarse}.{kind}.{size}", f"{coarse}.{kind}", coarse


def cue_kind(lemma: str) -> str:
    """The list a report's cue is in: verb, clausal, intent, object, prep or other."""
    c = cues()
    return ("verb" if lemma in c.verbs else "clausal" if lemma in c.clausal else
            "intent" if lemma in c.intent else "object" if lemma in c.objects else
            "prep" if lemma in c.preps else "other")


def page_key(q: Quote) -> str:
    """A quote's kind for the page calibration: "direct", "partial", or a report's
    type and the list its cue is in ("indirect.verb", "indirect.intent"); a report of
    a plain speech verb is "indirect.say" ("said", "told": ``plain_cues``)."""
    if q.quote_type != "indirect":
        return q.quote_type
    if q.cue is not None and q.cue.text.lower() in cues().plain:
        return "indirect.say"
    return f"indirect.{cue_kind(q.cue.lemma if q.cue else '')}"


@cache
def _table() -> dict[str, float]:
    return {str(k): float(v) for k, v in load_toml("quote_calibration.toml")[
        "precision"].items()}


@BOOK.rule("post")
def calibrated(out: list[Quote]) -> list[Quote]:
    """Confidence means precision (issue 20): a quote's confidence falls to the measured
    share of strictly right quotes of its profile (:func:`profile`) on PolNeAR train
    and dev half A (right: the content at character Jaccard ≥ 0.5 with a gold one and
    the speaker overlapping its source), from ``data/quote_calibration.toml``
    (``eval/quotes_calibrate.py``, the finest key of the profile the table has); it
    never rises (the rules' caps stand: a source that cannot speak stays at 0.5).
    "The senator plans to resign" (a short report of intent at 0.75: 0.44 right)
    falls to 0.44, below the default floor; so does the partial quote of "The
    mayor called the plan “reckless”" (a short one: 0.29 right)."""
    table = _table()
    res = []
    for q in out:
        conf = next((table[k] for k in profile(q) if k in table), None)
        res.append(q if conf is None or conf >= q.confidence else replace(q, confidence=conf))
    return res


@cache
def _page_table() -> tuple[list[float], dict[str, float]]:
    """The bins' lower edges, and share right / mean confidence of each cell
    ("indirect.verb@0.85", "indirect@0.85") and bin ("0.85")."""
    data = load_toml("quote_page_calibration.toml")
    ratio = {str(k): float(v[0]) / float(v[1]) for k, v in data["bins"].items()}
    ratio |= {str(k): float(v[0]) / float(v[1]) for k, v in data.get("cells", {}).items()}
    return sorted(float(k) for k in data["bins"]), ratio


@BOOK.rule("post")
def page_calibrated(out: list[Quote]) -> list[Quote]:
    """Confidence means precision on real pages too: after :func:`calibrated` (PolNeAR's
    looser standard), a quote's confidence is scaled by the share of fully right quotes
    (speech, speaker and span right by hand) over the mean confidence of its cell on
    the marked tuning pages (``data/quote_page_calibration.toml``, ``eval/audit.py
    fit``): its kind (:func:`page_key`: "indirect.unlinked") in its confidence bin,
    else its type in the bin, else the bin alone (a cell is in the table when it holds
    enough marked quotes and its share stands apart from the rest of its bin's). So
    "The automaker says it will …" at 0.75 is scaled by what reports of unlinked
    speakers there are worth, "Kristi Noem says …" by what those of linked ones are.
    It never rises."""
    edges, ratio = _page_table()
    res = []
    for q in out:
        lo = next((e for e in reversed(edges) if q.confidence >= e), None)
        r = 1.0
        if lo is not None:
            b = f"{lo:.2f}"
            kind = page_key(q)
            r = ratio.get(f"{kind}@{b}", ratio.get(f"{q.quote_type}@{b}", ratio.get(b, 1.0)))
        res.append(q if r >= 1 else replace(q, confidence=round(q.confidence * r, 2)))
    return res
