"""Long text cut for the NLP at sentence, clause or white-space boundaries, every
piece a span of the article."""

from __future__ import annotations

import pytest

from dossier.clean.chunk import LINE_MAX_CHARS, article_pieces, cut_line, needs_pieces, pieces
from dossier.records import Article, Dropped

SENTENCES = "The minister said the talks would go on. " * 600  # ~24,600 chars, one line
CLAUSES = "the talks went on, the minister said; " * 700  # no sentence end
WORDS = "said " * 7000  # what crashed spaCy, at 35,000
NO_SPACE = "x" * 25_000


@pytest.mark.parametrize(("text", "ends_with"), [
    (SENTENCES, "."), (CLAUSES, (",", ";")), (WORDS, "said"), (NO_SPACE, "x")])
def test_a_long_line_is_cut_at_the_best_boundary(text: str, ends_with: str | tuple) -> None:
    spans = cut_line(text, 0, len(text), limit=5000)
    assert len(spans) >= 4
    assert all(0 < len(s) <= 5000 for s in spans)
    assert all(text[s.start : s.end].endswith(ends_with) for s in spans)
    # nothing but white space between and around the pieces
    covered = sorted(i for s in spans for i in range(s.start, s.end))
    assert all(text[i].isspace() for i in set(range(len(text))) - set(covered))


@pytest.mark.parametrize("text", [
    "A short article.\nWith two paragraphs.",  # negatives: parsed whole
    ("A paragraph of news. " * 40 + "\n") * 60,  # ~50,000 chars of normal paragraphs
])
def test_text_within_the_limits_is_one_piece(text: str) -> None:
    assert [(s.start, s.end) for s in pieces(text)] == [(0, len(text))]


def test_long_text_comes_in_pieces_of_whole_lines_and_cut_long_lines() -> None:
    para = "A paragraph of news. " * 40  # 840 chars
    text = "\n".join([para] * 200 + [WORDS] + [para] * 3)
    spans = pieces(text, limit=20_000)
    assert all(len(s) <= 20_000 for s in spans)
    assert max(len(s) for s in spans if "said" in text[s.start : s.end]) <= LINE_MAX_CHARS
    whole = [s for s in spans if "said" not in text[s.start : s.end]]
    assert all(text[s.start : s.end].startswith("A paragraph") for s in whole)
    assert sum(len(s) for s in spans) >= len(text.replace("\n", "")) - 10


def _article(text: str, start: int = 100) -> Article:
    return Article(id="a1", source="x.txt", document_id="d1", start=start,
                   end=start + len(text), text=text)


def test_pieces_keep_the_article_and_map_back_to_the_document() -> None:
    doc = "HEADER " * 14 + "\n" + "\n".join(["A paragraph of news. " * 40] * 200)
    art = _article(doc[99:], start=99)
    drop = Dropped("x.txt", "d1", 5000, 30_000, "ad-marker", doc[5000:30_000], "a1")
    out = article_pieces(art, [drop])
    assert len(out) >= 2
    for piece, inside in out:
        assert piece.id == art.id and doc[piece.start : piece.end] == piece.text
        for d in inside:  # clipped to the piece, text still its span of the document
            assert piece.start <= d.start < d.end <= piece.end
            assert doc[d.start : d.end] == d.text
    assert sum(d.end - d.start for _, ds in out for d in ds) <= drop.end - drop.start
    assert needs_pieces([art]) and not needs_pieces([_article("Short.")])


@pytest.mark.parametrize("run", ["(" * 3000 + "said" + ")" * 3000, "x" * 5000])
def test_a_long_run_without_white_space_is_cut_into_short_pieces(run: str) -> None:
    """spaCy's tokenizer strips affixes one at a time: a 60,000-character run of
    brackets took 115 s to tokenise whole."""
    from dossier.clean.chunk import RUN_MAX_CHARS

    text = "The minister spoke.\n" + run + " and more words here."
    spans = pieces(text)
    assert max(len(s) for s in spans) <= RUN_MAX_CHARS
    assert text[spans[0].start : spans[0].end] == "The minister spoke."


def test_a_job_of_pieces_masks_each_piece_with_its_own_dropped_spans() -> None:
    # the pieces of one article share its id, and a job holds the dropped spans of all
    # of them: a span in the last piece must not be applied to the first (it did, and
    # the article lost its NLP: "IndexError: list index out of range")
    from dossier.pipeline import masked_text, nlp_jobs
    from dossier.records import Document, DocumentResult

    line = "The minister said the talks would go on. " * 300  # one line over the limit
    text = line + "\nAdvertisement\nThe end of the story."
    art = Article(id="a1", source="x.html", document_id="d1", start=0, end=len(text),
                  text=text)
    ad = text.index("Advertisement")
    drop = Dropped("x.html", "d1", ad, ad + len("Advertisement"), "ad-marker",
                   "Advertisement", "a1")
    result = DocumentResult(Document("d1", "x.html", text, "html"), [art], [drop])
    jobs = nlp_jobs(result)
    pieces_ = [p for job in jobs for p in job.articles]
    assert len(pieces_) >= 2
    masked = [masked_text(p, [d for job in jobs for d in job.dropped]) for p in pieces_]
    assert "".join(masked).count("Advertisement") == 0
    assert [len(m) for m in masked] == [len(p.text) for p in pieces_]
    assert "The end of the story." in masked[-1]
