"""What the last ``cjm render`` wrote into a folder: an unchanged second run renders nothing.

After a render has written its files, it records on the output folder (an
extended attribute, ``user.cjm.render``: nothing appears among the files, and
a ``git clone`` or a copy never carries it along) a key of every input, the
names of the files it wrote and one SHA-256 over every name and its bytes
(compressed: an extended attribute holds a few kilobytes). A later run whose
inputs give the same key reads the files listed there; only when every one of
them is still there with exactly those bytes does it take them as the
render's output and skip the templates. Anything else (a file edited, removed
or half-written, another input, a file system without extended attributes, a
record too large for it, posters among the formats) renders as before.

Why that is safe:

* the key covers every input the files are made from: the bytes of every
  journey and opportunities file with its path, ``cjm.yaml``, the analytics
  export, every file in the template folders, the options (formats, language,
  view, the paths given), today's date (lint rules and the
  page read it), the working directory, and cjm itself: its version, the bytes
  of its own code, templates and catalogs (a development checkout changes
  without a new version), Python's version and the versions of the libraries
  that shape the bytes (jinja2, markupsafe, pydantic, PyYAML, Babel);
* the output is never taken from the record: the files are read and hashed,
  so what a write or ``--check`` compares is what is on disk, and a mismatch
  means the full render;
* the record is removed before any file is written and set again only after
  every write succeeded: a run that stops halfway leaves no record.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import re
import sys
import zlib
from collections.abc import Iterable, Mapping
from datetime import date
from functools import cache
from pathlib import Path

__all__ = ["ATTRIBUTE", "Key", "cached_outputs", "forget", "remember"]

ATTRIBUTE = "user.cjm.render"
_LIBRARIES = {  # distribution: its top-level module
    "jinja2": "jinja2",
    "markupsafe": "markupsafe",
    "pydantic": "pydantic",
    "pydantic-core": "pydantic_core",
    "pyyaml": "yaml",
    "babel": "babel",
}


class Key:
    """The inputs of one render, added one by one; :attr:`digest` is the key."""

    def __init__(self) -> None:
        self._hash = hashlib.sha256()
        self.add("cjm", _cjm_itself())
        self.add("today", date.today().isoformat())
        self.add("cwd", str(Path.cwd()))

    def add(self, name: str, value: str | bytes | None) -> None:
        """One input by its name (``None``: absent, which differs from empty)."""
        data = value.encode("utf-8", "surrogatepass") if isinstance(value, str) else value
        self._hash.update(name.encode("utf-8", "surrogatepass") + b"\0")
        if data is None:
            self._hash.update(b"-\0")
        else:
            self._hash.update(b"%d\0" % len(data) + data)

    def add_file(self, name: str, path: Path | None) -> None:
        """A file's bytes (an unreadable or missing file counts as absent)."""
        self.add(name, _read(path) if path is not None else None)

    def add_folder(self, name: str, folder: Path) -> None:
        """Every file under ``folder``, by its path inside it."""
        for path in _files(folder):
            self.add(f"{name}/{path.relative_to(folder).as_posix()}", _read(path))

    @property
    def digest(self) -> str:
        return self._hash.hexdigest()


def cached_outputs(out_dir: Path, key: str) -> dict[str, bytes] | None:
    """The files the last render with ``key`` wrote, read from ``out_dir``, when every
    one is there with the bytes it wrote; otherwise None (render)."""
    try:
        record = json.loads(zlib.decompress(os.getxattr(out_dir, ATTRIBUTE)))
    except (OSError, ValueError, zlib.error, AttributeError):  # none, damaged, no xattrs
        return None
    if not isinstance(record, dict) or record.get("key") != key:
        return None
    names = record.get("files")
    if not isinstance(names, list) or not all(_plain(name) for name in names):
        return None
    outputs: dict[str, bytes] = {}
    for name in names:
        data = _read(out_dir / name)
        if data is None:
            return None
        outputs[name] = data
    return outputs if record.get("digest") == _digest(outputs) else None


def forget(out_dir: Path) -> None:
    """Remove the record before files are written: a run that stops halfway leaves none."""
    with contextlib.suppress(OSError, AttributeError):
        os.removexattr(out_dir, ATTRIBUTE)


def remember(out_dir: Path, key: str, outputs: Mapping[str, bytes]) -> None:
    """Record ``outputs`` as what the render with ``key`` wrote (silently not, where the
    file system keeps no extended attributes or the record is too large for it)."""
    record = {"key": key, "files": list(outputs), "digest": _digest(outputs)}
    with contextlib.suppress(OSError, AttributeError):
        os.setxattr(out_dir, ATTRIBUTE, zlib.compress(json.dumps(record).encode(), 9))


def _digest(outputs: Mapping[str, bytes]) -> str:
    """One SHA-256 of every file's name and bytes, in order."""
    digest = hashlib.sha256()
    for name, data in outputs.items():
        digest.update(b"%s\0%d\0" % (name.encode("utf-8", "surrogateescape"), len(data)))
        digest.update(data)
    return digest.hexdigest()


def _plain(name: object) -> bool:
    """A file name directly in the output folder, as render writes them."""
    return isinstance(name, str) and "/" not in name and name not in ("", ".", "..")


_ITSELF: list[str] = []


def _cjm_itself() -> str:
    """cjm's version, its own files (code, templates, catalogs), Python's and the libraries'."""
    if not _ITSELF:
        from cjm import __version__
        from cjm.render.environment import builtin_templates

        digest = hashlib.sha256()
        package = Path(__file__).resolve().parent.parent
        for folder in (package, builtin_templates()):
            for path in _files(folder):
                # Derived from the files hashed here, Python's and the libraries'
                # versions: bytecode and the compiled templates (cjm.render.precompiled).
                if path.suffix in (".pyc", ".jbc"):
                    continue
                digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
                digest.update(_read(path) or b"-")
        versions = [
            f"{library} {_version(library, module)}" for library, module in _LIBRARIES.items()
        ]
        _ITSELF.append(f"{__version__} {digest.hexdigest()} {sys.version} {', '.join(versions)}")
    return _ITSELF[0]


def _version(library: str, module: str) -> str:
    """The installed version of ``library`` (whose package is ``module``).

    Read from the name of its one ``{name}-{version}.dist-info`` folder beside the
    package, as installers name it: importing :mod:`importlib.metadata` (with the
    email parser it reads ``METADATA`` with) cost a render more than the rest of
    this key (issue 17). Any other layout asks importlib.metadata.
    """
    spec = importlib.util.find_spec(module)
    if spec is not None and spec.origin:
        wanted = _normal(library)
        found = [
            version
            for entry in _listing(Path(spec.origin).parent.parent)
            if entry.endswith(".dist-info")
            for stem, _, version in [entry.removesuffix(".dist-info").rpartition("-")]
            if stem and _normal(stem) == wanted
        ]
        if len(found) == 1:
            return found[0]
    from importlib import metadata

    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "-"


def _normal(name: str) -> str:
    """A distribution's name as installers spell it in a folder name (PEP 503, 427)."""
    return re.sub(r"[-_.]+", "_", name).lower()


@cache
def _listing(folder: Path) -> tuple[str, ...]:
    """The names in ``folder`` (the libraries mostly share one site-packages)."""
    try:
        return tuple(path.name for path in folder.iterdir())
    except OSError:
        return ()


def _files(folder: Path) -> Iterable[Path]:
    try:
        return sorted(path for path in folder.rglob("*") if path.is_file())
    except OSError:
        return ()


def _read(path: Path) -> bytes | None:
    """A regular file's bytes (never a FIFO's or a device's: those could block)."""
    try:
        return path.read_bytes() if path.is_file() else None
    except OSError:
        return None
