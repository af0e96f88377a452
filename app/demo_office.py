"""The demo's office life: events, campaigns, print templates, system notices, sales
targets, and each employee's business log and expenses."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator

from app import demo_words as words
from app.demo_master import DEPARTMENTS, RECORD, Batch, World
from app.demo_sink import Row

# (name pattern, kind, venue, city code, day of the year it starts, days, booths, fee in fen)
EVENT_SERIES = (
    ("{}中国品牌营销峰会", "conference", "国际博览中心", "330100", 110, 2, 0, 180_000),
    ("{}汽车文化博览会", "exhibition", "国际会展中心", "310100", 150, 4, 200, 0),
    ("{}家居设计展", "exhibition", "会展中心", "440100", 250, 3, 120, 0),
    ("{}健康产业论坛", "forum", "国际会议中心", "110100", 290, 1, 0, 98_000),
    ("{}媒体营销实务培训班", "training", "华夏时代大厦", "330100", 320, 2, 0, 260_000),
)
YEAR_STARTS = {2025: -669, 2026: -304, 2027: 61}
CAMPAIGNS = (
    ("刊例推广邮件", "email"), ("老客户电话回访", "telemarketing"), ("展会客户邀约", "event"),
    ("新刊广告推广", "print_ad"), ("网络广告促销", "online_ad"), ("博览会招展", "exhibition"),
)  # fmt: skip
TEMPLATES = (
    ("标准信封", "envelope", "DL", None, None, "landscape"),
    ("客户地址标签", "label", "custom", 7000, 3700, "portrait"),
    ("客户名单", "list", "A4", None, None, "landscape"),
    ("广告报价单", "quotation", "A4", None, None, "portrait"),
    ("订单确认书", "order_confirmation", "A4", None, None, "portrait"),
    ("收款收据", "receipt", "A5", None, None, "landscape"),
    ("客户信函", "letter", "A4", None, None, "portrait"),
)


def event_batches(world: World) -> Iterator[Batch]:
    f = world.formats
    places = {place.code: place for place in world.reference.places}
    base = world.id_base["events"]
    rows: list[Row] = []
    events = []
    for year in (2025, 2026, 2027):
        for name, kind, venue, city, day, days, booths, fee in EVENT_SERIES:
            event_id = base + len(rows) + 1
            start = YEAR_STARTS[year] + day
            status = "closed" if start + days <= 0 else ("open" if start < 90 else "planned")
            booth_price = 1_200_000 if booths else None
            place = places[city]
            owner = world.sales_staff[len(rows) % len(world.sales_staff)]
            rows.append((
                event_id, f.stamp(start - 200, 36000), f.stamp(min(start, 0), 36000),
                name.format(f"{year}"), kind, "浙江华夏时代传媒集团有限公司",
                f"{place.name}{venue}", place.city_id, f.day(start), f.day(start + days - 1),
                booths or None, None if booth_price is None else f.money(booth_price),
                f.money(fee) if fee else None, status, world.staff[owner].id,
                world.staff_department_id(owner),
            ))  # fmt: skip
            events.append((event_id, start, kind, booth_price or 0, fee))
    world.media["events"] = events
    yield "events", (
        *RECORD, "name", "kind", "organiser", "venue", "city_id", "start_date", "end_date",
        "booth_count", "booth_price", "registration_fee", "status", "owner_id", "department_id",
    ), rows  # fmt: skip


def campaign_batches(world: World) -> Iterator[Batch]:
    f = world.formats
    base = world.id_base["marketing_campaigns"]
    rows: list[Row] = []
    campaigns = []
    for year in (2025, 2026):
        for quarter in range(4):
            name, kind = CAMPAIGNS[(quarter + year) % len(CAMPAIGNS)]
            start = YEAR_STARTS[year] + 91 * quarter + 10
            end = start + 45
            status = "completed" if end < 0 else ("active" if start <= 0 else "planned")
            budget = 2_000_000 + 500_000 * quarter
            owner = world.sales_staff[len(rows) % len(world.sales_staff)]
            rows.append((
                base + len(rows) + 1, f.stamp(start - 30, 36000), f.stamp(min(end, -1), 36000),
                f"{year}年第{quarter + 1}季度{name}", kind, status, f.day(start), f.day(end),
                f.money(budget), f.money(budget * 9 // 10) if status == "completed" else None,
                f.money(budget * 6), "老客户及目标客户中的重点行业企业",
                world.staff[owner].id, world.staff_department_id(owner),
            ))  # fmt: skip
            campaigns.append((rows[-1][0], start, end, kind))
    world.media["campaigns"] = campaigns
    yield "marketing_campaigns", (
        *RECORD, "name", "kind", "status", "start_date", "end_date", "budget", "actual_cost",
        "expected_revenue", "target_description", "owner_id", "department_id",
    ), rows  # fmt: skip


def template_batch(world: World) -> Batch:
    """Shared print templates (user NULL): the demo creates no users to own private ones."""
    f = world.formats
    base = world.id_base["print_templates"]
    rows = [
        (base + k, f.stamp(-500, 36000), f.stamp(-500, 36000), name, kind, size,
         None if width is None else f.money(width), None if height is None else f.money(height),
         orientation, json.dumps({"fields": ["name", "address", "postal_code"]}), True, None)
        for k, (name, kind, size, width, height, orientation) in enumerate(TEMPLATES, 1)
    ]  # fmt: skip
    columns = (*RECORD, "name", "kind", "page_size", "width_mm", "height_mm", "orientation",
               "layout", "is_default", "user_id")  # fmt: skip
    return "print_templates", columns, rows


def notice_batch(world: World) -> Batch:
    """System notices (kind 'system', no sender): ad closing dates of the coming issues.

    They have no recipients: message_recipients needs users, and the demo creates none.
    """
    f = world.formats
    base = world.id_base["messages"]
    rows: list[Row] = []
    for publication in world.media["publications"]:
        for issue_id, published in publication.issues:
            if -60 <= published <= 45:
                closing = published - 14
                rows.append((
                    base + len(rows) + 1, f.stamp(closing - 7, 30600), f.stamp(closing - 7, 30600),
                    f"《{publication.title}》广告截稿提醒",
                    f"《{publication.title}》本期广告截稿日期为{f.day(closing)}，请及时提交广告稿件。",
                    "system", f.stamp(closing - 7, 30600), "publication_issues", issue_id,
                ))  # fmt: skip
    columns = (*RECORD, "subject", "body", "kind", "sent_at", "related_table", "related_id")
    return "messages", columns, rows


def target_batch(world: World) -> Batch:
    """Quarterly sales targets for 2026: each salesperson's, and each sales department's."""
    f = world.formats
    rows: list[Row] = []
    quarters = [(-304 + 90 * q, -304 + 90 * q + 89) for q in range(4)]
    base = world.id_base["sales_targets"]
    for start, end in quarters:
        for staff_index in world.sales_staff:
            rows.append((base + len(rows) + 1, f.stamp(start - 10, 36000),
                         f.stamp(start - 10, 36000), f.day(start), f.day(end),
                         world.staff[staff_index].id, None, f.money(50_000_000), 12))  # fmt: skip
        for k, (_, _, _, share) in enumerate(DEPARTMENTS):
            if share:
                rows.append(
                    (
                        base + len(rows) + 1,
                        f.stamp(start - 10, 36000),
                        f.stamp(start - 10, 36000),
                        f.day(start),
                        f.day(end),
                        None,
                        world.department_ids[k],
                        f.money(share * 20_000_000),
                        share * 5,
                    )
                )
    columns = (*RECORD, "period_start", "period_end", "employee_id", "department_id",
               "target_amount", "target_orders")  # fmt: skip
    return "sales_targets", columns, rows


def staff_diary_batches(world: World) -> Iterator[Batch]:
    """Business logs (事务日志) and expense claims of every employee."""
    rnd = world.rng("diary")
    logs: list[Row] = []
    expenses: list[Row] = []
    for staff_index in range(len(world.staff)):
        for _ in range(30):
            logs.append(_business_log(world, rnd, staff_index, len(logs) + 1))
        for _ in range(8):
            expenses.append(_expense(world, rnd, staff_index, len(expenses) + 1))
    yield "business_logs", (
        *RECORD, "employee_id", "log_date", "start_time", "end_time", "category", "customer_id",
        "subject", "content", "next_plan", "owner_id", "department_id",
    ), logs  # fmt: skip
    yield "expenses", (
        *RECORD, "employee_id", "expense_date", "category", "amount", "campaign_id", "event_id",
        "description", "receipt_no", "status", "approved_by_id", "approved_at", "owner_id",
        "department_id",
    ), expenses  # fmt: skip


def _business_log(world: World, rnd: random.Random, staff_index: int, number: int) -> Row:
    f, r = world.formats, rnd.random
    person = world.staff[staff_index]
    day = -int(r() * 360) - 1
    category, subject = words.BUSINESS_LOG_SUBJECTS[int(r() * len(words.BUSINESS_LOG_SUBJECTS))]
    start = 8 + int(r() * 8)
    customer = _a_customer_of(world, staff_index, rnd) if category == "visit" else None
    return (
        world.id_base["business_logs"] + number, f.stamp(day, 64800), f.stamp(day, 64800),
        person.id, f.day(day), f.time_of_day_text(start * 3600),
        f.time_of_day_text((start + 1 + int(r() * 2)) * 3600 + 1800), category, customer,
        subject, f"{subject}，记录工作要点", None, person.id,
        world.staff_department_id(staff_index),
    )  # fmt: skip


def _expense(world: World, rnd: random.Random, staff_index: int, number: int) -> Row:
    f, r = world.formats, rnd.random
    person = world.staff[staff_index]
    campaigns, events = world.media["campaigns"], world.media["events"]
    day = -int(r() * 360) - 1
    category, note = words.EXPENSE_NOTES[int(r() * len(words.EXPENSE_NOTES))]
    status = ("approved", "paid", "submitted", "draft")[int(r() * 4)]
    approved = status in ("approved", "paid")
    return (
        world.id_base["expenses"] + number, f.stamp(day, 61200), f.stamp(day + 2, 36000),
        person.id, f.day(day), category, f.money(5_000 + int(r() * 300_000)),
        campaigns[int(r() * len(campaigns))][0] if category == "advertising" else None,
        events[int(r() * len(events))][0] if category == "event" else None,
        note, f"FP{abs(day):03d}{number:06d}", status,
        world.staff[0].id if approved else None, f.stamp(day + 2, 36000) if approved else None,
        person.id, world.staff_department_id(staff_index),
    )  # fmt: skip


def _a_customer_of(world: World, staff_index: int, rnd: random.Random) -> int | None:
    """A customer owned by this employee, or None for staff outside sales."""
    if not world.staff[staff_index].sales:
        return None
    slot = world.sales_staff.index(staff_index)
    owned = (world.customers - slot + len(world.sales_staff) - 1) // len(world.sales_staff)
    if owned <= 0:
        return None
    return world.customer_id(slot + len(world.sales_staff) * int(rnd.random() * owned))
