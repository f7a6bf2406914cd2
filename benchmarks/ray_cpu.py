"""Where the CPU of a Ray run goes, process by process, against one process on the
same text (Linux: read from /proc).

The corpus is ``benchmarks/scale.py``'s (the Scrapinghub article bodies, ``--copies K``
shuffled copies). Dossier runs it once in one process (``--workers 1``, a fresh
process after a warm-up, as scale.py times it), then once on a local Ray of 3 logical CPUs started
before the run (2 model actors and Ray Data's small tasks, as scale.py), sampling
every process's CPU time once a second, so processes that end before the run does
(a model actor, a read task's worker) are counted too. It prints, and writes with
``--json``:

- the one-process run: wall time (in a fresh process, benchmarks/timed_run.py);
- the Ray run: wall time, the speed-up over one process, the CPU the two cores had
  (2 × wall), and each process's CPU time, grouped: the model actors, the driver
  (this process: reading, cleaning and Ray Data's executor), Ray Data's read task
  worker and singleton actors, the queue actor, Ray's daemons; and the CPU left idle.

    python benchmarks/ray_cpu.py [--copies 10] [--json FILE]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from scale import DEFAULT_CORPUS, _Count, _fresh_run, build_corpus, report

TICK = os.sysconf("SC_CLK_TCK")


def cpu_by_process() -> dict[int, tuple[float, str]]:
    """Every process's user + system CPU seconds and command line."""
    out: dict[int, tuple[float, str]] = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as fh:
                stat = fh.read()
            with open(f"/proc/{pid}/cmdline", "rb") as fh:
                cmd = fh.read().replace(b"\0", b" ").decode(errors="replace").strip()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        out[int(pid)] = ((int(fields[11]) + int(fields[12])) / TICK, cmd)
    return out


def idle_cpu_s() -> float:
    with open("/proc/stat") as fh:
        v = [int(x) for x in fh.readline().split()[1:]]
    return (v[3] + v[4]) / TICK


def group(cmd: str, me: int, pid: int) -> str:
    if pid == me:
        return "driver (reading, cleaning, Ray Data's executor, results)"
    for key, name in (("MapWorker", "model actors"),
                      ("_StatsActor", "Ray Data stats actor"),
                      ("_AutoscalingCoordinatorActor", "Ray Data autoscaling coordinator"),
                      ("ActorLocationTracker", "Ray Data actor-location tracker"),
                      ("_QueueActor", "the feed's queue actor"),
                      ("ray::", "Ray worker for the read task (ray::IDLE after)"),
                      ("raylet", "raylet"), ("gcs_server", "GCS"),
                      ("log_monitor", "log monitor"), ("monitor.py", "autoscaler monitor"),
                      ("dashboard", "dashboard agents")):
        if key in cmd:
            return name
    return "other processes on the machine"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    if not Path("/proc/stat").exists():
        print("ray_cpu.py reads /proc: Linux only", file=sys.stderr)
        return 2
    from dossier.settings import load_settings

    path = Path(tempfile.mkdtemp()) / "corpus.jsonl"
    words = sum(len(t.split()) for t in build_corpus(DEFAULT_CORPUS, args.copies, path))
    res: dict[str, Any] = {"copies": args.copies, "words": words, "cpus": os.cpu_count()}
    # one process, timed as scale.py times it: a fresh process, one core busy throughout
    res["one_process"] = {"wall_s": round(_fresh_run(path, 1)["seconds"], 1)}
    one = res["one_process"]["wall_s"]

    import ray

    from dossier.engines.raydata import run_ray

    ray.init(num_cpus=3, include_dashboard=False, log_to_driver=False)
    before = cpu_by_process()
    seen: dict[int, tuple[float, str]] = {}
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            for pid, (cpu, cmd) in cpu_by_process().items():
                if cpu >= seen.get(pid, (0.0, ""))[0]:
                    seen[pid] = (cpu, cmd)
            stop.wait(1.0)

    sampler = threading.Thread(target=sample, name="cpu-sampler", daemon=True)
    idle0, t0 = idle_cpu_s(), time.perf_counter()
    sampler.start()
    run_ray([path], _Count(), load_settings(overrides={"workers": "2"}))  # type: ignore[arg-type]
    wall = time.perf_counter() - t0
    idle = idle_cpu_s() - idle0
    stop.set()
    sampler.join()
    for pid, (cpu, cmd) in cpu_by_process().items():
        if cpu >= seen.get(pid, (0.0, ""))[0]:
            seen[pid] = (cpu, cmd)
    ray.shutdown()
    groups: dict[str, float] = {}
    for pid, (cpu, cmd) in seen.items():
        used = cpu - before.get(pid, (0.0, ""))[0]
        if used > 0.01:
            name = group(cmd, os.getpid(), pid)
            groups[name] = groups.get(name, 0.0) + used
    res["ray"] = {
        "wall_s": round(wall, 1), "speedup_over_one_process": round(one / wall, 2),
        "cpu_s_two_cores_had": round(2 * wall, 1), "idle_cpu_s": round(idle, 1),
        "cpu_s_by_process": {k: round(v, 1) for k, v in
                             sorted(groups.items(), key=lambda kv: -kv[1])},
    }
    report(res, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
