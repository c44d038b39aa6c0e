"""名簿から招待: the 名簿's organisations with the same search as the 名簿 and the visit dialog's
picker (ひらがな/カタカナ, width folded, 社協 ↔ 社会福祉協議会), a 庁内/庁外 filter, a tick per
organisation and, optionally, whom of it to invite. It returns the (organisation, person) pairs;
the page calls ``participants.invite``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.domain.members import OrganizationSummary, Person
from kyojushien_desktop.services.members import organizations
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.forms import FormDialog, dialog_buttons, size_for_text
from kyojushien_desktop.ui.common.table_model import ModelIndex
from kyojushien_desktop.ui.common.widgets import filter_combo, list_table, set_resize_modes
from kyojushien_desktop.ui.meetings import wording
from kyojushien_desktop.ui.meetings.participant_models import ChoiceDelegate, InviteModel, InviteProxy


class InviteDialog(FormDialog):
    """``result_value`` is the list of (organisation id, person id or None) ticked."""

    def __init__(
        self,
        rows: list[OrganizationSummary],
        people: dict[int, list[Person]],
        present: set[tuple[int, int | None]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        title = wording.INVITE.rstrip("…")
        self.setWindowTitle(title)
        heading = QLabel(title)
        heading.setFont(scaled(self.font(), 1.2, bold=True))
        lead = QLabel(
            "参加者に加える団体にチェックを入れます。担当者の欄をダブルクリックすると、その団体のどなたに参加をお願いするかを選べます"
            "（選ばなければ団体として加えます）。"
        )
        lead.setObjectName("hint")
        lead.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText("名称・よみがな・担当者で検索（例: 社協、ふどうさん）")
        self.search.setClearButtonEnabled(True)
        self.where = filter_combo([(wording.ALL, None), (wording.INSIDE, True), (wording.OUTSIDE, False)], 4)
        self.count = QLabel()
        self.count.setObjectName("countLabel")
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(QLabel(wording.INTERNAL_SHORT))
        search_row.addWidget(self.where)
        search_row.addWidget(self.count)

        self.model = InviteModel(self)
        current = {
            org_id: [(p.name + (f"（{p.title}）" if p.title else ""), p.id) for p in found if p.is_current and p.id]
            for org_id, found in people.items()
        }
        self.model.set_rows(rows, current, present)
        self.proxy = InviteProxy(organizations.matcher, self)
        self.proxy.setSourceModel(self.model)
        self.table = list_table(self.proxy)
        self.table.setObjectName("inviteTable")
        self.table.setEditTriggers(self.table.EditTrigger.DoubleClicked | self.table.EditTrigger.SelectedClicked)
        self.table.setItemDelegateForColumn(InviteModel.PERSON_COLUMN, ChoiceDelegate(self._people_choices, self.table))
        set_resize_modes(
            self.table,
            QHeaderView.ResizeMode.ResizeToContents,
            QHeaderView.ResizeMode.Stretch,
            QHeaderView.ResizeMode.ResizeToContents,
            QHeaderView.ResizeMode.ResizeToContents,
            QHeaderView.ResizeMode.Stretch,
        )
        self.all_shown = QPushButton("表示中の団体をすべて選ぶ")
        self.all_shown.clicked.connect(lambda: self.tick_shown())
        self.chosen_label = QLabel()
        self.chosen_label.setObjectName("hint")
        foot = QHBoxLayout()
        foot.addWidget(self.all_shown)
        foot.addWidget(self.chosen_label, 1)

        buttons, self.ok_button = dialog_buttons(self, wording.ADD, self.try_accept)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(lead)
        layout.addLayout(search_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(foot)
        layout.addWidget(self.errors.general)
        layout.addLayout(buttons)
        self.search.textChanged.connect(lambda text: self._filter())
        self.where.currentIndexChanged.connect(lambda _i: self._filter())
        self.model.dataChanged.connect(lambda *_: self._count())
        self._filter()
        size_for_text(self, 70, 30)
        self.search.setFocus()

    def _people_choices(self, index: ModelIndex) -> list[str]:
        """Whom of the organisation: its current people, or the organisation as a whole."""
        org = self.model.organization(self.proxy.mapToSource(index).row())
        return [wording.AS_ORGANIZATION, *(name for name, _id in self.model.people.get(org.id, []))]

    def _filter(self) -> None:
        self.proxy.set_query(self.search.text())
        self.proxy.set_internal(self.where.currentData())
        self._count()

    def _count(self) -> None:
        self.count.setText(
            wording.count_text(
                self.model.rowCount(), self.proxy.rowCount(), self.proxy.rowCount() != self.model.rowCount()
            )
        )
        chosen = len(self.model.choices())
        self.chosen_label.setText(f"{chosen}団体を選んでいます。" if chosen else "まだ選んでいません。")
        self.ok_button.setEnabled(chosen > 0)

    def tick_shown(self) -> None:
        for row in range(self.proxy.rowCount()):
            self.proxy.setData(self.proxy.index(row, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)

    def current_value(self) -> list[tuple[int, int | None]]:
        return self.model.choices()
