"""Helpers for the exchange-file tests: one real report file, forged variants of it, raw ZIP building.

Forging needs what a hostile sender has: the format (public) and a key of its own (or a commune's
stolen one). ``build_zip`` writes ZIP headers by hand so a test can make them lie.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import io
import json
import re
import shutil
import struct
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from reports.exchange.archive import (
    KIND_REPORT,
    MANIFEST,
    PAYLOAD,
    SIGNATURE,
    canonical_json,
    write_archive,
)
from reports.exchange.report_file import export_report_file
from storage.db import open_database
from storage.mode import set_province_mode
from storage.models import ProvinceProposal, ReceivedReport, TrustedKey
from storage.periods import PeriodKind, period_for
from storage.province.profile import ProvinceProfile, save_province_profile
from storage.province.registry import CommuneEntry, save_commune
from storage.signing import KeyPair, encode_key, install_key

MADE = datetime(2025, 7, 31, 16, 30)  # the real file is made the afternoon the period closes
NOW = datetime(2025, 8, 10, 9, 0)  # when the province imports
COMMUNE_A = ("16906", "Xã Lượng Minh")  # the real file's commune
COMMUNE_B = ("17254", "Xã Con Cuông")
COMMUNE_C = ("16855", "Xã Chiêu Lưu")  # sends the good companion file of each batch
_VIETNAMESE = re.compile("[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]", re.IGNORECASE)


def is_vietnamese(text: str) -> bool:
    """True when ``text`` holds a letter only Vietnamese uses (so the message is not the English one)."""
    return bool(_VIETNAMESE.search(text))


def new_key() -> KeyPair:
    private = Ed25519PrivateKey.generate()
    return KeyPair(
        private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()),
        private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw),
    )


# --- raw ZIP -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One member as written; ``size``/``crc``/``raw`` override what the headers declare or hold."""

    name: str
    data: bytes = b""
    method: int = zipfile.ZIP_DEFLATED
    flags: int = 0
    size: int | None = None  # declared uncompressed size (lies when set)
    crc: int | None = None
    raw: bytes | None = None  # already-compressed bytes


def deflate(data: bytes) -> bytes:
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def build_zip(entries: Sequence[Entry]) -> bytes:
    """A ZIP with exactly these local and central headers (same values in both)."""
    out, central = bytearray(), bytearray()
    for e in entries:
        name = e.name.encode("utf-8")
        comp = e.raw if e.raw is not None else deflate(e.data) if e.method == zipfile.ZIP_DEFLATED else e.data
        crc = zlib.crc32(e.data) if e.crc is None else e.crc
        size = len(e.data) if e.size is None else e.size
        flags = e.flags | 0x800  # UTF-8 names
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, e.method, 0, 0x21, crc, len(comp), size, len(name), 0)
        out += name + comp
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            *(0x02014B50, 20, 20, flags, e.method, 0, 0x21, crc, len(comp), size, len(name), 0, 0, 0, 0, 0, offset),
        )
        central += name
    n = len(entries)
    return bytes(out + central + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, n, n, len(central), len(out), 0))


@cache
def zeros_deflated(size: int) -> tuple[bytes, int]:
    """``size`` zero bytes deflated (a zip bomb's payload, ~1/1000 of its size) and their CRC-32."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(1 << 20)
    parts, crc, left = [], 0, size
    while left:
        piece = chunk[: min(left, len(chunk))]
        parts.append(c.compress(piece))
        crc = zlib.crc32(piece, crc)
        left -= len(piece)
    parts.append(c.flush())
    return b"".join(parts), crc


def raw_signed(
    manifest: dict[str, Any],
    members: dict[str, bytes],
    key: KeyPair,
    *,
    edit: Callable[[bytes], bytes] | None = None,
) -> bytes:
    """Sign any manifest (even one its schema refuses) the way the format does; ``edit`` changes its bytes first."""
    manifest = {
        **manifest,
        "public_key": encode_key(key.public_key),
        "key_fingerprint": key.fingerprint,
        "members": [{"name": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()} for n, d in members.items()],
    }
    data = canonical_json(manifest)
    if edit is not None:
        data = edit(data)
    sig = base64.b64encode(key.sign(data))
    return build_zip([Entry(MANIFEST, data), Entry(SIGNATURE, sig), *(Entry(n, d) for n, d in members.items())])


# --- the real file --------------------------------------------------------------------------------


@dataclass(frozen=True)
class RealReport:
    """Lượng Minh's real report file for 2025-07 and its parts, to forge variants from."""

    path: Path
    data: bytes = field(repr=False)
    manifest: dict[str, Any] = field(repr=False)
    manifest_bytes: bytes = field(repr=False)
    signature: bytes = field(repr=False)
    members: dict[str, bytes] = field(repr=False)  # payload.json, report.xlsx, report.pdf
    key: KeyPair = field(repr=False)

    @property
    def payload(self) -> dict[str, Any]:
        """A fresh copy, safe to edit."""
        return json.loads(self.members[PAYLOAD])

    def manifest_fields(self) -> dict[str, Any]:
        keep = ("app_version", "sender", "period", "revision", "replaces_revision")
        return copy.deepcopy({k: self.manifest[k] for k in keep})

    def signed(
        self,
        payload: dict[str, Any] | None = None,
        *,
        payload_bytes: bytes | None = None,
        key: KeyPair | None = None,
        created_at: datetime = MADE,
        **fields: Any,
    ) -> bytes:
        """A validly signed report file: the real one with another payload or manifest fields."""
        manifest = self.manifest_fields() | fields
        members = dict(self.members)
        if payload_bytes is not None:
            members[PAYLOAD] = payload_bytes
        elif payload is not None:
            members[PAYLOAD] = canonical_json(payload)
        return write_archive(KIND_REPORT, manifest, members, key or self.key, created_at=created_at)

    def as_commune(self, code: str, name: str, key: KeyPair, *, payload_code: str | None = None) -> bytes:
        """The same report, claiming another commune (in the manifest and, unless told, the payload)."""
        payload = self.payload
        payload["commune"]["code"], payload["commune"]["name"] = payload_code or code, name
        sender = self.manifest_fields()["sender"] | {"code": code, "name": name}
        return self.signed(payload, key=key, sender=sender)

    def parts(self) -> list[Entry]:
        """The members as in the real file (manifest and signature untouched), to rebuild with changes."""
        return [
            Entry(MANIFEST, self.manifest_bytes),
            Entry(SIGNATURE, self.signature),
            *(Entry(n, d) for n, d in self.members.items()),
        ]

    def rezip(self, replace: dict[str, bytes] | None = None, extra: Sequence[Entry] = ()) -> bytes:
        """The real file's members (signed manifest kept) with some replaced or added."""
        replace = replace or {}
        return build_zip([Entry(e.name, replace.get(e.name, e.data)) for e in self.parts()] + list(extra))


def export_real_report(demo_db: Path, folder: Path) -> RealReport:
    """Export Lượng Minh's 2025-07 report file from a copy of the demo database, as the commune would."""
    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / "commune.sqlite"
    shutil.copyfile(demo_db, db_path)
    db = open_database(db_path)
    try:
        with db.sessions.begin() as s:
            exported = export_report_file(s, period_for(PeriodKind.MONTH, 2025, 7), folder, now=MADE)
            key = install_key(s)
    finally:
        db.close()
    data = exported.path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    return RealReport(
        exported.path,
        data,
        json.loads(members[MANIFEST]),
        members.pop(MANIFEST),
        members.pop(SIGNATURE),
        members,
        key,
    )


def make_province_db(path: Path) -> Path:
    """A province database (Nghệ An) expecting reports from communes A, B and C."""
    db = open_database(path)
    try:
        with db.sessions.begin() as s:
            set_province_mode(s)
            save_province_profile(s, ProvinceProfile(code="40", name="Nghệ An"))
            for code, name in (COMMUNE_A, COMMUNE_B, COMMUNE_C):
                save_commune(s, CommuneEntry(code, name))
    finally:
        db.close()
    return path


def row_counts(sessions: sessionmaker[Session]) -> tuple[int, int, int]:
    """(received reports, province proposals, trusted keys): what an import may add."""
    with sessions() as s:
        return tuple(  # type: ignore[return-value]
            s.scalar(select(func.count()).select_from(t)) or 0 for t in (ReceivedReport, ProvinceProposal, TrustedKey)
        )
