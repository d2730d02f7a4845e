"""Posters in the real headless Chromium: ``cjm render --format pdf|png|pptx`` end to end.

Runs cjm in a real process on the example journeys, then reads what it wrote:
the PDFs with pypdf (pages, paper size, text), the PNGs' width, the deck with
python-pptx (slides, pictures, speaker notes). The posters are copied to
build/browser/posters/ as artifacts to look at; they are not in git.
"""

from __future__ import annotations

import io
import shutil
import unicodedata
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation
from pypdf import PdfReader

from cjm.render.poster import PAPERS
from tests.conftest import REPO, run_cjm
from tests.render.helpers import EXAMPLES, example_key, load_example
from tests.render.test_browser import ARTIFACTS, _executable

pytestmark = pytest.mark.slow

MM_TO_POINT = 72 / 25.4


def _squeezed(text: str) -> str:
    """Text as compared: ligatures undone (ﬁ → fi), no whitespace or soft hyphens."""
    return "".join(unicodedata.normalize("NFKC", text).replace("\u00ad", "").split())


@pytest.fixture(scope="module")
def posters(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("posters")
    result = run_cjm(
        "render", REPO / "journeys", "-f", "pdf", "-f", "png", "-f", "pptx",
        "--width", "1200", "--browser", _executable(), "--out", out, cwd=REPO,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    shutil.copytree(out, ARTIFACTS / "posters", dirs_exist_ok=True)
    return out


def test_one_a3_landscape_page_per_journey_with_every_touchpoint(posters: Path) -> None:
    stems = [example_key(path) for path in EXAMPLES]
    assert sorted(path.name for path in posters.glob("*.pdf")) == sorted(
        [f"{stem}.pdf" for stem in stems] + ["index.pdf"]
    )
    width, height = PAPERS["A3"]
    for stem in [*stems, "index"]:
        reader = PdfReader(posters / f"{stem}.pdf")
        assert len(reader.pages) == 1, f"{stem}.pdf has {len(reader.pages)} pages"
        box = reader.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (
            round(width * MM_TO_POINT),
            round(height * MM_TO_POINT),
        )
    for path in EXAMPLES:
        journey = load_example(path).journey
        assert journey is not None
        stem = example_key(path)
        text = _squeezed(PdfReader(posters / f"{stem}.pdf").pages[0].extract_text())
        missing = [tp.name for _, _, tp in journey.touchpoints() if _squeezed(tp.name) not in text]
        assert missing == [], f"{stem}.pdf lacks {missing}"
    # The posters print what the HTML shows: the plan's legend names the current journey.
    future = _squeezed(PdfReader(posters / "jonge-ouders.future.pdf").pages[0].extract_text())
    assert _squeezed("Nu: Van verhuisplan tot vaste klant") in future


def test_png_has_the_requested_width(posters: Path) -> None:
    for path in sorted(posters.glob("*.png")):
        with Image.open(path) as image:
            assert image.width == 1200, path.name
            assert image.height > image.width / 2, "the whole map, not a window of it"


def test_the_deck_has_a_title_the_index_and_a_slide_per_journey(posters: Path) -> None:
    deck = Presentation(str(posters / "journeys.pptx"))
    slides = list(deck.slides)
    assert len(slides) == 2 + len(EXAMPLES)
    assert slides[0].shapes.title.text == "Overzicht klantreizen"
    for slide in slides[1:]:
        pictures = [shape for shape in slide.shapes if shape.shape_type == 13]
        assert len(pictures) == 1
        image = pictures[0].image
        with Image.open(io.BytesIO(image.blob)) as picture:
            # --width, or the layout's width in CSS pixels when that is larger.
            assert picture.width >= 1200
    index_notes = slides[1].notes_slide.notes_text_frame.text
    by_output = sorted(EXAMPLES, key=example_key)  # slides come in journey-key order
    for path, slide in zip(by_output, slides[2:], strict=True):
        journey = load_example(path).journey
        assert journey is not None
        notes = slide.notes_slide.notes_text_frame.text
        title = journey.journey.title or journey.persona.name
        assert notes.splitlines()[0] == title
        assert "- Dieptepunt: " in notes and "- KPI's achter op doel" in notes
        assert journey.persona.name in index_notes


def test_paper_and_orientation(tmp_path: Path) -> None:
    result = run_cjm(
        "render", REPO / "journeys" / "jonge-ouders.yaml", "-f", "pdf", "--paper", "a4",
        "--orientation", "portrait", "--browser", _executable(), "--out", tmp_path, cwd=REPO,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    reader = PdfReader(tmp_path / "jonge-ouders.pdf")
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
