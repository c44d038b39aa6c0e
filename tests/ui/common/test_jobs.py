"""Long work behind a progress dialog: read jobs on a worker thread with their own read-only
session, write jobs on the window's session that a キャンセル leaves unwritten."""

import threading
import time

from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget

from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.members import organizations
from kyojushien_desktop.ui.common import jobs
from kyojushien_desktop.ui.common.ops import Operations
from tests.ui.boxes import BoxAnswerer


def make_parent(qtbot) -> QWidget:
    parent = QWidget()
    qtbot.addWidget(parent)
    return parent


def test_read_job_runs_on_another_thread_with_its_own_read_only_session(qtbot, db_path):
    """A slow read job runs on a worker thread, through a read-only session of its own, and its
    value comes back to the caller."""
    session = datafile.open_session(db_path)
    seen = {}

    def work(reader, progress):
        seen["thread"] = threading.get_ident()
        seen["reader"], seen["read_only"] = reader, reader.read_only
        progress.begin("書き出しています", 3)
        for _ in range(3):
            time.sleep(0.15)
            progress.step()
        return 42

    try:
        assert jobs.run_read(make_parent(qtbot), session, work, title="書き出しています") == 42
    finally:
        session.close()
    assert seen["thread"] != threading.get_ident()
    assert seen["reader"] is not session and seen["read_only"]


def test_read_job_problem_is_shown_in_japanese_and_gives_none(qtbot, db_path):
    """A UserFacingError from the job is shown to the user (its message and hint), and the caller gets None."""
    session = datafile.open_session(db_path)

    def work(reader, progress):
        raise UserFacingError("ファイルに書き込めませんでした: 名簿.xlsx", hint="Excelで開いていれば閉じてください。")

    answerer = BoxAnswerer()
    try:
        assert (
            jobs.run_read(
                make_parent(qtbot), session, work, title="書き出しています", error_title="書き出せませんでした"
            )
            is None
        )
    finally:
        answerer.stop()
        session.close()
    assert (
        answerer.seen
        and "書き出せませんでした|ファイルに書き込めませんでした: 名簿.xlsx|Excelで開いていれば" in answerer.seen[0]
    )


def test_write_job_cancelled_writes_nothing(qtbot, db_path):
    """キャンセル on the progress dialog stops a write job at its next step; its one transaction is
    rolled back, so nothing of it is in the file, and no change is published."""
    session = datafile.open_session(db_path)
    ops = Operations()
    ops.session = session
    published: list[Changes] = []
    ops.changed.connect(lambda changes, _initiator: published.append(changes))

    def work(s, progress):
        progress.begin("取り込んでいます", 200)
        with s.database.atomic():
            for number in range(200):
                organizations.save_organization(s, organizations.new_organization("その他", f"団体{number}"))
                if number == 5:
                    for widget in QApplication.topLevelWidgets():
                        if isinstance(widget, QProgressDialog):
                            widget.findChild(QPushButton).click()  # the user presses キャンセル
                progress.step()
        return Changes.of(Topic.ORGANIZATIONS)

    try:
        assert jobs.run_write(make_parent(qtbot), ops, work, title="取り込んでいます") is None
        assert organizations.list_organizations(session) == []
    finally:
        session.close()
    assert published == []


def test_write_job_publishes_its_changes(qtbot, db_path):
    """A finished write job's Changes go out on the bus, with the job's parent as the initiator."""
    session = datafile.open_session(db_path)
    ops = Operations()
    ops.session = session
    published = []
    ops.changed.connect(lambda changes, initiator: published.append((changes, initiator)))
    parent = make_parent(qtbot)

    def work(s, progress):
        return organizations.save_organization(s, organizations.new_organization("その他", "みどり町商工会"))

    try:
        organization_id, _ = jobs.run_write(parent, ops, work, title="保存しています")
        assert organizations.get_organization(session, organization_id).name == "みどり町商工会"
    finally:
        session.close()
    assert published and Topic.ORGANIZATIONS in published[0][0].topics and published[0][1] is parent


def test_pdf_with_undrawable_characters_says_where_and_asks_before_writing(qtbot, db_path, tmp_path):
    """A 名簿 PDF of an organisation named with 𠮷 is not written at once: the user is told which
    character and which record, and on 〓に置き換えて書き出す the PDF is written with 〓."""
    from pypdf import PdfReader

    from kyojushien_desktop.services.common.preferences import Preferences
    from kyojushien_desktop.ui.members.page import MembersPage
    from tests.ui.pages import bind

    session = datafile.open_session(db_path)
    organizations.save_organization(session, organizations.new_organization("不動産事業者・団体", "𠮷野家不動産"))
    page = MembersPage(Preferences())
    bind(qtbot, page, session)
    target = tmp_path / "名簿.pdf"
    page.choose_export_path = lambda kind: target
    page.inform_written = lambda *args: None
    answerer = BoxAnswerer("〓に置き換えて書き出す")
    try:
        assert page.export("pdf") == target
    finally:
        answerer.stop()
        session.close()
    assert answerer.seen and "印刷できない文字があります" in answerer.seen[0]
    assert "𠮷野家不動産" in answerer.seen[0] and "𠮷" in answerer.seen[0]
    assert "〓野家不動産" in "".join(p.extract_text() for p in PdfReader(target).pages)
