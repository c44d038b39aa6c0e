"""ヘルプ > 手引きを読む: the guide's own words for someone who has never read it — the four phases,
the six ポイント, the two towns' processes, the members and activities, how to hold a hearing.

Every sentence comes from resources/guide/ through content/, with the page the JSON gives; the
dialog only arranges them, so a correction to the data shows here without touching this module.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.content import hearing, members, phases
from kyojushien_desktop.ui.common import wording
from kyojushien_desktop.ui.common.forms import size_for_text


def _e(text: str) -> str:
    return html.escape(text)


def _paragraphs(texts: tuple[str, ...] | list[str]) -> str:
    return "".join(f"<p>{_e(t)}</p>" for t in texts)


def _page(page: int) -> str:
    return f"<span style='color:#555'>{_e(wording.GUIDE_PAGE.format(page=page))}</span>"


def _head(title: str, source: str) -> str:
    """The section's title and where in the guide it comes from, so the reader can find the page."""
    line = wording.SOURCE_LINE.format(source=source)
    return f"<h2>{_e(title)}</h2><p style='color:#555'>{_e(line)}</p>"


def phases_html() -> str:
    """4つのフェーズ: the guide's explanation, then each phase's number, scope, title and aim."""
    parts = [_head(wording.GUIDE_PHASES, phases.phases_source()), _paragraphs(phases.phases_intro())]
    for phase in phases.phases():
        parts.append(f"<h3>{_e(wording.PHASE)}{phase.number}　{_e(phase.scope)}</h3>")
        parts.append(f"<p><b>{_e(phase.title)}</b>　{_page(phase.page)}</p>")
        parts.append(_paragraphs(phase.aim))
    parts.append(f"<p><b>{_e(phases.milestone_check())}</b></p>")
    return "".join(parts)


def points_html() -> str:
    """取組みのポイント: the lead and the six points, title and body."""
    parts = [_head(wording.GUIDE_POINTS, phases.phases_source()), f"<p>{_e(phases.guide_points_lead())}</p>"]
    for number, point in enumerate(phases.guide_points(), start=1):
        parts.append(f"<h3>{number}. {_e(point.title)}</h3>")
        parts.append(_paragraphs(point.body))
    return "".join(parts)


def cases_html() -> str:
    """先行自治体の進め方: each town's lead department, its summary and its timeline."""
    parts = [_head(wording.GUIDE_CASES, phases.phases_source())]
    for case in phases.process_cases():
        parts.append(f"<h3>{_e(case.city)}（{_e(case.lead)}）</h3><p>{_page(case.page)}</p>")
        parts.append(_paragraphs(case.summary))
        parts.append("<table cellspacing='2' cellpadding='3'>")
        parts.extend(
            f"<tr><td style='white-space:nowrap'><b>{_e(e.date)}</b></td><td>{_e(e.text)}</td></tr>"
            for e in case.events
        )
        parts.append("</table>")
    return "".join(parts)


def members_html() -> str:
    """構成員と役割: the council's three activities, then who may be a member and what each brings."""
    parts = [_head(wording.GUIDE_MEMBERS, members.members_source()), f"<h3>{_e(wording.GUIDE_ACTIVITIES)}</h3>"]
    for activity in members.member_activities():
        parts.append(
            f"<p><b>{_e(activity.name)}</b>　{_e(activity.subtitle)}　{_page(activity.page)}"
            f"<br>{_e(activity.motto)}</p>"
        )
    parts.append(f"<h3>{_e(wording.GUIDE_MEMBER_ROLES)}</h3>")
    parts.append(_paragraphs(members.member_intro()))
    for category in members.member_categories():
        parts.append(f"<p><b>{_e(category.guide_name)}</b></p><ul>")
        parts.extend(f"<li>{_e(role)}</li>" for role in category.roles)
        parts.append("</ul>")
    parts.append(f"<p><b>{_e(members.member_admin_note())}</b></p>")
    return "".join(parts)


def hearing_html() -> str:
    """ヒアリングの進め方: the two sides of a hearing with whom to visit, then the ヒアリングのコツ."""
    parts = [_head(wording.GUIDE_HEARING, hearing.hearing_source())]
    targets = hearing.hearing_targets()
    for section in hearing.hearing_sections():
        parts.append(f"<h3>{_e(section.title)}</h3><p>{_e(section.lead)}</p>")
        parts.append(f"<p><b>{_e(wording.GUIDE_HEARING_TARGETS)}</b></p><ul>")
        parts.extend(
            f"<li>{_e(t.title)}：{_e('、'.join(t.examples))}</li>" for t in targets if t.section == section.key
        )
        parts.append("</ul>")
    parts.append(f"<h3>{_e(wording.GUIDE_HEARING_TIPS)}</h3>")
    for tip in hearing.hearing_tips():
        parts.append(f"<p><b>{tip.number}. {_e(tip.title)}</b><br>{_e(tip.body)}</p>")
    return "".join(parts)


SECTIONS: tuple[tuple[str, Callable[[], str]], ...] = (
    (wording.GUIDE_PHASES, phases_html),
    (wording.GUIDE_POINTS, points_html),
    (wording.GUIDE_CASES, cases_html),
    (wording.GUIDE_MEMBERS, members_html),
    (wording.GUIDE_HEARING, hearing_html),
)


class GuideReaderDialog(QDialog):
    """The sections on the left, the chosen one's text on the right; only the text scrolls."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(wording.READ_GUIDE)
        lead = QLabel(wording.READ_GUIDE_LEAD)
        lead.setWordWrap(True)
        self.sections = QListWidget()
        self.sections.addItems([title for title, _ in SECTIONS])
        self.sections.setSpacing(3)
        widest = max(self.sections.fontMetrics().horizontalAdvance(title) for title, _ in SECTIONS)
        self.sections.setFixedWidth(widest + 40)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.sections.currentRowChanged.connect(self.show_section)
        close = QPushButton(wording.CLOSE)
        close.setDefault(True)
        close.clicked.connect(self.accept)
        body = QHBoxLayout()
        body.addWidget(self.sections)
        body.addWidget(self.browser, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(lead)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)
        self.sections.setCurrentRow(0)
        self.sections.setFocus()
        size_for_text(self, 60, 44)

    def show_section(self, row: int) -> None:
        """Shows one section from its top, whichever section was read before."""
        if 0 <= row < len(SECTIONS):
            # pre-wrap keeps the guide's own spaces and the 全角 gaps between a title and its page
            self.browser.setHtml(f"<body style='white-space:pre-wrap'>{SECTIONS[row][1]()}</body>")
            self.browser.verticalScrollBar().setValue(0)

    def text(self) -> str:
        return self.browser.toPlainText()
