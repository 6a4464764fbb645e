"""Accounts: scrypt password hashes, login with a delay and a temporary lock, the recovery code.

Passwords are never stored or logged in clear: only ``scrypt$n$r$p$salt$hash`` (hashlib.scrypt,
memory-hard, 16 MiB per check). The administrator's forgotten-password path needs the recovery
code printed at set-up, i.e. physical access to the office's papers.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import secrets
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.actor import Actor, Level, require, set_actor
from storage.errors import NotFoundError, Problem, UserError, ValidationError
from storage.models import AppUser, Setting
from storage.vocab import UserRole

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
MIN_PASSWORD = 8
MAX_FAILURES = 5  # then the account waits LOCK_MINUTES
LOCK_MINUTES = 5
FAIL_DELAY_SECONDS = 1.0  # after every failed attempt, slows guessing from scripts too
_RECOVERY_KEY = "auth.recovery_hash"
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no 0/O, 1/I/L: read from paper


def hash_secret(secret: str, *, salt: bytes | None = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(secret.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    b64 = base64.b64encode
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def check_secret(secret: str, stored: str) -> bool:
    """Constant-time comparison against a stored hash; False for anything malformed."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(
            secret.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p), dklen=len(expected)
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    full_name: str
    role: UserRole
    active: bool
    locked_until: datetime | None
    last_login_at: datetime | None
    must_change_password: bool


def _row(u: AppUser) -> UserRow:
    return UserRow(
        u.id, u.username, u.full_name, UserRole(u.role), u.active, u.locked_until, u.last_login_at,
        u.must_change_password,
    )  # fmt: skip


def has_accounts(session: Session) -> bool:
    """True once any account with a password exists (then every start asks to log in)."""
    return bool(session.scalar(select(func.count()).select_from(AppUser).where(AppUser.password_hash != "")))


def list_users(session: Session) -> list[UserRow]:
    return [_row(u) for u in session.scalars(select(AppUser).order_by(AppUser.username))]


def validate_password(password: str, username: str = "") -> list[Problem]:
    p: list[Problem] = []
    if len(password) < MIN_PASSWORD:
        p.append(
            Problem(
                "password",
                f"Mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự.",
                f"The password needs at least {MIN_PASSWORD} characters.",
            )
        )
    elif username and password.lower() == username.lower():
        p.append(Problem("password", "Mật khẩu không được trùng tên đăng nhập.", "Password equals the username."))
    return p


def _validate_user(
    session: Session, username: str, full_name: str, role: UserRole, user_id: int | None
) -> list[Problem]:
    p: list[Problem] = []
    if not _USERNAME.match(username):
        p.append(
            Problem(
                "username",
                "Tên đăng nhập gồm 2–64 chữ thường không dấu, số, dấu chấm, gạch: ví dụ «lan.nt».",
                "A username is 2–64 lower-case letters, digits, dots or dashes, e.g. «lan.nt».",
            )
        )
    else:
        other = session.scalar(select(AppUser.id).where(AppUser.username == username))
        if other is not None and other != user_id:
            p.append(Problem("username", f"Tên đăng nhập «{username}» đã có.", f"«{username}» is taken."))
    if len(full_name) > 200:
        p.append(Problem("full_name", "Họ tên dài quá 200 ký tự.", "The name is longer than 200 characters."))
    if not isinstance(role, UserRole):
        p.append(Problem("role", "Vai trò không hợp lệ.", "Unknown role."))
    return p


def create_user(
    session: Session, username: str, full_name: str, role: UserRole, password: str, *, must_change: bool = False
) -> int:
    """A new account (administrator only, once accounts exist); ValidationError and nothing stored when invalid."""
    if has_accounts(session):
        require(session, Level.ADMIN, "tạo tài khoản", "create accounts")
    username = username.strip().lower()
    problems = _validate_user(session, username, full_name.strip(), role, None) + validate_password(password, username)
    if problems:
        raise ValidationError(problems)
    u = AppUser(
        username=username,
        full_name=full_name.strip(),
        role=str(role),
        active=True,
        password_hash=hash_secret(password),
        failed_logins=0,
        must_change_password=must_change,
    )
    session.add(u)
    session.flush()
    return u.id


def update_user(session: Session, user_id: int, *, full_name: str, role: UserRole, active: bool) -> None:
    """Change an account's name, role or active flag (administrator only); the last active admin stays."""
    require(session, Level.ADMIN, "sửa tài khoản", "edit accounts")
    u = session.get(AppUser, user_id)
    if u is None:
        raise NotFoundError(f"Không tìm thấy tài khoản {user_id}.", f"Account {user_id} not found.")
    problems = _validate_user(session, u.username, full_name.strip(), role, user_id)
    demoted = u.role == str(UserRole.ADMIN) and (role != UserRole.ADMIN or not active)
    if demoted and _active_admins(session) <= 1:
        problems.append(
            Problem(
                "role",
                "Phải còn ít nhất một tài khoản quản trị đang hoạt động.",
                "At least one active administrator must remain.",
            )
        )
    if problems:
        raise ValidationError(problems)
    u.full_name, u.role, u.active = full_name.strip(), str(role), active
    session.flush()


def _active_admins(session: Session) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(AppUser)
            .where(AppUser.role == str(UserRole.ADMIN), AppUser.active.is_(True))
        )
        or 0
    )


def set_password(session: Session, user_id: int, new_password: str, *, old_password: str | None = None) -> None:
    """Change a password: one's own with the old password, anyone's as administrator (must change at next login)."""
    u = session.get(AppUser, user_id)
    if u is None:
        raise NotFoundError(f"Không tìm thấy tài khoản {user_id}.", f"Account {user_id} not found.")
    if old_password is not None:
        if not check_secret(old_password, u.password_hash):
            raise ValidationError([Problem("old_password", "Mật khẩu hiện tại không đúng.", "Wrong current password.")])
    else:
        require(session, Level.ADMIN, "đặt lại mật khẩu người khác", "reset other people's passwords")
    problems = validate_password(new_password, u.username)
    if problems:
        raise ValidationError(problems)
    u.password_hash = hash_secret(new_password)
    u.must_change_password = old_password is None
    u.failed_logins, u.locked_until = 0, None
    session.flush()


@dataclass(frozen=True)
class LoginResult:
    """The outcome of a login attempt; the caller commits either way (failures are counted)."""

    actor: Actor | None
    vi: str = ""
    en: str = ""
    must_change_password: bool = False

    def message(self, lang: str = "vi") -> str:
        return self.en if lang == "en" else self.vi


def authenticate(
    session: Session, username: str, password: str, *, now: datetime | None = None, delay: float | None = None
) -> LoginResult:
    """Check a login. Wrong attempts wait a moment, and the fifth in a row locks the account for 5 minutes."""
    now = now or datetime.now()
    u = session.scalar(select(AppUser).where(AppUser.username == username.strip().lower()))
    if u is not None and u.locked_until is not None and u.locked_until > now:
        return LoginResult(
            None,
            f"Tài khoản tạm khóa đến {u.locked_until:%H:%M} vì nhập sai mật khẩu nhiều lần. Hãy thử lại sau.",
            f"The account is locked until {u.locked_until:%H:%M} after repeated wrong passwords. Try again later.",
        )
    if u is None or not u.active or not u.password_hash or not check_secret(password, u.password_hash):
        if u is not None:
            u.failed_logins += 1
            if u.failed_logins >= MAX_FAILURES:
                u.locked_until, u.failed_logins = now + timedelta(minutes=LOCK_MINUTES), 0
            session.flush()
        time.sleep(FAIL_DELAY_SECONDS if delay is None else delay)
        return LoginResult(
            None,
            "Sai tên đăng nhập hoặc mật khẩu (hoặc tài khoản đã ngừng sử dụng).",
            "Wrong username or password (or the account is disabled).",
        )
    actor = Actor(u.id, u.username, UserRole(u.role), u.full_name)
    set_actor(session, actor)  # the login entry of the audit log names the user, not "the system"
    u.failed_logins, u.locked_until, u.last_login_at = 0, None, now
    session.flush()
    return LoginResult(actor, must_change_password=u.must_change_password)


def new_recovery_code(session: Session) -> str:
    """A fresh administrator recovery code (shown once, to print); only its hash is kept."""
    code = "-".join("".join(secrets.choice(_CODE_ALPHABET) for _ in range(5)) for _ in range(4))
    session.merge(Setting(key=_RECOVERY_KEY, value=hash_secret(code)))
    session.flush()
    return code


def recover_admin(session: Session, username: str, code: str, new_password: str) -> str:
    """Reset an administrator's password with the printed recovery code; returns the NEXT code to print."""
    stored = session.scalar(select(Setting.value).where(Setting.key == _RECOVERY_KEY))
    normalized = code.strip().upper().replace(" ", "")
    u = session.scalar(select(AppUser).where(AppUser.username == username.strip().lower()))
    if not stored or not check_secret(normalized, stored) or u is None or u.role != str(UserRole.ADMIN):
        time.sleep(FAIL_DELAY_SECONDS)
        raise UserError(
            "Mã khôi phục hoặc tên tài khoản quản trị không đúng.", "Wrong recovery code or administrator account."
        )
    problems = validate_password(new_password, u.username)
    if problems:
        raise ValidationError(problems)
    u.password_hash, u.failed_logins, u.locked_until, u.active = hash_secret(new_password), 0, None, True
    session.flush()
    return new_recovery_code(session)


DEMO_PASSWORD = "demo2025"
DEMO_ACCOUNTS = (
    ("quantri", "Quản trị hệ thống (mẫu)", UserRole.ADMIN),
    ("lanhdao", "Lãnh đạo UBND xã (mẫu)", UserRole.OFFICER),
    ("canbo", "Cán bộ một cửa (mẫu)", UserRole.CLERK),
)


def seed_demo_accounts(session: Session) -> None:
    """The documented demo accounts (README), one per role, all with password ``demo2025``."""
    hashed = hash_secret(DEMO_PASSWORD)  # one scrypt run for the three demo accounts
    for username, name, role in DEMO_ACCOUNTS:
        if session.scalar(select(AppUser.id).where(AppUser.username == username)) is None:
            session.add(
                AppUser(
                    username=username,
                    full_name=name,
                    role=str(role),
                    active=True,
                    password_hash=hashed,
                    failed_logins=0,
                    must_change_password=False,
                )
            )
    session.flush()
