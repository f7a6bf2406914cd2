"""Session 24 (issues 18 and 20): who speaks a quote when a name stands after two joined
descriptions, when someone no actor names spoke last, and when the quotation names the
person a pronoun would go to. Each row: a text, the quotation's first words, the
speaker's name with the rule, and without it; negatives keep what they had."""

from __future__ import annotations

import pytest

from dossier.records import Quote
from dossier.rules import switched_off


def speakers(qs: list[Quote]) -> dict[str, str | None]:
    """Each quote's first 13 characters, and its speaker's name."""
    return {q.text[:13]: q.speaker.name if q.speaker else None for q in qs}


IDAN = ("Israel plans a pipeline. Haifa University geostrategy expert and former Israeli "
        "security official, Avinoam Idan, said the new supply can't be considered a "
        "significant change.")
MEGHAN = ("Meghan and Harry spoke to Oprah Winfrey on Sunday. “This isn't working for "
          "anyone at all,” Meghan added. “That would be very damaging to them,” she said.")
MEGHAN_TOLD = ("Oprah Winfrey interviewed the couple. “I saw a note saying that the Duke "
               "had gone to hospital,” Meghan told Winfrey. “I just picked up the phone and "
               "I called the Queen,” she said.")
STEENBURGEN = ("Mary Steenburgen wrote songs. Not long after that, Steenburgen bought a "
               "house in Nashville. McDowell still laughs at the memory. “It could have "
               "been really easy for Mary Steenburgen to just put her name on something, "
               "but she didn't do that,” she said.")


@pytest.mark.parametrize(("rule", "text", "start", "with_rule", "without"), [
    ("quotes.speakers.described_conjuncts", IDAN, "the new supply", "Avinoam Idan",
     "Haifa University"),
    ("actors.coref.named_in_own_quote", STEENBURGEN, "It could have", "she",
     "Mary Steenburgen"),
])
def test_rule_and_without(quotes, rule: str, text: str, start: str,  # type: ignore[no-untyped-def]
                          with_rule: str, without: str) -> None:
    on = speakers(quotes(text))
    with switched_off(rule):
        off = speakers(quotes(text))
    assert (on[start[:13]], off[start[:13]]) == (with_rule, without)


@pytest.mark.parametrize(("text", "start", "name"), [
    # one description: the apposition named the speaker before (no conjunct)
    ("Israel plans a pipeline. The former Israeli security official, Avinoam Idan, said "
     "the new supply can't be considered a significant change.", "the new supply",
     "Avinoam Idan"),
    # a poll speaks for the body named in it, conjuncts or not
    ("A new poll was out. According to a 2019 Marquette University poll, 57 percent of "
     "the public opposes expanding the court.", "57 percent of", "Marquette University"),
    # the one who spoke last is the antecedent's own surname: resolved
    ("Oprah Winfrey spoke to Harry on Sunday. “Why do you care about better press?” "
     "Winfrey asked. “That would be very damaging to them,” she said.", "That would be",
     "Oprah Winfrey"),
    # the quotation speaks in the first person: resolved
    ("Mary Steenburgen wrote songs. “It could have been really easy for me to just put my "
     "name on something,” she said.", "It could have", "Mary Steenburgen"),
    # a name that modifies ("the Biden administration") does not count
    ("Joe Biden spoke on Monday. “The Biden administration will act,” he said.",
     "The Biden administration", "Joe Biden"),
])
def test_negatives(quotes, text: str, start: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert speakers(quotes(text))[start[:13]] == name
