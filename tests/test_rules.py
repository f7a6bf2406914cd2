"""Rules as named units: registered in order, switched off by name, group or stage."""

from __future__ import annotations

import subprocess
import sys

import pytest

from dossier.rules import OFF, RuleBook, all_rules, is_on, switched_off


@pytest.fixture()
def book():  # type: ignore[no-untyped-def]
    from dossier.rules import BOOKS

    b = RuleBook("teststage")
    yield b
    del BOOKS["teststage"]


def test_a_rule_switched_off_returns_its_off_value(book: RuleBook) -> None:
    @book.rule("speakers", off=False)
    def dateline(name: str) -> bool:
        """'SARAJEVO: Eight youngsters died …': a dateline names no speaker."""
        return name.isupper()

    @book.rule("content")
    def trim(text: str) -> str:
        """'“No,” he said.' — the content is the words, not the marks."""
        return text.strip("“”")

    assert dateline("SARAJEVO") is True and trim("“No”") == "No"
    for pattern in ("teststage.speakers.dateline", "teststage.speakers", "teststage.*",
                    "teststage"):
        with switched_off(pattern):
            assert dateline("SARAJEVO") is False
            assert trim("“No”") == ("No" if pattern.startswith("teststage.speakers") else "“No”")
    assert dateline("SARAJEVO") is True  # back on after the block
    assert [r.key for r in book] == ["teststage.speakers.dateline", "teststage.content.trim"]
    assert all(r.key in {x.key for x in all_rules()} for r in book)


@pytest.mark.parametrize("pattern", ["teststage.speaker", "other.*", "teststage.speakers.d"])
def test_a_pattern_that_does_not_name_the_rule_leaves_it_on(book: RuleBook,
                                                            pattern: str) -> None:
    @book.rule("speakers", off=False)
    def dateline(name: str) -> bool:
        """'SARAJEVO: …'"""
        return True

    with switched_off(pattern):
        assert dateline("X") is True


def test_rules_need_a_docstring_and_a_unique_name(book: RuleBook) -> None:
    with pytest.raises(ValueError, match="docstring"):
        @book.rule("g")
        def bare(x: int) -> int:
            return x

    @book.rule("g")
    def once(x: int) -> int:
        """An example."""
        return x

    with pytest.raises(ValueError, match="two rules"):
        @book.rule("g", name="once")
        def again(x: int) -> int:
            """Another."""
            return x


def test_the_environment_switches_rules_off_for_a_run() -> None:
    code = ("from dossier.rules import RuleBook\n"
            "b = RuleBook('envstage')\n"
            "@b.rule('g', off='off')\n"
            "def r(x):\n"
            "    'Example.'\n"
            "    return 'on'\n"
            "print(r(1))\n")
    env_off = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             env={"DOSSIER_RULES_OFF": "envstage.g", "PATH": ""}, check=True)
    plain = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env={"PATH": ""}, check=True)
    assert (env_off.stdout.strip(), plain.stdout.strip()) == ("off", "on")
    assert not OFF.patterns  # this process has nothing switched off


def test_a_strategy_switched_off_gives_a_new_empty_list_each_time(book: RuleBook) -> None:
    @book.rule("strategies", off=[])
    def find(text: str) -> list[str]:
        """'“No,” he said.': the quotation."""
        return [text]

    with switched_off("teststage.strategies.find"):
        first = find("a")
        first += ["kept by the caller"]  # the caller extends what it got
        assert find("b") == []


def _plain(a, b=2, *more, c=3, **extra):  # type: ignore[no-untyped-def]
    """A rule of every kind of parameter: 'Kyiv, 3 May' (a made-up example)."""
    return (a, b, more, c, extra)


def _positional(x, /, y=5):  # type: ignore[no-untyped-def]
    """Positional-only parameters: 'The talks, he said, went well.'"""
    return (x, y)


def _keywords(*, word="x"):  # type: ignore[no-untyped-def]
    """Keyword-only parameters, no first argument: 'Reuters reported.'"""
    return word


@pytest.mark.parametrize("fn, calls", [
    (_plain, [((1,), {}), ((1, 4), {}), ((1, 4, 5, 6), {"c": 7, "d": 8}),
              ((), {"a": 1, "b": 9})]),
    (_positional, [((1,), {}), ((1,), {"y": 6}), ((1, 2), {})]),
    (_keywords, [((), {}), ((), {"word": "y"})]),
])
def test_a_rule_takes_the_arguments_of_its_function(book: RuleBook, fn, calls) -> None:  # type: ignore[no-untyped-def]
    """The wrapper has the function's own parameters (names, kinds, defaults): every
    call gives what the function gives; switched off, the first argument."""
    import inspect

    rule = book.rule("shapes")(fn)
    assert inspect.signature(rule) == inspect.signature(fn)
    assert rule.__name__ == fn.__name__ and rule.__doc__ == fn.__doc__
    for args, kwargs in calls:
        assert rule(*args, **kwargs) == fn(*args, **kwargs)
    with switched_off("teststage.shapes"):
        for args, kwargs in calls:
            if args:  # a mending rule switched off gives its first argument back
                assert rule(*args, **kwargs) == args[0]
    with pytest.raises(TypeError):  # a wrong call fails as the function's own would
        rule(1, 2, 3) if fn is _positional else rule(1, zz=1) if fn is _keywords \
            else rule()


@pytest.mark.parametrize(("pattern", "on"), [
    ("otherstage.coref.nominal", False),  # by its key
    ("otherstage.coref", False),  # by its group
    ("otherstage.*", False),
    ("otherstage.coref.nominals", True),  # another rule: left on
    ("", True),
])
def test_is_on_asks_about_a_rule_no_book_here_holds(pattern: str, on: bool) -> None:
    with switched_off(pattern):
        assert is_on("otherstage.coref.nominal") is on


def test_a_cached_rule_keeps_its_defaults_and_switches(book: RuleBook) -> None:
    """A rule over a cached function (which has no defaults of its own) is called with
    the defaults of the function it caches, and is switched off and on like any other."""
    from functools import cache

    @book.rule("g")
    @cache
    def cached(x: int, y: int = 2) -> int:
        """'The same again': a made-up example."""
        return x + y

    assert cached(1) == 3 and cached(1, 5) == 6
    with switched_off("teststage.g.cached"):
        assert cached(1) == 1  # (off: the first argument, unchanged)
    assert cached(1) == 3


def test_a_rule_name_used_twice_is_refused(book: RuleBook) -> None:
    @book.rule("g")
    def twice(x: int) -> int:
        """'One': a made-up example."""
        return x

    with pytest.raises(ValueError, match="two rules named teststage.g.twice"):
        @book.rule("g", name="twice")
        def again(x: int) -> int:
            """'Two': a made-up example."""
            return x


def test_a_rule_is_its_own_function_switched_by_its_code(book: RuleBook) -> None:
    """A plain function is called with no wrapper: switched off, its code returns the
    off value (keyword arguments and defaults as before); ``__wrapped__`` is the rule
    always on; switched on again, it has its own code back."""
    def found(x: int, *, y: int = 1) -> int | None:
        """'One': a made-up example."""
        return x + y

    own = found.__code__
    rule = book.rule("g", off=None)(found)
    assert rule is found and rule.rule.key == "teststage.g.found"  # type: ignore[attr-defined]
    with switched_off("teststage.g"):
        assert found(1) is None and found(1, y=5) is None
        assert found.__wrapped__(1, y=5) == 6  # type: ignore[attr-defined]
    assert found.__code__ is own and found(1) == 2 and found(1, y=5) == 6


def test_a_rule_with_a_closure_is_wrapped_and_switches(book: RuleBook) -> None:
    step = 3

    @book.rule("g", off=0)
    def add(x: int) -> int:
        """'Three more': a made-up example."""
        return x + step

    assert add(1) == 4 and add.__wrapped__ is not add  # type: ignore[attr-defined]
    with switched_off("teststage.g.add"):
        assert add(1) == 0
    assert add(1) == 4
