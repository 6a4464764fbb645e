"""The Qt binding must not corrupt Python's reference counts.

PySide6 6.12.0 dropped one reference to None on every call returning nothing; on Python 3.11
the interpreter aborts ("Fatal Python error: none_dealloc") after a few thousand such calls,
which is minutes of real use. pyproject.toml keeps PySide6 below 6.12; this test catches any
binding version with the same fault before it reaches a commune office.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_none_alive(qapp) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("Lượng Minh")
        qapp.processEvents()
    after = sys.getrefcount(None)
    assert after >= before - 50, f"None lost {before - after} references in 4,000 void Qt calls"
