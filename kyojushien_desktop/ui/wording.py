"""User-visible terms used on more than one screen, kept in one place so they stay consistent."""

APP_TITLE = "居住支援デスク"
NAV_HOME = "ホーム"
NAV_SETTINGS = "設定"
READ_ONLY_BADGE = "読み取り専用"
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
