"""The customer library through its services, on both databases, as real users: entry with
its defaults and validation at the field, the warn-then-insist duplicate check, owners,
contacts under their customer, and the blacklist rules of app/."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from sqlalchemy import select

from app import customers, records
from app.customers import CONTACTS, CUSTOMERS, DuplicateWarnings, SavedCustomer
from app.errors import NotFoundError, PermissionDeniedError, ValidationError
from db.models.customers import Contact, Customer
from tests.customer_world import add_customer, credit_code, customer_values, session_as, type_id
from tests.databases import fresh_database
from tests.security_world import World, build_world


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    """One world per backend; each test enters customers of its own names."""
    with fresh_database(request.param, request, tmp_path_factory.mktemp("customers")) as url:
        yield build_world(url)


def test_a_new_customer_gets_its_owner_department_and_mnemonic_by_default(world: World) -> None:
    with session_as(world, "staff_a1") as (session, staff):
        saved = customers.create_customer(
            session,
            staff,
            customer_values(
                world,
                "杭州默认值测试有限公司",
                phone="+86 138 0013 8000",
                email="Info@Default-Test.CN",
                credit_code=credit_code(101),
                registered_capital=Decimal("5000000"),
            ),
        )
        assert isinstance(saved, SavedCustomer)
        values = saved.record.values
        row = session.get_one(Customer, saved.record.id)
        assert (row.name_key, row.name_pinyin) == (
            "默认值测试",
            "hangzhoumorenzhiceshiyouxiangongsi",
        )
    assert values["owner_id"] == staff.employee_id
    assert values["department_id"] == staff.department_id
    assert values["mnemonic"] == "HZMRZCSYXGS"
    assert values["email"] == "info@default-test.cn"
    assert values["phone"] == "13800138000"
    assert saved.accepted == ()


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("name", "  ", "required"),
        ("phone", "12345", "invalid_cn_phone"),
        ("fax", "13800138000", "invalid_landline"),
        ("email", "not-an-address", "invalid_email"),
        ("postal_code", "10008", "invalid_postal_code"),
        ("credit_code", "91110108MA00000011", "invalid_credit_code"),
        ("registered_capital", Decimal("-1"), "out_of_range"),
    ],
)
def test_bad_entries_are_refused_at_their_field(
    world: World, field: str, value: object, code: str
) -> None:
    with pytest.raises(ValidationError) as refused, session_as(world, "staff_a") as (s, staff):
        customers.create_customer(s, staff, {**customer_values(world, "校验测试"), field: value})
    assert (refused.value.code, refused.value.field) == (code, field)


def test_a_blacklisted_customer_needs_a_reason(world: World) -> None:
    blacklist = type_id(world.url, "blacklist")
    values = customer_values(world, "黑名单原因测试", customer_type_id=blacklist)
    with pytest.raises(ValidationError) as refused, session_as(world, "staff_a") as (s, staff):
        customers.create_customer(s, staff, values)
    assert (refused.value.code, refused.value.field) == ("blacklist_reason_required",
                                                          "blacklisted_reason")  # fmt: skip
    kept = add_customer(world, "staff_a", "黑名单原因测试", customer_type_id=blacklist,
                        blacklisted_reason="长期拖欠广告款")  # fmt: skip
    with session_as(world, "staff_a") as (session, _staff):
        assert customers.is_blacklisted(session, kept)


def test_a_likely_duplicate_is_saved_only_when_the_user_insists(world: World) -> None:
    first = add_customer(world, "staff_a", "上海坚持测试广告有限公司", phone="021-66668888")
    values = customer_values(world, "坚持测试广告（上海）股份有限公司")
    with session_as(world, "staff_b") as (session, staff_b):
        warned = customers.create_customer(session, staff_b, values)
        assert isinstance(warned, DuplicateWarnings)
        assert [(m.rule, m.customer_id, m.owner_name) for m in warned.matches] == [
            ("name", first, "王小明")
        ]
        nothing = session.scalar(select(Customer.id).where(Customer.name == values["name"]))
        assert nothing is None
        saved = customers.create_customer(session, staff_b, values, accept_warnings=True)
    assert isinstance(saved, SavedCustomer)
    assert saved.accepted == warned.matches


def test_an_edit_is_warned_only_about_what_it_changes(world: World) -> None:
    add_customer(world, "staff_b", "编辑测试丙有限公司", phone="021-55557777")
    add_customer(world, "staff_a", "编辑测试甲有限公司")
    second = add_customer(world, "staff_a", "编辑测试甲股份有限公司")  # accepted once
    with session_as(world, "staff_a") as (session, staff):
        read = records.read(session, staff, CUSTOMERS, second)
        same_name = {**read.values, "notes": "只改备注"}
        saved = customers.update_customer(session, staff, second, read.version, same_name)
        assert isinstance(saved, SavedCustomer) and saved.accepted == ()
        renamed = {**saved.record.values, "name": "编辑测试乙有限公司", "phone": "021-55557777"}
        warned = customers.update_customer(session, staff, second, saved.record.version, renamed)
    assert isinstance(warned, DuplicateWarnings)
    assert [m.rule for m in warned.matches] == ["phone"]  # 编辑测试丙's number


def test_staff_own_what_they_enter_and_heads_may_enter_for_their_departments(
    world: World,
) -> None:
    staff_b_employee = _employee_of(world, "staff_b")
    staff_a1_employee = _employee_of(world, "staff_a1")
    values = customer_values(world, "代人录入测试", owner_id=staff_b_employee)
    with pytest.raises(PermissionDeniedError), session_as(world, "staff_a") as (s, staff):
        customers.create_customer(s, staff, values)
    with pytest.raises(PermissionDeniedError), session_as(world, "head_a") as (s, head):
        customers.create_customer(s, head, values)
    with session_as(world, "head_a") as (session, head):
        saved = customers.create_customer(session, head, {**values, "owner_id": staff_a1_employee})
    assert isinstance(saved, SavedCustomer)
    assert saved.record.values["department_id"] == _department_of(world, "staff_a1")


def test_contacts_belong_to_a_customer_the_user_sees_with_one_primary(world: World) -> None:
    mine = add_customer(world, "staff_a", "联系人测试有限公司")
    with session_as(world, "staff_a") as (session, staff):
        first = records.create(
            session,
            staff,
            CONTACTS,
            {"customer_id": mine, "name": "张伟", "mobile": "139 1234 0000", "is_primary": True},
        )
        second = records.create(
            session, staff, CONTACTS, {"customer_id": mine, "name": "李娜", "is_primary": True}
        )
        primaries = session.scalars(
            select(Contact.name).where(Contact.customer_id == mine, Contact.is_primary.is_(True))
        ).all()
    assert primaries == ["李娜"]
    assert (first.values["mnemonic"], first.values["mobile"]) == ("ZW", "13912340000")
    assert second.values["mnemonic"] == "LN"
    with pytest.raises(ValidationError) as refused, session_as(world, "staff_b") as (s, staff_b):
        records.create(s, staff_b, CONTACTS, {"customer_id": mine, "name": "越权"})
    assert (refused.value.code, refused.value.field) == ("customer_missing", "customer_id")


def test_lookup_lists_offer_the_six_customer_types(world: World) -> None:
    with session_as(world, "staff_a") as (session, _staff):
        types = records.lookup_options(session, CUSTOMERS, "customer_type_id", "zh_CN")
        owners = records.lookup_options(session, CUSTOMERS, "owner_id", "zh_CN")
    assert {option.text for option in types} == {
        "老客户", "目标客户", "潜在客户", "合作伙伴", "黑名单", "竞争对手",
    }  # fmt: skip
    assert "王小明" in {option.text for option in owners}


def test_blacklisted_customers_get_no_orders_or_mail_from_the_services(world: World) -> None:
    blacklist = type_id(world.url, "blacklist")
    bad = add_customer(world, "staff_a", "黑名单服务测试", customer_type_id=blacklist,
                       blacklisted_reason="提供虚假资质材料")  # fmt: skip
    good = world.customer_of["staff_a"]
    with session_as(world, "staff_a") as (session, _staff):
        with pytest.raises(ValidationError) as refused:
            customers.require_not_blacklisted(session, bad)
        customers.require_not_blacklisted(session, good)
        assert customers.blacklisted_ids(session, [bad, good]) == {bad}
        mailable = session.scalars(
            select(Customer.id).where(Customer.id.in_([bad, good]), customers.not_blacklisted())
        ).all()
        with pytest.raises(NotFoundError):
            customers.require_not_blacklisted(session, 10**9)
    assert refused.value.code == "customer_blacklisted"
    assert mailable == [good]


def _employee_of(world: World, username: str) -> int:
    with session_as(world, username) as (_session, user):
        return user.employee_id


def _department_of(world: World, username: str) -> int | None:
    with session_as(world, username) as (_session, user):
        return user.department_id
