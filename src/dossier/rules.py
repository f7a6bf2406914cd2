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

import inspect
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import wraps
from inspect import CO_VARARGS, CO_VARKEYWORDS
from types import CodeType, FunctionType
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
        self._keys: set[str] = set()  # (a name used twice is refused)
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
            key = rule.key
            if key in self._keys:  # (a set: a scan of every rule before was quadratic)
                raise ValueError(f"two rules named {key}")
            self.rules.append(rule)
            self._keys.add(key)
            if key not in OFF.keys and OFF.matches(key):
                OFF.keys = OFF.keys | {key}

            # an empty list (dict, set) the caller may extend is a new one each call
            fresh = off.copy if isinstance(off, list | dict | set) else None
            run = _switchable(fn, key, off, fresh)
            run.rule = rule  # type: ignore[attr-defined]
            return run  # type: ignore[return-value]

        return register

    def on(self, group: str, name: str) -> bool:
        """Whether a rule (declared elsewhere by name) is switched on."""
        return f"{self.stage}.{group}.{name}" not in OFF.keys


def _switchable(fn: Callable[..., Any], key: str, off: Any,
                fresh: Callable[[], Any] | None) -> Callable[..., Any]:
    """``fn``, or ``off`` (a fresh copy of it; with no ``off``, the first argument)
    while the rule ``key`` is switched off.

    The rules are called ~4,000 times an article: a wrapper taking ``*args,
    **kwargs`` cost ~3× the call itself, so the wrapper is made with ``fn``'s own
    parameters (one maker per list of parameter names and kinds: ~170 for ~350
    rules). Every rule has only positional-or-keyword parameters: their makers are one
    compiled maker per number of parameters with the names put in (``_maker``)."""
    shape = _shape(fn)
    if (shape is None or not shape or shape[0][1] not in _POSITIONAL
            or any(name.startswith("_rule_") for name, _ in shape)):
        @wraps(fn)
        def run(*args: Any, **kwargs: Any) -> Any:
            if key in OFF.keys:
                if off is _NOTHING:
                    return args[0]
                return fresh() if fresh is not None else off
            return fn(*args, **kwargs)

        return run
    make = _MAKERS.get(shape)
    if make is None:
        make = _MAKERS[shape] = _maker(shape)
    made: Any = wraps(fn)(make(fn, key, OFF, off, _NOTHING, fresh))
    inner = inspect.unwrap(fn)  # (a cached function's defaults are its function's)
    made.__defaults__, made.__kwdefaults__ = inner.__defaults__, inner.__kwdefaults__
    return made  # type: ignore[no-any-return]


_P = inspect.Parameter
_POSITIONAL = (_P.POSITIONAL_ONLY, _P.POSITIONAL_OR_KEYWORD)
Shape = tuple[tuple[str, Any], ...]
_MAKERS: dict[Shape, Callable[..., Callable[..., Any]]] = {}


def _shape(fn: Callable[..., Any]) -> Shape | None:
    """The names and kinds of ``fn``'s parameters, as ``inspect.signature`` gives them
    (None: it has no signature). A plain function's are read from its code (the
    signature took ~0.01 s of the start-up for ~350 rules)."""
    code = getattr(fn, "__code__", None)
    if (type(fn) is not FunctionType or code is None or hasattr(fn, "__wrapped__")
            or hasattr(fn, "__signature__")):
        try:
            return tuple((p.name, p.kind) for p in inspect.signature(fn).parameters.values())
        except (TypeError, ValueError):
            return None
    names = code.co_varnames
    n, k, only = code.co_argcount, code.co_kwonlyargcount, code.co_posonlyargcount
    out: list[tuple[str, Any]] = [
        (names[i], _P.POSITIONAL_ONLY if i < only else _P.POSITIONAL_OR_KEYWORD)
        for i in range(n)]
    rest = n + k
    if code.co_flags & CO_VARARGS:
        out.append((names[rest], _P.VAR_POSITIONAL))
        rest += 1
    out += [(names[i], _P.KEYWORD_ONLY) for i in range(n, n + k)]
    if code.co_flags & CO_VARKEYWORDS:
        out.append((names[rest], _P.VAR_KEYWORD))
    return tuple(out)


def _maker(shape: Shape) -> Callable[..., Callable[..., Any]]:
    """The maker of switchable wrappers with these parameters (names and kinds). With
    positional-or-keyword parameters only (every rule's), the maker compiled for their
    number with the parameters renamed (compiling one per list of names took ~0.01 s of
    the start-up)."""
    if all(kind is _P.POSITIONAL_OR_KEYWORD for _, kind in shape):
        numbered = tuple((f"_rule_a{i}", kind) for i, (_, kind) in enumerate(shape))
        template = _MAKERS.get(numbered)
        if template is None:
            template = _MAKERS[numbered] = _compiled_maker(numbered)
        code = template.__code__
        run = next(c for c in code.co_consts if isinstance(c, CodeType))
        named = run.replace(co_varnames=tuple(name for name, _ in shape))
        return FunctionType(  # type: ignore[no-any-return]
            code.replace(co_consts=tuple(named if c is run else c for c in code.co_consts)),
            template.__globals__, "make")
    return _compiled_maker(shape)


def _compiled_maker(shape: Shape) -> Callable[..., Callable[..., Any]]:
    """The maker of switchable wrappers with these parameters, compiled from source."""
    head: list[str] = []
    call: list[str] = []
    for i, (name, kind) in enumerate(shape):
        if kind is _P.VAR_POSITIONAL:
            head.append(f"*{name}")
            call.append(f"*{name}")
        elif kind is _P.VAR_KEYWORD:
            head.append(f"**{name}")
            call.append(f"**{name}")
        else:
            if kind is _P.KEYWORD_ONLY and not any(
                    k in (_P.VAR_POSITIONAL, _P.KEYWORD_ONLY) for _, k in shape[:i]):
                head.append("*")
            head.append(name)
            call.append(f"{name}={name}" if kind is _P.KEYWORD_ONLY else name)
        if kind is _P.POSITIONAL_ONLY and (i + 1 == len(shape)
                                           or shape[i + 1][1] is not _P.POSITIONAL_ONLY):
            head.append("/")
    source = (
        "def make(_rule_fn, _rule_key, _rule_off_set, _rule_off, _rule_nothing,"
        " _rule_fresh):\n"
        f"    def run({', '.join(head)}):\n"
        "        if _rule_key in _rule_off_set.keys:\n"
        "            if _rule_off is _rule_nothing:\n"
        f"                return {shape[0][0]}\n"
        "            return _rule_fresh() if _rule_fresh is not None else _rule_off\n"
        f"        return _rule_fn({', '.join(call)})\n"
        "    return run\n")
    space: dict[str, Any] = {}
    exec(compile(source, "<dossier.rules>", "exec"), space)  # noqa: S102 - our own source
    return space["make"]  # type: ignore[no-any-return]


def is_on(key: str) -> bool:
    """Whether the rule ``stage.group.name`` is switched on; it may be another stage's,
    not imported here (the quote stage asks about ``actors.coref.org_nominal``, whose
    resolver it shares)."""
    return not OFF.matches(key)


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
