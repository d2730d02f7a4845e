"""The built-in templates' code compiled at build time: used when it fits exactly,
never written at run time, and printing the same bytes as code compiled in memory."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import CodeType

import jinja2
import pytest

from cjm.render import environment as environment_module
from cjm.render import precompiled
from cjm.render.environment import TemplateError, Templates
from cjm.render.outputs import render_outputs
from cjm.render.precompiled import Precompiled, write_all
from cjm.text import text_for
from tests.render.helpers import EXAMPLES, example_backlog, load_example

GENERATOR = environment_module.__file__


@pytest.fixture
def compiled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of freshly compiled templates, the one the environments read."""
    folder = tmp_path / "compiled"
    monkeypatch.setattr(precompiled, "COMPILED", folder)
    write_all(folder)
    return folder


def _no_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    def compile_refused(*args: object, **kwargs: object) -> None:
        raise AssertionError("a built-in template was compiled at run time")

    monkeypatch.setattr(jinja2.Environment, "compile", compile_refused)


def _render_examples(templates: Templates) -> dict[str, bytes]:
    files = [load_example(path) for path in EXAMPLES]
    outputs = render_outputs(
        files,
        ("html", "markdown", "mermaid"),
        text_for("nl"),
        templates,
        None,
        backlog=example_backlog(files),
    )
    return dict(outputs)


def test_every_built_in_template_in_every_environment_is_compiled(compiled: Path) -> None:
    shipped = list((environment_module.builtin_templates()).glob("*.j2"))
    # html, md and mmd, each trusted and sandboxed.
    assert len(list(compiled.glob("*.jbc"))) == 6 * len(shipped)


def test_a_render_reads_the_compiled_code_and_prints_the_same_bytes(
    compiled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as inner:
        inner.setattr(precompiled, "COMPILED", tmp_path / "none")
        in_memory = _render_examples(Templates())
    _no_compiling(monkeypatch)
    assert _render_examples(Templates()) == in_memory
    assert not (tmp_path / "none").exists()


def test_a_render_writes_no_compiled_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "compiled"
    folder.mkdir()
    monkeypatch.setattr(precompiled, "COMPILED", folder)
    assert _render_examples(Templates())
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    ("other", "same"),
    [
        (("md", False, "journey.html.j2"), False),
        (("html", True, "journey.html.j2"), False),
        (("html", False, "index.html.j2"), False),
        (("html", False, "journey.html.j2"), True),
    ],
)
def test_the_key_covers_the_environment_and_the_name(
    other: tuple[str, bool, str], same: bool
) -> None:
    kind, sandboxed, name = other
    key = Precompiled("html", False, GENERATOR).key("journey.html.j2")
    assert (Precompiled(kind, sandboxed, GENERATOR).key(name) == key) is same


def test_the_key_covers_the_code_generator_jinja_and_python(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = Precompiled("html", False, GENERATOR).key("journey.html.j2")
    edited = tmp_path / "environment.py"
    edited.write_bytes(Path(GENERATOR).read_bytes() + b"\n# changed\n")
    assert Precompiled("html", False, str(edited)).key("journey.html.j2") != key
    monkeypatch.setattr(jinja2, "__version__", "0.0.0")
    assert Precompiled("html", False, GENERATOR).key("journey.html.j2") != key
    monkeypatch.undo()
    monkeypatch.setattr(importlib.util, "MAGIC_NUMBER", b"\0\0\r\n")
    assert Precompiled("html", False, GENERATOR).key("journey.html.j2") != key


def _trusted_html(templates: Templates) -> jinja2.Environment:
    (found,) = [
        e
        for e in templates.environments()
        if e.autoescape is True and not isinstance(e, jinja2.sandbox.SandboxedEnvironment)
    ]
    return found


def test_an_edited_template_compiles_in_memory(compiled: Path) -> None:
    environment = _trusted_html(Templates())
    cache = environment.bytecode_cache
    assert isinstance(cache, Precompiled) and environment.loader is not None
    source, filename, _ = environment.loader.get_source(environment, "journey.html.j2")
    assert cache.get_bucket(environment, "journey.html.j2", filename, source).code is not None
    edited = source.replace("<", "<!-- edited -->\n<", 1)
    assert cache.get_bucket(environment, "journey.html.j2", filename, edited).code is None


@pytest.mark.parametrize("damage", [b"", b"j2", b"\0" * 64, b"not a compiled template"])
def test_a_damaged_file_compiles_in_memory(compiled: Path, damage: bytes) -> None:
    environment = _trusted_html(Templates())
    cache = environment.bytecode_cache
    assert isinstance(cache, Precompiled) and environment.loader is not None
    (compiled / (cache.key("journey.md.j2") + precompiled.SUFFIX)).write_bytes(damage)
    source, filename, _ = environment.loader.get_source(environment, "journey.md.j2")
    assert cache.get_bucket(environment, "journey.md.j2", filename, source).code is None


def _filenames(code: CodeType) -> set[str]:
    inner = (c for c in code.co_consts if isinstance(c, CodeType))
    return {code.co_filename}.union(*(_filenames(c) for c in inner))


def test_compiled_code_names_the_file_this_run_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Compiled elsewhere (the build's folder), read from the user's folder: an error
    # names the file and line this run read, as code compiled in memory does.
    folder = tmp_path / "compiled"
    folder.mkdir()
    monkeypatch.setattr(precompiled, "COMPILED", folder)
    user = tmp_path / "templates"
    user.mkdir()
    source = "{% macro boom() %}\n{{ missing.name }}\n{% endmacro %}\n{{ boom() }}\n"
    (user / "boom.md.j2").write_text(source, encoding="utf-8")
    templates = Templates([user])
    environment = templates._environments["md"]
    cache = environment.bytecode_cache
    assert isinstance(cache, Precompiled)
    bucket = jinja2.bccache.Bucket(
        environment, cache.key("boom.md.j2"), cache.get_source_checksum(source)
    )
    bucket.code = environment.compile(source, "boom.md.j2", "/build/templates/boom.md.j2")
    (folder / (bucket.key + precompiled.SUFFIX)).write_bytes(bucket.bytecode_to_string())
    loaded = cache.get_bucket(environment, "boom.md.j2", str(user / "boom.md.j2"), source)
    assert loaded.code is not None
    assert _filenames(loaded.code) == {str(user / "boom.md.j2")}
    _no_compiling(monkeypatch)
    with pytest.raises(TemplateError) as error:
        templates.render("boom.md.j2", {})
    assert error.value.location is not None
    assert (error.value.location.path, error.value.location.line) == (
        str(user / "boom.md.j2"),
        2,
    )
