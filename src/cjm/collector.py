"""Keep Python's garbage collector off the data a command loads.

Loading a folder of journeys allocates hundreds of thousands of objects that all
stay alive (data, models, positions) and almost none that form garbage cycles.
With the collector running, every full pass re-scans everything loaded so far,
so the passes grow with the corpus and the run is no longer linear in it (issue
17: full collections were 1.6 s of 2.7 s at 200 files). While loading, the
collector is paused; afterwards what was loaded goes straight to the oldest
generation (``freeze`` then ``unfreeze``), where only a full pass looks at it,
and any garbage cycle made while loading is still collected by that pass.

A command that ends once its work is done (``cjm lint``, ``diff``, ``render``: not
``cjm serve``) runs inside :func:`short_lived`: there what was loaded stays frozen,
out of every later pass. That one full pass found nothing to free and re-scanned
every loaded object: 0.4 s of a 5.9 s lint of 1,000 journeys (issue 17). Objects
that are dropped are still freed at once (reference counting does not scan); only
a garbage cycle made while loading would wait for the process to end.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_collector", "short_lived", "started", "starting_up"]

_short_lived: list[bool] = []
_starting: list[bool] = []


@contextmanager
def starting_up() -> Iterator[None]:
    """The process's start-up, until the command's own work begins (:func:`started`).

    Start-up makes only objects that live as long as the process (modules, classes,
    the command line's parser, the models' validators) and no garbage cycles, yet
    it allocates enough to set off the collector again and again: 17 passes, 3 ms
    of a one-file ``cjm lint``, that free nothing (issue 17). So it is paused here
    and resumed when the command starts, where :func:`paused_collector` takes over.
    """
    if not gc.isenabled():  # someone else manages it (a test, an embedding program)
        yield
        return
    gc.disable()
    _starting.append(True)
    try:
        yield
    finally:
        started()


def started() -> None:
    """The command's own work begins: the collector runs again (see :func:`starting_up`).

    What start-up made goes to the permanent generation first (``freeze``): resumed
    with all of it still in the youngest generation, the collector's very next pass
    would scan it all (2.7 ms), the work the pause was to save.
    """
    if _starting:
        _starting.pop()
        gc.freeze()
        gc.enable()


@contextmanager
def paused_collector() -> Iterator[None]:
    """Pause the collector for a block that builds long-lived data."""
    if not gc.isenabled():  # someone else manages it (a test, an embedding program)
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()  # what survived moves to the permanent generation...
        if not _short_lived:
            gc.unfreeze()  # ...and back to the oldest one, without a scan in between
        gc.enable()


@contextmanager
def short_lived() -> Iterator[None]:
    """A block that is the rest of the process: what it loads is never scanned again."""
    _short_lived.append(True)
    try:
        yield
    finally:
        _short_lived.pop()
