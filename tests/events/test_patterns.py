"""Patterns and the dictionary (events.patterns): the tables are compiled once and
indexed by lemma. What each pattern codes is in test_coding.py and test_rules.py."""

from __future__ import annotations

import pytest

from dossier.analysis import analysers
from dossier.events.patterns import dictionary, dictionary_code, known_lemma, patterns


def test_tables_compiled_once_and_indexed() -> None:
    p = patterns()
    assert p is patterns() and "meet" in p.verbs and "sanction" in p.nouns
    assert p.agents["police"] == "COP" and p.agents["foreign minister"] == "GOV"
    d = dictionary()
    assert d is dictionary() and d.verbs["expel"] == "174" and "restore" in d.blocks
    assert any(code == "050" for block in d.blocks["restore"]
               for _, code, _ in d.keyed[block].get("obj:ties", ()))
    assert "&ceasefire" in d.sets["truce"] and d.forms["kidnapped"] == "kidnap"


# (sentence, verb, code PETRARCH2's dictionary gives it, what gave it: "verb" a pattern
# found with this verb on one word or phrase, "widened" one the dictionary's synonym
# blocks, synonym sets or two-word verbs widen to it, "" the verb's default)
DICTIONARY = [
    ("Norway restored diplomatic ties with Iran.", "restored", "050", "verb"),
    ("Britain expedited aid to Jordan.", "expedited", "070", "widened"),  # "rush aid"
    ("The army sped troops to the border.", "sped", "154", "widened"),  # "sped": a form
    ("Moscow signed an accord with Kyiv.", "signed", "057", "widened"),  # &TREATY
    ("Hamas declared a truce.", "declared", "0871", "widened"),  # &CEASEFIRE
    ("The rebels called off the talks.", "called", "160", "verb"),
    ("The court jailed the opposition leader.", "jailed", "173", ""),
    # a pattern on a bare preposition found with another verb of the block yields to
    # the verb's own code ("call on" 020 is not "telephoned … on Tuesday"), not where the
    # verb has none
    ("The United States telephoned Russia on Tuesday.", "telephoned", "040", ""),
    ("Egypt discussed it with Sudan.", "discussed", "046", "widened"),
    # negatives: no pattern, no default code; a plain statement (CAMEO 01) is none
    ("Britain expedited the paperwork.", "expedited", None, ""),
    ("Hamas declared its satisfaction.", "declared", None, ""),
    ("Moscow signed the guest book.", "signed", None, ""),
]


@pytest.fixture(scope="module")
def parse():  # type: ignore[no-untyped-def]
    return analysers().read


@pytest.mark.parametrize(("text", "verb", "code", "how"), DICTIONARY)
def test_dictionary_code(parse, text: str, verb: str, code: str | None, how: str  # type: ignore[no-untyped-def]
                         ) -> None:
    tok = next(t for t in parse(text).tokens if t.text == verb)
    assert dictionary_code(tok, tok.lemma_.lower()) == (code, how)


def test_listed_form_gives_the_lemma(parse) -> None:  # type: ignore[no-untyped-def]
    """A form the tagger leaves unlemmatised is the verb it is listed with."""
    tok = next(t for t in parse("Gunmen kidnapped two aid workers.").tokens
               if t.text == "kidnapped")
    assert known_lemma("kidnapp", tok) == "kidnap"
    tok = next(t for t in parse("The crowd giggled.").tokens if t.text == "giggled")
    assert known_lemma("giggle", tok) == "giggle"  # a verb the dictionary lacks stays
