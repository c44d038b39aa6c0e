"""Rounds and respondents: cleaned and refused in Japanese with nothing written; ratings as typed
(digits, 全角, the scale's labels, blank or 0 = 未回答); the same people for the next round; the
meeting that follows; a file opened read-only."""

import datetime as dt

import pytest

from kyojushien_desktop.domain.diagnosis import Respondent, Round
from kyojushien_desktop.domain.errors import ReadOnlyError, UserFacingError, ValidationError
from kyojushien_desktop.domain.meetings import Meeting
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.diagnosis import rounds
from kyojushien_desktop.services.meetings import meetings
from tests import damage
from tests.japanese import assert_japanese
from tests.services.diagnosis.conftest import add_round, answer
from tests.services.meetings.builders import snapshot


def test_a_round_is_saved_cleaned_and_listed_newest_first(session):
    first = add_round(session, "  令和8年度　 第1回 ", dt.date(2026, 5, 12))
    second = add_round(session, "令和8年度 第2回", dt.date(2026, 11, 10))
    assert rounds.get_round(session, first).name == "令和8年度 第1回"
    answer(session, second, "森 亜希子", scores={"1-1": 4})
    answer(session, second, "上田 翼")
    listed = rounds.list_rounds(session)
    assert [(r.id, r.respondents, r.answered) for r in listed] == [(second, 2, 1), (first, 0, 0)]


@pytest.mark.parametrize(
    ("item", "field", "words"),
    [
        (Round(name=" 　", held_on=dt.date(2026, 5, 1)), "name", "実施回の名前を入力してください"),
        (Round(name="回" * 61, held_on=dt.date(2026, 5, 1)), "name", "60文字以内"),
        (Round(name="第1回", held_on=None), "held_on", "実施日を入力してください"),  # type: ignore[arg-type]
    ],
)
def test_a_bad_round_is_refused_and_nothing_is_written(session, db_path, item, field, words):
    before = snapshot(db_path)
    with pytest.raises(ValidationError) as caught:
        rounds.save_round(session, item)
    assert words in caught.value.message
    assert_japanese(str(caught.value))
    assert snapshot(db_path) == before


def test_an_unknown_round_is_named_with_a_hint(session):
    with pytest.raises(UserFacingError) as caught:
        rounds.get_round(session, 99)
    assert "番号 99 の実施回は見つかりません" in caught.value.message
    assert "kyojushien diagnosis rounds" in caught.value.hint


@pytest.mark.parametrize(
    ("person", "words"),
    [
        (Respondent(0, "　 "), "氏名を入力してください"),
        (Respondent(0, "森 亜希子"), "「森 亜希子」さんがすでにいます"),
        (Respondent(0, "森　亜希子"), "「森 亜希子」さんがすでにいます"),  # 全角 space folded first
        (Respondent(0, "上田 翼", scores={"9-9": 3}), "診断シートにない項目があります: 9-9"),
        (Respondent(0, "上田 翼", scores={"1-1": 4, "2-1": 6}), "2-1の評価「6」は1〜5で入力してください"),
    ],
)
def test_a_bad_respondent_is_refused_and_nothing_is_written(session, db_path, person, words):
    round_id = add_round(session)
    answer(session, round_id, "森 亜希子", scores={"1-1": 5})
    before = snapshot(db_path)
    with pytest.raises(ValidationError) as caught:
        rounds.save_respondent(session, Respondent(**{**person.__dict__, "round_id": round_id}))
    assert words in caught.value.message
    assert_japanese(str(caught.value))
    assert snapshot(db_path) == before


def test_the_same_name_may_answer_in_another_round_and_a_respondent_may_keep_its_name(session):
    first, second = add_round(session), add_round(session, "令和8年度 第2回")
    kept = answer(session, first, "森 亜希子", scores={"1-1": 3})
    answer(session, second, "森 亜希子", scores={"1-1": 4})
    person = rounds.respondents_of(session, first)[0]
    rounds.save_respondent(session, Respondent(**{**person.__dict__, "scores": {"1-1": 5}, "title": "主査"}))
    (again,) = rounds.respondents_of(session, first)
    assert (again.id, again.title, again.scores) == (kept, "主査", {"1-1": 5})


def test_a_respondent_in_an_unknown_round_is_refused(session, db_path):
    before = snapshot(db_path)
    with pytest.raises(UserFacingError, match="番号 42 の実施回は見つかりません"):
        rounds.save_respondent(session, Respondent(42, "森 亜希子"))
    assert snapshot(db_path) == before


def test_typed_ratings_read_digits_full_width_labels_and_blanks():
    typed = {"1-1": "１", "1-2": "５", "1-3": "出来ている", "1-4": " やや出来ている ", "1-5": "", "1-6": None, "2-1": 3}
    assert rounds.typed_scores(typed) == {"1-1": 1, "1-2": 5, "1-3": 5, "1-4": 4, "2-1": 3}


@pytest.mark.parametrize("zero", ["0", "０", 0, " 0 "])
def test_zero_is_unanswered_as_on_paper_and_screen(zero):
    """The issue: 0 (or Delete) clears an item on screen, and a 0 written on paper means 未回答."""
    assert rounds.typed_scores({"1-1": zero, "1-2": "2"}) == {"1-2": 2}


def test_typed_ratings_that_do_not_fit_are_all_named_by_item():
    with pytest.raises(ValidationError) as caught:
        rounds.typed_scores({"1-1": "6", "1-2": "4", "2-3": "たぶん", "3-1": "-1"})
    message = caught.value.message
    assert "1-1: 「6」は1〜5で入力してください" in message
    assert "2-3: 「たぶん」は1〜5の数字か、選択肢の言葉（出来ている・" in message
    assert "3-1:" in message and "1-2" not in message
    assert_japanese(message)


def test_the_scale_labels_come_from_the_sheet():
    assert rounds.scale_labels() == {
        "出来ている": 5,
        "やや出来ている": 4,
        "どちらとも言えない": 3,
        "あまり出来ていない": 2,
        "出来ていない": 1,
    }


def test_copy_respondents_brings_the_people_without_their_ratings(session):
    first, second = add_round(session), add_round(session, "令和8年度 第2回", dt.date(2026, 11, 10))
    answer(session, first, "森 亜希子", "住宅", {"1-1": 4}, division="企画課", title="主査", free_answer="意見")
    answer(session, first, "石井 健一", "福祉", {"2-1": 5}, title="係長")
    answer(session, second, "石井 健一", "福祉", {"2-1": 4})
    rounds.copy_respondents(session, first, second)
    rounds.copy_respondents(session, first, second)  # twice: nobody doubled
    people = rounds.respondents_of(session, second)
    assert [(p.name, p.bureau, p.division, p.title, p.scores, p.free_answer) for p in people] == [
        ("石井 健一", "福祉", "", "", {"2-1": 4}, ""),
        ("森 亜希子", "住宅", "企画課", "主査", {}, ""),
    ]
    assert [p.scores for p in rounds.respondents_of(session, first)] == [{"1-1": 4}, {"2-1": 5}]


def test_copy_respondents_from_or_to_an_unknown_round_says_so(session, db_path):
    """Found here: the copy went on silently from a missing round and failed with the generic
    整合性 message into one; both rounds are now checked first."""
    first = add_round(session)
    answer(session, first, "森 亜希子")
    before = snapshot(db_path)
    for source, target in ((first, 99), (99, first)):
        with pytest.raises(UserFacingError, match="番号 99 の実施回は見つかりません"):
            rounds.copy_respondents(session, source, target)
    assert snapshot(db_path) == before


def test_remove_respondent_takes_its_ratings(session):
    round_id = add_round(session)
    gone = answer(session, round_id, "森 亜希子", scores={"1-1": 4, "1-2": 2})
    answer(session, round_id, "上田 翼", scores={"1-1": 3})
    rounds.remove_respondent(session, gone)
    assert [(p.name, p.scores) for p in rounds.respondents_of(session, round_id)] == [("上田 翼", {"1-1": 3})]
    assert rounds.comparison(session, round_id)[0].scores == (3,)


def test_link_meeting_records_the_exchange_that_follows(session, db_path):
    round_id = add_round(session)
    meeting_id, _ = meetings.save_meeting(
        session, Meeting(kind="意見交換会", title="目線合わせの意見交換", starts_at=dt.datetime(2026, 6, 3, 14))
    )
    rounds.link_meeting(session, round_id, meeting_id)
    assert rounds.get_round(session, round_id).meeting_id == meeting_id
    before = snapshot(db_path)
    with pytest.raises(UserFacingError, match="会議が見つかりません"):  # found here: was the generic 整合性 message
        rounds.link_meeting(session, round_id, 999)
    with pytest.raises(UserFacingError, match="番号 77 の実施回は見つかりません"):
        rounds.link_meeting(session, 77, meeting_id)
    assert snapshot(db_path) == before


def test_a_file_opened_read_only_refuses_every_save_in_japanese(db_path):
    writer = datafile.open_session(db_path)
    round_id = add_round(writer)
    respondent = answer(writer, round_id, "森 亜希子", scores={"1-1": 4})
    other = add_round(writer, "令和8年度 第2回")
    writer.close()
    before = damage.digest(db_path)
    session = datafile.open_session(db_path, read_only=True)
    try:
        assert session.read_only
        writes = {
            "実施回": lambda: rounds.save_round(session, rounds.new_round("第3回")),
            "回答": lambda: rounds.save_respondent(session, Respondent(round_id, "上田 翼", scores={"1-1": 2})),
            "削除": lambda: rounds.remove_respondent(session, respondent),
            "引き継ぎ": lambda: rounds.copy_respondents(session, round_id, other),
        }
        for what, write in writes.items():
            with pytest.raises(ReadOnlyError) as caught:
                write()
            assert "読み取り専用で開いているため、変更を保存できません" in caught.value.message, what
            assert_japanese(str(caught.value), db_path)
        assert rounds.comparison(session, round_id)[0].scores == (4,)
    finally:
        session.close()
    assert damage.digest(db_path) == before
