"""``python -m cjm`` and the ``cjm`` console script: the command line (:mod:`cjm.cli`).

The command line is imported from here, with Python's garbage collector paused, rather
than named as the console script itself: importing it imports typer (and with it
click, inspect, typing), tens of thousands of objects that live as long as the
process and form no garbage. Collected as they come, they cost passes that free
nothing, and left in the collector's generations they are all scanned once more by
the collection Python makes when it exits: together an eighth of ``cjm --version``
(callgrind, issue 17). :func:`cjm.collector.starting_up` pauses the collector and
then freezes them out of both.
"""

from __future__ import annotations

__all__ = ["main"]


def main() -> None:
    """The ``cjm`` console script: :func:`cjm.cli.main`, imported as said above."""
    from cjm.collector import starting_up

    with starting_up():
        from cjm.cli import main as command_line

    command_line()


if __name__ == "__main__":
    main()
