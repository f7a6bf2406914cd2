"""The person named just before a quotation speaks it: a he/she that is the subject of
a speech verb ("“…,” he said", "He added: …", "He said the numbers …") goes to the
person of that gender named in the paragraph right before (up to three sentences),
not to one named earlier whom salience or the chain of speakers would prefer:

    Governor Tim Walz defended the budget. “It is balanced,” he said.
    Critics include John Ramsey, a state representative. “The numbers do not add
    up,” he said.                                                   (Ramsey, not Walz)

Precision first: when two people who could be meant are named there and salience
chose neither, or the one named there has no known gender, the he/she stays
unresolved rather than going to the earlier person.
"""

from __future__ import annotations

from typing import Any, Protocol

from dossier.actors.article import Article, Seen
from dossier.actors.cues import BOOK, SUBJECT_DEPS, cues


class Pronoun(Protocol):
    """What this rule reads of :class:`dossier.actors.coref.pronouns.Pronoun`."""

    @property
    def tok(self) -> Any: ...
    @property
    def kind(self) -> str: ...
    @property
    def outside(self) -> bool: ...
    @property
    def closes_quote(self) -> bool: ...

CLOSING_MARKS = ("”", "\"", "''", "’")
# How many sentences of the paragraph before a quotation (or a pronoun that opens one)
# may name the person who speaks it.
WINDOW_SENTENCES = 3


def quote_opening(a: Article, i: int) -> int:
    """The opening mark of the quotation that closes before token ``i`` ("“…,” he
    said": the “), past the comma; -1 when none."""
    doc, quoted = a.doc, a.quoted
    k = i - 1
    while k >= 0 and not quoted[k] and doc[k].text not in CLOSING_MARKS:
        k -= 1  # back to the closing mark (past the comma)
    j = k - 1
    while j >= 0 and quoted[j]:
        j -= 1
    return j


def just_before(a: Article, p: Pronoun) -> tuple[int, int] | None:
    """The tokens where the person a speaking he/she continues would be named: the
    paragraph before the quotation it closes or the pronoun that opens one, up to the
    quotation or the pronoun, at most ``WINDOW_SENTENCES`` sentences ("Critics include
    John Ramsey. His district lost jobs. “…,” he said"; the paragraph before when the
    quotation opens one); None when the pronoun is no speaker (outside quotations, the
    subject of a speech verb)."""
    tok = p.tok
    if (p.kind not in ("male", "female") or not p.outside or tok.dep_ not in SUBJECT_DEPS
            or tok.head.lemma_ not in cues().speech_verbs):
        return None
    toks = a.tokens
    end = quote_opening(a, min(tok.i, tok.head.i)) if p.closes_quote else tok.i
    b = end - 1
    while b >= 0 and toks[b].is_space:
        b -= 1
    if b < 0:
        return None
    lo = toks[b].sent.start
    for _ in range(WINDOW_SENTENCES - 1):
        if lo == 0 or "\n" in a.parsed.text[toks[lo - 1].idx : toks[lo].idx + len(toks[lo].text)]:
            break  # (a paragraph begins)
        lo = a.sentence_floor(lo)
    return lo, end


@BOOK.rule("coref", off=[])
def named_just_before(a: Article, p: Pronoun, seen: list[Seen]) -> list[Seen]:
    """The people (among the candidates ``seen``) named outside quotations in the
    paragraph right before the quotation a speaking he/she closes or opens (up to
    ``WINDOW_SENTENCES``): "Critics include John
    Ramsey, a state representative. “The numbers do not add up,” he said" (Ramsey, the
    object there, not the governor who spoke two sentences before). A possessor is
    no speaker named there ("asked about Kaine's absence")."""
    window = just_before(a, p)
    if window is None:
        return []
    lo, hi = window
    return [s for s in seen if lo <= s.token < hi and not s.quoted
            and s.actor.type == "person" and a.tokens[s.token].dep_ != "poss"]


def recent_person(a: Article, p: Pronoun, best: Seen, seen: list[Seen]) -> Seen | None:
    """``best``, unless the people named just before the quotation are others: the one
    of them of the pronoun's gender, or nobody (None) when two could be meant or the
    one named has no known gender."""
    near = named_just_before(a, p, seen)
    ids = {s.actor.id for s in near}
    if not near or best.actor.id in ids:
        return best
    if len(ids) > 1 or near[0].actor.gender != p.kind:
        return None
    return near[0]
