"""集計結果: n, 回収率 against those who attended, and each question's answers — a scale or choice as
one horizontal 100 % bar in greys (as the black-and-white 開催レポート prints it) with its counts
and shares, a free question as the answers listed."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from kyojushien_desktop.domain.meeting_results import QuestionResult, SurveyResults
from kyojushien_desktop.domain.meetings import FREE
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.widgets import char_width
from kyojushien_desktop.ui.meetings import survey_wording as wording

# Dark to light, so the best answer (first) is the darkest; text on a segment is white on the
# dark ones. Past six choices the greys repeat with a hatch, still told apart in print.
GREYS = ("#262626", "#555555", "#808080", "#a8a8a8", "#cfcfcf", "#ececec")
DARK = 3  # the first three carry white text


def segment_brush(position: int) -> QBrush:
    brush = QBrush(QColor(GREYS[position % len(GREYS)]))
    if position >= len(GREYS):
        brush.setStyle(Qt.BrushStyle.BDiagPattern)
    return brush


def percent(share: float) -> str:
    return f"{share * 100:.0f}%"


class ShareBar(QWidget):
    """A 100 % stacked bar of one question's answers; a segment wide enough shows its share."""

    def __init__(self, result: QuestionResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result = result
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(char_width(self, 12))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(char_width(self, 30), self.fontMetrics().height() + 12)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(char_width(self, 12), self.fontMetrics().height() + 12)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        area = QRectF(self.rect()).adjusted(0.5, 0.5, -1.5, -1.5)
        painter.setPen(QPen(QColor("#1b2733"), 1))
        if not self.result.answered:
            painter.setBrush(QBrush(QColor("#ffffff")))
            painter.drawRect(area)
            painter.setPen(QColor("#555c66"))
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, wording.NO_ANSWERS_YET)
            painter.end()
            return
        x = area.left()
        metrics = self.fontMetrics()
        for position, (choice, count) in enumerate(self.result.counts):
            if not count:
                continue
            width = area.width() * count / self.result.answered
            segment = QRectF(x, area.top(), width, area.height())
            painter.setPen(QPen(QColor("#1b2733"), 1))
            painter.setBrush(segment_brush(position))
            painter.drawRect(segment)
            text = percent(self.result.share(choice))
            if metrics.horizontalAdvance(text) + 6 < width:
                dark = position % len(GREYS) < DARK and position < len(GREYS)
                painter.setPen(QColor("#ffffff" if dark else "#1b2733"))
                painter.drawText(segment, Qt.AlignmentFlag.AlignCenter, text)
            x += width
        painter.end()


class Swatch(QWidget):
    """The grey of a segment, beside its choice in the legend."""

    def __init__(self, position: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.position = position
        side = self.fontMetrics().height() - 4
        self.setFixedSize(side, side)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setPen(QPen(QColor("#1b2733"), 1))
        painter.setBrush(segment_brush(self.position))
        painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -1.5, -1.5))
        painter.end()


def _label(text: str, name: str = "", wrap: bool = False) -> QLabel:
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    return label


class QuestionBlock(QWidget):
    """One question's result: its title and answer count, then the bar and legend, or the free
    answers one per line."""

    def __init__(self, number: int, result: QuestionResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        question = result.question
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        title = _label(f"{number}. {question.short}", "sectionTitle", wrap=True)
        title.setToolTip(question.text)
        layout.addWidget(title)
        layout.addWidget(_label(wording.answered_of(result.answered), "hint"))
        if question.kind == FREE:
            self.answers = _label("\n".join(f"・{text}" for text in result.texts) or wording.NO_ANSWERS_YET, wrap=True)
            self.answers.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(self.answers)
            return
        self.bar = ShareBar(result)
        layout.addWidget(self.bar)
        legend = QGridLayout()
        legend.setHorizontalSpacing(8)
        legend.setVerticalSpacing(2)
        for position, (choice, count) in enumerate(result.counts):
            row, column = divmod(position, 2)
            legend.addWidget(Swatch(position), row, column * 4)
            legend.addWidget(_label(choice), row, column * 4 + 1)
            figure = _label(wording.count_and_share(count, percent(result.share(choice))))
            figure.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            legend.addWidget(figure, row, column * 4 + 2)
        legend.setColumnMinimumWidth(3, char_width(self, 2))
        legend.setColumnStretch(7, 1)
        layout.addLayout(legend)


class SurveyResultsView(QWidget):
    """The results of one meeting's アンケート, rebuilt from ``SurveyResults`` on each change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.rate_note = _label(wording.RATE_NOTE, "hint", wrap=True)
        self.body = QWidget()
        self.body.setObjectName("recordBody")
        self.blocks = QVBoxLayout(self.body)
        self.blocks.setContentsMargins(12, 10, 12, 12)
        self.blocks.setSpacing(14)
        scroll = QScrollArea()
        scroll.setObjectName("answerScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.headline)
        layout.addWidget(self.rate_note)
        layout.addWidget(scroll, 1)
        self.results: SurveyResults | None = None

    def show_results(self, results: SurveyResults | None) -> None:
        self.results = results
        self.headline.setFont(scaled(self.font(), 1.15, bold=True))
        if results is None:
            self.headline.setText("")
        else:
            self.headline.setText(wording.results_headline(results.respondents, results.attending, results.rate_text))
        while self.blocks.count():
            item = self.blocks.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        if results is not None:
            for number, result in enumerate(results.questions, 1):
                self.blocks.addWidget(QuestionBlock(number, result))
        self.blocks.addStretch(1)
