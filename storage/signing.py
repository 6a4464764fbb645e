"""Ed25519 keys of this installation and of its peers (trusted on first use or by registration).

The key pair lives in the database, so a backup of the database carries it: a commune that
restores a backup keeps signing with the key the province already trusts.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from datetime import datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.errors import UserError
from storage.models import InstallKey, TrustedKey


def fingerprint(public_key: bytes) -> str:
    """SHA-256 of the raw public key, hex: what people compare on the phone."""
    return hashlib.sha256(public_key).hexdigest()


def short_fingerprint(fp: str) -> str:
    """The first 16 hex digits in groups of four, easy to read aloud."""
    return " ".join(fp[i : i + 4] for i in range(0, 16, 4)).upper()


def encode_key(public_key: bytes) -> str:
    return base64.b64encode(public_key).decode("ascii")


def decode_key(text: str) -> bytes:
    """A base64 raw Ed25519 public key; UserError when it is not one."""
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError) as exc:
        raise UserError("Khóa công khai không hợp lệ.", "The public key is not valid.") from exc
    if len(raw) != 32:
        raise UserError("Khóa công khai không hợp lệ (sai độ dài).", "The public key has the wrong length.")
    return raw


@dataclass(frozen=True)
class KeyPair:
    """This installation's key pair (raw bytes)."""

    private_key: bytes
    public_key: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    def sign(self, message: bytes) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(self.private_key).sign(message)


def install_key(session: Session) -> KeyPair:
    """This installation's key pair, created (and stored) on first use."""
    row = session.scalar(select(InstallKey).order_by(InstallKey.id).limit(1))
    if row is None:
        private = Ed25519PrivateKey.generate()
        from cryptography.hazmat.primitives.serialization import NoEncryption, PrivateFormat

        row = InstallKey(
            private_key=private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()),
            public_key=private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw),
        )
        session.add(row)
        session.flush()
    return KeyPair(row.private_key, row.public_key)


def verify(public_key: bytes, signature: bytes, message: bytes) -> bool:
    """True when ``signature`` is ``public_key``'s Ed25519 signature of ``message``."""
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


@dataclass(frozen=True)
class TrustedKeyRow:
    owner: str
    public_key: bytes
    fingerprint: str
    source: str
    trusted_at: datetime


def trusted_key(session: Session, owner: str) -> TrustedKeyRow | None:
    """The key trusted for ``owner`` (a commune code, or ``province:<code>``)."""
    row = session.get(TrustedKey, owner)
    if row is None:
        return None
    return TrustedKeyRow(row.owner, decode_key(row.public_key), row.fingerprint, row.source, row.trusted_at)


def list_trusted_keys(session: Session) -> list[TrustedKeyRow]:
    """Every trusted peer key, by owner (commune codes on the province side, ``province:<code>`` on a commune's)."""
    return [
        TrustedKeyRow(r.owner, decode_key(r.public_key), r.fingerprint, r.source, r.trusted_at)
        for r in session.scalars(select(TrustedKey).order_by(TrustedKey.owner))
    ]


def trust_key(session: Session, owner: str, public_key: bytes, source: str, *, now: datetime | None = None) -> None:
    """Trust ``public_key`` for ``owner`` from now on (replacing any earlier key: callers confirm first)."""
    row = session.get(TrustedKey, owner)
    if row is None:
        row = TrustedKey(owner=owner)
        session.add(row)
    row.public_key = encode_key(public_key)
    row.fingerprint = fingerprint(public_key)
    row.source = source
    row.trusted_at = now or datetime.now()
    session.flush()


def forget_key(session: Session, owner: str) -> None:
    """Stop trusting ``owner``'s key: the next file signed for it is trusted on first use again."""
    row = session.get(TrustedKey, owner)
    if row is not None:
        session.delete(row)
        session.flush()
