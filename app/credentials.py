"""Remembered passwords ("remember me"), kept in the operating system's keyring only.

A password is stored under the database (its URL without user and password) and the
MediaCRM user name. When no keyring back end is usable, nothing is remembered at all: there
is deliberately no plain-text fallback (SPEC §2, STYLE: passwords only in the keyring).
"""

from __future__ import annotations

import logging

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import PasswordDeleteError
from sqlalchemy.engine import URL

from app.config import APP_NAME, without_credentials

log = logging.getLogger(__name__)

_UNUSABLE_BACKENDS = (fail.Keyring, null.Keyring)


def available() -> bool:
    """Whether a real keyring back end exists on this computer."""
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring configuration must not stop the login
        log.warning("the keyring cannot be loaded", exc_info=True)
        return False
    return _usable(backend)


def _usable(backend: KeyringBackend) -> bool:
    if isinstance(backend, chainer.ChainerBackend):
        return any(_usable(member) for member in backend.backends)
    return not isinstance(backend, _UNUSABLE_BACKENDS)


def service_name(url: URL) -> str:
    """The keyring entry's service: one per database, whoever's user name the URL carries."""
    return f"{APP_NAME} {without_credentials(url)}"


def remembered_password(url: URL, username: str) -> str | None:
    """The password remembered for `username` on this database, or None."""
    if not available():
        return None
    try:
        return keyring.get_password(service_name(url), username.strip())
    except Exception:  # back ends raise their own types (D-Bus, Windows API): none is fatal
        log.warning("reading the keyring failed", exc_info=True)
        return None


def remember_password(url: URL, username: str, password: str) -> bool:
    """Store the password; False when the keyring is unavailable or refuses."""
    if not available():
        return False
    try:
        keyring.set_password(service_name(url), username.strip(), password)
    except Exception:  # as above: a failed "remember me" must not fail the login
        log.warning("writing the keyring failed", exc_info=True)
        return False
    return True


def forget_password(url: URL, username: str) -> None:
    """Remove a remembered password, if there is one."""
    if not available():
        return
    try:
        keyring.delete_password(service_name(url), username.strip())
    except PasswordDeleteError:
        pass  # nothing was remembered
    except Exception:  # as above
        log.warning("deleting from the keyring failed", exc_info=True)


def replace_if_remembered(url: URL, username: str, password: str) -> None:
    """After a password change: a remembered old password becomes the new one, so the
    login dialog never offers a stale password."""
    if remembered_password(url, username) is not None:
        remember_password(url, username, password)
