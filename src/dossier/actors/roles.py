"""Role descriptions: "the Russian president", "the former prime minister", "the
GOP nominee", "the head of Britain's GCHQ spy agency", resolved by the article's
date and the people already in the story; "the country", "the Republican", "her
successor".

Each ``link_*`` pass takes the article and a token index and returns where the
reading goes on when it linked something there, else None.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.attrs import LOWER
from spacy.tokens import Span, Token

from dossier.actors.article import Article, Seen
from dossier.actors.bodies import state_code
from dossier.actors.cues import BOOK, cues
from dossier.actors.mentions import emit
from dossier.gazetteer import Actor, Gazetteer
from dossier.parse.texts import span_text
from dossier.parse.tree import children

RoleKey = tuple[str, str, str]  # (role, org_id, country) of a role title

# How many words before a role title its description may start ("the former Russian
# prime minister").
ROLE_CONTEXT_WORDS = 5
# How many adjectives may stand between a name and the role it modifies ("the GOP
# presidential nominee").
ROLE_OVER_ADJECTIVES = 2
# "<noun> of <organisation>": the "of" phrase may hold this many tokens ("the head of
# Britain's GCHQ spy agency"), the organisation's name up to this many.
ORG_PHRASE_TOKENS = 6
ORG_NAME_TOKENS = 4
# A state's name after "of" holds at most this many tokens ("the United Arab Emirates").
STATE_NAME_TOKENS = 4


# -- what the role titles match ----------------------------------------------------------
@BOOK.rule("roles", off={})
def org_phrase_roles(a: Article) -> dict[int, tuple[Span, list[RoleKey]]]:
    """Roles the title list has as "<noun> of <organisation>" ("head of GCHQ") written
    with more words around the organisation's name: "the head of Britain's GCHQ spy
    agency", "the director of the US FBI" (not "the head of the GCHQ canteen": the
    phrase is headed by the name or an org_nouns word). Keyed by the noun's index: the
    span (noun to the end of the "of" phrase) and the role keys."""
    g, doc = a.g, a.doc
    nouns = role_nouns(g)
    out: dict[int, tuple[Span, list[RoleKey]]] = {}
    for i in a.parsed.where(LOWER, nouns):
        t = a.parsed.tokens[i]
        if t.i in a.roles_at or t.pos_ != "NOUN":
            continue
        of = next((c for c in children(t) if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in children(of) if c.dep_ == "pobj"), None) if of else None
        if obj is None:
            continue
        lo, hi = obj.left_edge.i, obj.right_edge.i + 1
        if hi - lo > ORG_PHRASE_TOKENS or "\n" in doc[t.i : hi].text:
            continue
        generic = obj.lemma_.lower() in cues().org_nouns  # "… GCHQ spy agency"
        for n in range(ORG_NAME_TOKENS, 0, -1):
            keys = [k for s in range(lo, hi - n + 1)
                    if generic or s <= obj.i < s + n  # the name heads the phrase
                    for k in g.role_titles.get(f"{t.lower_} of {doc[s : s + n].text.lower()}", [])
                    if any(x.type == "org" for x in g.by_name(doc[s : s + n].text))]
            if keys:
                out[t.i] = (Span(doc, t.i, hi), keys)
                break
    return out


@cache
def role_nouns(g: Gazetteer) -> frozenset[str]:
    """The one-word nouns of the "<noun> of <organisation>" role titles ("head",
    "director", "chief")."""
    return frozenset(t.split(" of ")[0] for t in g.role_titles
                     if " of " in t and " " not in t.split(" of ")[0])


# -- role descriptions --------------------------------------------------------------------
@BOOK.rule("roles", off=None)
def link_role_over_name(a: Article, tok: Token) -> int | None:
    """A role description that takes in a name match: one starting with it and longer
    ("MI5 chief"), or one it modifies ("the GOP nominee", "the Labour leader", "the US
    president"): the role, not the party or country."""
    i = tok.i
    span = a.names_at.get(i)
    if span is None:
        return None
    role = a.roles_at.get(span.start)
    if role is None or role.end <= span.end:
        if cues().parties.get(a.tokens[span.end - 1].lower_) is None \
                and state_code(a.g, span_text(span)) is None:
            return None  # neither "the GOP nominee" nor "the US president"
        k = span.end + possessor_of_office(a, span.end)
        while k not in a.roles_at and k < len(a.doc) and k - span.end < ROLE_OVER_ADJECTIVES \
                and a.tokens[k].pos_ == "ADJ":
            k += 1  # "the GOP presidential nominee" (but "the UK prime minister")
        role = a.roles_at.get(k)
    if role is not None and link_role(a, role):
        return role.end
    return None


@BOOK.rule("roles", off=None)
def link_role_title(a: Article, tok: Token) -> int | None:
    """A definite role description at ``tok``: "the Russian president", "Britain's prime
    minister", "the former prime minister", "the spy chief"."""
    i = tok.i
    role = a.roles_at.get(i)
    if role is None or not link_role(a, role, a.org_roles.get(i)):
        return None
    return role.end


def link_role(a: Article, span: Span, keys: list[RoleKey] | None = None) -> bool:
    """Link the role title ``span`` (with its description) to the one person it means."""
    if title_before_name(a, span) or office_of_unknown_body(a, span):
        return False
    start, former, country, parties = role_context(a, span)
    if start < 0:
        return False
    if country is None:
        country = country_after_of(a, span.end)
    keys = keys if keys is not None else a.g.role_titles.get(span.text.lower(), [])
    candidates: list[Actor] = []
    why = "role_story"
    for role_key, org_id, role_country in keys:
        want = Wanted(role_key, country or role_country or None, org_id, parties, former)
        candidates, why = holder_in_story(a, want), "role_story"
        if not candidates and not former:
            candidates, why = holder_named_later(a, want), "role_later"
            foreign = not (country or role_country) and title_of_another_country(
                a, role_key, span.text.lower())
            if not candidates and not foreign:
                candidates, why = holder_on_date(a, want), "role"
        if candidates:
            break
    if not candidates:
        return False
    if country is not None:
        a.offices[candidates[0].id] = country
    emit(a, a.span(start, for_president(span.end, a)), candidates[0], "role", why)
    return True


@BOOK.rule("roles", off=None)
def country_after_of(a: Article, end: int) -> str | None:
    """A role title followed by "of" and a state's name (the whole capitalised name)
    is that state's office: "The President of Russia said" with Donald Trump in the
    story is Vladimir Putin, not Trump (not "the president of Russia's largest bank",
    nor "the president of the American Farm Bureau")."""
    doc, toks = a.doc, a.tokens
    j = end + 1
    if j >= len(doc) or toks[end].lower_ != "of":
        return None
    if toks[j].lower_ == "the":
        j += 1
    k = j
    while k < len(doc) and k - j < STATE_NAME_TOKENS and (toks[k].is_title or toks[k].is_upper):
        k += 1
    if k == j or k < len(doc) and (toks[k].is_title or toks[k].lower_ in ("'s", "’s", "-")):
        return None
    return next((x.id for x in a.g.by_name(doc[j:k].text) if x.type == "state"), None)


@BOOK.rule("roles", off=False)
def office_of_unknown_body(a: Article, span: Span) -> bool:
    """A role title followed by "of" and a capitalised name the gazetteer does not know
    is that body's office, no state's: "Zippy Duvall, the president of the American Farm
    Bureau" is not the President of the United States (not "the president of the United
    States", nor "the prime minister of Britain")."""
    doc, j = a.doc, span.end + 1
    if j >= len(doc) or doc[span.end].lower_ != "of":
        return False
    if doc[j].lower_ == "the":
        j += 1
    k = j
    while k < len(doc) and doc[k].is_title:
        k += 1
    return k > j and not a.g.by_name(doc[j:k].text) and not a.g.by_name(doc[j].text)


@dataclass(frozen=True, slots=True)
class Wanted:
    """The role a description asks for: its key, country, organisation and parties,
    and whether it says "former"."""

    role: str
    country: str | None
    org_id: str
    parties: frozenset[str]
    former: bool


@BOOK.rule("roles", off=False)
def title_of_another_country(a: Article, role: str, title: str) -> bool:
    """A role title no country is named for, that the story's country calls
    otherwise (its one office of that kind has titles of its own), is another
    country's office: "the interior minister" in an American story is not the
    homeland security secretary when nobody in the story holds it (nor "the foreign
    minister" the secretary of state)."""
    focus = a.focus_country()
    own = own_titles(a.g).get((role, focus or ""))
    return own is not None and title not in own[0] and len(own[1]) <= 1


@cache
def own_titles(g: Gazetteer) -> dict[tuple[str, str], tuple[frozenset[str], frozenset[str]]]:
    """(role key, country) → the titles the gazetteer gives for that country's office
    ("homeland security secretary": USA) and the organisations they head (one for an
    office, several for "intelligence_chief": MI5, MI6, GCHQ)."""
    out: dict[tuple[str, str], tuple[set[str], set[str]]] = {}
    for title, keys in g.role_titles.items():
        for role, org, country in keys:
            if country:
                titles, orgs = out.setdefault((role, country), (set(), set()))
                titles.add(title)
                orgs.add(org)
    return {k: (frozenset(t), frozenset(o)) for k, (t, o) in out.items()}


@BOOK.rule("roles", off=False)
def title_before_name(a: Article, span: Span) -> bool:
    """A role before a name is a title and the name links: "Republican vice-presidential
    nominee Gov. Mike Pence"."""
    nxt = a.tokens[span.end] if span.end < len(a.doc) else None
    return nxt is not None and (nxt.ent_type_ in cues().person_labels or (
        nxt.lower_.rstrip(".") in cues().titles and nxt.is_title))


@BOOK.rule("roles", off=[])
def holder_in_story(a: Article, want: Wanted) -> list[Actor]:
    """People already in the story who hold the role on the date (held it before, for
    "former"): "Liz Truss … The former prime minister". One named by an office of a
    named state ("the president of Ukraine", ``country_after_of``; "Ukraine's
    president", "the Ukrainian president" when the story's country is another) is no
    antecedent of a bare "the president": that is still the story's own."""
    out = []
    focus = a.focus_country() if want.country is None else None
    for s in reversed(a.seen):
        if want.country is None and s.end > 0 and (
                country_after_of(a, s.end) is not None or another_office(a, s, focus)):
            continue
        for r in s.actor.roles:
            if r.role != want.role or (want.country and r.country != want.country):
                continue
            if want.org_id and r.org_id and r.org_id != want.org_id:
                continue
            if want.parties and r.org_id not in want.parties:
                continue
            if a.date is None or (r.ended_before(a.date) if want.former else r.active(a.date)):
                out.append(s.actor)
    return out


@BOOK.rule("roles", off=False)
def another_office(a: Article, s: Seen, focus: str | None) -> bool:
    """A person named by the office of a state other than the story's ``focus``
    ("Ukraine's president", "the Ukrainian president" in a story of the United
    States) is no antecedent of a bare "the president"."""
    return a.offices.get(s.actor.id, focus) != focus


@BOOK.rule("roles", off=0)
def possessor_of_office(a: Article, end: int) -> int:
    """A role title after a state's or a party's possessive is its office ("Britain's
    prime minister", "Ukraine's foreign minister", "Labour's leader"): the holder, the
    whole phrase one mention (not "Britain" and no role). The tokens the possessive
    takes (1), else 0."""
    return int(end < len(a.doc) and a.tokens[end].lower_ in ("'s", "’s"))


@BOOK.rule("roles", off=[])
def holder_named_later(a: Article, want: Wanted) -> list[Actor]:
    """Nobody in the story yet: the one person the whole article names in full who
    holds the role (on its date; without a date, ever held it): "the head of GCHQ …
    Sir Jeremy Fleming said". Nobody when it names several."""
    found: dict[str, Actor] = {}
    for sp in a.name_spans:
        people = [x for x in a.g.by_name(sp.text) if x.type == "person"]
        if len(people) != 1:
            continue
        for r in people[0].roles:
            if (r.role == want.role and (not want.country or r.country == want.country)
                    and (not want.org_id or not r.org_id or r.org_id == want.org_id)
                    and (not want.parties or r.org_id in want.parties)
                    and (a.date is None or r.active(a.date))):
                found[people[0].id] = people[0]
    return list(found.values()) if len(found) == 1 else []


@BOOK.rule("roles", off=[])
def holder_on_date(a: Article, want: Wanted) -> list[Actor]:
    """Nobody in the story: the holder in the country named or in focus, on the date
    ("The Russian president is on a state visit" in 2010: Medvedev); when several
    hold such a role at once ("the Republican candidate" in the primaries), nobody;
    without a date, the latest."""
    country = want.country or a.focus_country()
    if country is None:
        return []
    holders = {actor.id: actor for actor, r in
               a.g.holders(want.role, country, a.date, want.org_id or None)
               if (a.date is None or r.active(a.date))
               and (not want.parties or r.org_id in want.parties)}
    if a.date is None and holders:
        holders = dict([next(iter(holders.items()))])  # the latest
    return list(holders.values()) if len(holders) == 1 else []


@BOOK.rule("roles")
def for_president(end: int, a: Article) -> int:
    """"the Republican nominee for president": the description takes in its "for"."""
    after = [t.lower_ for t in a.doc[end : end + 3]]
    if after[:2] == ["for", "president"]:
        return end + 2
    if after == ["for", "vice", "president"]:
        return end + 3
    return end


def role_context(a: Article, span: Span) -> tuple[int, bool, str | None, frozenset[str]]:
    """Start of the role description, whether it says 'former', the country its
    modifiers name ("the Russian president", "Britain's prime minister") and the
    parties they name ("the Republican nominee", "the GOP's candidate"); start -1 when
    the description is not definite ("president" alone, a title before a name) or
    another's ("the company's president")."""
    doc, toks = a.doc, a.tokens
    c = cues()
    start = span.start
    former = False
    country: str | None = None
    parties: frozenset[str] = frozenset()
    j = span.start - 1
    while j >= 0 and j >= span.start - ROLE_CONTEXT_WORDS:
        t = toks[j]
        low = t.lower_
        if low in ("'s", "’s") and j > 0:
            prev = toks[j - 1]
            code = state_code(a.g, prev.text)
            if code is not None:
                country, start, j = code, j - 1, j - 2
                continue
            if prev.lower_ in c.parties:
                parties, start, j = c.parties[prev.lower_], j - 1, j - 2
                continue
            return -1, False, None, parties  # "the company's president": not ours
        if low in c.former:
            former, start = True, j
        elif low in c.parties and t.is_title or low == "gop":
            parties, start = c.parties[low], j
        elif low == "party" and j > 0 and toks[j - 1].lower_ in c.parties:
            parties, start, j = c.parties[toks[j - 1].lower_], j - 1, j - 1
        elif (t.is_title or t.is_upper) and (named := state_before(a, j)) is not None:
            # "the Russian president", "the US president", "the United States
            # secretary of state"
            (country, start), j = named, named[1]
        elif low == "the":
            start = j
            break
        elif low == "-" or t.pos_ == "ADJ":
            start = j
        else:
            break
        j -= 1
    definite = toks[start].lower_ == "the" or any(
        t.lower_ in ("'s", "’s") for t in doc[start:span.start])
    if not definite:
        return -1, False, None, parties
    return start, former, country, parties


def state_before(a: Article, j: int) -> tuple[str, int] | None:
    """The country a name or adjective ending at token ``j`` names (one to three
    tokens: "Russian", "US", "United States"), with its first token."""
    for n in (3, 2, 1):
        first = j - n + 1
        if first < 0 or not all(t.is_title or t.is_upper for t in a.doc[first : j + 1]):
            continue
        code = state_code(a.g, a.doc[first : j + 1].text)
        if code is not None:
            return code, first
    return None


# -- "the country", "the Republican", "her successor" ----------------------------------
@BOOK.rule("roles", off=None)
def link_the_country(a: Article, tok: Token) -> int | None:
    """"This country", "our country": the story's country; "the country": a state
    named in this sentence or the one before, else the story's."""
    i = tok.i
    doc, low = a.doc, tok.lower_
    if not (low in ("the", "this", "our") and i + 1 < len(doc)
            and doc[i + 1].lower_ in ("country", "nation") and not a.taken[i + 1]
            and (i + 2 == len(doc) or doc[i + 2].pos_ not in ("NOUN", "PROPN"))):
        return None
    state = state_just_named(a, i) if low == "the" else None
    if state is None:
        code = a.focus_country()
        actor = a.g.actors.get(code) if code else None
        state = actor if actor is not None and actor.type == "state" else None
    if state is None:
        return None
    emit(a, a.span(i, i + 2), state, "role", "the_country")
    return i + 2


@BOOK.rule("roles", off=None)
def state_just_named(a: Article, i: int) -> Actor | None:
    """"The country": a state named in this sentence or the one before, but not the
    subject of the clause it stands in ("the UK needs to evolve its approach towards
    the country" is not the UK)."""
    floor = a.sentence_floor(i)
    verb = a.tokens[i + 1].head
    while verb.dep_ in ("pobj", "prep", "dobj", "poss") and verb.head.i != verb.i:
        verb = verb.head
    recent = [s for s in a.seen if floor <= s.token < i]
    subjects = {s.actor.id for s in recent if s.subject
                and a.tokens[s.token].head.i in (verb.i, verb.head.i)}
    for s in reversed(recent):
        if s.actor.type == "state" and s.actor.id not in subjects:
            return s.actor
    return None


@BOOK.rule("roles", off=None)
def link_party_member(a: Article, tok: Token) -> int | None:
    """"The Republican is also encouraging his supporters": the person most recently in
    the story who holds (on the date) an office of the party the noun names."""
    i = tok.i
    doc, toks = a.doc, a.tokens
    if not (tok.lower_ == "the" and i + 1 < len(doc)
            and toks[i + 1].lower_ in cues().party_member_nouns and not a.taken[i + 1]
            and (i + 2 == len(doc) or toks[i + 2].pos_ not in ("NOUN", "PROPN", "ADJ"))):
        return None
    parties = cues().parties.get(toks[i + 1].lower_, frozenset())
    for s in reversed(a.seen):
        if s.actor.type != "person":
            continue
        if any(r.org_id in parties and (a.date is None or r.active(a.date))
               for r in s.actor.roles):
            emit(a, a.span(i, i + 2), s.actor, "role", "role_story")
            return i + 2
    return None


@BOOK.rule("roles", off=None)
def link_successor(a: Article, tok: Token) -> int | None:
    """"her successor", "Truss's predecessor": the next or previous holder of the
    owner's last office, by the gazetteer's dates (the owner already linked)."""
    i = tok.i
    if tok.lemma_.lower() not in ("successor", "predecessor") or tok.pos_ != "NOUN":
        return None
    person = _next_in_office(a, tok)
    if person is None:
        return None
    emit(a, a.span(i, i + 1), person, "role")
    return i + 1


def _next_in_office(a: Article, tok: Token) -> Actor | None:
    owner = next((c for c in children(tok) if c.dep_ == "poss"), None)
    if owner is None:
        return None
    at = a.parsed.start(owner)
    m = next((m for m in reversed(a.out) if m.start <= at < m.end), None)
    if m is None or m.type != "person" or m.actor_id.startswith("local:"):
        return None
    return a.g.next_in_office(m.actor_id, a.date, after=tok.lemma_.lower() == "successor")
