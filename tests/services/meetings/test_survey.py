"""参加者アンケート: the paper forms typed in as people write them, and the results the 開催レポート
shows (n, 回収率 against attendance, the distribution, the free answers)."""

import dataclasses

import pytest

from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.domain.meetings import ABSENT, ATTENDED, INVITED, PROXY
from kyojushien_desktop.services.common.changes import Topic
from kyojushien_desktop.services.meetings import meetings, participants, survey
from tests.services.meetings.builders import add_org, by_key, mark, plan, snapshot


def questions(session, meeting_id):
    return by_key(survey.questions_of(session, meeting_id))


def test_answers_are_read_as_typed_from_paper(session):
    """全角 digits, labels (全角 too), the choice's number and free text are stored as the choice
    or the text; a blank is 未回答 and not stored."""
    meeting_id = plan(session)
    q = questions(session, meeting_id)
    changes = survey.save_response(
        session,
        meeting_id,
        1,
        {
            q["satisfaction"].id: "１",
            q["understanding"].id: "深まった",
            q["connection"].id: 2,
            q["affiliation"].id: " 居住支援法人 ",
            q["impression"].id: " 大家さんの不安がわかった ",
            q["next_theme"].id: "",
            q["comment"].id: None,
        },
    )
    assert changes.topics == {Topic.SURVEY}
    (form,) = survey.responses_of(session, meeting_id)
    assert form.number == 1 and form.answers == {
        q["satisfaction"].id: "とても満足",
        q["understanding"].id: "深まった",
        q["connection"].id: "いない",
        q["affiliation"].id: "居住支援法人",
        q["impression"].id: "大家さんの不安がわかった",
    }
    survey.save_response(session, meeting_id, 2, {q["satisfaction"].id: "５", q["connection"].id: "いる"})
    survey.save_response(session, meeting_id, 3, {q["satisfaction"].id: 3.0})  # a number cell of a spreadsheet
    answers = [r.answers[q["satisfaction"].id] for r in survey.responses_of(session, meeting_id)]
    assert answers == ["とても満足", "不満", "ふつう"]
    assert survey.next_number(session, meeting_id) == 4


def test_wrong_answers_name_the_question_and_nothing_is_saved(session, db_path):
    """6 on a five-point scale, 0, and a word that is no choice are each refused naming the
    question by its number and label; the form is not saved, nor is an all-blank one."""
    meeting_id = plan(session)
    q = questions(session, meeting_id)
    before = snapshot(db_path)
    with pytest.raises(ValidationError) as caught:
        survey.save_response(
            session,
            meeting_id,
            1,
            {
                q["satisfaction"].id: "６",
                q["understanding"].id: "0",
                q["connection"].id: "たぶん",
                q["impression"].id: "良かった",
            },
        )
    problems = caught.value.problems
    assert set(problems) == {f"answer.{q[k].id}" for k in ("satisfaction", "understanding", "connection")}
    assert problems[f"answer.{q['satisfaction'].id}"] == "1問目（満足度）: 「6」は1〜5で入力してください。"
    assert problems[f"answer.{q['understanding'].id}"] == "2問目（理解度）: 「0」は1〜5で入力してください。"
    assert (
        problems[f"answer.{q['connection'].id}"]
        == "3問目（新しいつながり）: 「たぶん」は選択肢（いる・いない）にありません。"
    )
    assert caught.value.field == f"answer.{q['satisfaction'].id}"
    with pytest.raises(ValidationError, match="回答がひとつも入力されていません"):
        survey.save_response(session, meeting_id, 1, {q["satisfaction"].id: " ", q["comment"].id: ""})
    assert snapshot(db_path) == before and survey.responses_of(session, meeting_id) == []


def test_a_form_is_corrected_by_its_number_and_can_be_removed(session):
    """Typing form 2 again replaces its answers (a blank now clears one); removing it lowers n."""
    meeting_id = plan(session)
    q = questions(session, meeting_id)
    for number in (1, 2, 3):
        survey.save_response(
            session, meeting_id, number, {q["satisfaction"].id: "2", q["impression"].id: f"感想{number}"}
        )
    survey.save_response(session, meeting_id, 2, {q["satisfaction"].id: "1"})
    forms = {r.number: r.answers for r in survey.responses_of(session, meeting_id)}
    assert forms[2] == {q["satisfaction"].id: "とても満足"}
    survey.delete_response(session, meeting_id, 3)
    assert [r.number for r in survey.responses_of(session, meeting_id)] == [1, 2]


def _held_with(session, attending: int, absent: int) -> int:
    meeting_id = plan(session, kind="グループワーク")
    meetings.set_status(session, meeting_id, INVITED)
    orgs = [add_org(session, f"団体{n}") for n in range(attending + absent)]
    participants.invite(session, meeting_id, [(o, None) for o in orgs])
    for n, organization_id in enumerate(orgs):
        mark(
            session, meeting_id, organization_id, attendance=ABSENT if n >= attending else PROXY if n == 0 else ATTENDED
        )
    return meeting_id


def test_results_count_n_rate_against_attendance_distribution_and_free_answers(session):
    """8 attending (a proxy among them), 2 absent, 6 forms: n 6, 回収率 75%; each scale's counts
    in its choices' order with their shares; the free answers in the order of the forms."""
    meeting_id = _held_with(session, attending=8, absent=2)
    q = questions(session, meeting_id)
    forms = [
        ("1", "いる", "連絡先がわかった"),
        ("1", "いる", ""),
        ("2", "いない", "付箋がよかった"),
        ("2", "", ""),
        ("3", "いる", ""),
        ("", "いる", "次も来たい"),
    ]
    for number, (satisfaction, connection, impression) in enumerate(forms, start=1):
        survey.save_response(
            session,
            meeting_id,
            number,
            {q["satisfaction"].id: satisfaction, q["connection"].id: connection, q["impression"].id: impression},
        )
    results = survey.results(session, meeting_id)
    assert (results.respondents, results.attending, results.response_rate, results.rate_text) == (6, 8, 0.75, "75%")
    by_question = {r.question.key: r for r in results.questions}
    satisfaction = by_question["satisfaction"]
    assert satisfaction.answered == 5
    assert satisfaction.counts == (("とても満足", 2), ("満足", 2), ("ふつう", 1), ("やや不満", 0), ("不満", 0))
    assert satisfaction.share("とても満足") == pytest.approx(0.4)
    assert by_question["connection"].counts == (("いる", 4), ("いない", 1)) and by_question["connection"].answered == 5
    assert by_question["impression"].texts == ("連絡先がわかった", "付箋がよかった", "次も来たい")
    assert by_question["comment"].answered == 0 and by_question["comment"].texts == ()
    assert by_question["understanding"].share("深まった") == 0.0


def test_rate_before_anyone_attended_is_a_dash(session):
    """With nobody marked as attending, 回収率 is not a number (the screen shows —)."""
    meeting_id = plan(session)
    q = questions(session, meeting_id)
    survey.save_response(session, meeting_id, 1, {q["satisfaction"].id: "1"})
    results = survey.results(session, meeting_id)
    assert results.response_rate is None and results.rate_text == "—" and results.respondents == 1


def test_question_set_edited_checked_and_a_removed_question_loses_its_answers(session, db_path):
    """A scale needs five labels and a choice two; a bad set saves nothing. A question taken out
    takes its answers with it; the others keep theirs."""
    meeting_id = plan(session)
    listed = survey.questions_of(session, meeting_id)
    q = by_key(listed)
    survey.save_response(session, meeting_id, 1, {q["satisfaction"].id: "1", q["comment"].id: "よかった"})
    before = snapshot(db_path)
    broken = [
        dataclasses.replace(listed[0], choices=("良い", "悪い")),
        dataclasses.replace(listed[2], choices=("いる",)),
    ]
    with pytest.raises(ValidationError) as caught:
        survey.set_questions(session, meeting_id, broken + [dataclasses.replace(listed[3], text=" ")])
    assert set(caught.value.problems) == {"question.1", "question.2", "question.3"}
    assert "5つ" in caught.value.problems["question.1"]
    assert snapshot(db_path) == before
    kept = [x for x in listed if x.key != "comment"]
    assert survey.set_questions(session, meeting_id, kept).topics == {Topic.SURVEY}
    assert [x.key for x in survey.questions_of(session, meeting_id)] == [x.key for x in kept]
    (form,) = survey.responses_of(session, meeting_id)
    assert form.answers == {q["satisfaction"].id: "とても満足"}
