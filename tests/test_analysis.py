"""The NLP stages put together: one parse, one gazetteer handed to every stage."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dossier.analysis import Where, analysers
from dossier.events.extract import extract_events
from dossier.quotes.extract import extract_quotes

# two fictional states, known only to this user file
USER_COUNTRIES = Path(__file__).parent / "fixtures" / "gazetteer" / "countries.tsv"


@pytest.fixture(scope="module")
def user_analysers():  # type: ignore[no-untyped-def]
    return analysers(None, (USER_COUNTRIES,))


@pytest.mark.parametrize(
    ("text", "source_code", "target_code"),
    [
        # the demonym is known only to the user's file: the events stage must read it
        ("The Freedonian government condemned Sylvania.", "XFRGOV", "XSY"),
        ("Freedonian troops attacked Sylvania on Monday.", "XFRMIL", "XSY"),
        ("Troops from Freedonia attacked Sylvania on Monday.", "XFRMIL", "XSY"),
    ],
)
def test_user_gazetteer_reaches_events(user_analysers, text: str, source_code: str,  # type: ignore[no-untyped-def]
                                       target_code: str) -> None:
    an = user_analysers
    events = extract_events(an.read(text), an.geo)
    assert [(e.source_actor.code, e.target_actor.code) for e in events] == [
        (source_code, target_code)]


def test_without_the_user_file_freedonia_is_unknown() -> None:
    an = analysers()
    parsed = an.read("Freedonian troops attacked Sylvania on Monday.")
    assert not any((m.country or "").startswith("XFR") for m in parsed.mentions)
    assert not any((e.source_actor and e.source_actor.country) == "XFR"
                   for e in extract_events(parsed, an.geo))


def test_one_parse_feeds_every_stage() -> None:
    an = analysers()
    text = "Rishi Sunak said on Monday: “We will not sign it.” He met Xi Jinping in Beijing."
    parsed = next(an.parse([text], [Where("s.txt", "art", 100, None)]))
    mentions, quotes, events = an.analyse(parsed)
    assert parsed.mentions == mentions and mentions
    # offsets are into the source: the article starts at 100
    sunak = next(m for m in mentions if m.actor_id == "rishi-sunak")
    assert (sunak.start, sunak.end) == (100, 111)
    # the mention index is by token of this parse
    assert parsed.mention_at[0] is sunak and parsed.mention_at[1] is sunak
    assert [q.text for q in quotes] == ["We will not sign it."]
    assert quotes[0].speaker.actor_id == "rishi-sunak"
    assert quotes == extract_quotes(parsed, an.geo)  # stages only read the parse
    # inside the quotation: the tokens between the marks
    inside = [t.text for t in parsed.doc if parsed.quoted[t.i]]
    assert inside == ["We", "will", "not", "sign", "it", "."]
    assert all(e.start >= 100 for e in events)


@pytest.mark.parametrize("offset", [0, 500])
def test_analyse_cuts_text_too_long_for_the_parser(demo_text: str, offset: int,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A library user's text over the model's limit (here lowered to 6,000 characters)
    on one line is cut as the pipeline cuts it: no E088, every record at its words."""
    import dossier.clean.chunk as chunk

    an = analysers()
    monkeypatch.setattr(an.nlp, "max_length", 6000)
    monkeypatch.setattr(chunk, "LINE_MAX_CHARS", 4000)
    text = " ".join(demo_text.split())
    assert len(text) > 4 * an.nlp.max_length
    mentions, quotes, events = an.analyse(text, Where("s.txt", "art", offset, None))
    assert len(mentions) > 50 and len(quotes) > 5 and events
    for r in (*mentions, *quotes):
        assert text[r.start - offset : r.end - offset] == r.text
    assert all(offset <= e.start < e.end <= offset + len(text) for e in events)
    # a short text gives what parsing it whole gives
    short = "Rishi Sunak said on Monday: “We will not sign it.” He met Xi Jinping."
    where = Where("s.txt", "art", offset, None)
    assert an.analyse(short, where) == an.analyse(next(an.parse([short], [where])))
    # several texts, one record set each, in order (an empty one too)
    got = list(an.analyse_texts([short, "", text], [where] * 3))
    assert [len(g[0]) for g in got] == [len(an.analyse(short, where)[0]), 0, len(mentions)]


INDEX_TEXT = ("The President said “THE END” in Paris. The Senate met in Rome on Monday, "
              "and Angela Merkel, the German chancellor, spoke in Berlin.")


@pytest.mark.parametrize(
    ("attr", "values"),
    [
        ("LOWER", {"the", "in"}),  # every case: "The", "the", "THE"
        ("LOWER", {"said"}),
        ("ORTH", {"“", '"'}),
        ("POS", {"VERB", "AUX", "PROPN"}),
        ("LOWER", {"nowhere", "zebra"}),  # a negative: no token
        ("POS", {"NOT_A_TAG"}),
        # a list longer than the article's distinct words (walked the other way), one
        # with every tag, and an empty one
        ("LOWER", {"the", "senate", "berlin", *(f"absent{i}" for i in range(200))}),
        ("POS", {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART",
                 "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X", "SPACE"}),
        ("LOWER", set()),
    ],
)
def test_where_finds_the_tokens_a_scan_finds(attr: str, values: set[str]) -> None:
    """The stages' word-list scans read an index (``ParsedArticle.where``): it must
    give the tokens, in order, that a loop over every token gives."""
    from spacy import attrs

    parsed = analysers().read(INDEX_TEXT)
    field = {"LOWER": "lower_", "ORTH": "text", "POS": "pos_"}[attr]
    scan = [t.i for t in parsed.doc if getattr(t, field) in values]
    assert parsed.where(getattr(attrs, attr), frozenset(values)) == scan
    assert [t.i for t in parsed.tokens] == list(range(len(parsed.doc)))
    # with each token's value (the linker reads its words and tags so)
    assert parsed.where_each(getattr(attrs, attr), frozenset(values)) == {
        t.i: getattr(t, field) for t in parsed.doc if getattr(t, field) in values}


@pytest.mark.parametrize(("attr", "keep"), [
    ("LEMMA", lambda s: s.lower() in {"say", "meet", "speak"}),
    ("LOWER", lambda s: s.endswith("e")),
    ("ORTH", lambda s: s[:1].isupper()),
    ("LOWER", lambda s: False),  # a negative: no token
])
def test_where_text_with_a_memo_as_without(attr: str, keep: Any) -> None:
    """``where_text`` with a memo kept across articles (the quote and event stages'
    word lists) finds what it finds without one, in the first article and in the
    next, whose values the memo partly holds already; it asks ``keep`` once a value."""
    from spacy import attrs

    asked: list[str] = []

    def counted(s: str) -> bool:
        asked.append(s)
        return bool(keep(s))

    memo: dict[int, bool] = {}
    col = getattr(attrs, attr)
    for text in (INDEX_TEXT, "Merkel said the Senate would meet again in Paris."):
        parsed = analysers().read(text)
        assert parsed.where_text(col, counted, memo) == parsed.where_text(col, keep)
    assert len(asked) == len(set(asked)) == len(memo)


def test_entities_in_a_span_as_spacy_gives_them() -> None:
    from dossier.parse import ents_in

    parsed = analysers().read(INDEX_TEXT)
    sents = list(parsed.doc.sents)
    assert len(sents) == 2 and parsed.ents
    for span in [*sents, parsed.doc[0:3], parsed.doc[:], parsed.doc[5:5]]:
        assert [(e.start, e.end, e.label_, e.kb_id_, e.id_) for e in ents_in(span)] == [
            (e.start, e.end, e.label_, e.kb_id_, e.id_) for e in span.ents]


def test_entities_read_once_keep_no_doc_alive() -> None:
    """The doc's entities are kept per doc with a weak key: reading them must not keep
    an article's parse alive after the article (a stream would keep them all)."""
    import gc
    import weakref

    from dossier.events.extract import extract_events
    from dossier.parse import ents_in

    an = analysers()
    parsed = an.read(INDEX_TEXT)
    extract_events(parsed, an.geo)
    assert ents_in(parsed.doc[:])
    ref = weakref.ref(parsed.doc)
    del parsed
    gc.collect()
    assert ref() is None



STAGES_TEXT = ("Angela Merkel met the French president in Berlin on Monday. She said that "
               "Germany would not sign the treaty, and he told reporters it was over.")


@pytest.mark.parametrize("stage", ["actors", "quotes", "events"])
def test_each_stage_lets_go_of_the_doc_it_walked(stage: str) -> None:
    """Each stage walks the parse with ``dossier.parse.tree.children`` (which holds
    the doc it walks) and lets go at its end: after the stage alone, dropping the
    article frees its parse (a stream would otherwise keep one doc per stage alive)."""
    import gc
    import weakref

    an = analysers()
    parsed = an.read(STAGES_TEXT)
    run = {"actors": lambda p: an.linker.link(p),
           "quotes": lambda p: extract_quotes(p, an.geo),
           "events": lambda p: extract_events(p, an.geo)}[stage]
    assert run(parsed)  # the stage found something, so it walked the parse
    ref = weakref.ref(parsed.doc)
    del parsed
    gc.collect()
    assert ref() is None


def test_the_stages_share_the_children_made_for_an_article() -> None:
    """The three stages walk one article with the children the stages before made
    (``ParsedArticle.kids``): a token's children are made once per article, not once
    per stage; between the stages the walks' cache holds no doc."""
    from dossier.parse import tree

    an = analysers()
    parsed = an.read(STAGES_TEXT)
    an.linker.link(parsed)
    after_actors = dict(parsed.kids)
    assert after_actors and tree._LAST[0] is None
    extract_quotes(parsed, an.geo), extract_events(parsed, an.geo)
    assert all(parsed.kids[i] is kids for i, kids in after_actors.items())
    assert len(parsed.kids) > len(after_actors) and tree._LAST[0] is None
    for i, kids in parsed.kids.items():
        assert [c.i for c in kids] == [c.i for c in parsed.doc[i].children]


def test_the_events_stage_lets_go_of_the_doc_after_an_error(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A rule that raises mid-article still leaves the walks' cache empty (the stage
    releases it in a ``finally``), so the failed article's parse is not kept."""
    import dossier.events.extract as ev
    from dossier.parse import tree

    an = analysers()
    parsed = an.read(STAGES_TEXT)

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        tree.children(parsed.doc[0])  # the stage has walked the parse
        raise RuntimeError("a rule failed")

    monkeypatch.setattr(ev, "verify", broken)
    with pytest.raises(RuntimeError):
        extract_events(parsed, an.geo)
    assert tree._LAST[0] is None


MARKS_TEXTS = [
    INDEX_TEXT,
    "“We will not sign it,“ the minister said. “Never.”\n\nHe left \"at once\" and "
    "«then» came back.",
    "An “open quotation\n\nends at the paragraph. No marks here at all.",
    "",  # an empty text: no tokens
]


def _quoted_by_scan(doc) -> list[bool]:  # type: ignore[no-untyped-def]
    """Which tokens stand inside quotation marks, by a walk over every token (as
    ``quoted_tokens`` read them before it read the doc's columns)."""
    from dossier.parse import misclosed

    inside, out = False, []
    for t in doc:
        if "\n" in t.text_with_ws and t.is_space:
            inside = False
        if inside and t.text == "“" and misclosed(doc.text, t.idx):
            inside = False
            out.append(False)
        elif t.text in ("“", "«", "”", "»", '"'):
            inside = (t.text in ("“", "«")) or (t.text == '"' and not inside)
            out.append(False)
        else:
            out.append(inside)
    return out


@pytest.mark.parametrize("text", MARKS_TEXTS)
def test_quoted_tokens_and_text_as_a_walk_over_every_token_gives_them(text: str) -> None:
    """``ParsedArticle.quoted`` reads only the marks and spaces of the doc's columns,
    ``text`` joins the tokens once made: the same as a walk over every token and
    ``doc.text``. The second text holds a misclosed mark (“…,“), a paragraph break,
    straight quotes and guillemets; the third a quotation a paragraph ends."""
    parsed = analysers().read(text)
    assert parsed.quoted == _quoted_by_scan(parsed.doc)
    assert parsed.text == parsed.doc.text == text
    if "“Never" in text:
        assert any(parsed.quoted) and not all(parsed.quoted)


def test_children_are_spacys_and_let_go_of_the_doc() -> None:
    """``dossier.parse.tree.children`` gives ``tok.children`` (same tokens, in order)
    for every token of two docs asked in turn, each list made once per token; after
    ``forget`` (each stage's end) the doc is not held."""
    import gc
    import weakref

    from dossier.parse.tree import children, forget

    an = analysers()
    one, two = an.read(INDEX_TEXT).doc, an.read(MARKS_TEXTS[1]).doc
    for doc in (one, two, one):
        for t in doc:
            assert [c.i for c in children(t)] == [c.i for c in t.children]
            assert all(c.doc is doc for c in children(t))
            assert children(t) is children(t)  # made once
    ref = weakref.ref(one)
    forget()
    del one, doc, t
    gc.collect()
    assert ref() is None


@pytest.mark.parametrize("offset", [0, 7])
def test_mention_tokens_are_those_char_span_finds(offset: int) -> None:
    """The stages read each token's mention from the tokens' bounds read once
    (``ParsedArticle.mention_at``): the same tokens spaCy's ``char_span`` ("expand")
    gives, for a mention starting and ending anywhere — inside a word, on a space, at
    either end of the text, or outside it (no token)."""
    from types import SimpleNamespace
    from typing import Any, cast

    from dossier.parse import ParsedArticle, mentions_by_token

    doc = analysers().read("  Angela Merkel,  the chancellor.\n\nBerlin ").doc
    parsed = ParsedArticle(doc, "b", "x", offset, None)
    n = len(doc.text)
    for start in range(-1, n + 2):
        for end in range(start, n + 3):
            m = cast(Any, SimpleNamespace(start=start + offset, end=end + offset))
            assert parsed._by_token([m]) == mentions_by_token(doc, [m], offset), (start, end)
    assert parsed._by_token([]) == {}


@pytest.mark.parametrize("text", [
    "  Leading spaces. Trailing ones too.  ",
    "A headline\n\nA paragraph, then\ttabs and  double  spaces.\n",
    "“Quoted,” she said — in curly marks… and an emoji 🙂 at the end",
    "",
])
def test_the_parsed_text_is_the_docs_text(text: str) -> None:
    """``ParsedArticle.text`` is the text given to the parser (spaCy keeps every
    character), not rebuilt from the tokens."""
    parsed = analysers().read(text)
    assert parsed.parsed_text == text == parsed.doc.text == parsed.text
