"""Parse YAML the way a person meant it, and remember where every node stands.

PyYAML follows YAML 1.1, where ``no`` is ``False``, ``12:30`` is 750 and ``010``
is 8: a journey full of human words would silently change meaning. We therefore
let libyaml *compose* the document (fast, C) with our own scalar resolver
(YAML 1.2 core rules), and build the Python values ourselves. Building them
ourselves is what lets us:

* record the position of every node, found by its path (``("phases", 2, "name")``),
  so any later problem — pydantic's or a lint rule's — points at ``line:col``.
  Positions are kept as plain integers in one array per file, not as libyaml's
  node and ``Mark`` objects (which Python's garbage collector re-scanned on every
  full collection) nor as a tuple per path (which cost more memory than the data
  itself): issue 17;
* refuse a mapping that repeats a key (PyYAML keeps the last one and loses data);
* bound alias expansion, so a "billion laughs" document is refused quickly and
  in memory proportional to the file, not to the expansion.
"""

from __future__ import annotations

import math
import operator
import re
import struct
import sys
from array import array
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from cjm.lines import EXTRA_BREAKS, LineIndex, one_line
from cjm.text import Message, msg
from cjm.yaml_hints import syntax_hint

__all__ = [
    "MAX_NUMBER_DIGITS",
    "NodePath",
    "Positions",
    "Record",
    "Span",
    "YamlDocument",
    "YamlProblem",
    "decode",
    "parse_yaml",
]

NodePath = tuple[str | int, ...]
"""Where a value sits in a document: mapping keys and list indices from the root."""


Record = tuple[int, int, int, int]
"""A node's span as plain integers (1-based line, column, end line, end column)."""


class Span(NamedTuple):
    """A node's extent, 1-based, end exclusive (as the YAML marks give it)."""

    line: int
    column: int
    end_line: int
    end_column: int


class YamlDocument:
    """Plain Python data plus the position of every value and mapping key in it.

    Positions are plain integers in one flat array, nine per value in document
    order (its span, its key's span, the size of its subtree), not the parser's
    node and ``Mark`` objects nor a tuple per path: a run over many files kept
    millions of those alive, and they cost several times the data itself (issue
    17). A path is found by walking the positions and the mapping keys in
    :attr:`names`, which only a reported problem does, so positions outlive
    ``data``: a lint drops each file's data once its own rules have run and still
    places what the cross-file rules find later. :attr:`values` and :attr:`keys`
    read the same positions as mappings from paths to spans.

    ``nodes`` holds the parser's nodes of the values for the hints that need a
    node's style and tag (:mod:`cjm.yaml_hints`); call :meth:`forget_nodes` once
    they are done, so that a run over many files does not keep every node tree.
    """

    # A plain class, not a dataclass: defining one costs a lint of one file about 1%
    # (its methods are generated and compiled at import; issue 17).
    __slots__ = ("_children", "data", "names", "parsed", "positions", "spans")

    data: Any
    positions: Positions
    spans: array[int]
    """Nine integers per value, in document order: see :data:`_STRIDE`."""
    names: list[str | None]
    """Each value's mapping key in the same order (None for the root and list items).
    The keys are interned: a run holds a few dozen distinct ones, not one per value."""
    parsed: list[Node]
    """The parser's nodes in the same order, until :meth:`forget_nodes`."""

    def __init__(
        self,
        data: Any,
        positions: Positions | None = None,
        spans: array[int] | None = None,
        names: list[str | None] | None = None,
    ) -> None:
        self.data = data
        self.positions = Positions(None) if positions is None else positions
        self.spans = array("q") if spans is None else spans
        self.names = [] if names is None else names
        self.parsed = []
        self._children: dict[int, _Children] = {}

    @property
    def values(self) -> Mapping[NodePath, Record]:
        """Every value's span (a :data:`Record`) by its path."""
        return _Records(self, key=False)

    @property
    def keys(self) -> Mapping[NodePath, Record]:
        """Every mapping key's span by the path of its value."""
        return _Records(self, key=True)

    @property
    def nodes(self) -> Mapping[NodePath, Node]:
        """The parser's node of every value by its path (empty after :meth:`forget_nodes`)."""
        return _Nodes(self)

    def positions_only(self) -> YamlDocument:
        """The same positions without the data or the parser's nodes: what a lint
        keeps of a file once its own rules have run (:meth:`find` needs no data)."""
        return YamlDocument(data=None, positions=self.positions, spans=self.spans, names=self.names)

    def forget_nodes(self) -> None:
        """Drop the parser's nodes; positions stay (as integers)."""
        self.parsed = []

    def span(self, path: NodePath, *, key: bool = False) -> Span:
        """The span of ``path``, or of its nearest ancestor that exists.

        A missing key is reported at the mapping that should hold it, so every
        path has a position.
        """
        if not self.spans:
            return Span(1, 1, 1, 1)
        index, depth = self.find(path)
        at = index * _STRIDE
        if key and depth == len(path) and self.spans[at + 4]:
            return Span(*self.spans[at + 4 : at + 8])
        return Span(*self.spans[at : at + 4])

    def find(self, path: NodePath) -> tuple[int, int]:
        """The index of the deepest value along ``path`` and how many steps of it exist.

        A mapping is entered by a key it holds (text), a list by an index it has
        (an ``int``, not a ``bool``); anything else stops the walk, as does a scalar.
        """
        index = 0
        for depth, step in enumerate(path):
            children = self._children_of(index)
            if not children:  # a scalar, or an empty mapping or list
                return index, depth
            if children.mapping:
                if not isinstance(step, str) or step not in children:
                    return index, depth
            elif type(step) is not int or step not in children:
                return index, depth
            index = children[step]
        return index, len(path)

    def _children_of(self, index: int) -> _Children:
        """The indices of the values the container at ``index`` holds, by key or position.

        Worked out (from the subtree sizes) the first time a path steps into the
        container, then kept: a file with a problem on every one of thousands of
        touchpoints stays linear.
        """
        children = self._children.get(index)
        if children is None:
            spans, names = self.spans, self.names
            size = spans[index * _STRIDE + 8]
            children = _Children()
            if size < 0:  # a container: minus its subtree's size, itself included
                at, end = index + 1, index - size
                children.mapping = at < end and names[at] is not None
                number = 0
                while at < end:
                    name = names[at]
                    children[number if name is None else name] = at
                    number += 1
                    inner = spans[at * _STRIDE + 8]
                    at += -inner if inner < 0 else 1
            self._children[index] = children
        return children

    def walk(self) -> Iterator[tuple[int, NodePath, Any]]:
        """Every value's index, path and data, in document order."""
        if not self.spans:
            return
        index = 0

        def visit(value: Any, path: NodePath) -> Iterator[tuple[int, NodePath, Any]]:
            nonlocal index
            yield index, path, value
            index += 1
            if isinstance(value, dict):
                for name, item in value.items():
                    yield from visit(item, (*path, name))
            elif isinstance(value, list):
                for number, item in enumerate(value):
                    yield from visit(item, (*path, number))

        yield from visit(self.data, ())

    def scalar_spans(self, *, plain: bool = True) -> list[Record]:
        """The span of every value that is not a mapping or a list (read off the array).

        With ``plain=False`` only quoted and block scalars: a plain one ends before
        any `` #``, so no comment can start inside it.
        """
        spans, stride, least = self.spans, _STRIDE, 0 if plain else 1
        if not plain:
            # Quoted and block scalars are few (most files have none): found by
            # array.index, a scan at C speed, rather than a look at every value.
            kinds, at = spans[8::stride], 0
            found: list[Record] = []
            while True:
                try:
                    at = kinds.index(1, at)
                except ValueError:
                    return found
                line, column, end, end_column = spans[at * stride : at * stride + 4]
                found.append((line, column, end, end_column))
                at += 1
        rows = zip(
            spans[0::stride],
            spans[1::stride],
            spans[2::stride],
            spans[3::stride],
            spans[8::stride],
            strict=True,
        )
        return [
            (line, column, end, end_column)
            for line, column, end, end_column, kind in rows
            if kind >= least
        ]


class _Children(dict[str | int, int]):
    """A container's children: value index by mapping key, or by list position."""

    mapping = False


_STRIDE = 9
"""Integers per value in :attr:`YamlDocument.spans`: the value's line, column, end
line and end column; the same four of its mapping key (zeros for a list item or
the root); the number of values in its subtree, itself included."""


class _Records(Mapping[NodePath, Record]):
    """A document's value (or key) spans as a read-only mapping from paths."""

    def __init__(self, document: YamlDocument, *, key: bool) -> None:
        self._document = document
        self._key = 4 if key else 0

    def _at(self, index: int) -> Record | None:
        at = index * _STRIDE + self._key
        line, column, end_line, end_column = self._document.spans[at : at + 4]
        return (line, column, end_line, end_column) if line else None

    def __getitem__(self, path: NodePath) -> Record:
        index, depth = self._document.find(path) if self._document.spans else (0, -1)
        found = self._at(index) if depth == len(path) else None
        if found is None:
            raise KeyError(path)
        return found

    def __iter__(self) -> Iterator[NodePath]:
        return (path for index, path, _ in self._document.walk() if self._at(index))

    def __len__(self) -> int:
        return sum(1 for _ in self)


class _Nodes(Mapping[NodePath, Node]):
    """The parser's nodes of a document by path, while it has them."""

    def __init__(self, document: YamlDocument) -> None:
        self._document = document

    def __getitem__(self, path: NodePath) -> Node:
        document = self._document
        if document.parsed:
            index, depth = document.find(path)
            if depth == len(path):
                return document.parsed[index]
        raise KeyError(path)

    def __iter__(self) -> Iterator[NodePath]:
        if not self._document.parsed:
            return iter(())
        return (path for _, path, _ in self._document.walk())

    def __len__(self) -> int:
        return len(self._document.parsed)

    def items(self) -> Any:  # one walk, not a look-up per path
        parsed = self._document.parsed
        return [(path, parsed[index]) for index, path, _ in self._document.walk()] if parsed else []


class Positions:
    """The one place where a libyaml mark becomes the line:column an editor shows.

    libyaml counts U+0085, U+2028 and U+2029 as line breaks (YAML 1.1 does);
    editors, ``grep -n`` and GitHub do not (see :mod:`cjm.lines`). A text without
    them, nearly every file, uses the marks as they are; otherwise the mark's
    character offset is looked up among the editor's line starts.
    """

    __slots__ = ("_lines",)

    def __init__(self, text: str | None) -> None:
        needed = text is not None and any(char in text for char in EXTRA_BREAKS)
        self._lines = LineIndex.of(text) if needed and text is not None else None

    @property
    def plain(self) -> bool:
        """Whether libyaml's lines are the editor's (no U+0085, U+2028, U+2029)."""
        return self._lines is None

    def mark(self, mark: Any) -> tuple[int, int]:
        """1-based line and column of a libyaml mark."""
        if self._lines is None:
            return mark.line + 1, mark.column + 1
        return self._lines.position(mark.index)

    def offset(self, offset: int, text: str) -> tuple[int, int]:
        """1-based line and column of the character at ``offset`` in ``text``."""
        return (self._lines or LineIndex.of(text)).position(offset)

    def record(self, node: Node) -> Record:
        """The node's span as plain integers, made while the node is at hand."""
        start, end = node.start_mark, node.end_mark
        if self._lines is None:
            return (start.line + 1, start.column + 1, end.line + 1, end.column + 1)
        return (*self._lines.position(start.index), *self._lines.position(end.index))


class YamlProblem(Exception):
    """The text is not a YAML document cjm accepts. ``rule`` names the lint rule."""

    def __init__(self, rule: str, message: Message, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message
        self.line = line
        self.column = column


# --- decoding ---------------------------------------------------------------

_UTF8_BOM = b"\xef\xbb\xbf"
_OTHER_BOMS = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}


def decode(raw: bytes) -> str:
    """Decode a journey file: UTF-8, with or without a byte-order mark."""
    if raw.startswith(_UTF8_BOM):
        raw = raw[len(_UTF8_BOM) :]
    else:
        for bom, name in _OTHER_BOMS.items():
            if raw.startswith(bom):
                raise YamlProblem(
                    "yaml-syntax",
                    msg(
                        "the file is {encoding}-encoded; save it as UTF-8 and try again",
                        encoding=name,
                    ),
                )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        byte = raw[exc.start]
        raise YamlProblem(
            "yaml-syntax",
            msg(
                "the file is not valid UTF-8 (byte {byte}); save it as UTF-8 and try again",
                byte=f"0x{byte:02x}",
            ),
            line,
            column,
        ) from None


# --- resolving scalars: YAML 1.2 core schema ------------------------------

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
NULL_TAG = _NULL
_MERGE = "tag:yaml.org,2002:merge"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"

_INT_DEC = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_INT_OCT = re.compile(r"^0o[0-7]+$")
_INT_HEX = re.compile(r"^0x[0-9a-fA-F]+$")


class _Resolver(BaseResolver):
    """YAML 1.2 core: only ``true``/``false`` are booleans; no sexagesimal, no dates.

    One deliberate step beyond the core schema: a number with a leading zero
    (``010``, a Dutch area code, a postcode fragment) stays text, because that is
    what the person typed; the core schema would make it 10.
    """

    # PyYAML's generic resolve() also runs path resolvers, which cjm never
    # registers; this one does only the implicit-scalar lookup, once per node.
    def resolve(self, kind: type[Node], value: str, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                    if regexp.match(value):
                        return str(tag)
            return _STR
        return _SEQ if kind is SequenceNode else _MAP

    # libyaml's composer calls these two around every node (two calls per node of
    # every file) for path resolvers, which cjm never registers. Built-in functions
    # that ignore what they are given and touch nothing answer without a Python frame.
    # (They answer a bool and an empty tuple where the stubs say None: nothing reads them.)
    descend_resolver = staticmethod(operator.is_)  # type: ignore[assignment]
    ascend_resolver = staticmethod(tuple)  # type: ignore[assignment]


_FIRST_DIGITS = list("-+0123456789")
for _tag, _regexp, _first in (
    (_BOOL, r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    (_NULL, r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    (_INT, _INT_DEC.pattern, _FIRST_DIGITS),
    (_INT, _INT_OCT.pattern, ["0"]),
    (_INT, _INT_HEX.pattern, ["0"]),
    (
        _FLOAT,
        r"^(?:[-+]?(?:\.[0-9]+|(?:0|[1-9][0-9]*)(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        [*_FIRST_DIGITS, "."],
    ),
    (_MERGE, r"^<<$", ["<"]),
):
    _Resolver.add_implicit_resolver(_tag, re.compile(_regexp), _first)


def _make_composer() -> type[Any]:
    """A composer class: libyaml when present (the fast path), else pure Python."""
    try:
        from yaml._yaml import CParser
    except ImportError:  # pragma: no cover - depends on how PyYAML was built
        from yaml.composer import Composer
        from yaml.parser import Parser
        from yaml.reader import Reader
        from yaml.scanner import Scanner

        class PyComposer(Reader, Scanner, Parser, Composer, _Resolver):
            def __init__(self, stream: str) -> None:
                Reader.__init__(self, stream)
                Scanner.__init__(self)
                Parser.__init__(self)
                Composer.__init__(self)
                _Resolver.__init__(self)

        return PyComposer

    class CComposer(CParser, _Resolver):
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _Resolver.__init__(self)

    return CComposer


_Composer = _make_composer()


# --- building values ------------------------------------------------------

_MAX_DEPTH = 100

MAX_NUMBER_DIGITS = 100
"""A whole number with more digits is read as the text typed (see ``_Builder.integer``)."""


def parse_yaml(text: str) -> YamlDocument:
    """Parse one YAML document into data and positions, or raise :class:`YamlProblem`."""
    positions = Positions(text)
    composer = _Composer(text)
    try:
        root = composer.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = _syntax_message(exc, positions)
        hint = syntax_hint(exc, text)  # a common mistake: say what to do, where
        if hint is not None:
            mark, message = hint.mark, hint.message
        line, column = positions.mark(mark) if mark is not None else (1, 1)
        if hint is not None:
            column += hint.shift
        raise YamlProblem("yaml-syntax", message, line, column) from None
    except yaml.YAMLError as exc:  # e.g. a ReaderError for a control character
        raise YamlProblem(
            "yaml-syntax", _reader_message(exc), *_reader_position(exc, text, positions)
        ) from None
    except RecursionError:
        raise YamlProblem(
            "yaml-syntax", msg("the document nests deeper than {depth} levels", depth=_MAX_DEPTH)
        ) from None
    finally:
        dispose = getattr(composer, "dispose", None)
        if dispose is not None:
            dispose()

    # Four-byte integers hold any line or column of a file below 1 GB (what cjm reads).
    spans: array[int] = array("i" if len(text) < 2**30 else "q")
    document = YamlDocument(data=None, positions=positions, spans=spans)
    if root is None:
        return document
    # Every node costs at least a character or two of source, so an alias-free
    # document never builds more nodes than this; only alias expansion can.
    builder = _Builder(document, budget=100_000 + len(text))
    document.data = builder.build(root, 0, _NO_KEY)
    # Built as a list and packed once: an array converts each integer appended to it
    # through PyArg_Parse, 6% of a lint's instructions (issue 17); struct does not.
    spans.frombytes(struct.pack(f"{len(builder.spans)}{spans.typecode}", *builder.spans))
    return document


def _syntax_message(exc: yaml.MarkedYAMLError, positions: Positions) -> Message:
    # libyaml's own words (English) when no hint recognises the mistake: shown as they
    # are, as an OS error's are, inside cjm's sentence.
    problem = (exc.problem or "").strip()
    if problem.startswith("but found another document"):
        return msg("the file holds more than one YAML document ('---'); a journey file holds one")
    if not problem:
        return msg("invalid YAML")
    if exc.context and exc.context_mark is not None and exc.context_mark != exc.problem_mark:
        line, column = positions.mark(exc.context_mark)
        return msg(
            "{problem} ({context} at {position})",
            problem=problem,
            context=exc.context.strip(),
            position=f"{line}:{column}",
        )
    return msg("{problem}", problem=problem)


def _reader_message(exc: yaml.YAMLError) -> Message:
    character = getattr(exc, "character", None)
    if isinstance(character, str):
        return msg(
            "the file contains the control character {character}; remove it",
            character=f"U+{ord(character):04X}",
        )
    # libyaml's own words (English): shown as they are, as an OS error's are.
    return msg("{problem}", problem=str(exc).splitlines()[0]) if str(exc) else msg("invalid YAML")


def _reader_position(exc: yaml.YAMLError, text: str, positions: Positions) -> tuple[int, int]:
    position = getattr(exc, "position", None)
    if not isinstance(position, int):
        return 1, 1
    if _Composer.__name__ == "CComposer":
        # libyaml's reader counts bytes of the UTF-8 it was given, not characters
        # (found by the property-based suite: 'é' before a NUL moved the column).
        position = len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))
    return positions.offset(position, text)


_NO_KEY: Record = (0, 0, 0, 0)
"""The key span of a value that has no key (the root, a list item)."""


class _Builder:
    def __init__(self, document: YamlDocument, budget: int) -> None:
        self.document = document
        self.record = document.positions.record
        self.plain = document.positions.plain
        self.spans: list[int] = []  # packed into document.spans once built
        self.names = document.names
        self.parsed = document.parsed
        self.budget = budget
        self.active: set[int] = set()  # ids of collections being built: a cycle check

    def problem(self, node: Node, message: Message, rule: str = "yaml-syntax") -> YamlProblem:
        return YamlProblem(rule, message, *self.document.positions.mark(node.start_mark))

    def build(self, node: Node, depth: int, key: Record, name: str | None = None) -> Any:
        """The value of ``node``, its positions appended in document order (see _STRIDE)."""
        self.budget -= 1
        if self.budget < 0:
            raise self.problem(
                node,
                msg(
                    "refused: aliases in this document expand to far more data than the file "
                    "holds (an 'alias bomb'); use fewer nested aliases"
                ),
            )
        if depth > _MAX_DEPTH:
            raise self.problem(
                node, msg("the document nests deeper than {depth} levels", depth=_MAX_DEPTH)
            )
        parsed = self.parsed
        index = len(parsed)
        parsed.append(node)
        self.names.append(name)
        spans = self.spans
        if self.plain:  # record() inlined: this line runs for every node of every file
            start, end = node.start_mark, node.end_mark
            spans.extend((start.line + 1, start.column + 1, end.line + 1, end.column + 1))
        else:
            spans.extend(self.record(node))
        spans.extend(key)
        # The last slot: 0 for a plain scalar, 1 for a quoted or block one, and for a
        # mapping or a list minus the size of its subtree, set once it is built.
        if type(node) is ScalarNode:
            spans.append(1 if node.style else 0)  # libyaml: "" when plain
            if node.tag == _STR:  # most values: text, nothing to convert
                return node.value
            return self.scalar(node)
        spans.append(0)
        if id(node) in self.active:
            raise self.problem(
                node, msg("the anchor here is used inside its own value (a recursive alias)")
            )
        self.active.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                if node.tag != _SEQ:
                    raise self.problem(node, msg("unsupported tag '{tag}' on a list", tag=node.tag))
                value: Any = [self.build(item, depth + 1, _NO_KEY) for item in node.value]
            elif isinstance(node, MappingNode):
                value = self.mapping(node, depth)
            else:  # pragma: no cover
                raise self.problem(node, msg("unsupported YAML node"))
        finally:
            self.active.discard(id(node))
        self.spans[index * _STRIDE + 8] = index - len(parsed)  # minus the subtree's size
        return value

    def mapping(self, node: MappingNode, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        build, record, plain, child = self.build, self.record, self.plain, depth + 1
        for key, key_node, value_node in self.entries(node):
            if key in result:  # a key written in the mapping overrides a merged one
                continue
            if plain:  # record() inlined, as in build()
                start, end = key_node.start_mark, key_node.end_mark
                span = (start.line + 1, start.column + 1, end.line + 1, end.column + 1)
            else:
                span = record(key_node)
            result[key] = build(value_node, child, span, key)
        return result

    def entries(self, node: MappingNode) -> list[tuple[str, Node, Node]]:
        """The mapping's own entries, then those merged in by ``<<`` (earlier wins)."""
        if node.tag != _MAP:
            raise self.problem(node, msg("unsupported tag '{tag}' on a mapping", tag=node.tag))
        own: list[tuple[str, Node, Node]] = []
        merged: list[tuple[str, Node, Node]] = []
        seen: dict[str, Node] = {}
        for key_node, value_node in node.value:
            self.budget -= 1
            if type(key_node) is not ScalarNode:
                raise self.problem(
                    key_node, msg("a mapping key must be plain text, not a list or mapping")
                )
            if key_node.tag == _MERGE:
                merged.extend(self.merged_entries(value_node))
                continue
            # Interned: positions keep the keys after the data is dropped (see names).
            key = sys.intern(str(key_node.value))
            if key in seen:
                line, column = self.document.positions.mark(seen[key].start_mark)
                raise self.problem(
                    key_node,
                    msg(
                        "key '{key}' appears twice in this mapping (first at {position}); keep one",
                        key=one_line(key),
                        position=f"{line}:{column}",
                    ),
                    rule="duplicate-key",
                )
            seen[key] = key_node
            own.append((key, key_node, value_node))
        return own + merged

    def merged_entries(self, value_node: Node) -> list[tuple[str, Node, Node]]:
        sources = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
        found: list[tuple[str, Node, Node]] = []
        for source in sources:
            if not isinstance(source, MappingNode):
                raise self.problem(
                    source, msg("'<<' merges mappings only: give it a mapping alias")
                )
            if id(source) in self.active:
                raise self.problem(
                    source, msg("the anchor here is used inside its own value (a recursive alias)")
                )
            if self.budget < 0:
                raise self.problem(
                    source, msg("refused: merge keys in this document expand too far")
                )
            self.active.add(id(source))
            try:
                found.extend(self.entries(source))
            finally:
                self.active.discard(id(source))
        return found

    def scalar(self, node: ScalarNode) -> Any:
        tag, value = node.tag, node.value
        if tag == _STR:
            return value
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return value.lower() == "true"
        if tag == _INT:
            return self.integer(node)
        if tag == _FLOAT:
            return self.floating(node)
        if tag == _MERGE:
            raise self.problem(node, msg("'<<' is a merge key and cannot be used as a value"))
        raise self.problem(
            node, msg("unsupported tag '{tag}'; cjm reads plain YAML data only", tag=tag)
        )

    def integer(self, node: ScalarNode) -> int | str:
        """A whole number; one too long to be a count of anything stays the text typed.

        Python refuses to turn more than 4,300 digits into a number (and back into
        text, which every output does); no journey field counts that high, so such
        a value is carried as text: a text field keeps it, a number field says
        at its position that it wants a small number.
        """
        text = str(node.value)
        digits = text.lstrip("+-")
        if len(digits) > MAX_NUMBER_DIGITS + (2 if digits[:2] in ("0x", "0o") else 0):
            return text
        try:
            if _INT_HEX.match(text):
                value = int(text[2:], 16)
            elif _INT_OCT.match(text):
                value = int(text[2:], 8)
            else:
                value = int(text, 10)
        except ValueError:  # pragma: no cover - the resolver matched a whole number
            raise self.problem(
                node, msg("'{value}' is not a whole number", value=node.value)
            ) from None
        return value if len(str(abs(value))) <= MAX_NUMBER_DIGITS else text

    def floating(self, node: ScalarNode) -> float | str:
        """A finite number; ``.inf``, ``.nan`` and ``1e999`` stay the text typed.

        No journey field means infinity, and JSON (``cjm diff --format json``,
        SARIF) has no way to write it: as text it is shown as it was written.
        """
        text = str(node.value)
        try:
            value = float(text.lower())
        except ValueError:
            return text
        return value if math.isfinite(value) else text
