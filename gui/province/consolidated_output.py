"""Building and writing the consolidated report off the GUI thread, and the bar shown after a save.

Each work function opens its own session from the sessionmaker (a session never crosses threads)
and builds the report once with reports.province_report, so what is previewed and what is saved
come from the same figures.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from reports.excel_writer import write_xlsx
from reports.model import Report
from reports.pdf_writer import write_pdf
from reports.province_report import build_province_report
from reports.vn_text import safe_file_stem
from storage.periods import Period
from storage.province.consolidate import consolidate

Progress = Callable[[int, int], None]
WRITERS: dict[str, Callable[..., Path]] = {"xlsx": write_xlsx, "pdf": write_pdf}


@dataclass(frozen=True)
class DocumentChoice:
    """What the user chose above the preview: the period, the document number and its date."""

    period: Period
    document_number: str
    issued_on: date


@dataclass(frozen=True)
class Coverage:
    """How many communes the report covers for its period, and which ones are missing."""

    expected: int
    reported: int
    missing: list[str]


@dataclass(frozen=True)
class PreviewResult:
    path: Path
    coverage: Coverage


def build_report(session: Session, choice: DocumentChoice) -> Report:
    return build_province_report(
        session, choice.period.spec, issued_on=choice.issued_on, document_number=choice.document_number
    )


def coverage(session: Session, period: Period) -> Coverage:
    c = consolidate(session, period.spec)
    return Coverage(len(c.expected), len(c.communes), [m.name for m in c.missing])


def build_preview(sessions: sessionmaker[Session], choice: DocumentChoice, path: Path) -> PreviewResult:
    """The report's PDF at ``path`` and who it covers, from one session."""
    with sessions() as s:
        report = build_report(s, choice)
        covered = coverage(s, choice.period)
    write_pdf(report, path)
    return PreviewResult(path, covered)


def export_report(
    sessions: sessionmaker[Session], choice: DocumentChoice, fmt: str, path: Path, progress: Progress | None = None
) -> Path:
    """Write the report as ``fmt`` ("xlsx" or "pdf") at ``path``."""
    with sessions() as s:
        report = build_report(s, choice)
    return WRITERS[fmt](report, path, progress=progress)


def default_file_name(period: Period, fmt: str) -> str:
    """ "bao-cao-tong-hop-2025-07.xlsx": ASCII, so it survives any USB stick and e-mail client."""
    return f"{safe_file_stem(f'bao cao tong hop {period.spec}')}.{fmt}"


class SavedBar(QWidget):
    """After a save: where the file went, with buttons to open the file and its folder."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("SavedBar { background: #e8f5e9; border: 1px solid #a5d6a7; }")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 2, 6, 2)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_file)
        self.folder_button = QPushButton()
        self.folder_button.clicked.connect(self.open_folder)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        lay.addWidget(self.label, 1)
        for w in (self.open_button, self.folder_button, self.close_button):
            lay.addWidget(w)
        self.hide()
        self.retranslate()

    def show_saved(self, path: Path) -> None:
        self.path = path
        self.retranslate()
        self.show()

    def retranslate(self) -> None:
        self.open_button.setText(self.tr("Mở tệp"))
        self.folder_button.setText(self.tr("Mở thư mục"))
        self.close_button.setToolTip(self.tr("Ẩn thông báo này"))
        if self.path is not None:
            self.label.setText(
                self.tr("Đã lưu {name} vào {folder}.").format(name=self.path.name, folder=self.path.parent)
            )

    def open_file(self) -> None:
        if self.path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))

    def open_folder(self) -> None:
        if self.path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))
