"""Remembered passwords live in the keyring only, per database and user; without a usable
keyring nothing is remembered, and a failing keyring never fails the caller."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringLocked
from memory_keyring import MemoryKeyring, keyring_backend
from sqlalchemy.engine import URL, make_url

from app import credentials

SERVER = make_url("postgresql+psycopg://db.example:5432/mediacrm?sslmode=verify-full")
LOCAL = URL.create("sqlite", database="/home/wang/mediacrm.db")


pytestmark = pytest.mark.usefixtures("private_folders")


@pytest.fixture
def memory() -> Iterator[MemoryKeyring]:
    with keyring_backend(MemoryKeyring()) as backend:
        assert isinstance(backend, MemoryKeyring)
        yield backend


class LockedKeyring(MemoryKeyring):
    """A keyring whose every call fails, as a locked or crashed one does."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("locked")

    def delete_password(self, service: str, username: str) -> None:
        raise RuntimeError("the D-Bus service went away")


def test_a_remembered_password_is_found_for_the_same_database_and_user(
    memory: MemoryKeyring,
) -> None:
    assert credentials.remember_password(SERVER, "wang", "Secret-Passw0rd")
    assert credentials.remembered_password(SERVER, "wang") == "Secret-Passw0rd"
    assert credentials.remembered_password(SERVER, "li") is None
    assert credentials.remembered_password(LOCAL, "wang") is None


def test_the_key_ignores_the_user_and_password_inside_the_url(memory: MemoryKeyring) -> None:
    credentials.remember_password(SERVER, "wang", "Secret-Passw0rd")
    as_connected = SERVER.set(username="mc_mediacrm_wang", password="Secret-Passw0rd")
    assert credentials.remembered_password(as_connected, "wang") == "Secret-Passw0rd"
    assert all("Secret" not in service for service, _user in memory.passwords)


def test_forgetting_removes_the_password_and_forgetting_nothing_is_fine(
    memory: MemoryKeyring,
) -> None:
    credentials.remember_password(LOCAL, "wang", "Secret-Passw0rd")
    credentials.forget_password(LOCAL, "wang")
    credentials.forget_password(LOCAL, "wang")
    assert memory.passwords == {}


def test_a_changed_password_replaces_only_a_remembered_one(memory: MemoryKeyring) -> None:
    credentials.replace_if_remembered(LOCAL, "wang", "New-Passw0rd")
    assert memory.passwords == {}
    credentials.remember_password(LOCAL, "wang", "Old-Passw0rd")
    credentials.replace_if_remembered(LOCAL, "wang", "New-Passw0rd")
    assert credentials.remembered_password(LOCAL, "wang") == "New-Passw0rd"


@pytest.mark.parametrize(
    "backend",
    [fail.Keyring(), null.Keyring(), chainer.ChainerBackend()],
    ids=["fail", "null", "empty-chain"],
)
def test_without_a_keyring_nothing_is_remembered_anywhere(
    backend: KeyringBackend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    with keyring_backend(backend):
        assert not credentials.available()
        assert not credentials.remember_password(LOCAL, "wang", "Secret-Passw0rd")
        assert credentials.remembered_password(LOCAL, "wang") is None
        credentials.forget_password(LOCAL, "wang")
    written = [path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()]
    assert not any(b"Secret-Passw0rd" in content for content in written)


def test_a_failing_keyring_never_fails_the_caller() -> None:
    with keyring_backend(LockedKeyring()):
        assert credentials.available()
        assert not credentials.remember_password(LOCAL, "wang", "Secret-Passw0rd")
        assert credentials.remembered_password(LOCAL, "wang") is None
        credentials.forget_password(LOCAL, "wang")
