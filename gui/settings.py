"""Interface preferences in one typed wrapper over QSettings (INI file); business data lives in SQLite."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")
SETTINGS_VERSION = 1


@dataclass(frozen=True)
class Key(Generic[T]):
    """A declared setting: its name, default and type."""

    name: str
    default: T
    kind: type


LANGUAGE = Key("ui/language", "vi", str)
FONT_SIZE = Key("ui/font_size", 11, int)
LAST_PAGE = Key("ui/last_page", "dashboard", str)
GEOMETRY = Key("ui/geometry", QByteArray(), QByteArray)
DB_PATH = Key("data/db_path", "", str)
BACKUP_EVERY_HOURS = Key("backup/every_hours", 4, int)  # automatic backups while the program is in use
BACKUP_FOLDER = Key("backup/last_folder", "", str)  # where "Sao lưu ra…" last wrote (often a USB stick)


class UiSettings:
    """Typed access to the preferences file (one per user; tests point it at a temporary folder)."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            self._qs = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "CommuneDesk", "CommuneDesk")
        else:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)
        if self._qs.value("meta/version") is None:
            self._qs.setValue("meta/version", SETTINGS_VERSION)

    def get(self, key: Key[T]) -> T:
        value: Any = self._qs.value(key.name, key.default)
        if key.kind is int:
            try:
                return int(value)  # type: ignore[return-value]
            except (TypeError, ValueError):
                return key.default
        if key.kind is str:
            return str(value) if value is not None else key.default  # type: ignore[return-value]
        return value if isinstance(value, key.kind) else key.default

    def set(self, key: Key[T], value: T) -> None:
        self._qs.setValue(key.name, value)

    def sync(self) -> None:
        self._qs.sync()

    @property
    def file_name(self) -> str:
        return self._qs.fileName()
