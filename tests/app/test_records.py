"""One record through the panel services: create, edit, a stale save, delete to the recycle
bin and restore, information and history — on both databases, as real users."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app import records
from app.errors import NotFoundError, PermissionDeniedError, ValidationError
from app.records import StaleRecordError
from app.reference_records import AD_SERVICES, DEPARTMENTS, POSITIONS, REGIONS
from tests.acting_users import acting
from tests.security_world import World


def position(code: str, name: str, **more: object) -> dict[str, object]:
    return {"code": code, "name_zh": name, "name_en": None, "sort_order": 0, "active": True, **more}


def test_a_record_is_created_edited_deleted_and_restored(world: World) -> None:
    with acting(world, "admin") as (factory, admin):
        with factory.begin() as session:
            made = records.create(session, admin, POSITIONS, position("copy_editor", "编辑"))
        assert (made.title, made.version) == ("编辑", 1)
        with factory.begin() as session:
            edited = records.update(
                session, admin, POSITIONS, made.id, made.version, position("copy_editor", "主编")
            )
        assert (edited.values["name_zh"], edited.version) == ("主编", 2)
        with factory.begin() as session:
            records.delete(session, admin, POSITIONS, made.id, edited.version)
        with factory.begin() as session:
            binned = records.deleted_records(session, admin, POSITIONS)
            assert [(row.id, row.title) for row in binned] == [(made.id, "主编")]
            assert binned[0].deleted_by == "管理员 (admin)"
        with factory.begin() as session:
            restored = records.restore(session, admin, POSITIONS, made.id)
        assert restored.values["name_zh"] == "主编"
        with factory.begin() as session:
            assert records.deleted_records(session, admin, POSITIONS) == []


def test_a_stale_save_carries_the_version_saved_meanwhile(world: World) -> None:
    with acting(world, "admin") as (factory, admin):
        with factory.begin() as session:
            made = records.create(session, admin, POSITIONS, position("sales", "销售"))
        with factory.begin() as session:
            records.update(session, admin, POSITIONS, made.id, 1, position("sales", "销售代表"))
        with pytest.raises(StaleRecordError) as stale, factory.begin() as session:
            records.update(session, admin, POSITIONS, made.id, 1, position("sales", "销售经理"))
        assert (stale.value.theirs.version, stale.value.theirs.values["name_zh"]) == (2, "销售代表")
        with pytest.raises(StaleRecordError), factory.begin() as session:
            records.delete(session, admin, POSITIONS, made.id, 1)
        with factory.begin() as session:
            saved = records.update(
                session,
                admin,
                POSITIONS,
                made.id,
                stale.value.theirs.version,
                position("sales", "销售经理"),
            )
        assert saved.version == 3


def test_values_are_checked_by_their_field_rules_and_live_uniques(world: World) -> None:
    with acting(world, "admin") as (factory, admin):
        with pytest.raises(ValidationError) as refused, factory.begin() as session:
            records.create(session, admin, POSITIONS, position("", "无代码"))
        assert (refused.value.code, refused.value.field) == ("required", "code")
        with pytest.raises(ValidationError) as refused, factory.begin() as session:
            records.create(session, admin, POSITIONS, position("x" * 31, "太长"))
        assert (refused.value.code, refused.value.field) == ("too_long", "code")
        with pytest.raises(ValidationError) as refused, factory.begin() as session:
            records.create(
                session,
                admin,
                AD_SERVICES,
                {"code": "D1", "name": "设计", "standard_price": Decimal("-1")},
            )
        assert (refused.value.code, refused.value.field) == ("out_of_range", "standard_price")
        with factory.begin() as session:
            first = records.create(session, admin, POSITIONS, position("writer", "撰稿"))
        with pytest.raises(ValidationError) as refused, factory.begin() as session:
            records.create(session, admin, POSITIONS, position("writer", "另一个"))
        assert (refused.value.code, refused.value.field) == ("value_taken", "code")
        # A deleted record's code is free again, and restoring it then is refused.
        with factory.begin() as session:
            records.delete(session, admin, POSITIONS, first.id, first.version)
            records.create(session, admin, POSITIONS, position("writer", "新撰稿"))
        with pytest.raises(ValidationError) as refused, factory.begin() as session:
            records.restore(session, admin, POSITIONS, first.id)
        assert refused.value.code == "value_taken"


def test_staff_read_reference_lists_but_may_not_change_them(world: World) -> None:
    with acting(world, "admin") as (factory, admin), factory.begin() as session:
        made = records.create(session, admin, POSITIONS, position("designer", "设计师"))
    with acting(world, "staff_a") as (factory, staff):
        with factory.begin() as session:
            assert records.read(session, staff, POSITIONS, made.id).title == "设计师"
        for change in (
            lambda s: records.create(s, staff, POSITIONS, position("x", "某")),
            lambda s: records.update(s, staff, POSITIONS, made.id, 1, position("d", "某")),
            lambda s: records.delete(s, staff, POSITIONS, made.id, 1),
        ):
            with pytest.raises(PermissionDeniedError), factory.begin() as session:
                change(session)


def test_department_rules_hold_through_the_form_service(world: World) -> None:
    with acting(world, "admin") as (factory, admin):
        with factory.begin() as session:
            options = records.lookup_options(session, DEPARTMENTS, "parent_id", "zh_CN")
            by_name = {option.text: option.id for option in options}
            a = records.read(session, admin, DEPARTMENTS, by_name["A"])
            child = records.create(
                session, admin, DEPARTMENTS, {"name": "华东组", "parent_id": a.id}
            )
        with pytest.raises(ValidationError) as refused, factory.begin() as session:
            records.update(
                session,
                admin,
                DEPARTMENTS,
                a.id,
                a.version,
                {**a.values, "parent_id": child.id},
            )
        assert (refused.value.code, refused.value.field) == ("department_cycle", "parent_id")
        with pytest.raises(ValidationError) as refused, factory.begin() as session:
            records.delete(session, admin, DEPARTMENTS, a.id, a.version)
        assert refused.value.code == "department_not_empty"
        with factory.begin() as session:
            records.delete(session, admin, DEPARTMENTS, child.id, child.version)
        with pytest.raises(ValidationError) as refused, factory.begin() as session:
            records.create(session, admin, DEPARTMENTS, {"name": "华东组", "parent_id": a.id})
            records.restore(session, admin, DEPARTMENTS, child.id)
        assert (refused.value.code, refused.value.field) == ("department_exists", "name")


def test_lookup_options_are_live_rows_in_pinyin_order(world: World) -> None:
    with acting(world, "admin") as (factory, _admin), factory.begin() as session:
        options = records.lookup_options(session, REGIONS, "country_id", "zh_CN")
        assert "中国" in [option.text for option in options]
        china = next(option for option in options if option.text == "中国")
        assert "zg" in china.search_text
        texts = [option.text for option in options]
        assert texts.index("德国") < texts.index("美国") < texts.index("中国")  # de, mei, zhong


def test_information_names_the_people_and_the_history(world: World) -> None:
    with acting(world, "admin") as (factory, admin):
        with factory.begin() as session:
            made = records.create(session, admin, POSITIONS, position("cfo", "财务总监"))
        with factory.begin() as session:
            records.update(session, admin, POSITIONS, made.id, 1, position("cfo", "首席财务官"))
        with factory.begin() as session:
            info = records.information(session, admin, POSITIONS, made.id)
        assert (info.title, info.version) == ("首席财务官", 2)
        assert info.created_by == info.updated_by == "管理员 (admin)"
        assert info.history is not None
        assert [entry.operation for entry in info.history] == ["INSERT", "UPDATE"]
    with acting(world, "staff_a") as (factory, staff), factory.begin() as session:
        assert records.information(session, staff, POSITIONS, made.id).history is None


def test_a_missing_record_is_not_found(world: World) -> None:
    with (
        acting(world, "admin") as (factory, admin),
        pytest.raises(NotFoundError),
        factory.begin() as session,
    ):
        records.read(session, admin, POSITIONS, 999_999)


def test_a_tree_kind_lists_its_live_rows_with_their_parents(world: World) -> None:
    with acting(world, "admin") as (factory, admin), factory.begin() as session:
        before = {
            row.title: row for row in records.tree_rows(session, admin, DEPARTMENTS, "parent_id")
        }
        child = records.create(
            session, admin, DEPARTMENTS, {"name": "华东组", "parent_id": before["A"].id}
        )
        after = records.tree_rows(session, admin, DEPARTMENTS, "parent_id")
        assert [row for row in after if row.id == child.id] == [
            records.TreeRow(child.id, before["A"].id, "华东组")
        ]
        records.delete(session, admin, DEPARTMENTS, child.id, child.version)
        assert child.id not in {
            row.id for row in records.tree_rows(session, admin, DEPARTMENTS, "parent_id")
        }


def test_a_new_record_starts_with_its_columns_defaults() -> None:
    assert records.new_values(POSITIONS) == {"sort_order": 0, "active": True}
    assert records.new_values(AD_SERVICES) == {"active": True}
