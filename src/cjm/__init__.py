"""cjm — customer journeys as code.

Keep customer journeys as YAML in git; check them with ``cjm lint``, compare them
with ``cjm diff`` and publish them with ``cjm render``.

This module stays import-light on purpose: ``cjm --version`` must not pay for
pydantic, yaml or rich.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
