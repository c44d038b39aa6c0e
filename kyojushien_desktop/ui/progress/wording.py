"""The フェーズ進捗 area's words, with the common ones (``ui/common/wording``) under the same name."""

from kyojushien_desktop.ui.common.wording import *  # noqa: F403 - an area speaks the common words too

# --- the page ------------------------------------------------------------------------------
PHASES_TAB = "フェーズと到達の目安"
TIMELINE_TAB = "年度の計画と経過"
MILESTONE = "到達の目安"
STATUS_AND_DAY = "状態・日付・目標"
TARGET = "目標の月"
ACHIEVED_OF = "達成"
CHOOSE_HINT = "左の一覧から到達の目安を選ぶと、状態・メモ・根拠をここで記録できます。"

# --- a phase ---------------------------------------------------------------------------------
AIM = "ねらい"
EXAMPLES = "取組み例（手引きより）"
NEXT_STEPS = "次の一歩の候補（手引きの取組み例）"
TARGET_HINT = "例: 2027-03"
TARGET_TIP = "2027-03 や 2027年3月 の形で。空欄にして保存すると取り消します。"
SAVE_TARGET = "目標を保存"

# --- a 目安 ----------------------------------------------------------------------------------
STATUS_NOTE_HINT = "例: 庁内勉強会で課題を共有できた"
RECORD_STATUS = "状態を記録"
HISTORY = "状態の履歴（新しい順）"
NO_HISTORY = "まだ記録がありません。"
LEARNED = "わかったことは何か"
SHARED = "関係者と共有できたことは何か"
SAVE_NOTES = "メモを保存"
LINKED = "根拠にした記録・資料"
NO_LINKED = "まだ根拠がありません。"
UNLINK = "根拠から外す"
SUGGESTED = "記録からの候補（アプリの提案です。決めるのは担当者です）"
NO_SUGGESTED = "いまの記録からの候補はありません。"
USE_AS_EVIDENCE = "根拠にする"
SHOW_ALL = "候補をすべて表示"
ADD_DOCUMENT = "資料を追加…"
DONE_NOTE = "この目安は達成しています。"

# --- 資料を追加 ------------------------------------------------------------------------------
DOCUMENT_TITLE = "資料を根拠に追加"
DOCUMENT_LEAD = "アプリの外にある資料（調査結果、会議資料、庁内の決裁など）を、名前と保管場所で根拠にします。"
DOCUMENT_NAME = "資料の名前"
DOCUMENT_PLACE = "保管場所"
DOCUMENT_NAME_HINT = "例: 令和8年度 住宅確保要配慮者の実態調査"
DOCUMENT_PLACE_HINT = "例: 共有フォルダ\\住宅係\\居住支援"
ADD_IT = "追加する"

# --- kinds of evidence -----------------------------------------------------------------------
KIND_VISIT = NAV_HEARING  # noqa: F405
KIND_MEETING = MEETING  # noqa: F405
KIND_CONTACT = TIMELINE  # noqa: F405
KIND_ORGANIZATION = NAV_MEMBERS  # noqa: F405
KIND_DOCUMENT = "資料"

# --- the timeline placeholder -----------------------------------------------------------------
NO_HISTORY_YET = "取組みの経過はまだありません。到達の目安の状態を記録すると、ここに並びます。"
