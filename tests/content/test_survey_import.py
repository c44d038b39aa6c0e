"""The アンケート import's words (resources/survey_import.json) read as meant: a 回答票番号 header
never names a preset question, and 問1 / Q1 find the first question."""

from kyojushien_desktop.content.survey_import import survey_import_rules
from kyojushien_desktop.services.meetings import survey
from kyojushien_desktop.services.meetings.survey_import import match_header


def test_number_headers_name_no_question_and_prefixes_find_one():
    rules = survey_import_rules()
    presets = survey.presets(0)
    assert "回答票番号" in rules.number_headers and "合計" in rules.summary_words
    assert [h for h in rules.number_headers if match_header(h, presets) is not None] == []
    assert {match_header(f"{prefix}1", presets) for prefix in rules.question_prefixes} == {0}
