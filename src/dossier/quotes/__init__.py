"""Quotes: who said what — direct, partial and indirect speech with a resolved speaker."""

from dossier.quotes.extract import extract_quotes, quote_spans

__all__ = ["extract_quotes", "quote_spans"]
