"""参加者: whom the meeting invited from the 名簿 (庁内 and 庁外) and who came on the day, each with
出欠 and 参加方法 (edited in the table, or for the selected rows by the buttons), 代理出席者名, the
counts by 区分, 庁内・庁外 and 会場・オンライン, and the printed 受付名簿. Every edit is saved at once."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.domain.meetings import (
    ABSENT,
    ATTEND_MODES,
    ATTENDANCE,
    ATTENDED,
    INVITATION_SENT,
    ONLINE,
    PROXY,
    VENUE,
    Participant,
    clean_participant,
)
from kyojushien_desktop.services.common.jobs import Progress
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.meetings import meetings, participants, report
from kyojushien_desktop.services.members import organizations, people, terms
from kyojushien_desktop.ui.common import jobs
from kyojushien_desktop.ui.common.flow import flow_row
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.forms import FormDialog, dialog_buttons, size_for_text
from kyojushien_desktop.ui.common.table_model import ID_ROLE, SORT_ROLE
from kyojushien_desktop.ui.common.widgets import char_width, list_table, set_resize_modes
from kyojushien_desktop.ui.meetings import wording
from kyojushien_desktop.ui.meetings.host import Host
from kyojushien_desktop.ui.meetings.invite_dialog import InviteDialog
from kyojushien_desktop.ui.meetings.participant_models import (
    ATTENDANCE_COLUMN,
    MODE_COLUMN,
    PROXY_COLUMN,
    ChoiceDelegate,
    ParticipantModel,
)


class GuestDialog(FormDialog):
    """当日の参加者: someone not in the 名簿, with their 所属 and 区分 (for the counts)."""

    def __init__(self, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.meeting_id = meeting_id
        title = wording.ADD_GUEST.rstrip("…")
        self.setWindowTitle(title)
        heading = QLabel(title)
        heading.setFont(scaled(self.font(), 1.2, bold=True))
        self.name = QLineEdit()
        self.name.setPlaceholderText(wording.NAME_EXAMPLE)
        self.affiliation = QLineEdit()
        self.affiliation.setPlaceholderText("例: みどり町民生委員児童委員協議会")
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.addItems(list(terms.categories()))
        self.category.setCurrentText("")
        self.category.lineEdit().setPlaceholderText("空欄なら「その他」として数えます")
        self.mode = QComboBox()
        self.mode.addItems(list(ATTEND_MODES))
        self.attendance = QComboBox()
        self.attendance.addItems(list(ATTENDANCE))
        self.attendance.setCurrentText(ATTENDED)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(wording.FULL_NAME, self.errors.field("guest_name", self.name))
        form.addRow(wording.AFFILIATION, self.affiliation)
        form.addRow(wording.CATEGORY, self.category)
        form.addRow(wording.ATTEND_MODE, self.errors.field("attend_mode", self.mode))
        form.addRow(wording.ATTENDANCE, self.errors.field("attendance", self.attendance))
        hint = QLabel("名簿にない方を、この会議の参加者としてだけ記録します（名簿には登録しません）。")
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        buttons, self.ok_button = dialog_buttons(self, wording.ADD_NOW, self.try_accept)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addStretch(1)
        layout.addLayout(buttons)
        size_for_text(self, 38, 14)
        self.name.setFocus()

    def current_value(self) -> Participant:
        return Participant(
            meeting_id=self.meeting_id,
            guest_name=self.name.text(),
            guest_affiliation=self.affiliation.text(),
            guest_category=self.category.currentText(),
            attendance=self.attendance.currentText(),
            attend_mode=self.mode.currentText(),
        )

    def clean(self, value: object) -> object:
        assert isinstance(value, Participant)
        return clean_participant(value)


def counts_text(session: Session, meeting_id: int) -> str:
    """出席 12人（会場 10・オンライン 2）、案内 15人・欠席 2人／庁内 4・庁外 8／区分ごと."""
    counts = participants.counts(session, meeting_id)
    by_category = "、".join(f"{name} {number}" for name, number in counts.by_category) or "—"
    return (
        f"出席 {counts.attending}人（{VENUE} {counts.venue}・{ONLINE} {counts.online}）　"
        f"案内 {counts.invited}人・{ABSENT} {counts.absent}人　"
        f"{wording.INSIDE} {counts.internal}・{wording.OUTSIDE} {counts.external}\n"
        f"{wording.CATEGORY}ごとの出席: {by_category}"
    )


class ParticipantsTab(QWidget):
    """The participants of the meeting shown by ``show_meeting``."""

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.meeting_id: int | None = None
        self.invite_button = QPushButton(wording.INVITE)
        self.invite_button.setObjectName("primaryButton")
        self.invite_button.clicked.connect(lambda: self.invite())
        self.guest_button = QPushButton(wording.ADD_GUEST)
        self.guest_button.clicked.connect(lambda: self.add_guest())
        self.remove_button = QPushButton(wording.REMOVE_ASK)
        self.remove_button.setToolTip("選んだ人を参加者の一覧から外します（名簿からは消えません）。")
        self.remove_button.clicked.connect(lambda: self.remove())
        self.roster_button = QPushButton(wording.PRINT_ROSTER)
        self.roster_button.setToolTip(
            "受付で名前に印をつけてもらう名簿（グループを作っていればグループ表も）をPDFにします。"
        )
        self.roster_button.clicked.connect(lambda: self.print_roster())
        head = flow_row(self.invite_button, self.guest_button, self.remove_button, right=(self.roster_button,))
        self.mark_buttons: dict[str, QPushButton] = {}
        caption = QLabel("選んだ人を:")
        marks: list[QWidget] = [caption]
        for text, value in (
            (INVITATION_SENT, ("attendance", INVITATION_SENT)),
            (ATTENDED, ("attendance", ATTENDED)),
            (ABSENT, ("attendance", ABSENT)),
            (PROXY, ("attendance", PROXY)),
            (VENUE, ("attend_mode", VENUE)),
            (ONLINE, ("attend_mode", ONLINE)),
        ):
            button = QPushButton(text)
            button.setObjectName("smallButton")
            button.clicked.connect(lambda _c=False, v=value: self.mark(*v))
            self.mark_buttons[text] = button
            marks.append(button)
        mark_row = flow_row(*marks)

        self.model = ParticipantModel(self)
        # Saved on the event loop's next turn: the save reloads the table, which must not happen
        # inside the view's own commit of the cell.
        self.model.edited.connect(self._save_edited, Qt.ConnectionType.QueuedConnection)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSourceModel(self.model)
        self.table = list_table(self.proxy, selection=QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setObjectName("participantsTable")
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # invited order first
        self.table.setSortingEnabled(True)
        self.table.setEditTriggers(self.table.EditTrigger.DoubleClicked | self.table.EditTrigger.SelectedClicked)
        self.table.setItemDelegateForColumn(ATTENDANCE_COLUMN, ChoiceDelegate(ATTENDANCE, self.table))
        self.table.setItemDelegateForColumn(MODE_COLUMN, ChoiceDelegate(ATTEND_MODES, self.table))
        set_resize_modes(
            self.table,
            QHeaderView.ResizeMode.Stretch,
            *(QHeaderView.ResizeMode.Interactive,) * 2,
            *(QHeaderView.ResizeMode.ResizeToContents,) * 3,
            QHeaderView.ResizeMode.Interactive,
        )
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.empty = QLabel(
            f"まだ参加者がいません。「{wording.INVITE}」で名簿の団体を選ぶか、当日来た方を「{wording.ADD_GUEST}」で加えます。"
        )
        self.empty.setObjectName("banner")
        self.empty.setWordWrap(True)
        self.counts = QLabel()
        self.counts.setObjectName("countLabel")
        self.counts.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(head)
        layout.addWidget(mark_row)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.counts)
        self._update_buttons()

    # --- loading ----------------------------------------------------------------------------
    def show_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self.reload()

    def reload(self) -> None:
        session = self.host.session
        chosen = self.selected_ids()
        if session is None or self.meeting_id is None:
            self.model.set_rows([])
            self.counts.clear()
            self._update_buttons()
            return
        self.model.editable = self.host.writable
        self.model.set_rows(participants.participants_of(session, self.meeting_id))
        self.counts.setText(counts_text(session, self.meeting_id))
        self.empty.setVisible(self.model.rowCount() == 0)
        self.table.setVisible(self.model.rowCount() > 0)
        self.fit_columns()
        self.select_ids(chosen)
        self._update_buttons()

    def fit_columns(self) -> None:
        """所属 takes what is left; 氏名, 区分 and 代理出席者名 in characters of the current font."""
        unit = char_width(self.table)
        for column, chars in ((1, 6), (2, 9), (PROXY_COLUMN, 6)):
            self.table.setColumnWidth(column, unit * chars + 20)

    def selected_ids(self) -> list[int]:
        return [i.data(ID_ROLE) for i in self.table.selectionModel().selectedRows()]

    def select_ids(self, ids: list[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        for participant_id in ids:
            row = self.model.row_of_id(participant_id)
            if row >= 0:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
                selection.select(index, flags)

    def _update_buttons(self) -> None:
        writable = self.host.writable and self.meeting_id is not None
        chosen = bool(self.selected_ids())
        for button in (self.invite_button, self.guest_button):
            button.setEnabled(writable)
        for button in (self.remove_button, *self.mark_buttons.values()):
            button.setEnabled(writable and chosen)
        self.roster_button.setEnabled(self.meeting_id is not None and self.model.rowCount() > 0)

    # --- actions ----------------------------------------------------------------------------
    def _done(self, result: object, select: list[int]) -> bool:
        if result is None:
            self.reload()  # an edit the service refused goes back to what is saved
            return False
        self.host.after(result)
        self.select_ids(select)
        return True

    def _save_edited(self, participant: Participant) -> None:
        result = self.host.run_op(lambda session: participants.save_participant(session, participant))
        self._done(result, [participant.id] if participant.id else [])
        if result is not None and participant.attendance == PROXY and not participant.proxy_name:
            self.edit_proxy_name(participant.id)

    def edit_proxy_name(self, participant_id: int | None) -> None:
        """代理出席: the name of who came instead, typed in the table."""
        row = self.model.row_of_id(participant_id) if participant_id is not None else -1
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, PROXY_COLUMN))
            self.table.setCurrentIndex(index)
            self.table.edit(index)

    def mark(self, field: str, value: str) -> bool:
        """出欠 or 参加の形 for every selected row."""
        ids = self.selected_ids()
        if not ids or not self.host.writable:
            return False
        by_id = {p.id: p for p in self.model.participants()}

        def write(session: Session):
            if field == "attendance":
                return participants.set_attendance(session, ids, value)
            changes = None
            for participant_id in ids:
                changed = dataclasses.replace(by_id[participant_id], attend_mode=value)
                result = participants.save_participant(session, changed)[1]
                changes = result if changes is None else changes | result
            return changes

        done = self._done(self.host.run_op(write), ids)
        if done and value == PROXY and len(ids) == 1:
            self.edit_proxy_name(ids[0])
        return done

    def invite_dialog(self) -> InviteDialog:
        session = self.host.session
        assert session is not None and self.meeting_id is not None
        present = {
            (p.organization_id, p.person_id)
            for p in participants.participants_of(session, self.meeting_id)
            if p.organization_id
        }
        return InviteDialog(
            organizations.list_organizations(session), people.people_by_organization(session), present, self
        )

    def invite(self) -> bool:
        if self.meeting_id is None or not self.host.writable:
            return False
        meeting_id = self.meeting_id
        result = self.host.submit(
            self.invite_dialog(), lambda session, chosen: participants.invite(session, meeting_id, chosen)
        )
        return self._done(result, []) if result is not None else False

    def guest_dialog(self) -> GuestDialog:
        assert self.meeting_id is not None
        return GuestDialog(self.meeting_id, self)

    def add_guest(self) -> bool:
        if self.meeting_id is None or not self.host.writable:
            return False
        result = self.host.submit(self.guest_dialog(), participants.save_participant)
        if result is None:
            return False
        participant_id, changes = result  # type: ignore[misc]
        return self._done(changes, [participant_id])

    def remove(self) -> bool:
        ids = self.selected_ids()
        if not ids or not self.host.writable:
            return False
        names = [p.name or p.affiliation for p in self.model.participants() if p.id in ids]
        text = "、".join(names[:5]) + (f" ほか{len(names) - 5}人" if len(names) > 5 else "")
        if not self.host.confirm(
            "参加者を外す", f"{text} を参加者の一覧から外します。", wording.REMOVE_ASK.rstrip("…")
        ):
            return False

        def write(session: Session):
            changes = None
            for participant_id in ids:
                result = participants.remove(session, participant_id)
                changes = result if changes is None else changes | result
            return changes

        return self._done(self.host.run_op(write), [])

    def print_roster(self, title: str = "受付名簿") -> object:
        """受付名簿 (and the グループ表 when groups were made) as a PDF, then PDFを開く／フォルダを開く."""
        session = self.host.session
        if session is None or self.meeting_id is None:
            return None
        meeting_id = self.meeting_id
        name = f"{title}_{meetings.get_meeting(session, meeting_id).title}"
        path = self.host.choose_pdf_path(name)
        if path is None:
            return None

        def write(reader: Session, progress: Progress, replace: bool):
            return report.export_roster_pdf(reader, meeting_id, path, replace_unsupported=replace, progress=progress)

        written = jobs.run_export(self, session, write, title=f"{title}を作っています")
        if written is not None:
            self.host.inform_written(wording.PDF_MADE, f"{title}のPDFを作りました。", written)
        return written
