"""Verb senses that decide an event's type (issue 19, session 21): made-up sentences,
positives and negatives. Facts: (code, source code, target code) of events not negated."""

from __future__ import annotations

import pytest

from dossier.records import Event


def facts(evs: list[Event]) -> set[tuple[str | None, ...]]:
    return {(e.code, e.source_actor and e.source_actor.code,
             e.target_actor and e.target_actor.code) for e in evs if not e.negated}


def roots(evs: list[Event]) -> set[str]:
    return {e.root for e in evs if not e.negated}


# patterns.departure: leaving a place, a body or a meeting is no visit and no meeting
DEPARTURES = [
    ("American troops have begun leaving Afghanistan.", set()),
    ("Kenyan lawmakers left a meeting with the Ugandan president.", set()),
    ("Britain voted to leave the European Union.", set()),
    ("The Peruvian delegation departed Chile on Monday.", set()),
]
# a journey to somewhere, a meeting attended, stay what they were
JOURNEYS = [
    ("The French foreign minister left for Beijing on Monday.", ("04", "FRAGOV", "CHN")),
    ("The Kenyan foreign minister attended a meeting with Uganda.", ("04", "KENGOV", "UGA")),
    ("The British prime minister traveled to Washington.", ("04", "GBRGOV", "USA")),
]


@pytest.mark.parametrize(("text", "kept"), DEPARTURES)
def test_leaving_is_no_meeting(events, text: str, kept: set[str]) -> None:  # type: ignore[no-untyped-def]
    assert roots(events(text)) == kept


@pytest.mark.parametrize(("text", "fact"), JOURNEYS)
def test_journeys_stay_visits(events, text: str, fact: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    assert fact in {(c[:2], s, t) for c, s, t in facts(events(text))}


# event_patterns.toml: granting what another asks is yielding (080) to the one who asked
GRANTED = [
    ("Kenya met the demands of the Ugandan government.", ("080", "KEN", "UGAGOV")),
    ("The Kenyan government granted a request from Uganda.", ("080", "KENGOV", "UGA")),
    ("The Kenyan defence minister approved a request from Uganda for help.",
     ("080", "KENGOV", "UGA")),
    ("The Kenyan government accepted demands from the opposition.", ("080", "KENGOV", "---OPP")),
    ("Kenya accepted Uganda's ultimatum.", ("080", "KEN", "UGA")),
]
# other objects of the same verbs keep their own codes
NOT_GRANTED = [
    ("Kenya met the Ugandan president in Nairobi.", "040"),
    ("Kenya accepted an invitation from Uganda.", "036"),
    ("Kenya rejected a request from Uganda.", "120"),
]


@pytest.mark.parametrize(("text", "fact"), GRANTED)
def test_granting_a_demand_is_yielding(events, text: str, fact: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    assert fact in facts(events(text))


@pytest.mark.parametrize(("text", "code"), NOT_GRANTED)
def test_other_objects_keep_their_codes(events, text: str, code: str) -> None:  # type: ignore[no-untyped-def]
    codes = {c for c, _, _ in facts(events(text))}
    assert code in codes and "080" not in codes


# senses.call_purpose: a call made to congratulate, thank or reassure is support (051)
SUPPORTING_CALLS = [
    "Kenyan President William Ruto called Ugandan President Yoweri Museveni on Wednesday "
    "to congratulate him on his election victory.",
    "The Kenyan president called his Ugandan counterpart to assure him of Kenya's support.",
    "Kenyan President William Ruto called Ugandan President Yoweri Museveni to thank him.",
]
# other calls: a consultation (040) or an appeal (020), as they were
OTHER_CALLS = [
    ("Kenyan President William Ruto called Ugandan President Yoweri Museveni on Wednesday "
     "to discuss the border dispute.", "040"),
    ("Kenyan President William Ruto called Ugandan President Yoweri Museveni on Saturday.",
     "040"),
    ("Kenya called on Uganda to withdraw its troops.", "0256"),
]


@pytest.mark.parametrize("text", SUPPORTING_CALLS)
def test_supporting_call_is_support(events, text: str) -> None:  # type: ignore[no-untyped-def]
    assert {c for c, _, _ in facts(events(text))} == {"051"}


@pytest.mark.parametrize(("text", "code"), OTHER_CALLS)
def test_other_calls_stay(events, text: str, code: str) -> None:  # type: ignore[no-untyped-def]
    codes = {c for c, _, _ in facts(events(text))}
    assert code in codes and "051" not in codes


# event_patterns.toml: whatever is returned to someone (any object, a recipient after
# "to") is property returned (0842)
RETURNED = [
    ("The United States returned 12 human skulls to Peru.", ("0842", "USA", "PER")),
    ("Kenya returned 300 stolen elephant tusks to Uganda.", ("0842", "KEN", "UGA")),
]
# no object, or no recipient: no return of property
NOT_RETURNED = [
    "The Kenyan president returned to Uganda last Wednesday.",
    "Kenyan troops returned fire on Ugandan soldiers.",
    "The Kenyan minister returned the call of his Ugandan counterpart.",
]


@pytest.mark.parametrize(("text", "fact"), RETURNED)
def test_returned_to_someone(events, text: str, fact: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    assert fact in facts(events(text))


@pytest.mark.parametrize("text", NOT_RETURNED)
def test_no_return_of_property(events, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "0842" not in {c for c, _, _ in facts(events(text))}


# senses.document_voice / document_content: a document's issuer speaks by it
DOCUMENTS = [
    ("The Kenyan parliament passed a resolution criticizing Ugandan President Yoweri "
     "Museveni.", ("111", "KENLEG", "UGAGOV")),
    ("The Kenyan parliament adopted a resolution condemning Uganda.", ("111", "KENLEG", "UGA")),
    ("Kenya issued a statement urging Uganda to withdraw its troops.", ("0256", "KEN", "UGA")),
    ("Kenya published a report praising Uganda's efforts.", ("051", "KEN", "UGA")),
]
# a document that voices no event keeps its verb's event; the issuer's verb gives way
KEPT_DOCUMENTS = [
    ("The Kenyan president sent a letter to the Ugandan president.", "040"),
    ("The Kenyan president sent a letter to the Ugandan president, adding that talks "
     "would continue.", "040"),
]


@pytest.mark.parametrize(("text", "fact"), DOCUMENTS)
def test_document_voices_its_issuer(events, text: str, fact: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    found = facts(events(text))
    assert fact in found and {c for c, _, _ in found} == {fact[0]}


@pytest.mark.parametrize(("text", "code"), KEPT_DOCUMENTS)
def test_document_voicing_nothing_stays(events, text: str, code: str) -> None:  # type: ignore[no-untyped-def]
    assert code in {c for c, _, _ in facts(events(text))}


def test_threatening_letter_is_the_threat(events) -> None:  # type: ignore[no-untyped-def]
    found = roots(events("The Kenyan president sent a letter to the Ugandan president "
                         "threatening to cut aid."))
    assert found == {"13"}


# event_patterns.toml: a state of emergency, measures or a curfew lifted, ended or
# shortened is an easing of administrative sanctions (081), the source alone
EASED = [
    ("Sudan's government on Sunday lifted a state of emergency in Darfur.",
     ("081", "SDNGOV", None)),
    ("Serbia eased emergency measures on Wednesday in the province.", ("081", "SRB", None)),
    ("The Kenyan president shortened the nightly curfew by one hour.", ("081", "KENGOV", None)),
]
NOT_EASED = [
    "Kenya ended the state monopoly on sugar imports.",
    "The Kenyan army lifted the wounded soldiers onto the trucks.",
]


@pytest.mark.parametrize(("text", "fact"), EASED)
def test_eased_measures(events, text: str, fact: tuple[str | None, ...]) -> None:  # type: ignore[no-untyped-def]
    assert fact in facts(events(text))


@pytest.mark.parametrize("text", NOT_EASED)
def test_not_eased(events, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "081" not in {c for c, _, _ in facts(events(text))}
