"""Dyad precision and recall on PETRARCH2's unit-test records (PETR.UnitTest.records.xml).

The records use fictional actors (Arnor, Gondor …) from PETR.Validate.actors.txt;
this script turns that dictionary into a temporary user gazetteer (names and
"+" synonyms, underscores read as spaces; "ARNOR_" style stems as written) so the
actor stage can find them. A predicted dyad is a non-negated event with both
actors coded (a CAMEO code, if only "---GOV" for a government of unknown country as
PETRARCH codes it; an unlinked name with no code is no coded actor); it matches a
gold EventCoding when the CAMEO root and the first three letters of both actor
codes agree. Records marked noevents count their predictions
as false positives. ``*_any_root`` compare the actor pairs alone (what the actor
stage and the dyad direction get right, whatever the code: the unit tests' own verb
dictionary, PETR.Validate.verbs.txt, codes some verbs unlike CAMEO.2.0 — "restore
ties" 064 there, 050 in CAMEO.2.0); ``*_country_pairs`` the same for pairs of two
actors with a known country (partial actors such as "---GOV" left out).

    python eval/events_petrarch.py [--dir ../shared/dev/events] [--json OUT]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from datetime import date
from pathlib import Path

from report import report  # the script beside this one

from dossier.records import ActorRef

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "dev" / "events"


def actor_tsv(actors_file: Path) -> str:
    rows = ["id\tname\taliases\tcountry\tsector\tcode\tqid\ttype\tnotes"]
    current: list[str] = []
    code = ""

    def flush() -> None:
        if current and code and code != "---":
            c = code.upper()
            names = [n.replace("_", " ").strip().title() for n in current]
            names = [n for n in names if n]
            if names:
                rows.append(f"petr-{len(rows)}\t{names[0]}\t{'|'.join(names[1:])}\t{c[:3]}\t"
                            f"{c[3:]}\t{c}\t\torg\t")

    for line in actors_file.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.split("#")[0].rstrip()
        if not line or line.startswith("<") or line.startswith(" "):
            continue
        if line.startswith("+"):
            current.append(line[1:].strip())
            continue
        m = re.match(r"^(.+?)\s*\[([^\]]+)\]", line)
        if m:
            flush()
            current, code = [m.group(1).strip()], m.group(2).strip().split()[0]
    flush()
    return "\n".join(rows) + "\n"


def records(xml: Path) -> list[dict]:
    text = xml.read_text(encoding="utf-8", errors="replace")
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    out = []
    for m in re.finditer(r"<Sentence ([^>]*)>(.*?)</Sentence>", text, flags=re.S):
        attrs, body = m.group(1), m.group(2)
        sent = re.search(r"<Text>(.*?)</Text>", body, flags=re.S)
        if not sent:
            continue
        d = re.search(r'date="(\d{8})"', attrs)
        gold = [(c[2][:2], c[0][:3], c[1][:3]) for c in re.findall(
            r'sourcecode="([^"]*)"\s+targetcode="([^"]*)"\s+eventcode="([^"]*)"', body)]
        out.append({"text": " ".join(sent.group(1).split()), "gold": gold,
                    "date": date(int(d.group(1)[:4]), int(d.group(1)[4:6]),
                                 int(d.group(1)[6:])) if d else None,
                    "noevents": "noevents" in body})
    return out


def _coded(actor: ActorRef | None) -> bool:
    """An actor with a CAMEO code, if only in part ("---GOV": a government of unknown
    country, as PETRARCH codes it); an unlinked name with no code is no coded actor."""
    return bool(actor and actor.code)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=DEFAULT)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    xml, actors = args.dir / "PETR.UnitTest.records.xml", args.dir / "PETR.Validate.actors.txt"
    if not xml.exists() or not actors.exists():
        print(f"{args.dir}: PETR files not found", file=sys.stderr)
        return 2
    from dossier.analysis import analysers
    from dossier.events.extract import extract_events

    with tempfile.TemporaryDirectory() as tmp:
        gaz = Path(tmp) / "petr-organisations.tsv"
        gaz.write_text(actor_tsv(actors), encoding="utf-8")
        an = analysers(None, (gaz,))
        tp = fp = fn = 0
        atp = afp = afn = 0
        ctp = cfp = cfn = 0
        recs = records(xml)
        for r in recs:
            parsed = an.read(r["text"], source="petr", article_id="p", published=r["date"])
            pred = {(e.root, e.source_actor.code[:3], e.target_actor.code[:3])
                    for e in extract_events(parsed, an.geo)
                    if not e.negated and _coded(e.source_actor) and _coded(e.target_actor)}
            gold = set(r["gold"])
            pairs, gold_pairs = {d[1:] for d in pred}, {d[1:] for d in gold}
            # pairs of two actors with a known country ("---GOV" left out), the
            # comparison with runs that coded no partial actor
            known = {d for d in pairs if "---" not in d}
            ctp += len(known & gold_pairs)
            cfp += len(known - gold_pairs)
            cfn += len(gold_pairs - known)
            atp += len(pairs & gold_pairs)
            afp += len(pairs - gold_pairs)
            afn += len(gold_pairs - pairs)
            tp += len(pred & gold)
            fp += len(pred - gold)
            fn += len(gold - pred)
    p = tp / (tp + fp) if tp + fp else 0.0
    rcl = tp / (tp + fn) if tp + fn else 0.0
    res = {"records": len(recs), "gold_dyads": tp + fn, "predicted_dyads": tp + fp,
           "precision": round(p, 3), "recall": round(rcl, 3),
           "f1": round(2 * p * rcl / (p + rcl), 3) if p + rcl else 0.0,
           "precision_any_root": round(atp / (atp + afp), 3) if atp + afp else 0.0,
           "recall_any_root": round(atp / (atp + afn), 3) if atp + afn else 0.0,
           "precision_country_pairs": round(ctp / (ctp + cfp), 3) if ctp + cfp else 0.0,
           "recall_country_pairs": round(ctp / (ctp + cfn), 3) if ctp + cfn else 0.0}
    report(res, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
