"""Links to cjm's documentation, from the repository URL in ``pyproject.toml``.

``[project.urls] Repository`` is the one place the address is written; an
installed cjm (also an editable one) carries it in its metadata, read here
lazily, so only the commands that print a link pay for it.
"""

from __future__ import annotations

from functools import cache

__all__ = ["docs_url", "repository_url"]

DOCS_BRANCH = "main"


@cache
def repository_url() -> str | None:
    """The ``Repository`` project URL, or None when cjm runs without its metadata."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        entries: list[str] = metadata("cjm").get_all("Project-URL") or []
    except PackageNotFoundError:  # pragma: no cover - running from a source tree, uninstalled
        return None
    for entry in entries:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "repository" and url.strip():
            return url.strip().rstrip("/")
    return None


def docs_url(page: str, anchor: str | None = None) -> str:
    """The web address of ``docs/<page>``; the repository path when the URL is unknown."""
    base = repository_url()
    where = f"{base}/blob/{DOCS_BRANCH}/docs/{page}" if base else f"docs/{page}"
    return f"{where}#{anchor}" if anchor else where
