"""python-docx building blocks shared by the editable Word reports (開催レポート, 引継書)."""
