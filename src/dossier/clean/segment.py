"""Split a text dump that runs articles together into articles.

The signals a reader uses, as features of the boundary before paragraph *i*:
lexical cohesion across the boundary (TextTiling's similarity and depth, Hearst
1997), how many proper names on the right are new, a lede-like opening (a full
name introduced, the present perfect, a "will warn today" preview), a continuation
opening (pronoun, connective, quotation), a change of narrative voice (first-person
essay vs reported news) and an author bio just before. A logistic model turns them
into a boundary probability; boundaries above ``segment_threshold`` are taken best
first, keeping ``segment_min_paragraphs`` paragraphs in every article. Cue words and
the fitted weights live in ``data/segment.toml``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from dossier.data import load_toml

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SENT_END = re.compile(r"[.!?][”\"’']?\s+(?=[“\"‘A-Z])")
_CAP = re.compile(r"(?<![.!?:“\"‘]\s)(?<!^)\b[A-Z][a-z]{2,}\b")
_NAME_WORD = r"(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_NAME = re.compile(rf"\b({_NAME_WORD})\s+((?:{_NAME_WORD}\s+)?{_NAME_WORD})\b")
_LOWER_WORD = re.compile(r"\b[a-z][a-z]+\b")
_POSSESSIVE = re.compile(r"['’]s\b")
_PRESENT_PERFECT = re.compile(
    r"\b(has|have)\s+(?:not\s+|never\s+|now\s+|finally\s+|already\s+|just\s+|been\s+)?"
    r"([a-z]+(?:ed|en|wn|ne|ht|ld|id|ft|lt|pt|un|ng|de|ck))\b"
)
# "The prime minister said: “…": a paragraph that opens by attributing a quotation
# continues an article about someone already introduced.
_SPEECH_OPENER = re.compile(
    r"^[^“\"”.]{0,60}\b(?:said|says|added|adds|told|explained|continued|warned|wrote|"
    r"insisted|argued|replied|stated)\b[^“\".]{0,25}[:,]?\s*[“\"]"
)
_FIRST_PERSON = re.compile(r"\b(I|me|my|mine|myself|I'm|I’m|I've|I’ve|I'd|I’d)\b")
# Share of first-person words above which a paragraph is in the first person.
FIRST_PERSON_SHARE = 0.02

FEATURES = (
    "similarity", "similarity_wide", "depth", "adjacent_similarity", "opener", "quote_opener",
    "new_name_head", "new_name_first_sentence", "present_perfect", "preview",
    "voice_change", "after_bio", "is_bio", "reintroduced_name", "name_novelty",
    "one_sentence", "chains", "name_chains", "speech_opener",
)
# Longest article, in paragraphs, a dump segmentation considers (bounds the cost of
# the dynamic programme: O(paragraphs x MAX_ARTICLE_PARAGRAPHS)).
MAX_ARTICLE_PARAGRAPHS = 200
# How many of an article's most frequent content words stand for its topic.
TOPIC_WORDS = 10
# Log-odds added to a paragraph that opens like a lede by the book (re-introduced
# full names + present perfect or preview); see docs/segmentation.md.
LEDE_BONUS = 15.0
# A lexical chain (a word repeated) breaks after this many paragraphs without it
# (LCSeg's hiatus, Galley et al. 2003).
CHAIN_HIATUS = 5


@dataclass(frozen=True)
class _Cues:
    openers: tuple[str, ...]
    preview: re.Pattern[str]
    bio: re.Pattern[str]
    stop: frozenset[str]
    weights: dict[str, float]
    window: int
    threshold: float
    cue_weight: float
    min_logit: float
    merge_overlap: float
    vocabulary: int


@cache
def cues() -> _Cues:
    d = load_toml("segment.toml")
    verbs = "|".join(re.escape(v) for v in d["preview_verbs"])
    bio_nouns = "|".join(re.escape(v) for v in d["bio_nouns"] if not v.startswith("is "))
    return _Cues(
        openers=tuple(sorted(d["continuation_openers"], key=len, reverse=True)),
        preview=re.compile(
            rf"\b(?:will|is set to|is expected to|is due to)\s+(?:{verbs})\w*\b"
            r"(?:\s+\w+){0,2}\s+(?:today|tonight|tomorrow|this week|on \w+day)\b",
            re.IGNORECASE,
        ),
        bio=re.compile(
            r"^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}\s+(?:is|was|has been|writes)\b"
            rf".{{0,200}}\b(?:{bio_nouns})\b",
        ),
        stop=frozenset(d["stopwords"].split()),
        weights={k: float(v) for k, v in d["weights"].items()},
        window=int(d["window"]),
        threshold=float(d["threshold"]),
        cue_weight=float(d["cue_weight"]),
        min_logit=float(d["min_logit"]),
        merge_overlap=float(d["merge_overlap"]),
        vocabulary=int(d["vocabulary"]),
    )


def content_words(text: str, stop: frozenset[str] | None = None) -> Counter[str]:
    """Lowercased content words (crudely singularised) for lexical cohesion."""
    stop = cues().stop if stop is None else stop
    out: Counter[str] = Counter()
    for w in _WORD.findall(text):
        w = w.lower().replace("’", "'")
        if len(w) > 2 and w not in stop:
            out[w[:-1] if w.endswith("s") and len(w) > 4 else w] += 1
    return out


def cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb)


def _first_sentence(p: str) -> str:
    m = _SENT_END.search(p)
    return p[: m.start() + 1] if m else p


def _opener(p: str, openers: tuple[str, ...]) -> tuple[bool, bool]:
    """(continues with a word or mark, opens with a quotation mark)."""
    s = p.lstrip()
    if not s:
        return False, False
    if s[0] in "“\"‘'«":
        return False, True
    if s[0].islower() or s[0] in "-–—•*":
        return True, False
    low = s.lower().replace("’", "'")
    for o in openers:
        if low.startswith(o) and (len(low) == len(o) or not low[len(o)].isalnum()):
            return True, False
    return False, False


def _names(text: str, common: frozenset[str] = frozenset()) -> set[str]:
    """Person-like full names: two or three capitalised words, none a function word,
    none a word the text also writes in lower case ("Cold War": "the war"), not
    after "the" ("the National University")."""
    stop = cues().stop
    out = set()
    text = _POSSESSIVE.sub(",", text)
    for m in _NAME.finditer(text):
        parts = f"{m.group(1)} {m.group(2)}".split()
        if any(p.lower() in stop or p.lower() in common for p in parts):
            continue
        if text[max(0, m.start() - 4) : m.start()].lower().endswith("the "):
            continue
        out.add(" ".join(parts))
    return out


def _caps(text: str) -> set[str]:
    return set(_CAP.findall(text))


def _window_similarities(bags: list[Counter[str]], k: int) -> list[float]:
    """Cosine between the k paragraphs before and after each boundary."""
    sims: list[float] = []
    for i in range(1, len(bags)):
        left: Counter[str] = Counter()
        right: Counter[str] = Counter()
        for b in bags[max(0, i - k) : i]:
            left.update(b)
        for b in bags[i : i + k]:
            right.update(b)
        sims.append(cosine(left, right))
    return sims


def _chains_across(items: list[set[str]]) -> list[int]:
    """For each boundary 1..n-1, how many lexical chains run across it."""
    n = len(items)
    across = [0] * n
    last_seen: dict[str, int] = {}
    for i, words in enumerate(items):
        for w in words:
            j = last_seen.get(w)
            if j is not None and i - j <= CHAIN_HIATUS:
                for b in range(j + 1, i + 1):
                    across[b] += 1
            last_seen[w] = i
    return across[1:]


def boundary_features(
    paras: list[str], bags: list[Counter[str]] | None = None
) -> list[dict[str, float]]:
    """One feature dict for the boundary before each paragraph 1..n-1."""
    c = cues()
    n = len(paras)
    if n < 2:
        return []
    k = c.window
    if bags is None:
        bags = [content_words(p, c.stop) for p in paras]
    sims = _window_similarities(bags, k)
    wide = _window_similarities(bags, 2 * k)
    # TextTiling's depth: how far similarity dips below the peaks on either side,
    # followed only as far as it keeps rising. Climbing from j goes on as climbing
    # from its neighbour does when that is no lower, so each peak is found in one
    # pass (walking from every boundary took O(n²): minutes on a dump of many equal
    # paragraphs).
    m = len(sims)
    lpeaks, rpeaks = list(sims), list(sims)
    for j in range(1, m):
        if sims[j - 1] >= sims[j]:
            lpeaks[j] = lpeaks[j - 1]
    for j in range(m - 2, -1, -1):
        if sims[j + 1] >= sims[j]:
            rpeaks[j] = rpeaks[j + 1]
    depths = [(lp - s) + (rp - s) for s, lp, rp in zip(sims, lpeaks, rpeaks, strict=True)]

    chains = _chains_across([set(b) for b in bags])
    name_chains = _chains_across([_caps(p) | {w for nm in _names(p) for w in nm.split()}
                                  for p in paras])
    is_bio = [bool(c.bio.search(p)) and len(p.split()) < 80 for p in paras]
    first_person = [
        len(_FIRST_PERSON.findall(p)) / max(1, len(p.split())) > FIRST_PERSON_SHARE
        for p in paras
    ]
    # Words the input also writes in lower case are common words, not names
    # (the document-level capitalisation cue of truecasers and NER taggers).
    common = frozenset(w for p in paras for w in _LOWER_WORD.findall(p))
    names = [_names(p, common) for p in paras]
    caps = [_caps(p) for p in paras]
    out: list[dict[str, float]] = []
    for i in range(1, n):
        p = paras[i]
        first = _first_sentence(p)
        opener, quote = _opener(p, c.openers)
        recent_names: set[str] = set().union(*names[max(0, i - 2 * k) : i])
        head = " ".join(first.split()[:12])
        new_head = any(nm not in recent_names for nm in _names(head, common))
        first_names = _names(first, common)
        new_first = any(nm not in recent_names for nm in first_names)
        # News names a person in full at first mention and by surname after; a full
        # name for someone the previous paragraphs called by surname alone opens a
        # new article.
        recent_words: set[str] = set()
        for q in paras[max(0, i - 2 * k) : i]:
            recent_words.update(_WORD.findall(q))
        reintroduced = any(
            nm not in recent_names and nm.split()[-1] in recent_words for nm in first_names
        )
        left_caps: set[str] = set().union(*caps[max(0, i - k) : i])
        right_caps: set[str] = set().union(*caps[i : i + k])
        novelty = len(right_caps - left_caps) / len(right_caps) if right_caps else 0.0
        left_voice = sum(first_person[max(0, i - k) : i]) / len(first_person[max(0, i - k) : i])
        right_voice = sum(first_person[i : i + k]) / len(first_person[i : i + k])
        bio = is_bio[i - 1]
        out.append({
            "similarity": sims[i - 1],
            "similarity_wide": wide[i - 1],
            "depth": depths[i - 1],
            "adjacent_similarity": cosine(bags[i - 1], bags[i]),
            "opener": float(opener),
            "quote_opener": float(quote),
            "new_name_head": float(new_head),
            "new_name_first_sentence": float(new_first),
            "present_perfect": float(bool(_PRESENT_PERFECT.search(" ".join(first.split()[:12])))),
            "preview": float(bool(c.preview.search(first))),
            "voice_change": abs(left_voice - right_voice),
            "after_bio": float(bio),
            "is_bio": float(is_bio[i]),
            "reintroduced_name": float(reintroduced),
            "name_novelty": novelty,
            "one_sentence": float(first == p),
            "chains": math.log1p(chains[i - 1]),
            "name_chains": math.log1p(name_chains[i - 1]),
            "speech_opener": float(bool(_SPEECH_OPENER.match(p))),
        })
    return out


_XLOG = [x * math.log(x + 1) for x in range(4096)]


def _xlog(x: int) -> float:
    """x·log(x+1), from a table for the small counts that make up nearly all calls."""
    return _XLOG[x] if x < 4096 else x * math.log(x + 1)


def boundary_logit(features: dict[str, float], weights: dict[str, float]) -> float:
    return weights.get("bias", 0.0) + sum(weights.get(f, 0.0) * v for f, v in features.items())


def boundary_probability(features: dict[str, float], weights: dict[str, float]) -> float:
    return 1.0 / (1.0 + math.exp(-boundary_logit(features, weights)))


def segment(
    paras: list[str],
    threshold: float | None = None,
    min_paragraphs: int = 3,
    weights: dict[str, float] | None = None,
    cue_weight: float | None = None,
    max_paragraphs: int = MAX_ARTICLE_PARAGRAPHS,
    min_logit: float | None = None,
) -> list[int]:
    """Indices of the paragraphs that start an article (always including 0).

    The segmentation that minimises the description length of the words under one
    word distribution per article (Utiyama & Isahara 2001, with a fixed vocabulary
    size so the result does not depend on the length of the input) minus
    ``cue_weight`` times the log-odds of each boundary from the cue model above;
    ``threshold`` adds a per-article cost in nats (higher: fewer articles). Found by
    dynamic programming over paragraph boundaries, keeping ``min_paragraphs``
    paragraphs per article; neighbours that share their main words are merged back.
    """
    n = len(paras)
    if n == 0:
        return []
    c = cues()
    w = c.weights if weights is None else weights
    threshold = c.threshold if threshold is None else threshold
    gamma = c.cue_weight if cue_weight is None else cue_weight
    gate = c.min_logit if min_logit is None else min_logit
    if n < 2 * min_paragraphs:
        return [0]
    bags = [content_words(p, c.stop) for p in paras]
    feats = boundary_features(paras, bags)
    logits = [0.0] + [boundary_logit(f, w) for f in feats]
    # A paragraph that opens by attributing a quotation ("The prime minister said:
    # “…") continues a story about someone already introduced: never a lede.
    for i, f in enumerate(feats, start=1):
        if f["speech_opener"]:
            logits[i] = -math.inf
        elif f["reintroduced_name"] and f["new_name_head"] and (
                f["present_perfect"] or f["preview"]) and not f["opener"]:
            # A lede by the book: people the story before named by surname alone are
            # introduced again by full name, with the news in the present perfect.
            logits[i] += LEDE_BONUS
    sizes = [sum(b.values()) for b in bags]
    # A fixed vocabulary size for the Laplace smoothing, not the dump's own: with the
    # dump's, the same two paragraphs would split in a short file and merge in a long
    # one.
    vocab = c.vocabulary
    per_article = threshold
    best = [0.0] + [math.inf] * n
    back = [0] * (n + 1)
    for i in range(n):
        if best[i] == math.inf or (i and (n - i < min_paragraphs or logits[i] < gate)):
            continue
        start_cost = best[i] + per_article - (gamma * logits[i] if i else 0.0)
        counts: dict[str, int] = {}
        words = 0
        clog = 0.0
        for j in range(i, min(n, i + max_paragraphs)):
            for word, v in bags[j].items():
                old = counts.get(word, 0)
                new = old + v
                clog += _xlog(new) - _xlog(old)
                counts[word] = new
            words += sizes[j]
            length = j + 1 - i
            if length < min_paragraphs and j + 1 < n:
                continue
            if j + 1 < n and n - (j + 1) < min_paragraphs:
                continue
            cost = start_cost + words * math.log(max(1, words + vocab)) - clog
            if cost < best[j + 1]:
                best[j + 1] = cost
                back[j + 1] = i
    if best[n] == math.inf:
        return [0]
    starts: list[int] = []
    j = n
    while j > 0:
        j = back[j]
        starts.append(j)
    return _merge_same_topic(sorted(starts), bags, c.merge_overlap)


def _topic_words(bags: list[Counter[str]], k: int = TOPIC_WORDS) -> set[str]:
    total: Counter[str] = Counter()
    for b in bags:
        total.update(b)
    return {w for w, n in total.most_common(k) if n >= 2}


def _merge_same_topic(starts: list[int], bags: list[Counter[str]], overlap: float) -> list[int]:
    """Merge neighbouring articles that share their main words.

    The words an article is about (its most frequent content words) run through the
    whole of it; two halves of one article share many of them, two articles few.
    The pair sharing the most is merged first, while the share is at least
    ``overlap``.
    """
    starts = list(starts)
    while len(starts) > 1:
        bounds = [*starts, len(bags)]
        tops = [_topic_words(bags[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
        shares = [
            len(x & y) / max(1, min(len(x), len(y))) for x, y in zip(tops, tops[1:], strict=False)
        ]
        best = max(range(len(shares)), key=shares.__getitem__)
        if shares[best] < overlap:
            break
        del starts[best + 1]
    return starts
