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
        for book in BOOKS.values():
            for r in book:
                _switch(r.fn, r.key in self.keys)

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
            run = _in_place(fn, off, fresh) or _switchable(fn, key, off, fresh)
            _switch(run, key in OFF.keys)
            run.rule = rule  # type: ignore[attr-defined]
            return run  # type: ignore[return-value]

        return register

    def on(self, group: str, name: str) -> bool:
        """Whether a rule (declared elsewhere by name) is switched on."""
        return f"{self.stage}.{group}.{name}" not in OFF.keys


_OFF_VALUE = "\0dossier.rules: off"  # in a switched-off rule's code: where ``off`` goes


def _in_place(fn: Callable[..., Any], off: Any, fresh: Callable[[], Any] | None
              ) -> Callable[..., Any] | None:
    """``fn`` itself, switched by its code: while the rule is off its ``__code__`` is
    code with the same parameters that returns ``off`` (a fresh copy of it; with no
    ``off``, the first argument), compiled when it is first switched off, and
    switched on it is its own code again. A rule switched on is then a plain call:
    the rules are called ~6,000 times an article (477k calls in the three stages over
    the 80 articles of benchmarks/stages.py), and the wrapper's extra frame cost ~700
    instructions a call (~5 % of the stages' instructions: docs/scale.md, session 22).
    ``fn.__wrapped__`` is the rule always on (eval/audit.py calls it so).

    None, for a wrapper instead (:func:`_switchable`), when ``fn`` is no plain
    function (a cached one), has a closure (the off code could not share its cells),
    or is a rule that mends its first argument without a positional one."""
    if type(fn) is not FunctionType or fn.__closure__ or hasattr(fn, "_rule_codes"):
        return None
    shape = tuple((p.name, p.kind) for p in inspect.signature(fn).parameters.values())
    if off is not _NOTHING:
        value = f"{_OFF_VALUE!r}.copy()" if fresh is not None else repr(_OFF_VALUE)
    elif shape and shape[0][1] in _POSITIONAL:
        value = shape[0][0]  # (a mending rule gives its first argument back)
    else:
        return None
    code = fn.__code__
    on = FunctionType(code, fn.__globals__, fn.__name__, fn.__defaults__)
    on.__kwdefaults__, on.__qualname__ = fn.__kwdefaults__, fn.__qualname__
    fn.__wrapped__ = on  # type: ignore[attr-defined]
    # [its own code, the off code once made, how to make it]
    fn._rule_codes = [code, None, lambda: _off_code(code, shape, value, off)]  # type: ignore[attr-defined]
    return fn


def _off_code(code: CodeType, shape: tuple[tuple[str, Any], ...], value: str, off: Any
              ) -> CodeType:
    """Code with the parameters ``shape`` that returns ``value`` (Python source: a
    parameter's name, or an expression of ``_OFF_VALUE``, which becomes ``off``)."""
    space: dict[str, Any] = {}
    source = f"def run({', '.join(_head(shape))}):\n    return {value}\n"
    exec(compile(source, "<dossier.rules>", "exec"), space)  # noqa: S102 - our own source
    made: CodeType = space["run"].__code__
    return made.replace(co_name=code.co_name, co_qualname=code.co_qualname,
                        co_consts=tuple(off if isinstance(c, str) and c == _OFF_VALUE
                                        else c for c in made.co_consts))


def _switch(fn: Callable[..., Any], off: bool) -> None:
    """Give a rule switched by its code (:func:`_in_place`) its off or its own code."""
    codes = getattr(fn, "_rule_codes", None)
    if codes is None:
        return
    if off and codes[1] is None:
        codes[1] = codes[2]()
    want = codes[1] if off else codes[0]
    if fn.__code__ is not want:
        fn.__code__ = want


def _switchable(fn: Callable[..., Any], key: str, off: Any,
                fresh: Callable[[], Any] | None) -> Callable[..., Any]:
    """``fn``, or ``off`` (a fresh copy of it; with no ``off``, the first argument)
    while the rule ``key`` is switched off: the wrapper of a rule :func:`_in_place`
    cannot switch by its code.

    A wrapper taking ``*args, **kwargs`` cost ~3× the call itself, so the wrapper is
    made with ``fn``'s own parameters (one maker per list of parameter names and
    kinds, compiled once)."""
    params = list(inspect.signature(fn).parameters.values())
    if (not params or params[0].kind not in _POSITIONAL
            or any(p.name.startswith("_rule_") for p in params)):
        @wraps(fn)
        def run(*args: Any, **kwargs: Any) -> Any:
            if key in OFF.keys:
                if off is _NOTHING:
                    return args[0]
                return fresh() if fresh is not None else off
            return fn(*args, **kwargs)

        return run
    shape = tuple((p.name, p.kind) for p in params)
    make = _MAKERS.get(shape)
    if make is None:
        make = _MAKERS[shape] = _maker(shape)
    made: Any = wraps(fn)(make(fn, key, OFF, off, _NOTHING, fresh))
    inner = inspect.unwrap(fn)  # (a cached function's defaults are its function's)
    made.__defaults__, made.__kwdefaults__ = inner.__defaults__, inner.__kwdefaults__
    return made  # type: ignore[no-any-return]


_POSITIONAL = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
_MAKERS: dict[tuple[tuple[str, Any], ...], Callable[..., Callable[..., Any]]] = {}


def _maker(shape: tuple[tuple[str, Any], ...]) -> Callable[..., Callable[..., Any]]:
    """The maker of switchable wrappers with these parameters (names and kinds)."""
    P = inspect.Parameter
    call = [f"*{name}" if kind is P.VAR_POSITIONAL else f"**{name}"
            if kind is P.VAR_KEYWORD else f"{name}={name}" if kind is P.KEYWORD_ONLY
            else name for name, kind in shape]
    source = (
        "def make(_rule_fn, _rule_key, _rule_off_set, _rule_off, _rule_nothing,"
        " _rule_fresh):\n"
        f"    def run({', '.join(_head(shape))}):\n"
        "        if _rule_key in _rule_off_set.keys:\n"
        "            if _rule_off is _rule_nothing:\n"
        f"                return {shape[0][0]}\n"
        "            return _rule_fresh() if _rule_fresh is not None else _rule_off\n"
        f"        return _rule_fn({', '.join(call)})\n"
        "    return run\n")
    space: dict[str, Any] = {}
    exec(compile(source, "<dossier.rules>", "exec"), space)  # noqa: S102 - our own source
    return space["make"]  # type: ignore[no-any-return]


def _head(shape: tuple[tuple[str, Any], ...]) -> list[str]:
    """A ``def``'s parameter list for these parameters (names and kinds)."""
    P = inspect.Parameter
    head: list[str] = []
    for i, (name, kind) in enumerate(shape):
        if kind is P.VAR_POSITIONAL:
            head.append(f"*{name}")
        elif kind is P.VAR_KEYWORD:
            head.append(f"**{name}")
        else:
            if kind is P.KEYWORD_ONLY and not any(
                    k in (P.VAR_POSITIONAL, P.KEYWORD_ONLY) for _, k in shape[:i]):
                head.append("*")
            head.append(name)
        if kind is P.POSITIONAL_ONLY and (i + 1 == len(shape)
                                          or shape[i + 1][1] is not P.POSITIONAL_ONLY):
            head.append("/")
    return head


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
