"""QID coverage of the P5's heads of state and government since 2000.

QIDs are filled only when certain (gazetteer README); the heads still without one are
listed here, so that a new head added without a QID fails, and a QID filled in (by
hand or by scripts/build_gazetteer_wikidata.py --fill-qids) must also strike the
name off this list: the list can only shrink.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from dossier.gazetteer import load_gazetteer

P5 = ("USA", "GBR", "FRA", "RUS", "CHN")
HEADS = frozenset({"president", "prime_minister", "monarch", "head_of_state",
                   "head_of_government", "chancellor", "supreme_leader", "acting_president",
                   "acting_prime_minister"})
# Heads of state or government of the P5 since 2000 whose QID was not known for
# certain when the gazetteer was compiled (2026-11). The last thirteen were filled on
# 2026-12-07 from EveryPolitician's office-holder lists (scripts/match_people_qids.py,
# sources per row in scripts/qid_evidence_2026-12-07.tsv): a new head needs a QID.
NO_QID_YET: frozenset[str] = frozenset()


def _p5_heads() -> dict[str, str]:
    g = load_gazetteer()
    out = {}
    for a in g.actors.values():
        if a.type == "person" and any(
                r.country in P5 and r.role in HEADS
                and (r.end is None or r.end >= date(2000, 1, 1)) for r in a.roles):
            out[a.id] = a.qid
    return out


def test_p5_heads_have_a_qid_or_are_listed() -> None:
    heads = _p5_heads()
    missing = {pid for pid, qid in heads.items() if not qid}
    assert missing <= NO_QID_YET, f"new P5 heads without a QID: {sorted(missing - NO_QID_YET)}"
    assert NO_QID_YET <= missing, f"QIDs now known, strike off: {sorted(NO_QID_YET - missing)}"
    # the ones we have: Putin, Xi, the US presidents, Blair to Johnson, Chirac to Macron…
    for pid, qid in {"vladimir-putin": "Q7747", "xi-jinping": "Q15031", "barack-obama": "Q76",
                     "donald-trump": "Q22686", "theresa-may": "Q264766",
                     "emmanuel-macron": "Q3052772", "dmitry-medvedev": "Q23530"}.items():
        assert heads[pid] == qid


def test_people_qids_are_well_formed_and_unique() -> None:
    qids = [a.qid for a in load_gazetteer().actors.values() if a.qid]
    assert all(re.fullmatch(r"Q[1-9]\d*", q) for q in qids)
    assert [q for q, n in Counter(qids).items() if n > 1] == []
