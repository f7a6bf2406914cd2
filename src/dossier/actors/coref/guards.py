"""Who a pronoun is not (sessions 21-24): a he/she inside a quotation is not its
speaker, one closing a quotation is not a person the quotation names, and an "it"
whose antecedent is an unknown organisation stays unresolved."""

from __future__ import annotations

from spacy.tokens import Token

from dossier.actors.article import Article
from dossier.actors.coref.recent import Pronoun, quote_opening
from dossier.actors.cues import BOOK, SUBJECT_DEPS, cues
from dossier.actors.mentions import says_of_itself
from dossier.gazetteer import Actor


@BOOK.rule("coref", off=set())
def speaker_of_quote(a: Article, p: Pronoun) -> set[str]:
    """A he/she inside a quotation is not the one who speaks it: "“I can feel him and
    his presence when I come here,” Cook said" (not Cook); the speaker is the subject of
    a speech verb outside the quotation in the same sentence, named or to be named."""
    if p.outside or p.kind not in ("male", "female"):
        return set()
    sent = p.tok.sent
    names = {t.text for t in sent if t.dep_ in SUBJECT_DEPS and t.pos_ == "PROPN"
             and not a.quoted[t.i] and t.head.lemma_ in cues().speech_verbs}
    return {s.actor.id for s in a.seen if s.actor.type == "person"
            and s.actor.name.split()[-1:] and s.actor.name.split()[-1] in names}


@BOOK.rule("coref", off=set())
def named_in_own_quote(a: Article, p: Pronoun) -> set[str]:
    """A he/she that closes a quotation is not a person the quotation speaks of by name:
    "“It could have been really easy for Mary Steenburgen to just put her name on
    something, but she didn't do that,” she said" is not Steenburgen (her son spoke;
    with no other woman named the pronoun stays unresolved). A name that only modifies
    ("the Biden administration", "Trump's plan") does not count: people speak of their
    own offices; nor does a pronoun there ("“He's used to scoring goals,” he said": the
    quotation's "he" is someone else, however it was resolved)."""
    if not p.closes_quote or p.kind not in ("male", "female"):
        return set()
    opening = quote_opening(a, min(p.tok.i, p.tok.head.i))
    if opening < 0:
        return set()
    return {s.actor.id for s in a.seen if s.quoted and s.actor.type == "person"
            and opening < s.token < p.tok.i and a.tokens[s.token].pos_ == "PROPN"
            and a.tokens[s.token].dep_ not in ("compound", "poss", "amod", "nmod")}


@BOOK.rule("coref", off=False)
def it_for_unknown_org(a: Article, tok: Token, actor: Actor) -> bool:
    """"It" (not "its" or "itself") whose best antecedent is an organisation the
    gazetteer does not know is left unresolved: such a name is as often a maker whose
    product, feature or post the story goes on about ("Nissan says it will offer better
    gas mileage": the car; "a warning over the tweet alerting viewers it promoted
    violence": the tweet; "VW says that it's enough": the torque), and an unknown
    organisation's "it" was right 2 times of 14 on the marked tuning sheets (its
    "its" 7 of 8, kept). A known one keeps it, and so does an unknown one named as a
    body ("the Prohibition Party … It strongly opposes abortion": ``org_name_nouns``,
    ``org_nouns``, ``company_name_ends``) or saying what it will do ("The FBI said it
    would investigate", "GE Healthcare said it would hire 500 people", though "Nissan
    says it will offer" is one of the 12). Nor an "it" that speaks ("“We regret the
    decision …,” it said in a statement": the company, not its product)."""
    if tok.lower_ != "it" or actor.type != "org" or not actor.id.startswith("local:"):
        return False
    c = cues()
    if tok.dep_ in SUBJECT_DEPS and tok.head.lemma_ in c.speech_verbs:
        return False
    named = any(w in c.org_name_nouns or w in c.org_nouns or w in c.company_name_ends
                for w in actor.name.lower().split())
    return not named and not says_of_itself(a, tok, actor)
