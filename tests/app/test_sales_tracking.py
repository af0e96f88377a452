"""Sales tracking (SPEC §3.9) on both databases, as real users (on PostgreSQL through their
own login roles, so row-level security takes part): moving a customer through the steps,
the history in order, stale and pointless changes refused, other departments' customers out
of reach, counts per step, and every change in the audit trail."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import URL

from app import audit, records, sales_tracking
from app.customers import CUSTOMERS
from app.errors import NotFoundError, ValidationError
from app.records import StaleRecordError
from db.models.customers import Customer, SalesStageChange
from tests.customer_world import session_as
from tests.security_world import World, build_world

TODAY = dt.date.today()  # the services are told it too: a run may cross midnight


@pytest.fixture
def world(db_url: URL) -> World:
    return build_world(db_url)


def stage_ids(world: World) -> list[int]:
    with session_as(world, "admin") as (session, _admin):
        return [stage.id for stage in sales_tracking.stages(session)]


def move(world: World, username: str, customer_id: int, to: int, on: dt.date, note: str = ""):
    with session_as(world, username) as (session, user):
        _stage, version = sales_tracking.current_stage(session, user, customer_id)
        return sales_tracking.change_stage(
            session, user, customer_id, to, on, note, version=version, today=TODAY
        )


def change_count(world: World) -> int:
    with session_as(world, "admin") as (session, _admin):
        return int(session.scalar(select(func.count()).select_from(SalesStageChange)) or 0)


def test_the_eight_steps_are_seeded_in_order(world: World) -> None:
    with session_as(world, "staff_a") as (session, _user):
        found = sales_tracking.stages(session)
    assert [stage.step for stage in found] == list(range(1, 9))
    assert found[0].name("zh_CN") == "寻找准客户"
    assert found[-1].name("en") == "Satisfied customer"


def test_staff_moves_their_customer_on_and_the_history_keeps_every_step_newest_first(
    world: World,
) -> None:
    steps = stage_ids(world)
    customer = world.customer_of["staff_a"]
    move(world, "staff_a", customer, steps[0], TODAY - dt.timedelta(days=20), "展会上认识")
    move(world, "staff_a", customer, steps[1], TODAY - dt.timedelta(days=10), "  上门拜访  ")
    changed = move(world, "staff_a", customer, steps[3], TODAY, "")
    with session_as(world, "staff_a") as (session, staff):
        history = sales_tracking.history(session, staff, customer)
        assert sales_tracking.current_stage(session, staff, customer) == (
            steps[3],
            changed.customer_version,
        )
    assert [(c.from_stage_id, c.to_stage_id) for c in history] == [
        (steps[1], steps[3]),
        (steps[0], steps[1]),
        (None, steps[0]),
    ]
    assert [c.changed_on for c in history] == [
        TODAY,
        TODAY - dt.timedelta(days=10),
        TODAY - dt.timedelta(days=20),
    ]
    assert [c.note for c in history] == [None, "上门拜访", "展会上认识"]
    assert {c.staff for c in history} == {"王小明"}


def test_two_changes_on_one_day_stay_in_the_order_they_were_made(world: World) -> None:
    steps = stage_ids(world)
    customer = world.customer_of["staff_a"]
    for step in (steps[0], steps[1], steps[2]):
        move(world, "staff_a", customer, step, TODAY)
    with session_as(world, "staff_a") as (session, staff):
        history = sales_tracking.history(session, staff, customer)
    assert [c.to_stage_id for c in history] == [steps[2], steps[1], steps[0]]


def test_every_change_is_in_the_audit_trail_with_who_made_it(world: World) -> None:
    steps = stage_ids(world)
    customer = world.customer_of["staff_a"]
    changed = move(world, "staff_a", customer, steps[4], TODAY, "方案已提交")
    with session_as(world, "admin") as (session, admin):
        row_history = audit.history(session, admin, "sales_stage_changes", changed.change_id)
        customer_history = audit.history(session, admin, "customers", customer)
    assert [entry.operation for entry in row_history] == ["INSERT"]
    assert (row_history[0].after or {})["note"] == "方案已提交"
    last = customer_history[-1]
    assert last.operation == "UPDATE"
    assert ("sales_stage_id", None, steps[4]) in last.changes()
    for entry in (row_history[0], last):
        assert entry.user_id == world.user_id_of["staff_a"]
        assert entry.db_user is not None and entry.db_user.endswith("staff_a")


def test_a_change_made_on_a_stale_screen_is_refused(world: World) -> None:
    steps = stage_ids(world)
    customer = world.customer_of["staff_a"]
    with session_as(world, "staff_a") as (session, staff):
        _stage, seen = sales_tracking.current_stage(session, staff, customer)
    move(world, "head_a", customer, steps[1], TODAY)  # meanwhile, the head moves it
    with pytest.raises(StaleRecordError) as stale, session_as(world, "staff_a") as (s, staff):
        sales_tracking.change_stage(s, staff, customer, steps[2], TODAY, version=seen)
    assert stale.value.theirs.version == seen + 1
    assert change_count(world) == 1


def test_a_change_to_the_step_it_is_at_already_is_refused(world: World) -> None:
    steps = stage_ids(world)
    customer = world.customer_of["staff_a"]
    move(world, "staff_a", customer, steps[2], TODAY)
    with pytest.raises(ValidationError) as refused:
        move(world, "staff_a", customer, steps[2], TODAY)
    assert (refused.value.code, refused.value.field) == ("stage_unchanged", "to_stage_id")
    assert change_count(world) == 1


def test_a_missing_future_or_out_of_order_date_is_refused(world: World) -> None:
    steps = stage_ids(world)
    customer = world.customer_of["staff_a"]
    move(world, "staff_a", customer, steps[0], TODAY - dt.timedelta(days=5))
    for on, code in (
        (None, "stage_date_required"),
        (TODAY + dt.timedelta(days=1), "stage_date_in_future"),
        (TODAY - dt.timedelta(days=30), "stage_date_before_last"),
    ):
        with pytest.raises(ValidationError) as refused:
            move(world, "staff_a", customer, steps[1], on)  # type: ignore[arg-type]
        assert (refused.value.code, refused.value.field) == (code, "changed_on")
    assert change_count(world) == 1


def test_an_unknown_step_is_refused(world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        move(world, "staff_a", world.customer_of["staff_a"], 999_999, TODAY)
    assert refused.value.code == "stage_unknown"


def test_staff_cannot_move_or_read_another_departments_customer(world: World) -> None:
    steps = stage_ids(world)
    theirs = world.customer_of["staff_a"]
    move(world, "staff_a", theirs, steps[0], TODAY)
    with pytest.raises(NotFoundError), session_as(world, "staff_b") as (session, staff_b):
        sales_tracking.change_stage(session, staff_b, theirs, steps[1], TODAY, version=2)
    with pytest.raises(NotFoundError), session_as(world, "staff_b") as (session, staff_b):
        sales_tracking.history(session, staff_b, theirs)
    with session_as(world, "admin") as (session, _admin):
        assert session.get_one(Customer, theirs).sales_stage_id == steps[0]
    assert change_count(world) == 1


@pytest.mark.parametrize("backend", ["postgresql"])  # row-level security is PostgreSQL's
def test_the_database_refuses_staff_a_change_row_for_a_customer_they_do_not_see(
    world: World,
) -> None:
    """Past the program, on PostgreSQL: row-level security on the change rows themselves."""
    steps = stage_ids(world)
    engine = world.engine_as("staff_b")
    try:
        with pytest.raises(Exception, match="row-level security"), engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO sales_stage_changes (customer_id, to_stage_id, changed_on) "
                    "VALUES (:customer, :stage, :on)"
                ),
                {"customer": world.customer_of["staff_a"], "stage": steps[0], "on": TODAY},
            )
    finally:
        engine.dispose()
    assert change_count(world) == 0


def test_a_customer_in_the_recycle_bin_keeps_its_step(world: World) -> None:
    steps = stage_ids(world)
    customer = world.customer_of["staff_a"]
    move(world, "staff_a", customer, steps[0], TODAY)
    with session_as(world, "admin") as (session, admin):
        shown = records.read(session, admin, CUSTOMERS, customer)
        records.delete(session, admin, CUSTOMERS, customer, shown.version)
    with session_as(world, "admin") as (session, admin):
        binned = session.get_one(Customer, customer).version
        with pytest.raises(NotFoundError):
            sales_tracking.change_stage(
                session, admin, customer, steps[1], TODAY, version=binned, today=TODAY
            )
        with pytest.raises(NotFoundError):
            sales_tracking.current_stage(session, admin, customer)
    with session_as(world, "admin") as (session, admin):
        records.restore(session, admin, CUSTOMERS, customer)
    with session_as(world, "staff_a") as (session, staff):
        assert sales_tracking.current_stage(session, staff, customer)[0] == steps[0]
    assert change_count(world) == 1


def test_counts_per_step_cover_the_customers_each_user_sees(world: World) -> None:
    steps = stage_ids(world)
    move(world, "staff_a", world.customer_of["staff_a"], steps[1], TODAY)
    move(world, "staff_a1", world.customer_of["staff_a1"], steps[1], TODAY)
    move(world, "staff_b", world.customer_of["staff_b"], steps[6], TODAY)
    with session_as(world, "staff_a") as (session, staff_a):
        assert sales_tracking.stage_counts(session, staff_a) == {steps[1]: 1}
    with session_as(world, "head_a") as (session, head_a):
        assert sales_tracking.stage_counts(session, head_a) == {steps[1]: 2, None: 2}
    with session_as(world, "admin") as (session, admin):
        assert sales_tracking.stage_counts(session, admin) == {
            steps[1]: 2,
            steps[6]: 1,
            None: 3,
        }
