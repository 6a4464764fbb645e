"""Deleting a procedure: allowed for one added by mistake, refused once dossiers use it."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy.orm import Session

from storage.catalog import (
    ProcedureData,
    delete_procedure,
    find_procedure,
    get_procedure,
    list_fields,
    load_procedure,
    save_procedure,
)
from storage.deadlines import TimeUnit
from storage.dossiers import DossierData, save_dossier
from storage.errors import NotFoundError, UserError


def test_unused_procedure_is_deleted_and_can_be_restored(catalog_session: Session) -> None:
    s = catalog_session
    field_id = list_fields(s)[0].id
    data = ProcedureData("X-GH", "Đăng ký giám hộ", field_id, TimeUnit.WORKING_DAYS, 5, days_online=4)
    proc_id = save_procedure(s, data)
    assert load_procedure(s, proc_id) == data

    removed = delete_procedure(s, proc_id)

    assert removed == data
    assert get_procedure(s, proc_id) is None
    restored = save_procedure(s, removed)  # what Ctrl+Z does
    assert load_procedure(s, restored) == data


def test_procedure_with_dossiers_is_refused_and_kept(catalog_session: Session) -> None:
    s = catalog_session
    proc = find_procedure(s, "HT-XNHN")
    assert proc is not None
    save_dossier(
        s,
        DossierData(procedure_id=proc.id, applicant_name="Lò Văn Páo", received_at=datetime(2026, 3, 2, 9)),
        today=date(2026, 3, 2),
    )

    with pytest.raises(UserError) as err:
        delete_procedure(s, proc.id)

    assert "1 hồ sơ" in err.value.message("vi")
    assert "Ngừng sử dụng" in err.value.message("vi")
    assert get_procedure(s, proc.id) is not None


def test_missing_procedure_is_a_user_error(catalog_session: Session) -> None:
    with pytest.raises(NotFoundError):
        delete_procedure(catalog_session, 999_999)
