"""The customer library (客户库, SPEC §3.4): enterprise customers and, under them, their
contacts, as record kinds of app/records.py, with their rules; saving a customer with the
duplicate check (撞单, app/customer_duplicates.py); and the blacklist rules for the services
that give customers orders, quotations or mail.

Saving a new customer: `create_customer(..., accept_warnings=False)` either saves it or,
when it looks like an existing customer (same name, phone or e-mail), saves nothing and
returns `DuplicateWarnings`; the user may insist, and the same call with
`accept_warnings=True` saves. The same credit code is never saved twice: ValidationError
`credit_code_taken` at the field, naming the other customer's owner.

A customer is blacklisted when its type is 黑名单 (code `blacklist`), with a reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from app import ownership, records
from app.access import CurrentUser, visible_rows
from app.customer_duplicates import (
    CustomerCandidate,
    DuplicateMatch,
    candidate_keys,
    email_keys,
    find_duplicates,
    phone_keys,
)
from app.errors import NotFoundError, PermissionDeniedError, ValidationError
from app.fields import Choice, FieldSpec, Kind, mnemonic_of_initials
from app.listing import escape_like
from app.records import LookupSource, RecordKind, RecordValues, Values
from app.reference_records import bilingual_name, plain_name
from db.blacklist import BLACKLIST_TYPE_CODE
from db.models.customers import RATINGS, Contact, Customer
from db.models.lookups import (
    City,
    Country,
    CustomerSource,
    CustomerType,
    FormOfAddress,
    Industry,
    Position,
    Region,
)
from db.models.org import Department, Employee

__all__ = [
    "CONTACTS",
    "CUSTOMERS",
    "CreatedCustomer",
    "DuplicateWarnings",
    "SavedCustomer",
    "blacklisted_ids",
    "candidate_of",
    "create_customer",
    "is_blacklisted",
    "mnemonic_of",
    "not_blacklisted",
    "require_not_blacklisted",
    "require_visible_customer",
    "update_customer",
]


@dataclass(frozen=True)
class DuplicateWarnings:
    """Nothing was saved: the customer looks like these existing ones. Saving again with
    `accept_warnings=True` saves it all the same."""

    matches: tuple[DuplicateMatch, ...]


@dataclass(frozen=True)
class SavedCustomer:
    record: RecordValues
    accepted: tuple[DuplicateMatch, ...] = ()  # the warnings the user chose to override


CreatedCustomer = SavedCustomer


def mnemonic_of(name: str, length: int) -> str:
    """The mnemonic code (助记码) a name gets by default: its pinyin initials, upper case,
    Latin letters and digits kept (北京华夏传媒 → BJHXCM)."""
    from pypinyin import Style, lazy_pinyin  # the dictionaries load on first use

    return mnemonic_of_initials("".join(lazy_pinyin(name, style=Style.FIRST_LETTER)))[:length]


def _employees_in_service() -> ColumnElement[bool]:
    return Employee.status != "left"


_CUSTOMER_LOOKUPS = {
    "customer_type_id": LookupSource(CustomerType, bilingual_name(CustomerType), CustomerType.code),
    "industry_id": LookupSource(Industry, bilingual_name(Industry), Industry.code),
    "source_id": LookupSource(CustomerSource, bilingual_name(CustomerSource), CustomerSource.code),
    "country_id": LookupSource(Country, bilingual_name(Country), Country.code),
    "region_id": LookupSource(Region, bilingual_name(Region), Region.code),
    "city_id": LookupSource(City, bilingual_name(City), City.area_code),
    "owner_id": LookupSource(
        Employee, plain_name(Employee.name), Employee.name_pinyin, _employees_in_service
    ),
    "department_id": LookupSource(Department, plain_name(Department.name), Department.name_pinyin),
}


def _prepare_customer(
    session: Session, user: CurrentUser, values: Values, record_id: int | None
) -> None:
    """Defaults (mnemonic, owner, department), e-mail in lower case, a change of owner only
    as a hand-over allows, and the hard duplicate rule: one customer per credit code."""
    if not values.get("mnemonic"):
        values["mnemonic"] = mnemonic_of(values["name"], 200) or None
    if values.get("email"):
        values["email"] = values["email"].lower()
    if record_id is None:
        _default_owner(session, user, values)
    else:
        _keep_or_transfer_owner(session, user, values, record_id)
    _require_credit_code_free(session, user, values.get("credit_code"), record_id)


def _default_owner(session: Session, user: CurrentUser, values: Values) -> None:
    owner = values.get("owner_id") or user.employee_id
    department = ownership.require_may_assign(session, user, owner, for_transfer=False)
    values["owner_id"] = owner
    if values.get("department_id") is None:
        values["department_id"] = department


def _keep_or_transfer_owner(
    session: Session, user: CurrentUser, values: Values, record_id: int
) -> None:
    owner_id, department_id = session.execute(
        select(Customer.owner_id, Customer.department_id).where(Customer.id == record_id)
    ).one()
    if values.get("owner_id") is None:
        values["owner_id"] = owner_id
    if values["owner_id"] != owner_id:
        department = ownership.require_may_assign(session, user, values["owner_id"])
        if values.get("department_id") in (None, department_id):
            values["department_id"] = department
    elif values.get("department_id") is None:
        values["department_id"] = department_id
    elif values["department_id"] != department_id and not ownership.may_transfer(user):
        raise PermissionDeniedError("transfer_not_allowed", module="customers", action="transfer")


def _require_credit_code_free(
    session: Session, user: CurrentUser, code: str | None, record_id: int | None
) -> None:
    if not code:
        return
    for match in find_duplicates(session, user, CustomerCandidate("", code), record_id):
        raise ValidationError(
            "credit_code_taken",
            field="credit_code",
            owner=match.owner_name,
            department=match.department_name,
            customer=match.customer_name,
            customer_id=match.customer_id if match.customer_name is not None else None,
            in_recycle_bin=match.in_recycle_bin,
        )


def _check_customer(session: Session, values: Values, _record_id: int | None) -> None:
    type_code = session.scalar(
        select(CustomerType.code).where(
            CustomerType.id == values["customer_type_id"], CustomerType.deleted_at.is_(None)
        )
    )
    if type_code is None:
        raise ValidationError("unknown_option", field="customer_type_id", text="")
    if type_code == BLACKLIST_TYPE_CODE and not (values.get("blacklisted_reason") or "").strip():
        raise ValidationError("blacklist_reason_required", field="blacklisted_reason")


CUSTOMERS = RecordKind(
    key="customers",
    model=Customer,
    fields=(
        FieldSpec.of(Customer.name, required=True),
        FieldSpec.of(Customer.short_name),
        FieldSpec.of(Customer.mnemonic),
        FieldSpec.of(Customer.english_name),
        FieldSpec.of(Customer.customer_no),
        FieldSpec.of(Customer.customer_type_id, Kind.LOOKUP, required=True),
        FieldSpec.of(Customer.industry_id, Kind.LOOKUP),
        FieldSpec.of(Customer.source_id, Kind.LOOKUP),
        FieldSpec.of(Customer.country_id, Kind.LOOKUP),
        FieldSpec.of(Customer.region_id, Kind.LOOKUP),
        FieldSpec.of(Customer.city_id, Kind.LOOKUP),
        FieldSpec.of(Customer.address),
        FieldSpec.of(Customer.postal_code, Kind.POSTAL_CODE),
        FieldSpec.of(Customer.phone, Kind.PHONE),
        FieldSpec.of(Customer.fax, Kind.LANDLINE),
        FieldSpec.of(Customer.website, Kind.URL),
        FieldSpec.of(Customer.email, Kind.EMAIL),
        FieldSpec.of(Customer.credit_code, Kind.CREDIT_CODE),
        FieldSpec.of(Customer.legal_representative),
        FieldSpec.of(Customer.registered_capital, Kind.MONEY, min_value=0),
        FieldSpec.of(Customer.founded_on),
        FieldSpec.of(Customer.employee_count, min_value=0),
        FieldSpec.of(Customer.annual_revenue, Kind.MONEY, min_value=0),
        FieldSpec.of(Customer.rating, Kind.CHOICE, choices=tuple(Choice(r, r, r) for r in RATINGS)),
        FieldSpec.of(Customer.is_key_account, required=False),
        FieldSpec.of(Customer.owner_id, Kind.LOOKUP),
        FieldSpec.of(Customer.department_id, Kind.LOOKUP),
        FieldSpec.of(Customer.next_follow_up_on),
        FieldSpec.of(Customer.blacklisted_reason, Kind.MULTILINE),
        FieldSpec.of(Customer.notes, Kind.MULTILINE),
    ),
    lookups=_CUSTOMER_LOOKUPS,
    check_values=_check_customer,
    prepare=_prepare_customer,
)


# Contacts.


def require_visible_customer(
    session: Session, user: CurrentUser, customer_id: int | None, field: str = "customer_id"
) -> None:
    """Refuse, at `field`, a customer that is deleted or that `user` may not see: what is
    recorded under a customer (contacts, history, partners…) needs one the user sees."""
    found = session.scalar(
        visible_rows(user, Customer, select(Customer.id)).where(
            Customer.id == customer_id, Customer.deleted_at.is_(None)
        )
    )
    if found is None:
        raise ValidationError("customer_missing", field=field)


def _prepare_contact(
    session: Session, user: CurrentUser, values: Values, _record_id: int | None
) -> None:
    """A contact belongs to a live customer the user sees; mnemonic and e-mail as for
    customers."""
    require_visible_customer(session, user, values["customer_id"])
    if not values.get("mnemonic"):
        values["mnemonic"] = mnemonic_of(values["name"], 60) or None
    if values.get("email"):
        values["email"] = values["email"].lower()


def _one_primary_contact(session: Session, user: CurrentUser, contact_id: int) -> None:
    """A customer has one primary contact: naming one makes the others ordinary."""
    contact = session.get_one(Contact, contact_id)
    if not contact.is_primary:
        return
    others = session.scalars(
        select(Contact).where(
            Contact.customer_id == contact.customer_id,
            Contact.id != contact_id,
            Contact.is_primary.is_(True),
            Contact.deleted_at.is_(None),
        )
    )
    for other in others:
        other.is_primary = False
        other.updated_by_id = user.user_id


_GENDERS = (Choice("M", "男", "Male"), Choice("F", "女", "Female"))

CONTACTS = RecordKind(
    key="contacts",
    model=Contact,
    fields=(
        FieldSpec.of(Contact.customer_id, Kind.LOOKUP, required=True),
        FieldSpec.of(Contact.name, required=True),
        FieldSpec.of(Contact.mnemonic),
        FieldSpec.of(Contact.gender, Kind.CHOICE, choices=_GENDERS),
        FieldSpec.of(Contact.form_of_address_id, Kind.LOOKUP),
        FieldSpec.of(Contact.position_id, Kind.LOOKUP),
        FieldSpec.of(Contact.job_title),
        FieldSpec.of(Contact.department),
        FieldSpec.of(Contact.mobile, Kind.MOBILE),
        FieldSpec.of(Contact.phone, Kind.LANDLINE),
        FieldSpec.of(Contact.extension),
        FieldSpec.of(Contact.fax, Kind.LANDLINE),
        FieldSpec.of(Contact.email, Kind.EMAIL),
        FieldSpec.of(Contact.wechat),
        FieldSpec.of(Contact.qq),
        FieldSpec.of(Contact.birthday),
        FieldSpec.of(Contact.is_primary, required=False),
        FieldSpec.of(Contact.is_decision_maker, required=False),
        FieldSpec.of(Contact.address),
        FieldSpec.of(Contact.postal_code, Kind.POSTAL_CODE),
        FieldSpec.of(Contact.notes, Kind.MULTILINE),
    ),
    lookups={
        "form_of_address_id": LookupSource(
            FormOfAddress, bilingual_name(FormOfAddress), FormOfAddress.code
        ),
        "position_id": LookupSource(Position, bilingual_name(Position), Position.code),
    },
    prepare=_prepare_contact,
    after_save=_one_primary_contact,
)


# Saving customers with the duplicate check.


def candidate_of(values: Values) -> CustomerCandidate:
    """What the duplicate check compares of a customer's form values."""
    return CustomerCandidate(
        name=values.get("name") or "",
        credit_code=values.get("credit_code"),
        phones=tuple(v for v in (values.get("phone"),) if v),
        emails=tuple(v for v in (values.get("email"),) if v),
    )


def create_customer(
    session: Session, user: CurrentUser, values: Values, *, accept_warnings: bool = False
) -> SavedCustomer | DuplicateWarnings:
    """Save a new customer unless it looks like an existing one and the user has not yet
    insisted; a taken credit code is refused whatever the user says."""
    checked = records.check(session, user, CUSTOMERS, values)
    warnings = _warnings(session, user, checked, None, None)
    if warnings and not accept_warnings:
        return DuplicateWarnings(warnings)
    return SavedCustomer(records.create(session, user, CUSTOMERS, checked), warnings)


def update_customer(
    session: Session,
    user: CurrentUser,
    customer_id: int,
    version: int,
    values: Values,
    *,
    accept_warnings: bool = False,
) -> SavedCustomer | DuplicateWarnings:
    """As `create_customer`, for an edit: only a name, phone or e-mail that the edit
    changes is checked again (a duplicate accepted once is not raised at every save)."""
    before = records.read(session, user, CUSTOMERS, customer_id).values
    checked = records.check(session, user, CUSTOMERS, values, customer_id)
    warnings = _warnings(session, user, checked, customer_id, before)
    if warnings and not accept_warnings:
        return DuplicateWarnings(warnings)
    saved = records.update(session, user, CUSTOMERS, customer_id, version, checked)
    return SavedCustomer(saved, warnings)


def _warnings(
    session: Session,
    user: CurrentUser,
    values: Values,
    record_id: int | None,
    before: Values | None,
) -> tuple[DuplicateMatch, ...]:
    candidate = candidate_of(values)
    if before is not None:
        old = candidate_keys(candidate_of(before))
        new = candidate_keys(candidate)
        candidate = CustomerCandidate(
            name=candidate.name if new.name_key != old.name_key else "",
            phones=tuple(p for p in candidate.phones if not phone_keys(p) <= old.phones),
            emails=tuple(e for e in candidate.emails if not email_keys(e) <= old.emails),
        )
    else:
        candidate = CustomerCandidate(candidate.name, None, candidate.phones, candidate.emails)
    return tuple(find_duplicates(session, user, candidate, record_id))


# The blacklist.


def not_blacklisted() -> ColumnElement[bool]:
    """A condition on customers: not blacklisted (for bulk mail and order pickers)."""
    blacklist = select(CustomerType.id).where(CustomerType.code == BLACKLIST_TYPE_CODE)
    return Customer.customer_type_id.not_in(blacklist.scalar_subquery())


def blacklisted_ids(session: Session, customer_ids: Iterable[int]) -> set[int]:
    """Those of `customer_ids` that are blacklisted (a mail run leaves them out)."""
    wanted = sorted(set(customer_ids))
    found: set[int] = set()
    for start in range(0, len(wanted), 500):
        found.update(
            session.scalars(
                select(Customer.id)
                .join(CustomerType, CustomerType.id == Customer.customer_type_id)
                .where(
                    Customer.id.in_(wanted[start : start + 500]),
                    CustomerType.code == BLACKLIST_TYPE_CODE,
                )
            )
        )
    return found


def is_blacklisted(session: Session, customer_id: int) -> bool:
    row = session.execute(
        select(CustomerType.code)
        .join(Customer, Customer.customer_type_id == CustomerType.id)
        .where(Customer.id == customer_id)
    ).one_or_none()
    if row is None:
        raise NotFoundError(table="customers", id=customer_id)
    return bool(row[0] == BLACKLIST_TYPE_CODE)


def require_not_blacklisted(session: Session, customer_id: int) -> None:
    """For the order, quotation and mail services, before they write: a blacklisted
    customer gets none (the database's triggers refuse orders and quotations too)."""
    if is_blacklisted(session, customer_id):
        raise ValidationError("customer_blacklisted", field="customer_id", customer_id=customer_id)


def name_holds(text: str) -> ColumnElement[bool]:
    """Customers whose name, short name or mnemonic holds `text`, or whose pinyin starts
    with it: what a search box over customers finds (`%` and `_` taken literally)."""
    typed = escape_like(text.strip())
    pattern = f"%{typed}%"
    return or_(
        Customer.name.ilike(pattern, escape="\\"),
        Customer.short_name.ilike(pattern, escape="\\"),
        Customer.mnemonic.ilike(pattern, escape="\\"),
        Customer.name_pinyin.like(f"{typed.lower()}%", escape="\\"),
    )
