"""The 参加者アンケート tab's words, with the common ones (``ui/common/wording``) under the same name."""

from kyojushien_desktop.ui.common.wording import *  # noqa: F403 - an area speaks the common words too

# --- the tab ---------------------------------------------------------------------------------
SET_QUESTIONS = "質問の設定…"
PRINT_FORMS = "アンケート用紙を印刷…"
IMPORT_SHEET = "表から取り込む…"
IMPORT_SHEET_TIP = (
    "Excel（.xlsx）やCSVに1人1行で入力した回答を、回答票として読み込みます。取り込む前に内容を確かめられます。"
)
ENTRY_TAB = "回答票の入力"
RESULTS_TAB = "集計結果"
FORMS_ENTERED = "入力済みの回答票"
FORMS_HINT = "選ぶと左に開きます。Enter で直し始め、保存すると置き換わります。"
DELETE_FORM_TITLE = "回答票の削除"
FORM_NO = "No."
ANSWERED_OF = "答えた問"
ANSWERS_IN_SHORT = "答えの一覧"


def forms_count(count: int) -> str:
    return f"回答票 {count}枚"


def delete_form(number: int) -> str:
    return f"回答票 {number} を削除します。元に戻せません。"


# --- entry -----------------------------------------------------------------------------------
FORM_NUMBER = "回答票番号"
NEW_FORM = "新しい回答票"
BACK_TO_NEW_FORM = "入力中の回答票を閉じる"
ENTRY_KEYS_HINT = (
    "用紙の番号（1〜5 など）を打って Enter で次の問へ（↑↓でも移れます）。0 か Delete で未回答。"
    "最後の問で Enter を押すと保存して、次の回答票に進みます。"
)
ENTRY_NO_MEETING = "会議を選ぶと、その会のアンケートの回答票を入力できます。"
ENTRY_NO_QUESTIONS = "この会のアンケートには質問がありません。「質問の設定…」で質問を用意してください。"
ENTRY_UNSAVED = "入力中の回答票はまだ保存していません。最後の問で Enter を押すか「保存」で保存します。"
FREE_ANSWER_HINT = "用紙に書かれたとおりに"
NOT_ANSWERED = "未回答"
REPLACE_FORM_TITLE = "同じ番号の回答票があります"
REPLACE_FORM = "置き換える"


def correcting_form(number: int) -> str:
    return f"回答票 {number} を直しています"


def form_title(number: int) -> str:
    return f"回答票 {number}"


def replace_form(number: int) -> str:
    return f"回答票 {number} はすでに入力されています。いま入力した内容で置き換えますか？"


def form_saved(number: int, summary: str) -> str:
    return f"回答票 {number} を保存しました（{summary}）。続けて次の用紙を入力できます。"


def answers_to_check(count: int) -> str:
    return f"{count}問の答えを確かめてください（問の下に赤い字で出ています）。まだ保存していません。"


# --- results ---------------------------------------------------------------------------------
RATE_NOTE = "回収率は、出席（代理出席を含む）の人数に対する回答票の枚数です。"
NO_ANSWERS_YET = "回答なし"


def results_headline(respondents: int, attending: int, rate: str) -> str:
    return f"回答 {respondents}枚　／　出席 {attending}人　／　回収率 {rate}"


def answered_of(count: int) -> str:
    return f"この問に答えた人: {count}人"


def count_and_share(count: int, share: str) -> str:
    return f"{count}人（{share}）"


# --- 質問の設定 -------------------------------------------------------------------------------
QUESTIONS_TITLE = "アンケートの質問の設定"
QUESTIONS_LEAD = (
    "用紙に載せる質問と順番です。用意された質問（満足度・理解度など）は消しても「用意された質問から」で戻せます。"
    "5段階の選択肢は、よい方から順に5つ書きます。"
)
QUESTION_WORDING = "質問文"
SHORT_NAME = "短い名前"
SHORT_NAME_EXAMPLE = "例: 満足度（集計とレポートの見出しになります）"
HOW_ANSWERED = "答え方"
CHOICES = "選択肢"
CHOICES_ONE_PER_LINE = "1行に1つずつ（2つ以上）"
FREE_KIND_NOTE = "用紙に書く欄を設けます。選択肢はありません。"
ADD_QUESTION = "質問を加える"
ADD_PRESET = "用意された質問から"
ALL_PRESETS_PRESENT = "用意された質問はすべて入っています"
NO_WORDING_YET = "（質問文を入力してください）"
REMOVE_QUESTION_TITLE = "回答のある質問の削除"


def remove_question(short: str, answered: int) -> str:
    return f"「{short}」には回答が{answered}件あります。削除して保存すると、その回答も消えます。"


def question_has_answers(answered: int) -> str:
    return f"この質問には回答が{answered}件あります。選択肢の文言を変えると、すでに入力した回答が集計に入らなくなることがあります。"


# --- printing --------------------------------------------------------------------------------
PRINT_FORMS_TITLE = "アンケート用紙の印刷"
COPIES = "部数"
COPIES_SUFFIX = " 枚"
COPIES_HINT = (
    "案内した人数（開催のあとは出席した人数）を入れてあります。1つのPDFにまとめて作るので、開いてそのまま印刷できます。"
)
MAKE_FORMS_PDF = "用紙のPDFを作る…"
MAKING_FORMS = "アンケート用紙を作っています"
COULD_NOT_MAKE_FORMS = "アンケート用紙のPDFを作れませんでした"
FORMS_MADE_TITLE = "アンケート用紙を作りました"


def form_file_stem(title: str) -> str:
    return f"アンケート用紙_{title}"


def forms_made(copies: int) -> str:
    return f"アンケート用紙（{copies}枚）のPDFを作りました。"


# --- 表から取り込む ---------------------------------------------------------------------------
IMPORT_TITLE = "アンケートの回答の取り込み"
CHOOSE_SHEET_CAPTION = "取り込む回答の表を選ぶ"
SHEET_FILE_FILTER = "回答の表 (*.xlsx *.csv)"
SHEET_TO_READ = "読み込むシート:"
COLUMNS_READ = "列の読み方: "
ROW_IN_FILE = "行"
ROW_TAKEN = "回答票になります"
ROW_HAS_PROBLEM = "問題あり: "
NUMBERS_FROM_FILE = "回答票番号はファイルの列のとおりに付けます。"
SKIP_BAD_ROWS = "問題のある行は飛ばし、残りの行だけ取り込む"
NOTHING_WRITTEN_YET = "「回答票として取り込む」を押すまで、何も書き込みません。"
IMPORT_FORMS = "回答票として取り込む"
READING_SHEET = "回答の表を読み込んでいます"
COULD_NOT_READ_SHEET = "回答の表を読めませんでした"
IMPORTING_FORMS = "回答票を取り込んでいます"
COULD_NOT_IMPORT_FORMS = "回答票を取り込めませんでした"
IMPORTED_TITLE = "回答票を取り込みました"


def import_file(name: str, place: str, header_row: int, folder: str) -> str:
    return f"ファイル: {name}（{place}、見出しは {header_row} 行目）　場所: {folder}"


def column_read_as(letter: str, header: str, what: str) -> str:
    return f"{letter}列「{header}」→{what}"


def import_summary(good: int, bad: int, skipped: int, blank: int) -> str:
    text = f"取り込める行: {good} / 問題のある行: {bad}"
    if skipped:
        text += f" / 取り込まない行（合計・見出しの繰り返し）: {skipped}"
    return text + f" / 空行: {blank}"


def numbers_after(first: int, last: int) -> str:
    return f"ファイルに回答票番号の列がないため、入力済みの回答票に続けて {first}〜{last} を付けます。"
