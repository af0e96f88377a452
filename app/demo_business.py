"""Demo advertising business of one customer: quotations, orders with their lines,
execution plans, executions and payments (SPEC §3.6).

Totals are the sums of their lines and `paid_amount` the sum of the payments, in integer
fen, so nothing is rounded twice. Ids come from fixed slots per customer (gaps allowed):
a chunk needs nothing from the chunks before it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from app.demo_master import RECORD, World
from app.demo_media import Product
from app.demo_sink import Row

MAX_ORDERS = 2  # per customer
MAX_LINES = 3  # per order or quotation
MAX_PAYMENTS = 2  # per order
DISCOUNTS = (0, 0, 0, 5, 10, 15, 20, 30)  # per cent
ORDER_STATUSES = (
    ["completed"] * 10 + ["in_progress"] * 5 + ["confirmed"] * 2 + ["draft", "cancelled"]
)
PAYMENT_METHODS = ("bank_transfer",) * 6 + ("cheque", "alipay", "wechat_pay", "cash")
LINE_COLUMNS = (
    "ad_product_id", "ad_service_id", "publication_issue_id", "start_date", "end_date",
    "description", "quantity", "unit_price", "discount_pct", "amount",
)  # fmt: skip
QUOTATION_COLUMNS = (
    *RECORD, "quote_no", "customer_id", "contact_id", "quote_date", "valid_until", "status",
    "subtotal", "discount_amount", "total", "owner_id", "department_id",
)  # fmt: skip
ORDER_COLUMNS = (
    *RECORD, "order_no", "customer_id", "contact_id", "quotation_id", "order_date", "status",
    "total_amount", "paid_amount", "contract_no", "signed_on", "payment_terms", "owner_id",
    "department_id",
)  # fmt: skip
ORDER_LINE_COLUMNS = (*RECORD, "order_id", "line_no", *LINE_COLUMNS, "impressions", "insertions")
QUOTATION_LINE_COLUMNS = (*RECORD, "quotation_id", "line_no", *LINE_COLUMNS)
PLAN_COLUMNS = (
    *RECORD, "order_line_id", "planned_date", "publication_issue_id", "description",
    "material_due_on", "material_received", "status", "employee_id",
)  # fmt: skip
EXECUTION_COLUMNS = (
    *RECORD, "execution_plan_id", "order_line_id", "executed_on", "publication_issue_id",
    "page_no", "impressions_delivered", "clicks", "proof", "employee_id", "status",
)  # fmt: skip
PAYMENT_COLUMNS = (
    *RECORD, "order_id", "customer_id", "received_on", "amount", "method", "reference_no",
    "invoice_no", "invoice_date", "received_by_id", "owner_id", "department_id",
)  # fmt: skip


@dataclass
class Line:
    """A priced line, before it becomes a quotation or order line row."""

    product: Product | None
    service: tuple[int, int, str] | None  # (id, price, name)
    issue: tuple[int, int] | None  # (issue id, publish day)
    start: int | None
    end: int | None
    quantity: int
    unit_price: int
    discount: int
    amount: int = field(init=False)

    def __post_init__(self) -> None:
        self.amount = (self.quantity * self.unit_price * (100 - self.discount) + 50) // 100


@dataclass
class BusinessRows:
    """The rows of one chunk, table by table."""

    quotations: list[Row] = field(default_factory=list)
    quotation_lines: list[Row] = field(default_factory=list)
    orders: list[Row] = field(default_factory=list)
    order_lines: list[Row] = field(default_factory=list)
    plans: list[Row] = field(default_factory=list)
    executions: list[Row] = field(default_factory=list)
    payments: list[Row] = field(default_factory=list)

    def batches(self) -> list[tuple[str, tuple[str, ...], list[Row]]]:
        return [
            ("quotations", QUOTATION_COLUMNS, self.quotations),
            ("quotation_lines", QUOTATION_LINE_COLUMNS, self.quotation_lines),
            ("ad_orders", ORDER_COLUMNS, self.orders),
            ("ad_order_lines", ORDER_LINE_COLUMNS, self.order_lines),
            ("execution_plans", PLAN_COLUMNS, self.plans),
            ("executions", EXECUTION_COLUMNS, self.executions),
            ("payments", PAYMENT_COLUMNS, self.payments),
        ]


class BusinessMaker:
    """Quotations and orders of the customers of one chunk."""

    def __init__(self, world: World, rnd: random.Random, rows: BusinessRows) -> None:
        self.world, self.rnd, self.rows, self.f = world, rnd, rows, world.formats
        self.products: list[Product] = world.media["products"]
        self.services: list[tuple[int, int, str]] = world.media["services"]
        self.issues = [publication.issues for publication in world.media["publications"]]
        self.base = world.id_base

    def quotation(self, customer: int, contact: int, day: int) -> int:
        """A quotation to the customer on `day`; returns its id."""
        f, r = self.f, self.rnd.random
        quotation_id = self.base["quotations"] + customer + 1
        lines = self._lines(day, 1 + int(r() * MAX_LINES))
        subtotal = sum(line.amount for line in lines)
        discount = subtotal // 20 if r() < 0.3 else 0
        status = "accepted" if day < -30 else ("sent", "draft", "rejected")[int(r() * 3)]
        owner, department = self._owner(customer)
        self.rows.quotations.append((
            quotation_id, f.stamp(day, 36_000), f.stamp(min(day + 3, 0), 36_000),
            f"Q{quotation_id:09d}", self.world.customer_id(customer), contact, f.day(day),
            f.day(day + 30), status, f.money(subtotal), f.money(discount),
            f.money(subtotal - discount), owner, department,
        ))  # fmt: skip
        for number, line in enumerate(lines, 1):
            line_id = self.base["quotation_lines"] + customer * MAX_LINES + number
            self.rows.quotation_lines.append(
                (
                    line_id,
                    f.stamp(day, 36_000),
                    f.stamp(day, 36_000),
                    quotation_id,
                    number,
                    *self._line_values(line),
                )
            )
        return quotation_id

    def order(self, customer: int, slot: int, contact: int, day: int, quotation: int | None,
              completed: bool = False) -> None:  # fmt: skip
        """An order of the customer, with lines, plans, executions and payments."""
        f, r = self.f, self.rnd.random
        order_slot = customer * MAX_ORDERS + slot
        order_id = self.base["ad_orders"] + order_slot + 1
        status = ORDER_STATUSES[int(r() * len(ORDER_STATUSES))] if day < -20 else "confirmed"
        status = "completed" if completed else status
        lines = self._lines(day, 1 + int(r() * MAX_LINES))
        total = sum(line.amount for line in lines)
        paid = self._payments(customer, order_id, order_slot, day, status, total)
        owner, department = self._owner(customer)
        signed = status != "draft"
        self.rows.orders.append((
            order_id, f.stamp(day, 36_000), f.stamp(min(day + 5, 0), 36_000),
            f"AD{order_id:09d}", self.world.customer_id(customer), contact, quotation, f.day(day),
            status, f.money(total), f.money(paid), f"HT{order_id:09d}" if signed else None,
            f.day(day) if signed else None, "签约后30日内付清" if signed else None, owner,
            department,
        ))  # fmt: skip
        for number, line in enumerate(lines, 1):
            self._order_line(order_id, order_slot * MAX_LINES + number, number, line, status, day)

    def _owner(self, customer: int) -> tuple[int, int]:
        staff_index = self.world.owner_of(customer)
        return self.world.staff[staff_index].id, self.world.staff_department_id(staff_index)

    def _lines(self, day: int, count: int) -> list[Line]:
        return [self._line(day) for _ in range(count)]

    def _line(self, day: int) -> Line:
        r = self.rnd.random
        discount = DISCOUNTS[int(r() * len(DISCOUNTS))]
        if r() < 0.06:
            service = self.services[int(r() * len(self.services))]
            return Line(None, service, None, None, None, 1 + int(r() * 2), service[1], discount)
        product = self.products[int(r() * len(self.products))]
        if product.medium == "print":
            issue = self._issue_after(product.publication, day + 10)
            return Line(product, None, issue, issue[1], issue[1], 1, product.price, discount)
        start = day + 7 + int(r() * 30)
        if product.pricing == "cpm":
            thousands = 100 * (1 + int(r() * 20))
            return Line(product, None, None, start, start + 29, thousands, product.price, discount)
        days = 7 * (1 + int(r() * 4))
        return Line(product, None, None, start, start + days - 1, days, product.price, discount)

    def _issue_after(self, publication: int, day: int) -> tuple[int, int]:
        for issue in self.issues[publication]:
            if issue[1] >= day:
                return issue
        return self.issues[publication][-1]

    def _line_values(self, line: Line) -> tuple:
        f = self.f
        name = line.product.name if line.product else line.service[2]  # type: ignore[index]
        return (
            line.product.id if line.product else None, line.service[0] if line.service else None,
            line.issue[0] if line.issue else None,
            None if line.start is None else f.day(line.start),
            None if line.end is None else f.day(line.end), name, f.money(100 * line.quantity),
            f.money(line.unit_price), f.money(100 * line.discount), f.money(line.amount),
        )  # fmt: skip

    def _order_line(self, order_id: int, slot: int, number: int, line: Line, status: str,
                    day: int) -> None:  # fmt: skip
        f = self.f
        line_id = self.base["ad_order_lines"] + slot
        cpm = line.product is not None and line.product.pricing == "cpm"
        print_ad = line.product is not None and line.product.medium == "print"
        self.rows.order_lines.append((
            line_id, f.stamp(day, 36_000), f.stamp(day, 36_000), order_id, number,
            *self._line_values(line), 1000 * line.quantity if cpm else None,
            line.quantity if print_ad else None,
        ))  # fmt: skip
        if status in ("confirmed", "in_progress", "completed") and line.product is not None:
            self._plan(line_id, slot, line, status, day)

    def _plan(self, line_id: int, slot: int, line: Line, status: str, day: int) -> None:
        f, r = self.f, self.rnd.random
        plan_id = self.base["execution_plans"] + slot
        planned = line.start if line.start is not None else day + 10
        done = planned < 0 and status in ("in_progress", "completed")
        plan_status = "done" if done else ("ready" if planned < 15 else "planned")
        staff = self.world.staff[self.world.sales_staff[slot % len(self.world.sales_staff)]].id
        issue = line.issue[0] if line.issue else None
        self.rows.plans.append((
            plan_id, f.stamp(day + 1, 36_000), f.stamp(min(planned, 0), 36_000), line_id,
            f.day(planned), issue, line.product.name if line.product else None,
            f.day(planned - 7), done or r() < 0.5, plan_status, staff,
        ))  # fmt: skip
        if done:
            online = line.issue is None
            delivered = 1000 * line.quantity if online else None
            self.rows.executions.append((
                self.base["executions"] + slot, f.stamp(planned, 61_200),
                f.stamp(planned, 61_200), plan_id, line_id, f.day(planned), issue,
                None if online else 2 + int(r() * 90), delivered,
                None if delivered is None else delivered // (80 + int(r() * 200)),
                "截图存档" if online else "样刊存档", staff, "done" if r() < 0.96 else "partial",
            ))  # fmt: skip

    def _payments(self, customer: int, order_id: int, slot: int, day: int, status: str,
                  total: int) -> int:  # fmt: skip
        """Payments of an order; returns their sum, the order's paid amount."""
        r = self.rnd.random
        if status == "completed" or (status == "in_progress" and r() < 0.5):
            amounts = [total] if r() < 0.6 or total < 200 else [total // 2, total - total // 2]
        elif status in ("confirmed", "in_progress") and total >= 1000 and r() < 0.4:
            amounts = [total * 3 // 10]
        else:
            amounts = []
        owner, department = self._owner(customer)
        for number, amount in enumerate(amounts):
            received = min(day + 10 + 20 * number + int(r() * 20), -1)
            payment_id = self.base["payments"] + slot * MAX_PAYMENTS + number + 1
            self.rows.payments.append(self._payment_row(payment_id, order_id, customer, received,
                                                        amount, owner, department))  # fmt: skip
        return sum(amounts)

    def _payment_row(self, payment_id: int, order_id: int, customer: int, received: int,
                     amount: int, owner: int, department: int) -> Row:  # fmt: skip
        f, r = self.f, self.rnd.random
        return (
            payment_id, f.stamp(received, 54_000), f.stamp(received, 54_000), order_id,
            self.world.customer_id(customer), f.day(received), f.money(amount),
            PAYMENT_METHODS[int(r() * len(PAYMENT_METHODS))], f"LS{payment_id:012d}",
            f"{33_000_000 + payment_id % 10_000_000:08d}", f.day(received), owner, owner,
            department,
        )  # fmt: skip
