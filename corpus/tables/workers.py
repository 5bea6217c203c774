"""Worker processes started afresh (``spawn``) that never outlive the process that started them.

The notebook runner's pool (:mod:`corpus.publish.runner`) and the sync's spaCy workers
(:mod:`corpus.tables.rows`) use them: :func:`spawned_pool` starts one, :func:`kill_descendants` ends every
process this one started.
"""

from __future__ import annotations

import ctypes
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import current_process, get_context

__all__ = ["MAIN_GUARD_ADVICE", "check_main_guard", "kill_descendants", "spawned_pool"]

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>

MAIN_GUARD_ADVICE = ("workers are started afresh and import the script that started them, so a script that asks "
                     "for more than one process (n_process, --jobs) must put its work under "
                     "`if __name__ == \"__main__\":`")


def check_main_guard() -> None:
    """Raise if this process is a spawned worker still importing its parent's script, which means that the
    script starts its work at its top level: the worker would do that work again (and wait for the parent's
    store lock for ever). ``multiprocessing`` makes the same check, by the same flag, only when a process starts."""
    if getattr(current_process(), "_inheriting", False):
        raise RuntimeError(MAIN_GUARD_ADVICE)


def kill_descendants() -> None:
    """Kill every process this one started (notebook kernels, pool workers), children first."""
    import psutil

    for child in reversed(psutil.Process().children(recursive=True)):
        try:
            child.kill()
        except psutil.NoSuchProcess:
            pass


def _end_worker(*_) -> None:
    kill_descendants()
    os._exit(1)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    _end_worker()


def _die_with_parent(parent: int, initializer, initargs) -> None:
    """Pool worker initialiser: when the process that started the pool (``parent``) dies, even by ``kill -9``,
    this worker ends its own children and itself. Linux says so at once (``PR_SET_PDEATHSIG``); elsewhere a thread
    notices within a second; a parent that died while this worker was still starting is found at once. Then
    ``initializer(*initargs)``, if given."""
    signal.signal(signal.SIGTERM, _end_worker)
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="corpus-parent-watch").start()
    if os.getppid() != parent:  # the parent died before the signal was asked for
        _end_worker()
    if initializer is not None:
        initializer(*initargs)


def spawned_pool(workers: int, *, initializer=None, initargs: tuple = ()) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes started afresh, not forked: each holds only what it imports and builds
    itself, and its resident memory does not count the pages of this process, as a forked one's does."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"), initializer=_die_with_parent,
                               initargs=(os.getpid(), initializer, initargs))
