"""Hostile .cdesk files: every import path refuses them with a Vietnamese message and stores nothing.

Each province case imports a batch of two files, the hostile one and a good report of another
commune: the good one must still import (one bad file never blocks the others) and the hostile
one must add no received report, proposal or trusted key. The preview must announce the same.
"""

from __future__ import annotations

import io
import re
import shutil
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from reports.exchange.archive import (
    KIND_REGISTRATION,
    KIND_RESPONSE,
    MANIFEST,
    PAYLOAD,
    SIGNATURE,
    canonical_json,
    open_archive,
    write_archive,
)
from reports.exchange.province_import import FileResult, accept_key_from_file, import_files, preview_files
from reports.exchange.response_file import apply_response, preview_response
from storage.db import Database, open_database
from storage.exchange_errors import ExchangeError, Reason
from storage.models import Proposal, TrustedKey
from storage.periods import PeriodKind, period_for
from storage.province.received import Verdict
from storage.signing import KeyPair, trust_key
from tests.exchange_support import (
    COMMUNE_A,
    COMMUNE_B,
    COMMUNE_C,
    MADE,
    NOW,
    Entry,
    RealReport,
    build_zip,
    export_real_report,
    is_vietnamese,
    make_province_db,
    new_key,
    raw_signed,
    row_counts,
    zeros_deflated,
)

BOMB = 200 * 1024 * 1024  # inflates to 200 MB; the payload limit is 8 MiB


@dataclass(frozen=True)
class Kit:
    """What the cases forge from: the real file, other communes' keys, the province template."""

    real: RealReport = field(repr=False)
    key_b: KeyPair = field(repr=False)
    key_c: KeyPair = field(repr=False)
    companion: bytes = field(repr=False)  # commune C's good report, imported beside every hostile file
    template: Path

    def registration(self, code: str, name: str, key: KeyPair, *, payload_code: str | None = None) -> bytes:
        sender = self.real.manifest_fields()["sender"] | {"code": code, "name": name}
        payload = {"commune_code": payload_code or code, "commune_name": name, "contact": "0238 3 123 456"}
        return write_archive(
            KIND_REGISTRATION,
            {"app_version": "0.1.0", "sender": sender},
            {PAYLOAD: canonical_json(payload)},
            key,
            created_at=MADE,
        )


@pytest.fixture(scope="module")
def kit(luong_minh_demo_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Kit:
    folder = tmp_path_factory.mktemp("hostile")
    real = export_real_report(luong_minh_demo_file, folder / "commune")
    key_c = new_key()
    return Kit(real, new_key(), key_c, real.as_commune(*COMMUNE_C, key_c), make_province_db(folder / "province.sqlite"))


@pytest.fixture
def province(kit: Kit, tmp_path: Path) -> Iterator[Database]:
    """A fresh province database for this test (a copy of the module's template)."""
    path = tmp_path / "province.sqlite"
    shutil.copyfile(kit.template, path)
    db = open_database(path)
    yield db
    db.close()


# --- the cases ------------------------------------------------------------------------------------

Make = Callable[[Kit], bytes]
Setup = Callable[[Kit, sessionmaker[Session], Path], None]


@dataclass(frozen=True)
class Case:
    make: Make
    reason: Reason | None
    verdict: Verdict = Verdict.REJECTED
    setup: Setup | None = None
    opens: bool = True  # False: open_archive itself refuses the file


def _bad(make: Make, reason: Reason, **kw: Any) -> Case:
    """A file open_archive itself refuses (broken, tampered, unsafe, schema)."""
    return Case(make, reason, opens=False, **kw)


def _payload(edit: Callable[[dict[str, Any]], object]) -> Make:
    """The real report, validly signed by its commune, with an edited payload."""

    def make(kit: Kit) -> bytes:
        p = kit.real.payload
        edit(p)
        return kit.real.signed(p)

    return make


def _payload_text(edit: Callable[[bytes], bytes]) -> Make:
    """The real report, validly signed, with payload.json bytes that no JSON encoder would write."""

    def make(kit: Kit) -> bytes:
        before = kit.real.members[PAYLOAD]
        after = edit(before)
        assert after != before, "the edit did nothing"
        return kit.real.signed(payload_bytes=after)

    return make


def _women(replacement: str) -> Callable[[bytes], bytes]:
    """Replace the value of staffing.women by a literal (NaN, 1e1, a huge number...)."""
    return lambda b: re.sub(rb'"women": \d+', b'"women": ' + replacement.encode(), b, count=1)


def _manifest_raw(**changes: Any) -> Make:
    """A manifest its schema would refuse, validly signed (write_archive refuses to make these)."""

    def make(kit: Kit) -> bytes:
        m = {k: v for k, v in kit.real.manifest.items() if k not in ("public_key", "key_fingerprint", "members")}
        return raw_signed(m | changes, kit.real.members, kit.real.key)

    return make


def _tampered_manifest(old: bytes, new: bytes) -> Make:
    """The signed manifest edited afterwards, its old signature kept."""

    def make(kit: Kit) -> bytes:
        assert old in kit.real.manifest_bytes
        return kit.real.rezip({MANIFEST: kit.real.manifest_bytes.replace(old, new)})

    return make


def _with_members(*extra: Entry) -> Make:
    return lambda kit: kit.real.rezip(extra=extra)


def _bomb(declared: int | None) -> Make:
    """payload.json inflating to 200 MB of zeros; ``declared`` is the size its headers claim."""

    def make(kit: Kit) -> bytes:
        raw, crc = zeros_deflated(BOMB)
        parts = [
            e if e.name != PAYLOAD else Entry(PAYLOAD, raw=raw, crc=crc, size=BOMB if declared is None else declared)
            for e in kit.real.parts()
        ]
        return build_zip(parts)

    return make


def _period_file(start: str, end: str, spec: str = "2025-07") -> Make:
    """The real report moved to another period, consistently in the manifest and the payload."""

    def make(kit: Kit) -> bytes:
        p = kit.real.payload
        period = kit.real.manifest_fields()["period"] | {"spec": spec, "start": start, "end": end}
        p["period"] |= period
        return kit.real.signed(p, period=period)

    return make


_SEPTEMBER = period_for(PeriodKind.MONTH, 2025, 9)


def _response_file(kit: Kit) -> bytes:
    province_key = new_key()
    return write_archive(
        KIND_RESPONSE,
        {
            "app_version": "0.1.0",
            "sender": {
                "role": "province",
                "code": "40",
                "name": "Tỉnh Nghệ An",
                "province_code": "40",
                "province_name": "Nghệ An",
            },
            "recipient": {"code": COMMUNE_A[0], "name": COMMUNE_A[1]},
            "sequence": 1,
        },
        {PAYLOAD: canonical_json({"commune_code": COMMUNE_A[0], "responses": [_answer()]})},
        province_key,
        created_at=MADE,
    )


def _pre_import(make: Make) -> Setup:
    """Import (and commit) a good file before the batch."""

    def setup(kit: Kit, sessions: sessionmaker[Session], folder: Path) -> None:
        path = folder / "before.cdesk"
        path.write_bytes(make(kit))
        [result] = import_files(sessions, [path], now=NOW)
        assert result.verdict.will_import, result.vi

    return setup


def _pre_trust(code: str) -> Setup:
    """The province already trusts a key (commune B's own) for ``code``."""

    def setup(kit: Kit, sessions: sessionmaker[Session], folder: Path) -> None:
        with sessions.begin() as s:
            trust_key(s, code, kit.key_b.public_key, "first_file", now=NOW)

    return setup


def _real(kit: Kit) -> bytes:
    return kit.real.data


def _revision_2(kit: Kit) -> bytes:
    return kit.real.signed(revision=2, replaces_revision=1, created_at=MADE + timedelta(days=2))


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """Set a value at a slash path of the payload (list indexes as numbers)."""

    def edit(p: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        node: Any = p
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        node[int(last) if isinstance(node, list) else last] = value

    return edit


def _dup_id(section: str) -> Callable[[dict[str, Any]], None]:
    def edit(p: dict[str, Any]) -> None:
        items = p["proposals"] if section == "proposals" else p["equipment"]["lines"]
        items[1]["id"] = items[0]["id"]

    return edit


def _many_proposals(p: dict[str, Any]) -> None:
    first = p["proposals"][0] | {"content": "", "response_text": ""}
    p["proposals"] = [first | {"id": i} for i in range(1, 5002)]


def _break_identity(p: dict[str, Any]) -> None:
    p["dossiers"]["by_field"][0]["received_online"] += 1  # received_total no longer the sum of its parts


def _break_total(p: dict[str, Any]) -> None:
    p["dossiers"]["total"]["waiting_supplement"] += 1  # not the sum of the fields any more


def _other_content(p: dict[str, Any]) -> None:
    p["staffing"]["women"] += 1


CASES: dict[str, Case] = {
    # broken containers
    "truncated-half": _bad(lambda k: k.real.data[: len(k.real.data) // 2], Reason.CORRUPTED),
    "truncated-end": _bad(lambda k: k.real.data[:-30], Reason.CORRUPTED),
    "random-bytes": _bad(lambda k: bytes((i * 7919 + 13) % 251 for i in range(5000)), Reason.CORRUPTED),
    "empty": _bad(lambda k: b"", Reason.CORRUPTED),
    "zip-without-manifest": _bad(lambda k: build_zip([Entry(PAYLOAD, k.real.members[PAYLOAD])]), Reason.NOT_EXCHANGE),
    "signature-missing": _bad(
        lambda k: build_zip([e for e in k.real.parts() if e.name != "manifest.sig"]), Reason.NOT_EXCHANGE
    ),
    # changed after signing
    "pdf-edited": _bad(
        lambda k: k.real.rezip({"report.pdf": k.real.members["report.pdf"].replace(b"/Type", b"/Typf", 1)}),
        Reason.CHECKSUM,
    ),
    "payload-edited": _bad(
        lambda k: k.real.rezip({PAYLOAD: re.sub(rb'"women": \d+', b'"women": 99', k.real.members[PAYLOAD], count=1)}),
        Reason.CHECKSUM,
    ),
    "manifest-commune-name-edited": _bad(
        _tampered_manifest("Lượng Minh".encode(), "Lượng Minh 2".encode()), Reason.SIGNATURE
    ),
    "manifest-revision-edited": _bad(_tampered_manifest(b'"revision": 1', b'"revision": 7'), Reason.SIGNATURE),
    "manifest-sender-code-edited": _bad(_tampered_manifest(b'"16906"', b'"17254"'), Reason.SIGNATURE),
    "signature-of-other-bytes": _bad(
        lambda k: build_zip(
            [
                e if e.name != "manifest.sig" else Entry(e.name, k.real.signature[:-8] + b"AAAAAA==")
                for e in k.real.parts()
            ]
        ),
        Reason.SIGNATURE,
    ),
    # unsafe or unexpected members
    "absolute-path": _bad(_with_members(Entry("/etc/x", b"x")), Reason.UNSAFE_PATH),
    "dot-dot": _bad(_with_members(Entry("../x", b"x")), Reason.UNSAFE_PATH),
    "backslash": _bad(_with_members(Entry("..\\x", b"x")), Reason.UNSAFE_PATH),
    "backslash-inside": _bad(_with_members(Entry("dir\\payload.json", b"x")), Reason.UNSAFE_PATH),
    "folder-entry": _bad(_with_members(Entry("report/", b"")), Reason.UNSAFE_PATH),
    "duplicate-member": _bad(lambda k: k.real.rezip(extra=[Entry(PAYLOAD, b"{}")]), Reason.UNSAFE_PATH),
    "duplicate-manifest": _bad(lambda k: k.real.rezip(extra=[Entry(MANIFEST, b"{}")]), Reason.UNSAFE_PATH),
    "extra-member": _bad(_with_members(Entry("readme.txt", b"hello")), Reason.UNSAFE_PATH),
    "too-many-members": _bad(_with_members(*(Entry(f"x{i}.txt", b"") for i in range(10))), Reason.UNSAFE_PATH),
    "encrypted-flag": _bad(
        lambda k: build_zip([e if e.name != PAYLOAD else Entry(PAYLOAD, e.data, flags=0x1) for e in k.real.parts()]),
        Reason.CORRUPTED,
    ),
    "stored-unknown-method": _bad(
        lambda k: build_zip([e if e.name != PAYLOAD else Entry(PAYLOAD, e.data, method=99) for e in k.real.parts()]),
        Reason.CORRUPTED,
    ),
    # zip bombs
    "bomb-honest-header": _bad(_bomb(None), Reason.TOO_LARGE),
    "bomb-header-lies-small": _bad(_bomb(1000), Reason.CORRUPTED),
    "bomb-header-lies-under-limit": _bad(_bomb(8 * 1024 * 1024 - 1), Reason.CORRUPTED),
    # format version and kind
    "format-version-2": _bad(_manifest_raw(format_version=2), Reason.FORMAT_VERSION),
    "format-version-string": _bad(_manifest_raw(format_version="1"), Reason.FORMAT_VERSION),
    "format-version-bool": _bad(_manifest_raw(format_version=True), Reason.FORMAT_VERSION),
    "other-format": _bad(_manifest_raw(format="other-exchange"), Reason.NOT_EXCHANGE),
    "manifest-extra-field": _bad(_manifest_raw(note="x"), Reason.SCHEMA),
    "manifest-duplicate-key": _bad(
        lambda k: raw_signed(
            {x: v for x, v in k.real.manifest.items() if x not in ("public_key", "key_fingerprint", "members")},
            k.real.members,
            k.real.key,
            edit=lambda b: b.replace(b'"app_version"', b'"kind": "commune-report",\n "app_version"', 1),
        ),
        Reason.SCHEMA,
    ),
    "response-given-to-province": Case(_response_file, Reason.NOT_EXCHANGE),
    # payloads that fail the schema (validly signed)
    "missing-key": _bad(_payload(lambda p: p.pop("rules")), Reason.SCHEMA),
    "string-count": _bad(_payload(_set("dossiers/total/received_total", "43")), Reason.SCHEMA),
    "negative-count": _bad(_payload(_set("staffing/women", -1)), Reason.SCHEMA),
    "bool-count": _bad(_payload(_set("staffing/total", True)), Reason.SCHEMA),
    "float-count": _bad(_payload(_set("staffing/women", 17.5)), Reason.SCHEMA),
    "whole-float-count": _bad(_payload(_set("staffing/women", 18.0)), Reason.SCHEMA),
    "exponent-count": _bad(_payload_text(_women("1.8e1")), Reason.SCHEMA),
    "huge-number": _bad(_payload_text(_women("1" + "0" * 5000)), Reason.SCHEMA),
    "nan": _bad(_payload_text(_women("NaN")), Reason.SCHEMA),
    "infinity": _bad(_payload_text(_women("Infinity")), Reason.SCHEMA),
    "title-1mb": _bad(_payload(_set("proposals/0/title", "Đ" * (1 << 20))), Reason.SCHEMA),
    "too-many-fields": _bad(
        _payload(lambda p: p["dossiers"].update(by_field=p["dossiers"]["by_field"] * 41)), Reason.SCHEMA
    ),
    "too-many-proposals": _bad(_payload(_many_proposals), Reason.SCHEMA),
    "unknown-field": _bad(_payload(_set("commune/secret", "x")), Reason.SCHEMA),
    "duplicate-json-key": _bad(
        _payload_text(lambda b: b.replace(b'"commune": {', b'"commune": {\n  "code": "17254",', 1)), Reason.SCHEMA
    ),
    "not-utf8": _bad(_payload_text(lambda b: b.replace("Xã".encode(), "Xã".encode("latin-1"))), Reason.SCHEMA),
    "utf16": _bad(_payload_text(lambda b: b.decode().encode("utf-16")), Reason.SCHEMA),
    "deep-nesting": _bad(_payload_text(lambda b: b"[" * 100_000 + b"]" * 100_000), Reason.SCHEMA),
    "not-an-object": _bad(_payload_text(lambda b: b"[]"), Reason.SCHEMA),
    "bad-status": _bad(_payload(_set("proposals/0/status", "draft")), Reason.SCHEMA),
    # what the schema cannot say
    "duplicate-proposal-ids": Case(_payload(_dup_id("proposals")), Reason.DUPLICATE_ID),
    "duplicate-equipment-ids": Case(_payload(_dup_id("equipment")), Reason.DUPLICATE_ID),
    "form-does-not-add-up": Case(_payload(_break_identity), Reason.MISMATCH),
    "total-row-not-sum": Case(_payload(_break_total), Reason.MISMATCH),
    "payload-period-differs": Case(_payload(_set("period/start", "2025-06-16")), Reason.MISMATCH),
    "impossible-date": Case(_period_file("2025-02-30", "2025-03-14"), Reason.SCHEMA),
    "period-backwards": Case(_period_file("2025-07-14", "2025-06-15"), Reason.MISMATCH),
    "period-dates-not-its-name": Case(_period_file("2025-06-01", "2025-07-31"), Reason.MISMATCH),
    "replaces-wrong-revision": Case(lambda k: k.real.signed(revision=3, replaces_revision=1), Reason.MISMATCH),
    "period-in-future": Case(_period_file(str(_SEPTEMBER.start), str(_SEPTEMBER.end), _SEPTEMBER.spec), Reason.FUTURE),
    "made-in-future": Case(lambda k: k.real.signed(created_at=datetime(2031, 1, 1, 8, 0)), Reason.FUTURE),
    "unknown-commune": Case(lambda k: k.real.as_commune("00004", "Phường Ba Đình", k.key_b), Reason.UNKNOWN_COMMUNE),
    # claiming another commune
    "key-changed": Case(
        lambda k: k.real.as_commune(*COMMUNE_B, k.real.key), Reason.KEY_CHANGED, setup=_pre_trust(COMMUNE_B[0])
    ),
    "key-of-other": Case(
        lambda k: k.real.as_commune(*COMMUNE_B, k.real.key), Reason.KEY_OF_OTHER, setup=_pre_import(_real)
    ),
    "sender-not-payload-commune": Case(
        lambda k: k.real.as_commune(*COMMUNE_B, k.key_b, payload_code=COMMUNE_A[0]), Reason.MISMATCH
    ),
    "registration-key-of-other": Case(
        lambda k: k.registration(*COMMUNE_B, k.real.key), Reason.KEY_OF_OTHER, setup=_pre_import(_real)
    ),
    "registration-key-changed": Case(
        lambda k: k.registration(*COMMUNE_B, k.real.key), Reason.KEY_CHANGED, setup=_pre_trust(COMMUNE_B[0])
    ),
    "registration-mismatch": Case(
        lambda k: k.registration(*COMMUNE_B, k.key_b, payload_code=COMMUNE_A[0]), Reason.MISMATCH
    ),
    "registration-unknown-commune": Case(
        lambda k: k.registration("00004", "Phường Ba Đình", k.key_b), Reason.UNKNOWN_COMMUNE
    ),
    # revisions
    "conflict": Case(_payload(_other_content), Reason.CONFLICT, setup=_pre_import(_real)),
    "older": Case(_real, None, Verdict.OLDER, setup=_pre_import(_revision_2)),
    "duplicate": Case(_real, None, Verdict.DUPLICATE, setup=_pre_import(_real)),
}


def _run(how: str, sessions: sessionmaker[Session], folder: Path) -> dict[str, FileResult]:
    fn = preview_files if how == "preview" else import_files
    return {r.name: r for r in fn(sessions, [folder], now=NOW)}


@pytest.mark.parametrize("how", ["preview", "import"])
@pytest.mark.parametrize("case_id", list(CASES))
def test_province_refuses_and_stores_nothing(
    case_id: str, how: str, kit: Kit, province: Database, tmp_path: Path
) -> None:
    case = CASES[case_id]
    if case.setup:
        case.setup(kit, province.sessions, tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / "hostile.cdesk").write_bytes(case.make(kit))
    (usb / "16855_2025-07_v1.cdesk").write_bytes(kit.companion)
    before = row_counts(province.sessions)

    started = time.perf_counter()
    results = _run(how, province.sessions, usb)
    assert time.perf_counter() - started < 5, "a hostile file must be refused quickly"

    bad, good = results["hostile.cdesk"], results["16855_2025-07_v1.cdesk"]
    assert (bad.verdict, bad.reason) == (case.verdict, case.reason), bad.vi
    assert not bad.verdict.will_import and bad.report_id is None
    assert is_vietnamese(bad.message("vi")), bad.message("vi")
    assert bad.message("en") and bad.message("en") != bad.message("vi")
    assert good.verdict == Verdict.NEW, good.vi
    proposals = len(kit.real.payload["proposals"])
    grown = (1, proposals, 1) if how == "import" else (0, 0, 0)
    assert row_counts(province.sessions) == tuple(b + g for b, g in zip(before, grown, strict=True))


@pytest.mark.parametrize("case_id", [c for c, case in CASES.items() if not case.opens])
def test_open_archive_and_accept_key_refuse(case_id: str, kit: Kit, province: Database, tmp_path: Path) -> None:
    """The archive layer itself refuses these; so does accepting the file's key by hand."""
    case = CASES[case_id]
    data = case.make(kit)
    with pytest.raises(ExchangeError) as refused:
        open_archive(data)
    assert refused.value.reason == case.reason
    assert is_vietnamese(refused.value.vi), refused.value.vi
    path = tmp_path / "hostile.cdesk"
    path.write_bytes(data)
    with pytest.raises(ExchangeError), province.sessions.begin() as s:
        accept_key_from_file(s, path)
    assert row_counts(province.sessions) == (0, 0, 0)


def test_the_cases_that_open_are_validly_signed(kit: Kit) -> None:
    """The other cases get past the archive checks: what refuses them is the province's own judgement."""
    for case_id, case in CASES.items():
        if case.opens:
            assert open_archive(case.make(kit)).payload, case_id


def test_oversized_file_is_refused_unread(kit: Kit, province: Database, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    with open(usb / "huge.cdesk", "wb") as fh:  # sparse: 31 MiB on paper, nothing on disk
        fh.seek(31 * 1024 * 1024)
        fh.write(b"\0")
    (usb / "16855_2025-07_v1.cdesk").write_bytes(kit.companion)
    results = _run("import", province.sessions, usb)
    assert (results["huge.cdesk"].verdict, results["huge.cdesk"].reason) == (Verdict.REJECTED, Reason.TOO_LARGE)
    assert is_vietnamese(results["huge.cdesk"].vi)
    assert row_counts(province.sessions) == (1, len(kit.real.payload["proposals"]), 1)


def test_bomb_is_small_on_disk(kit: Kit) -> None:
    """The bomb really is one: a small file that would inflate far beyond the payload limit."""
    data = CASES["bomb-header-lies-small"].make(kit)
    assert len(data) < 2 * 1024 * 1024 and BOMB > 20 * 8 * 1024 * 1024


# --- the commune side: response files -------------------------------------------------------------


def _answer(proposal_id: int = 1, **changes: Any) -> dict[str, Any]:
    return {
        "proposal_id": proposal_id,
        "title": "Thành lập phòng chuyên môn",
        "status": "resolved",
        "response_text": "Sở Nội vụ đã trình UBND tỉnh quyết định.",
        "response_date": "2025-08-05",
    } | changes


_PROVINCE_SENDER = {
    "role": "province",
    "code": "40",
    "name": "Tỉnh Nghệ An",
    "province_code": "40",
    "province_name": "Nghệ An",
}


def _response(
    key: KeyPair,
    *,
    recipient: tuple[str, str] = COMMUNE_A,
    payload_code: str | None = None,
    responses: list[dict[str, Any]] | None = None,
) -> bytes:
    payload = {"commune_code": payload_code or recipient[0], "responses": responses or [_answer()]}
    return write_archive(
        KIND_RESPONSE,
        {
            "app_version": "0.1.0",
            "sender": _PROVINCE_SENDER,
            "recipient": {"code": recipient[0], "name": recipient[1]},
            "sequence": 1,
        },
        {PAYLOAD: canonical_json(payload)},
        key,
        created_at=MADE + timedelta(days=7),
    )


def _tamper(data: bytes, name: str, old: bytes, new: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = [Entry(n, zf.read(n)) for n in zf.namelist()]
    assert any(old in e.data for e in parts if e.name == name)
    return build_zip([e if e.name != name else Entry(name, e.data.replace(old, new, 1)) for e in parts])


@dataclass(frozen=True)
class ResponseCase:
    make: Callable[[Kit, KeyPair], bytes]  # (kit, the province's key)
    reason: Reason
    trust_first: bool = False  # a good response was applied before (the province key is trusted)


RESPONSE_CASES: dict[str, ResponseCase] = {
    "wrong-recipient": ResponseCase(lambda k, p: _response(p, recipient=COMMUNE_B), Reason.WRONG_RECIPIENT),
    "payload-for-other-commune": ResponseCase(
        lambda k, p: _response(p, payload_code=COMMUNE_B[0]), Reason.WRONG_RECIPIENT
    ),
    "payload-tampered": ResponseCase(
        lambda k, p: _tamper(_response(p), PAYLOAD, b'"resolved"', b'"declined"'), Reason.CHECKSUM
    ),
    "manifest-tampered": ResponseCase(
        lambda k, p: _tamper(_response(p), MANIFEST, b'"sequence": 1', b'"sequence": 2'), Reason.SIGNATURE
    ),
    "key-changed": ResponseCase(lambda k, p: _response(new_key()), Reason.KEY_CHANGED, trust_first=True),
    "duplicate-proposal-ids": ResponseCase(
        lambda k, p: _response(p, responses=[_answer(1), _answer(1, status="declined")]), Reason.DUPLICATE_ID
    ),
    "impossible-date": ResponseCase(
        lambda k, p: _response(p, responses=[_answer(response_date="2025-02-30")]), Reason.SCHEMA
    ),
    "status-draft": ResponseCase(lambda k, p: _response(p, responses=[_answer(status="draft")]), Reason.SCHEMA),
    "sent-by-a-commune": ResponseCase(
        lambda k, p: raw_signed(
            {
                "format": "commune-desk-exchange",
                "format_version": 1,
                "kind": KIND_RESPONSE,
                "created_at": "2025-08-07T09:00:00",
                "app_version": "0.1.0",
                "sender": k.real.manifest["sender"],
                "recipient": {"code": COMMUNE_A[0], "name": COMMUNE_A[1]},
                "sequence": 1,
            },
            {PAYLOAD: canonical_json({"commune_code": COMMUNE_A[0], "responses": [_answer()]})},
            k.key_b,
        ),
        Reason.SCHEMA,
    ),
    "registration-file": ResponseCase(lambda k, p: k.registration(*COMMUNE_A, k.real.key), Reason.NOT_EXCHANGE),
    "report-file": ResponseCase(lambda k, p: k.real.data, Reason.NOT_EXCHANGE),
    "truncated": ResponseCase(lambda k, p: _response(p)[:-40], Reason.CORRUPTED),
    "not-a-zip": ResponseCase(lambda k, p: "Kính gửi UBND xã".encode() * 50, Reason.CORRUPTED),
}


def _commune_state(sessions: sessionmaker[Session]) -> tuple[list[Any], list[Any]]:
    """Every proposal's follow-up and every trusted key: what applying a response may change."""
    with sessions() as s:
        proposals = s.execute(
            select(Proposal.id, Proposal.status, Proposal.response_text, Proposal.response_date).order_by(Proposal.id)
        ).all()
        keys = s.execute(select(TrustedKey.owner, TrustedKey.fingerprint).order_by(TrustedKey.owner)).all()
    return [tuple(r) for r in proposals], [tuple(r) for r in keys]


@pytest.fixture
def commune(luong_minh_db: Path) -> Iterator[Database]:
    db = open_database(luong_minh_db)
    yield db
    db.close()


def test_good_response_applies(kit: Kit, commune: Database, tmp_path: Path) -> None:
    """The control: a well-made response is accepted, so the refusals below are not blanket ones."""
    path = tmp_path / "16906_phan-hoi_1.cdesk"
    path.write_bytes(_response(new_key()))
    with commune.sessions.begin() as s:
        preview = apply_response(s, path)
    assert preview.first_key and [c.proposal_id for c in preview.changes if c.changes] == [1]
    proposals, keys = _commune_state(commune.sessions)
    assert proposals[0][1:3] == ("resolved", "Sở Nội vụ đã trình UBND tỉnh quyết định.")
    assert [owner for owner, _ in keys] == ["province:40"]


@pytest.mark.parametrize("how", ["preview", "apply"])
@pytest.mark.parametrize("case_id", list(RESPONSE_CASES))
def test_commune_refuses_response(case_id: str, how: str, kit: Kit, commune: Database, tmp_path: Path) -> None:
    case = RESPONSE_CASES[case_id]
    province_key = new_key()
    if case.trust_first:
        first = tmp_path / "first.cdesk"
        first.write_bytes(_response(province_key, responses=[_answer(2, status="acknowledged", response_text="")]))
        with commune.sessions.begin() as s:
            apply_response(s, first)
    before = _commune_state(commune.sessions)
    path = tmp_path / "16906_phan-hoi_2.cdesk"
    path.write_bytes(case.make(kit, province_key))

    with pytest.raises(ExchangeError) as refused, commune.sessions.begin() as s:
        (preview_response if how == "preview" else apply_response)(s, path)

    assert refused.value.reason == case.reason, refused.value.vi
    assert is_vietnamese(refused.value.vi), refused.value.vi
    assert _commune_state(commune.sessions) == before


# --- random damage --------------------------------------------------------------------------------


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    database=None,
)
@given(data=st.data())
def test_damaged_bytes_are_refused_or_harmless(kit: Kit, data: st.DataObject) -> None:
    """Any byte changed anywhere (headers most often): a clear refusal, or exactly the same content."""
    original = kit.real.data
    n = len(original)
    where = st.one_of(st.integers(0, n - 1), st.integers(0, 400), st.integers(n - 700, n - 1))
    damaged = bytearray(original)
    for pos, value in data.draw(st.lists(st.tuples(where, st.integers(0, 255)), min_size=1, max_size=6)):
        damaged[pos] = value
    if data.draw(st.booleans()) and data.draw(st.booleans()):
        del damaged[data.draw(st.integers(0, n - 1)) :]
    try:
        archive = open_archive(bytes(damaged))
    except ExchangeError as exc:
        assert exc.reason in Reason and exc.vi
        return
    assert archive.manifest == kit.real.manifest
    assert archive.payload == kit.real.payload
    assert archive.members == {MANIFEST: kit.real.manifest_bytes, SIGNATURE: kit.real.signature, **kit.real.members}
