"""Roles and permissions: only administrators change them, a change reaches the database's
grants at once, and "why can this user see this record?" agrees with the rule itself.

Changes are made through the administrator's own connection, so on PostgreSQL the grants
and row-level security of a real user take part."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app import roles, users
from app.errors import ConflictError, PermissionDeniedError, ValidationError
from app.visibility import explain_visibility
from db.engine import make_engine
from db.models.customers import Contact
from db.models.work import Task
from db.permissions import OWNED_TABLES
from tests.acting_users import acting
from tests.conftest import fresh_database
from tests.security_world import PASSWORD, World, build_world


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def shared_world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    """One world per backend for the tests that only look."""
    with fresh_database(request.param, request, tmp_path_factory.mktemp("roles")) as url:
        world = build_world(url)
        with acting(world, "admin") as (factory, admin), factory.begin() as session:
            # A role seeing its own department only, for a user in department A.
            role_id = roles.create_role(session, admin, "dept_only", "本部门", "Own department")
            permissions = roles.role_permissions(session, role_id)
            roles.set_permissions(
                session,
                admin,
                role_id,
                permissions.version,
                {("customers", "view")},
                {kind: "department" for kind in OWNED_TABLES},
            )
            world.user_id_of["dept_a"] = users.add_user(
                session, "dept_a", PASSWORD, "dept_only", "A", "部门甲"
            )
        yield world


def role_id(session: Session, key: str) -> int:
    return next(row.id for row in roles.list_roles(session) if row.key == key)


def test_staff_cannot_change_roles(world: World) -> None:
    with acting(world, "staff_a") as (factory, staff), factory.begin() as session:
        staff_role = role_id(session, "staff")
        version = roles.role_permissions(session, staff_role).version
        with pytest.raises(PermissionDeniedError):
            roles.create_role(session, staff, "sneaky", "偷偷", "Sneaky")
        with pytest.raises(PermissionDeniedError):
            roles.set_permissions(session, staff, staff_role, version, {("security", "admin")}, {})
        with pytest.raises(PermissionDeniedError):
            roles.rename_role(session, staff, staff_role, version, "老板", "Boss")
        assert not roles.may_manage_roles(staff)


def test_admin_creates_renames_and_deletes_a_custom_role(world: World) -> None:
    with acting(world, "admin") as (factory, admin), factory.begin() as session:
        new_id = roles.create_role(
            session,
            admin,
            "sales_assistant",
            "销售助理",
            "Sales assistant",
            role_id(session, "staff"),
        )
        copied = roles.role_permissions(session, new_id)
        assert (
            copied.functions == roles.role_permissions(session, role_id(session, "staff")).functions
        )
        assert set(copied.scopes.values()) == {"own"}
        roles.rename_role(session, admin, new_id, copied.version, "销售助手", "Sales helper")
        row = next(row for row in roles.list_roles(session) if row.id == new_id)
        assert (row.name("zh_CN"), row.name("en"), row.users) == ("销售助手", "Sales helper", 0)
        with pytest.raises(ConflictError):
            roles.delete_role(session, admin, new_id, copied.version)
        roles.delete_role(session, admin, new_id, row.version)
        assert new_id not in {row.id for row in roles.list_roles(session)}


def test_built_in_and_used_roles_cannot_be_deleted(world: World) -> None:
    with acting(world, "admin") as (factory, admin), factory.begin() as session:
        staff = next(row for row in roles.list_roles(session) if row.key == "staff")
        with pytest.raises(ValidationError) as refused:
            roles.delete_role(session, admin, staff.id, staff.version)
        assert refused.value.code == "built_in_role"
        helper = roles.create_role(session, admin, "helper", "助手", "Helper")
        users.add_user(session, "helper_1", PASSWORD, "helper", "B", "助手一")
        version = roles.role_permissions(session, helper).version
        with pytest.raises(ValidationError) as refused:
            roles.delete_role(session, admin, helper, version)
        assert refused.value.code == "role_in_use"
        assert refused.value.params["count"] == 1


def test_permission_matrix_and_scopes_are_saved_and_a_stale_edit_is_refused(
    world: World,
) -> None:
    with acting(world, "admin") as (factory, admin):
        with factory.begin() as session:
            helper = roles.create_role(session, admin, "helper", "助手", "Helper")
            before = roles.role_permissions(session, helper)
            wanted = {("customers", "view"), ("customers", "export"), ("tasks", "view")}
            roles.set_permissions(
                session, admin, helper, before.version, wanted, {"customers": "department_tree"}
            )
        with factory() as session:
            after = roles.role_permissions(session, helper)
        assert after.functions == wanted
        assert after.scopes["customers"] == "department_tree"
        assert after.scopes["tasks"] == "own"
        assert after.version == before.version + 1
        with factory.begin() as session, pytest.raises(ConflictError):
            roles.set_permissions(session, admin, helper, before.version, set(), {})


def test_the_administrator_role_keeps_the_right_to_manage_security(world: World) -> None:
    with acting(world, "admin") as (factory, admin), factory.begin() as session:
        admin_role = role_id(session, "admin")
        current = roles.role_permissions(session, admin_role)
        with pytest.raises(ValidationError) as refused:
            roles.set_permissions(
                session,
                admin,
                admin_role,
                current.version,
                current.functions - {("security", "admin")},
                {},
            )
        assert refused.value.code == "admin_role_keeps_security_admin"


def test_unknown_permissions_are_refused(world: World) -> None:
    with acting(world, "admin") as (factory, admin), factory.begin() as session:
        helper = roles.create_role(session, admin, "helper", "助手", "Helper")
        version = roles.role_permissions(session, helper).version
        for functions, scopes in (({("customers", "fly")}, {}), (set(), {"customers": "some"})):
            with pytest.raises(ValidationError) as refused:
                roles.set_permissions(session, admin, helper, version, functions, scopes)
            assert refused.value.code == "unknown_permission"


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_role_without_delete_cannot_delete_a_customer_even_with_raw_sql(db_url: URL) -> None:
    world = build_world(db_url)
    with acting(world, "admin") as (factory, admin), factory.begin() as session:
        clerk = roles.create_role(session, admin, "clerk", "文员", "Clerk")
        roles.set_permissions(
            session,
            admin,
            clerk,
            roles.role_permissions(session, clerk).version,
            {("customers", action) for action in ("view", "create", "edit")},
            {"customers": "all"},
        )
        users.add_user(session, "clerk_1", PASSWORD, "clerk", "B", "文员一")
    customer = world.customer_of["staff_a"]
    engine = make_engine(world.login_url("clerk_1"))
    try:
        with engine.connect() as connection:
            seen = "SELECT count(*) FROM customers WHERE id = :id"
            assert connection.execute(text(seen), {"id": customer}).scalar() == 1
        for statement in (
            "DELETE FROM customers WHERE id = :id",
            "UPDATE customers SET deleted_at = now(), version = version + 1 WHERE id = :id",
        ):
            with engine.begin() as connection, pytest.raises(DBAPIError) as refused:
                connection.execute(text(statement), {"id": customer})
            assert getattr(refused.value.orig, "sqlstate", None) == "42501"
        with engine.begin() as connection:
            changed = connection.execute(
                text("UPDATE customers SET phone = '010-1', version = version + 1 WHERE id = :id"),
                {"id": customer},
            )
            assert changed.rowcount == 1
    finally:
        engine.dispose()


def test_effective_permissions_name_the_departments_in_scope(shared_world: World) -> None:
    with acting(shared_world, "admin") as (factory, _admin), factory() as session:
        head = roles.effective_permissions(session, shared_world.user_id_of["head_a"], "en")
        staff = roles.effective_permissions(session, shared_world.user_id_of["staff_a1"], "zh_CN")
    assert (head.role_name, head.department) == ("Department head", "A")
    assert head.scopes["customers"] == "department_tree"
    assert head.departments["customers"] == ("A", "A/A1")
    assert ("customers", "delete") in head.functions
    assert (staff.role_name, staff.department, staff.scopes["tasks"]) == ("员工", "A/A1", "own")
    assert ("customers", "delete") not in staff.functions


@pytest.mark.parametrize(
    ("viewer", "owner", "visible", "codes"),
    [
        ("staff_a", "staff_a", True, ["owner"]),
        ("dept_a", "staff_a", True, ["own_department"]),
        ("dept_a", "staff_a1", False, ["outside_scope"]),
        ("head_a", "staff_a1", True, ["sub_department"]),
        ("head_a", "head_a", True, ["owner", "own_department"]),
        ("boss", "staff_b", True, ["scope_all"]),
        ("staff_a", "staff_b", False, ["outside_scope"]),
    ],
)
def test_explain_visibility_gives_the_reason(
    shared_world: World, viewer: str, owner: str, visible: bool, codes: list[str]
) -> None:
    with acting(shared_world, "admin") as (factory, _admin), factory() as session:
        explanation = explain_visibility(
            session, shared_world.user_id_of[viewer], "customers", shared_world.customer_of[owner]
        )
    assert explanation.visible is visible
    assert [reason.code for reason in explanation.reasons] == codes
    assert explanation.title.startswith(owner)


def test_explain_visibility_follows_a_contact_to_its_customer(shared_world: World) -> None:
    with acting(shared_world, "admin") as (factory, _admin), factory() as session:
        contact = session.scalars(
            select(Contact.id).where(Contact.customer_id == shared_world.customer_of["staff_a1"])
        ).one()
        explanation = explain_visibility(
            session, shared_world.user_id_of["head_a"], "contacts", contact
        )
    assert explanation.visible
    first, second = explanation.reasons
    assert (first.code, first.params["table"]) == ("belongs_to", "customers")
    assert first.params["title"].startswith("staff_a1")
    assert (second.code, second.params["department"], second.params["user_department"]) == (
        "sub_department",
        "A/A1",
        "A",
    )


def test_explain_visibility_names_a_missing_view_permission(shared_world: World) -> None:
    with acting(shared_world, "admin") as (factory, _admin), factory() as session:
        task = session.scalars(
            select(Task.id).where(Task.customer_id == shared_world.customer_of["staff_a"])
        ).one()
        explanation = explain_visibility(session, shared_world.user_id_of["dept_a"], "tasks", task)
    assert not explanation.visible
    assert [(r.code, r.params) for r in explanation.reasons] == [
        ("no_view_permission", {"module": "tasks"})
    ]
