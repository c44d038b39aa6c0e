"""The import rules in resources/member_import.json name only the guide's 区分 and read as meant."""

from kyojushien_desktop.content.member_import import import_rules
from kyojushien_desktop.services.members import importing_rules as rules
from kyojushien_desktop.services.members import terms


def test_rules_name_the_guides_categories():
    """Every lenient rule maps to one of the guide's 区分, with words of its own."""
    categories = set(terms.categories())
    loaded = import_rules()
    assert loaded.category_rules and all(rule.category in categories and rule.words for rule in loaded.category_rules)
    assert {"計", "合計", "以上"} <= set(loaded.footer_words) and "庁内" in loaded.internal_marks


def test_total_rows_are_told_from_names():
    """Totals with a count are recognised; a name that merely contains 計 or 以上 is not a total."""
    assert all(rules.is_footer(text) for text in ("計", "合計 42件", "小計:3団体", "以上", "以下余白", "Total"))
    assert not any(rules.is_footer(text) for text in ("計画相談センター", "以上野会", "会計事務所", "42"))
