"""The commune's own PDF or Excel report, taken out of a received file so the province can open it.

The stored file is verified again before anything is written: what the province opens is exactly
what the commune signed, even if the database was tampered with since the import.
"""

from __future__ import annotations

from pathlib import Path, PureWindowsPath
from typing import Literal

from sqlalchemy.orm import Session

from reports.exchange.archive import open_archive
from reports.files import build_atomically
from reports.vn_text import safe_file_stem
from storage.errors import NotFoundError
from storage.province.received import received_archive

Format = Literal["pdf", "xlsx"]


def extract_report(session: Session, report_id: int, fmt: Format, folder: Path) -> Path:
    """Write ``report.pdf``/``report.xlsx`` of received file ``report_id`` into ``folder``, named after the file."""
    found = received_archive(session, report_id)
    if found is None:
        raise NotFoundError(
            "Không tìm thấy tệp báo cáo đã nhận (có thể vừa bị xóa).",
            "The received report file was not found (it may have just been deleted).",
        )
    file_name, data = found
    content = open_archive(data).members[f"report.{fmt}"]
    # The name came with the commune's file: made safe, it cannot leave the folder or be a device name.
    path = Path(folder) / f"{safe_file_stem(PureWindowsPath(file_name).stem)}.{fmt}"
    return build_atomically(path, lambda tmp: Path(tmp).write_bytes(content))
