"""Format registries: one folder per command, one module per format.

A command's formats are the public modules of its format package
(``cjm/lint/report/json.py`` is ``cjm lint --format json``): adding a format is
adding a module, and the CLI's ``--format`` choices and help are read from the
folder. Listing the folder imports nothing, so ``cjm lint`` pays for its text
reporter only; a format's module is imported when it is asked for.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
from pathlib import Path
from typing import Generic, TypeVar

__all__ = ["Registry", "format_names"]

T = TypeVar("T", covariant=True)

_ROOT = Path(__file__).resolve().parent.parent


@cache
def format_names(package: str, default: str) -> tuple[str, ...]:
    """The formats in ``package`` (a dotted name below ``cjm``): ``default`` first, then A-Z.

    Modules whose name starts with ``_`` are helpers, not formats.
    """
    folder = _ROOT.joinpath(*package.split(".")[1:])
    names = {
        entry.stem
        for entry in folder.iterdir()
        if entry.suffix == ".py" and not entry.name.startswith("_")
    }
    if default not in names:  # pragma: no cover - a broken installation
        raise LookupError(f"{package} has no format '{default}'")
    return (default, *sorted(names - {default}))


class Registry(Generic[T]):
    """The formats of one command: their names, and each one's entry point.

    ``Registry("cjm.lint.report", "report", default="text")`` finds
    ``cjm.lint.report.<name>.report`` for every module in that folder.
    """

    def __init__(self, package: str, attribute: str, *, default: str) -> None:
        self.package, self.attribute, self.default = package, attribute, default

    def names(self) -> tuple[str, ...]:
        return format_names(self.package, self.default)

    def help(self) -> str:
        """``text, csv, json or sarif``: the names for a help text."""
        *rest, last = self.names()
        return f"{', '.join(rest)} or {last}" if rest else last

    def get(self, name: str) -> T:
        """The entry point of format ``name``; :class:`KeyError` for an unknown one."""
        if name not in self.names():
            raise KeyError(name)
        entry: T = getattr(import_module(f"{self.package}.{name}"), self.attribute)
        return entry
