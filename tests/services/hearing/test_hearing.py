"""ヒアリング services on a real data file: question banks, visits, answers and the comparison."""

import dataclasses
import datetime as dt
import re
import sqlite3

import pytest

from kyojushien_desktop.content import hearing as hearing_guide
from kyojushien_desktop.domain.errors import UserFacingError, ValidationError
from kyojushien_desktop.domain.followups import FollowUp
from kyojushien_desktop.domain.hearing import DONE, PLANNED, RECORDED, Question, QuestionBank, VisitFilter, clean_answer
from kyojushien_desktop.domain.members import Person
from kyojushien_desktop.services import datafile, timeline
from kyojushien_desktop.services.common import followups
from kyojushien_desktop.services.common.changes import Topic
from kyojushien_desktop.services.hearing import comparison, question_banks, visits
from kyojushien_desktop.services.hearing.sample_visits import add_sample_hearing, sample_hearing_data
from kyojushien_desktop.services.members import history, organizations, people
from tests.seeds import seed_text
from tests.visit_forms import new_visit


@pytest.fixture
def session(db_path):
    opened = datafile.open_session(db_path)
    yield opened
    opened.close()


def bank_named(session, key):
    return question_banks.find_bank(session, key)


def add_org(session, name, category="不動産事業者・団体", **fields):
    org = dataclasses.replace(organizations.new_organization(category, name), **fields)
    organization_id, _ = organizations.save_organization(session, org)
    return organization_id


def plan(session, organization_id, when, bank_key="real_estate", **fields):
    bank = bank_named(session, bank_key)
    visit = dataclasses.replace(new_visit(session, organization_id, when, bank.id), **fields)
    visit_id, changes = visits.plan_visit(session, visit)
    assert Topic.VISITS in changes.topics
    return visit_id


def guide_line(guide: str, heading: str) -> str:
    """The line under ＜{heading}＞ in the guide's text."""
    match = re.search(rf"＜{re.escape(heading)}＞\s*\n\s*\n?(.+)", guide)
    assert match, heading
    return match.group(1).strip()


# --- question banks --------------------------------------------------------------------------


def test_guide_banks_seeded_on_open_word_for_word(session):
    """Opening a file adds the three guide banks, each question with the guide's wording and key."""
    banks = question_banks.list_banks(session)
    assert [b.guide_key for b in banks] == [b.key for b in hearing_guide.question_banks()]
    for bank, guide in zip(banks, hearing_guide.question_banks(), strict=True):
        assert bank.name == guide.name and bank.from_guide
        questions = question_banks.list_questions(session, bank.id)
        assert [q.text for q in questions] == [q.text for q in guide.questions]
        assert [q.guide_key for q in questions] == [q.key for q in guide.questions]
        assert all(q.from_guide and q.guide_text == q.text and q.answer_type == "free" for q in questions)
    assert "公営住宅の窓口" in banks[2].description  # the derived bank says what it was built from


def test_guide_questions_occur_in_the_guides_question_lines():
    """Every question of the two printed banks is part of the guide's 質問例 line, in the seed text."""
    text = seed_text()
    for guide in hearing_guide.question_banks():
        if guide.derived:
            assert guide.source_text == ""
            continue
        line = guide_line(text, guide.guide_heading)
        assert line == guide.source_text
        for question in guide.questions:
            assert question.text in line, question.text


def test_public_housing_bank_built_from_the_guides_text():
    """The derived bank's first question is the guide's own phrase for the public-housing counter."""
    text = re.sub(r"\s+", "", seed_text())
    bank = hearing_guide.question_bank("public_housing")
    assert bank.derived and "公営住宅関係者へのヒアリング" in text
    assert bank.questions[0].text in text


def test_seeding_is_idempotent_and_one_select(session, db_path):
    """Reopening adds nothing, and the check made on open is a single SELECT."""
    before = [(b.id, b.question_count) for b in question_banks.list_banks(session)]
    statements = []
    session.database.conn.set_trace_callback(statements.append)
    assert not question_banks.ensure_guide_banks(session)
    session.database.conn.set_trace_callback(None)
    assert len(statements) == 1 and statements[0].lstrip().startswith("SELECT")
    session.close()
    reopened = datafile.open_session(db_path)
    try:
        assert [(b.id, b.question_count) for b in question_banks.list_banks(reopened)] == before
    finally:
        reopened.close()


def test_retired_guide_bank_and_question_are_never_added_back(session, db_path):
    """A guide bank or question the user retired stays retired after the next open."""
    real_estate = bank_named(session, "real_estate")
    welfare = bank_named(session, "welfare")
    first = question_banks.list_questions(session, real_estate.id)[0]
    question_banks.retire_question(session, first.id)
    question_banks.retire_bank(session, welfare.id)
    session.close()
    reopened = datafile.open_session(db_path)
    try:
        names = [b.name for b in question_banks.list_banks(reopened)]
        assert welfare.name not in names and len(names) == 2
        assert first.id not in [q.id for q in question_banks.list_questions(reopened, real_estate.id)]
        assert len(question_banks.list_banks(reopened, include_retired=True)) == 3
        question_banks.restore_bank(reopened, welfare.id)
        assert welfare.name in [b.name for b in question_banks.list_banks(reopened)]
    finally:
        reopened.close()


def test_edit_then_restore_guide_wording(session):
    """An edited guide question stays 手引きより and can be put back to the guide's words."""
    bank = bank_named(session, "real_estate")
    question = question_banks.list_questions(session, bank.id)[3]
    question_banks.edit_question(session, dataclasses.replace(question, text="高齢の方の来店はありますか？", lines=5))
    edited = question_banks.get_question(session, question.id)
    assert edited.reworded and edited.from_guide and edited.lines == 5
    question_banks.restore_guide_wording(session, question.id)
    restored = question_banks.get_question(session, question.id)
    assert restored.text == "高齢者や障害者の来店はあるか？" and not restored.reworded and restored.lines == 5
    own_id, _ = question_banks.add_question(session, Question(bank_id=bank.id, text="独自の質問"))
    with pytest.raises(UserFacingError):
        question_banks.restore_guide_wording(session, own_id)


def test_reorder_move_and_retire(session):
    """Questions move up and down, so any order can be made, and leave the order when retired."""
    bank = bank_named(session, "welfare")
    ids = [q.id for q in question_banks.list_questions(session, bank.id)]
    question_banks.move_question(session, ids[2], -1)
    assert [q.id for q in question_banks.list_questions(session, bank.id)][:3] == [ids[0], ids[2], ids[1]]
    assert not question_banks.move_question(session, ids[0], -1)  # already first
    for position, question_id in enumerate(reversed(ids)):  # as the ↑ button, pressed until it is in place
        current = [q.id for q in question_banks.list_questions(session, bank.id)]
        for _ in range(current.index(question_id) - position):
            question_banks.move_question(session, question_id, -1)
    assert [q.id for q in question_banks.list_questions(session, bank.id)] == list(reversed(ids))
    question_banks.retire_question(session, ids[-1])
    live = question_banks.list_questions(session, bank.id)
    assert [q.id for q in live] == list(reversed(ids))[1:] and [q.position for q in live] == list(range(7))
    question_banks.reinstate_question(session, ids[-1])
    assert question_banks.list_questions(session, bank.id)[-1].id == ids[-1]


def test_own_bank_with_typed_questions(session):
    """A bank of the user's own holds 数値, はい/いいえ and 選択肢 questions; names must be unique."""
    bank_id, changes = question_banks.save_bank(session, QuestionBank(name="大家さん向け"))
    assert Topic.BANKS in changes.topics
    question_banks.add_question(session, Question(bank_id=bank_id, text="空き室数", answer_type="number", lines=1))
    question_banks.add_question(
        session, Question(bank_id=bank_id, text="保証会社", answer_type="choice", choices=("必ず", "場合による"))
    )
    question_banks.add_question(session, Question(bank_id=bank_id, text="断ったことは？", answer_type="yesno"))
    questions = question_banks.list_questions(session, bank_id)
    assert [(q.answer_type_label, q.from_guide) for q in questions] == [
        ("数値", False),
        ("選択肢", False),
        ("はい/いいえ", False),
    ]
    assert questions[1].choices == ("必ず", "場合による")
    with pytest.raises(ValidationError) as caught:
        question_banks.save_bank(session, QuestionBank(name="不動産団体・事業者"))
    assert caught.value.field == "name"
    with pytest.raises(ValidationError) as caught:
        question_banks.add_question(session, Question(bank_id=bank_id, text="x", answer_type="choice", choices=("1",)))
    assert caught.value.field == "choices"
    with pytest.raises(ValidationError) as caught:
        question_banks.add_question(session, Question(bank_id=bank_id, text=" ", lines=30))
    assert set(caught.value.problems) == {"text", "lines"}


def test_find_bank_by_name_or_key_lists_names_when_unknown(session):
    """A bank is found by its exact name or guide key; an unknown name lists the banks there are."""
    assert bank_named(session, "不動産団体・事業者").guide_key == "real_estate"
    assert bank_named(session, "welfare").name == "各種相談窓口・居住支援法人等"
    with pytest.raises(UserFacingError) as caught:
        question_banks.find_bank(session, "不動産")
    assert "公営住宅関係者" in caught.value.hint


# --- answers ---------------------------------------------------------------------------------


def test_answer_validation_by_type():
    """数値 takes full-width digits and commas; はい/いいえ only those; 選択肢 one of its choices."""
    number = Question(bank_id=1, id=7, text="管理戸数", answer_type="number")
    assert clean_answer(number, "１，２００") == "1200"
    assert clean_answer(number, " 12.5 ") == "12.5"
    assert clean_answer(number, "") == ""
    with pytest.raises(ValidationError) as caught:
        clean_answer(number, "約300戸")
    assert caught.value.field == "answer:7" and "数値" in caught.value.message
    yesno = Question(bank_id=1, id=8, text="断った？", answer_type="yesno")
    assert clean_answer(yesno, " はい ") == "はい"
    for wrong in ("yes", "たぶん"):
        with pytest.raises(ValidationError):
            clean_answer(yesno, wrong)
    choice = Question(bank_id=1, id=9, text="保証", answer_type="choice", choices=("必ず利用", "場合による"))
    assert clean_answer(choice, "場合による") == "場合による"
    with pytest.raises(ValidationError):
        clean_answer(choice, "使わない")


def test_plan_record_raises_stage_timeline_and_notes(session):
    """Plan → record answers: 記録済, 関係 ≥ ヒアリング済, on the timeline, 得意なこと/困りごと noted."""
    organization_id = add_org(session, "あおば不動産", stage="接触済", strengths="駅前に強い")
    person_id, _ = people.save_person(session, Person(name="青葉 太郎", organization_id=organization_id))
    when = dt.datetime(2026, 10, 5, 14, 0)
    visit_id = plan(
        session,
        organization_id,
        when,
        person_ids=(person_id,),
        purpose="入居の実情を伺う",
        souvenirs=("ガイドブック",),
        visitors="山田 花子（建設課）",
    )
    assert visits.get_visit(session, visit_id).status == PLANNED
    assert organizations.get_organization(session, organization_id).stage == "接触済"
    planned = [e for e in timeline.for_organization(session, organization_id) if e.source == "visit"]
    assert planned[0].title == "ヒアリング（予定）: 入居の実情を伺う"

    questions = visits.visit_questions(session, visit_id)
    assert len(questions) == 8
    changes = visits.record_answers(
        session,
        visit_id,
        {questions[0].id: "市内全域", questions[6].id: "家賃滞納と孤独死の不安"},
        memo="支部長も同席",
        strengths="見守り付き物件に前向き",
        troubles="保証人のいない高齢者",
        policy_conveyed=True,
    )
    assert {Topic.VISITS, Topic.ORGANIZATIONS} <= changes.topics
    visit = visits.get_visit(session, visit_id)
    assert (visit.status, visit.policy_conveyed, visit.memo) == (RECORDED, True, "支部長も同席")
    org = organizations.get_organization(session, organization_id)
    assert org.stage == "ヒアリング済"
    assert org.strengths.splitlines() == ["駅前に強い", "見守り付き物件に前向き（令和8年10月5日(月) ヒアリング）"]
    assert org.troubles == "保証人のいない高齢者（令和8年10月5日(月) ヒアリング）"
    changes = history.history(session, organization_id)
    assert {"協議会との関係", "得意なこと", "困りごと"} <= {entry.field for entry in changes}
    entry = next(e for e in timeline.for_organization(session, organization_id) if e.source == "visit")
    assert (entry.kind, entry.title, entry.on, entry.source_id) == (
        "ヒアリング",
        "入居の実情を伺う",
        when.date(),
        visit_id,
    )
    assert "青葉 太郎" in entry.detail and "回答 2 問" in entry.detail

    visits.record_answers(session, visit_id, {questions[0].id: "市内全域"}, strengths="見守り付き物件に前向き")
    assert organizations.get_organization(session, organization_id).strengths.count("見守り付き物件に前向き") == 1


def test_done_without_answers_and_stage_never_lowered(session):
    """A visit done without answers is 実施済; an organisation further along keeps its 関係."""
    organization_id = add_org(session, "みどり社協", category="福祉事業者・団体", stage="構成員候補")
    visit_id = plan(session, organization_id, dt.datetime(2026, 9, 1, 10, 0), "welfare")
    visits.mark_done(session, visit_id)
    assert visits.get_visit(session, visit_id).status == DONE
    visits.record_answers(session, visit_id, {}, memo="記録はあとで")
    assert visits.get_visit(session, visit_id).status == DONE
    assert organizations.get_organization(session, organization_id).stage == "構成員候補"


def test_wrong_answers_are_all_reported_and_nothing_saved(session):
    """Several wrong answers are reported together by field, and none of the answers is saved."""
    bank_id, _ = question_banks.save_bank(session, QuestionBank(name="型つき"))
    q_number, _ = question_banks.add_question(session, Question(bank_id=bank_id, text="戸数", answer_type="number"))
    q_yesno, _ = question_banks.add_question(session, Question(bank_id=bank_id, text="断った？", answer_type="yesno"))
    organization_id = add_org(session, "さくら住宅")
    visit_id, _ = visits.plan_visit(
        session, new_visit(session, organization_id, dt.datetime(2026, 9, 2, 10, 0), bank_id)
    )
    with pytest.raises(ValidationError) as caught:
        visits.record_answers(session, visit_id, {q_number: "たくさん", q_yesno: "微妙", 999: "x"})
    assert set(caught.value.problems) == {f"answer:{q_number}", f"answer:{q_yesno}", "answer:999"}
    assert visits.answers_of(session, visit_id) == {}
    assert visits.get_visit(session, visit_id).status == PLANNED


def test_visit_for_a_new_organisation_and_validation(session):
    """A visit can create its organisation on the spot; unknown お土産 and empty organisation are refused."""
    new_org = organizations.new_organization("居住支援法人", "NPO法人すまいる")
    visit = new_visit(session, 0, dt.datetime(2026, 12, 1, 9, 30))
    visit_id, changes = visits.plan_visit(session, visit, new_organization=new_org)
    assert {Topic.VISITS, Topic.ORGANIZATIONS} <= changes.topics
    org_id = visits.get_visit(session, visit_id).organization_id
    assert organizations.get_organization(session, org_id).name == "NPO法人すまいる"
    with pytest.raises(ValidationError) as caught:
        visits.plan_visit(session, dataclasses.replace(visit, organization_id=org_id, souvenirs=("お菓子",)))
    assert caught.value.field == "souvenirs"
    with pytest.raises(ValidationError) as caught:
        visits.plan_visit(session, visit)
    assert caught.value.field == "organization_id"


def test_followup_wording_and_due_date_can_be_corrected(session):
    """A saved 次の対応 takes a new wording and 期限 (checked like a new one); an unknown one is refused."""
    visit_id = plan(session, add_org(session, "さくら住宅"), dt.datetime(2026, 9, 1, 10, 0))
    followup_id, _ = visits.add_followup(
        session, FollowUp(visit_id=visit_id, action="資料送付", due_on=dt.date(2026, 9, 10))
    )
    changes = followups.edit_followup(
        session, FollowUp(id=followup_id, visit_id=visit_id, action=" 資料を郵送 ", due_on=dt.date(2026, 9, 30))
    )
    assert Topic.FOLLOWUPS in changes.topics
    (saved,) = visits.followups_of(session, visit_id)
    assert (saved.action, saved.due_on, saved.done) == ("資料を郵送", dt.date(2026, 9, 30), False)
    with pytest.raises(ValidationError):
        followups.edit_followup(session, dataclasses.replace(saved, action=""))
    with pytest.raises(UserFacingError):
        followups.edit_followup(session, dataclasses.replace(saved, id=saved.id + 100))
    assert visits.followups_of(session, visit_id) == [saved]


def test_followups_list_filters_and_soft_delete(session):
    """Follow-ups open first by 期限; visits filter by 状態/period/区分; a deleted visit can come back."""
    org_a = add_org(session, "A不動産")
    org_b = add_org(session, "B包括", category="福祉事業者・団体")
    first = plan(session, org_a, dt.datetime(2026, 9, 10, 10, 0))
    second = plan(session, org_b, dt.datetime(2026, 11, 10, 10, 0), "welfare")
    visits.mark_done(session, first)
    later, _ = visits.add_followup(session, FollowUp(visit_id=first, action="資料を送る", due_on=dt.date(2026, 12, 1)))
    sooner, _ = visits.add_followup(session, FollowUp(visit_id=first, action="日程調整", due_on=dt.date(2026, 11, 1)))
    assert [f.id for f in visits.open_followups(session)] == [sooner, later]
    followups.complete_followup(session, sooner)
    assert [f.id for f in visits.open_followups(session)] == [later]
    assert [f.done for f in visits.followups_of(session, first)] == [False, True]
    with pytest.raises(ValidationError):
        visits.add_followup(session, FollowUp(visit_id=first, action=" "))

    def ids(**filters):
        return [v.id for v in visits.list_visits(session, VisitFilter(**filters))]

    assert ids() == [second, first]
    assert ids(status=DONE) == [first]
    assert ids(category="福祉事業者・団体") == [second]
    assert ids(date_from=dt.date(2026, 10, 1)) == [second]
    assert ids(date_to=dt.date(2026, 9, 10)) == [first]
    visits.delete_visit(session, second)
    assert ids() == [first] and [v.id for v in visits.deleted_visits(session)] == [second]
    assert all(e.source != "visit" for e in timeline.for_organization(session, org_b))
    visits.restore_visit(session, second)
    assert ids() == [second, first]


# --- comparison ------------------------------------------------------------------------------


def test_compare_table_rows_columns_and_filters(session):
    """Rows are the visits done (oldest first), columns the bank's questions; 区分 and period filter."""
    bank = bank_named(session, "real_estate")
    org_a = add_org(session, "A不動産")
    org_b = add_org(session, "B大家")
    org_c = add_org(session, "C社協", category="福祉事業者・団体")
    a = plan(session, org_a, dt.datetime(2026, 9, 1, 10, 0))
    b = plan(session, org_b, dt.datetime(2026, 10, 1, 10, 0))
    c = plan(session, org_c, dt.datetime(2026, 10, 15, 10, 0))
    plan(session, org_a, dt.datetime(2026, 12, 20, 10, 0))  # still 予定: not compared
    plan(session, org_c, dt.datetime(2026, 9, 5, 10, 0), "welfare")  # another bank
    q = question_banks.list_questions(session, bank.id)
    visits.record_answers(session, a, {q[0].id: "町全域", q[1].id: "300戸"})
    visits.record_answers(session, b, {q[0].id: "駅前", q[6].id: "保証人"})
    visits.record_answers(session, c, {q[0].id: "北部"})

    table = comparison.compare_table(session, bank.id)
    assert [question.id for question in table.questions] == [x.id for x in q]
    assert [row.visit.id for row in table.rows] == [a, b, c]
    assert table.rows[0].answers[q[1].id] == "300戸"
    visit, answers = table.rows[1]
    assert visit.organization_name == "B大家" and answers[q[6].id] == "保証人"
    assert [r.visit.id for r in comparison.compare_table(session, bank.id, "福祉事業者・団体").rows] == [c]
    window = comparison.compare_table(session, bank.id, date_from=dt.date(2026, 9, 15), date_to=dt.date(2026, 10, 1))
    assert [r.visit.id for r in window.rows] == [b] and "期間" in window.filter_note
    with pytest.raises(ValidationError):
        comparison.compare_table(session, bank.id, date_from=dt.date(2026, 10, 2), date_to=dt.date(2026, 10, 1))

    question_banks.retire_question(session, q[6].id)
    kept = comparison.compare_table(session, bank.id)
    assert q[6].id in [x.id for x in kept.questions]  # retired but answered: still a column
    question_banks.retire_question(session, q[7].id)
    assert q[7].id not in [x.id for x in comparison.compare_table(session, bank.id).questions]


# --- sample ----------------------------------------------------------------------------------


def test_sample_hearing_skips_unknown_and_uses_organisations_found(session):
    """The sample round adds visits only for organisations it finds (by name, else by 種別)."""
    data = sample_hearing_data()
    first, second = data["visits"][0], data["visits"][4]
    add_org(session, first["organization"], kind=first["kind"])
    add_org(session, "別名の包括", category="福祉事業者・団体", kind=second["kind"])
    today = dt.date(2026, 11, 22)
    assert add_sample_hearing(session, today=today) == 2
    rows = visits.list_visits(session)
    assert {r.organization_name for r in rows} == {first["organization"], "別名の包括"}
    assert all(r.status == RECORDED and r.answered_count == r.question_count for r in rows)
    own = data["banks"][0]["name"]
    assert bank_named(session, own).question_count == len(data["banks"][0]["questions"])


def test_sample_hearing_in_the_sample_town(tmp_path):
    """In the sample town every sample visit finds its organisation: ~10 visits, planned and done."""
    from kyojushien_desktop.services.sample import create_sample

    today = dt.date(2026, 11, 22)
    town = create_sample(tmp_path / "sample.db", today=today)
    try:
        names = {org.name for org in organizations.list_organizations(town)}
        wanted = [v["organization"] for v in sample_hearing_data()["visits"]]
        assert set(wanted) <= names, set(wanted) - names
        if not visits.list_visits(town):
            assert add_sample_hearing(town, today=today) == len(wanted)
        rows = visits.list_visits(town)
        statuses = [r.status for r in rows]
        assert len(rows) >= 9 and statuses.count(PLANNED) >= 2 and statuses.count(RECORDED) >= 6
        assert all(r.scheduled_at.date() > today for r in rows if r.status == PLANNED)
        assert visits.open_followups(town)
        welfare = comparison.compare_table(town, bank_named(town, "welfare").id)
        assert len(welfare.rows) >= 3
    finally:
        town.close()


def test_sample_hearing_runs_inside_the_callers_transaction(session):
    """add_sample_hearing inside an open transaction is undone with it (it uses a savepoint)."""
    data = sample_hearing_data()
    add_org(session, data["visits"][0]["organization"], kind=data["visits"][0]["kind"])

    class Abort(Exception):
        pass

    with pytest.raises(Abort), session.database.atomic():
        assert add_sample_hearing(session, today=dt.date(2026, 11, 22)) == 1
        raise Abort
    assert visits.list_visits(session) == []
    assert sqlite3.connect(session.path).execute("SELECT count(*) FROM visits").fetchone()[0] == 0


def test_visit_record_saves_answers_and_followups_together_or_not_at_all(session):
    """The answer-entry save is one transaction: a bad follow-up leaves the answers unsaved too."""
    organization_id = add_org(session, "みどり不動産")
    visit_id = plan(session, organization_id, dt.datetime(2026, 9, 1, 10, 0))
    first = visits.visit_questions(session, visit_id)[0]
    bad = [FollowUp(visit_id=visit_id, action="")]
    with pytest.raises(UserFacingError):
        visits.save_visit_record(
            session, visit_id, {first.id: "町内全域"}, bad, memo="", strengths="", troubles="", policy_conveyed=True
        )
    assert visits.answers_of(session, visit_id).get(first.id, "") == ""
    assert visits.get_visit(session, visit_id).status == "予定"
    good = [FollowUp(visit_id=visit_id, action="福祉部局のサービス一覧を送る", due_on=dt.date(2026, 9, 15))]
    changes = visits.save_visit_record(
        session, visit_id, {first.id: "町内全域"}, good, memo="", strengths="", troubles="", policy_conveyed=True
    )
    assert {Topic.VISITS, Topic.ORGANIZATIONS} <= changes.topics
    assert visits.answers_of(session, visit_id)[first.id] == "町内全域"
    assert [f.action for f in visits.followups_of(session, visit_id)] == ["福祉部局のサービス一覧を送る"]
