"""Writing report files safely: build beside the target, then swap it in.

A failed or interrupted run (disk full, file open in Excel, read-only USB stick) never leaves a
half-written file in place of a good one, and the user gets one clear Vietnamese sentence.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable
from pathlib import Path

from storage.errors import UserError


def write_error(path: Path, exc: OSError) -> UserError:
    reason = exc.strerror or str(exc)
    return UserError(
        f"Không ghi được tệp “{path}”: {reason}. Tệp có thể đang mở trong chương trình khác (Excel, trình đọc "
        "PDF), hoặc thư mục không cho phép ghi.",
        f"Could not write “{path}”: {reason}. The file may be open in another program (Excel, a PDF reader), "
        "or the folder is read-only.",
    )


def build_atomically(path: Path, build: Callable[[str], object]) -> Path:
    """Run ``build(temporary_path)`` then replace ``path`` with the result.

    The temporary file is created by the builder itself (not mkstemp, whose 0600 mode would stay
    on the finished file).
    """
    path = Path(path)
    tmp = path.with_name(f".~{secrets.token_hex(4)}-{path.name}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        build(str(tmp))
        os.replace(tmp, path)
    except OSError as exc:
        raise write_error(path, exc) from exc
    finally:
        with contextlib.suppress(OSError):  # e.g. the "folder" is a file: there is nothing to clean
            tmp.unlink(missing_ok=True)
    return path
