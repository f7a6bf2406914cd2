"""The quote stage's rule book, and the confidences its rules give a quote.

Every heuristic of the stage is a rule of :data:`BOOK` (``quotes.<group>.<name>``,
groups: marks, cues, speakers, content, strategies, post), registered where it
lives; ``eval/ablate.py`` switches them off one at a time.

The confidences were first set by hand (issue 3, PolNeAR train) to order the ways a
quote is attributed; since issue 20 they are calibrated (below).
"""

from __future__ import annotations

from dossier.rules import RuleBook

BOOK = RuleBook("quotes")
# The groups in the order a quote meets them.
GROUPS = ("marks", "cues", "speakers", "content", "strategies", "post")


def in_order() -> None:
    """Order the book by group (rules register as their rooms are imported); within a
    group, the order they were registered in."""
    BOOK.rules.sort(key=lambda r: GROUPS.index(r.group))

# Confidence means precision (issue 20): among records with confidence ≈ c, about c
# are right. Set on PolNeAR dev half A (right: the content overlaps a gold
# attribution's and the speaker its source), checked on half B and by hand on the
# Scrapinghub pages 0–7 (``python eval/quotes_polnear.py --half A``, its
# ``calibration`` block; figures in docs/quotes.md). PolNeAR marks beliefs and
# stances as attributions too, so these are upper bounds for a reader who wants
# speech only.

# A speaker the actor stage named (by name, alias, title or a fuzzy match of a name).
NAMED = 0.9
# A speaker the actor stage resolved otherwise (a pronoun, a role), or the agent of a
# passive cue ("criticised by Taiwan"), or a relative pronoun's antecedent.
RESOLVED = 0.85
# A speaker with no speech verb: a dash, a colon, "according to" around a quotation.
NO_VERB = 0.7
# The most an unmarked report gets, whatever its speaker.
REPORT_MAX = 0.85
# The most a belief gets ("X thinks …": act "belief"; 0.66–0.82 right on dev and train).
BELIEF_MAX = 0.75
# The most an unmarked report gets by the shape of its content: a clause says what was
# said (0.93 right on dev A and train); an object or a preposition names a topic or a
# target ("condemned Rishi Sunak for U-turning on …", "lashed out at the US": 0.80–0.86),
# an infinitive an intention or a request (0.79–0.88); a noun's owner is a weak guess
# ("their claim that …": 0.33–0.43).
SHAPE_MAX = {"clause": 0.85, "infinitive": 0.8, "object": 0.75, "prep": 0.75,
             "adjective": 0.75, "noun": 0.45}
# A speaker carried over: a quotation that continues the last one, a paragraph that
# is only a quotation, a colon paragraph, "according to" with no marks, a noun
# cue's owner ("Trump's claim that …").
CARRIED = 0.75
# A speaker that is no known actor: an unlinked noun phrase ("officials", "a poll").
UNLINKED = 0.75
# A pronoun or a noun phrase nobody resolved ("he says", "a letter urging …").
UNRESOLVED = 0.65
# A source that cannot speak ("it", "thousands", "an assault"): the most its quote gets.
NON_ACTOR = 0.5
# A report of speech that may never have happened ("Critics would say …"): kept for
# readers who want it, below the default floor (0.26 right on PolNeAR train and dev A).
HYPOTHETICAL = 0.4
# A quotation whose speaker nobody could tell (an interview's "Q:", a cue without a
# subject): what it says is a quotation, who said it is unknown.
NO_SPEAKER = 0.5
