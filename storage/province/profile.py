"""Who the province database belongs to: the province and the body that signs consolidated reports."""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.errors import Problem, ValidationError
from storage.models import Setting
from storage.profile import province_choices

_PREFIX = "province."


@dataclass(frozen=True)
class ProvinceProfile:
    """Stored as settings ``province.*`` (the province database has no commune profile)."""

    code: str = ""  # official province code, e.g. "40" for Nghệ An
    name: str = ""  # "Tỉnh Nghệ An"
    agency: str = "SỞ NỘI VỤ"  # the body issuing the consolidated report
    parent_agency: str = ""  # e.g. "UBND TỈNH NGHỆ AN" (derived from the name when empty)
    signer_title: str = "GIÁM ĐỐC"
    signer_name: str = ""


def province_title(name: str) -> str:
    """ "Nghệ An" → "Tỉnh Nghệ An"; a centrally-run city keeps its "Thành phố"."""
    return name if name.lower().startswith(("thành phố", "tỉnh")) else f"Tỉnh {name}"


def load_province_profile(session: Session) -> ProvinceProfile | None:
    """The stored profile; None before the province was declared."""
    stored = dict(session.execute(select(Setting.key, Setting.value).where(Setting.key.like(f"{_PREFIX}%"))).all())
    if not stored:
        return None
    values = {f.name: stored.get(_PREFIX + f.name, f.default) for f in fields(ProvinceProfile)}
    return ProvinceProfile(**values)  # type: ignore[arg-type]


def save_province_profile(session: Session, profile: ProvinceProfile) -> None:
    """Store the profile; the province must be one of the official list."""
    known = {p.code: p for p in province_choices()}
    match = known.get(profile.code.strip())
    if match is None:
        raise ValidationError(
            [Problem("code", "Hãy chọn tỉnh, thành phố trong danh sách.", "Choose a province from the list.")]
        )
    problems = [
        Problem(f.name, "Nội dung dài quá 200 ký tự.", "Longer than 200 characters.")
        for f in fields(ProvinceProfile)
        if len(str(getattr(profile, f.name))) > 200
    ]
    if problems:
        raise ValidationError(problems)
    data = {f.name: str(getattr(profile, f.name)).strip() for f in fields(ProvinceProfile)}
    data["name"] = match.name
    if not data["parent_agency"]:
        data["parent_agency"] = f"UBND {province_title(match.name).upper()}"
    for key, value in data.items():
        session.merge(Setting(key=_PREFIX + key, value=value))
    session.flush()
