"""The built-in templates, compiled to Python code when cjm is built (issue 17).

Compiling cjm's own templates on every ``cjm render`` cost about as much as
rendering a tenth of the pages. The build (``hatch_build.py``, and ``make``
after a template or the code generator changed) compiles every built-in
template in every environment :mod:`cjm.render.environment` makes, and writes
the code next to this module (``compiled/``: generated, not in git, shipped
in the wheel). At run time :class:`Precompiled`, Jinja's bytecode cache, only
reads those files; it never writes one.

Why a stale or foreign file is never run:

* the file's name is a hash of everything the code depends on besides the
  template: the environment (output language and whether it is sandboxed),
  the template's name, the code generator (the bytes of
  ``cjm/render/environment.py``, which holds it and every environment
  option), Jinja's version and Python's bytecode magic. Any change there
  looks for another file, which is not there;
* Jinja itself compares the template's source with the checksum stored in
  the file, so an edited template (or a user's template of the same name)
  compiles in memory as before.

A missing, stale or unreadable file only means the template compiles in
memory, as without this module.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path
from types import CodeType

import jinja2
from jinja2.bccache import Bucket

__all__ = ["COMPILED", "Precompiled", "write_all"]

COMPILED = Path(__file__).resolve().parent / "compiled"
"""Where the build writes the compiled templates."""
SUFFIX = ".jbc"


class Precompiled(jinja2.BytecodeCache):
    """Reads the code the build compiled for one environment (``kind``: html, md or
    mmd; ``generator``: the file of the code generator and environment options)."""

    def __init__(self, kind: str, sandboxed: bool, generator: str) -> None:
        self._prefix = "\0".join(
            (
                kind,
                "sandboxed" if sandboxed else "trusted",
                _fingerprint(generator),
                jinja2.__version__,
                importlib.util.MAGIC_NUMBER.hex(),
                sys.implementation.cache_tag or "",
            )
        )

    def key(self, name: str) -> str:
        """The file name (without suffix) of template ``name``'s compiled code."""
        return hashlib.sha256(f"{self._prefix}\0{name}".encode()).hexdigest()

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        # Jinja's key hashes the file's path, which differs between the build and an
        # installed cjm; the checksum of the source (checked by Jinja) stands for it.
        bucket = Bucket(environment, self.key(name), self.get_source_checksum(source))
        self.load_bytecode(bucket)
        if bucket.code is not None and filename and bucket.code.co_filename != filename:
            # Error messages and tracebacks name the template file this run reads.
            bucket.code = _refiled(bucket.code, filename)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            with (COMPILED / (bucket.key + SUFFIX)).open("rb") as stream:
                bucket.load_bytecode(stream)
        except FileNotFoundError:
            return
        except Exception:  # a damaged file: compile in memory instead
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Nothing: a render never writes outside its output folder."""


def _fingerprint(path: str) -> str:
    known = _FINGERPRINTS.get(path)
    if known is None:
        try:
            known = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        except OSError:  # no source to compare with: never match a compiled file
            known = "unknown"
        _FINGERPRINTS[path] = known
    return known


_FINGERPRINTS: dict[str, str] = {}


def _refiled(code: CodeType, filename: str) -> CodeType:
    """``code`` and the functions in it (blocks, macros), as if compiled from ``filename``."""
    constants = tuple(
        _refiled(value, filename) if isinstance(value, CodeType) else value
        for value in code.co_consts
    )
    return code.replace(co_filename=filename, co_consts=constants)


def write_all(folder: Path = COMPILED) -> list[Path]:
    """Compile every built-in template in every environment cjm renders it in, into
    ``folder``; files left from another version are removed. Returns the files."""
    from cjm.output.writer import write_file
    from cjm.render.environment import Templates

    written: list[Path] = []
    for environment in Templates().environments():
        cache = environment.bytecode_cache
        assert isinstance(cache, Precompiled) and environment.loader is not None
        for name in environment.loader.list_templates():
            source, filename, _ = environment.loader.get_source(environment, name)
            bucket = Bucket(environment, cache.key(name), cache.get_source_checksum(source))
            bucket.code = environment.compile(source, name, filename)
            path = folder / (bucket.key + SUFFIX)
            write_file(path, bucket.bytecode_to_string(), skip_unchanged=True)
            written.append(path)
    for stale in sorted(set(folder.glob("*" + SUFFIX)) - set(written)):
        stale.unlink()
    return written


if __name__ == "__main__":  # make: after a template or the code generator changed
    # This file runs as __main__: the module the environments use is imported by name.
    from cjm.render import precompiled

    precompiled.write_all()
