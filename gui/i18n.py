"""Interface language: Vietnamese source strings, an English .qm, and Qt's own translations."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from gui.resources import resources_dir

_installed: list[QTranslator] = []


def apply_language(lang: str) -> None:
    """Install the translators for ``lang`` ("vi" or "en"); widgets get a LanguageChange event."""
    app = QCoreApplication.instance()
    assert app is not None
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    locale = QLocale(
        QLocale.Language.English if lang == "en" else QLocale.Language.Vietnamese,
        QLocale.Country.UnitedKingdom if lang == "en" else QLocale.Country.Vietnam,  # PySide6 has no Territory alias
    )
    QLocale.setDefault(locale)
    i18n = resources_dir() / "i18n"
    candidates = []
    if lang == "en":
        candidates.append((str(i18n), "commune_desk_en"))
        candidates.append((QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), "qtbase_en"))
    else:
        # Qt ships no Vietnamese translation: ours covers its standard buttons and dialogs.
        candidates.append((str(i18n), "qtbase_vi"))
    for folder, name in candidates:
        tr = QTranslator(app)
        if tr.load(name, folder):
            app.installTranslator(tr)
            _installed.append(tr)
