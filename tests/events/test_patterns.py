"""Patterns and the dictionary (events.patterns): the tables are compiled once and
indexed by lemma. What each pattern codes is in test_coding.py and test_rules.py."""

from __future__ import annotations

from dossier.events.patterns import patterns, verb_objects


def test_tables_compiled_once_and_indexed() -> None:
    p = patterns()
    assert p is patterns() and "meet" in p.verbs and "sanction" in p.nouns
    assert p.agents["police"] == "COP" and p.agents["foreign minister"] == "GOV"
    assert verb_objects()["restore"]["obj:ties"] == "050"
