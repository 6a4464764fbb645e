"""Section 1 of the reports screen: the results-of-procedures form (Biểu 06/VPCP/KSTT) on screen.

Thirteen columns under the official two-level header, one row per field and the total in bold,
then the on-time and online rates and the optional counts provinces ask about.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QCheckBox, QHeaderView, QLabel, QVBoxLayout, QWidget

from gui.pages.report_tables import GroupedHeader, fill_table, make_table
from gui.widgets.format import fmt_int, fmt_pct
from storage.aggregates import PeriodSummary
from storage.aggregates.dossier_form import FormRow

ALERT = QColor("#b00020")
NUMBERS = frozenset(range(2, 13))


def caption(bold: bool = True) -> QLabel:
    """A wrapped rich-text label; bold for section titles."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    if bold:
        label.setStyleSheet("font-weight: bold; font-size: 110%;")
    return label


def _fact(label: str, value: str) -> str:
    return f"<b>{label}</b> {value}"


class DossierSection(QWidget):
    """Section 1: the results-of-procedures form (13 columns, two-level header), rates and extra counts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        self.only_used = QCheckBox()
        self.only_used.setChecked(True)
        self.only_used.toggled.connect(self._rerender)
        lay.addWidget(self.only_used)
        self._last: tuple[PeriodSummary, int] | None = None
        self.table = make_table(self, grouped=True)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.table.setSizePolicy(self.table.sizePolicy().horizontalPolicy(), self.table.sizePolicy().Policy.Expanding)
        lay.addWidget(self.table, 1)
        self.formula = caption(bold=False)
        self.rates = caption(bold=False)
        self.extra = caption(bold=False)
        self.identity = caption(bold=False)
        self.identity.setStyleSheet("color: #b00020; font-weight: bold;")
        for w in (self.rates, self.extra, self.formula, self.identity):
            lay.addWidget(w)

    def headers(self) -> list[str]:
        """Column titles 1–13 as on the official form, with their numbers."""
        titles = [
            self.tr("STT"),
            self.tr("Lĩnh vực, công việc giải quyết theo cấp"),
            self.tr("Tổng số"),
            self.tr("Trong đó:\nTrực tuyến"),
            self.tr("Trong đó:\nTrực tiếp, dịch vụ bưu chính"),
            self.tr("Từ kỳ trước"),
            self.tr("Tổng số"),
            self.tr("Trước hạn"),
            self.tr("Đúng hạn"),
            self.tr("Quá hạn"),
            self.tr("Tổng số"),
            self.tr("Trong hạn"),
            self.tr("Quá hạn"),
        ]
        return [f"{t}\n({i})" for i, t in enumerate(titles, start=1)]

    def _rerender(self) -> None:
        if self._last is not None:
            self.show_summary(*self._last)

    def shown_rows(self, s: PeriodSummary) -> list[FormRow]:
        """The fields listed: all of them (as printed), or only those with any dossier."""
        rows = s.dossiers.rows
        if self.only_used.isChecked():
            rows = [r for r in rows if any(r.columns()) or r.not_accepted]
        return rows

    def show_summary(self, s: PeriodSummary, online_target: int) -> None:
        self._last = (s, online_target)
        form = s.dossiers
        self.only_used.setText(
            self.tr("Chỉ hiện lĩnh vực có hồ sơ trong kỳ (bỏ chọn để xem đủ {n} lĩnh vực như biểu in)").format(
                n=len(form.rows)
            )
        )
        shown = self.shown_rows(s)
        header = self.table.horizontalHeader()
        assert isinstance(header, GroupedHeader)
        header.set_groups(
            [
                (2, 5, self.tr("Số hồ sơ nhận giải quyết")),
                (6, 9, self.tr("Số hồ sơ đã giải quyết")),
                (10, 12, self.tr("Số hồ sơ đang giải quyết")),
            ]
        )
        rows: list[list[object]] = []
        for i, r in enumerate(shown, start=1):
            rows.append([i, r.field_name, *(fmt_int(n) for n in r.columns())])
        rows.append(["", self.tr("Tổng số"), *(fmt_int(n) for n in form.total.columns())])
        fill_table(self.table, self.headers(), rows, numeric=NUMBERS, bold_last=True, centered={0})
        self._mark_late([*shown, form.total])
        self._size()
        t = form.total
        target = online_target / 100
        online = fmt_pct(t.online_rate) if t.online_rate is not None else self.tr("chưa có hồ sơ mới")
        below = t.online_rate is not None and t.online_rate < target
        self.rates.setText(
            "&nbsp;&nbsp;·&nbsp;&nbsp;".join(
                [
                    _fact(
                        self.tr("Tỷ lệ giải quyết trước hạn và đúng hạn:"),
                        fmt_pct(t.on_time_rate) if t.on_time_rate is not None else self.tr("chưa có hồ sơ giải quyết"),
                    ),
                    _fact(self.tr("Tỷ lệ hồ sơ trực tuyến:"), online)
                    + " "
                    + (
                        f'<span style="color:#b00020">{self.tr("(chỉ tiêu {n}%)")}</span>'
                        if below
                        else self.tr("(chỉ tiêu {n}%)")
                    ).format(n=online_target),
                ]
            )
        )
        self.extra.setText(
            self.tr(
                "Trong kỳ còn có: {waiting} hồ sơ đang chờ bổ sung (đã tính trong cột 12), {stopped} hồ sơ rút "
                "hoặc dừng xử lý (đã tính trong cột 7), {apology} hồ sơ quá hạn có văn bản xin lỗi, "
                "{refused} hồ sơ không tiếp nhận (không tính vào biểu)."
            ).format(
                waiting=fmt_int(t.waiting_supplement),
                stopped=fmt_int(t.withdrawn_stopped),
                apology=fmt_int(t.late_with_apology),
                refused=fmt_int(t.not_accepted),
            )
        )
        self.formula.setText(
            self.tr(
                "(3) = (4) + (5) + (6) = (7) + (11); (7) = (8) + (9) + (10); (11) = (12) + (13). "
                "Đơn vị tính: số hồ sơ thủ tục hành chính."
            )
        )
        broken = t.identity_problems()
        self.identity.setVisible(bool(broken))
        self.identity.setText(
            self.tr("Số liệu không khớp công thức của biểu: {rules}. Hãy kiểm tra dữ liệu hồ sơ.").format(
                rules=", ".join(broken)
            )
        )

    def _mark_late(self, rows: list[FormRow]) -> None:
        """Zeros in grey and late or overdue counts in red, so the real figures stand out."""
        zero = QBrush(QColor("#9e9e9e"))
        for i, r in enumerate(rows):
            for col, value in enumerate(r.columns(), start=2):
                if not value:
                    self.table.item(i, col).setForeground(zero)
            for col, value in ((9, r.resolved_late), (12, r.pending_overdue)):
                if value:
                    self.table.item(i, col).setForeground(QBrush(ALERT))

    def _size(self) -> None:
        fm = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        number = fm.horizontalAdvance("00.000") + 20
        widest_field = max(
            (fm.horizontalAdvance(self.table.item(i, 1).text()) for i in range(self.table.rowCount())), default=0
        )
        header.setMinimumSectionSize(number)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(0, fm.horizontalAdvance("STT") + 24)
        header.resizeSection(1, max(widest_field + 24, fm.horizontalAdvance("Lĩnh vực, công việc") + 24))
        self.table.verticalHeader().setDefaultSectionSize(fm.height() + 8)
        header.updateGeometry()
