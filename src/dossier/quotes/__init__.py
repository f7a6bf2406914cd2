"""Quotes: who said what — direct, partial and indirect speech with a resolved speaker."""
