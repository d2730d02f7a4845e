"""The commands behind the CLI: each ``run`` takes plain values and returns an exit code.

They are imported only when their command runs, so the heavy modules they need
(pydantic, rich, jinja2) never slow down another command.
"""
