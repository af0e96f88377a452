"""A few thousand customers on top of the security world, for the list tests (app/listing.py
and ui/models/query_model.py): Chinese names with pinyin, ties, NULL sort values, hostile
characters, owners in every scope, some rows in the recycle bin."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from pypinyin import lazy_pinyin
from sqlalchemy import insert, select
from sqlalchemy.engine import URL

from app.listing import ListColumn, ListSpec
from db.engine import make_engine, make_session_factory
from db.models.customers import Customer
from db.models.lookups import CustomerType, Industry
from db.models.org import Employee, User
from tests.security_world import World, build_world

CUSTOMERS = 2400
SURNAMES = "张李王赵陈刘杨黄周吴徐孙马朱胡郭何高林罗"
WORDS = ("华信", "东方", "明珠", "新星", "远航", "博雅")
# Sorted by pinyin they read chen, li, liu, wang, zhang, zhao: not the order of the code points.
PINYIN_NAMES = (
    "张伟拼音测试",
    "李娜拼音测试",
    "王芳拼音测试",
    "赵敏拼音测试",
    "陈静拼音测试",
    "刘洋拼音测试",
)
PINYIN_ORDER = (
    "陈静拼音测试",
    "李娜拼音测试",
    "刘洋拼音测试",
    "王芳拼音测试",
    "张伟拼音测试",
    "赵敏拼音测试",
)
HOSTILE_NAMES = (
    "百分之100%纯利公司",
    "下划线_公司",
    "反斜杠\\公司",
    "O'Brien 引号公司",
    'Say "cheese" 公司',
    "ACME Trading 公司",
)
DELETED_EVERY = 400  # every 400th customer is in the recycle bin


def pinyin_key(name: str) -> str:
    return "".join(lazy_pinyin(name)).lower()


def build_list_world(url: URL) -> World:
    world = build_world(url)
    engine = make_engine(url)
    try:
        with make_session_factory(engine).begin() as session:
            owners = session.execute(
                select(Employee.id, Employee.department_id)
                .join(User, User.employee_id == Employee.id)
                .order_by(User.id)
            ).all()
            target = session.scalars(
                select(CustomerType.id).where(CustomerType.code == "target")
            ).one()
            industries = session.scalars(select(Industry.id).order_by(Industry.id)).all()
            rows = [
                _customer(number, owners[number % len(owners)], target, industries)
                for number in range(CUSTOMERS)
            ]
            session.execute(insert(Customer), rows)
    finally:
        engine.dispose()
    return world


def _customer(number: int, owner: Any, target: int, industries: Sequence[int]) -> dict[str, Any]:
    if number < len(PINYIN_NAMES):
        name = PINYIN_NAMES[number]
    elif number < len(PINYIN_NAMES) + len(HOSTILE_NAMES):
        name = HOSTILE_NAMES[number - len(PINYIN_NAMES)]
    else:
        # Names repeat every 360 customers: ties in the sort key, broken by id.
        name = f"{SURNAMES[number % 20]}{WORDS[number // 20 % 6]}{number % 3}公司"
    return {
        "name": name,
        "name_pinyin": None if number % 37 == 36 else pinyin_key(name),
        "customer_type_id": target,
        "industry_id": None if number % 5 == 0 else industries[number % len(industries)],
        "owner_id": owner[0],
        "department_id": owner[1],
        "registered_capital": None if number % 7 == 0 else Decimal(number % 150) * 10000,
        "founded_on": None if number % 11 == 0 else dt.date(2000, 1, 1) + dt.timedelta(number % 97),
        "is_key_account": number % 4 == 0,
        "phone": f"0571-{number:08d}",
        "deleted_at": (
            dt.datetime(2026, 1, 1, tzinfo=dt.UTC) if number % DELETED_EVERY == 399 else None
        ),
    }


def customer_spec(recycle_bin: bool = False) -> ListSpec:
    """A customer list: name (sorted by pinyin), industry (a lookup), capital, founded, key."""
    return ListSpec(
        Customer,
        (
            ListColumn.of(Customer.name, sort=Customer.name_pinyin),
            ListColumn.of(Industry.name_zh, key="industry", kind="lookup"),
            ListColumn.of(Customer.registered_capital, kind="money"),
            ListColumn.of(Customer.founded_on, kind="date"),
            ListColumn.of(Customer.is_key_account, kind="bool"),
            ListColumn.of(Customer.phone),
        ),
        base=select(Customer.id).outerjoin(Industry, Industry.id == Customer.industry_id),
        recycle_bin=recycle_bin,
        hidden_columns=(ListColumn.of(Customer.id, kind="int"),),
    )
