"""The startup baseline: bare QApplication + QMainWindow + a QTableView of 1,000 rows, painted."""

import sys
import time

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView


class Rows(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):  # noqa: N802, B008
        return 0 if parent.isValid() else 1000

    def columnCount(self, parent=QModelIndex()):  # noqa: N802, B008
        return 0 if parent.isValid() else 4

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return f"行{index.row()} 列{index.column()}"
        return None


class Window(QMainWindow):
    painted = False

    def paintEvent(self, event):  # noqa: N802
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            print(f"painted-at {time.time():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)


app = QApplication(sys.argv)
window = Window()
view = QTableView()
view.setModel(Rows())
window.setCentralWidget(view)
window.resize(1100, 720)
window.show()
app.exec()
