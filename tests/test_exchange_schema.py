"""The published JSON Schemas are valid Draft 2020-12 and describe the files the program really writes.

Other implementers build on reports/exchange/schemas/*.json (docs/exchange-format.md): a file the
program writes must validate against them with a stock validator, format checks included.
"""

from __future__ import annotations

import io
import json
import re
import tomllib
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from reports.exchange import archive
from reports.exchange.province_import import import_files
from reports.exchange.report_file import build_registration_file
from reports.exchange.response_file import write_response_file
from reports.exchange.schema_check import compile_schema
from storage.db import open_database
from storage.province.answers import list_province_proposals, record_answer
from storage.vocab import ProposalStatus
from tests.exchange_support import NOW, RealReport, export_real_report, make_province_db

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "reports" / "exchange" / "schemas"
DOC = ROOT / "docs" / "exchange-format.md"
DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _validate(instance: Any, name: str) -> None:
    """Validate as another implementer would: the schema file from disk, a stock validator, formats checked."""
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(instance, schema, cls=Draft202012Validator, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _parts(data: bytes) -> tuple[dict[str, Any], dict[str, Any]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return json.loads(zf.read(archive.MANIFEST)), json.loads(zf.read(archive.PAYLOAD))


@pytest.fixture(scope="module")
def real(luong_minh_demo_file: Path, tmp_path_factory: pytest.TempPathFactory) -> RealReport:
    return export_real_report(luong_minh_demo_file, tmp_path_factory.mktemp("schema") / "commune")


@pytest.mark.parametrize("path", sorted(SCHEMAS.glob("*.json")), ids=lambda p: p.name)
def test_schema_is_valid_draft_2020_12(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert schema["$schema"] == DRAFT
    Draft202012Validator.check_schema(schema)
    assert schema["$id"].endswith("/v1/" + path.name)


def test_every_published_schema_is_the_one_the_program_checks() -> None:
    names = ("manifest", archive.KIND_REPORT, archive.KIND_RESPONSE, archive.KIND_REGISTRATION)
    on_disk = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in SCHEMAS.glob("*.json")}
    used = {archive._SCHEMAS[n]: archive.schema(n) for n in names}
    assert used == on_disk


def test_real_report_validates(real: RealReport) -> None:
    manifest, payload = _parts(real.data)
    _validate(manifest, "manifest")
    _validate(payload, "report")
    assert manifest["kind"] == archive.KIND_REPORT and payload["proposals"] and payload["dossiers"]["by_procedure"]


def test_registration_validates(luong_minh_db: Path) -> None:
    db = open_database(luong_minh_db)
    try:
        with db.sessions.begin() as s:
            built = build_registration_file(s, contact="0238 3 123 456", now=NOW)
    finally:
        db.close()
    manifest, payload = _parts(built.data)
    _validate(manifest, "manifest")
    _validate(payload, "registration")
    assert manifest["kind"] == archive.KIND_REGISTRATION


def test_response_validates(real: RealReport, tmp_path: Path) -> None:
    """The province imports the real report, answers a proposal and writes the response file."""
    db = open_database(make_province_db(tmp_path / "province.sqlite"))
    try:
        [result] = import_files(db.sessions, [real.path], now=NOW)
        assert result.verdict.will_import
        with db.sessions.begin() as s:
            row = list_province_proposals(s)[0]
            record_answer(
                s, row.id, ProposalStatus.RESOLVED, "Đã bố trí kinh phí.", date(2025, 8, 12), today=date(2025, 8, 12)
            )
            written = write_response_file(s, row.commune_code, tmp_path, now=datetime(2025, 8, 12, 10, 0))
    finally:
        db.close()
    manifest, payload = _parts(written.path.read_bytes())
    _validate(manifest, "manifest")
    _validate(payload, "response")
    assert payload["responses"][0]["status"] == "resolved"


@pytest.mark.parametrize(
    ("name", "edit"),
    [
        ("report", lambda m, p: p.pop("commune")),
        ("report", lambda m, p: p["staffing"].update(women=-1)),
        ("manifest", lambda m, p: m.update(kind="commune-letter")),
        ("manifest", lambda m, p: m["sender"].update(role="province")),  # a report is always a commune's
        ("manifest", lambda m, p: m["period"].update(start="2025-02-30")),  # format "date"
    ],
)
def test_schemas_refuse(real: RealReport, name: str, edit: Any) -> None:
    """The control: the schemas are not so loose that anything passes."""
    manifest, payload = _parts(real.data)
    edit(manifest, payload)
    with pytest.raises(jsonschema.ValidationError):
        _validate(manifest if name == "manifest" else payload, name)


def test_documented_example_manifest_validates() -> None:
    """The worked example of docs/exchange-format.md is a real manifest, not a sketch."""
    text = DOC.read_text(encoding="utf-8")
    blocks = [json.loads(b) for b in re.findall(r"```json\n(.*?)```", text, re.S) if '"format_version"' in b]
    assert blocks, "the document shows no manifest"
    for manifest in blocks:
        _validate(manifest, "manifest")


def test_schema_files_are_shipped_with_the_package() -> None:
    """archive.schema() reads them as package data: a wheel without them would fail only on a user's PC."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "exchange/schemas/*.json" in config["tool"]["setuptools"]["package-data"]["reports"]


# --- the compiled check (reports/exchange/schema_check.py) agrees with jsonschema ----------------

_ODD_VALUES = st.sampled_from(
    [
        *(None, True, False, 0, -1, 1, 100000000, 100000001, 2147483647, 2147483648),
        *("", "x" * 41, "x" * 201, "x" * 301, "2025-07-14", "2025-7-14", "16906", "1690a"),
        *("sent", "draft", "month", "commune", "province", "on_time"),
    ]
)
_JSON = st.recursive(
    _ODD_VALUES | st.integers() | st.text(max_size=4),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            found += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            found += _paths(v, (*prefix, i))
    return found


def _valid_values(real: RealReport) -> dict[str, Any]:
    manifest, payload = _parts(real.data)
    return {
        "manifest": manifest,
        archive.KIND_REPORT: payload,
        archive.KIND_REGISTRATION: {"commune_code": "16906", "commune_name": "Xã Lượng Minh", "contact": ""},
        archive.KIND_RESPONSE: {
            "commune_code": "16906",
            "responses": [
                {
                    "proposal_id": 1,
                    "title": "Thành lập phòng chuyên môn",
                    "status": "resolved",
                    "response_text": "Đã giải quyết.",
                    "response_date": "2025-08-05",
                }
            ],
        },
    }


@pytest.mark.parametrize("name", ["manifest", archive.KIND_REPORT, archive.KIND_RESPONSE, archive.KIND_REGISTRATION])
def test_every_schema_compiles(name: str, real: RealReport) -> None:
    """Else the import would fall back to jsonschema for every file (slow, see docs/performance.md)."""
    check = archive._fast_check(name)
    assert check is not None
    assert check(_valid_values(real)[name])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture], database=None)
@given(data=st.data())
def test_compiled_check_agrees_with_jsonschema(real: RealReport, data: st.DataObject) -> None:
    """One random change anywhere in a valid value (replace, delete or add): both say the same."""
    name = data.draw(
        st.sampled_from(["manifest", archive.KIND_REPORT, archive.KIND_RESPONSE, archive.KIND_REGISTRATION])
    )
    value = _valid_values(real)[name]
    *parent_path, last = data.draw(st.sampled_from(_paths(value)[1:]))
    parent = value
    for step in parent_path:
        parent = parent[step]
    action = data.draw(st.sampled_from(["replace", "delete", "add"]))
    if action == "replace":
        parent[last] = data.draw(_JSON)
    elif action == "delete":
        del parent[last]
    elif isinstance(parent, dict):
        parent[data.draw(st.text(max_size=8))] = data.draw(_JSON)
    else:
        parent.insert(last, data.draw(_JSON))
    assert archive._fast_check(name)(value) == archive._validator(name).is_valid(value)


@pytest.mark.parametrize(
    ("schema", "value", "valid"),
    [
        ({"type": "integer"}, True, False),
        ({"type": "integer", "minimum": 0}, -1, False),
        ({"minimum": 0}, "text", True),
        ({"enum": [1]}, True, False),
        ({"const": "a"}, "a", True),
        ({"oneOf": [{"type": "string"}, {"type": "null"}]}, None, True),
        ({"oneOf": [{"type": "integer"}, {"minimum": 0}]}, 1, False),
        ({"type": "object", "propertyNames": {"maxLength": 2}}, {"abc": 1}, False),
        ({"type": "object", "maxProperties": 1}, {"a": 1, "b": 2}, False),
        ({"if": {"const": 1}, "then": {"type": "string"}}, 1, False),
        ({"type": "string", "pattern": "^[0-9]+$"}, "12a", False),
        ({"type": "array", "items": {"type": "integer"}, "maxItems": 2}, [1, 2, 3], False),
    ],
)
def test_compiled_keywords(schema: dict[str, Any], value: Any, valid: bool) -> None:
    assert Draft202012Validator(schema).is_valid(value) is valid
    check = compile_schema(schema)
    assert check is not None and check(value) is valid


@pytest.mark.parametrize(
    "schema",
    [
        {"$ref": "#/$defs/x"},
        {"unevaluatedProperties": False},
        {"patternProperties": {}},
        {"items": [{}]},
        {"enum": [[1]]},
    ],
)
def test_unknown_keywords_do_not_compile(schema: dict[str, Any]) -> None:
    """Anything outside the subset leaves the decision to jsonschema alone."""
    assert compile_schema(schema) is None
