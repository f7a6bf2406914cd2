"""Rules as named units: each NLP stage keeps an ordered book of its rules, every
rule a function with a name, a group and, in its docstring, the sentence that
motivated it. Any rule, or a group of them, can be switched off to measure what it
earns (``eval/ablate.py``): a switched-off rule returns its declared ``off`` value
(a check that finds nothing, a strategy that yields nothing).

Switch rules off for a run with the environment variable ``DOSSIER_RULES_OFF``
(comma-separated names; ``quotes.*`` or ``quotes.speaker.*`` for a stage or a group)
or in-process with :func:`switched_off`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import wraps
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_NOTHING = object()


@dataclass(frozen=True, slots=True)
class Rule:
    """One named rule: ``stage.group.name``."""

    stage: str
    group: str
    name: str
    doc: str
    fn: Callable[..., Any]

    @property
    def key(self) -> str:
        return f"{self.stage}.{self.group}.{self.name}"


class _Off:
    """The switched-off patterns, and a cache of which rule keys they match."""

    def __init__(self) -> None:
        self.patterns: tuple[str, ...] = ()
        self.keys: frozenset[str] = frozenset()

    def set(self, patterns: tuple[str, ...]) -> None:
        self.patterns = tuple(p.strip() for p in patterns if p.strip())
        self.keys = frozenset(r.key for book in BOOKS.values() for r in book
                              if self.matches(r.key))

    def matches(self, key: str) -> bool:
        return any(key == p or fnmatchcase(key, p) or key.startswith(p + ".")
                   for p in self.patterns)


OFF = _Off()
BOOKS: dict[str, RuleBook] = {}


class RuleBook:
    """The ordered rules of one stage."""

    def __init__(self, stage: str) -> None:
        self.stage = stage
        self.rules: list[Rule] = []
        BOOKS[stage] = self

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def rule(self, group: str, *, off: Any = _NOTHING, name: str | None = None
             ) -> Callable[[F], F]:
        """Register the decorated function as the rule ``stage.group.name``.

        Switched off, it returns ``off`` (give one for a check or a strategy), or, with
        no ``off`` given, its first argument unchanged (a rule that mends a value)."""

        def register(fn: F) -> F:
            doc = (fn.__doc__ or "").strip()
            if not doc:
                raise ValueError(f"rule {fn.__name__} needs a docstring with its example")
            rule = Rule(self.stage, group, name or fn.__name__.strip("_"), doc, fn)
            if any(r.key == rule.key for r in self.rules):
                raise ValueError(f"two rules named {rule.key}")
            self.rules.append(rule)
            key = rule.key
            if key not in OFF.keys and OFF.matches(key):
                OFF.keys = OFF.keys | {key}

            # an empty list (dict, set) the caller may extend is a new one each call
            fresh = off.copy if isinstance(off, list | dict | set) else None

            @wraps(fn)
            def run(*args: Any, **kwargs: Any) -> Any:
                if key in OFF.keys:
                    if off is _NOTHING:
                        return args[0]
                    return fresh() if fresh is not None else off
                return fn(*args, **kwargs)

            run.rule = rule  # type: ignore[attr-defined]
            return run  # type: ignore[return-value]

        return register

    def on(self, group: str, name: str) -> bool:
        """Whether a rule (declared elsewhere by name) is switched on."""
        return f"{self.stage}.{group}.{name}" not in OFF.keys


def all_rules() -> list[Rule]:
    """Every registered rule, stage by stage, in order (import the stages first)."""
    return [r for book in BOOKS.values() for r in book]


@contextmanager
def switched_off(*patterns: str) -> Iterator[None]:
    """Switch the rules matching ``patterns`` off inside the block."""
    before = OFF.patterns
    OFF.set(before + patterns)
    try:
        yield
    finally:
        OFF.set(before)


OFF.set(tuple(os.environ.get("DOSSIER_RULES_OFF", "").split(",")))
