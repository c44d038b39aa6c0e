"""The 引き継ぎ area's words, with the common ones (``ui/common/wording``) under the same name."""

from kyojushien_desktop.ui.common.wording import *  # noqa: F403 - an area speaks the common words too

# --- the page ------------------------------------------------------------------------------
OUTGOING_TAB = "引き継ぐ"
WELCOME_TAB = "はじめての方へ"
GUIDE_HEADING = "引き継ぎの手順"
GUIDE_STEPS = (
    "① 引継ぎ事項を書く（下の3つの欄。書いたら「保存」）",
    "② 引継書を確かめる（PDFかWordで保存して、中身を読み直す）",
    "③ 引き継ぎファイルを作る（名簿などのデータと引継書が1つのファイルに入ります）",
    "④ 合言葉は別に伝える（ファイルとは別に、手渡しや電話で）",
)
NOTES_HEADING = "引継ぎ事項"
INSERT_TEMPLATE = "ひな形を入れる"
INSERT_TEMPLATE_TIP = "欄が空のときに使えます（書いた内容は消しません）"
NOTES_SAVED = "引継ぎ事項は保存されています。"
REPORT_PDF = "引継書をPDFで保存…"
REPORT_DOCX = "引継書をWordで保存…"
REPORT_NAME = "引継書"
REPORT_MAKING = "引継書を作っています"
REPORT_MADE = "引継書を保存しました"

# --- はじめての方へ ---------------------------------------------------------------------------
NOTHING_RECEIVED = (
    "ここには、前の担当者から受け取った引き継ぎの内容（だれから・いつ引き継いだか、引継書、引継ぎ事項）が表示されます。\n\n"
    "前の担当者から「.kyoju」ファイルと合言葉を受け取ったら、ファイル > 引き継ぎファイルを開く… で開いてください。"
    "はじめて使うPCでは、最初の画面の「受け取った引き継ぎファイルを開く」からも開けます。"
)
OPEN_REPORT = "引継書を開く"
SHOW_HOME = "ホームの現在地を見る"
RECEIVED_NOTES = "前の担当者からの引継ぎ事項"
NO_NOTE = "（書かれていません）"
HISTORY_HEADING = "引継ぎ履歴"
SENDER = "前任者"
RECEIVED_AT = "受け取った日時"
RECEIVED_ON = "受け取ったPC"
PACKAGE_FILE = "ファイル名"
NO_REPORT = "この引継ぎには引継書が含まれていません"
REPORT_SAVED = "引継書をデータファイルと同じフォルダに保存しました。"
UNKNOWN_SENDER = "前の担当者"
FIRST_CHECKS = "まず確認すること"
UPCOMING_VISITS = "これからのヒアリング"
NEXT_MEETING = "次の会議"
NOTHING_TO_CHECK = "期限の近い次の対応も、予定しているヒアリング・会議もありません。"


def due_heading(days: int) -> str:
    return f"期限の近い次の対応（{days}日以内と期限切れ）"


def due_line(day: str, overdue: bool, action: str, where: str) -> str:
    """・令和9年3月20日(土)（期限切れ） 資料を送る — みどり不動産."""
    late = f"（{OVERDUE}）" if overdue else ""  # noqa: F405 - a common word
    return f"・{day}{late} {action}" + (f" — {where}" if where else "")


WITHOUT_PERSONAL = "（個人情報を除いたファイル）"


def received_line(day: str, sender: str, department: str) -> str:
    """令和9年3月27日(土)に 山田 花子（建設課 住宅係）さんから引き継ぎました."""
    who = sender + (f"（{department}）" if department else "")
    return f"{day}に {who}さんから引き継ぎました"


def received_where(pc: str, name: str) -> str:
    return f"受け取ったPC: {pc}　ファイル: {name}"


# --- 引き継ぎファイルを作る --------------------------------------------------------------------
PACK_TITLE = "引き継ぎファイルを作る"
PACK_LEAD = "名簿などのデータ全部と引継書を、1つのファイルにまとめます。作ったあと、読み直して確かめます。"
SAVE_AS = "保存先"
CHOOSE_PLACE = "場所を変える…"
ENCRYPT = "暗号化する（おすすめ）"
PASSPHRASE = "合言葉"
NEW_PASSPHRASE = "別の合言葉を作る"
SHOW = "表示"
HIDE = "隠す"
COPY = "コピー"
COPY_WARNING = "ファイルを送るメールには貼り付けないでください"
NOTED = "合言葉を控えました（ファイルとは別に伝えます）"
COPIED = "合言葉をコピーしました。"
WITHOUT_PERSONAL_DATA = "個人情報を除く（県や近隣の市町村に渡すとき）"
WITHOUT_PERSONAL_TIP = "団体・機関は残し、人の氏名・電話番号・メールアドレスを除いたファイルを作ります。"
NO_ENCRYPTION_TITLE = "暗号化しないで作りますか"
NO_ENCRYPTION_OK = "暗号化しない"
MAKE_IT = "作って確かめる"
PACKING = "引き継ぎファイルを作っています"
PACKED_TITLE = "引き継ぎファイルを作りました"
PACKAGE_FILTER = "引き継ぎファイル (*.kyoju)"
NO_FILE_OPEN = "データファイルが開かれていません。ファイル > 開く で引き継ぐデータファイルを開いてください。"


def packed_text(path: str, size: int, passphrase: str | None, advice: str) -> str:
    """What the user is told once the package was written and read back."""
    lines = [
        package_line(path),
        f"大きさ: {size / 1024:,.0f} KB",
        "読み直して、中身がすべてそろっていることを確かめました。",
    ]
    if passphrase:
        lines += ["", f"合言葉: {passphrase}", advice]
    else:
        lines += ["", "暗号化していません。庁内の決まりで認められた媒体だけで渡してください。"]
    return "\n".join(lines)


# --- 引き継ぎファイルを開く --------------------------------------------------------------------
OPEN_PACKAGE = "引き継ぎファイルを開く"
PASSPHRASE_LEAD = "前の担当者から（ファイルとは別に）聞いた合言葉を入力してください。"
ASK_SENDER = "分からないときは、前の担当者に確かめてください。"
VERIFYING = "引き継ぎファイルを確かめています"
CONFIRM_TITLE = "受け取る内容の確認"
CONFIRM_LEAD = "引き継ぎファイルを確かめました。中身がすべてそろっています。次の内容で受け取ります。"
MADE_BY = "作った人"
MADE_AT = "作成日時"
MADE_ON = "作ったPC"
COUNTS = "件数"
TOTAL = "合計"
PERSONAL_DATA = "個人情報"
PERSONAL_REMOVED = "除いてあります（県や近隣の市町村に渡す用のファイルです）"
PERSONAL_KEPT = "含まれています（名簿の氏名・連絡先など）"
DESTINATION = "データファイルの置き場所"
RECEIVE_IT = "受け取って開く"
EXISTS_TITLE = "同じ名前のファイルがあります"
EXISTS_TEXT = "受け取ったデータファイルの置き場所に、同じ名前のファイルがすでにあります。置き換えるときも、今のファイルは別の名前で残します。"
CHOOSE_OTHER = "別の場所を選ぶ"
REPLACE_KEEP = "置き換える（今のファイルは別の名前で残します）"
RECEIVING = "データファイルを置いています"
COULD_NOT_RECEIVE = "引き継ぎファイルを開けませんでした"
KEPT_AS = "置き換える前のファイルは次の名前で残しました: "


def rows_text(rows: int) -> str:
    return f"{rows:,}件"


def package_line(name: str) -> str:
    return f"ファイル: {name}"


def open_file_note(open_path: str, replaced: bool) -> str:
    """What becomes of the data file open now, said before anything is placed."""
    if replaced:
        return f"今開いているデータファイルを置き換えます。今のファイルは別の名前で残します。\n{open_path}"
    return (
        f"今開いているデータファイルは、そのまま残ります（受け取ったファイルを開いたあとも消えません）。\n{open_path}"
    )
