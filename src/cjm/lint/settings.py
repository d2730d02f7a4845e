"""Which rules run, how severe each is, and with which options.

Three sources decide, in this order: the rule's defaults (a few rules are off
until asked for: ``Rule.enabled``), the ``rules:`` section
of ``cjm.yaml`` (``off``/``info``/``warning``/``error``, or a mapping with
``severity`` and the rule's own options), and ``--select``/``--ignore`` on the
command line. Everything a user can get wrong here is a :class:`ConfigError` or
:class:`UsageError` (exit 2) that names the line in ``cjm.yaml`` or the flag.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Sequence
from typing import Any, NamedTuple

from pydantic import BaseModel, ValidationError

from cjm.config import Config
from cjm.errors import ConfigError, UsageError
from cjm.lint.rule import Rule
from cjm.models import defaults, describe
from cjm.problems import Severity
from cjm.text import Message, msg
from cjm.validation import render_path, schema_problems
from cjm.yaml_source import NodePath

__all__ = ["ActiveRule", "configure", "unknown_rule_hint"]

_LEVELS = ("off", "info", "warning", "error")


class ActiveRule(NamedTuple):
    """A rule as it runs: with the severity and the options in force."""

    rule: Rule
    severity: Severity
    options: BaseModel


def unknown_rule_hint(name: str, known: Collection[str]) -> Message:
    """``unknown rule 'x' — did you mean 'y'?`` with the closest known id."""
    close = difflib.get_close_matches(name, list(known), n=1)
    if close:
        return msg("unknown rule '{rule}' — did you mean '{close}'?", rule=name, close=close[0])
    return msg("unknown rule '{rule}' (`cjm rules` lists them)", rule=name)


def configure(
    rules: Sequence[Rule],
    config: Config,
    *,
    select: Collection[str] | None = None,
    ignore: Collection[str] = (),
) -> list[ActiveRule]:
    """The rules to run, in registry order.

    ``select`` (when given) limits the run to those rules, and turns on a rule the
    configuration turned ``off``: asking for a rule by name on the command line
    wins. ``ignore`` always wins.
    """
    known = {rule.id for rule in rules}
    if select is not None and not select:
        raise UsageError(msg("--select: name at least one rule (`cjm rules` lists them)"))
    for flag, names in (("--select", select or ()), ("--ignore", ignore)):
        for name in names:
            if name not in known:
                raise UsageError(
                    msg("{flag}: {problem}", flag=flag, problem=unknown_rule_hint(name, known))
                )
    configured: dict[str, Any] = config.settings.rules
    for name in configured:
        if name not in known:
            raise _config_error(config, ("rules", name), unknown_rule_hint(name, known), key=True)
    active: list[ActiveRule] = []
    for rule in rules:
        if rule.id in ignore or (select is not None and rule.id not in select):
            continue
        severity, options = _settings(rule, config, configured.get(rule.id))
        if severity is None:
            if select is None:
                continue
            severity = rule.severity
        active.append(ActiveRule(rule, severity, options))
    return active


def _settings(rule: Rule, config: Config, value: Any) -> tuple[Severity | None, BaseModel]:
    where: NodePath = ("rules", rule.id)
    if value is None:  # not configured: the rule's default, which may be "off"
        return (rule.severity if rule.enabled else None), defaults(rule.options)()
    if isinstance(value, str):
        return _level(config, where, value), defaults(rule.options)()
    if not isinstance(value, dict):
        raise _config_error(
            config,
            where,
            msg(
                "rule '{rule}' takes one of {levels} or a mapping with "
                "'severity' and its options, got {got}",
                rule=rule.id,
                levels=", ".join(_LEVELS),
                got=describe(value),
            ),
        )
    options = {key: item for key, item in value.items() if key != "severity"}
    severity = (
        _level(config, (*where, "severity"), value["severity"])
        if "severity" in value
        else rule.severity
    )
    try:
        # Strict: YAML already gives real numbers and booleans, so `max_age_days: true`
        # or a quoted "30" is a mistake to report, not a value to convert.
        return severity, rule.options.model_validate(options, strict=True)
    except ValidationError as exc:
        first = next(schema_problems(exc, options, rule.options))
        path = (*where, *first.path)
        message = first.message
        if first.key:  # an unknown option: list the real ones, not the journey's x- advice
            allowed = ", ".join(["severity", *rule.options.model_fields])
            close = difflib.get_close_matches(str(first.path[-1]), list(rule.options.model_fields))
            if close:
                message = msg(
                    "unknown option '{option}' — did you mean '{close}'? "
                    "('{rule}' takes: {allowed})",
                    option=str(first.path[-1]),
                    close=close[0],
                    rule=rule.id,
                    allowed=allowed,
                )
            else:
                message = msg(
                    "unknown option '{option}' ('{rule}' takes: {allowed})",
                    option=str(first.path[-1]),
                    rule=rule.id,
                    allowed=allowed,
                )
        said = msg("{where}: {problem}", where=render_path(where), problem=message)
        raise _config_error(config, path, said, first.key) from None


def _level(config: Config, where: NodePath, value: Any) -> Severity | None:
    if value == "off":
        return None
    if isinstance(value, str) and value in _LEVELS:
        return Severity(value)
    raise _config_error(
        config,
        where,
        msg(
            "severity must be one of {levels}, got {got}",
            levels=", ".join(_LEVELS),
            got=describe(value),
        ),
    )


def _config_error(
    config: Config, path: NodePath, message: Message, key: bool = False
) -> ConfigError:
    return ConfigError(message, config.location(path, key=key))
