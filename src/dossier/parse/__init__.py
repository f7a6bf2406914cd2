"""The parsed-article layer, below actors, quotes and events: the one spaCy loader
(:func:`load_nlp`), quotation marks, and :class:`ParsedArticle`, built once per
article and read by every stage."""

from dossier.parse.article import ParsedArticle, ents_in, mentions_by_token
from dossier.parse.loader import ModelError, load_nlp
from dossier.parse.marks import misclosed, quoted_tokens

__all__ = ["ModelError", "ParsedArticle", "ents_in", "load_nlp", "mentions_by_token", "misclosed",
           "quoted_tokens"]
