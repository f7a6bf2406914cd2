from __future__ import annotations

import re

import pytest

from dossier.clean.boilerplate import classify, words
from dossier.clean.paragraphs import paragraph_spans


def reasons_of(text: str) -> list[tuple[str, str | None]]:
    spans = paragraph_spans(text)
    return [(text[s.start : s.end], r) for s, r in zip(spans, classify(text, spans), strict=True)]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Advertisement", "ad-marker"),
        ("ADVERTISEMENT", "ad-marker"),
        ("Sponsored", "ad-marker"),
        ("Story continues below", "ad-marker"),
        ("— Rishi Sunak (@RishiSunak) July 25, 2022", "embed-chrome"),
        ("pic.twitter.com/AbC123", "embed-chrome"),
        ("View this post on Instagram", "embed-chrome"),
        ("A post shared by Downing Street", "embed-chrome"),
        ("Follow us on Twitter", "embed-chrome"),
        ("Embedded video", "embed-chrome"),
        ("The embedded video showed the minister leaving.", None),
        ("Follow us on Twitter, the party urged its voters in a leaflet.", None),
        # negatives: real sentences that mention the words
        ("The advertisement was banned by the regulator.", None),
        ("Sponsored by the state, the programme ran for years.", None),
        ("The story continues below the fold in the print edition, editors said.", None),
    ],
)
def test_marker_lines(line: str, reason: str | None) -> None:
    text = f"The minister spoke on Monday.\n{line}\nShe said more on Tuesday.\n"
    got = dict(reasons_of(text))
    assert got[line] == reason


def test_consent_notice_block_is_dropped_whole(demo_text: str) -> None:
    dropped = [p for p, r in reasons_of(demo_text) if r == "consent-notice"]
    assert len(dropped) == 7
    assert dropped[0].startswith("HuffPost is part of Verizon Media")
    assert "Browsing and search activity" in dropped[3]  # no consent words, but inside
    assert dropped[-1].startswith("Click ‘Learn more‘")


@pytest.mark.parametrize(
    "paragraph",
    [
        # News about cookies and consent, written in the third person: kept.
        "The regulator said Meta's use of personalised ads without consent broke the law.",
        "The best thing about the firm is our partners - you couldn't ask for better.",
        "Cookies and biscuits sold out across Britain in the week before Christmas.",
    ],
)
def test_news_about_privacy_is_kept(paragraph: str) -> None:
    text = f"Opening line of a story.\n{paragraph}\nClosing line of the story.\n"
    assert all(r is None for _, r in reasons_of(text))


def test_embed_echo_of_a_quoted_tweet(demo_text: str) -> None:
    echoes = [p for p, r in reasons_of(demo_text) if r == "embed-echo"]
    assert echoes == [
        "1/ China and the Chinese Communist Party represent the largest threat to Britain "
        "and the world’s security and prosperity this century."
    ]


def test_repeated_unquoted_prose_is_kept() -> None:
    text = (
        "The council approved the new budget for schools and roads on Monday night.\n"
        "Officials said the council approved the new budget for schools and roads on "
        "Monday night after a long debate.\n"
        "The council approved the new budget for schools and roads on Monday night.\n"
    )
    assert all(r is None for _, r in reasons_of(text))


def test_no_real_text_lost_in_demo(demo_text: str) -> None:
    kept = [p for p, r in reasons_of(demo_text) if r is None]
    dropped = [(p, r) for p, r in reasons_of(demo_text) if r is not None]
    assert sum(1 for _, r in dropped if r == "ad-marker") == 21
    assert len(dropped) == 29
    assert any(p.startswith("The public should be as vigilant") for p in kept)
    assert any(p.startswith("He is expected to reference the withdrawal") for p in kept)


@pytest.mark.parametrize("on_one_line", [True, False])
def test_a_notice_at_the_end_of_a_long_line_does_not_take_the_text(
        demo_text: str, on_one_line: bool) -> None:
    """The demo's cookie notice sits at its end: joined into one 30,000-character line
    the whole line was dropped as a consent notice (negative: the notice on its own
    line is still dropped)."""
    text = " ".join(demo_text.split()) if on_one_line else demo_text
    reasons = [r for _, r in reasons_of(text)]
    if on_one_line:
        assert reasons == [None]
    else:
        assert "consent-notice" in reasons


@pytest.mark.parametrize("text", [
    "The Minister’s office said: “We don't know.”",
    "İSTANBUL — Türkiye’s İçişleri Bakanlığı said",  # İ: lowered word by word
    "ΟΔΟΣ ΣΟΦΟΚΛΕΟΥΣ and STRASSE straße Ǆemal",
    "",
])
def test_words_are_the_text_s_words_lowered_one_by_one(text: str) -> None:
    # the whole text is lowered at once where that gives the same words
    expected = [w.lower().replace("’", "'") for w in re.findall(r"[\w'’]+", text)]
    assert words(text) == expected
