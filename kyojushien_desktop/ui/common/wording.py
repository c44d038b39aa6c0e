"""Words every area uses, in one place so they stay consistent. Each area adds its own in
``ui/<area>/wording.py``, which speaks these too; a Japanese word written twice across ``ui/`` is
caught by ``tests/ui/test_wording.py``."""

# --- buttons ---------------------------------------------------------------------------------
CANCEL = "キャンセル"
SAVE = "保存"
DISCARD = "破棄"
CLOSE = "閉じる"
ADD = "追加…"
ADD_NOW = "追加"
OPEN = "開く"
MARK_DONE = "済にする"
PDF_SAVE_TO = "PDFの保存先"
PDF_MADE = "PDFを作りました"
EDIT = "編集…"
DELETE = "削除"
DELETE_ASK = "削除…"
DELETE_CONFIRMED = "削除する"
RESTORE = "元に戻す"
COULD_NOT_UNDO = "元に戻せませんでした"
CLEAR_FILTERS = "条件をクリア"
MOVE_UP = "↑ 上へ"
MOVE_DOWN = "↓ 下へ"
OPEN_FOLDER = "フォルダを開く"
OPEN_PDF = "PDFを開く"
OPEN_FILE = "ファイルを開く"
RESTORE_FROM_BACKUP = "バックアップから復元(&B)…"

# --- messages --------------------------------------------------------------------------------
PROBLEM = "問題が起きました"
COULD_NOT_OPEN = "ファイルを開けません"
COULD_NOT_SAVE = "保存できませんでした"
COULD_NOT_WRITE = "書き出せませんでした"
WRITTEN = "書き出しました"
EXCEL_FILE = "Excelファイル"
WRITE_TO = "書き出し先"
UNSAVED_TITLE = "保存していない入力"
UNSAVED = "まだ保存していない変更があります。"
READ_ONLY_BADGE = "読み取り専用"
READ_ONLY_CANNOT_EDIT = "読み取り専用で開いているため、変更できません。"
REQUIRED = "（必須）"
BLANK = "（空欄）"
ALL = "すべて"

# --- labels and column headings more than one area shows ------------------------------------
WHEN = "日時"
DATE = "日付"
KIND = "種類"
CONTENT = "内容"
PERIOD = "期間"
STATUS = "状態"
ORGANIZATION = "団体・機関"
CATEGORY = "区分"
PERSON = "担当者"
STAGE_SHORT = "関係"
DELETED = "削除済み"
PLACE = "場所"
THEM = "先方"
GUIDE_MARK = "手引きより"
QUESTION = "質問"
ITEM = "項目"
RECORD = "記録"
MEMO = "メモ"
NAME_EXAMPLE = "例: 佐藤 一郎"
DEPARTMENT_EXAMPLE = "例: 建設課 住宅係"
FULL_NAME = "氏名"
INSIDE = "庁内"
OUTSIDE = "庁外"
INTERNAL_SHORT = "庁内/庁外"
NEXT_ACTION = "次の対応"
DUE = "期限"
OVERDUE = "期限切れ"
FOLLOWUP_EXAMPLE = "例: 意見交換会の案内を送る"

# --- dates: the format of a date field, and the widest date a column must fit ---------------
DATE_FIELD_FORMAT = "yyyy年M月d日"
WIDEST_DATE = "令和10年12月31日"


def count_text(total: int, shown: int, filtering: bool) -> str:
    """A list's count: 全12件, or 12件中 3件 while a filter narrows it."""
    return f"{total}件中 {shown}件" if filtering else f"全{total}件"


# --- the shell: navigation, ホーム and 設定 ----------------------------------------------------
NAV_HOME = "ホーム"
NAV_MEMBERS = "名簿"
NAV_HEARING = "ヒアリング"
NAV_MEETINGS = "会議・勉強会"
NAV_SETTINGS = "設定"
PLAN_HEARING = "ヒアリングを予定する"
SAMPLE_BANNER = (
    "これは見本の町「みどり町」のデータです。自由に触って試してください。"
    "自分の町のデータを始めるときは、ファイル > 新規作成 を選びます。"
)
HANDOVER_HINT = (
    "引き継ぎのときは、アプリを閉じてから、このデータファイルをUSBメモリなどにコピーして後任の方に渡してください。"
)
FIELD_MUNICIPALITY = "自治体名"
FIELD_DEPARTMENT = "担当課"
FIELD_STAFF = "担当者名"
FIELD_ROTATION = "次の人事異動予定日"
FIELD_FONT_SIZE = "文字の大きさ"
DB_FILE_FILTER = "居住支援デスクのデータファイル (*.db);;すべてのファイル (*)"
EXPORT_XLSX_FILTER = "Excelファイル (*.xlsx)"
EXPORT_PDF_FILTER = "PDFファイル (*.pdf)"
EXPORT_DOCX_FILTER = "Wordファイル (*.docx)"
OPEN_SAMPLE = "見本の町を開く"  # the same words on ホーム, the first-start dialog and the ファイル menu
