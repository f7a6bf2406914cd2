"""Child processes that end with their parent.

A worker or reader process whose parent is killed (``kill -9``, SIGTERM, a crash)
must not run on as an orphan holding ~600 MB and a CPU: on Linux the kernel sends
it SIGKILL when the parent dies (``prctl(PR_SET_PDEATHSIG)``); elsewhere a thread
watches the parent and ends the process when it is gone.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1
# How often the fallback watcher looks for the parent, in seconds.
WATCH_SECONDS = 1.0


def die_with_parent() -> None:
    """Make this process end when the process that started it ends."""
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
                if os.getppid() != parent:  # the parent died before the call
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass
    threading.Thread(target=_watch, args=(parent,), daemon=True,
                     name="dossier-parent-watch").start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)
