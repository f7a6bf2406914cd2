from __future__ import annotations

import os
import subprocess
import sys

import pytest

from dossier.clean.dedup import Deduplicator, text_hash

# signatures=False: the caller keeps no signatures (dossier extract); the first
# original waits for the index until a second article is compared. Same answers.
SIGNATURES = pytest.mark.parametrize("signatures", [True, False])

BASE = " ".join(
    f"Sentence {i} of the article says that the ministry met the delegation in the capital."
    for i in range(30)
)


@SIGNATURES
def test_exact_duplicate_ignores_case_space_and_punctuation(signatures: bool) -> None:
    d = Deduplicator(signatures=signatures)
    assert d.check("a", BASE)[:2] == (None, None)
    assert d.check("b", "  " + BASE.upper().replace(".", "!") + "\n")[:2] == ("a", "exact")
    assert text_hash(BASE) == text_hash(BASE.upper())


@SIGNATURES
def test_near_duplicate_points_at_first_copy(signatures: bool) -> None:
    d = Deduplicator(threshold=0.8, signatures=signatures)
    d.check("first", BASE)
    edited = BASE.replace("Sentence 7 of", "Paragraph 7 in")
    assert d.check("second", edited)[:2] == ("first", "near")


@SIGNATURES
def test_different_article_is_not_a_duplicate(signatures: bool) -> None:
    d = Deduplicator(signatures=signatures)
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


@SIGNATURES
def test_same_id_again_is_not_its_own_duplicate(signatures: bool) -> None:
    d = Deduplicator(signatures=signatures)
    d.check("a", BASE)
    assert d.check("a", BASE)[:2] == (None, None)


@SIGNATURES
def test_window_bounds_what_is_remembered(signatures: bool) -> None:
    texts = [" ".join(f"story{i} word{j}" for j in range(40)) for i in range(3)]
    d = Deduplicator(window=2, signatures=signatures)
    for i, t in enumerate(texts):
        assert d.check(f"a{i}", t)[0] is None
    assert len(d) == 2
    assert d.check("b0", texts[0])[0] is None  # fell out of the window: not found
    assert d.check("b2", texts[2])[0] == "a2"  # still inside: found


def test_nlp_worker_imports_no_datasketch() -> None:
    """A process that only runs the NLP (a worker, a Ray actor) does not pay for
    datasketch and scipy at start-up; deduplicating imports them."""
    code = ("import sys, dossier.engines.raydata, dossier.pipeline; "
            "print(sorted(m for m in ('datasketch', 'scipy') if m in sys.modules)); "
            "from dossier.clean.dedup import Deduplicator; Deduplicator().check('a', 'x y z'); "
            "print('datasketch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True).stdout.split("\n")
    assert out[0] == "[]" and out[1] == "True", out


def test_signatures_wait_for_a_second_article() -> None:
    """Without signatures a run of one article never imports datasketch (~0.45 s of
    start-up); a near copy after it is still found, and its signature is given."""
    code = ("import sys; from dossier.clean.dedup import Deduplicator; "
            "d = Deduplicator(signatures=False); print(d.check('a', sys.argv[1])[3]); "
            "print('datasketch' in sys.modules); "
            "dup, kind, _, sig = d.check('b', sys.argv[1].replace('Sentence 7', 'Line 7')); "
            "print(dup, kind, len(sig), 'datasketch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, BASE], check=True, capture_output=True,
                         text=True).stdout.split("\n")
    assert out[:3] == ["None", "False", "a near 1024 True"], out


@pytest.mark.parametrize("threshold, num_perm", [(0.8, 128), (0.5, 64), (0.7, 256)])
def test_index_bands_are_datasketchs_own_kept_in_the_cache(
        tmp_path: pytest.TempPathFactory, threshold: float, num_perm: int) -> None:
    """The LSH index has the bands and rows datasketch's optimiser picks; the first
    run works them out (importing scipy.integrate), the next reads them from the cache
    and never imports it (datasketch imports with a stand-in, taken away after: a
    later ``import scipy.integrate`` is the real one). Negative: with the cache off,
    every run imports it."""
    code = ("import sys; from dossier.clean.dedup import Deduplicator; "
            "t, n = float(sys.argv[1]), int(sys.argv[2]); "
            "d = Deduplicator(threshold=t, num_perm=n); d.check('a', sys.argv[3]); "
            "dup = d.check('b', sys.argv[3].replace('Sentence 7', 'Line 7'))[0]; "
            "seen = 'scipy.integrate' in sys.modules; "
            "from datasketch import MinHashLSH; own = MinHashLSH(threshold=t, num_perm=n); "
            "import scipy.integrate; "
            "print(dup, seen, (d._lsh.b, d._lsh.r) == (own.b, own.r), "
            "callable(scipy.integrate.solve_ivp))")

    def run(cache: str) -> str:
        env = {**os.environ, "DOSSIER_CACHE_DIR": cache}
        return subprocess.run([sys.executable, "-c", code, str(threshold), str(num_perm), BASE],
                              check=True, capture_output=True, text=True, env=env
                              ).stdout.strip()

    assert run(str(tmp_path)) == "a True True True"  # works them out
    assert run(str(tmp_path)) == "a False True True"  # reads them
    assert run("off") == "a True True True"


def test_a_datasketch_wanting_more_of_scipy_is_imported_plainly() -> None:
    """If datasketch imports more of ``scipy.integrate`` than the stand-in gives (a
    later version might), it is imported again the plain way and deduplication works;
    the stand-in never stays behind."""
    code = ("import sys, types; import dossier.clean.dedup as dd; "
            "dd._stand_in = lambda: types.ModuleType('scipy.integrate'); "
            "d = dd.Deduplicator(); d.check('a', sys.argv[1]); "
            "print(d.check('b', sys.argv[1].replace('Sentence 7', 'Line 7'))[0], "
            "hasattr(sys.modules['scipy.integrate'], 'solve_ivp'))")
    env = {**os.environ, "DOSSIER_CACHE_DIR": "off"}
    out = subprocess.run([sys.executable, "-c", code, BASE], check=True, capture_output=True,
                         text=True, env=env).stdout.strip()
    assert out == "a True"


def test_short_texts_wait_too_and_fall_out_of_the_window() -> None:
    d = Deduplicator(window=1, signatures=False)
    assert d.check("a", "too short") == (None, None, text_hash("too short"), None)
    assert d.check("b", BASE)[0] is None  # "a" left the window: nothing waits for it
    assert d.check("c", BASE.replace("Sentence 7", "Line 7"))[:2] == ("b", "near")
    assert len(d) == 1
