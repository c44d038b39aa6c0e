"""One way to lay a story out on A4 with 「x / y」 page numbers, written atomically.

The canvas holds every page back until the end, so each footer knows how many pages its
section has: a batch of ヒアリングシート restarts at 1 for every sheet (``section_start``), a
名簿 counts the whole file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate, Spacer

from kyojushien_desktop.reports.files import SILENT, Progress, write_atomically
from kyojushien_desktop.reports.pdf.fonts import register_fonts

MM = 72 / 25.4
FRAME_PADDING = 6  # reportlab's frame keeps 6 pt inside each margin
CREATOR = "居住支援デスク"


@dataclass(frozen=True)
class Page:
    """What a page's decoration is told: its section (0-based), its number there and the count."""

    section: int
    number: int
    count: int


@dataclass(frozen=True)
class Layout:
    """A4 portrait or landscape with side, top and bottom margins in millimetres."""

    landscape: bool = False
    side_mm: float = 16
    top_mm: float = 14
    bottom_mm: float = 17

    @property
    def size(self) -> tuple[float, float]:
        return landscape(A4) if self.landscape else A4

    @property
    def width(self) -> float:
        """The width a flowable may take inside the frame."""
        return self.size[0] - 2 * self.side_mm * MM - 2 * FRAME_PADDING

    @property
    def height(self) -> float:
        return self.size[1] - (self.top_mm + self.bottom_mm) * MM - 2 * FRAME_PADDING


def section_start() -> Any:
    """A zero-size flowable marking where a section (one sheet of a batch) begins."""
    marker = Spacer(0, 0)
    marker.section_start = True  # type: ignore[attr-defined]
    return marker


def build_pdf(
    path: Path,
    story: list[Any],
    *,
    layout: Layout,
    decorate: Callable[[Any, Page], None],
    progress: Progress = SILENT,
    create_folder: bool = False,
    **info: str,
) -> Path:
    """Lays ``story`` out and calls ``decorate(canvas, page)`` on every page once the page count
    is known. ``info`` (title, author, subject) goes into the document properties. A page is a
    step of ``progress``, so a cancel stops within a page and leaves no file."""
    fonts = register_fonts()
    starts: list[int] = []

    class Document(SimpleDocTemplate):
        def afterFlowable(self, flowable: Any) -> None:  # noqa: N802 (reportlab's name)
            if getattr(flowable, "section_start", False):
                starts.append(self.page)

        def afterPage(self) -> None:  # noqa: N802
            progress.step()

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            firsts = starts or [1]
            for state in self._held:
                self.__dict__.update(state)
                number = self._pageNumber
                section = max(i for i, first in enumerate(firsts) if first <= number)
                last = firsts[section + 1] - 1 if section + 1 < len(firsts) else total
                self.saveState()
                decorate(self, Page(section, number - firsts[section] + 1, last - firsts[section] + 1))
                self.restoreState()
                super().showPage()
            super().save()

    def write(temporary: Path) -> None:
        document = Document(
            str(temporary),
            pagesize=layout.size,
            leftMargin=layout.side_mm * MM,
            rightMargin=layout.side_mm * MM,
            topMargin=layout.top_mm * MM,
            bottomMargin=layout.bottom_mm * MM,
            creator=CREATOR,
            initialFontName=fonts.regular,  # no unembedded Helvetica left in the file
            **info,
        )
        document.build(story, canvasmaker=NumberedCanvas)

    progress.begin("PDFのページを組んでいます")
    return write_atomically(path, write, create_folder=create_folder)


def draw_numbered_footer(canvas: Any, layout: Layout, label: str, page: Page) -> None:
    """「{label}　x / y」 centred at the foot of the page (label: 「{自治体名}　{表題}」, either part
    may be empty), the footer every paper of the app has."""
    canvas.setFont(register_fonts().regular, 8.5)
    canvas.drawCentredString(layout.size[0] / 2, 9 * MM, f"{label}　{page.number} / {page.count}".lstrip("　"))


def numbered_footer(label: str, layout: Layout) -> Callable[[Any, Page], None]:
    """The ``decorate`` of a paper whose only page furniture is that footer."""

    def decorate(canvas: Any, page: Page) -> None:
        draw_numbered_footer(canvas, layout, label, page)

    return decorate
