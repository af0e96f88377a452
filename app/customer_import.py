"""Importing customers and their contacts from .xlsx or CSV (SPEC §3.11, issue 5 item 10).

Two steps, each given the caller's session (one transaction per user action):

- `plan_import` reads the file, checks every row and finds duplicates (撞单), writing
  nothing: the wizard's preview, the error report and the counts come from the plan.
- `write_import` writes the plan's good rows with bulk statements; with `recheck` it finds
  duplicates again first (the preview's session has ended, others may have saved since).

`plan_and_write` does both in one session (the wizard's last step, the command line's
`import_customers`); on PostgreSQL it writes the new customers a batch at a time while it
reads and checks the rest of the file (unless duplicates update: a later row may still
change an earlier new customer). Rejected rows are left out and reported; the rest goes in
one transaction, so a crash or a Cancel leaves nothing.

Duplicates, by `ImportOptions.on_duplicate`, checked against the database (all rows, also
those the user may not see) and against earlier rows of the same file:
- "skip" (default): the row is not written and is counted as a duplicate.
- "update": the one customer it matches gets the row's non-empty cells (empty cells change
  nothing; an existing credit code is never changed) and its contacts, but for those whose
  name the customer has already. A row matching several customers is rejected; one matching
  a customer the user may not see or edit is a duplicate. A later row of the file matching
  an earlier one updates what the earlier one created or updated.
- "insert": written as a new customer anyway, except when its credit code is taken: the
  hard rule, a credit code is never inserted twice; such a row is rejected.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import export
from app.access import CurrentUser
from app.customer_duplicates import (
    RULES,
    CandidateKeys,
    DuplicateMatch,
    email_keys,
    find_duplicates_by_keys,
    phone_keys,
)
from app.customer_import_fields import FIELD_BY_KEY, Mapping, auto_mapping
from app.customer_import_rows import (
    CONTACT_COLUMNS,
    CUSTOMER_COLUMNS,
    Lookups,
    PreparedRow,
    RowChecker,
    RowIssue,
)
from app.customer_import_write import (
    BackgroundWriter,
    Cancelled,
    CustomerUpdate,
    ImportCancelledError,
    NewCustomer,
    Owner,
    Progress,
    Writer,
    Written,
    existing_customers,
)
from app.errors import NotFoundError, PermissionDeniedError, ValidationError
from app.fields import credit_code_text
from app.import_files import PathLike, SourceRow, open_table
from db.models.customers import Customer
from db.models.org import Employee, User

__all__ = [
    "DuplicateRow",
    "ImportCancelledError",
    "ImportOptions",
    "ImportPlan",
    "ImportResult",
    "Mapping",
    "Owner",
    "RowIssue",
    "auto_mapping",
    "import_customers",
    "plan_import",
    "resolve_owner",
    "write_error_report",
    "write_import",
]

OnDuplicate = Literal["skip", "update", "insert"]
ON_DUPLICATE: tuple[OnDuplicate, ...] = ("skip", "update", "insert")
DEFAULT_TYPE = "prospect"
CHECK_BATCH = 1_000  # rows read between progress reports and Cancel checks
RESOLVE_BATCH = 5_000  # rows checked against the database at once
_C = {column: index for index, column in enumerate(CUSTOMER_COLUMNS)}
_NAME = CONTACT_COLUMNS.index("name")


@dataclass(frozen=True)
class ImportOptions:
    on_duplicate: OnDuplicate = "skip"
    owner: Owner | None = None  # None: the importing user's own employee
    default_type: str = DEFAULT_TYPE  # customer type code for rows that name none


@dataclass(frozen=True)
class DuplicateRow:
    """A row that repeats a customer: its matches in the database, or the earlier line of
    the file it repeats, and what became of it ("skipped", "updated" or "rejected")."""

    line: int
    rule: str
    matches: tuple[DuplicateMatch, ...]
    earlier_line: int | None
    outcome: str


@dataclass
class ImportPlan:
    """What an import will do, found without writing anything."""

    headers: list[str]
    mapping: Mapping
    options: ImportOptions
    owner: Owner
    read: int = 0
    rows: list[PreparedRow] = field(default_factory=list)
    issues: list[RowIssue] = field(default_factory=list)
    rejected_lines: set[int] = field(default_factory=set)
    # Lines rejected by the duplicate rules, decided again by a recheck.
    duplicate_rejections: set[int] = field(default_factory=set)
    new: list[NewCustomer] = field(default_factory=list)
    updates: list[CustomerUpdate] = field(default_factory=list)
    duplicates: list[DuplicateRow] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        return len(self.rejected_lines)

    @property
    def updated(self) -> int:
        return sum(len(u.lines) for u in self.updates) + sum(len(n.lines) - 1 for n in self.new)


@dataclass(frozen=True)
class ImportResult:
    """What an import did. read = created + updated + duplicates + rejected."""

    read: int
    created: int
    updated: int
    duplicates: int
    rejected: int
    contacts_created: int
    errors: tuple[RowIssue, ...]
    duplicate_rows: tuple[DuplicateRow, ...]
    customer_ids: tuple[int, ...]

    def as_json(self, language: str) -> dict[str, Any]:
        return {
            "read": self.read,
            "created": self.created,
            "updated": self.updated,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
            "contacts_created": self.contacts_created,
            "errors": [
                {
                    "line": issue.line,
                    "field": issue.field,
                    "column": issue.column,
                    "reason": issue.code,
                    "message": issue.message(language),
                }
                for issue in self.errors
            ],
        }


# The owner.
def resolve_owner(session: Session, user: CurrentUser, username: str | None = None) -> Owner:
    """The employee new customers belong to: the user's own, or `username`'s if the user's
    data permission on customers reaches that employee's department (all, or their
    department or its tree); anyone else is refused, as the database would refuse it."""
    statement = select(Employee.id, Employee.department_id, Employee.name)
    if username is None:
        statement = statement.where(Employee.id == user.employee_id)
    else:
        statement = statement.join(User, User.employee_id == Employee.id).where(
            User.username == username, User.deleted_at.is_(None)
        )
    found = session.execute(statement).one_or_none()
    if found is None:
        raise NotFoundError("user_not_found", name=username)
    owner = Owner(found.id, found.department_id, found.name)
    allowed = (
        owner.employee_id == user.employee_id
        or user.scope("customers") == "all"
        or owner.department_id in user.visible_departments.get("customers", frozenset())
    )
    if not allowed:
        raise PermissionDeniedError("owner_not_allowed", name=owner.name)
    return owner


# Planning.
def plan_import(
    session: Session,
    user: CurrentUser,
    path: PathLike,
    mapping: Mapping | None = None,
    options: ImportOptions | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportPlan:
    """Read and check the whole file and find its duplicates; writes nothing."""
    return _plan(session, user, path, mapping, options, progress, cancelled, None)


def _plan(
    session: Session,
    user: CurrentUser,
    path: PathLike,
    mapping: Mapping | None,
    options: ImportOptions | None,
    progress: Progress | None,
    cancelled: Cancelled | None,
    writer: BackgroundWriter | None,
) -> ImportPlan:
    """`plan_import`, each batch of rows resolved as soon as it is read; with a `writer`,
    its new customers handed to it (their duplicate check leaves out what it wrote)."""
    user.require("customers", "create")
    options = options or ImportOptions()
    owner = options.owner or resolve_owner(session, user)
    with open_table(path) as (_format, headers, rows):
        mapping = auto_mapping(headers) if mapping is None else mapping.for_headers(headers)
        if "name" not in mapping.columns.values():
            raise ValidationError("name_not_mapped", field="mapping")
        plan = ImportPlan(headers, mapping, options, owner)
        total = _estimated_rows(path)
        checker = RowChecker(mapping, Lookups(session))
        resolver = _Resolver(session, user, plan, writer)
        for row in _checked(rows, cancelled):
            plan.read += 1
            _add_row(plan, checker.check(row), row)
            if len(plan.rows) - resolver.resolved == RESOLVE_BATCH:
                new = resolver.resolve(len(plan.rows))
                if writer is not None:
                    writer.put(new)
            if progress is not None and plan.read % CHECK_BATCH == 0:
                progress(plan.read, max(total, plan.read))
    new = resolver.resolve(len(plan.rows))
    if writer is not None:
        writer.put(new)
    resolver.finish()
    if progress is not None:
        progress(plan.read, plan.read)
    return plan


def _estimated_rows(path: PathLike) -> int:
    """About how many rows a file has, for progress only: its size over 100 bytes a row."""
    return max(1, os.path.getsize(path) // 100)


def _checked(rows: Iterator[SourceRow], cancelled: Cancelled | None) -> Iterator[SourceRow]:
    for number, row in enumerate(rows):
        if cancelled is not None and number % CHECK_BATCH == 0 and cancelled():
            raise ImportCancelledError()
        yield row


def _add_row(plan: ImportPlan, checked: PreparedRow | list[RowIssue], row: SourceRow) -> None:
    if isinstance(checked, PreparedRow):
        plan.rows.append(checked)
    else:
        plan.issues.extend(checked)
        plan.rejected_lines.add(row.line)


# Duplicates.
_MOBILE_KEY = re.compile(r"1[3-9]\d{9}")
_LANDLINE_KEY = re.compile(r"(?:010|02\d|0[3-9]\d\d)-[1-9]\d{6,7}")
_PHONE_COLUMNS = (CONTACT_COLUMNS.index("mobile"), CONTACT_COLUMNS.index("phone"))
_EMAIL_COLUMN = CONTACT_COLUMNS.index("email")


def _phone_keys(value: str) -> Collection[str]:
    """`phone_keys` of a parsed number: a mobile, or a landline without an extension, as
    the field parsers write them is its own key (the common case, not parsed again)."""
    if _MOBILE_KEY.fullmatch(value) or _LANDLINE_KEY.fullmatch(value):
        return (value,)
    return phone_keys(value)


def _email_keys(value: str) -> Collection[str]:
    """`email_keys` of a parsed address: one in ASCII lower case is its own key."""
    if value.isascii() and value.islower() and value == value.strip() and "@" in value:
        return (value,)
    return email_keys(value)


def _row_keys(row: PreparedRow) -> CandidateKeys:
    """The row's `candidate_keys`: its company's and its contacts' numbers and addresses,
    and its stored name key (the same `customer_name_key`)."""
    values = row.customer
    phones = [values[_C["phone"]]] + [
        contact[column] for contact in row.contacts for column in _PHONE_COLUMNS
    ]
    emails = [values[_C["email"]]] + [contact[_EMAIL_COLUMN] for contact in row.contacts]
    code = values[_C["credit_code"]]
    return CandidateKeys(
        credit_code=(credit_code_text(code) or None) if code else None,
        name_key=values[_C["name_key"]],
        phones=frozenset(key for phone in phones if phone for key in _phone_keys(phone)),
        emails=frozenset(key for email in emails if email for key in _email_keys(email)),
    )


def _file_keys(keys: CandidateKeys) -> list[tuple[str, str]]:
    """The keys by which a later row of the file repeats this one, as the duplicate check
    compares them, credit code first."""
    found = [("credit_code", keys.credit_code)] if keys.credit_code else []
    if keys.name_key:
        found.append(("name", keys.name_key))
    found += [("phone", phone) for phone in sorted(keys.phones)]
    found += [("email", email) for email in sorted(keys.emails)]
    return found


# Where each good row goes: a new customer (its index in plan.new), an existing customer
# (its id, as ("id", n)), or nowhere ("skipped", "rejected").
Target = tuple[str, int]


def _resolve(
    session: Session, user: CurrentUser, plan: ImportPlan, cancelled: Cancelled | None
) -> None:
    """Decide every good row's fate by the duplicate policy; fills new/updates/duplicates."""
    resolver = _Resolver(session, user, plan)
    while resolver.resolved < len(plan.rows):
        if cancelled is not None and cancelled():
            raise ImportCancelledError()
        resolver.resolve(min(resolver.resolved + RESOLVE_BATCH, len(plan.rows)))
    resolver.finish()


class _Resolver:
    """Decides the plan's good rows' fates in file order, a batch at a time: checked against
    the database one statement per rule and batch, against the file's earlier rows by their
    keys. With a `writer` writing the new customers while the file is still read, matches
    with what it wrote are left out: the file's earlier rows are compared by their keys."""

    def __init__(
        self,
        session: Session,
        user: CurrentUser,
        plan: ImportPlan,
        writer: BackgroundWriter | None = None,
    ) -> None:
        self.session, self.user, self.plan, self.writer = session, user, plan, writer
        plan.new, plan.updates, plan.duplicates = [], [], []
        again = plan.duplicate_rejections
        plan.issues = [issue for issue in plan.issues if issue.line not in again]
        plan.rejected_lines -= again
        plan.duplicate_rejections = set()
        self.policy = plan.options.on_duplicate
        self.editable = user.may("customers", "edit")
        # Acting with full rights (the command line as a superuser), every match may be
        # updated though the database's check, asked by no MediaCRM user, names none.
        self.sees_all = user.may("customers", "view") and user.scope("customers") == "all"
        # Each key of the rows seen so far, by rule → the position of its first row.
        self.earlier: dict[str, dict[str, int]] = {rule: {} for rule in RULES}
        self.targets: list[Target] = []
        self.updates: dict[int, CustomerUpdate] = {}
        self.resolved = 0  # rows of plan.rows decided so far

    def resolve(self, end: int) -> list[NewCustomer]:
        """Decide the rows up to `end`; the new customers they add."""
        plan, start = self.plan, self.resolved
        first_new = len(plan.new)
        rows = plan.rows[start:end]
        keys = [_row_keys(row) for row in rows]
        if self.writer is not None:
            self.writer.wait_until_counted()
        matches = find_duplicates_by_keys(self.session, self.user, keys)
        written = self.writer.ids if self.writer is not None else ()
        earlier = self.earlier
        for position, (row, row_keys, found) in enumerate(
            zip(rows, keys, matches, strict=True), start
        ):
            if written:
                found = [match for match in found if match.customer_id not in written]
            file_keys = _file_keys(row_keys)
            repeated = [
                (rule, earlier[rule][key]) for rule, key in file_keys if key in earlier[rule]
            ]
            for rule, key in file_keys:
                earlier[rule].setdefault(key, position)
            target = _target(
                plan, row, found, repeated, self.targets, self.policy, self.editable, self.sees_all
            )
            self.targets.append(target)
            _place(plan, self.updates, row, target)
        self.resolved = end
        return plan.new[first_new:]

    def finish(self) -> None:
        _check_updates(self.session, self.plan, self.updates)


def _place(
    plan: ImportPlan, updates: dict[int, CustomerUpdate], row: PreparedRow, target: Target
) -> None:
    """Put the row where its target says: a new customer, merged into one, or an update."""
    if target[0] == "new" and target[1] == len(plan.new):
        plan.new.append(NewCustomer(row, [row.line]))
    elif target[0] == "new":
        _merge_into_new(plan.new[target[1]], row)
    elif target[0] == "id":
        updates.setdefault(target[1], CustomerUpdate(target[1], {}, [])).lines.append(row.line)
        _merge_into_update(updates[target[1]], row)


def _target(
    plan: ImportPlan,
    row: PreparedRow,
    found: list[DuplicateMatch],
    repeated: list[tuple[str, int]],
    targets: list[Target],
    policy: OnDuplicate,
    editable: bool,
    sees_all: bool = False,
) -> Target:
    if not found and not repeated:
        return ("new", len(plan.new))
    by_code = [m for m in found if m.rule == "credit_code"]
    code_repeated = [position for rule, position in repeated if rule == "credit_code"]
    if policy == "insert":
        if by_code or code_repeated:
            return _duplicate(plan, row, found, repeated, "duplicate_credit_code")
        return ("new", len(plan.new))
    if policy == "skip":
        return _duplicate(plan, row, found, repeated)
    # Update. A matching credit code decides alone.
    deciding = by_code if by_code or code_repeated else found
    positions = code_repeated if by_code or code_repeated else [p for _, p in repeated]
    choices = {("id", m.customer_id) for m in deciding} | {targets[p] for p in positions}
    if len(choices) > 1:
        return _duplicate(plan, row, found, repeated, "ambiguous_duplicate")
    (choice,) = choices
    hidden = any((m.customer_name is None and not sees_all) or m.in_recycle_bin for m in deciding)
    if choice[0] in ("skipped", "rejected") or hidden or not editable:
        return _duplicate(plan, row, found, repeated)
    plan.duplicates.append(_duplicate_row(plan, row, found, repeated, "updated"))
    return choice


def _duplicate_row(
    plan: ImportPlan,
    row: PreparedRow,
    found: list[DuplicateMatch],
    repeated: list[tuple[str, int]],
    outcome: str,
) -> DuplicateRow:
    rule = found[0].rule if found else repeated[0][0]
    earlier_line = plan.rows[repeated[0][1]].line if repeated else None
    return DuplicateRow(row.line, rule, tuple(found), earlier_line, outcome)


def _duplicate(
    plan: ImportPlan,
    row: PreparedRow,
    found: list[DuplicateMatch],
    repeated: list[tuple[str, int]],
    rejection: str | None = None,
) -> Target:
    """The row is skipped, or rejected with the code `rejection`."""
    if rejection is None:
        plan.duplicates.append(_duplicate_row(plan, row, found, repeated, "skipped"))
        return ("skipped", 0)
    plan.duplicates.append(_duplicate_row(plan, row, found, repeated, "rejected"))
    key = "credit_code" if rejection == "duplicate_credit_code" else "name"
    _reject(plan, row.line, key, rejection)
    return ("rejected", 0)


def _reject(plan: ImportPlan, line: int, field_key: str, code: str) -> None:
    column = next(
        (plan.headers[i] for i, key in plan.mapping.columns.items() if key == field_key), ""
    )
    plan.issues.append(RowIssue(line, field_key, column, code, {}))
    plan.rejected_lines.add(line)
    plan.duplicate_rejections.add(line)


def _given(row: PreparedRow) -> dict[str, Any]:
    table = Customer.__table__
    return {
        c: v
        for c, v in zip(CUSTOMER_COLUMNS, row.customer, strict=True)
        if v is not None and c in table.c
    }


def _merge_into_new(target: NewCustomer, row: PreparedRow) -> None:
    if len(target.lines) == 1:  # the first merge: a copy, the plan's rows stay as read
        first = target.row
        target.row = PreparedRow(
            first.line, list(first.customer), [list(c) for c in first.contacts], first.mnemonic
        )
    for index, value in enumerate(row.customer):
        if value is not None:
            target.row.customer[index] = value
    names = {c[_NAME] for c in target.row.contacts}
    target.row.contacts += [c for c in row.contacts if c[_NAME] not in names]
    target.lines.append(row.line)


def _merge_into_update(target: CustomerUpdate, row: PreparedRow) -> None:
    target.values.update(_given(row))
    names = {c[_NAME] for c in target.contacts}
    target.contacts += [c for c in row.contacts if c[_NAME] not in names]


def _check_updates(session: Session, plan: ImportPlan, updates: dict[int, CustomerUpdate]) -> None:
    """Leave out contacts the customers have already; refuse to change a credit code."""
    existing = existing_customers(session, list(updates))
    for customer_id, item in updates.items():
        code, names = existing.get(customer_id, (None, set()))
        given = item.values.get("credit_code")
        if code is not None and given is not None and given != code:
            for line in item.lines:
                _reject(plan, line, "credit_code", "credit_code_conflict")
            plan.duplicates = [d for d in plan.duplicates if d.line not in item.lines]
            continue
        item.contacts = [c for c in item.contacts if c[_NAME] not in names]
        plan.updates.append(item)


# Writing.
def write_import(
    session: Session,
    user: CurrentUser,
    plan: ImportPlan,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    *,
    recheck: bool = True,
) -> ImportResult:
    """Write the plan's new customers, contacts and updates in the session's transaction."""
    user.require("customers", "create")
    if recheck:
        _resolve(session, user, plan, cancelled)
    writer = _writer(session, user, plan.owner, plan.options, progress, cancelled)
    return _result(plan, writer.write(plan.new, plan.updates))


def plan_and_write(
    session: Session,
    user: CurrentUser,
    path: PathLike,
    mapping: Mapping | None = None,
    options: ImportOptions | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    write_progress: Progress | None = None,
) -> tuple[ImportPlan, ImportResult]:
    """Plan and write in one session. On PostgreSQL the new customers are written while the
    file is read, when nothing later in the file can change them (unless duplicates update);
    `write_progress` (else `progress`) tells the writing of what is written after reading."""
    user.require("customers", "create")
    options = options or ImportOptions()
    streamed = session.get_bind().dialect.name == "postgresql" and options.on_duplicate != "update"
    if not streamed:
        plan = _plan(session, user, path, mapping, options, progress, cancelled, None)
        result = write_import(
            session, user, plan, write_progress or progress, cancelled, recheck=False
        )
        return plan, result
    owner = options.owner or resolve_owner(session, user)
    options = replace(options, owner=owner)
    with BackgroundWriter(_writer(session, user, owner, options)) as writer:
        plan = _plan(session, user, path, mapping, options, progress, cancelled, writer)
        written = writer.finish(write_progress or progress, cancelled)
    if write_progress is not None:
        write_progress(1, 1)
    return plan, _result(plan, written)


def import_customers(
    session: Session,
    user: CurrentUser,
    path: PathLike,
    mapping: Mapping | None = None,
    options: ImportOptions | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportResult:
    """Plan and write in one session: the command line's import."""
    return plan_and_write(session, user, path, mapping, options, progress, cancelled)[1]


def _writer(
    session: Session,
    user: CurrentUser,
    owner: Owner,
    options: ImportOptions,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Writer:
    default_type = Lookups(session).type_ids.get(options.default_type)
    if default_type is None:
        raise ValidationError("unknown_option", field="customer_type", text=options.default_type)
    return Writer(session, user.user_id, owner, default_type, progress, cancelled)


def _result(plan: ImportPlan, written: Written) -> ImportResult:
    skipped = sum(1 for d in plan.duplicates if d.outcome == "skipped")
    return ImportResult(
        read=plan.read,
        created=len(plan.new),
        updated=plan.updated,
        duplicates=skipped,
        rejected=plan.rejected,
        contacts_created=written.contacts,
        errors=tuple(sorted(plan.issues, key=lambda issue: issue.line)),
        duplicate_rows=tuple(plan.duplicates),
        customer_ids=written.customer_ids,
    )


# The error report.
def write_error_report(path: PathLike, source: PathLike, plan: ImportPlan, language: str) -> int:
    """A CSV of the rejected rows as the file had them, with their line and the reasons
    in `language` in front; returns the number of rows."""
    lines = plan.rejected_lines
    by_line: dict[int, list[str]] = {}
    for issue in plan.issues:
        label = (
            FIELD_BY_KEY[issue.field].label(language)
            if issue.field in FIELD_BY_KEY
            else issue.field
        )
        by_line.setdefault(issue.line, []).append(f"{label}: {issue.message(language)}")
    english = language.startswith("en")
    headers = ["Line" if english else "行号", "Errors" if english else "错误", *plan.headers]

    def rows() -> Iterator[Sequence[Any]]:
        with open_table(source) as (_format, _headers, source_rows):
            for row in source_rows:
                if row.line in lines:
                    yield [row.line, "；".join(by_line.get(row.line, [])), *row.cells]

    return export.write_csv(path, headers, rows())
