"""The benchmarks' own stand-ins for the pipeline's interfaces keep up with them: a
sink attribute added to ``dossier.sinks.Sink`` broke benchmarks/scale.py's default
run once (session 17: ``keeps_fingerprints``), which no timed figure would show."""

from __future__ import annotations

import runpy
from pathlib import Path

from dossier.sinks import Sink

SCALE = Path(__file__).resolve().parents[1] / "benchmarks" / "scale.py"


def test_scale_count_sink_has_the_sink_interface() -> None:
    count = runpy.run_path(str(SCALE))["_Count"]
    wanted = {name for name in dir(Sink) if not name.startswith("_")}
    assert wanted, "Sink has a public interface"
    assert wanted <= set(dir(count)), wanted - set(dir(count))
    assert count.keeps_fingerprints is False  # it stores nothing, as `dossier extract`
