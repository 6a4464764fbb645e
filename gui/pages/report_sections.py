"""The four sections of the reports screen, each rendering its part of a ``PeriodSummary``.

Every figure shown comes from storage.aggregates; these widgets only lay it out. The results
form (section 1) lives in report_dossier_section.py.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from gui.pages.report_dossier_section import ALERT, DossierSection, caption
from gui.pages.report_tables import fill_table, fit_to_contents, make_table
from gui.widgets.format import fmt_date, fmt_int, fmt_pct
from storage.aggregates import PeriodSummary
from storage.vocab import ProposalStatus

__all__ = ["DossierSection", "EquipmentSection", "ProposalSection", "StaffSection"]


def _scrolling(content: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(content)
    return area


class StaffSection(QWidget):
    """Section 2: staff in post on the period's last day, by category against the quota, and changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        content = QWidget()
        outer = QVBoxLayout(content)
        self.title = caption()
        outer.addWidget(self.title)
        self.by_category, self.facts, self.by_unit = make_table(), make_table(), make_table()
        self.unit_title, self.facts_title = caption(), caption()
        outer.addWidget(self.by_category, 0, Qt.AlignmentFlag.AlignLeft)
        columns = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        for lay, title, table in ((left, self.facts_title, self.facts), (right, self.unit_title, self.by_unit)):
            lay.addWidget(title)
            lay.addWidget(table)
            lay.addStretch(1)
        columns.addLayout(left)
        columns.addSpacing(24)
        columns.addLayout(right)
        columns.addStretch(1)
        outer.addLayout(columns)
        self.note = caption(bold=False)
        outer.addWidget(self.note)
        outer.addStretch(1)
        QVBoxLayout(self).addWidget(_scrolling(content))

    def show_summary(self, s: PeriodSummary, lang: str) -> None:
        st = s.staffing
        self.title.setText(self.tr("Nhân sự đang công tác ngày {date}").format(date=fmt_date(st.on)))
        shown = [c for c in st.by_category if c.in_post or c.quota]
        quotas = [c.quota for c in shown if c.quota is not None]
        rows: list[list[object]] = [
            [
                c.category.label(lang),
                fmt_int(c.in_post),
                fmt_int(c.quota),
                fmt_int(c.vacancies),
                fmt_int(c.over_quota or None),
            ]
            for c in shown
        ]
        rows.append(
            [
                self.tr("Tổng số"),
                fmt_int(st.total),
                fmt_int(sum(quotas)) if quotas else "",
                fmt_int(sum(c.vacancies or 0 for c in shown)) if quotas else "",
                fmt_int(sum(c.over_quota for c in shown) or None),
            ]
        )
        fill_table(
            self.by_category,
            [self.tr("Loại"), self.tr("Hiện có"), self.tr("Được giao"), self.tr("Còn thiếu"), self.tr("Vượt chỉ tiêu")],
            rows,
            numeric={1, 2, 3, 4},
            bold_last=True,
        )
        official = fmt_int(st.official_posts)
        if st.official_quota is not None:
            official = self.tr("{n} / {quota} được giao").format(n=official, quota=fmt_int(st.official_quota))
        signature = fmt_int(st.with_signature)
        if st.signature_coverage is not None:
            signature += f" ({fmt_pct(st.signature_coverage)})"
        facts = [
            (self.tr("Tổng số đang công tác"), fmt_int(st.total)),
            (self.tr("Cán bộ, công chức (biên chế)"), official),
            (self.tr("Làm việc tại Trung tâm Phục vụ hành chính công"), fmt_int(st.service_center)),
            (self.tr("Nữ"), fmt_int(st.women)),
            (self.tr("Đảng viên"), fmt_int(st.party_members)),
            (self.tr("Người dân tộc thiểu số"), fmt_int(st.ethnic_minority)),
            (self.tr("Có tôn giáo"), fmt_int(st.religious)),
            (self.tr("Cán bộ, công chức có chữ ký số còn hạn"), signature),
            (self.tr("Chữ ký số hết hạn trong 60 ngày tới"), fmt_int(st.signatures_expiring_60d)),
            (self.tr("Bắt đầu công tác trong kỳ"), fmt_int(st.joined)),
            (self.tr("Thôi công tác trong kỳ"), fmt_int(st.left)),
        ]
        fill_table(self.facts, [self.tr("Chỉ tiêu"), self.tr("Số người")], facts, numeric={1})
        self.unit_title.setText(self.tr("Theo đơn vị"))
        self.facts_title.setText(self.tr("Số liệu khác"))
        unassigned = self.tr("(Chưa phân công)")
        units = sorted(st.by_unit.items(), key=lambda kv: (-kv[1], kv[0]))
        fill_table(
            self.by_unit,
            [self.tr("Đơn vị"), self.tr("Số người")],
            [[unassigned if name == "(Chưa phân công)" else name, fmt_int(n)] for name, n in units],
            numeric={1},
        )
        for table in (self.by_category, self.facts, self.by_unit):
            fit_to_contents(table)
        self.note.setText(
            self.tr(
                "Ô «Được giao» để trống: chưa nhập chỉ tiêu biên chế năm {year}. Người hoạt động không chuyên "
                "trách và hợp đồng không tính vào biên chế."
            ).format(year=st.on.year)
            if any(c.quota is None for c in shown)
            else ""
        )


class EquipmentSection(QWidget):
    """Section 3: IT equipment by kind, with the shortage against what is required."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        content = QWidget()
        lay = QVBoxLayout(content)
        self.title = caption()
        self.table = make_table()
        self.note = caption(bold=False)
        lay.addWidget(self.title)
        lay.addWidget(self.table, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.note)
        lay.addStretch(1)
        QVBoxLayout(self).addWidget(_scrolling(content))

    def show_summary(self, s: PeriodSummary, lang: str) -> None:
        eq = s.equipment
        self.title.setText(self.tr("Trang thiết bị công nghệ thông tin theo loại"))
        rows: list[list[object]] = [
            [k.kind.label(lang), fmt_int(k.required), fmt_int(k.available), fmt_int(k.working), fmt_int(k.broken),
             fmt_int(k.shortage)]
            for k in eq.by_kind
        ]  # fmt: skip
        rows.append(
            [
                self.tr("Tổng cộng"),
                fmt_int(eq.total_required),
                fmt_int(sum(k.available for k in eq.by_kind)),
                fmt_int(eq.total_working),
                fmt_int(sum(k.broken for k in eq.by_kind)),
                fmt_int(eq.total_shortage),
            ]
        )
        fill_table(
            self.table,
            [
                self.tr("Loại thiết bị"),
                self.tr("Cần có"),
                self.tr("Hiện có"),
                self.tr("Đang hoạt động"),
                self.tr("Hỏng"),
                self.tr("Còn thiếu"),
            ],
            rows,
            numeric={1, 2, 3, 4, 5},
            bold_last=True,
        )
        for i, k in enumerate([*eq.by_kind, None]):
            shortage = eq.total_shortage if k is None else k.shortage
            if shortage:
                self.table.item(i, 5).setForeground(QBrush(ALERT))
        fit_to_contents(self.table)
        self.note.setText(
            self.tr(
                "Số liệu thiết bị là hiện trạng đang lưu, không phụ thuộc kỳ báo cáo. «Còn thiếu» = cần có − "
                "đang hoạt động, cộng theo từng dòng thiết bị."
            )
            if eq.by_kind
            else self.tr("Chưa có dòng thiết bị nào. Nhập ở màn hình Trang thiết bị.")
        )


class ProposalSection(QWidget):
    """Section 4: difficulties and proposals by status, and the open ones by the body that must answer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        content = QWidget()
        grid = QGridLayout(content)
        self.facts, self.by_status, self.by_department = make_table(), make_table(), make_table()
        self.status_title, self.department_title = caption(), caption()
        grid.addWidget(self.facts, 0, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.status_title, 1, 0)
        grid.addWidget(self.department_title, 1, 1)
        grid.addWidget(self.by_status, 2, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.by_department, 2, 1, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        grid.setHorizontalSpacing(24)
        grid.setRowStretch(3, 1)
        grid.setColumnStretch(2, 1)
        QVBoxLayout(self).addWidget(_scrolling(content))

    def show_summary(self, s: PeriodSummary, lang: str) -> None:
        pr = s.proposals
        fill_table(
            self.facts,
            [self.tr("Chỉ tiêu"), self.tr("Số kiến nghị")],
            [
                (self.tr("Nêu trong kỳ"), fmt_int(pr.raised_in_period)),
                (self.tr("Đang chờ trả lời vào cuối kỳ"), fmt_int(pr.open_at_end)),
                (self.tr("Được trả lời trong kỳ"), fmt_int(pr.answered_in_period)),
            ],
            numeric={1},
        )
        self.status_title.setText(self.tr("Theo trạng thái (nêu đến cuối kỳ)"))
        statuses = [[ProposalStatus(k).label(lang), fmt_int(n)] for k, n in pr.by_status.items()]
        statuses.append([self.tr("Tổng số"), fmt_int(sum(pr.by_status.values()))])
        fill_table(
            self.by_status, [self.tr("Trạng thái"), self.tr("Số kiến nghị")], statuses, numeric={1}, bold_last=True
        )
        self.department_title.setText(self.tr("Đang chờ trả lời, theo cơ quan giải quyết"))
        depts = sorted(pr.open_by_department.items(), key=lambda kv: (-kv[1], kv[0]))
        fill_table(
            self.by_department,
            [self.tr("Cơ quan"), self.tr("Số kiến nghị")],
            [[name or self.tr("(chưa ghi cơ quan)"), fmt_int(n)] for name, n in depts]
            or [[self.tr("Không có kiến nghị nào đang chờ."), ""]],
            numeric={1},
        )
        for table in (self.facts, self.by_status, self.by_department):
            fit_to_contents(table)
