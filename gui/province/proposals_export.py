"""Writing the response files that carry the province's answers back to the communes (USB), off the GUI thread.

One transaction per commune: a commune whose file cannot be written does not undo the files
already written for the others (each file marks its own answers as sent).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from gui.widgets.format import fmt_int
from reports.exchange.response_file import WrittenResponse, write_response_file
from storage.errors import UserError
from storage.province.answers import communes_with_answers_to_send
from storage.province.registry import get_commune

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class WrittenFile:
    commune_name: str
    written: WrittenResponse


@dataclass(frozen=True)
class ExportOutcome:
    folder: Path
    files: list[WrittenFile]
    failures: list[tuple[str, str]]  # (commune name, why), in the language asked for

    @property
    def answers(self) -> int:
        return sum(f.written.answers for f in self.files)


def export_responses(
    sessions: sessionmaker[Session],
    codes: list[str] | None,
    folder: Path,
    lang: str,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ExportOutcome:
    """A response file in ``folder`` for each of ``codes`` (None: every commune with answers to send)."""
    if codes is None:
        with sessions() as s:
            codes = communes_with_answers_to_send(s)
    files: list[WrittenFile] = []
    failures: list[tuple[str, str]] = []
    for done, code in enumerate(codes):
        if cancelled is not None and cancelled():
            break
        if progress is not None:
            progress(done, len(codes))
        name = code
        try:
            with sessions.begin() as s:
                commune = get_commune(s, code)
                name = commune.name if commune is not None else code
                files.append(WrittenFile(name, write_response_file(s, code, folder)))
        except UserError as exc:
            failures.append((name, exc.message(lang)))
    if progress is not None:
        progress(len(codes), len(codes))
    return ExportOutcome(folder, files, failures)


class ExportResultBar(QWidget):
    """After writing response files: which files went where, how many answers each, and what failed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outcome: ExportOutcome | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 2, 6, 2)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_button = QPushButton()
        self.folder_button.clicked.connect(self.open_folder)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.folder_button)
        lay.addWidget(self.close_button)
        self.hide()
        self.retranslate()

    def show_outcome(self, outcome: ExportOutcome) -> None:
        self.outcome = outcome
        self.retranslate()
        self.show()

    def text(self) -> str:
        return self.label.text()

    def retranslate(self) -> None:
        self.folder_button.setText(self.tr("Mở thư mục"))
        self.close_button.setToolTip(self.tr("Ẩn thông báo này"))
        o = self.outcome
        if o is None:
            return
        lines: list[str] = []
        if o.files:
            lines.append(
                self.tr("Đã ghi {files} tệp phản hồi ({answers} trả lời) vào {folder}:").format(
                    files=fmt_int(len(o.files)), answers=fmt_int(o.answers), folder=o.folder
                )
            )
            for f in o.files:
                lines.append(
                    self.tr("• {file} — {commune}: {n} trả lời").format(
                        file=f.written.path.name, commune=f.commune_name, n=fmt_int(f.written.answers)
                    )
                )
            lines.append(self.tr("Mang các tệp này đến xã để nhập vào Commune Desk của xã."))
        elif not o.failures:
            lines.append(self.tr("Không có trả lời nào chờ gửi: không ghi tệp nào."))
        for name, why in o.failures:
            lines.append(self.tr("Không ghi được tệp cho {commune}: {why}").format(commune=name, why=why))
        self.label.setText("\n".join(lines))
        ok = bool(o.files) and not o.failures
        colour = "#e8f5e9; border: 1px solid #a5d6a7" if ok else "#fff3e0; border: 1px solid #ffb74d"
        self.setStyleSheet(f"ExportResultBar {{ background: {colour}; }}")

    def open_folder(self) -> None:
        if self.outcome is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.outcome.folder)))
