"""An import's column mapping is remembered per user and per header set, and the customer
tools' choices follow the services' rules — on SQLite and PostgreSQL, as real users."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import URL

from app import customer_tools, import_mappings, ownership
from app.customer_import import auto_mapping
from tests.acting_users import acting
from tests.customer_world import add_customer, session_as
from tests.security_world import World, build_world

HEADERS = ["公司名称", "备注栏", "手机"]


@pytest.fixture
def world(db_url: URL) -> World:
    return build_world(db_url)


def test_a_mapping_is_remembered_per_user_and_header_set(world: World) -> None:
    chosen = auto_mapping(HEADERS).with_column(1, "notes")
    with acting(world, "staff_a") as (factory, user), factory.begin() as session:
        assert import_mappings.remembered_mapping(session, user, HEADERS) is None
        import_mappings.remember_mapping(session, user, chosen)
    moved = ["手机", "公司名称", "备注栏"]  # the same columns in another order
    with acting(world, "staff_a") as (factory, user), factory.begin() as session:
        again = import_mappings.remembered_mapping(session, user, moved)
        assert again is not None
        assert again.columns == {0: "contact.mobile", 1: "name", 2: "notes"}
        assert import_mappings.remembered_mapping(session, user, [*HEADERS, "城市"]) is None
    with acting(world, "staff_b") as (factory, user), factory.begin() as session:
        assert import_mappings.remembered_mapping(session, user, HEADERS) is None


def test_transfer_targets_follow_the_hand_over_rule(world: World) -> None:
    with session_as(world, "staff_a") as (session, staff):
        assert customer_tools.transfer_targets(session, staff) == []
    with session_as(world, "head_a") as (session, head):
        targets = customer_tools.transfer_targets(session, head)
        for choice in targets:
            ownership.require_may_assign(session, head, choice.id)
        names = {choice.name for choice in targets}
    assert "李雷" in names and "韩梅梅" not in names  # A1 yes, B no
    with session_as(world, "admin") as (session, admin):
        everyone = {c.name for c in customer_tools.transfer_targets(session, admin)}
    assert {"李雷", "韩梅梅"} <= everyone


def test_owner_counts_and_merge_counts_see_what_the_user_sees(world: World) -> None:
    extra = add_customer(world, "staff_a", "杭州第二客户有限公司")
    with session_as(world, "admin") as (session, admin):
        counts = {c.name: c.customers for c in customer_tools.customer_owners(session, admin)}
        ours = world.customer_of["staff_a"]
        summary = customer_tools.customer_summary(session, admin, ours, "en")
        found = customer_tools.find_customers(session, admin, "第二")
    assert counts["王小明"] == 2 and counts["韩梅梅"] == 1
    assert summary is not None and summary.references.get("Contact") == 1
    assert found == [(extra, "杭州第二客户有限公司")]
    with session_as(world, "staff_b") as (session, staff_b):
        assert customer_tools.customer_summary(session, staff_b, extra, "en") is None
        counts = {c.name: c.customers for c in customer_tools.customer_owners(session, staff_b)}
    assert counts["王小明"] == 0 and counts["韩梅梅"] == 1


def test_a_customer_search_takes_percent_and_underscore_literally(world: World) -> None:
    percent = add_customer(world, "staff_a", "百分百%传媒有限公司")
    underscore = add_customer(world, "staff_a", "下划线_广告有限公司")
    add_customer(world, "staff_a", "下划线X广告有限公司")  # what "线_广" as a pattern matches too
    with session_as(world, "admin") as (session, admin):
        assert customer_tools.find_customers(session, admin, "%") == [
            (percent, "百分百%传媒有限公司")
        ]
        found = customer_tools.find_customers(session, admin, " 线_广 ")
    assert found == [(underscore, "下划线_广告有限公司")]
