"""Handing customers over and merging two customers, on both databases, as real users (on
PostgreSQL through their own login roles, so row-level security and grants take part), with
every change in the audit trail."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import URL

from app import attachments, audit, customers, ownership, records
from app.errors import NotFoundError, PermissionDeniedError, ValidationError
from db.engine import make_engine
from db.models.advertising import AdOrder
from db.models.customers import (
    Attachment,
    Contact,
    ContactHistory,
    Customer,
    CustomerExtension,
)
from db.models.work import Task
from tests.customer_world import add_customer, credit_code, session_as, type_id
from tests.security_world import World, build_world


@pytest.fixture
def world(db_url: URL) -> World:
    return build_world(db_url)


def employee(world: World, username: str) -> int:
    with session_as(world, username) as (_session, user):
        return user.employee_id


def owners(world: World, *customer_ids: int) -> list[tuple[int | None, int | None]]:
    with session_as(world, "admin") as (session, _admin):
        rows = session.execute(
            select(Customer.id, Customer.owner_id, Customer.department_id).where(
                Customer.id.in_(customer_ids)
            )
        )
        found = {id_: (owner, department) for id_, owner, department in rows}
    return [found[id_] for id_ in customer_ids]


def test_a_head_hands_customers_over_within_their_departments_audited(world: World) -> None:
    customer = world.customer_of["staff_a"]
    to = employee(world, "staff_a1")
    with session_as(world, "head_a") as (session, head):
        moved = ownership.transfer_customers(session, head, [customer], to)
        assert moved.customer_ids == (customer,)
        read = records.read(session, head, customers.CUSTOMERS, customer)
    assert (read.values["owner_id"], read.values["department_id"]) == (to, moved.to_department_id)
    with session_as(world, "admin") as (session, admin):
        change = audit.history(session, admin, "customers", customer)[-1]
    assert change.operation == "UPDATE"
    assert change.db_user is not None and change.db_user.endswith("head_a")
    assert {c for c, _before, _after in change.changes()} >= {"owner_id", "department_id"}
    # staff_a no longer sees it; staff_a1 does.
    with session_as(world, "staff_a") as (session, staff_a), pytest.raises(NotFoundError):
        records.read(session, staff_a, customers.CUSTOMERS, customer)
    with session_as(world, "staff_a1") as (session, staff_a1):
        records.read(session, staff_a1, customers.CUSTOMERS, customer)


def test_a_customers_files_go_with_it_to_the_new_owner(world: World) -> None:
    customer = world.customer_of["staff_a"]
    with session_as(world, "staff_a") as (session, staff_a):
        attachments.add_bytes(session, staff_a, customer, "合同.txt", "广告合同".encode())
    to = employee(world, "staff_b")
    with session_as(world, "admin") as (session, admin):
        ownership.transfer_customers(session, admin, [customer], to)
    with session_as(world, "staff_b") as (session, staff_b):
        files = attachments.customer_files(session, staff_b, customer)
        assert [file.file_name for file in files] == ["合同.txt"]
        assert attachments.read_content(session, staff_b, files[0].id) == "广告合同".encode()
    with session_as(world, "staff_a") as (session, staff_a), pytest.raises(NotFoundError):
        attachments.customer_files(session, staff_a, customer)


def test_staff_may_not_hand_over_and_heads_not_beyond_their_departments(world: World) -> None:
    staff_b, staff_a1 = employee(world, "staff_b"), employee(world, "staff_a1")
    with pytest.raises(PermissionDeniedError), session_as(world, "staff_a") as (s, staff):
        ownership.transfer_customers(s, staff, [world.customer_of["staff_a"]], staff_a1)
    with pytest.raises(PermissionDeniedError), session_as(world, "head_a") as (s, head):
        ownership.transfer_customers(s, head, [world.customer_of["staff_a"]], staff_b)
    with pytest.raises(NotFoundError), session_as(world, "head_a") as (s, head):
        ownership.transfer_customers(s, head, [world.customer_of["staff_b"]], staff_a1)
    # Through the form: staff cannot change the owner of their own customer either.
    with pytest.raises(PermissionDeniedError), session_as(world, "staff_a") as (s, staff):
        read = records.read(s, staff, customers.CUSTOMERS, world.customer_of["staff_a"])
        customers.update_customer(
            s, staff, read.id, read.version, {**read.values, "owner_id": staff_a1}
        )
    assert owners(world, world.customer_of["staff_a"])[0][0] == employee(world, "staff_a")


def test_a_departing_employees_customers_go_to_a_colleague_in_one_step(world: World) -> None:
    leaving, to = employee(world, "staff_a"), employee(world, "staff_b")
    second = add_customer(world, "staff_a", "离职交接测试有限公司")
    with session_as(world, "head_a") as (session, head):  # heads may delete, staff not
        version = records.read(session, head, customers.CUSTOMERS, second).version
        records.delete(session, head, customers.CUSTOMERS, second, version)
    with session_as(world, "admin") as (session, admin):
        session.execute(
            text("UPDATE employees SET status = 'left', version = version + 1 WHERE id = :id"),
            {"id": leaving},
        )
        moved = ownership.hand_over_all(session, admin, leaving, to)
        with pytest.raises(ValidationError) as refused:
            ownership.transfer_customers(session, admin, [second], leaving)
    assert refused.value.code == "employee_missing"
    assert set(moved.customer_ids) == {world.customer_of["staff_a"], second}
    b_department = owners(world, world.customer_of["staff_b"])[0][1]
    assert owners(world, *moved.customer_ids) == [(to, b_department)] * 2


def test_an_administrator_merges_two_customers_moving_everything_audited(world: World) -> None:
    keep, merge = world.customer_of["staff_a"], world.customer_of["staff_b"]
    code = credit_code(4242)
    _give_merge_its_records(world, keep, merge, code)
    with pytest.raises(PermissionDeniedError), session_as(world, "head_a") as (s, head):
        ownership.merge_customers(s, head, keep, merge)
    with session_as(world, "admin") as (session, admin):
        result = ownership.merge_customers(session, admin, keep, merge)
    assert result.moved["contacts.customer_id"] == 2
    assert result.moved["ad_orders.customer_id"] == 1
    assert result.moved["tasks.customer_id"] == 1
    assert result.moved["contact_histories.customer_id"] == 1
    assert result.moved["attachments.record_id"] == 1
    assert result.left == {
        "customer_extensions.customer_id": 1,  # keep has its own; its blanks were filled
        "partner_relations.customer_id": 1,  # a relation between the two
    }
    with session_as(world, "admin") as (session, admin):
        kept = session.get_one(Customer, keep)
        merged = session.get_one(Customer, merge)
        assert merged.deleted_at is not None and merged.credit_code is None
        assert (kept.credit_code, kept.website) == (code, "http://merge.example.com")
        extension = session.scalars(
            select(CustomerExtension).where(CustomerExtension.customer_id == keep)
        ).one()
        assert (extension.bank_name, extension.tax_number) == ("招商银行", "TAX-MERGE")
        for model in (Contact, AdOrder, Task, ContactHistory):
            assert (
                session.scalar(
                    select(func.count()).select_from(model).where(model.customer_id == merge)
                )
                == 0
            )
        attachment = session.scalars(select(Attachment)).one()
        assert (attachment.customer_id, attachment.record_id) == (keep, keep)
        moves = audit.search(session, admin, audit.AuditFilter(table_name="ad_orders"))
    assert any(
        entry.operation == "UPDATE" and (entry.after or {}).get("customer_id") == keep
        for entry in moves
    )


def test_no_merge_of_a_customer_with_itself_nor_orders_into_a_blacklisted_one(
    world: World,
) -> None:
    keep = add_customer(
        world, "admin", "黑名单合并测试", customer_type_id=type_id(world.url, "blacklist"),
        blacklisted_reason="多次违约撤单",
    )  # fmt: skip
    with session_as(world, "admin") as (session, admin):
        with pytest.raises(ValidationError) as itself:
            ownership.merge_customers(session, admin, keep, keep)
        with pytest.raises(ValidationError) as blacklisted:
            ownership.merge_customers(session, admin, keep, world.customer_of["staff_b"])
    assert itself.value.code == "merge_same_customer"
    assert blacklisted.value.code == "merge_into_blacklisted"


def test_every_table_referring_to_customers_is_found_in_the_schema() -> None:
    found = {(table.name, column) for table, column in ownership.customer_references()}
    assert {
        ("contacts", "customer_id"),
        ("ad_orders", "customer_id"),
        ("quotations", "customer_id"),
        ("payments", "customer_id"),
        ("partner_relations", "partner_customer_id"),
        ("customers", "parent_id"),
        ("attachments", "customer_id"),
    } <= found
    assert len(found) >= 20


def _give_merge_its_records(world: World, keep: int, merge: int, code: str) -> None:
    """The merged customer gets a credit code, a website, a second contact, a history, an
    extension (keep has one too), an attachment and a partner relation with keep."""
    engine = make_engine(world.url)
    try:
        with engine.begin() as connection:
            connection.execute(
                text(
                    "UPDATE customers SET credit_code = :code, website = 'http://merge.example.com'"
                    ", version = version + 1 WHERE id = :id"
                ),
                {"code": code, "id": merge},
            )
            rows = {
                "contacts": {"customer_id": merge, "name": "第二联系人"},
                "contact_histories": {"customer_id": merge, "channel": "phone", "subject": "回访"},
                "customer_extensions": {"customer_id": merge, "bank_name": "招商银行",
                                        "tax_number": "TAX-MERGE"},
                "partner_relations": {"customer_id": merge, "partner_customer_id": keep,
                                      "kind": "agency"},
                "attachments": {"customer_id": merge, "record_table": "customers",
                                "record_id": merge, "file_name": "a.txt", "size_bytes": 1,
                                "sha256": "0" * 64, "content": b"x"},
            }  # fmt: skip
            rows_keep = {"customer_id": keep, "bank_name": None, "invoice_title": "保留方抬头"}
            for table, values in [*rows.items(), ("customer_extensions", rows_keep)]:
                columns = ", ".join(values)
                marks = ", ".join(f":{name}" for name in values)
                connection.execute(
                    text(f"INSERT INTO {table} ({columns}) VALUES ({marks})"), values
                )
    finally:
        engine.dispose()
