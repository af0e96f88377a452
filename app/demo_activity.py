"""What happens around the demo customers: contact history, sales tracking, media records,
partners, supply and demand, complaints, tasks, opportunities, campaigns, events,
subscriptions, and (through app.demo_business) quotations, orders and payments.

Each customer draws its own activity from its type; ids come from fixed slots per customer,
so chunks are independent. Past 100,000 customers the activity thins out (`density`), so
that a million customers still load within the time budget.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from typing import Any

from app import demo_words as words
from app.demo_business import MAX_ORDERS, BusinessMaker, BusinessRows
from app.demo_customers import CHUNK
from app.demo_engagement import EngagementMixin
from app.demo_master import RECORD, Batch, World, density
from app.demo_sink import Row

# Share of customers of each type (existing, target, prospect, partner, blacklist,
# competitor) that have orders, quotations and contact history.
ORDER_SHARE = (0.7, 0.05, 0.0, 0.3, 0.0, 0.0)
QUOTATION_SHARE = (0.15, 0.2, 0.02, 0.05, 0.0, 0.0)
HISTORY_SHARE = (0.7, 0.6, 0.2, 0.5, 0.1, 0.0)
PARTNER_KINDS = ("agency", "supplier", "distributor", "joint_venture", "media_partner", "other")
CHANNELS = ("phone", "visit", "meeting", "email", "wechat", "other")
TABLES = (
    ("partner_relations", (*RECORD, "customer_id", "partner_customer_id", "kind", "since",
                           "notes")),
    ("supply_demand_infos", (*RECORD, "customer_id", "kind", "title", "description", "quantity",
                             "valid_until", "contact_id", "status")),
    ("media_ad_records", (*RECORD, "customer_id", "media_outlet_id", "ad_date", "end_date",
                          "ad_format", "position", "frequency", "estimated_spend", "info_source")),
    ("contact_histories", (*RECORD, "customer_id", "contact_id", "employee_id", "contacted_at",
                           "channel", "subject", "content", "result", "next_step",
                           "follow_up_on")),
    ("salesperson_logs", (*RECORD, "customer_id", "employee_id", "log_date", "content",
                          "next_plan", "hours", "owner_id", "department_id")),
    ("sales_stage_changes", (*RECORD, "customer_id", "from_stage_id", "to_stage_id",
                             "changed_on", "employee_id", "note")),
    ("complaints", (*RECORD, "customer_id", "contact_id", "kind", "received_at", "channel",
                    "subject", "content", "severity", "status", "handler_id", "resolution",
                    "resolved_at", "satisfaction", "owner_id", "department_id")),
    ("subscriptions", (*RECORD, "customer_id", "contact_id", "publication_id", "start_date",
                       "end_date", "copies", "unit_price", "amount", "status",
                       "delivery_address", "postal_code", "recipient_name", "recipient_phone",
                       "channel", "order_no", "owner_id", "department_id")),
    ("subscription_calls", (*RECORD, "customer_id", "contact_id", "employee_id", "called_at",
                            "publication_id", "outcome", "call_back_on", "notes",
                            "subscription_id", "owner_id", "department_id")),
    ("issue_dispatches", (*RECORD, "subscription_id", "publication_issue_id", "dispatched_on",
                          "copies", "method", "tracking_no", "status")),
    ("event_attendances", (*RECORD, "event_id", "customer_id", "contact_id", "role", "booth_no",
                           "booth_area", "fee", "registered_on", "attended")),
    ("campaign_members", (*RECORD, "campaign_id", "customer_id", "contact_id", "status",
                          "responded_at")),
    ("opportunities", (*RECORD, "name", "customer_id", "contact_id", "stage_id",
                       "expected_amount", "probability", "expected_close_on", "status",
                       "lost_reason", "campaign_id", "quotation_id", "order_id", "owner_id",
                       "department_id")),
    ("tasks", (*RECORD, "title", "description", "kind", "priority", "status", "source",
               "campaign_id", "complaint_id", "customer_id", "contact_id", "opportunity_id",
               "assigned_by_id", "due_at", "started_at", "completed_at", "percent_done",
               "owner_id", "department_id")),
)  # fmt: skip
COLUMNS = dict(TABLES)


def expected_rows(customers: int) -> dict[str, int]:
    """Rough row counts of the activity tables (for progress and index handling)."""
    active = customers * density(customers)
    return {
        "contact_histories": int(0.45 * active),
        "sales_stage_changes": int(0.35 * active),
        "media_ad_records": int(0.15 * active),
        "ad_orders": int(0.3 * active),
        "ad_order_lines": int(0.6 * active),
        "execution_plans": int(0.5 * active),
        "executions": int(0.35 * active),
        "payments": int(0.3 * active),
        "quotations": int(0.1 * active),
        "quotation_lines": int(0.2 * active),
    }


@dataclass
class ActivityRows:
    by_table: dict[str, list[Row]] = field(default_factory=lambda: {t: [] for t, _ in TABLES})


class ActivityStage:
    """All activity tables, chunk by chunk, after the customers (it reads their facts)."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.chunks = (world.customers + CHUNK - 1) // CHUNK
        self.density = density(world.customers)

    def run(self, chunk: int) -> tuple[list[Batch], Any]:
        maker = ActivityMaker(self.world, self.world.rng("activity", chunk), self.density)
        start = chunk * CHUNK
        for customer in range(start, min(self.world.customers, start + CHUNK)):
            maker.add(customer)
        batches = [(table, COLUMNS[table], maker.rows.by_table[table]) for table, _ in TABLES]
        business = maker.business.rows.batches()
        # Orders before what refers to them (opportunities); tasks after complaints.
        return batches[:-2] + business + batches[-2:], None

    def merge(self, facts: Any) -> None:
        """Activity leaves no facts for later stages."""


class ActivityMaker(EngagementMixin):
    """The activity rows of the customers of one chunk."""

    def __init__(self, world: World, rnd: random.Random, share: float) -> None:
        self.world, self.rnd, self.share, self.f = world, rnd, share, world.formats
        self.rows = ActivityRows()
        self.business = BusinessMaker(world, rnd, BusinessRows())
        self.base = world.id_base
        self.facts = world.facts
        self.people = world.person_pool

    def add(self, customer: int) -> None:
        """The activity of one customer; the very first one shows every kind of record,
        so that even a tiny demo fills every table."""
        self.showcase = customer == 0
        kind, chance = self.facts.kind[customer], self._chance
        if not chance(self.share):
            return
        contact = self.world.contact_id(self.facts.first_contact[customer])
        quotation = order = None
        if chance(QUOTATION_SHARE[kind]):
            quotation = self.business.quotation(customer, contact, -400 + self._days(399))
        if chance(ORDER_SHARE[kind]):
            for slot in range(1 + self._days(MAX_ORDERS)):
                day = -300 if self.showcase else -700 + self._days(700)
                self.business.order(customer, slot, contact, day, quotation, self.showcase)
                order = self.base["ad_orders"] + customer * MAX_ORDERS + slot + 1
        if chance(HISTORY_SHARE[kind]):
            self._history(customer, contact)
        if self.facts.stage[customer] > 1 and chance(0.35):
            self._stage_change(customer)
        if kind in (0, 1, 5) and chance(0.2):
            self._media_record(customer)
        self._occasional(customer, contact, kind, quotation, order)

    def _chance(self, probability: float) -> bool:
        return self.rnd.random() < probability or self.showcase

    def _days(self, span: int) -> int:
        return int(self.rnd.random() * span)

    def _occasional(self, customer: int, contact: int, kind: int, quotation: int | None,
                    order: int | None) -> None:  # fmt: skip
        chance = self._chance
        if kind == 3 and self.world.customers > 1:
            self._partner(customer)
        if chance(0.03):
            self._supply_demand(customer, contact)
        if kind < 2 and chance(0.12):
            self._salesperson_log(customer)
        if kind < 4 and chance(0.05):
            self._subscription(customer, contact)
        if kind < 4 and chance(0.06):
            self._subscription_call(customer, contact)
        if kind < 4 and chance(0.03):
            self._attendance(customer, contact)
        if kind < 3 and chance(0.06):
            self._campaign_member(customer, contact)
        if kind < 4 and chance(0.01):
            self._complaint(customer, contact)
        if kind < 2 and chance(0.05):
            self._opportunity(customer, contact, quotation, order)  # with a direct task
        elif kind < 3 and chance(0.02):
            self._task(customer, contact, "direct", None)

    def _owner(self, customer: int) -> tuple[int, int]:
        staff_index = self.world.owner_of(customer)
        return self.world.staff[staff_index].id, self.world.staff_department_id(staff_index)

    def _id(self, table: str, customer: int) -> int:
        """The row id of a table that has at most one row per customer."""
        return self.base[table] + customer + 1

    def _append(self, table: str, row: Row) -> None:
        self.rows.by_table[table].append(row)

    def _partner(self, customer: int) -> None:
        r, f = self.rnd.random, self.f
        partner = int(r() * (self.world.customers - 1))
        partner += partner >= customer  # anyone but the customer itself
        since = -int(r() * 2000) - 1
        self._append("partner_relations", (
            self._id("partner_relations", customer), f.stamp(since, 36_000),
            f.stamp(since, 36_000), self.world.customer_id(customer),
            self.world.customer_id(partner), PARTNER_KINDS[int(r() * len(PARTNER_KINDS))],
            f.day(since), "长期合作伙伴",
        ))  # fmt: skip

    def _supply_demand(self, customer: int, contact: int) -> None:
        r, f = self.rnd.random, self.f
        day = -int(r() * 300) - 1
        trade = self.world.companies.trade_words[self.facts.word[customer]]
        title = words.SUPPLY_TITLES[int(r() * len(words.SUPPLY_TITLES))].format(trade)
        kind = "demand" if title.startswith(("寻求", "采购", "招募")) else "supply"
        self._append("supply_demand_infos", (
            self._id("supply_demand_infos", customer), f.stamp(day, 36_000),
            f.stamp(day, 36_000), self.world.customer_id(customer), kind, title,
            f"{title}，有意者请联系", f"{1 + int(r() * 50)}批", f.day(day + 90), contact,
            "open" if day > -90 else "closed",
        ))  # fmt: skip

    def _media_record(self, customer: int) -> None:
        r, f = self.rnd.random, self.f
        media = self.world.media
        outlets = media["competitor_outlets"] if r() < 0.8 else media["own_outlets"]
        day = -int(r() * 700) - 1
        self._append("media_ad_records", (
            self._id("media_ad_records", customer), f.stamp(day + 3, 36_000),
            f.stamp(day + 3, 36_000), self.world.customer_id(customer),
            outlets[int(r() * len(outlets))], f.day(day), f.day(day + int(r() * 60)),
            ("整版", "半版", "通栏", "视频15秒", "横幅")[int(r() * 5)], "常规版位",
            1 + int(r() * 12), f.money(100 * (5_000 + int(r() * 500_000))),
            ("业务员走访", "媒体监测", "客户告知")[int(r() * 3)],
        ))  # fmt: skip

    def _history(self, customer: int, contact: int) -> None:
        r, f = self.rnd.random, self.f
        day = -int(r() * 365) - 1
        staff, _ = self._owner(customer)
        subject = words.CONTACT_SUBJECTS[int(r() * len(words.CONTACT_SUBJECTS))]
        self._append("contact_histories", (
            self._id("contact_histories", customer), f.stamp(day, 64_800),
            f.stamp(day, 64_800), self.world.customer_id(customer), contact, staff,
            f.stamp(day, 32_400 + int(r() * 30_000)), CHANNELS[int(r() * len(CHANNELS))], subject,
            f"就{subject}与客户沟通", words.CONTACT_RESULTS[int(r() * len(words.CONTACT_RESULTS))],
            words.NEXT_STEPS[int(r() * len(words.NEXT_STEPS))], f.day(day + 14),
        ))  # fmt: skip

    def _stage_change(self, customer: int) -> None:
        r, f = self.rnd.random, self.f
        step = self.facts.stage[customer]
        stages = self.world.reference.stages
        day = -int(r() * 200) - 1
        staff, _ = self._owner(customer)
        self._append("sales_stage_changes", (
            self._id("sales_stage_changes", customer), f.stamp(day, 50_000),
            f.stamp(day, 50_000), self.world.customer_id(customer), stages[step - 2][0],
            stages[step - 1][0], f.day(day), staff, "客户推进到下一销售阶段",
        ))  # fmt: skip

    def _salesperson_log(self, customer: int) -> None:
        r, f = self.rnd.random, self.f
        day = -int(r() * 180) - 1
        staff, department = self._owner(customer)
        self._append("salesperson_logs", (
            self._id("salesperson_logs", customer), f.stamp(day, 63_000),
            f.stamp(day, 63_000), self.world.customer_id(customer), staff, f.day(day),
            words.LOG_CONTENTS[int(r() * len(words.LOG_CONTENTS))],
            words.NEXT_STEPS[int(r() * len(words.NEXT_STEPS))], f.money(50 * (1 + int(r() * 8))),
            staff, department,
        ))  # fmt: skip


def attachment_batch(world: World) -> Batch:
    """Small text files (visit notes) of a few customers: bytes, so written as rows."""
    f, rnd = world.formats, world.rng("attachments")
    count = min(5_000, max(3, world.customers // 200))
    rows: list[Row] = []
    for number in range(1, count + 1):
        customer = int(rnd.random() * world.customers)
        day = -int(rnd.random() * 500) - 1
        content = (
            f"拜访纪要\n客户编号：{world.customer_id(customer)}\n日期：{f.day(day)}\n".encode()
        )
        staff = world.owner_of(customer)
        rows.append((
            world.id_base["attachments"] + number, f.stamp(day, 40_000), f.stamp(day, 40_000),
            world.customer_id(customer), f"拜访纪要-{number}.txt", "text/plain; charset=utf-8",
            len(content), hashlib.sha256(content).hexdigest(), content, "客户拜访纪要",
            world.staff[staff].id, world.staff_department_id(staff),
        ))  # fmt: skip
    columns = (*RECORD, "customer_id", "file_name", "mime_type", "size_bytes", "sha256",
               "content", "description", "owner_id", "department_id")  # fmt: skip
    return "attachments", columns, rows
