"""Link every actor mention in an article to a canonical actor.

Within one article, in reading order, each token is offered to the passes of
:data:`PASSES` in turn until one links (or takes) something there: gazetteer names
and aliases with their titles, role descriptions, entities (surnames, first names,
misspellings, unknown names), short forms and age descriptions, "the country",
"the Republican", "her successor", pronouns, and surnames NER missed. The rooms:

- :mod:`dossier.actors.names`: names, aliases, titles, fuzzy typos, metonyms,
  entity linking through the gazetteer, local actors for unknown names;
- :mod:`dossier.actors.roles`: role descriptions and their dated holders;
- :mod:`dossier.actors.coref`: antecedents and group references, nominals, pronouns.

They read and write one :class:`~dossier.actors.article.Article` (the per-article
state); their rules are registered in ``dossier.actors.cues.BOOK``. Unknown people
and organisations get a stable local actor instead of a guess.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span

from dossier.actors import names, roles
from dossier.actors.article import Article, FuzzyNames
from dossier.actors.coref import nominals, pronouns
from dossier.actors.cues import BOOK, GROUPS
from dossier.gazetteer import Gazetteer
from dossier.parse import ParsedArticle
from dossier.records import Mention

# A pass: given the article and a free token index, where reading goes on when it
# linked or took something there (else None: the next pass tries).
Pass = Callable[[Article, int], int | None]

PASSES: tuple[Pass, ...] = (
    roles.link_role_over_name,  # "the GOP nominee", "MI5 chief": the role, not the party
    names.link_known,           # gazetteer names, aliases, titles, metonyms
    names.link_entity,          # NER entities: surnames, first names, typos, unknown names
    roles.link_role_title,      # "the Russian president", "the former prime minister"
    roles.link_the_country,     # "the country", "this country"
    roles.link_party_member,    # "The Republican said"
    nominals.link_short_form,   # "the Post" after "The Washington Post"
    nominals.age_description,   # "The 56-year-old said"
    roles.link_successor,       # "her successor", "Truss's predecessor"
    pronouns.link_pronoun,      # he/she, it, they (a pronoun is read here only)
    names.transcript_label,     # "PENCE: Well, look"
    names.missed_surname,       # "the Trump campaign" after Trump was named
    names.surname_in_office,    # "Trump Leads In Florida" (a headline)
)

# the rule book room by room: names, roles, coreference
BOOK.rules.sort(key=lambda r: GROUPS.index(r.group))


class Linker:
    """Matchers compiled once per (pipeline, gazetteer)."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer) -> None:
        self.nlp = nlp
        self.g = gazetteer
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        phrases = list(gazetteer.all_phrases()) + list(gazetteer.metonyms_surface())
        # "the West" opens sentences as "The West"
        phrases += ["The" + p[3:] for p in phrases if p.startswith("the ")]
        tokenizer: Any = nlp.tokenizer
        self.names.add("NAME", list(tokenizer.pipe(phrases)))
        self.roles = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.roles.add("ROLE", list(tokenizer.pipe(sorted(gazetteer.role_titles))))
        self.fuzzy = FuzzyNames.of(gazetteer)

    def link(self, parsed: ParsedArticle) -> list[Mention]:
        """The article's mentions, in text order (also set on ``parsed``)."""
        a = self.article(parsed)
        doc = a.doc
        i = 0
        while i < len(doc):
            if a.taken[i]:
                i += 1
                continue
            for run in PASSES:
                nxt = run(a, i)
                if nxt is not None:
                    i = nxt
                    break
            else:
                i += 1
        mentions = sorted(a.out, key=lambda m: m.start)
        parsed.set_mentions(mentions)
        return mentions

    def article(self, parsed: ParsedArticle) -> Article:
        """The article's state before reading: what the matchers and NER found."""
        a = Article(parsed, self.g, self.fuzzy)
        doc = a.doc
        a.name_spans = sorted((Span(doc, s, e) for _, s, e in self.names(doc)),
                              key=lambda sp: (sp.start, -(sp.end - sp.start)))
        a.roles_at = {s: Span(doc, s, e) for _, s, e in self.roles(doc)}
        for s, (sp, keys) in roles.org_phrase_roles(a).items():
            a.roles_at[s] = sp
            a.org_roles[s] = keys
        for sp in a.name_spans:
            if sp.start not in a.names_at or len(sp) > len(a.names_at[sp.start]):
                a.names_at[sp.start] = sp
        a.ents_at = names.entity_spans(a)
        for s in [s for s, sp in a.names_at.items()
                  if (ent := a.ents_at.get(s)) is not None and names.ner_longer_name(a, sp, ent)]:
            del a.names_at[s]  # "China Daily": NER saw a longer name holding a country's
        return a
