from kyojushien_desktop.domain.kana import digits_only, search_key


def test_kana_width_and_case_fold_together():
    """ひらがな/カタカナ, half-width kana, full-width letters and case compare equal."""
    assert search_key("ﾐﾄﾞﾘ不動産") == search_key("みどり不動産") == search_key("ミドリ不動産")
    assert search_key("ＡＢＣ　ハウス") == search_key("abcはうす")


def test_phone_digits():
    """Phone numbers are searched by digits only, whatever was typed."""
    assert digits_only("０１２３-45-６７８９") == "0123456789"
    assert digits_only(None) == ""
