"""A small company to test permissions on: departments A (with sub-department A1) and B,
staff in A, A1 and B, a head of A, a decision maker and an administrator, each owning
customers with contacts, orders and tasks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import Engine, select, text
from sqlalchemy.engine import URL

from app import auth, users
from db import security
from db.engine import make_engine, make_session_factory
from db.models.advertising import AdOrder
from db.models.customers import Contact, Customer
from db.models.lookups import CustomerType
from db.models.org import Employee, User
from db.models.work import Task

PASSWORD = "Secret-Passw0rd"
PEOPLE = {
    # username: (role, department path, display name)
    "staff_a": ("staff", "A", "王小明"),
    "staff_a1": ("staff", "A/A1", "李雷"),
    "staff_b": ("staff", "B", "韩梅梅"),
    "head_a": ("dept_head", "A", "张主管"),
    "boss": ("decision_maker", "A", "赵总"),
    "admin": ("admin", "B", "管理员"),
}
# Which users' customers each user sees.
EXPECTED_OWNERS = {
    "staff_a": {"staff_a"},
    "staff_a1": {"staff_a1"},
    "staff_b": {"staff_b"},
    "head_a": {"staff_a", "staff_a1", "head_a", "boss"},
    "boss": set(PEOPLE),
    "admin": set(PEOPLE),
}


@dataclass
class World:
    url: URL
    customer_of: dict[str, int] = field(default_factory=dict)
    user_id_of: dict[str, int] = field(default_factory=dict)

    @property
    def is_postgresql(self) -> bool:
        return self.url.get_backend_name() == "postgresql"

    def login_url(self, username: str) -> URL:
        """The URL a user's own program (or psql) connects with."""
        if not self.is_postgresql:
            return self.url
        return self.url.set(username=security.role_names(self.url.database or "").login(username))

    def login(self, username: str) -> auth.LoggedIn:
        return auth.login(self.url, username, PASSWORD, "mediacrm db upgrade")

    def engine_as(self, username: str) -> Engine:
        """A raw engine with the user's own credentials, as psql would use them."""
        if not self.is_postgresql:
            return make_engine(self.url)
        return make_engine(self.login_url(username).set(password=PASSWORD))


def build_world(
    url: URL, people: dict[str, tuple[str, str, str]] = PEOPLE, *, business: bool = True
) -> World:
    """Departments A (with A/A1) and B, the `people` {username: (role, department, name)}
    and, with `business`, a customer, contact, order and task owned by each of them."""
    world = World(url)
    engine = make_engine(url)
    try:
        if world.is_postgresql:
            with engine.begin() as connection:
                security.install(connection)
        with make_session_factory(engine).begin() as session:
            users.add_department(session, "A")
            users.add_department(session, "A1", "A")
            users.add_department(session, "B")
            for username, (role, department, name) in people.items():
                world.user_id_of[username] = users.add_user(
                    session, username, PASSWORD, role, department, name
                )
        if business:
            _add_business(engine, world)
    finally:
        engine.dispose()
    return world


def _add_business(engine: Engine, world: World) -> None:
    today = dt.date(2026, 11, 1)
    with make_session_factory(engine).begin() as session:
        target = session.scalars(select(CustomerType.id).where(CustomerType.code == "target")).one()
        for username in world.user_id_of:
            employee = session.execute(
                select(Employee.id, Employee.department_id)
                .join(User, User.employee_id == Employee.id)
                .where(User.username == username)
            ).one()
            customer = Customer(
                name=f"{username} 的客户有限公司",
                customer_type_id=target,
                owner_id=employee.id,
                department_id=employee.department_id,
            )
            session.add(customer)
            session.flush()
            world.customer_of[username] = customer.id
            session.add(Contact(customer_id=customer.id, name=f"{username} 联系人"))
            session.add(
                AdOrder(
                    order_no=f"AD-{username}",
                    customer_id=customer.id,
                    order_date=today,
                    owner_id=employee.id,
                    department_id=employee.department_id,
                )
            )
            session.add(
                Task(
                    title=f"{username} 的任务",
                    customer_id=customer.id,
                    owner_id=employee.id,
                    department_id=employee.department_id,
                )
            )


def owner_username(name: str) -> str:
    return name.split(" ")[0]


def raw_names(engine: Engine, table: str) -> set[str]:
    column = {"customers": "name", "contacts": "name", "ad_orders": "order_no", "tasks": "title"}
    with engine.connect() as connection:
        values = connection.execute(text(f"SELECT {column[table]} FROM {table}")).scalars()
        return {value.removeprefix("AD-").split(" ")[0] for value in values}
