"""The three communes of the seed documents and what the sources publish about them.

Only Lượng Minh has published figures (news article of 11/07/2025): 36 official posts and 9
semi-professional staff, a service center of 1 vice-chairman and 5 officials, 43 civil-status
dossiers received and resolved on time from 1 to 9 July 2025, and 975 poor and near-poor
households = 83.8% (so about 1,163 households). Everything else in the demo is synthetic and
labelled so in docs/demo-data.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from storage.textsearch import fold


@dataclass(frozen=True)
class DemoCommune:
    """Parameters of one demo commune."""

    key: str
    code: str  # official code (vietnam-provinces)
    chairman: str  # synthetic names except where the sources name a person
    households: int | None
    poor: int | None
    near_poor: int | None
    ethnic_minority_pct: float | None
    can_bo: int  # elected officials in post
    cong_chuc: int  # civil servants in post
    semi_professional: int
    center_officials: int  # civil servants working at the service center (plus one vice-chairman)
    dossiers_per_day: float  # average new dossiers per working day after the published window
    address: str


COMMUNES: dict[str, DemoCommune] = {
    "luong-minh": DemoCommune(
        key="luong-minh",
        code="16906",
        chairman="Lô Văn Hải",
        households=1163,
        poor=702,
        near_poor=273,
        ethnic_minority_pct=None,
        can_bo=12,
        cong_chuc=24,
        semi_professional=9,
        center_officials=5,
        dossiers_per_day=4.5,
        address="Xã Lượng Minh, tỉnh Nghệ An",
    ),
    "con-cuong": DemoCommune(
        key="con-cuong",
        code="17254",
        chairman="Trần Quốc Khánh",
        households=None,
        poor=None,
        near_poor=None,
        ethnic_minority_pct=None,
        can_bo=14,
        cong_chuc=30,
        semi_professional=0,
        center_officials=7,
        dossiers_per_day=9.0,
        address="Xã Con Cuông, tỉnh Nghệ An",
    ),
    "chieu-luu": DemoCommune(
        key="chieu-luu",
        code="16855",
        chairman="Vi Văn Sơn",
        households=None,
        poor=None,
        near_poor=None,
        ethnic_minority_pct=None,
        can_bo=12,
        cong_chuc=22,
        semi_professional=8,
        center_officials=4,
        dossiers_per_day=3.5,
        address="Xã Chiêu Lưu, tỉnh Nghệ An",
    ),
}


def find_commune(name: str) -> DemoCommune | None:
    """Accept "Lượng Minh", "luong minh", "luong-minh" or the official code."""
    key = fold(name).replace("xa ", "").strip().replace(" ", "-")
    for c in COMMUNES.values():
        if key in (c.key, c.code):
            return c
    return None
