"""The demo's fixed frame: reference data read back, our company, departments, staff, roles.

`World` is what every later stage draws on; the rows of this module are few, so they
favour clarity over speed.
"""

from __future__ import annotations

import array
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, text

from app.demo_names import CompanyNames, CreditCodes, PersonNames, Place, mobile, pinyin_of
from app.demo_sink import Formats, Row
from db.pinyin import pinyin_key

Batch = tuple[str, tuple[str, ...], list[Row]]
RECORD = ("id", "created_at", "updated_at")
CUSTOMER_TYPES = ("existing", "target", "prospect", "partner", "blacklist", "competitor")
OUR_DOMAIN = "hxsdmedia.com"
OUR_CITY = "330100"

# (code, name, parent code, sales share of the staff): our departments, a tree.
DEPARTMENTS = (
    ("GMO", "总经理办公室", None, 0),
    ("ADV", "广告部", None, 0),
    ("ADV1", "广告一部", "ADV", 30),
    ("ADV2", "广告二部", "ADV", 30),
    ("WEB", "网络媒体部", None, 15),
    ("CIRC", "发行部", None, 10),
    ("EXPO", "会展部", None, 8),
    ("EDIT", "编辑部", None, 0),
    ("CS", "客户服务部", None, 0),
    ("FIN", "财务部", None, 0),
    ("HR", "行政人事部", None, 0),
)
SUPPORT_SHARES = {"EDIT": 3, "CS": 3, "FIN": 2, "HR": 1}


@dataclass(frozen=True)
class Reference:
    """The seeded lookup rows (migration 0002), by code."""

    places: list[Place]
    customer_types: dict[str, int]
    stages: list[tuple[int, int]]  # (id, probability) of steps 1..8
    industries: dict[str, int]
    sources: list[int]
    positions: dict[str, int]
    forms_of_address: dict[str, int]


@dataclass
class Staff:
    id: int
    department: int  # index into World.departments
    name: str
    gender: str
    sales: bool


@dataclass
class CustomerFacts:
    """What later stages need of each customer, in compact arrays (index = customer number)."""

    city: array.array = field(default_factory=lambda: array.array("B"))
    kind: array.array = field(default_factory=lambda: array.array("B"))
    stage: array.array = field(default_factory=lambda: array.array("B"))
    trade: array.array = field(default_factory=lambda: array.array("H"))
    word: array.array = field(default_factory=lambda: array.array("B"))
    first_contact: array.array = field(default_factory=lambda: array.array("q"))
    contact_count: array.array = field(default_factory=lambda: array.array("B"))
    # Per contact (index = contact number): who it is, as an index into the person pool.
    person: array.array = field(default_factory=lambda: array.array("H"))

    def remember_customer(
        self, city: int, kind: int, stage: int, trade: int, word: int, first: int, count: int
    ) -> None:
        self.city.append(city)
        self.kind.append(kind)
        self.stage.append(stage)
        self.trade.append(trade)
        self.word.append(word)
        self.first_contact.append(first)
        self.contact_count.append(count)

    def extend(self, other: CustomerFacts) -> None:
        for name in self.__dataclass_fields__:
            getattr(self, name).extend(getattr(other, name))


@dataclass
class World:
    """Everything the stages share: sizes, id bases, reference data, and the frame rows."""

    customers: int
    seed: int
    formats: Formats
    reference: Reference
    id_base: dict[str, int]
    people: PersonNames = field(default_factory=PersonNames)
    companies: CompanyNames = field(default_factory=CompanyNames)
    department_ids: list[int] = field(default_factory=list)
    staff: list[Staff] = field(default_factory=list)
    sales_staff: list[int] = field(default_factory=list)  # indices into staff
    facts: CustomerFacts = field(default_factory=CustomerFacts)
    person_pool: list[Any] = field(default_factory=list)  # contacts' people (demo_customers)
    media: dict[str, Any] = field(default_factory=dict)  # filled by app.demo_media

    def rng(self, stage: str, chunk: int = 0) -> random.Random:
        """A generator of its own for each stage and chunk: stages stay independent."""
        return random.Random(f"{self.seed}/{stage}/{chunk}")

    def customer_id(self, index: int) -> int:
        return self.id_base["customers"] + index + 1

    def contact_id(self, index: int) -> int:
        return self.id_base["contacts"] + index + 1

    def owner_of(self, customer: int) -> int:
        """The salesperson (index into staff) who owns a customer: portfolios dealt in turn."""
        return self.sales_staff[customer % len(self.sales_staff)]

    def staff_department_id(self, staff_index: int) -> int:
        return self.department_ids[self.staff[staff_index].department]

    def stamp_between(self, rnd: random.Random, oldest: int, newest: int) -> tuple[int, str]:
        """A (day offset, business-hours timestamp) between two day offsets."""
        day = oldest + int(rnd.random() * (newest - oldest + 1))
        return day, self.formats.stamp(day, 8 * 3600 + int(rnd.random() * 36_000))


def read_reference(connection: Connection) -> Reference:
    def by_code(table: str) -> dict[str, int]:
        rows = connection.execute(text(f'SELECT code, id FROM "{table}" ORDER BY sort_order, id'))
        return {code: id_ for code, id_ in rows}

    places = [
        Place(*row)
        for row in connection.execute(
            text(
                "SELECT c.id, r.id, r.country_id, c.code, c.name_zh, c.name_en, r.name_zh,"
                " c.area_code, c.postal_prefix FROM cities c JOIN regions r ON r.id = c.region_id"
                " WHERE c.deleted_at IS NULL ORDER BY r.sort_order, c.sort_order, c.id"
            )
        )
    ]
    stages = connection.execute(
        text("SELECT id, probability FROM sales_stages ORDER BY step")
    ).all()
    return Reference(
        places=places,
        customer_types=by_code("customer_types"),
        stages=[(id_, probability) for id_, probability in stages],
        industries=by_code("industries"),
        sources=list(by_code("customer_sources").values()),
        positions=by_code("positions"),
        forms_of_address=by_code("forms_of_address"),
    )


# Up to this many customers, all of them have their full share of extension rows and
# activity (orders, contact history…); beyond it, only as many as this many would have.
FULL_DETAIL_CUSTOMERS = 100_000


def density(customers: int) -> float:
    """Share of customers with extension rows and activity: all up to 100,000 customers,
    then as many as 100,000 would have (10 % of a million), so the load time stays bounded:
    the heaviest secondary tables thin out, the customers and contacts do not."""
    return min(1.0, FULL_DETAIL_CUSTOMERS / customers)


def staff_count(customers: int) -> int:
    """About one employee per 2,000 customers, never fewer than the twelve a company needs."""
    return max(12, round(customers / 2000))


def our_place(world: World) -> Place:
    return next(place for place in world.reference.places if place.code == OUR_CITY)


def company_batches(world: World) -> Iterator[Batch]:
    """Our own company (本公司信息) and its products and services."""
    f = world.formats
    place = our_place(world)
    code = CreditCodes(20_150_601).code(place.code, 0)
    yield (
        "company_info",
        (*RECORD, "name", "english_name", "short_name", "credit_code", "legal_representative",
         "address", "postal_code", "phone", "fax", "email", "website", "bank_name",
         "bank_account", "tax_number", "slogan"),
        [(
            world.id_base["company_info"] + 1, f.stamp(-2900, 32400), f.stamp(-30, 36000),
            "浙江华夏时代传媒集团有限公司", "Zhejiang Huaxia Times Media Group Co., Ltd.",
            "华夏时代传媒", code, "周文涛",
            f"{place.address_prefix}文三路168号华夏时代大厦", "310012", "0571-87650000",
            "0571-87650001", f"service@{OUR_DOMAIN}", f"www.{OUR_DOMAIN}",
            "中国工商银行杭州文三路支行", "1202021209900012345",
            code, "传播价值，服务客户",
        )],
    )  # fmt: skip
    products = (
        ("ADV-PRINT", "期刊广告", "advertising", "版", 3_000_000),
        ("ADV-ONLINE", "网络广告", "advertising", "天", 500_000),
        ("SUB-TIME", "《时代商业》全年订阅", "subscription", "份", 24_000),
        ("SUB-AUTO", "《汽车生活》全年订阅", "subscription", "份", 18_000),
        ("EXPO-BOOTH", "标准展位（9平方米）", "exhibition", "个", 1_200_000),
        ("EXPO-SPACE", "光地展位", "exhibition", "平方米", 98_000),
        ("SVC-DESIGN", "广告设计服务", "service", "项", 300_000),
        ("SVC-REPORT", "行业研究报告", "other", "份", 198_000),
    )
    yield (
        "products_services",
        (*RECORD, "code", "name", "category", "unit", "price", "description"),
        [
            (world.id_base["products_services"] + k, f.stamp(-700, 36000), f.stamp(-60, 36000),
             code, name, category, unit, f.money(price), f"{name}，详见刊例")
            for k, (code, name, category, unit, price) in enumerate(products, 1)
        ],
    )  # fmt: skip


def organisation_batches(world: World) -> Iterator[Batch]:
    """Departments (a tree, each with its head) and employees; no login accounts."""
    rnd = world.rng("staff")
    _hire_staff(world, rnd)
    yield _department_batch(world)
    yield _employee_batch(world, rnd)


def _hire_staff(world: World, rnd: random.Random) -> None:
    """Who works where: a head for every department, the rest mostly in sales."""
    base = world.id_base["departments"]
    world.department_ids = [base + k for k in range(1, len(DEPARTMENTS) + 1)]
    total = staff_count(world.customers)
    shares = [share or SUPPORT_SHARES.get(code, 0) for code, _, _, share in DEPARTMENTS]
    departments = list(range(len(DEPARTMENTS)))
    departments += rnd.choices(range(len(DEPARTMENTS)), weights=shares, k=total - len(DEPARTMENTS))
    for number, department in enumerate(departments, 1):
        surname, gender, given = world.people.pick(rnd)
        name = world.people.full(surname, gender, given)[0]
        is_sales = DEPARTMENTS[department][3] > 0
        world.staff.append(
            Staff(world.id_base["employees"] + number, department, name, "MF"[gender], is_sales)
        )
    world.sales_staff = [k for k, person in enumerate(world.staff) if person.sales]


def _department_batch(world: World) -> Batch:
    f = world.formats
    codes = [code for code, _, _, _ in DEPARTMENTS]
    rows = [
        (
            world.department_ids[k], f.stamp(-2900, 32400), f.stamp(-400, 36000), name,
            pinyin_key(name), code, world.department_ids[codes.index(parent)] if parent else None,
            world.staff[k].id, f"0571-8765{1000 + 10 * k}", k,
        )
        for k, (code, name, parent, _) in enumerate(DEPARTMENTS)
    ]  # fmt: skip
    columns = (
        *RECORD, "name", "name_pinyin", "code", "parent_id", "manager_id", "phone", "sort_order"
    )  # fmt: skip
    return "departments", columns, rows


def _employee_batch(world: World, rnd: random.Random) -> Batch:
    f = world.formats
    positions = world.reference.positions
    rows: list[Row] = []
    for number, person in enumerate(world.staff, 1):
        is_head = number <= len(DEPARTMENTS)
        if number == 1:
            position = positions["general_manager"]
        elif is_head:
            position = positions["department_manager"]
        else:
            position = positions["account_manager" if person.sales else "clerk"]
        hired = -2900 + int(rnd.random() * 2800)
        gone = not is_head and rnd.random() < 0.04
        pinyin = pinyin_of(person.name)[0]
        rows.append((
            person.id, f.stamp(hired, 32400), f.stamp(max(hired, -200), 36000),
            f"HX{number:04d}", person.name, pinyin, person.gender,
            world.department_ids[person.department], position,
            f"0571-8765{2000 + number % 8000:04d}", mobile(rnd), f"{pinyin}{number}@{OUR_DOMAIN}",
            f.day(hired), f.day(-int(rnd.random() * 300)) if gone else None,
            "left" if gone else "active",
        ))  # fmt: skip
    for index, row in enumerate(rows):
        if row[-1] == "left":
            world.staff[index].sales = False
    world.sales_staff = [k for k, person in enumerate(world.staff) if person.sales]
    columns = (
        *RECORD, "employee_no", "name", "name_pinyin", "gender", "department_id", "position_id",
        "phone", "mobile", "email", "hire_date", "leave_date", "status",
    )  # fmt: skip
    return "employees", columns, rows
