"""What a clerk sees on the most common commune laptop screen (1366×768), at the default font size.

The window must fit that screen on every page; each register shows the figures it exists for
without sideways scrolling (a dossier's code, applicant, dates, state and overdue days; the
equipment shortage; the days a proposal has waited and where it went); names in the catalogs stay
readable; long values in forms show their beginning; the status bar keeps its facts apart.
Checked in Vietnamese and in English (English words are often longer).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QFrame, QTableView, QWidget

from gui import settings as keys
from gui.app import apply_font
from gui.catalogs.table_layout import NAME_MIN_WIDTH
from gui.context import AppContext
from gui.i18n import apply_language
from gui.main_window import PAGES, MainWindow
from gui.pages.catalogs import TAB_KEYS
from gui.registers.dossiers import APPLICANT_COLUMN, KEY_COLUMNS
from gui.widgets.inputs import PickerCombo

WIDTH, HEIGHT = 1366, 768
# The completer popup's notices on the offscreen platform (no window manager), not problems of ours.
pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")


@pytest.fixture(params=["vi", "en"])
def window(request, qtbot, demo_ctx: AppContext) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The main window at 1366×768 in the font clerks start with (the test default font is smaller)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font, locale = QApplication.font(), QLocale()
    apply_font(app, demo_ctx.settings.get(keys.FONT_SIZE))
    apply_language(request.param)
    demo_ctx.lang = request.param
    demo_ctx.settings.set(keys.LAST_PAGE, "staff")
    win = MainWindow(demo_ctx)
    qtbot.addWidget(win)
    win.resize(WIDTH, HEIGHT)
    win.show()
    qtbot.waitExposed(win)
    yield win
    apply_language("vi")
    QLocale.setDefault(locale)
    QApplication.setFont(font)


def _column(table: QTableView, title: str) -> int:
    """The column whose header reads ``title`` (two-line headers read as one line)."""
    model = table.model()
    titles = [" ".join(str(model.headerData(c, Qt.Orientation.Horizontal)).split()) for c in range(model.columnCount())]
    return titles.index(title)


def _right_edge(table: QTableView, column: int) -> int:
    header = table.horizontalHeader()
    return header.sectionViewportPosition(column) + header.sectionSize(column)


def _fits(table: QTableView, column: int, text: str) -> bool:
    """Whether ``text`` shows whole in the column (the cell has a few pixels of margin on each side)."""
    return table.fontMetrics().horizontalAdvance(text) + 6 <= table.horizontalHeader().sectionSize(column)


def test_every_screen_fits_the_screen(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    for spec in PAGES:
        page = window.show_page(spec.key)
        if spec.key == "dashboard":
            qtbot.waitUntil(lambda p=page: not p.is_computing(), timeout=10_000)
        for tab in TAB_KEYS if spec.key == "catalogs" else ():
            page.show_tab(tab)
        assert window.minimumSizeHint().width() <= WIDTH, spec.key
        assert window.width() == WIDTH, spec.key


def test_dossier_register_shows_its_key_columns_whole(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = window.show_page("dossiers")
    qtbot.waitUntil(lambda: page.model.rowCount() >= 20)
    table, viewport = page.table, page.table.viewport().width()
    assert table.horizontalScrollBar().value() == 0
    for col in KEY_COLUMNS:
        title = page.model.headerData(col, Qt.Orientation.Horizontal)
        assert _right_edge(table, col) <= viewport, title
        metrics = table.horizontalHeader().fontMetrics()
        assert all(metrics.horizontalAdvance(line) + 8 <= table.columnWidth(col) for line in title.splitlines()), title
        if col != APPLICANT_COLUMN:  # long names are capped; the tooltip shows them whole
            for row in range(20):
                text = page.model.index(row, col).data()
                assert _fits(table, col, text), (title, text)
    # The form shows the chosen procedure whole on its own full-width row.
    page.table.selectRow(0)
    procedure = page.form.procedure
    assert procedure.value() is not None
    assert procedure.fontMetrics().horizontalAdvance(procedure.currentText()) < procedure.lineEdit().width()


@pytest.mark.parametrize(
    ("key", "titles"),
    [
        ("equipment", {"vi": ["Cần có", "Hoạt động", "Còn thiếu"], "en": ["Needed", "Working", "Missing"]}),
        (
            "proposals",
            {"vi": ["Trạng thái", "Số ngày chờ", "Gửi cơ quan"], "en": ["Status", "Days waiting", "Sent to"]},
        ),
    ],
)
def test_register_key_figures_are_in_view(qtbot, window, key: str, titles: dict[str, list[str]]) -> None:  # type: ignore[no-untyped-def]
    page = window.show_page(key)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    metrics = page.table.horizontalHeader().fontMetrics()
    for title in titles[window.ctx.lang]:
        col = _column(page.table, title)
        assert _right_edge(page.table, col) <= page.table.viewport().width(), title
        header = page.model.headerData(col, Qt.Orientation.Horizontal)
        assert all(metrics.horizontalAdvance(line) + 8 <= page.table.columnWidth(col) for line in header.splitlines())


@pytest.mark.parametrize("tab", ["units", "procedures"])
def test_catalog_names_are_readable_and_nothing_scrolls_sideways(window, tab: str) -> None:  # type: ignore[no-untyped-def]
    page = window.show_page("catalogs").show_tab(tab)  # type: ignore[attr-defined]
    table, name = page.table, 1
    assert table.columnWidth(name) >= NAME_MIN_WIDTH
    assert _right_edge(table, table.model().columnCount() - 1) <= table.viewport().width()
    if tab == "units":  # official procedure names run long: there the tooltip shows them whole
        assert all(_fits(table, name, page.model.index(r, name).data()) for r in range(page.model.rowCount()))


def test_search_hint_shows_whole_on_every_register(window) -> None:  # type: ignore[no-untyped-def]
    pages = [window.show_page(k) for k in ("staff", "dossiers", "equipment", "proposals")]
    catalogs = window.show_page("catalogs")
    pages += [catalogs.show_tab(k) for k in ("units", "procedures")]  # type: ignore[attr-defined]
    for page in pages:
        search = page.search  # type: ignore[attr-defined]
        hint = search.placeholderText()
        assert search.fontMetrics().horizontalAdvance(hint) + 30 <= search.width(), hint


def test_long_values_in_forms_show_their_start(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    equipment = window.show_page("equipment")
    qtbot.waitUntil(lambda: equipment.model.rowCount() > 0)
    row = next(r for r in range(equipment.model.rowCount()) if equipment.model.row_at(r).unit_name.startswith("Trung"))
    equipment.table.selectRow(row)
    unit = equipment.form.unit.lineEdit()
    assert unit.text() == "Trung tâm Phục vụ hành chính công"
    assert unit.fontMetrics().horizontalAdvance(unit.text()) > unit.width()  # too long to show whole...
    assert unit.cursorPosition() == 0  # ...so its beginning shows, not "…hành chính công"
    staff = window.show_page("staff")
    staff.table.selectRow(2)
    position = staff.form.position
    assert len(position.text()) > 25
    assert position.cursorPosition() == 0


def test_status_bar_keeps_commune_period_and_file_apart(window) -> None:  # type: ignore[no-untyped-def]
    path = window.ctx.db.path
    db = window._status_db
    assert db.text().endswith(path.name) and str(path.parent) not in db.text()
    assert db.toolTip() == str(path)
    lines = [f for f in window.statusBar().findChildren(QFrame) if f.frameShape() == QFrame.Shape.VLine]
    facts: list[QWidget] = [window._status_commune, window._status_period, db]
    edges = sorted([(w.geometry().left(), "fact") for w in facts] + [(s.geometry().left(), "line") for s in lines])
    assert [kind for _x, kind in edges] == ["fact", "line", "fact", "line", "fact"]
    assert db.geometry().right() <= window.statusBar().width()


def test_picker_shows_the_start_of_a_long_choice_after_loading_and_refilling(qtbot) -> None:  # type: ignore[no-untyped-def]
    picker = PickerCombo()
    qtbot.addWidget(picker)
    picker.resize(180, picker.sizeHint().height())
    long_name = "Phó Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân"
    picker.set_items([("Chủ tịch UBND", 1), (long_name, 2)])
    picker.show()
    picker.set_value(2)
    assert picker.currentText() == long_name
    assert picker.lineEdit().cursorPosition() == 0
    picker.lineEdit().end(False)  # as after typing; a refill (catalog changed elsewhere) shows the start again
    picker.set_items([("Chủ tịch UBND", 1), (long_name, 2), ("Văn thư", 3)])
    assert picker.value() == 2
    assert picker.lineEdit().cursorPosition() == 0
