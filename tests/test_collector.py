"""The collector pause around loading: restored afterwards, garbage still collected."""

from __future__ import annotations

import gc
import weakref

import pytest

from cjm.collector import paused_collector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_left_as_it_was(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        with paused_collector():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
        with pytest.raises(RuntimeError), paused_collector():
            raise RuntimeError("a load that fails")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_a_cycle_made_while_loading_is_still_collected() -> None:
    with paused_collector():
        cycle = _Cycle()
        ref = weakref.ref(cycle)
        del cycle
    assert ref() is not None  # unreachable, waiting for a full pass
    gc.collect()
    assert ref() is None


@pytest.mark.parametrize("short", [False, True])
def test_what_a_short_lived_command_loads_stays_out_of_later_passes(short: bool) -> None:
    # Issue 17: the one full pass after loading re-scanned every loaded object and
    # freed nothing; a command that ends with its work keeps them frozen instead.
    from cjm.collector import short_lived

    gc.unfreeze()
    try:
        if short:
            with short_lived(), paused_collector():
                loaded = [[n] for n in range(1000)]
        else:
            with paused_collector():
                loaded = [[n] for n in range(1000)]
        frozen = gc.get_freeze_count()
        assert (frozen >= len(loaded)) is short
    finally:
        gc.unfreeze()
