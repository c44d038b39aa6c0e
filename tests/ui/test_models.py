"""Every table model of the UI keeps Qt's model contract (pytest-qt's qtmodeltester), filled with
the sample town's real rows; and no model class exists that this file does not check."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtGui import QStandardItem, QStandardItemModel

from kyojushien_desktop.services import timeline
from kyojushien_desktop.services.members import history, organizations, people
from kyojushien_desktop.services.sample import create_sample
from kyojushien_desktop.ui.common.deleted_dialog import DeletedModel
from kyojushien_desktop.ui.common.pickers import TEXTS_ROLE, MatchProxy
from kyojushien_desktop.ui.members.model import MembersFilterProxy, OrganizationTableModel
from kyojushien_desktop.ui.members.record_models import HistoryModel, PeopleModel

UI = Path(__file__).resolve().parents[2] / "kyojushien_desktop" / "ui"
# Checked with real rows in the test files named here; the rest in this file.
CHECKED_ELSEWHERE = {
    "VisitTableModel": "tests/ui/hearing/test_hearing_ui.py",
    "VisitFilterProxy": "tests/ui/hearing/test_hearing_ui.py",
    "FollowUpTableModel": "tests/ui/hearing/test_hearing_ui.py",
    "CompareTableModel": "tests/ui/hearing/test_hearing_ui.py",
    "BankListModel": "tests/ui/hearing/test_hearing_ui.py",
    "QuestionTableModel": "tests/ui/hearing/test_hearing_ui.py",
    "QuestionPickModel": "tests/ui/hearing/test_hearing_ui.py",
    "ChosenQuestionsModel": "tests/ui/hearing/test_hearing_ui.py",
    "ProgressModel": "tests/ui/progress/test_progress_ui.py",
    **{
        name: "tests/ui/region/test_region_ui.py"
        for name in ("FactsModel", "ResourceModel", "ResourceProxy", "ReferralModel", "VisitCheckModel")
    },
    "ReceivedModel": "tests/ui/handover/test_receive_ui.py",
    "SurveyFormsModel": "tests/ui/meetings/test_survey_tab.py",
    "SurveyQuestionsModel": "tests/ui/meetings/test_survey_tab.py",
    "SurveyImportRowsModel": "tests/ui/meetings/test_survey_tab.py",
    **{
        name: "tests/ui/diagnosis/test_diagnosis_ui.py"
        for name in ("RoundTableModel", "RespondentTableModel", "HeatModel", "EntryModel")
    },
    **{
        name: "tests/ui/meetings/test_participants_ui.py"
        for name in (
            "MeetingTableModel",
            "MeetingFilterProxy",
            "ChecklistModel",
            "ParticipantModel",
            "GroupModel",
            "InviteModel",
            "InviteProxy",
            "ProgramModel",
        )
    },
}
CHECKED_HERE = {
    "OrganizationTableModel",
    "MembersFilterProxy",
    "PeopleModel",
    "HistoryModel",
    "DeletedModel",
    "MatchProxy",
    "ImportPreviewModel",
}
BASES = {"HeaderTableModel", "RowsTableModel", "FilterProxy"}  # abstract building blocks


@pytest.fixture(scope="module")
def town(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KYOJUSHIEN_HOME", str(home))
        session = create_sample(home / "sample.db", today=dt.date(2026, 11, 22))
    yield session
    session.close()


def test_directory_models_keep_the_contract(qtmodeltester, town):
    """The 名簿 list, its filter proxy (with a search), and the 削除済み list."""
    rows = organizations.list_organizations(town)
    model = OrganizationTableModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    proxy = MembersFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_match_ids(organizations.search_ids(town, "みどり"))
    qtmodeltester.check(proxy)
    deleted = DeletedModel(("名称", "区分"), lambda row: (row.name, row.category))
    deleted.set_rows(rows[:3])
    qtmodeltester.check(deleted)


def test_record_models_keep_the_contract(qtmodeltester, town):
    """An organisation's people (前任 included) and its 変更履歴, for the one with the most history."""
    rows = organizations.list_organizations(town)
    richest = max(rows, key=lambda r: len(timeline.for_organization(town, r.id)))
    people_model = PeopleModel()
    people_model.set_people(people.people_of(town, richest.id))
    assert people_model.rowCount() > 1
    qtmodeltester.check(people_model)
    history_model = HistoryModel()
    history_model.set_entries(history.history(town, richest.id))
    assert history_model.rowCount() > 0
    qtmodeltester.check(history_model)


def test_picker_proxy_keeps_the_contract(qtmodeltester, town):
    """The 訪問先 picker's filter over the names, with a query that narrows it."""
    source = QStandardItemModel()
    for org in organizations.list_organizations(town):
        item = QStandardItem(org.name)
        item.setData((org.name, org.kana), TEXTS_ROLE)
        source.appendRow(item)
    proxy = MatchProxy(organizations.matcher)
    proxy.setSourceModel(source)
    proxy.set_query("社協")
    assert 0 < proxy.rowCount() < source.rowCount()
    qtmodeltester.check(proxy)


def test_import_preview_model_keeps_the_contract(qtmodeltester, town, tmp_path):
    """The import's 確認 table over a real preview: good rows, a bad one and a duplicate."""
    from kyojushien_desktop.services.members import importing
    from kyojushien_desktop.ui.members.import_dialog import ImportPreviewModel, preview_lines

    path = tmp_path / "名簿.csv"
    path.write_text(
        "団体名,区分,電話\n新しい団体,その他,0123-11-2222\n,その他,\nみどり町社会福祉協議会,福祉事業者・団体,\n",
        encoding="utf-8",
    )
    preview = importing.preview_import(town, path)
    model = ImportPreviewModel()
    model.set_lines(preview_lines(preview))
    assert model.rowCount() == 3
    qtmodeltester.check(model)


def _model_classes() -> set[str]:
    names = set()
    for path in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                isinstance(base, ast.Name)
                and (base.id.endswith(("Model", "Proxy")) or base.id in BASES)
                or isinstance(base, ast.Subscript)
                and getattr(base.value, "id", "") in BASES
                for base in node.bases
            ):
                names.add(node.name)
    return names - BASES


def test_every_model_is_checked_somewhere():
    """Each model class of ui/ is checked here or in the test file named for it, which calls
    qtmodeltester on it."""
    missing = _model_classes() - CHECKED_HERE - set(CHECKED_ELSEWHERE)
    assert not missing, f"models not run through qtmodeltester: {sorted(missing)}"
    root = Path(__file__).resolve().parents[2]
    for name, test_file in CHECKED_ELSEWHERE.items():
        text = (root / test_file).read_text(encoding="utf-8")
        assert name in text and "qtmodeltester.check" in text, (name, test_file)
