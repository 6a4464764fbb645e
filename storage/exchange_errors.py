"""Why an exchange file is refused: a short reason code for tests and tools, and the message."""

from __future__ import annotations

from enum import StrEnum

from storage.errors import UserError


class Reason(StrEnum):
    """Reason codes; each maps to the Vietnamese/English message shown in the import preview."""

    UNREADABLE = "unreadable"  # cannot read the file at all
    TOO_LARGE = "too_large"  # file or a member beyond the size limits (zip bombs)
    CORRUPTED = "corrupted"  # not a zip, truncated, CRC errors
    UNSAFE_PATH = "unsafe_path"  # absolute path, "..", unexpected or duplicate member
    NOT_EXCHANGE = "not_exchange"  # a zip, but not a Commune Desk file, or the wrong kind
    FORMAT_VERSION = "format_version"  # made by a newer (or unknown) format version
    SIGNATURE = "signature"  # the manifest's signature does not verify
    CHECKSUM = "checksum"  # a member does not match the manifest's SHA-256 or size
    SCHEMA = "schema"  # JSON that is not valid or fails the schema
    MISMATCH = "mismatch"  # manifest and payload disagree (commune, period, ...)
    DUPLICATE_ID = "duplicate_id"
    KEY_CHANGED = "key_changed"  # signed by another key than the one trusted for this sender
    KEY_OF_OTHER = "key_of_other"  # the key is trusted for another commune
    UNKNOWN_COMMUNE = "unknown_commune"
    FUTURE = "future"  # period not started yet, or made in the future
    CONFLICT = "conflict"  # same revision already received with other content
    WRONG_RECIPIENT = "wrong_recipient"  # a response file for another commune


class ExchangeError(UserError):
    """A refused exchange file."""

    def __init__(self, reason: Reason, vi: str, en: str) -> None:
        super().__init__(vi, en)
        self.reason = reason
