"""Business-rule settings stored in the database (REFERENCE.md marks these as varying or unconfirmed).

They travel with the data, unlike interface preferences, so that every report made from one
database follows the same rules.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import time
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.errors import Problem, ValidationError
from storage.models import Setting


class WithdrawnCounting(StrEnum):
    """How withdrawn/stopped dossiers enter column 7 of the results form (REFERENCE.md §2)."""

    ON_TIME = "on_time"  # counted as resolved on time, as one provincial system does
    BY_DATE = "by_date"  # classified by their finish date against the due date like any other


@dataclass(frozen=True)
class RuleSettings:
    """The rules a commune may need to adjust; defaults follow REFERENCE.md."""

    cutoff_day: int = 15  # official data cut-off: from this day of the previous month
    official_periods: bool = True  # periods use the official cut-off unless the user asks otherwise
    same_day_cutoff: time = time(15, 0)
    office_end: time = time(17, 0)
    withdrawn_counting: WithdrawnCounting = WithdrawnCounting.ON_TIME
    online_target_pct: int = 70
    report_due_working_days: int = 2  # report sent within N working days after the cut-off
    # Link printed as a QR code on the posting sheet for procedures without their own posting_url,
    # e.g. the public service portal's page "https://…?ma_thu_tuc={code}"; empty: no QR code.
    posting_url_template: str = ""


def _parse(kind: type, text: str) -> object:
    if kind is bool:
        return text.strip().lower() in ("1", "true", "yes", "co", "có")
    if kind is int:
        return int(text)
    if kind is time:
        hh, mm = text.strip().split(":")
        return time(int(hh), int(mm))
    if kind is WithdrawnCounting:
        return WithdrawnCounting(text)
    return text


def _render(value: object) -> str:
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


_TYPES = {
    "cutoff_day": int,
    "official_periods": bool,
    "same_day_cutoff": time,
    "office_end": time,
    "withdrawn_counting": WithdrawnCounting,
    "online_target_pct": int,
    "report_due_working_days": int,
    "posting_url_template": str,
}


def load_rules(session: Session) -> RuleSettings:
    """Read the settings, keeping defaults for missing or unreadable values."""
    rules = RuleSettings()
    stored = dict(session.execute(select(Setting.key, Setting.value)).all())
    changes: dict[str, object] = {}
    for f in fields(RuleSettings):
        if f.name in stored:
            try:
                changes[f.name] = _parse(_TYPES[f.name], stored[f.name])
            except (ValueError, KeyError):
                continue
    return replace(rules, **changes)


def validate_rules(rules: RuleSettings) -> list[Problem]:
    """Problems with a set of rule settings, in Vietnamese and English."""
    problems: list[Problem] = []
    if not 1 <= rules.cutoff_day <= 28:
        problems.append(Problem("cutoff_day", "Ngày chốt số liệu phải từ 1 đến 28.", "Cut-off day must be 1..28."))
    if rules.same_day_cutoff >= rules.office_end:
        problems.append(
            Problem(
                "same_day_cutoff",
                "Giờ chốt nhận hồ sơ trong ngày phải trước giờ hết giờ làm việc.",
                "The same-day cut-off must be before the end of office hours.",
            )
        )
    if not 0 <= rules.online_target_pct <= 100:
        problems.append(Problem("online_target_pct", "Chỉ tiêu phải từ 0 đến 100%.", "Target must be 0..100%."))
    if not 0 <= rules.report_due_working_days <= 30:
        problems.append(Problem("report_due_working_days", "Số ngày phải từ 0 đến 30.", "Days must be 0..30."))
    template = rules.posting_url_template.strip()
    if template and (not template.lower().startswith(("http://", "https://")) or "{code}" not in template):
        problems.append(
            Problem(
                "posting_url_template",
                "Mẫu đường dẫn phải bắt đầu bằng http:// hoặc https:// và chứa {code} (mã thủ tục).",
                "The link template must start with http:// or https:// and contain {code} (the procedure code).",
            )
        )
    return problems


def save_rules(session: Session, rules: RuleSettings) -> None:
    """Store all settings after checking them; raises ValidationError and stores nothing if invalid."""
    problems = validate_rules(rules)
    if problems:
        raise ValidationError(problems)
    for f in fields(RuleSettings):
        session.merge(Setting(key=f.name, value=_render(getattr(rules, f.name))))
    session.flush()
