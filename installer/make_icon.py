"""Writes installer/commune-desk.ico (the Windows executables' and installer's icon) from resources/icons/app.svg.

Why a committed .ico: Windows shows the .exe's embedded icon in Explorer, the Start menu and the taskbar, and
PyInstaller and Inno Setup take only .ico files. Re-run after changing app.svg:
    QT_QPA_PLATFORM=offscreen .venv/bin/python installer/make_icon.py
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "app.svg"
ICO = ROOT / "installer" / "commune-desk.ico"
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)  # what Windows asks for at 100–250 % display scaling


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    """The SVG drawn at ``size`` pixels on a white rounded tile (a bare outline is unreadable at 16 px)."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(Qt.GlobalColor.white)
    painter.drawRoundedRect(0, 0, size, size, size * 0.18, size * 0.18)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(data.data()))).convert("RGBA")


def main() -> None:
    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(SVG))
    images = [render(renderer, size) for size in SIZES]
    images[-1].save(ICO, format="ICO", sizes=[(s, s) for s in SIZES], append_images=images[:-1])
    print(f"wrote {ICO} ({ICO.stat().st_size} bytes, {len(SIZES)} sizes)")


if __name__ == "__main__":
    main()
