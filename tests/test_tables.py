"""spaCy's rule components as Dossier runs them (dossier.parse.tables): the attribute
ruler through a table, the lemmatizer's index as a set, and the same output as spaCy's."""

from __future__ import annotations

import pickle

import pytest
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from dossier.parse.loader import load_nlp
from dossier.parse.tables import TableAttributeRuler, WordIndex, table_components

# made-up sentences reaching the exceptions: several-token rules ("gon na", "let 's",
# "c'm on", "ai n't"), words by tag and dependency ("I" as an object, "there is",
# "do" as a main verb, "that" as a pronoun), spaces, the curly negation
SENTENCES = [
    "Y'all ain't gonna get it, let's go. C'mon, nothin' doing.",
    "There is a dog and there are two cats. He saw I and you and it.",
    "Who got it? They gets it. I'd do that if I could, whether or not it rains.",
    "She didn’t say she has done what they had. We’re  here,\n\nand   that's that.",
    "The minister said on Tuesday that Britain would not back the deal.",
    "",
    "   ",
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def _parsed(nlp: Language, texts: list[str]) -> list[Doc]:
    """The documents before the ruler: the components before it, run once."""
    before = nlp.pipe_names[:nlp.pipe_names.index("attribute_ruler")]
    with nlp.select_pipes(enable=before):
        return list(nlp.pipe(texts))


def _copy(doc: Doc) -> Doc:
    return Doc(doc.vocab).from_bytes(doc.to_bytes())


def _attrs(doc: Doc) -> list[tuple[object, ...]]:
    return [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.is_sent_start)
            for t in doc]


def _both(ruler: AttributeRuler, doc: Doc) -> tuple[list[tuple[object, ...]], ...]:
    ruler.__class__ = AttributeRuler
    want = _attrs(ruler(_copy(doc)))
    ruler.__class__ = TableAttributeRuler
    got = _attrs(ruler(_copy(doc)))
    return want, got


def test_the_loader_uses_the_table(nlp: Language) -> None:
    assert type(nlp.get_pipe("attribute_ruler")) is TableAttributeRuler


@pytest.mark.parametrize("text", SENTENCES)
def test_same_attributes_as_spacy(nlp: Language, text: str) -> None:
    ruler = nlp.get_pipe("attribute_ruler")
    (doc,) = _parsed(nlp, [text])
    want, got = _both(ruler, doc)
    assert got == want
    if text.strip():  # the rules did something: POS comes from the ruler alone
        assert any(pos for pos, *_ in got)


def test_same_attributes_on_the_demo(nlp: Language, demo_text: str) -> None:
    ruler = nlp.get_pipe("attribute_ruler")
    paras = [p for p in demo_text.split("\n") if len(p) > 40][:60]
    for doc in _parsed(nlp, paras):
        want, got = _both(ruler, doc)
        assert got == want


def test_later_rules_win_and_several_token_rules_apply() -> None:
    """A ruler of made-up rules: the later rule's value wins, a rule of two tokens
    sets its indexed token, and a rule that does not match sets nothing."""
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "red"}]], {"TAG": "JJ", "LEMMA": "rouge"})
    ruler.add([[{"LOWER": {"IN": ["red", "blue"]}}]], {"TAG": "ADJ_LATE"})
    ruler.add([[{"LOWER": "big"}, {"LOWER": {"REGEX": "^re"}}]], {"LEMMA": "grand"}, index=1)
    ruler.add([[{"LOWER": "green"}, {"LOWER": "car"}]], {"LEMMA": "never"})
    table_components(nlp)
    doc = nlp("a big red car and blue sky")
    assert [(t.tag_, t.lemma_) for t in doc] == [
        ("", ""), ("", ""), ("ADJ_LATE", "grand"), ("", ""), ("", ""), ("ADJ_LATE", ""),
        ("", "")]
    ruler.__class__ = AttributeRuler
    assert _attrs(ruler(nlp.make_doc("a big red car and blue sky"))) == _attrs(doc)


def test_a_rule_the_table_cannot_express_falls_back_to_spacy() -> None:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"LOWER": "good"}]], {"LEMMA": "fine"},
              index=-1)
    table_components(nlp)
    doc = nlp("a very very good day")
    assert doc[3].lemma_ == "fine"
    assert type(ruler) is AttributeRuler  # the table gave up: spaCy's matcher ran


def test_pickles_without_its_table(nlp: Language) -> None:
    ruler = nlp.get_pipe("attribute_ruler")
    nlp("A sentence makes the table.")
    again = pickle.loads(pickle.dumps(ruler))
    assert type(again) is TableAttributeRuler
    (doc,) = _parsed(nlp, ["He said it."])
    assert _attrs(again(_copy(doc))) == _attrs(ruler(_copy(doc)))


def test_the_lemmatizer_index_is_a_set_with_the_same_lemmas(nlp: Language,
                                                           demo_text: str) -> None:
    """The same lemmas as with the model's own index lists (cache emptied between)."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    table = lemmatizer.lookups.get_table("lemma_index")
    assert table and all(type(words) is WordIndex for words in table.values())
    texts = [p for p in demo_text.split("\n") if len(p) > 40][:60] + SENTENCES
    before = nlp.pipe_names[:nlp.pipe_names.index("lemmatizer")]
    with nlp.select_pipes(enable=before):
        docs = list(nlp.pipe(texts))
    fast = [[t.lemma_ for t in lemmatizer(_copy(doc))] for doc in docs]
    kept = dict(table.items())
    try:
        for key, words in kept.items():
            table[key] = list(words)
        lemmatizer.cache.clear()
        slow = [[t.lemma_ for t in lemmatizer(_copy(doc))] for doc in docs]
    finally:
        for key, words in kept.items():
            table[key] = words
        lemmatizer.cache.clear()
    assert fast == slow
    assert "say" in {lemma for lemmas in fast for lemma in lemmas}  # "said" -> "say"


@pytest.mark.parametrize(("word", "inside"), [("dog", True), ("Dog", False), ("", False),
                                              (3, False)])
def test_word_index_is_a_list_with_a_set_membership(word: object, inside: bool) -> None:
    import srsly

    index = WordIndex(["cat", "dog"])
    assert (word in index) is inside
    assert index == ["cat", "dog"] and srsly.msgpack_loads(srsly.msgpack_dumps(index)) == index
    assert pickle.loads(pickle.dumps(index)).words == frozenset({"cat", "dog"})
