"""What is recorded under a customer — contact history, salesperson log, partners, supply and
demand, media-advertising records — through app/records.py on both databases, as real
users: defaults, validation at the field, delete and restore, the customers module's
permissions and visibility; and the customer's timeline."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from app import customer_records, records
from app.customer_records import (
    CONTACT_HISTORY,
    MEDIA_AD_RECORDS,
    PARTNERS,
    SALESPERSON_LOGS,
    SUPPLY_DEMAND,
)
from app.customer_timeline import timeline
from app.errors import NotFoundError, PermissionDeniedError, ValidationError
from app.fields import FieldSpec, Kind, display, parse
from app.listing import Filter, ListQuery, every_row
from app.records import RecordKind
from db.engine import make_engine, make_session_factory
from db.models.customers import Complaint, Contact, SalesStageChange
from db.models.lookups import MediaOutlet, SalesStage
from tests.customer_world import add_customer, session_as
from tests.databases import fresh_database
from tests.security_world import World, build_world


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    """One world per backend; each test adds customers of its own names."""
    with fresh_database(request.param, request, tmp_path_factory.mktemp("records")) as url:
        yield build_world(url)


def _media_outlets(world: World) -> tuple[int, int]:
    """(ours, a competitor's), added once per world."""
    engine = make_engine(world.url)
    try:
        with make_session_factory(engine).begin() as session:
            found = dict(session.execute(select(MediaOutlet.name, MediaOutlet.id)).all())
            for name, own in (("本报测试", True), ("竞品晚报测试", False)):
                if name not in found:
                    outlet = MediaOutlet(name=name, kind="newspaper", is_own=own)
                    session.add(outlet)
                    session.flush()
                    found[name] = outlet.id
            return found["本报测试"], found["竞品晚报测试"]
    finally:
        engine.dispose()


def _contact(world: World, username: str, customer_id: int, name: str) -> int:
    with session_as(world, username) as (session, user):
        contact = Contact(
            customer_id=customer_id,
            name=name,
            created_by_id=user.user_id,
            updated_by_id=user.user_id,
        )
        session.add(contact)
        session.flush()
        return contact.id


def _first_values(world: World, kind: RecordKind, customer: int, partner: int) -> dict[str, Any]:
    ours, _theirs = _media_outlets(world)
    return {
        CONTACT_HISTORY.key: {"customer_id": customer, "channel": "phone", "subject": "首次电话"},
        SALESPERSON_LOGS.key: {"customer_id": customer, "content": "拜访并介绍版面"},
        PARTNERS.key: {
            "customer_id": customer,
            "partner_customer_id": partner,
            "kind": "agency",
        },
        SUPPLY_DEMAND.key: {"customer_id": customer, "kind": "demand", "title": "求购户外广告位"},
        MEDIA_AD_RECORDS.key: {
            "customer_id": customer,
            "media_outlet_id": ours,
            "ad_date": dt.date(2026, 10, 8),
            "ad_format": "整版",
            "estimated_spend": Decimal("120000"),
        },
    }[kind.key]


_EDITS = {
    CONTACT_HISTORY.key: ("subject", "回访电话"),
    SALESPERSON_LOGS.key: ("content", "签约前最后一次拜访"),
    PARTNERS.key: ("kind", "media_partner"),
    SUPPLY_DEMAND.key: ("status", "closed"),
    MEDIA_AD_RECORDS.key: ("position", "头版"),
}


@pytest.mark.parametrize("kind", customer_records.CUSTOMER_RECORD_KINDS, ids=lambda k: k.key)
def test_each_kind_is_created_edited_deleted_and_restored(world: World, kind: RecordKind) -> None:
    customer = add_customer(world, "staff_a", f"{kind.key} 记录测试有限公司")
    partner = add_customer(world, "staff_a", f"{kind.key} 伙伴测试有限公司")
    values = _first_values(world, kind, customer, partner)
    key, changed = _EDITS[kind.key]
    with session_as(world, "staff_a") as (session, staff):
        created = records.create(session, staff, kind, values)
        edited = records.update(
            session, staff, kind, created.id, created.version, {**created.values, key: changed}
        )
    assert edited.values[key] == changed
    assert edited.version > created.version
    with pytest.raises(PermissionDeniedError), session_as(world, "staff_a") as (s, staff):
        records.delete(s, staff, kind, edited.id, edited.version)  # staff delete nothing
    with session_as(world, "head_a") as (session, head):
        records.delete(session, head, kind, edited.id, edited.version)
    with pytest.raises(NotFoundError), session_as(world, "staff_a") as (session, staff):
        records.update(session, staff, kind, edited.id, edited.version + 1, edited.values)
    with session_as(world, "head_a") as (session, head):
        binned = [found.id for found in records.deleted_records(session, head, kind)]
        restored = records.restore(session, head, kind, edited.id)
    assert edited.id in binned
    assert restored.values[key] == changed


def test_a_contact_is_logged_now_by_the_user_unless_said_otherwise(world: World) -> None:
    customer = add_customer(world, "staff_a", "默认联系时间测试")
    before = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(minutes=1)
    with session_as(world, "staff_a") as (session, staff):
        form = customer_records.new_record_values(staff, CONTACT_HISTORY)
        saved = records.create(
            session,
            staff,
            CONTACT_HISTORY,
            {"customer_id": customer, "channel": "visit", "subject": "上门拜访"},
        )
    assert form["employee_id"] == staff.employee_id
    assert saved.values["employee_id"] == staff.employee_id
    assert before <= saved.values["contacted_at"] <= dt.datetime.now(dt.UTC)
    with session_as(world, "staff_a") as (session, staff):
        log = records.create(
            session, staff, SALESPERSON_LOGS, {"customer_id": customer, "content": "电话"}
        )
    assert log.values["log_date"] == dt.date.today()
    assert log.values["employee_id"] == staff.employee_id


def test_a_datetime_field_reads_what_people_type() -> None:
    spec = FieldSpec("contacted_at", Kind.DATETIME, "联系时间", "Contacted at")
    typed = parse(spec, "２０２６年３月１５日 14：30")
    assert (typed.year, typed.month, typed.day, typed.hour, typed.minute) == (2026, 3, 15, 14, 30)
    assert typed.tzinfo is not None
    assert display(spec, typed) == "2026-03-15 14:30"
    assert parse(spec, display(spec, typed)) == typed
    with pytest.raises(ValidationError) as refused:
        parse(spec, "2026-03-15 25:00")
    assert (refused.value.code, refused.value.field) == ("invalid_date", "contacted_at")


@pytest.mark.parametrize(
    ("kind", "change", "code", "field"),
    [
        (CONTACT_HISTORY, {"subject": "  "}, "required", "subject"),
        (CONTACT_HISTORY, {"channel": "fax"}, "unknown_option", "channel"),
        (SALESPERSON_LOGS, {"hours": Decimal("-1")}, "out_of_range", "hours"),
        (SALESPERSON_LOGS, {"content": ""}, "required", "content"),
        (SUPPLY_DEMAND, {"kind": None}, "required", "kind"),
        (MEDIA_AD_RECORDS, {"end_date": dt.date(2026, 10, 1)}, "end_before_start", "end_date"),
        (MEDIA_AD_RECORDS, {"frequency": 0}, "out_of_range", "frequency"),
        (MEDIA_AD_RECORDS, {"estimated_spend": Decimal("-5")}, "out_of_range", "estimated_spend"),
        (MEDIA_AD_RECORDS, {"media_outlet_id": None}, "required", "media_outlet_id"),
    ],
)
def test_bad_entries_are_refused_at_their_field(
    world: World, kind: RecordKind, change: dict[str, Any], code: str, field: str
) -> None:
    customer = add_customer(world, "staff_a", "校验记录测试有限公司")
    values = {**_first_values(world, kind, customer, customer), **change}
    with pytest.raises(ValidationError) as refused, session_as(world, "staff_a") as (s, staff):
        records.create(s, staff, kind, values)
    assert (refused.value.code, refused.value.field) == (code, field)


def test_a_customer_is_not_its_own_partner_nor_twice_the_same(world: World) -> None:
    customer = add_customer(world, "staff_a", "自身伙伴测试有限公司")
    other = add_customer(world, "staff_a", "另一伙伴测试有限公司")
    own = {"customer_id": customer, "partner_customer_id": customer, "kind": "agency"}
    with pytest.raises(ValidationError) as refused, session_as(world, "staff_a") as (s, staff):
        records.create(s, staff, PARTNERS, own)
    assert (refused.value.code, refused.value.field) == ("own_partner", "partner_customer_id")
    twice = {**own, "partner_customer_id": other}
    with session_as(world, "staff_a") as (session, staff):
        records.create(session, staff, PARTNERS, twice)
    with pytest.raises(ValidationError) as refused, session_as(world, "staff_a") as (s, staff):
        records.create(s, staff, PARTNERS, {**twice, "kind": "supplier"})
    assert (refused.value.code, refused.value.field) == ("value_taken", "partner_customer_id")
    with session_as(world, "staff_a") as (session, staff):
        offered = customer_records.field_options(
            session, staff, PARTNERS, "partner_customer_id", "zh_CN", customer
        )
    assert other in {option.id for option in offered}
    assert customer not in {option.id for option in offered}


def test_a_contact_of_another_customer_is_refused(world: World) -> None:
    customer = add_customer(world, "staff_a", "联系人归属测试有限公司")
    other = add_customer(world, "staff_a", "联系人归属其他有限公司")
    theirs = _contact(world, "staff_a", other, "别家联系人")
    mine = _contact(world, "staff_a", customer, "本家联系人")
    values = {"customer_id": customer, "channel": "phone", "subject": "问候"}
    with pytest.raises(ValidationError) as refused, session_as(world, "staff_a") as (s, staff):
        records.create(s, staff, CONTACT_HISTORY, {**values, "contact_id": theirs})
    assert (refused.value.code, refused.value.field) == ("contact_of_other_customer", "contact_id")
    with session_as(world, "staff_a") as (session, staff):
        saved = records.create(session, staff, CONTACT_HISTORY, {**values, "contact_id": mine})
        offered = customer_records.field_options(
            session, staff, CONTACT_HISTORY, "contact_id", "zh_CN", customer
        )
    assert saved.values["contact_id"] == mine
    assert [option.id for option in offered] == [mine]


@pytest.mark.parametrize("kind", customer_records.CUSTOMER_RECORD_KINDS, ids=lambda k: k.key)
def test_staff_of_another_department_cannot_record_under_a_customer_they_cannot_see(
    world: World, kind: RecordKind
) -> None:
    customer = add_customer(world, "staff_a", f"{kind.key} 越权测试有限公司")
    partner = add_customer(world, "staff_b", f"{kind.key} 越权伙伴有限公司")
    values = _first_values(world, kind, customer, partner)
    with pytest.raises(ValidationError) as refused, session_as(world, "staff_b") as (s, staff_b):
        records.create(s, staff_b, kind, values)
    assert (refused.value.code, refused.value.field) == ("customer_missing", "customer_id")
    with session_as(world, "staff_a") as (session, staff):
        if kind is PARTNERS:
            values = {
                **values,
                "partner_customer_id": add_customer(world, "staff_a", f"{kind.key} 伙伴二"),
            }
        saved = records.create(session, staff, kind, values)
    with pytest.raises(NotFoundError), session_as(world, "staff_b") as (s, staff_b):
        records.read(s, staff_b, kind, saved.id)
    with session_as(world, "staff_b") as (session, staff_b):
        listed = list(
            every_row(session, ListQuery(customer_records.list_spec(kind, "zh_CN")), staff_b)
        )
    assert saved.id not in {row[0] for row in listed}
    with session_as(world, "head_a") as (session, head):
        assert records.read(session, head, kind, saved.id).id == saved.id


def test_customer_choices_are_searched_not_read_whole(world: World) -> None:
    """A pick list of customers holds the first ones found and those on screen; typing finds
    by name, mnemonic or pinyin, % and _ taken literally, and never another department's."""
    names = ["选项甲文化有限公司", "选项乙传媒有限公司", "选项丙印务有限公司", "选项_百分比%公司"]
    ids = [add_customer(world, "staff_a", name) for name in names]
    hidden = add_customer(world, "staff_b", "选项丁广告有限公司")

    def offered(**options: Any) -> list[str]:
        with session_as(world, "staff_a") as (session, staff):
            found = customer_records.customer_options(session, staff, **options)
        return [option.text for option in found]

    first_two = offered(text="选项", limit=2)
    assert len(first_two) == 2
    kept = offered(text="选项", limit=2, keep=[ids[2], None])
    assert kept[:2] == first_two and kept[2:] == [names[2]] * (names[2] not in first_two)
    assert offered(text="乙传") == [names[1]]
    assert offered(text="xuanxiangbing") == [names[2]]  # the pinyin, from its start
    assert offered(text="_百分比%") == [names[3]]
    assert offered(text="%") == [names[3]]  # literally, not "anything"
    assert offered(text="选项丁") == [] and offered(keep=[hidden]) == offered()
    assert names[1] not in offered(text="选项", leave_out=ids[1])


def test_a_partner_must_be_a_customer_the_user_sees(world: World) -> None:
    mine = add_customer(world, "staff_a", "可见伙伴测试有限公司")
    hidden = add_customer(world, "staff_b", "不可见伙伴测试有限公司")
    values = {"customer_id": mine, "partner_customer_id": hidden, "kind": "agency"}
    with pytest.raises(ValidationError) as refused, session_as(world, "staff_a") as (s, staff):
        records.create(s, staff, PARTNERS, values)
    assert (refused.value.code, refused.value.field) == ("customer_missing", "partner_customer_id")


def test_staff_log_only_their_own_work_and_a_role_without_create_is_refused(world: World) -> None:
    customer = add_customer(world, "staff_a", "日志归属测试有限公司")
    with session_as(world, "staff_b") as (session, staff_b):
        someone_else = staff_b.employee_id
    with pytest.raises(PermissionDeniedError), session_as(world, "staff_a") as (s, staff):
        records.create(
            s,
            staff,
            SALESPERSON_LOGS,
            {"customer_id": customer, "content": "代写", "employee_id": someone_else},
        )
    with session_as(world, "staff_a") as (session, staff):
        saved = records.create(
            session, staff, SALESPERSON_LOGS, {"customer_id": customer, "content": "本人"}
        )
        staff_department = staff.department_id
    with session_as(world, "admin") as (session, admin):
        assert records.information(session, admin, SALESPERSON_LOGS, saved.id).owner == "王小明"
    assert staff_department is not None
    with pytest.raises(PermissionDeniedError), session_as(world, "staff_a") as (s, staff):
        reader = dataclasses.replace(staff, functions=frozenset({("customers", "view")}))
        records.create(
            s,
            reader,
            CONTACT_HISTORY,
            {"customer_id": customer, "channel": "phone", "subject": "无权"},
        )


def test_list_of_one_customer_shows_its_records_with_words_for_codes(world: World) -> None:
    customer = add_customer(world, "staff_a", "列表记录测试有限公司")
    other = add_customer(world, "staff_a", "列表记录其他有限公司")
    with session_as(world, "staff_a") as (session, staff):
        for owner, subject in ((customer, "本客户的电话"), (other, "别的客户的电话")):
            records.create(
                session,
                staff,
                CONTACT_HISTORY,
                {"customer_id": owner, "channel": "phone", "subject": subject},
            )
        spec = customer_records.list_spec(CONTACT_HISTORY, "zh_CN")
        query = ListQuery(spec, filters=(Filter("customer_id", "equals", customer),))
        rows = list(every_row(session, query, staff))
        everything = customer_records.list_spec(CONTACT_HISTORY, "zh_CN", with_customer=True)
        named = {row[1] for row in every_row(session, ListQuery(everything), staff)}
    keys = [column.key for column in spec.columns]
    assert [(row[1 + keys.index("channel")], row[1 + keys.index("subject")]) for row in rows] == [
        ("电话", "本客户的电话")
    ]
    assert {"列表记录测试有限公司", "列表记录其他有限公司"} <= named


def test_the_timeline_shows_what_happened_newest_first_as_the_user_may_see(world: World) -> None:
    customer = add_customer(world, "staff_a", "时间线测试有限公司")
    with session_as(world, "staff_a") as (session, staff):
        records.create(
            session,
            staff,
            CONTACT_HISTORY,
            {
                "customer_id": customer,
                "channel": "meeting",
                "subject": "方案会",
                "contacted_at": dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.UTC),
            },
        )
        records.create(
            session,
            staff,
            SALESPERSON_LOGS,
            {"customer_id": customer, "content": "整理报价", "log_date": dt.date(2026, 11, 25)},
        )
        stages = session.execute(
            select(SalesStage.id, SalesStage.name_zh).order_by(SalesStage.step)
        ).all()
        session.add(
            SalesStageChange(
                customer_id=customer,
                from_stage_id=stages[0][0],
                to_stage_id=stages[1][0],
                changed_on=dt.date(2026, 11, 21),
                created_by_id=staff.user_id,
                updated_by_id=staff.user_id,
            )
        )
        session.add(
            Complaint(
                customer_id=customer,
                subject="版面错位",
                received_at=dt.datetime(2026, 11, 10, 8, 0, tzinfo=dt.UTC),
                owner_id=staff.employee_id,
                department_id=staff.department_id,
                created_by_id=staff.user_id,
                updated_by_id=staff.user_id,
            )
        )
    with session_as(world, "staff_a") as (session, staff):
        seen = timeline(session, staff, customer, "zh_CN")
    assert [entry.kind for entry in seen] == ["log", "stage", "contact", "complaint"]
    assert seen[2].title == "会议 · 方案会"
    assert seen[1].title == f"{stages[0][1]} → {stages[1][1]}"
    assert seen[0].staff == "王小明"
    with session_as(world, "staff_b") as (session, staff_b):
        assert timeline(session, staff_b, customer, "zh_CN") == []
    with session_as(world, "staff_a") as (session, staff):
        orders = timeline(session, staff, world.customer_of["staff_a"], "en")
    assert [(entry.kind, entry.title) for entry in orders] == [("order", "AD-staff_a · ¥0.00")]
