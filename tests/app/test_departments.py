"""Editing the department tree: rename, move (never under itself), delete only when empty,
restore; and only with the reference permissions."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from app import departments
from app.errors import PermissionDeniedError, ValidationError
from app.users import list_departments
from tests.acting_users import acting
from tests.security_world import World


def paths(session: Session) -> dict[str, int]:
    return {row.path: row.id for row in list_departments(session)}


def test_rename_and_move_keep_the_tree(world: World) -> None:
    with acting(world, "admin") as (factory, admin), factory.begin() as session:
        tree = paths(session)
        departments.rename_department(session, admin, tree["A/A1"], "广告一部")
        departments.move_department(session, admin, tree["A/A1"], tree["B"])
        departments.move_department(session, admin, tree["A"], None)
        new_id = departments.add_department(session, admin, "广告二部", tree["B"])
        assert set(paths(session)) == {"A", "B", "B/广告一部", "B/广告二部"}
        assert paths(session)["B/广告二部"] == new_id


def test_a_department_cannot_move_under_itself_or_its_sub_department(world: World) -> None:
    with acting(world, "admin") as (factory, admin), factory.begin() as session:
        tree = paths(session)
        for parent in ("A", "A/A1"):
            with pytest.raises(ValidationError) as refused:
                departments.move_department(session, admin, tree["A"], tree[parent])
            assert (refused.value.code, refused.value.field) == ("department_cycle", "parent_id")


def test_sibling_names_stay_different(world: World) -> None:
    with acting(world, "admin") as (factory, admin), factory.begin() as session:
        tree = paths(session)
        with pytest.raises(ValidationError) as refused:
            departments.rename_department(session, admin, tree["B"], "A")
        assert (refused.value.code, refused.value.field) == ("department_exists", "name")
        departments.add_department(session, admin, "A1", tree["B"])
        with pytest.raises(ValidationError):
            departments.move_department(session, admin, tree["A/A1"], tree["B"])


def test_only_an_empty_department_is_deleted_and_restore_brings_it_back(world: World) -> None:
    with acting(world, "admin") as (factory, admin), factory.begin() as session:
        tree = paths(session)
        with pytest.raises(ValidationError) as refused:
            departments.delete_department(session, admin, tree["A"])
        # A has the sub-department A1 and the employee 王小明.
        assert refused.value.code == "department_not_empty"
        assert (refused.value.params["children"], refused.value.params["employees"]) == (1, 1)
        departments.delete_department(session, admin, tree["A/A1"])
        assert "A/A1" not in paths(session)
        assert [row.id for row in departments.deleted_departments(session)] == [tree["A/A1"]]
        departments.restore_department(session, admin, tree["A/A1"])
        assert "A/A1" in paths(session)


def test_a_department_whose_parent_is_deleted_waits_for_the_parent(world: World) -> None:
    with acting(world, "admin") as (factory, admin), factory.begin() as session:
        tree = paths(session)
        child = departments.add_department(session, admin, "C1", tree["B"])
        parent = departments.add_department(session, admin, "C", None)
        departments.move_department(session, admin, child, parent)
        departments.delete_department(session, admin, child)
        departments.delete_department(session, admin, parent)
        with pytest.raises(ValidationError) as refused:
            departments.restore_department(session, admin, child)
        assert refused.value.code == "department_parent_deleted"


def test_staff_cannot_edit_departments(world: World) -> None:
    with acting(world, "staff_a") as (factory, staff), factory.begin() as session:
        tree = paths(session)
        with pytest.raises(PermissionDeniedError):
            departments.rename_department(session, staff, tree["A"], "甲")
        with pytest.raises(PermissionDeniedError):
            departments.add_department(session, staff, "甲", None)
