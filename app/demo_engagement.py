"""Demo customer engagement: subscriptions and their canvassing calls and dispatches, event
attendance, campaign membership, complaints, opportunities and tasks.

A mixin of app.demo_activity.ActivityMaker, which provides the chunk's generator (`rnd`),
formats (`f`), world and facts, and the row helpers `_append`, `_id` and `_owner`.
"""

from __future__ import annotations

import random
from typing import Any

from app import demo_words as words
from app.demo_sink import Formats, Row

SUBSCRIPTION_CHANNELS = ("phone", "post_office", "online", "agent", "direct")
DISPATCH_METHODS = ("post", "post", "courier", "hand")
CALL_OUTCOMES = ("interested", "call_back", "refused", "no_answer")
MEMBER_STATUSES = ("targeted", "contacted", "responded", "converted", "opted_out")
TASKS_PER_CUSTOMER = 3  # slots: direct, from a complaint, from a campaign
TASK_SLOTS = {"direct": 0, "complaint": 1, "campaign": 2}


class EngagementMixin:
    rnd: random.Random
    f: Formats
    world: Any
    facts: Any
    base: dict[str, int]
    people: list[Any]  # the person pool of app.demo_customers.Pools
    showcase: bool  # the customer that shows every kind of record
    # (customer, subscription id, publication id) of the chunk's latest subscription
    subscribed: tuple[int, int, int] | None = None

    def _append(self, table: str, row: Row) -> None:
        raise NotImplementedError

    def _id(self, table: str, customer: int) -> int:
        raise NotImplementedError

    def _owner(self, customer: int) -> tuple[int, int]:
        raise NotImplementedError

    def _subscription(self, customer: int, contact: int) -> None:
        r, f = self.rnd.random, self.f
        publications = self.world.media["publications"]
        publication = publications[int(r() * len(publications))]
        start = -200 if self.showcase else -700 + 30 * int(r() * 25)
        end = start + 364
        status = "pending" if start > 0 else ("active" if end >= 0 else "expired")
        status = "cancelled" if r() < 0.03 and not self.showcase else status
        copies = 1 + int(r() ** 4 * 5)
        subscription_id = self._id("subscriptions", customer)
        place = self.world.reference.places[self.facts.city[customer]]
        owner, department = self._owner(customer)
        self._append("subscriptions", (
            subscription_id, f.stamp(start - 20, 36_000), f.stamp(min(start, 0), 36_000),
            self.world.customer_id(customer), contact, publication.id, f.day(start), f.day(end),
            copies, f.money(publication.annual_price), f.money(copies * publication.annual_price),
            status, f"{place.address_prefix}{words.STREETS[int(r() * len(words.STREETS))]}"
            f"{1 + int(r() * 500)}号", f"{place.postal_prefix[:4]}{int(r() * 100):02d}",
            self._lead_contact_name(customer), place.phone(r),
            SUBSCRIPTION_CHANNELS[int(r() * 5)], f"DY{subscription_id:09d}", owner, department,
        ))  # fmt: skip
        self.subscribed = (customer, subscription_id, publication.id)
        if status in ("active", "expired"):
            self._dispatches(customer, subscription_id, publication.issues, start, end, copies)

    def _lead_contact_name(self, customer: int) -> str:
        person = self.facts.person[self.facts.first_contact[customer]]
        return str(self.people[person].name)

    def _dispatches(self, customer: int, subscription_id: int, issues: list[tuple[int, int]],
                    start: int, end: int, copies: int) -> None:  # fmt: skip
        """The last (up to) three issues published during the subscription."""
        r, f = self.rnd.random, self.f
        sent = [issue for issue in issues if start <= issue[1] <= min(end, 0)][-3:]
        for number, (issue_id, published) in enumerate(sent):
            dispatch_id = self.base["issue_dispatches"] + 3 * customer + number + 1
            self._append("issue_dispatches", (
                dispatch_id, f.stamp(published, 36_000), f.stamp(published, 36_000),
                subscription_id, issue_id, f.day(published), copies,
                DISPATCH_METHODS[int(r() * 4)], f"YZ{dispatch_id:011d}",
                "delivered" if r() < 0.95 else "returned",
            ))  # fmt: skip

    def _subscription_call(self, customer: int, contact: int) -> None:
        r, f = self.rnd.random, self.f
        day = -int(r() * 400) - 1
        subscribed = self.subscribed
        subscription_id: int | None
        if subscribed is not None and subscribed[0] == customer:
            outcome, subscription_id, publication_id = "subscribed", *subscribed[1:]
        else:
            publications = self.world.media["publications"]
            outcome, subscription_id = CALL_OUTCOMES[int(r() * 4)], None
            publication_id = publications[int(r() * len(publications))].id
        owner, department = self._owner(customer)
        self._append("subscription_calls", (
            self._id("subscription_calls", customer), f.stamp(day, 40_000),
            f.stamp(day, 40_000), self.world.customer_id(customer), contact, owner,
            f.stamp(day, 32_400 + int(r() * 28_800)), publication_id, outcome,
            f.day(day + 14) if outcome == "call_back" else None, "电话征订", subscription_id,
            owner, department,
        ))  # fmt: skip

    def _attendance(self, customer: int, contact: int) -> None:
        r, f = self.rnd.random, self.f
        events = [event for event in self.world.media["events"] if event[1] <= 60]
        event_id, start, kind, booth_price, fee = events[int(r() * len(events))]
        exhibitor = kind == "exhibition" and r() < 0.4
        role = "exhibitor" if exhibitor else ("sponsor" if r() < 0.05 else "visitor")
        area = 9 * (1 + int(r() * 4)) if exhibitor else None
        cost = booth_price * area // 9 if area else (fee or None)
        self._append("event_attendances", (
            self._id("event_attendances", customer), f.stamp(start - 30, 36_000),
            f.stamp(start - 30, 36_000), event_id, self.world.customer_id(customer), contact,
            role, f"{'ABCD'[int(r() * 4)]}{1 + int(r() * 80):02d}" if exhibitor else None,
            None if area is None else f.money(100 * area), None if cost is None else f.money(cost),
            f.day(start - 30 - int(r() * 60)), start < 0 and r() < 0.85,
        ))  # fmt: skip

    def _campaign_member(self, customer: int, contact: int) -> None:
        r, f = self.rnd.random, self.f
        campaigns = [campaign for campaign in self.world.media["campaigns"] if campaign[1] <= 0]
        campaign_id, start, _end, _kind = campaigns[int(r() * len(campaigns))]
        status = MEMBER_STATUSES[int(r() * 5)]
        responded = status in ("responded", "converted")
        self._append("campaign_members", (
            self._id("campaign_members", customer), f.stamp(start, 36_000),
            f.stamp(start, 36_000), campaign_id, self.world.customer_id(customer),
            contact if r() < 0.7 else None, status,
            f.stamp(min(start + 10, -1), 40_000) if responded else None,
        ))  # fmt: skip
        if status == "targeted" and r() < 0.3:
            self._task(customer, contact, "campaign", campaign_id)

    def _complaint(self, customer: int, contact: int) -> None:
        r, f = self.rnd.random, self.f
        kind, subject = words.COMPLAINT_SUBJECTS[int(r() * len(words.COMPLAINT_SUBJECTS))]
        day = -int(r() * 300) - 1
        status = ("new", "in_progress", "resolved", "closed")[int(r() * 4)]
        done = status in ("resolved", "closed")
        owner, department = self._owner(customer)
        complaint_id = self._id("complaints", customer)
        self._append("complaints", (
            complaint_id, f.stamp(day, 36_000), f.stamp(day, 36_000),
            self.world.customer_id(customer), contact, kind, f.stamp(day, 36_000),
            ("phone", "email", "wechat", "visit")[int(r() * 4)], subject, f"客户反映：{subject}",
            ("low", "normal", "normal", "high", "urgent")[int(r() * 5)], status, owner,
            "已与客户沟通并处理" if done else None,
            f.stamp(min(day + 5, 0), 50_000) if done else None,
            3 + int(r() * 3) if status == "closed" else None, owner, department,
        ))  # fmt: skip
        if kind == "complaint" and r() < 0.6:
            self._task(customer, contact, "complaint", complaint_id)

    def _opportunity(self, customer: int, contact: int, quotation: int | None,
                     order: int | None) -> None:  # fmt: skip
        r, f = self.rnd.random, self.f
        step = max(1, self.facts.stage[customer])
        stage_id, probability = self.world.reference.stages[step - 1]
        status = "won" if order else ("open", "open", "lost", "abandoned")[int(r() * 4)]
        owner, department = self._owner(customer)
        name = self.world.companies.trade_names[self.facts.trade[customer]]
        word = words.OPPORTUNITY_WORDS[int(r() * len(words.OPPORTUNITY_WORDS))]
        self._append("opportunities", (
            self._id("opportunities", customer), f.stamp(-200, 36_000), f.stamp(-10, 36_000),
            f"{name}{word}", self.world.customer_id(customer), contact, stage_id,
            f.money(100 * (20_000 + int(r() * 480_000))), 100 if status == "won" else probability,
            f.day(int(r() * 120) - 30), status, "预算削减" if status == "lost" else None,
            None, quotation, order, owner, department,
        ))  # fmt: skip
        if status == "open" or self.showcase:
            self._task(customer, contact, "direct", None, self._id("opportunities", customer))

    def _task(self, customer: int, contact: int, source: str, origin: int | None,
              opportunity: int | None = None) -> None:  # fmt: skip
        r, f = self.rnd.random, self.f
        task_id = self.base["tasks"] + customer * TASKS_PER_CUSTOMER + TASK_SLOTS[source] + 1
        kind, title = words.TASK_TITLES[int(r() * len(words.TASK_TITLES))]
        created = -int(r() * 120) - 1
        status = ("new", "accepted", "in_progress", "done", "done", "cancelled")[int(r() * 6)]
        started = created + 1 if status in ("in_progress", "done") else None
        done = status == "done"
        owner, department = self._owner(customer)
        self._append("tasks", (
            task_id, f.stamp(created, 33_000), f.stamp(min(created + 3, 0), 33_000), title,
            f"{title}（{self.world.companies.trade_names[self.facts.trade[customer]]}）", kind,
            ("low", "normal", "normal", "high", "urgent")[int(r() * 5)], status, source,
            origin if source == "campaign" else None, origin if source == "complaint" else None,
            self.world.customer_id(customer), contact, opportunity,
            self.world.staff[0].id if source != "direct" else owner,
            f.stamp(created + 7, 64_800), None if started is None else f.stamp(started, 33_000),
            f.stamp(started + 2, 60_000) if done and started is not None else None,
            100 if done else (50 if started is not None else 0), owner, department,
        ))  # fmt: skip
