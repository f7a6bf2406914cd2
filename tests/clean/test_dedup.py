from __future__ import annotations

from dossier.clean.dedup import Deduplicator, text_hash

BASE = " ".join(
    f"Sentence {i} of the article says that the ministry met the delegation in the capital."
    for i in range(30)
)


def test_exact_duplicate_ignores_case_space_and_punctuation() -> None:
    d = Deduplicator()
    assert d.check("a", BASE)[:2] == (None, None)
    assert d.check("b", "  " + BASE.upper().replace(".", "!") + "\n")[:2] == ("a", "exact")
    assert text_hash(BASE) == text_hash(BASE.upper())


def test_near_duplicate_points_at_first_copy() -> None:
    d = Deduplicator(threshold=0.8)
    d.check("first", BASE)
    edited = BASE.replace("Sentence 7 of", "Paragraph 7 in")
    assert d.check("second", edited)[:2] == ("first", "near")


def test_different_article_is_not_a_duplicate() -> None:
    d = Deduplicator()
    d.check("a", BASE)
    other = " ".join(f"Line {i}: rain fell on the northern hills all week." for i in range(30))
    assert d.check("b", other)[:2] == (None, None)


def test_seeded_from_stored_signatures() -> None:
    first = Deduplicator()
    _, _, h, sig = first.check("stored", BASE)
    second = Deduplicator()
    second.seed([("stored", h, sig)])
    assert second.check("new", BASE)[:2] == ("stored", "exact")
    assert second.check("new2", BASE.replace("Sentence 3 of", "Line 3 in"))[:2] == (
        "stored", "near")


def test_same_id_again_is_not_its_own_duplicate() -> None:
    d = Deduplicator()
    d.check("a", BASE)
    assert d.check("a", BASE)[:2] == (None, None)


def test_window_bounds_what_is_remembered() -> None:
    texts = [" ".join(f"story{i} word{j}" for j in range(40)) for i in range(3)]
    d = Deduplicator(window=2)
    for i, t in enumerate(texts):
        assert d.check(f"a{i}", t)[0] is None
    assert len(d) == 2
    assert d.check("b0", texts[0])[0] is None  # fell out of the window: not found
    assert d.check("b2", texts[2])[0] == "a2"  # still inside: found


def test_nlp_worker_imports_no_datasketch() -> None:
    """A process that only runs the NLP (a worker, a Ray actor) does not pay for
    datasketch and scipy at start-up; deduplicating imports them."""
    import subprocess
    import sys

    code = ("import sys, dossier.engines.raydata, dossier.pipeline; "
            "print(sorted(m for m in ('datasketch', 'scipy') if m in sys.modules)); "
            "from dossier.clean.dedup import Deduplicator; Deduplicator().check('a', 'x y z'); "
            "print('datasketch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True).stdout.split("\n")
    assert out[0] == "[]" and out[1] == "True", out
