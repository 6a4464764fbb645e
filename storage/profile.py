"""The commune profile: which commune this database holds, and the facts reports print about it.

The official name and province come from the ``vietnam-provinces`` package (the 2025 list of
34 provinces and 3,321 communes/wards, REFERENCE.md §10), never typed by hand: the user picks a
commune (or types its code) and the name is filled in.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.errors import Problem, ValidationError
from storage.models import CommuneProfile, Dossier
from storage.staff import PHONE_PATTERN
from storage.textsearch import fold, vietnamese_sort_key

_COMMUNE_PREFIXES = ("xã ", "phường ", "đặc khu ")
_PROVINCE_PREFIXES = ("thành phố ", "tỉnh ", "tp. ", "tp ")
_EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class CommuneChoice:
    """One commune/ward of the official list, as offered in the set-up picker."""

    code: str  # five digits, e.g. "16906"
    name: str  # official name, e.g. "Xã Lượng Minh"
    province_code: str  # two digits, e.g. "40"
    province_name: str  # e.g. "Nghệ An"

    @property
    def label(self) -> str:
        """Unambiguous text for pickers: "Xã Lượng Minh – Nghệ An (16906)"."""
        return f"{self.name} – {self.province_name} ({self.code})"


@dataclass(frozen=True)
class ProvinceChoice:
    """One province or centrally-run city of the official list."""

    code: str  # two digits, e.g. "40"
    name: str  # e.g. "Nghệ An", "Thành phố Hà Nội"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _bare(text: str, prefixes: tuple[str, ...]) -> str:
    """Lower-cased NFC text without its division prefix ("Xã Lượng Minh" -> "lượng minh")."""
    low = " ".join(_nfc(text).lower().split())
    for prefix in prefixes:
        if low.startswith(prefix):
            return low[len(prefix) :]
    return low


def _code_str(code: int, width: int) -> str:
    return f"{int(code):0{width}d}"


# vietnam_provinces is imported where the official list is read, not with this module: the main
# window never needs it, and importing it costs ≈ 0.05 s of every start (bench/run_all.py cold_start).


@lru_cache(maxsize=1)
def _provinces() -> tuple[ProvinceChoice, ...]:
    from vietnam_provinces import Province

    items = [ProvinceChoice(_code_str(p.code, 2), _nfc(p.name)) for p in Province.iter_all()]
    return tuple(sorted(items, key=lambda p: (vietnamese_sort_key(_bare(p.name, _PROVINCE_PREFIXES)), p.code)))


@lru_cache(maxsize=1)
def _communes() -> tuple[CommuneChoice, ...]:
    from vietnam_provinces import Ward

    province_names = {p.code: p.name for p in _provinces()}
    items = []
    for w in Ward.iter_all():
        pcode = _code_str(w.province_code, 2)
        items.append(CommuneChoice(_code_str(w.code, 5), _nfc(w.name), pcode, province_names[pcode]))
    return tuple(
        sorted(
            items,
            key=lambda c: (
                vietnamese_sort_key(_bare(c.name, _COMMUNE_PREFIXES)),
                vietnamese_sort_key(c.name),
                vietnamese_sort_key(c.province_name),
            ),
        )
    )


def province_choices() -> list[ProvinceChoice]:
    """The 34 provinces, in Vietnamese alphabet order (ignoring "Thành phố")."""
    return list(_provinces())


def commune_choices(province_code: int | str | None = None) -> list[CommuneChoice]:
    """Communes/wards (of one province, or all), in Vietnamese alphabet order (ignoring "Xã"/"Phường")."""
    if province_code is None:
        return list(_communes())
    try:
        wanted = _code_str(int(province_code), 2)
    except (TypeError, ValueError):
        return []
    return [c for c in _communes() if c.province_code == wanted]


def commune_by_code(code: str | int) -> CommuneChoice | None:
    """The commune with an official code ("16906", "00070" or 70), None when not in the list."""
    try:
        number = int(str(code).strip())
    except ValueError:
        return None
    from vietnam_provinces import Province, ProvinceCode, Ward, WardCode

    try:
        ward = Ward.from_code(WardCode(number))
    except ValueError:
        return None
    pcode = _code_str(ward.province_code, 2)
    pname = _nfc(Province.from_code(ProvinceCode(ward.province_code)).name)
    return CommuneChoice(_code_str(ward.code, 5), _nfc(ward.name), pcode, pname)


def _match_province(text: str) -> ProvinceChoice | None:
    text = text.strip()
    if text.isdigit():
        return next((p for p in _provinces() if int(p.code) == int(text)), None)
    levels = (
        lambda s: " ".join(_nfc(s).lower().split()),
        lambda s: _bare(s, _PROVINCE_PREFIXES),
        fold,
        lambda s: fold(_bare(s, _PROVINCE_PREFIXES)),
    )
    for key in levels:
        hits = [p for p in _provinces() if key(p.name) == key(text)]
        if hits:
            return hits[0] if len(hits) == 1 else None
    return None


def match_communes(text: str) -> list[CommuneChoice]:
    """Every commune the text may mean: a code, a name (diacritics optional), or "name, province".

    Exact spelling wins over diacritic-free spelling: "Lượng Minh" finds one commune, while
    "luong minh" finds both Xã Lượng Minh (Nghệ An) and Xã Lương Minh (Quảng Ninh).
    """
    text = " ".join(_nfc(text).split())
    if not text:
        return []
    if text.isdigit():
        found = commune_by_code(text)
        return [found] if found else []
    candidates: list[CommuneChoice] = list(_communes())
    name = text
    if "," in text:
        name, province_text = (part.strip() for part in text.rsplit(",", 1))
        province = _match_province(province_text)
        if province is None:
            return []
        candidates = [c for c in candidates if c.province_code == province.code]
    levels = (
        lambda s: " ".join(s.lower().split()),
        lambda s: _bare(s, _COMMUNE_PREFIXES),
        fold,
        lambda s: fold(_bare(s, _COMMUNE_PREFIXES)),
    )
    for key in levels:
        wanted = key(name)
        hits = [c for c in candidates if key(c.name) == wanted]
        if hits:
            return hits
    return []


def lookup_commune(text: str) -> CommuneChoice | None:
    """The one commune meant by a code or a name ("16906", "luong minh, nghe an"); None when
    unknown or ambiguous (the same name in several provinces: ask for the code or the province)."""
    hits = match_communes(text)
    return hits[0] if len(hits) == 1 else None


@dataclass(frozen=True)
class ProfileData:
    """What the user enters at set-up; the official name and province follow from ``code``."""

    code: str
    address: str = ""
    chairman: str = ""
    signer_name: str = ""
    signer_title: str = "CHỦ TỊCH"
    population: int | None = None
    households: int | None = None
    poor_households: int | None = None
    near_poor_households: int | None = None
    ethnic_minority_pct: float | None = None
    mountainous: bool = False
    remote: bool = False
    center_head: str = ""
    center_staff_count: int | None = None
    dossier_unit_id: str = ""
    phone: str = ""
    email: str = ""
    established_on: date | None = None


@dataclass(frozen=True)
class ProfileRow:
    """The stored profile, with the official name and province."""

    id: int
    name: str
    code: str
    province_code: str
    province_name: str
    address: str
    chairman: str
    signer_name: str
    signer_title: str
    population: int | None
    households: int | None
    poor_households: int | None
    near_poor_households: int | None
    ethnic_minority_pct: float | None
    mountainous: bool
    remote: bool
    center_head: str
    center_staff_count: int | None
    dossier_unit_id: str
    phone: str
    email: str
    established_on: date | None

    @property
    def short_name(self) -> str:
        """The name without "Xã"/"Phường"/"Đặc khu", as used for the place in dates ("Lượng Minh")."""
        for prefix in ("Xã ", "Phường ", "Đặc khu "):
            if self.name.startswith(prefix):
                return self.name[len(prefix) :]
        return self.name

    def to_data(self) -> ProfileData:
        """The profile as editable data."""
        return ProfileData(
            code=self.code,
            address=self.address,
            chairman=self.chairman,
            signer_name=self.signer_name,
            signer_title=self.signer_title,
            population=self.population,
            households=self.households,
            poor_households=self.poor_households,
            near_poor_households=self.near_poor_households,
            ethnic_minority_pct=self.ethnic_minority_pct,
            mountainous=self.mountainous,
            remote=self.remote,
            center_head=self.center_head,
            center_staff_count=self.center_staff_count,
            dossier_unit_id=self.dossier_unit_id,
            phone=self.phone,
            email=self.email,
            established_on=self.established_on,
        )


def poor_share(row: ProfileRow | ProfileData) -> float | None:
    """Share of poor plus near-poor households (0..1), None when households or both counts are unknown."""
    if not row.households or (row.poor_households is None and row.near_poor_households is None):
        return None
    return ((row.poor_households or 0) + (row.near_poor_households or 0)) / row.households


_COUNTS = (
    ("population", "Dân số", "The population"),
    ("households", "Số hộ", "The number of households"),
    ("poor_households", "Số hộ nghèo", "The number of poor households"),
    ("near_poor_households", "Số hộ cận nghèo", "The number of near-poor households"),
    ("center_staff_count", "Số người làm việc tại Trung tâm", "The service center's staff count"),
)


def validate_profile(session: Session, data: ProfileData, *, today: date | None = None) -> list[Problem]:
    """Rules for the profile: an official commune code, coherent counts, one commune per database."""
    today = today or date.today()
    p: list[Problem] = []
    code = data.code.strip()
    commune = commune_by_code(code) if code else None
    if not code:
        p.append(
            Problem("code", "Chưa chọn xã (mã đơn vị hành chính).", "No commune chosen (administrative unit code).")
        )
    elif commune is None:
        p.append(
            Problem(
                "code",
                f"Mã xã {code} không có trong danh mục đơn vị hành chính.",
                f"Commune code {code} is not in the list of administrative units.",
            )
        )
    else:
        _check_same_commune(session, commune, p)
    for field, vi, en in _COUNTS:
        value = getattr(data, field)
        if value is not None and value < 0:
            p.append(Problem(field, f"{vi} không được âm.", f"{en} cannot be negative."))
    if (
        data.households is not None
        and data.population is not None
        and data.population >= 0
        and data.households > data.population
    ):
        p.append(
            Problem(
                "households",
                f"Số hộ ({data.households}) lớn hơn dân số ({data.population}).",
                f"More households ({data.households}) than inhabitants ({data.population}).",
            )
        )
    poor = (data.poor_households or 0) + (data.near_poor_households or 0)
    if data.households is not None and data.households >= 0 and poor > data.households:
        p.append(
            Problem(
                "poor_households",
                f"Số hộ nghèo và cận nghèo ({poor}) lớn hơn tổng số hộ ({data.households}).",
                f"Poor plus near-poor households ({poor}) exceed all households ({data.households}).",
            )
        )
    if data.ethnic_minority_pct is not None and not 0 <= data.ethnic_minority_pct <= 100:
        p.append(
            Problem(
                "ethnic_minority_pct",
                "Tỷ lệ người dân tộc thiểu số phải từ 0 đến 100%.",
                "The ethnic-minority share must be 0..100%.",
            )
        )
    if not data.signer_title.strip():
        p.append(Problem("signer_title", "Chưa nhập chức vụ người ký.", "The signer's title is empty."))
    unit_id = data.dossier_unit_id.strip()
    if any(ch.isspace() for ch in unit_id) or len(unit_id) > 40:
        p.append(
            Problem(
                "dossier_unit_id",
                "Mã đơn vị trong mã hồ sơ không được chứa khoảng trắng và dài tối đa 40 ký tự.",
                "The dossier-code unit identifier may not contain spaces and is at most 40 characters.",
            )
        )
    if not PHONE_PATTERN.match(data.phone.strip()):
        p.append(
            Problem(
                "phone",
                f"Số điện thoại \u201c{data.phone.strip()}\u201d chỉ được gồm chữ số, dấu cách và dấu + ở đầu.",
                f"The phone number \u201c{data.phone.strip()}\u201d may contain only digits, spaces and a leading +.",
            )
        )
    if data.email.strip() and not _EMAIL_PATTERN.match(data.email.strip()):
        p.append(
            Problem("email", f"Địa chỉ thư điện tử \u201c{data.email.strip()}\u201d không hợp lệ.", "Invalid email.")
        )
    if data.established_on is not None and data.established_on > today:
        p.append(
            Problem("established_on", "Ngày thành lập xã ở tương lai.", "The establishment date is in the future.")
        )
    return p


def _check_same_commune(session: Session, commune: CommuneChoice, p: list[Problem]) -> None:
    current = session.scalar(select(CommuneProfile).order_by(CommuneProfile.id).limit(1))
    if current is None or _same_code(current.code, commune.code):
        return
    dossiers = session.scalar(select(func.count()).select_from(Dossier)) or 0
    if dossiers:
        p.append(
            Problem(
                "code",
                f"Cơ sở dữ liệu này đã có {dossiers} hồ sơ của {current.name}; không thể đổi sang {commune.name} "
                "vì mỗi cơ sở dữ liệu chỉ chứa một xã. Hãy tạo cơ sở dữ liệu mới cho xã khác.",
                f"This database already holds {dossiers} dossier(s) of {current.name}; it cannot switch to "
                f"{commune.name} (one database holds one commune). Create a new database for the other commune.",
            )
        )


def _same_code(a: str, b: str) -> bool:
    try:
        return int(a) == int(b)
    except ValueError:
        return a.strip() == b.strip()


def _row(c: CommuneProfile) -> ProfileRow:
    return ProfileRow(
        id=c.id,
        name=c.name,
        code=c.code,
        province_code=c.province_code,
        province_name=c.province_name,
        address=c.address,
        chairman=c.chairman,
        signer_name=c.signer_name,
        signer_title=c.signer_title,
        population=c.population,
        households=c.households,
        poor_households=c.poor_households,
        near_poor_households=c.near_poor_households,
        ethnic_minority_pct=c.ethnic_minority_pct,
        mountainous=c.mountainous,
        remote=c.remote,
        center_head=c.center_head,
        center_staff_count=c.center_staff_count,
        dossier_unit_id=c.dossier_unit_id,
        phone=c.phone,
        email=c.email,
        established_on=c.established_on,
    )


def load_profile(session: Session) -> ProfileRow | None:
    """The commune this database holds, None before set-up."""
    c = session.scalar(select(CommuneProfile).order_by(CommuneProfile.id).limit(1))
    return _row(c) if c is not None else None


def save_profile(
    session: Session, data: ProfileData, *, user_id: int | None = None, today: date | None = None
) -> ProfileRow:
    """Create or update the one profile; raises ValidationError and stores nothing when invalid."""
    problems = validate_profile(session, data, today=today)
    if problems:
        raise ValidationError(problems)
    commune = commune_by_code(data.code)
    assert commune is not None
    c = session.scalar(select(CommuneProfile).order_by(CommuneProfile.id).limit(1))
    if c is None:
        c = CommuneProfile(created_by_id=user_id)
        session.add(c)
    c.code, c.name = commune.code, commune.name
    c.province_code, c.province_name = commune.province_code, commune.province_name
    c.address, c.chairman = data.address.strip(), " ".join(data.chairman.split())
    c.signer_name, c.signer_title = " ".join(data.signer_name.split()), data.signer_title.strip()
    c.population, c.households = data.population, data.households
    c.poor_households, c.near_poor_households = data.poor_households, data.near_poor_households
    c.ethnic_minority_pct, c.mountainous, c.remote = data.ethnic_minority_pct, data.mountainous, data.remote
    c.center_head, c.center_staff_count = " ".join(data.center_head.split()), data.center_staff_count
    c.dossier_unit_id = data.dossier_unit_id.strip()
    c.phone, c.email, c.established_on = " ".join(data.phone.split()), data.email.strip(), data.established_on
    c.updated_by_id = user_id
    session.flush()
    return _row(c)
