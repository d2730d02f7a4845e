"""Writing files: atomic replacement, and refusing to overwrite."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjm.errors import UsageError
from cjm.fsutil import atomic_write, create_new


def test_atomic_write_replaces_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "out" / "map.html"
    atomic_write(target, b"one\n")
    atomic_write(target, b"two\n")
    assert target.read_bytes() == b"two\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["map.html"]


def test_create_new_writes_all_or_nothing(tmp_path: Path) -> None:
    existing = tmp_path / "b.yaml"
    existing.write_bytes(b"mine\n")
    with pytest.raises(UsageError) as caught:
        create_new({tmp_path / "a.yaml": b"new\n", existing: b"new\n"})
    assert str(existing) in caught.value.message
    assert existing.read_bytes() == b"mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.yaml"]
