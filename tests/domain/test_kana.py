from kyojushien_desktop.domain.kana import digits_only, gojuon_key, search_key


def test_kana_width_and_case_fold_together():
    """ひらがな/カタカナ, half-width kana, full-width letters and case compare equal."""
    assert search_key("ﾐﾄﾞﾘ不動産") == search_key("みどり不動産") == search_key("ミドリ不動産")
    assert search_key("ＡＢＣ　ハウス") == search_key("abcはうす")


def test_phone_digits():
    """Phone numbers are searched by digits only, whatever was typed."""
    assert digits_only("０１２３-45-６７８９") == "0123456789"
    assert digits_only(None) == ""


def test_gojuon_key_orders_words_without_a_reading():
    """英数字, then かな in 五十音 order (カタカナ with ひらがな, 濁点 after the plain sound), then 漢字
    by their JIS order, which follows the usual 音読み."""
    words = ["防災", "見守り", "シェルター", "DV", "がっこう", "かみ", "ひとり親", "協力店", "大家", "高齢者", "24時間"]
    assert sorted(words, key=gojuon_key) == [
        "24時間",
        "DV",
        "がっこう",
        "かみ",
        "シェルター",
        "ひとり親",
        "協力店",
        "見守り",
        "高齢者",
        "大家",
        "防災",
    ]
    assert gojuon_key("ｼｪﾙﾀｰ") == gojuon_key("しぇるたー")
