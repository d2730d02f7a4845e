"""The template environment: escaping filters, the sandbox, and errors that name file and line."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import pytest
from markupsafe import Markup

from cjm.render.context import build_journey
from cjm.render.environment import TemplateError, Templates, md_escape, mermaid_text
from cjm.text import text_for
from tests.render.helpers import load_clean

SIMPLE = {"name": "Jonge ouders", "items": ["a", "b"]}


def test_filters_escape_as_the_escaping_module_does() -> None:
    # The filters are cjm.output.escape's functions (tested in tests/output), marked safe.
    assert md_escape("a | <b>") == r"a \| &lt;b&gt;"
    assert mermaid_text("a: b") == "a꞉ b"


def _templates(tmp_path: Path, files: dict[str, str]) -> Templates:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return Templates([tmp_path])


def test_output_ends_with_one_newline_and_no_carriage_returns(tmp_path: Path) -> None:
    templates = _templates(tmp_path, {"t.md.j2": "{{ name }}\r\n\r\n\n"})
    assert templates.render("t.md.j2", SIMPLE) == "Jonge ouders\n"


def test_an_undefined_name_is_an_error_naming_file_and_line(tmp_path: Path) -> None:
    templates = _templates(
        tmp_path, {"t.html.j2": "<p>\n{% for i in items %}\n{{ nmae }}\n{% endfor %}"}
    )
    with pytest.raises(TemplateError) as caught:
        templates.render("t.html.j2", SIMPLE)
    assert str(caught.value).startswith(f"{tmp_path / 't.html.j2'}:3:1: template error: ")
    assert "'nmae' is undefined" in str(caught.value)
    assert caught.value.exit_code == 2


def test_a_missing_x_key_suggests_extensions_get(tmp_path: Path) -> None:
    templates = _templates(tmp_path, {"t.md.j2": '{{ tp.extensions["x-jira"] }}'})
    with pytest.raises(TemplateError) as caught:
        templates.render("t.md.j2", {"tp": {"extensions": {}}})
    assert str(caught.value).endswith(
        "not every block has 'x-jira': read it with .extensions.get(\"x-jira\") "
        "(see docs/templates.md)"
    )
    safe = _templates(tmp_path, {"u.md.j2": '{{ tp.extensions.get("x-jira", "geen") }}'})
    assert safe.render("u.md.j2", {"tp": {"extensions": {}}}) == "geen\n"


def test_a_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    templates = _templates(tmp_path, {"t.md.j2": "ok\n{{ name }\nmore\n"})
    with pytest.raises(TemplateError) as caught:
        templates.render("t.md.j2", SIMPLE)
    assert str(caught.value).startswith(f"{tmp_path / 't.md.j2'}:2:1: template syntax error: ")


def test_an_error_in_an_included_partial_names_the_partial(tmp_path: Path) -> None:
    templates = _templates(
        tmp_path, {"t.md.j2": "a\n{% include '_p.md.j2' %}\n", "_p.md.j2": "\n\n{{ 1 // 0 }}\n"}
    )
    with pytest.raises(TemplateError) as caught:
        templates.render("t.md.j2", SIMPLE)
    assert str(caught.value).startswith(f"{tmp_path / '_p.md.j2'}:3:1: template error: ")
    assert "ZeroDivisionError" in str(caught.value)


@pytest.mark.parametrize("expression", ["name.__class__.__mro__", "items.append('c')"])
def test_the_sandbox_refuses_internals_and_changes(tmp_path: Path, expression: str) -> None:
    templates = _templates(tmp_path, {"t.html.j2": f"{{{{ {expression} }}}}"})
    with pytest.raises(TemplateError, match="not allowed in a template"):
        templates.render("t.html.j2", SIMPLE)
    assert SIMPLE["items"] == ["a", "b"]


# The built-in templates run unsandboxed (issue 17) only when nothing a user
# brings can be loaded by the render: the cases say which renders stay sandboxed.
@pytest.mark.parametrize(
    ("user_files", "name", "sandboxed"),
    [
        ({}, "journey.html.j2", False),  # cjm's own page, nothing overridden
        ({"mine.html.j2": "x"}, "journey.html.j2", False),  # an unrelated user template
        ({"mine.html.j2": "x"}, "mine.html.j2", True),  # a user template
        ({"_curve.html.j2": "x"}, "journey.html.j2", True),  # a built-in page, user partial
        ({"_curve.html.j2": "x"}, "index.md.j2", True),  # any override: all sandboxed
        ({"journey.html.j2": "x"}, "journey.html.j2", True),  # a user page of a built-in name
    ],
)
def test_only_cjms_own_templates_run_unsandboxed(
    tmp_path: Path, user_files: dict[str, str], name: str, sandboxed: bool
) -> None:
    assert _templates(tmp_path, user_files).sandboxed(name) is sandboxed


def test_a_user_partial_included_by_a_built_in_page_stays_sandboxed(tmp_path: Path) -> None:
    # journey.mmd.j2 (built-in) includes _journey.mmd.j2 first: a user's version
    # of the partial is used, and it runs in the sandbox.
    templates = _templates(tmp_path, {"_journey.mmd.j2": "{{ ''.__class__.__mro__ }}"})
    with pytest.raises(TemplateError, match="not allowed in a template") as caught:
        templates.render("journey.mmd.j2", {})
    assert str(caught.value).startswith(f"{tmp_path / '_journey.mmd.j2'}:1:1: ")


def test_a_user_template_including_a_built_in_one_stays_sandboxed(tmp_path: Path) -> None:
    templates = _templates(
        tmp_path, {"t.md.j2": "{{ name.__class__.__mro__ }}{% include '_summary.md.j2' %}"}
    )
    assert templates.sandboxed("t.md.j2")
    with pytest.raises(TemplateError, match="not allowed in a template"):
        templates.render("t.md.j2", {"summary": None, "name": "x"})


def test_a_missing_template_lists_where_it_was_searched(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match=r"template 'nope\.md\.j2' not found \(searched "):
        Templates([tmp_path]).render("nope.md.j2", SIMPLE)


def test_each_kind_escapes_for_its_language(tmp_path: Path) -> None:
    source = "{{ name }}|{{ name|mermaid }}"
    templates = _templates(tmp_path, {"t.html.j2": source, "t.md.j2": source, "t.mmd.j2": source})
    value = {"name": "<a>: *b*"}
    assert templates.render("t.html.j2", value) == "&lt;a&gt;: *b*|＜a＞꞉ *b*\n"
    assert templates.render("t.md.j2", value) == r"&lt;a&gt;: \*b\*|＜a＞꞉ *b*" + "\n"
    assert templates.render("t.mmd.j2", value) == "＜a＞꞉ *b*|＜a＞꞉ *b*\n"


class _Html:
    def __html__(self) -> str:
        return "<b>safe</b>"

    def __str__(self) -> str:
        return "<b>text</b>"


# What a value prints as in each language, whatever its type: the remembered
# escapes (issue 17) print what Jinja's own escape and str() print, on a first
# use and on a second (then from memory), sandboxed or not.
PRINTED = [
    ("<a & 'b'>", "&lt;a &amp; &#39;b&#39;&gt;", r"&lt;a &amp; 'b'&gt;"),
    (7, "7", "7"),
    (True, "True", "True"),
    (1.50, "1.5", "1.5"),
    (3.0, "3.0", "3.0"),  # beside 3, which prints "3"
    (3, "3", "3"),
    (-0.0, "-0.0", r"\-0.0"),  # equal to 0.0, printed apart
    (0.0, "0.0", "0.0"),
    (None, "None", "None"),
    (Markup("<i>x</i>"), "<i>x</i>", "<i>x</i>"),
    (_Html(), "<b>safe</b>", r"&lt;b&gt;text&lt;/b&gt;"),
]


@pytest.mark.parametrize(("value", "html", "md"), PRINTED)
@pytest.mark.parametrize("user", [False, True])
def test_every_value_prints_as_jinja_prints_it(
    tmp_path: Path, value: object, html: str, md: str, user: bool
) -> None:
    files = {"t.html.j2": "{{ v }}|{{ v }}", "t.md.j2": "{{ v }}|{{ v }}"}
    templates = _templates(tmp_path, files if user else {})
    if not user:  # a built-in environment, from a template of the test's own
        for name, source in files.items():
            (tmp_path / name).write_text(source, encoding="utf-8")
        templates = Templates()
        templates._trusted_names = frozenset(files)
        templates._trusted["html"].loader = templates._trusted["md"].loader = (
            jinja2.FileSystemLoader(str(tmp_path))
        )
    assert templates.sandboxed("t.html.j2") is user
    assert templates.render("t.html.j2", {"v": value}) == f"{html}|{html}\n"
    assert templates.render("t.md.j2", {"v": value}) == f"{md}|{md}\n"


def test_autoescape_switched_in_a_template_is_jinjas(tmp_path: Path) -> None:
    source = (
        "{% autoescape false %}{{ v }}{% endautoescape %}|"
        "{% autoescape flag %}{{ v }}{% endautoescape %}|{{ v }}"
    )
    templates = _templates(tmp_path, {"t.html.j2": source})
    printed = templates.render("t.html.j2", {"v": "<a>", "flag": False})
    assert printed == "<a>|<a>|&lt;a&gt;\n"


# The URL filters read any value as its text, as the escapes do; remembered per text
# (issue 17), a value prints the same on its first use and its second.
@pytest.mark.parametrize(
    ("value", "html", "md"),
    [
        (
            "https://example.nl/a b?x=<1>",
            "https://example.nl/a b?x=&lt;1&gt;",
            "https://example.nl/a%20b?x=%3C1%3E",
        ),
        ("java\tscript:alert(1)", "", ""),
        ("mailto:a@example.nl", "mailto:a@example.nl", "mailto:a@example.nl"),
        (5, "5", "5"),
        (None, "None", "None"),
        (Markup("<b>"), "&lt;b&gt;", "%3Cb%3E"),
    ],
)
def test_url_filters_print_any_value_as_its_text(
    tmp_path: Path, value: object, html: str, md: str
) -> None:
    templates = _templates(
        tmp_path,
        {
            "t.html.j2": "{{ v|link_url }}|{{ v|link_url }}",
            "t.md.j2": "{{ v|md_url }}|{{ v|md_url }}",
        },
    )
    assert templates.render("t.html.j2", {"v": value}) == f"{html}|{html}\n"
    assert templates.render("t.md.j2", {"v": value}) == f"{md}|{md}\n"


ONE_TOUCHPOINT = """
persona: {id: p, name: P}
journey: {cycle: relational}
phases:
  - id: orientation
    touchpoints:
      - {id: a, name: A, channel: web, emotion: 5, x-jira: J-1}
"""


# A view read by a field's name (tp[key]) reads the field, whether the view or its
# block has it (issue 17: without an exception first); anything else is as before.
@pytest.mark.parametrize(
    ("expression", "printed"),
    [
        ('tp["name"]', "A"),  # the block's field
        ('tp["number"]', "1"),  # the view's own
        ('tp["extensions"]["x-jira"]', "J-1"),
        ('tp["nope"] is defined', "False"),
        ("tp[0] is defined", "False"),
        ("tp is iterable", "False"),
        ('phase["touchpoints"][0]["id"]', "a"),
        ('tp|attr("name")', "A"),
    ],
)
def test_a_view_reads_a_field_by_its_name(tmp_path: Path, expression: str, printed: str) -> None:
    page = build_journey(load_clean(ONE_TOUCHPOINT), text_for("en"), "index.md")
    variables = {"tp": page.touchpoints[0], "phase": page.phases[0]}
    templates = _templates(tmp_path, {"t.md.j2": f"{{{{ {expression} }}}}"})
    assert templates.render("t.md.j2", variables) == f"{printed}\n"


def test_a_view_read_by_name_keeps_the_sandbox(tmp_path: Path) -> None:
    page = build_journey(load_clean(ONE_TOUCHPOINT), text_for("en"), "index.md")
    templates = _templates(tmp_path, {"t.md.j2": '{{ tp["__class__"].__mro__ }}'})
    with pytest.raises(TemplateError, match="not allowed in a template"):
        templates.render("t.md.j2", {"tp": page.touchpoints[0]})


class _Fields:
    """A value whose attributes are found, missing, falsy or failing with AttributeError."""

    zero = 0
    empty = ""
    none = None

    @property
    def broken(self) -> str:
        raise AttributeError("broken")

    def __getitem__(self, key: str) -> str:
        if key == "only_item":
            return "item"
        if key == "broken":
            return "item for broken"
        raise KeyError(key)


# The built-in templates read `value.name` without a call into Jinja when the
# attribute is there (issue 17); the value read, or the error, is Jinja's own.
@pytest.mark.parametrize(
    "expression",
    [
        "v.zero",
        "v.empty",
        "v.none",
        "v.only_item",  # no attribute: the item
        "v.broken",  # the attribute fails: the item
        "d.key",
        "d.key.upper()",
        "d.nested.deeper.name",
        "(d.nested if true else v).deeper.name",
        "d.absent is defined",
        "d.absent.name is defined",
        "v.absent",  # neither: undefined, an error
        "d.absent.name",  # an undefined's field: an error
        "[v, d][1].key",
        "(v.zero, d.key)",
    ],
)
def test_a_field_reads_as_jinja_reads_it(tmp_path: Path, expression: str) -> None:
    variables = {
        "v": _Fields(),
        "d": {"key": "value", "nested": {"deeper": {"name": "deep"}}},
    }
    (tmp_path / "t.md.j2").write_text(f"{{{{ {expression} }}}}", encoding="utf-8")
    templates = Templates()
    templates._trusted_names = frozenset({"t.md.j2"})
    templates._trusted["md"].loader = jinja2.FileSystemLoader(str(tmp_path))
    assert not templates.sandboxed("t.md.j2")
    jinja = jinja2.Environment(undefined=jinja2.StrictUndefined)
    try:
        expected = jinja.from_string(f"{{{{ {expression} }}}}").render(variables) + "\n"
    except jinja2.UndefinedError as error:
        with pytest.raises(TemplateError, match=re.escape(str(error.message))):
            templates.render("t.md.j2", variables)
    else:
        assert templates.render("t.md.j2", variables) == expected
