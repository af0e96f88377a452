"""Customer attachments (File management) on both databases, with real files: the bytes come
back as they went in, the size limit of the company information holds (checked on disk
before the file is read) and follows the administrator's changes, deleting goes through the
recycle bin, and other departments' staff reach none of it."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import URL

from app import attachments, audit, records
from app.errors import NotFoundError, PermissionDeniedError, ValidationError
from app.listing import ListQuery, every_row
from app.messages import describe
from app.records import StaleRecordError
from app.reference_records import COMPANY_INFO
from db.models.company import CompanyInfo
from tests.customer_world import session_as
from tests.security_world import World, build_world

MB = 1024 * 1024


@pytest.fixture
def world(db_url: URL) -> World:
    return build_world(db_url)


def a_file(folder: Path, name: str, size: int) -> Path:
    path = folder / name
    path.write_bytes(os.urandom(size))
    return path


def add(world: World, username: str, customer_id: int, path: Path) -> attachments.AttachmentInfo:
    with session_as(world, username) as (session, user):
        return attachments.add_file(session, user, customer_id, path)


def set_limit(world: World, megabytes: int) -> None:
    """The administrator sets the limit in Company information, as the panel saves it."""
    with session_as(world, "admin") as (session, admin):
        rows = session.scalars(select(CompanyInfo.id)).all()
        if rows:
            record = records.read(session, admin, COMPANY_INFO, rows[0])
            values = {**record.values, "attachment_max_mb": megabytes}
            records.update(session, admin, COMPANY_INFO, record.id, record.version, values)
        else:
            records.create(
                session, admin, COMPANY_INFO, {"name": "华夏传媒", "attachment_max_mb": megabytes}
            )


def test_a_file_comes_back_byte_for_byte(world: World, tmp_path: Path) -> None:
    source = a_file(tmp_path, "合同扫描件.pdf", 3 * MB + 17)
    customer = world.customer_of["staff_a"]
    added = add(world, "staff_a", customer, source)
    expected = hashlib.sha256(source.read_bytes()).hexdigest()
    assert (added.file_name, added.mime_type, added.size_bytes) == (
        "合同扫描件.pdf",
        "application/pdf",
        3 * MB + 17,
    )
    assert (added.sha256, added.customer_id, added.added_by) == (expected, customer, "王小明")
    target = tmp_path / "saved" / "副本.pdf"
    target.parent.mkdir()
    with session_as(world, "staff_a") as (session, staff):
        listed = attachments.customer_files(session, staff, customer)
        attachments.save_as(session, staff, added.id, target)
        content = attachments.read_content(session, staff, added.id)
    assert [item.id for item in listed] == [added.id]
    assert hashlib.sha256(target.read_bytes()).hexdigest() == expected
    assert content == source.read_bytes()
    assert [p.name for p in target.parent.iterdir()] == ["副本.pdf"]  # no partial file left


def test_an_unknown_kind_of_file_is_stored_as_bytes(world: World, tmp_path: Path) -> None:
    added = add(world, "staff_a", world.customer_of["staff_a"], a_file(tmp_path, "数据", 10))
    assert added.mime_type == "application/octet-stream"


def test_a_file_over_the_limit_is_refused_before_it_is_read(world: World, tmp_path: Path) -> None:
    big = tmp_path / "宣传片.mp4"
    with big.open("wb") as file:  # 21 MB on disk as the size says, without writing them
        file.truncate(21 * MB)
    read: list[int] = []
    with pytest.raises(ValidationError) as refused, session_as(world, "staff_a") as (s, staff):
        attachments.add_file(s, staff, world.customer_of["staff_a"], big, tick=read.append)
    assert read == []
    assert refused.value.code == "attachment_too_large"
    assert describe(refused.value, "zh_CN") == (
        "文件“宣传片.mp4”大小为 21.0 MB，超过了附件大小上限 20 MB，不能添加。"
        "管理员可在“本公司信息”中修改上限。"
    )
    assert "21.0 MB, more than the largest attachment allowed, 20 MB" in describe(
        refused.value, "en"
    )
    with session_as(world, "staff_a") as (session, staff):
        assert attachments.customer_files(session, staff, world.customer_of["staff_a"]) == []


def test_the_limit_the_administrator_sets_takes_effect(world: World, tmp_path: Path) -> None:
    customer = world.customer_of["staff_a"]
    medium = a_file(tmp_path, "报价单.xlsx", MB + MB // 2)
    set_limit(world, 1)
    with pytest.raises(ValidationError) as refused:
        add(world, "staff_a", customer, medium)
    assert refused.value.params["limit"] == "1 MB"
    set_limit(world, 2)
    added = add(world, "staff_a", customer, medium)
    assert added.size_bytes == MB + MB // 2
    with session_as(world, "staff_a") as (session, _staff):
        assert attachments.size_limit_mb(session) == 2
    with pytest.raises(ValidationError) as zero:
        set_limit(world, 0)
    assert zero.value.field == "attachment_max_mb"


def test_bytes_dropped_from_another_program_are_checked_too(world: World) -> None:
    set_limit(world, 1)
    with pytest.raises(ValidationError), session_as(world, "staff_a") as (session, staff):
        attachments.add_bytes(session, staff, world.customer_of["staff_a"], "图.png", b"x" * MB * 2)
    with session_as(world, "staff_a") as (session, staff):
        added = attachments.add_bytes(
            session, staff, world.customer_of["staff_a"], "图.png", b"\x89PNG"
        )
    assert (added.mime_type, added.size_bytes) == ("image/png", 4)


def test_delete_to_the_recycle_bin_and_restore(world: World, tmp_path: Path) -> None:
    customer = world.customer_of["staff_a"]
    added = add(world, "staff_a", customer, a_file(tmp_path, "名片.jpg", 2000))
    # Staff may not delete customer data; their head may.
    with pytest.raises(PermissionDeniedError), session_as(world, "staff_a") as (s, staff):
        attachments.delete(s, staff, added.id, added.version)
    with session_as(world, "head_a") as (session, head):
        attachments.delete(session, head, added.id, added.version)
    with session_as(world, "head_a") as (session, head):
        assert attachments.customer_files(session, head, customer) == []
        binned = records.deleted_records(session, head, attachments.ATTACHMENTS)
        assert [(item.id, item.title) for item in binned] == [(added.id, "名片.jpg")]
        with pytest.raises(NotFoundError):
            attachments.read_content(session, head, added.id)
        attachments.restore(session, head, added.id)
    with session_as(world, "staff_a") as (session, staff):
        assert [item.id for item in attachments.customer_files(session, staff, customer)] == [
            added.id
        ]
        assert len(attachments.read_content(session, staff, added.id)) == 2000


def test_another_departments_staff_reach_none_of_it(world: World, tmp_path: Path) -> None:
    theirs = world.customer_of["staff_a"]
    added = add(world, "staff_a", theirs, a_file(tmp_path, "合同.docx", 500))
    with pytest.raises(ValidationError) as adding, session_as(world, "staff_b") as (s, staff_b):
        attachments.add_file(s, staff_b, theirs, a_file(tmp_path, "x.txt", 5))
    assert adding.value.code == "customer_missing"
    with session_as(world, "staff_b") as (session, staff_b):
        with pytest.raises(NotFoundError):
            attachments.read_content(session, staff_b, added.id)
        with pytest.raises(NotFoundError):
            attachments.save_as(session, staff_b, added.id, tmp_path / "stolen.docx")
        with pytest.raises(NotFoundError):
            attachments.customer_files(session, staff_b, theirs)
    assert not (tmp_path / "stolen.docx").exists()
    if world.is_postgresql:  # the database itself hides the row from staff_b's own login
        engine = world.engine_as("staff_b")
        try:
            with engine.connect() as connection:
                found = connection.execute(text("SELECT count(*) FROM attachments")).scalar()
        finally:
            engine.dispose()
        assert found == 0


def test_the_file_list_shows_what_each_user_sees(world: World, tmp_path: Path) -> None:
    for username in ("staff_a", "staff_a1", "staff_b"):
        add(world, username, world.customer_of[username], a_file(tmp_path, f"{username}.txt", 9))
    query = ListQuery(attachments.attachment_list_spec())

    def names(username: str) -> set[str]:
        with session_as(world, username) as (session, user):
            return {row[1] for row in every_row(session, query, user)}

    assert names("staff_a") == {"staff_a.txt"}
    assert names("head_a") == {"staff_a.txt", "staff_a1.txt"}
    assert names("admin") == {"staff_a.txt", "staff_a1.txt", "staff_b.txt"}


def test_the_audit_trail_records_a_file_without_its_bytes(world: World, tmp_path: Path) -> None:
    """The audit image of a row leaves its file content out; the other columns are in it."""
    customer = world.customer_of["staff_a"]
    added = add(world, "staff_a", customer, a_file(tmp_path, "报价单.pdf", 2048))
    with session_as(world, "admin") as (session, admin):
        (entry,) = audit.history(session, admin, "attachments", added.id)
    assert entry.operation == "INSERT" and entry.after is not None
    assert "content" not in entry.after
    assert (entry.after["file_name"], entry.after["size_bytes"]) == ("报价单.pdf", 2048)
    assert entry.after["customer_id"] == customer


def test_a_file_is_renamed_and_described_keeping_its_contents(world: World, tmp_path: Path) -> None:
    source = a_file(tmp_path, "scan.pdf", 4096)
    customer = world.customer_of["staff_a"]
    added = add(world, "staff_a", customer, source)
    with session_as(world, "staff_a") as (session, staff):
        described = attachments.describe(
            session, staff, added.id, added.version, " 年度合同.pdf ", " 双方盖章版 "
        )
        content = attachments.read_content(session, staff, added.id)
    assert (described.file_name, described.description) == ("年度合同.pdf", "双方盖章版")
    assert described.version == added.version + 1 and described.sha256 == added.sha256
    assert content == source.read_bytes()


@pytest.mark.parametrize(
    ("name", "code"),
    [("合同.docx", "file_extension_changed"), ("合同", "file_extension_changed"),
     ("a/b.pdf", "file_name_invalid"), ("合同?.pdf", "file_name_invalid"), ("  ", "required")],
)  # fmt: skip
def test_a_name_that_would_lose_the_file_is_refused_at_the_field(
    world: World, tmp_path: Path, name: str, code: str
) -> None:
    added = add(world, "staff_a", world.customer_of["staff_a"], a_file(tmp_path, "scan.pdf", 10))
    with session_as(world, "staff_a") as (session, staff), pytest.raises(ValidationError) as caught:
        attachments.describe(session, staff, added.id, added.version, name, None)
    assert (caught.value.code, caught.value.params.get("field")) == (code, "file_name")


def test_describing_needs_the_edit_right_and_the_version_read(world: World, tmp_path: Path) -> None:
    added = add(world, "staff_a", world.customer_of["staff_a"], a_file(tmp_path, "scan.pdf", 10))
    refused = pytest.raises((NotFoundError, PermissionDeniedError))  # another department's
    with session_as(world, "staff_b") as (session, other), refused:
        attachments.describe(session, other, added.id, added.version, "x.pdf", None)
    with session_as(world, "staff_a") as (session, staff):
        attachments.describe(session, staff, added.id, added.version, "一.pdf", None)
    with session_as(world, "staff_a") as (session, staff), pytest.raises(StaleRecordError):
        attachments.describe(session, staff, added.id, added.version, "二.pdf", None)
