"""The .cdesk container: a ZIP with a signed manifest, a JSON payload and files for people to open.

Layout (docs/exchange-format.md): ``manifest.json`` (format, sender, period, revision, SHA-256
and size of every other member, the sender's public key), ``manifest.sig`` (base64 Ed25519
signature of the exact manifest bytes), ``payload.json`` and, for reports, ``report.xlsx`` and
``report.pdf``. Signing the manifest signs everything, because it holds every member's hash.

Reading never trusts the archive: sizes are capped while decompressing (the sizes a ZIP declares
can lie), member names must be the expected ones, JSON is parsed strictly and checked against the
published JSON Schema before any value is used.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import lzma
import struct
import zipfile
import zlib
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema

from reports.exchange.schema_check import Check, compile_schema
from storage.exchange_errors import ExchangeError, Reason
from storage.signing import KeyPair, decode_key, encode_key, fingerprint, verify

FORMAT_NAME = "commune-desk-exchange"
FORMAT_VERSION = 1
SUFFIX = ".cdesk"

KIND_REPORT = "commune-report"
KIND_RESPONSE = "province-response"
KIND_REGISTRATION = "commune-registration"

MANIFEST, SIGNATURE, PAYLOAD = "manifest.json", "manifest.sig", "payload.json"
MEMBERS: dict[str, tuple[str, ...]] = {
    KIND_REPORT: (PAYLOAD, "report.xlsx", "report.pdf"),
    KIND_RESPONSE: (PAYLOAD,),
    KIND_REGISTRATION: (PAYLOAD,),
}
MIB = 1024 * 1024
MAX_FILE_BYTES = 30 * MIB  # a real report file is well under 1 MiB
MAX_MEMBER_BYTES = {
    MANIFEST: 64 * 1024,
    SIGNATURE: 1024,
    PAYLOAD: 8 * MIB,
    "report.xlsx": 10 * MIB,
    "report.pdf": 20 * MIB,
}
MAX_TOTAL_BYTES = 40 * MIB
# What zipfile and its decompressors raise on damaged or crafted input (zlib.error, LZMAError and
# struct.error are not OSError/ValueError): all of them mean "damaged file", never a crash.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    RuntimeError,
    OverflowError,
    zlib.error,
    lzma.LZMAError,
    struct.error,
)
MANIFEST_WHAT = ("bản kê khai (manifest)", "The manifest")
PAYLOAD_WHAT = ("dữ liệu (payload)", "The payload")
_SCHEMAS = {
    "manifest": "manifest.schema.json",
    KIND_REPORT: "report.schema.json",
    KIND_RESPONSE: "response.schema.json",
    KIND_REGISTRATION: "registration.schema.json",
}


@cache
def schema(name: str) -> dict[str, Any]:
    """A published JSON Schema: "manifest" or a kind's payload."""
    text = resources.files("reports.exchange").joinpath("schemas", _SCHEMAS[name]).read_text(encoding="utf-8")
    return json.loads(text)


def _inline_refs(node: Any, defs: dict[str, Any]) -> Any:
    """Replace local ``{"$ref": "#/$defs/x"}`` by the definition itself (the schemas are not recursive).

    jsonschema resolves every $ref at each use; inlined, a report payload validates in a third
    of the time (bench/bench_province.py imports thousands of files).
    """
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/") and len(node) == 1:
            return _inline_refs(defs[ref.removeprefix("#/$defs/")], defs)
        return {k: _inline_refs(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline_refs(v, defs) for v in node]
    return node


@cache
def _validator(name: str) -> jsonschema.Draft202012Validator:
    published = schema(name)
    return jsonschema.Draft202012Validator(_inline_refs(published, published.get("$defs", {})))


@dataclass(frozen=True)
class Archive:
    """A verified archive: every member matched the signed manifest."""

    manifest: dict[str, Any]
    payload: dict[str, Any]
    payload_text: str
    members: dict[str, bytes]
    public_key: bytes
    sha256: str  # of the whole file
    size: int

    @property
    def kind(self) -> str:
        return str(self.manifest["kind"])

    @property
    def key_fingerprint(self) -> str:
        return fingerprint(self.public_key)


def canonical_json(value: Any) -> bytes:
    """The bytes written for a JSON member: UTF-8, sorted keys, stable across runs."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")


def write_archive(
    kind: str, manifest_fields: dict[str, Any], members: dict[str, bytes], key: KeyPair, *, created_at: datetime
) -> bytes:
    """Build a signed archive in memory (files are small); ``members`` must include payload.json."""
    expected = MEMBERS[kind]
    if set(members) != set(expected):
        raise ValueError(f"members of a {kind} file are {expected}, got {sorted(members)}")
    manifest = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "kind": kind,
        "created_at": created_at.replace(microsecond=0).isoformat(),
        **manifest_fields,
        "public_key": encode_key(key.public_key),
        "key_fingerprint": key.fingerprint,
        "members": [
            {"name": name, "size": len(members[name]), "sha256": hashlib.sha256(members[name]).hexdigest()}
            for name in expected
        ],
    }
    errors = sorted(_validator("manifest").iter_errors(manifest), key=lambda e: list(e.path))
    if errors:
        raise ValueError(f"manifest fails its own schema: {errors[0].message}")
    manifest_bytes = canonical_json(manifest)
    signature = base64.b64encode(key.sign(manifest_bytes))
    buf = io.BytesIO()
    stamp = created_at.timetuple()[:6]
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in ((MANIFEST, manifest_bytes), (SIGNATURE, signature), *((n, members[n]) for n in expected)):
            info = zipfile.ZipInfo(name, date_time=stamp if stamp[0] >= 1980 else (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return buf.getvalue()


# --- reading -----------------------------------------------------------------------------------


def _refuse(reason: Reason, vi: str, en: str) -> ExchangeError:
    return ExchangeError(reason, vi, en)


def read_file(path: Path) -> bytes:
    """The file's bytes, refusing unreadable and oversized files before reading them."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _refuse(
                Reason.TOO_LARGE,
                f"Tệp quá lớn ({size / MIB:.0f} MB; tối đa {MAX_FILE_BYTES // MIB} MB).",
                f"The file is too large ({size / MIB:.0f} MB; at most {MAX_FILE_BYTES // MIB} MB).",
            )
        return path.read_bytes()
    except OSError as exc:
        raise _refuse(
            Reason.UNREADABLE,
            f"Không đọc được tệp ({exc.strerror or exc}).",
            f"Cannot read the file ({exc.strerror or exc}).",
        ) from exc


def _strict_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise ValueError(f"duplicate key {k!r}")
        out[k] = v
    return out


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


class _FractionFound(ValueError):
    pass


def _no_fractions(text: str) -> Any:
    # Every number of the format is a whole number; JSON Schema counts 3.0 as an integer, we do not.
    raise _FractionFound(text[:40])


def parse_json(data: bytes, what: tuple[str, str]) -> Any:
    """Strict JSON: UTF-8, no duplicate keys, no NaN/Infinity, no number with a fraction or exponent."""
    vi, en = what
    try:
        return json.loads(
            data.decode("utf-8"),
            object_pairs_hook=_strict_object,
            parse_constant=_no_constants,
            parse_float=_no_fractions,
        )
    except _FractionFound as exc:
        raise _refuse(
            Reason.SCHEMA,
            f"Nội dung {vi} có số không nguyên «{exc}»: mọi số liệu phải là số nguyên.",
            f"{en} holds a non-whole number «{exc}»: every figure must be a whole number.",
        ) from exc
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise _refuse(
            Reason.SCHEMA,
            f"Nội dung {vi} không phải JSON hợp lệ ({exc}).",
            f"{en} is not valid JSON ({exc}).",
        ) from exc


@cache
def _fast_check(name: str) -> Check | None:
    return compile_schema(_validator(name).schema)


def check_schema(value: Any, name: str, what: tuple[str, str]) -> None:
    """Refuse ``value`` unless it satisfies the named schema; the message names the first bad place.

    The compiled check (schema_check.py) passes valid values in about a millisecond; only a value it
    doubts is walked by jsonschema, which decides and names the error.
    """
    fast = _fast_check(name)
    if fast is not None and fast(value):
        return
    error = next(iter(sorted(_validator(name).iter_errors(value), key=lambda e: list(e.absolute_path))), None)
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path)
        message = error.message if len(error.message) < 200 else error.message[:200] + "…"
        raise _refuse(
            Reason.SCHEMA,
            f"Nội dung {what[0]} sai cấu trúc tại «{where or '(gốc)'}»: {message}",
            f"{what[1]} does not match its schema at «{where or '(root)'}»: {message}",
        )


def _safe_name(name: str) -> bool:
    return not (name.startswith(("/", "\\")) or ".." in name or "\\" in name or ":" in name or "/" in name)


def _read_members(data: bytes) -> dict[str, bytes]:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS as exc:
        raise _refuse(
            Reason.CORRUPTED,
            "Tệp bị hỏng hoặc không phải tệp báo cáo Commune Desk (không đọc được dạng nén).",
            "The file is damaged or not a Commune Desk file (not a readable archive).",
        ) from exc
    members: dict[str, bytes] = {}
    total = 0
    with zf:
        infos = zf.infolist()
        if len(infos) > 8:
            raise _refuse(Reason.UNSAFE_PATH, "Tệp chứa quá nhiều thành phần.", "The file holds too many members.")
        for info in infos:
            name = info.filename
            if not _safe_name(name):
                raise _refuse(
                    Reason.UNSAFE_PATH,
                    f"Tệp chứa đường dẫn không an toàn «{name[:80]}»; tệp bị từ chối.",
                    f"The file holds an unsafe path «{name[:80]}»; refused.",
                )
            if name in members:
                raise _refuse(Reason.UNSAFE_PATH, f"Thành phần «{name}» bị lặp lại.", f"Member «{name}» appears twice.")
            limit = MAX_MEMBER_BYTES.get(name)
            if limit is None:
                raise _refuse(
                    Reason.UNSAFE_PATH,
                    f"Tệp chứa thành phần lạ «{name[:80]}».",
                    f"The file holds an unexpected member «{name[:80]}».",
                )
            if info.flag_bits & 0x1:
                raise _refuse(Reason.CORRUPTED, "Tệp bị mã hóa bằng mật khẩu.", "The file is password-encrypted.")
            too_big = _refuse(
                Reason.TOO_LARGE,
                f"Thành phần «{name}» giải nén ra quá lớn (tối đa {limit // 1024} KB): có thể là tệp độc hại.",
                f"Member «{name}» expands beyond {limit // 1024} KB: possibly a hostile file.",
            )
            if info.file_size > limit:
                raise too_big
            try:
                with zf.open(info) as fh:
                    content = fh.read(limit + 1)  # the declared size may lie: cap what is inflated
            except _ZIP_ERRORS as exc:
                raise _refuse(
                    Reason.CORRUPTED,
                    f"Tệp bị hỏng (thành phần «{name}» không giải nén được).",
                    f"The file is damaged (member «{name}» cannot be decompressed).",
                ) from exc
            if len(content) > limit:
                raise too_big
            total += len(content)
            if total > MAX_TOTAL_BYTES:
                raise too_big
            members[name] = content
    return members


def open_archive(data: bytes, *, expect_kind: str | None = None) -> Archive:
    """Verify an archive's structure, signature and checksums; ExchangeError says what is wrong.

    Trust (is this key the sender's?) is the caller's decision: the archive only proves that
    whoever holds ``public_key`` made it unchanged.
    """
    if len(data) > MAX_FILE_BYTES:
        raise _refuse(Reason.TOO_LARGE, "Tệp quá lớn.", "The file is too large.")
    members = _read_members(data)
    if MANIFEST not in members or SIGNATURE not in members:
        raise _refuse(
            Reason.NOT_EXCHANGE,
            "Tệp không phải tệp trao đổi của Commune Desk (thiếu bản kê khai hoặc chữ ký).",
            "Not a Commune Desk exchange file (manifest or signature missing).",
        )
    manifest_bytes = members[MANIFEST]
    manifest = parse_json(manifest_bytes, MANIFEST_WHAT)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise _refuse(
            Reason.NOT_EXCHANGE,
            "Tệp không phải tệp trao đổi của Commune Desk.",
            "Not a Commune Desk exchange file.",
        )
    version = manifest.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version != FORMAT_VERSION:
        newer = isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION
        raise _refuse(
            Reason.FORMAT_VERSION,
            f"Tệp dùng định dạng phiên bản {version!s:.10}"
            + (", mới hơn phần mềm này: hãy cập nhật Commune Desk." if newer else ", phần mềm này không đọc được."),
            f"The file uses format version {version!s:.10}"
            + (", newer than this program: update Commune Desk." if newer else ", which this program cannot read."),
        )
    check_schema(manifest, "manifest", MANIFEST_WHAT)
    kind = manifest["kind"]
    if expect_kind and kind != expect_kind:
        raise _refuse(
            Reason.NOT_EXCHANGE,
            f"Đây là tệp loại «{kind}», không phải «{expect_kind}».",
            f"This is a «{kind}» file, not a «{expect_kind}».",
        )
    public_key = decode_key(manifest["public_key"])
    try:
        signature = base64.b64decode(members[SIGNATURE].strip(), validate=True)
    except ValueError:
        signature = b""
    if len(signature) != 64 or not verify(public_key, signature, manifest_bytes):
        raise _refuse(
            Reason.SIGNATURE,
            "Chữ ký số của tệp không đúng: tệp đã bị sửa sau khi ký hoặc bị giả mạo.",
            "The file's signature does not verify: it was changed after signing or forged.",
        )
    if manifest["key_fingerprint"] != fingerprint(public_key):
        raise _refuse(Reason.SIGNATURE, "Dấu vân tay khóa không khớp.", "The key fingerprint does not match.")
    listed = {m["name"]: m for m in manifest["members"]}
    if (
        len(listed) != len(manifest["members"])
        or set(listed) != set(MEMBERS[kind])
        or set(members)
        != {
            MANIFEST,
            SIGNATURE,
            *listed,
        }
    ):
        raise _refuse(
            Reason.CHECKSUM,
            "Danh sách thành phần của tệp không khớp với bản kê khai.",
            "The file's members do not match its manifest.",
        )
    for name, entry in listed.items():
        content = members[name]
        if len(content) != entry["size"] or hashlib.sha256(content).hexdigest() != entry["sha256"]:
            raise _refuse(
                Reason.CHECKSUM,
                f"Thành phần «{name}» không khớp mã kiểm tra SHA-256: tệp bị hỏng hoặc bị sửa.",
                f"Member «{name}» does not match its SHA-256: the file is damaged or was changed.",
            )
    payload_bytes = members[PAYLOAD]
    payload = parse_json(payload_bytes, PAYLOAD_WHAT)
    check_schema(payload, kind, PAYLOAD_WHAT)
    return Archive(
        manifest=manifest,
        payload=payload,
        payload_text=payload_bytes.decode("utf-8"),
        members=members,
        public_key=public_key,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
    )
