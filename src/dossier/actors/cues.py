"""What the actor stage's rooms share: the cue words of ``actor_cues.toml``, the
grammar labels its rules test, and its book of rules (``dossier.rules``).

The book lists the rules room by room (:data:`GROUPS`), each room's in the order its
modules define them; ``dossier.actors.link`` puts it in that order once every room
is imported.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from dossier.data import load_toml
from dossier.gazetteer import norm
from dossier.gazetteer.places import us_states
from dossier.rules import RuleBook

BOOK = RuleBook("actors")
GROUPS = ("names", "roles", "coref")


@dataclass(frozen=True)
class Cues:
    """The word lists of ``actor_cues.toml`` (and the quote stage's speech verbs)."""

    titles: frozenset[str]
    title_openers: frozenset[str]
    former: frozenset[str]
    male: frozenset[str]
    female: frozenset[str]
    neuter: frozenset[str]
    plural: frozenset[str]
    weather_verbs: frozenset[str]
    expletive_verbs: frozenset[str]
    extraposed: frozenset[str]
    time_nouns: frozenset[str]
    parties: dict[str, frozenset[str]]
    first_names: dict[str, str]
    gender_nouns: dict[str, str]
    title_gender: dict[str, str]
    thought_modals: frozenset[str]
    thought_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    person_labels: frozenset[str]
    org_labels: frozenset[str]
    place_labels: frozenset[str]
    fuzzy_cutoff: float
    org_nouns: frozenset[str]
    org_name_nouns: frozenset[str]
    generic_heads: frozenset[str]
    party_member_nouns: frozenset[str]
    name_preps: frozenset[str]
    locative: frozenset[str]
    where_prepositions: frozenset[str]
    person_role_nouns: frozenset[str]
    top_roles: frozenset[str]
    minor_roles: frozenset[str]
    confidence: dict[str, float]
    subnational: dict[str, str]
    subnational_nouns: frozenset[str]
    furniture: tuple[str, ...]
    common_noun_surnames: frozenset[str]
    work_nouns: frozenset[str]
    work_credits: frozenset[str]
    title_small_words: frozenset[str]
    government_nouns: frozenset[str]
    sports_verbs: frozenset[str]
    sports_words: frozenset[str]
    club_words: frozenset[str]
    compass_words: frozenset[str]
    national_body_kinds: frozenset[str]
    product_nouns: frozenset[str]
    product_names: frozenset[str]
    product_name_ends: frozenset[str]
    document_title_ends: frozenset[str]
    group_nouns: frozenset[str]
    platforms: frozenset[str]
    company_name_ends: frozenset[str]
    platform_preps: frozenset[str]
    name_prefixes: tuple[str, ...]
    credit_openers: tuple[str, ...]
    places: dict[str, frozenset[str]]  # [place_cues]: a state's name that says a place
    things: dict[str, frozenset[str]]  # [thing_cues]: things, teams and tour stops


@cache
def cues() -> Cues:
    d = load_toml("actor_cues.toml")
    return Cues(
        titles=frozenset(d["titles"]),
        title_openers=frozenset(d["title_openers"]), former=frozenset(d["former"]),
        male=frozenset(d["male_pronouns"]), female=frozenset(d["female_pronouns"]),
        neuter=frozenset(d["neuter_pronouns"]), plural=frozenset(d["plural_pronouns"]),
        weather_verbs=frozenset(d["weather_verbs"]),
        expletive_verbs=frozenset(d["expletive_verbs"]),
        extraposed=frozenset(d["extraposed_adjectives"]), time_nouns=frozenset(d["time_nouns"]),
        parties={k: frozenset(v) for k, v in d["party_modifiers"].items()},
        first_names={n: g for g in ("male", "female") for n in d["first_names"][g]},
        gender_nouns={**{w: "female" for w in d["female_nouns"]},
                      **{w: "male" for w in d["male_nouns"]}},
        title_gender={**{w: "male" for w in d["male_titles"]},
                      **{w: "female" for w in d["female_titles"]}},
        thought_modals=frozenset(d["thought_modals"]),
        thought_verbs=frozenset(d["thought_verbs"]),
        speech_verbs=frozenset(load_toml("quote_cues.toml")["verbs"]),
        person_labels=frozenset(d["person_labels"]), org_labels=frozenset(d["org_labels"]),
        place_labels=frozenset(d["place_labels"]), fuzzy_cutoff=float(d["fuzzy_cutoff"]),
        org_nouns=frozenset(d["org_nouns"]), generic_heads=frozenset(d["generic_heads"]),
        org_name_nouns=frozenset(d["org_name_nouns"]),
        party_member_nouns=frozenset(d["party_member_nouns"]),
        name_preps=frozenset(d["name_prepositions"]),
        locative=frozenset(d["locative_prepositions"]),
        where_prepositions=frozenset(d["where_prepositions"]),
        person_role_nouns=frozenset(d["person_role_nouns"]),
        top_roles=frozenset(d["top_roles"]), minor_roles=frozenset(d["minor_roles"]),
        confidence={k: float(v) for k, v in d["confidence"].items()},
        subnational={**{norm(n): "CAN" for n in d["subnational_canada"]},
                     **{norm(n): "AUS" for n in d["subnational_australia"]},
                     **{norm(n): "GBR" for n in d["subnational_uk"]},
                     **{n: "USA" for n in us_states()}},
        subnational_nouns=frozenset(d["subnational_nouns"]),
        furniture=tuple(d["furniture"]),
        common_noun_surnames=frozenset(d["common_noun_surnames"]),
        work_nouns=frozenset(d["work_nouns"]), work_credits=frozenset(d["work_credits"]),
        title_small_words=frozenset(d["title_small_words"]),
        government_nouns=frozenset(d["government_nouns"]),
        sports_verbs=frozenset(d["sports_verbs"]), sports_words=frozenset(d["sports_words"]),
        club_words=frozenset(d["club_words"]),
        compass_words=frozenset(d["compass_words"]),
        national_body_kinds=frozenset(d["national_body_kinds"]),
        product_nouns=frozenset(d["product_nouns"]),
        product_names=frozenset(d["product_names"]),
        product_name_ends=frozenset(d["product_name_ends"]),
        document_title_ends=frozenset(d["document_title_ends"]),
        group_nouns=frozenset(d["group_nouns"]), platforms=frozenset(d["platforms"]),
        company_name_ends=frozenset(d["company_name_ends"]),
        platform_preps=frozenset(d["platform_preps"]),
        name_prefixes=tuple(d["name_prefixes"]), credit_openers=tuple(d["credit_openers"]),
        places={k: frozenset(v) for k, v in d["place_cues"].items()},
        things={k: frozenset(v) for k, v in d["thing_cues"].items()},
    )


# Dependency labels of a word that modifies a noun rather than acting ("the Russian
# economy", "Trump supporters").
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "nummod"})
# Dependency labels of a noun phrase that can be an antecedent (argument of a verb or
# preposition, or a conjunct or apposition of one).
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj", "appos",
                           "dative", "oprd"})
# Parts of speech NER takes into an entity's start that are not part of the name
# ("Later Sunak", "the Chinese Communist Party").
NOT_NAME_POS = frozenset({"ADV", "ADP", "DET", "CCONJ", "SCONJ", "PRON", "PART", "INTJ",
                          "VERB", "AUX"})
SUBJECT_DEPS = ("nsubj", "nsubjpass")
