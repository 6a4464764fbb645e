"""Make tests/data/rev0001.sqlite: a database as schema revision 0001 wrote it, with a few records.

Run once when revision 0001 was the newest (kept so upgrades of real 0001 files stay tested):
    .venv/bin/python tests/data/make_rev0001.py
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from storage.db import make_engine, upgrade

OUT = Path(__file__).with_name("rev0001.sqlite")

if __name__ == "__main__":
    OUT.unlink(missing_ok=True)
    engine = make_engine(OUT)
    upgrade(engine, "0001")
    with engine.begin() as c:
        c.execute(text("INSERT INTO field (id, code, name, sort_order, active) VALUES (1, 'HO_TICH', 'Hộ tịch', 1, 1)"))
        c.execute(text(
            "INSERT INTO procedure (id, code, name, search_name, field_id, time_unit, days_direct, posting_url, "
            "active, notes) VALUES (1, 'HT-KS', 'Đăng ký khai sinh', 'dang ky khai sinh', 1, 'same_day', 0, '', 1, '')"
        ))
        c.execute(text(
            "INSERT INTO dossier (id, code, procedure_id, applicant_name, search_text, applicant_address, "
            "applicant_phone, received_at, channel, due_date_computed, due_override_reason, finished_date, outcome, "
            "notes) VALUES (1, '16906-250701-0001', 1, 'Lô Thị Hoa', '16906-250701-0001 lo thi hoa', '', '', "
            "'2025-07-01 09:00:00.000000', 1, '2025-07-01', '', '2025-07-01', 9, '')"
        ))
        c.execute(text(
            "INSERT INTO staff (id, full_name, search_name, gender, ethnicity, religion, party_member, position, "
            "category, origin, origin_note, start_date, end_reason, professional_level, professional_field, "
            "political_theory, it_level, foreign_language, ethnic_language, works_at_center, has_signature, phone, "
            "notes) VALUES (1, 'Vi Văn Sơn', 'vi van son', 'M', 'Thái', '', 1, 'Công chức', 'cong_chuc', "
            "'merged_commune', '', '2025-07-01', '', 'university', '', 'intermediate', 'basic', 'none', 0, 1, 0, "
            "'', '')"
        ))
    engine.dispose()
    print(OUT, OUT.stat().st_size)
