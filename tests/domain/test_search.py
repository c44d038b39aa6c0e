"""What a typed search means: words, the trade's abbreviations, phone numbers, one rule for all."""

from kyojushien_desktop.domain.kana import search_key
from kyojushien_desktop.domain.search import SearchQuery, Synonyms

SYNONYMS = (
    Synonyms.of(["社協", "しゃきょう"], ["社会福祉協議会"]),
    Synonyms.of(["包括"], ["地域包括支援センター"]),
    Synonyms.of(["NPO法人", "NPO"], ["特定非営利活動法人"]),
)


def keys(text: str) -> list[tuple[str, ...]]:
    return [term.keys for term in SearchQuery.parse(text, SYNONYMS).terms]


def test_every_word_must_match_somewhere():
    """Words separated by spaces (half- or full-width) each match anywhere in the record."""
    query = SearchQuery.parse("みどり　フドウサン")
    assert query.matches(search_key("株式会社みどり不動産 みどりふどうさん"))
    assert not query.matches(search_key("さくら不動産 さくらふどうさん"))
    assert not SearchQuery.parse("   ") and not SearchQuery().matches("なんでも")


def test_abbreviation_expands_both_ways():
    """社協 also looks for 社会福祉協議会, and 社会福祉協議会 for 社協 (and its reading)."""
    assert keys("みどり社協") == [("みどり社協", "みどり社会福祉協議会")]
    (variants,) = keys("社会福祉協議会")
    assert variants[0] == "社会福祉協議会" and set(variants[1:]) == {"社協", "しゃきょう"}
    assert SearchQuery.parse("社協", SYNONYMS).matches(search_key("社会福祉法人みどり町社会福祉協議会"))


def test_full_form_holding_the_short_form_is_not_expanded_twice():
    """包括 inside 地域包括支援センター turns the full name into 包括, never into a doubled name."""
    assert keys("地域包括支援センター") == [(search_key("地域包括支援センター"), "包括")]
    assert keys("ＮＰＯ法人") == [("npo法人", "特定非営利活動法人")]


def test_phone_number_stays_one_number_however_typed():
    """0123 45 6789, (0123)45-6789 and ４５６７ match the phone or FAX digits."""
    for typed in ("0123 45 6789", "(0123)45-6789", "０１２３－４５－６７８９"):
        query = SearchQuery.parse(typed)
        assert len(query.terms) == 1 and query.matches("", "0123456789 0123456780"), typed
    assert SearchQuery.parse("４５６７").matches("", "0123456789")
    assert not SearchQuery.parse("第2回").terms[0].digits


def test_matching_over_columns_agrees_with_matches():
    """The column scan returns, in order, exactly the records ``matches`` accepts."""
    texts = [search_key(t) for t in ("みどり社協", "さくら荘", "みどり町社会福祉協議会", "みどり不動産")]
    digits = ["0123456789", "", "", "0999"]
    for typed in ("みどり 社協", "社会福祉協議会", "み", "0999", "さくら みどり", "0123 45"):
        query = SearchQuery.parse(typed, SYNONYMS)
        expected = [i for i, (t, d) in enumerate(zip(texts, digits, strict=True)) if query.matches(t, d)]
        assert query.matching(texts, digits) == expected, typed
    assert SearchQuery.parse("みどり 社協", SYNONYMS).matching(texts, digits) == [0, 2]
