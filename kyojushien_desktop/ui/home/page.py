"""ホーム: which town, whose post, where things stand, which file, when it was last backed up.

With no file open (the first start's dialog was closed, or a file could not be opened) it offers
the three ways to begin, so the app never leaves a newcomer at a dead end."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.content.member_terms import member_terms
from kyojushien_desktop.domain import wareki
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.common.changes import OVERVIEW, Changes, Topic
from kyojushien_desktop.services.common.settings import load_settings, rotation_date
from kyojushien_desktop.services.overview import Overview, Position, load_overview
from kyojushien_desktop.ui.common import messages, wording
from kyojushien_desktop.ui.common.enum_props import set_enum
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.live import Page
from kyojushien_desktop.ui.common.scrolling import scrolling_column
from kyojushien_desktop.ui.home.phase_chip import PhaseChip

DUE_LINES = 4  # the due list shows this many, then ほかN件
NEXT_STEPS = 3  # 現在地 names this many of the focus phase's 取組み例
START_CARD_ROW = 2  # はじめるには sits below the banner and the town's name


def _escape(text: str) -> str:
    """As ``html.escape``, without importing ``html`` (and its entity tables) at start-up."""
    for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#x27;")):
        text = text.replace(char, entity)
    return text


def _link(meeting_id: int, text: str) -> str:
    return f'<a href="meeting:{meeting_id}">{_escape(text)}</a>'


def _card(title: str) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName("card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 12, 16, 14)
    heading = QLabel(title)
    heading.setObjectName("cardTitle")
    layout.addWidget(heading)
    return frame, layout


class HomePage(Page):
    title = wording.NAV_HOME
    topics = OVERVIEW
    new_requested = Signal()
    open_file_requested = Signal()
    sample_requested = Signal()
    receive_requested = Signal()  # 受け取った引き継ぎファイルを開く…: the window runs the receive flow

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start_card: QFrame | None = None  # built the first time there is no file to show
        self.sample_banner = QLabel(wording.SAMPLE_BANNER)
        self.sample_banner.setObjectName("banner")
        self.sample_banner.setWordWrap(True)
        self.municipality = QLabel()
        self.department = QLabel()
        self.today = QLabel()

        post_card, post = _card("担当と人事異動")
        self.rotation = QLabel()
        self.rotation.setWordWrap(True)
        post.addWidget(self.department)
        post.addWidget(self.rotation)

        status_card, status = _card("いまの状況")
        status.addLayout(self._build_position())
        self.directory_status = QLabel()
        self.directory_status.setWordWrap(True)
        self.upcoming = QLabel()
        self.upcoming.setWordWrap(True)
        self.awaiting = QLabel()
        self.awaiting.setObjectName("warning")
        self.awaiting.setWordWrap(True)
        self.awaiting.hide()
        self.next_meeting = QLabel()
        self.next_meeting.setWordWrap(True)
        self.followups = QLabel()
        self.followups.setWordWrap(True)
        self.overdue = QLabel()
        self.overdue.setObjectName("warning")
        self.overdue.setWordWrap(True)
        self.overdue.hide()
        for label in (self.directory_status, self.upcoming, self.awaiting, self.followups, self.overdue):
            set_enum(label, "textFormat", "PlainText")
        # The next meeting and the one due list (段取り and 次の対応) link to their meeting.
        self.due_list = QLabel()
        self.due_list.setWordWrap(True)
        for label in (self.next_meeting, self.due_list):
            set_enum(label, "textFormat", "RichText")
            label.linkActivated.connect(self._open_link)
        for label in (
            self.directory_status,
            self.upcoming,
            self.awaiting,
            self.next_meeting,
            self.followups,
            self.overdue,
            self.due_list,
        ):
            status.addWidget(label)

        file_card, file_layout = _card("データファイル")
        self.path = QLabel()
        set_enum(self.path, "textInteractionFlags", "TextSelectableByMouse")
        self.path.setWordWrap(True)
        self.backup = QLabel()
        self.read_only = QLabel()
        self.read_only.setObjectName("warning")
        open_folder = QPushButton(wording.OPEN_FOLDER)
        open_folder.clicked.connect(self._open_folder)
        open_backups = QPushButton("バックアップのフォルダを開く")
        open_backups.clicked.connect(self._open_backups)
        place = QLabel(wording.PLACE)
        set_enum(place, "alignment", "AlignLeft|AlignTop")  # beside a path that wraps
        folder_box = QVBoxLayout()
        folder_box.addWidget(open_folder)
        folder_box.addStretch(1)
        grid = QGridLayout()
        grid.addWidget(place, 0, 0)
        grid.addWidget(self.path, 0, 1)
        grid.addLayout(folder_box, 0, 2)
        grid.addWidget(QLabel("最終バックアップ"), 1, 0)
        grid.addWidget(self.backup, 1, 1)
        grid.addWidget(open_backups, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(16)
        file_layout.addLayout(grid)
        file_layout.addWidget(self.read_only)
        hint = QLabel(wording.HANDOVER_HINT)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        file_layout.addWidget(hint)

        header = QHBoxLayout()
        header.addWidget(self.municipality)
        header.addStretch(1)
        set_enum(self.today, "alignment", "AlignLeft|AlignBottom")
        header.addWidget(self.today)

        # The cards scroll when 特大 text on a small screen makes them taller than the window.
        body = QWidget()
        body.setObjectName("pageHost")
        scroll = scrolling_column(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.cards = QVBoxLayout(body)
        self.cards.setContentsMargins(24, 20, 24, 20)
        self.cards.setSpacing(14)
        self.cards.addWidget(self.sample_banner)
        self.cards.addLayout(header)
        for card in (post_card, status_card, file_card):
            self.cards.addWidget(card)
        self.cards.addStretch(1)
        self.file_cards = (post_card, status_card, file_card)

    def _build_start_card(self) -> QFrame:
        from kyojushien_desktop.ui.common.flow import flow_row  # a Python layout: it takes Qt's enums

        card, layout = _card("はじめるには")
        # 「データファイルが開かれていません」 is the heading above; the card says what to do.
        lead = QLabel(
            "自分の町のデータを新しく作るか、前の担当者から受け取った引き継ぎファイルを開くか、"
            "見本の町で試してみてください。"
        )
        lead.setWordWrap(True)
        layout.addWidget(lead)
        buttons = []
        for text, signal, tip in (
            ("新しく作る…", self.new_requested, "自治体名と担当課を入れて、新しいデータファイルを作ります。"),
            ("データファイルを開く…", self.open_file_requested, "このPCにあるデータファイル（.db）を開きます。"),
            (
                f"{wording.RECEIVE_HANDOVER}…",
                self.receive_requested,
                "前の担当者から受け取った「.kyoju」ファイルを、合言葉を入れて開きます。",
            ),
            (wording.OPEN_SAMPLE, self.sample_requested, "架空の町「みどり町」のデータで、使い方を試せます。"),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(signal.emit)
            buttons.append(button)
        self.start_buttons = flow_row(*buttons)  # four buttons wrap at 特大 rather than clip
        layout.addWidget(self.start_buttons)
        return card

    def _build_position(self) -> QVBoxLayout:
        """現在地: the four phases as a strip, the phase to work on now and its next steps."""
        box = QVBoxLayout()
        box.setSpacing(6)
        heading = QLabel("現在地")
        heading.setObjectName("cardTitle")
        self.phase_chips: list[PhaseChip] = []
        strip = QHBoxLayout()
        strip.setSpacing(8)
        for _ in range(4):
            chip = PhaseChip()
            self.phase_chips.append(chip)
            strip.addWidget(chip, 1)
        self.focus = QLabel()
        self.focus.setWordWrap(True)
        self.next_steps = QLabel()
        self.next_steps.setWordWrap(True)
        for label in (self.focus, self.next_steps):
            set_enum(label, "textFormat", "PlainText")
        box.addWidget(heading)
        box.addLayout(strip)
        box.addWidget(self.focus)
        box.addWidget(self.next_steps)
        box.addSpacing(8)
        return box

    def _show_position(self, position: Position) -> None:
        focus = position.focus
        for chip, phase in zip(self.phase_chips, position.phases, strict=True):
            chip.setText(f"フェーズ{phase.number}　達成 {phase.achieved}/{phase.total}")
            chip.setToolTip(phase.title)
            chip.set_state(
                done=phase.achieved == phase.total, current=focus is not None and phase.number == focus.number
            )
        if focus is None:
            self.focus.setText("4つのフェーズの到達の目安は、すべて達成しています。")
            self.next_steps.hide()
            return
        self.focus.setText(f"いま取り組むフェーズ: フェーズ{focus.number}「{focus.title}」")
        steps = focus.example_titles[:NEXT_STEPS]
        self.next_steps.setText("次の一歩（手引きの取組み例）:\n" + "\n".join(f"・{title}" for title in steps))
        self.next_steps.setVisible(bool(steps))

    def reload(self, changes: Changes) -> None:
        session = self.session
        if session is not None:
            self._show_overview(session)  # filled before the cards first show, so they polish once
        elif self.start_card is None:
            self.start_card = self._build_start_card()
            self.cards.insertWidget(START_CARD_ROW, self.start_card)
        if self.start_card is not None:
            self.start_card.setVisible(session is None)
        for card in self.file_cards:
            card.setVisible(session is not None)
        if not changes.touches({Topic.SETTINGS}):
            return
        self.municipality.setFont(scaled(self.font(), 1.8, bold=True))
        today = dt.date.today()
        self.today.setText("今日は " + wareki.format_date(today))
        if session is None:
            self.municipality.setText("データファイルが開かれていません")
            for label in (self.department, self.rotation, self.path, self.backup, self.read_only):
                label.clear()
            self.sample_banner.hide()
            return
        values = load_settings(session)
        self.sample_banner.setVisible(values.is_sample)
        self.municipality.setText(values.municipality or "（自治体名が未設定です。設定 で入力してください）")
        parts = [values.department or "担当課: 未設定"]
        if values.staff_name:
            parts.append(f"担当: {values.staff_name}")
        self.department.setText("　／　".join(parts))
        rotation = rotation_date(values, today)
        days = (rotation - today).days
        text = f"次の人事異動予定日: {wareki.format_date(rotation, seireki=True)}　あと{days}日"
        if values.next_rotation is None:
            text += "（未設定のため4月1日としています）"
        if 0 <= days <= 60:
            text += "\n引き継ぎの準備をはじめましょう。後任の方が迷わないよう、名簿と経過記録を最新にしておきます。"
        self.rotation.setText(text)
        self.path.setText(str(session.path))
        last = datafile.last_backup(session.path)
        self.backup.setText(wareki.format_datetime(last) if last else "まだありません")
        self.read_only.setText(
            "このファイルは読み取り専用で開いています。変更は保存できません。" if session.read_only else ""
        )
        self.read_only.setVisible(session.read_only)

    def _show_overview(self, session) -> None:
        """Where the directory stands, the hearings ahead and the 次の対応 still open."""
        today = dt.date.today()
        summary = load_overview(session, today)
        stages = [
            f"{name} {summary.by_stage[name]}" for name in member_terms().stage_names if summary.by_stage.get(name)
        ]
        self.directory_status.setText(
            f"名簿: {summary.organizations}団体"
            + (f"（{'・'.join(stages)}）" if stages else "（まだ登録がありません）")
        )
        if summary.upcoming:
            ahead = "、".join(f"{wareki.format_datetime(when)} {name}" for when, name in summary.upcoming)
            self.upcoming.setText(f"これからのヒアリング: {ahead}")
        else:
            self.upcoming.setText("これからのヒアリング: 予定はありません")
        if summary.awaiting_record:
            when, name = summary.awaiting_record[0]
            self.awaiting.setText(
                f"記録待ちのヒアリング {len(summary.awaiting_record)}件（予定の日が過ぎたもの）。"
                f"最も古いもの: {wareki.format_datetime(when)} {name}"
            )
        self.awaiting.setVisible(bool(summary.awaiting_record))
        self.followups.setText(f"まだ済んでいない次の対応: {summary.open_followups}件")
        if summary.overdue_followups:
            due, action, name = summary.overdue_followups[0]
            self.overdue.setText(
                f"期限切れ {len(summary.overdue_followups)}件。最も古いもの: {wareki.format_date(due)} {action} — {name}"
            )
        self.overdue.setVisible(bool(summary.overdue_followups))
        self._show_meetings(summary, today)
        if summary.position is not None:
            self._show_position(summary.position)

    def _show_meetings(self, summary: Overview, today: dt.date) -> None:
        """The next meeting, and one list of what falls due soon: the meetings' 段取り and the
        次の対応 of visits and meetings, overdue first; a meeting's line opens it."""
        upcoming = summary.next_meeting
        if upcoming is not None:
            link = _link(upcoming.id, f"{upcoming.kind}「{upcoming.title}」")
            when = _escape(wareki.format_datetime(upcoming.starts_at))
            self.next_meeting.setText(f"次の会議: {when} {link}（{upcoming.status}）")
        else:
            self.next_meeting.setText("次の会議: 予定はありません")
        lines = [(d.due_on, d.title, d.meeting_title, d.meeting_id) for d in summary.due_steps]
        lines += [(due, action, name, None) for due, action, name in summary.due_followups]
        lines.sort(key=lambda line: line[0])
        if not lines:
            self.due_list.setText("期限の近い段取り・次の対応: ありません")
            return
        shown = []
        for due, what, owner, meeting_id in lines[:DUE_LINES]:
            late = f"（{wording.OVERDUE}）" if due < today else ""
            whose = _link(meeting_id, owner) if meeting_id is not None else _escape(owner)
            when = _escape(wareki.format_date(due))
            shown.append(f"・{when}{late} {_escape(what)} — {whose}")
        more = f"<br>ほか{len(lines) - DUE_LINES}件" if len(lines) > DUE_LINES else ""
        self.due_list.setText("期限の近い段取り・次の対応（2週間以内と期限切れ）:<br>" + "<br>".join(shown) + more)

    def _open_link(self, href: str) -> None:
        kind, _, record_id = href.partition(":")
        if kind == "meeting" and record_id.isdigit():
            self.open_requested.emit(kind, int(record_id))

    def _open_folder(self) -> None:
        if self.session:
            messages.open_path(self.session.path.parent)

    def _open_backups(self) -> None:
        if self.session:
            folder = datafile.backup_folder(self.session.path)
            folder.mkdir(parents=True, exist_ok=True)
            messages.open_path(folder)
