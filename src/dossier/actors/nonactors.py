"""What looks like a name but is no actor, found before reading: lines of page
furniture ("More from The Nation"), credit lines, titles of works ("the film The
Queen", “Wild Rose”), a city's name in a club's ("Real Madrid"); and word pieces
("the un of un-angry"). Their tokens are taken with no mention."""

from __future__ import annotations

import re

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Span

from dossier.actors.article import Article
from dossier.actors.cues import BOOK, cues
from dossier.actors.misreads import pageant_title
from dossier.parse.texts import doc_text, span_text

# A title of a work in quotation marks holds at most this many words.
WORK_TITLE_WORDS = 8
SUBJECTS = ("nsubj", "nsubjpass")
_OPENERS = frozenset({"“", '"'})  # of a quotation that may hold a title
_BRACKET = frozenset({"("})
YEAR = re.compile(r"(?:19|20)\d\d")  # a work's year in brackets: "The Queen (2006)"


def take_nonactors(a: Article) -> None:
    """Take the tokens of page furniture and of titles of works before reading; a
    city's name in a club's is no gazetteer name (NER may still find the club)."""
    titles = [*work_titles(a), *dated_title(a), *credited_title(a)]
    for span in [*furniture_lines(a), *credit_lines(a), *titles, *work_title_again(a, titles),
                 *pageant_title(a)]:
        a.skip(span)
    for span in club_names(a):
        a.names_at.pop(span.start, None)


@BOOK.rule("names", off=[])
def furniture_lines(a: Article) -> list[Span]:
    """A line of page furniture names no actor: "More from The Nation", "Read more",
    "Follow us on Twitter", "Sign up for our newsletter", "© 2019 Associated Press",
    "Follow AP's full coverage of the trade war" (``furniture`` in actor_cues.toml, at
    the start of a line)."""
    doc, text = a.doc, a.parsed.text
    openers = cues().furniture
    out = []
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end].strip().lower()
        if line.startswith(openers):
            sp = doc.char_span(start, end, alignment_mode="expand")
            if sp is not None and len(sp):
                out.append(sp)
        start = end + 1
    return out


@BOOK.rule("names", off=[])
def credit_lines(a: Article) -> list[Span]:
    """A credit line names no actor of the story: from an opener of ``credit_openers``
    in actor_cues.toml at a line's start or after a bracket to the bracket's close or
    the line's end: "(Reporting by Jane Doe; Editing by John Roe)", "Photo: Jane
    Doe/Getty Images" (not "according to reporting by The New York Times")."""
    doc, text = a.doc, a.parsed.text
    low = text.lower()
    out = []
    for opener in cues().credit_openers:
        at = low.find(opener)
        while at >= 0:
            line_start = low.rfind("\n", 0, at) + 1
            before = low[line_start:at].strip()
            if before in ("", "(", "["):
                ends = [e for e in (low.find(")", at), low.find("]", at), low.find("\n", at))
                        if e >= 0]
                end = min(ends) if ends else len(text)
                sp = doc.char_span(at, end, alignment_mode="expand")
                if sp is not None and len(sp):
                    out.append(sp)
            at = low.find(opener, at + len(opener))
    return out


@BOOK.rule("names", off=[])
def work_titles(a: Article) -> list[Span]:
    """Titles of works are no actors: the capitalised words after "the film", "the
    series", "the book" ("the 2006 film The Queen"; not "the book Trump wrote", whose
    name is a subject), and a capitalised phrase that is all a quotation holds, a comma
    or a full stop aside ("an electric script called “Wild Rose”", "his role in “Once
    Upon A Time in Hollywood,”"; not a nickname holding a known person's name,
    “Crooked Hillary”)."""
    doc, tokens = a.doc, a.parsed.tokens
    c = cues()
    out = []
    for i in sorted({*a.parsed.where(LOWER, c.work_nouns), *a.parsed.where(ORTH, _OPENERS)}):
        t = tokens[i]
        if t.lower_ in c.work_nouns and t.pos_ == "NOUN":
            end = title_end(doc, t.i + 1)
            if end > t.i + 1 and Span(doc, t.i + 1, end).root.dep_ not in SUBJECTS:
                out.append(Span(doc, t.i + 1, end))
        elif t.text in ("“", '"') and t.i + 2 < len(doc):
            end = title_end(doc, t.i + 1)
            closes = end < len(doc) and (doc[end].text in ("”", '"') or (
                doc[end].text in (",", ".") and end + 1 < len(doc)
                and doc[end + 1].text in ("”", '"')))  # “Once Upon A Time in Hollywood,”
            if closes and 2 <= end - t.i - 1 <= WORK_TITLE_WORDS and not any(
                    k in a.names_at and any(x.type == "person" for x in a.g.by_name(
                        a.names_at[k].text)) for k in range(t.i + 1, end)):
                out.append(Span(doc, t.i + 1, end))
    return out


@BOOK.rule("names", off=[])
def club_names(a: Article) -> list[Span]:
    """A city's or a country's name after a word of ``club_words`` is a club's name, no
    state acting, and so is that name alone again in the story: "Real Madrid won, and
    Madrid fans cheered" (not Spain), "Dynamo Kyiv" (not Ukraine); the word must be
    capitalised ("real Madrid prices" is Madrid). Returns the names' spans."""
    tokens = a.parsed.tokens
    cities = set()
    for i in a.parsed.where(LOWER, cues().club_words):
        name = a.names_at.get(i + 1)
        if name is not None and tokens[i].is_title:
            cities.add(name.text)
    return [sp for sp in a.names_at.values() if sp.text in cities] if cities else []


@BOOK.rule("names", off=[])
def dated_title(a: Article) -> list[Span]:
    """Capitalised words right before a year in brackets are a title of a work: "Mirren
    starred in The Queen (2006)", "China Grove (1973) was their biggest hit" (not a name
    the gazetteer knows, "Iraq (2003)", nor a first name and surname, "Jimmy Carter
    (1977)")."""
    doc, toks = a.doc, a.tokens
    out = []
    for i in a.parsed.where(ORTH, _BRACKET):
        if i + 2 < len(doc) and YEAR.fullmatch(toks[i + 1].text) and toks[i + 2].text == ")":
            run = run_before(doc, i)
            if run is not None and not names_an_actor(a, run):
                out.append(run)
    return out


@BOOK.rule("names", off=[])
def credited_title(a: Article) -> list[Span]:
    """Capitalised words a film's credit follows (``work_credits``: ", directed by", ",
    starring" and a capitalised name) are a title of a work: "The Queen, directed by
    Stephen Frears", "The Queen (2006), starring Helen Mirren", "Star Trek Beyond was
    directed by Justin Lin" (not "the film was directed by", nor "Trump, starring in his
    own show": no name follows)."""
    doc, c = a.doc, cues()
    out = []
    for i in a.parsed.where(LOWER, c.work_credits):
        tok = doc[i]
        nxt = i + 2 if tok.lower_ == "directed" else i + 1
        if nxt >= len(doc) or not doc[nxt].is_title or (
                tok.lower_ == "directed" and doc[i + 1].lower_ != "by"):
            continue
        if i > 0 and doc[i - 1].text in (",", "("):
            k = i - 1
            if k >= 3 and doc[k - 1].text == ")" and YEAR.fullmatch(doc[k - 2].text):
                k -= 3  # "The Queen (2006), directed by"
            run = run_before(doc, k)
        else:
            subj = next((t for t in tok.children if t.dep_ == "nsubjpass"), None)
            run = None if subj is None else run_before(doc, subj.i + 1)
        if run is not None and not names_an_actor(a, run):
            out.append(run)
    return out


@BOOK.rule("names", off=[])
def work_title_again(a: Article, titles: list[Span]) -> list[Span]:
    """A title of a work found once (above) is the work again wherever the article
    writes it the same: "Star Trek Beyond was directed by Justin Lin … Abrams was a
    producer on Star Trek Beyond", "their hit China Grove … China Grove sold well" (only
    a title of two words or more that is no name the gazetteer knows, and none of "The"
    and one word: "the film The Queen … The Queen said" may be the monarch)."""
    doc, toks = a.doc, a.tokens
    words = {tuple(t.text for t in sp) for sp in titles
             if len(sp) >= 2 and not (len(sp) == 2 and sp[0].lower_ == "the")
             and not names_an_actor(a, sp)}
    out = []
    for seq in words:
        for i in a.parsed.where(ORTH, frozenset({seq[0]})):
            end = i + len(seq)
            if end <= len(doc) and tuple(t.text for t in doc[i:end]) == seq \
                    and not (end < len(doc) and toks[end].is_title) \
                    and not (i > 0 and toks[i - 1].is_title):
                out.append(Span(doc, i, end))
    return out


def run_before(doc: Doc, k: int) -> Span | None:
    """The capitalised words (with small words inside) that end right before token
    ``k``, after any possessive ("Frears's The Queen" is "The Queen"), or None."""
    small = cues().title_small_words
    j = k
    while j > 0 and (doc[j - 1].is_title or doc[j - 1].lower_ in small) \
            and doc[j - 1].text not in ("“", "”", '"') and doc[j - 1].lower_ not in ("'s", "’s"):
        j -= 1
    while j < k and not doc[j].is_title:
        j += 1
    if j >= k or not doc[k - 1].is_title or k - j > WORK_TITLE_WORDS:
        return None
    return Span(doc, j, k)


def names_an_actor(a: Article, run: Span) -> bool:
    """A name the gazetteer knows ("Iraq", "Jimmy Carter"), or a first name and a
    surname."""
    text = run.text[4:] if run.text.startswith("The ") else run.text
    return bool(a.g.by_name(text)) or (len(run) in (2, 3)
                                       and run[0].lower_ in cues().first_names)


def title_end(doc: Doc, i: int) -> int:
    """The end of a run of capitalised words (with small words inside) from ``i``."""
    small = cues().title_small_words
    if i >= len(doc) or not doc[i].is_title:
        return i
    j = last = i
    while j < len(doc) and (doc[j].is_title or doc[j].lower_ in small) \
            and doc[j].text not in ("“", "”", '"'):
        if doc[j].is_title:
            last = j + 1
        j += 1
    return last


@BOOK.rule("names", off=False)
def word_piece(ent: Span) -> bool:
    """An entity in lower case, or ending so, is a piece of a word or of a sentence,
    not a name: "he was un-angry" (not the UN), "Synchronisation von" in German
    text."""
    return ent[0].text[:1].islower() or ent[-1].text[:1].islower()


# a letter of the Latin alphabet, with its accented forms ("Dogandžić", "Đoković")
LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


@BOOK.rule("names", off=False)
def foreign_script(ent: Span) -> bool:
    """An entity with no Latin letter in an English text is a piece of a passage in
    another script, not a name NER can read: the Hindi of an interview's transcript
    ("तो उसको साबुन के पानी में") made people and organisations; not a name in Latin
    letters, accented or not ("Tamara Dogandžić"). Nor is one that mixes such a script
    with Latin words ("हमारे organisation ने हमें", "पाँच kg चावल": session 24)."""
    text = span_text(ent)
    return LATIN_LETTER.search(text) is None or any(
        ch.isalpha() and LATIN_LETTER.match(ch) is None for ch in text)


# a transcript's speaker label: a name in double parentheses ("((WN)) How did …")
LABEL_OPEN, LABEL_CLOSE = re.compile(r"\(\(\s*$"), re.compile(r"^\s*\)\)")


def in_label(ent: Span) -> bool:
    """Whether ``ent`` is a transcript's speaker label in double parentheses."""
    text, start, end = doc_text(ent.doc), ent.start_char, ent.end_char
    return LABEL_OPEN.search(text[max(0, start - 4):start]) is not None \
        and LABEL_CLOSE.match(text[end:end + 4]) is not None


@BOOK.rule("names", off=False)
def interviewer_label(ent: Span) -> bool:
    """An entity in capitals that is a transcript's speaker label in double
    parentheses is the interviewer's initials, page furniture, no actor: Wikinews
    interviews mark each question "((WN))" (688 mentions of an organisation "WN" on
    Wikinews 2020) or the reporter's initials "((WSS))"; not a person's name so
    labelled ("((Zara Kay))"), nor capitals outside a label ("the NYAG")."""
    letters = ent.text.replace(".", "")
    return 2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper() and in_label(ent)


@BOOK.rule("names", off=False)
def labelled_speaker(ent: Span) -> bool:
    """A name of two or three capitalised words that is a transcript's speaker label in
    double parentheses names the person who answers, whatever NER called it:
    "((Valeria Gazzola)) Or did you mean …" (32 labels of an organisation "Valeria
    Gazzola" on Wikinews 2020); not a name outside a label."""
    return 2 <= len(ent) <= 3 and all(t.is_title and t.is_alpha for t in ent) and in_label(ent)


@BOOK.rule("names", off=False)
def common_word_name(a: Article, text: Span) -> bool:
    """An unknown one-word name the article also writes in lower case is a common word
    capitalised to open a sentence, a heading or a slogan: "farmers plant rice. Rice
    production …", "the Meth campaign … “Meth. We're on it.”" (no person "Rice" or
    "Meth"); not a word the article never writes so ("Quorra said"), nor one with a
    capital inside ("YouTube" beside "youtube-dl")."""
    if len(text) != 1 or not (text[0].is_title and text[0].is_alpha):
        return False
    return text[0].lower_ in a.lower_words
