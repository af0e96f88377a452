"""The back-office lists of System settings → Information tools (信息工具), as record kinds:
own company information, departments, positions, forms of address, countries, regions,
cities, industries, media outlets and advertising services."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, func

from app import departments
from app.fields import Choice, FieldSpec, Kind
from app.records import LookupSource, RecordKind
from db.models.advertising import AdService
from db.models.company import CompanyInfo
from db.models.lookups import (
    MEDIA_KINDS,
    City,
    Country,
    FormOfAddress,
    Industry,
    MediaOutlet,
    Position,
    Region,
)
from db.models.org import Department, Employee

MEDIA_KIND_LABELS = {
    "periodical": ("期刊", "Periodical"),
    "newspaper": ("报纸", "Newspaper"),
    "online": ("网络", "Online"),
    "tv": ("电视", "TV"),
    "radio": ("广播", "Radio"),
    "outdoor": ("户外", "Outdoor"),
    "exhibition": ("展会", "Exhibition"),
    "other": ("其他", "Other"),
}


def bilingual_name(model: Any) -> Callable[[str], ColumnElement[Any]]:
    """A lookup's name in the user's language, the Chinese one where no English is kept."""

    def name(language: str) -> ColumnElement[Any]:
        if language.startswith("en"):
            return func.coalesce(model.name_en, model.name_zh)
        return model.name_zh  # type: ignore[no-any-return]

    return name


def plain_name(column: Any) -> Callable[[str], ColumnElement[Any]]:
    return lambda _language: column  # type: ignore[no-any-return]


def _lookup_fields(model: Any, *extra: FieldSpec) -> tuple[FieldSpec, ...]:
    return (
        FieldSpec.of(model.code),
        FieldSpec.of(model.name_zh, required=True),
        FieldSpec.of(model.name_en),
        *extra,
        FieldSpec.of(model.sort_order, required=False),
        FieldSpec.of(model.active, required=False),
    )


def _lookup_kind(key: str, model: Any, *extra: FieldSpec, **lookups: LookupSource) -> RecordKind:
    return RecordKind(
        key=key,
        model=model,
        fields=_lookup_fields(model, *extra),
        title_field="name_zh",
        lookups=lookups,
    )


COMPANY_INFO = RecordKind(
    key="company_info",
    model=CompanyInfo,
    fields=(
        FieldSpec.of(CompanyInfo.name, required=True),
        FieldSpec.of(CompanyInfo.english_name),
        FieldSpec.of(CompanyInfo.short_name),
        FieldSpec.of(CompanyInfo.credit_code, Kind.CREDIT_CODE),
        FieldSpec.of(CompanyInfo.legal_representative),
        FieldSpec.of(CompanyInfo.address),
        FieldSpec.of(CompanyInfo.postal_code, Kind.POSTAL_CODE),
        FieldSpec.of(CompanyInfo.phone, Kind.PHONE),
        FieldSpec.of(CompanyInfo.fax, Kind.LANDLINE),
        FieldSpec.of(CompanyInfo.email, Kind.EMAIL),
        FieldSpec.of(CompanyInfo.website, Kind.URL),
        FieldSpec.of(CompanyInfo.bank_name),
        FieldSpec.of(CompanyInfo.bank_account),
        FieldSpec.of(CompanyInfo.tax_number),
        FieldSpec.of(CompanyInfo.slogan),
        FieldSpec.of(CompanyInfo.notes, Kind.MULTILINE),
        FieldSpec.of(
            CompanyInfo.attachment_max_mb,
            required=True,
            min_value=1,
            max_value=500,
            help_zh="客户附件的最大文件大小，超过此大小的文件不能添加。",
            help_en="The largest file that can be attached to a customer.",
        ),
    ),
)

DEPARTMENTS = RecordKind(
    key="departments",
    model=Department,
    fields=(
        FieldSpec.of(Department.name, required=True),
        FieldSpec.of(Department.code),
        FieldSpec.of(Department.parent_id, Kind.LOOKUP),
        FieldSpec.of(Department.manager_id, Kind.LOOKUP),
        FieldSpec.of(Department.phone, Kind.PHONE),
        FieldSpec.of(Department.sort_order, required=False),
        FieldSpec.of(Department.notes, Kind.MULTILINE),
    ),
    lookups={
        "parent_id": LookupSource(Department, plain_name(Department.name)),
        "manager_id": LookupSource(Employee, plain_name(Employee.name), Employee.name_pinyin),
    },
    check_values=departments.check_values,
    check_delete=departments.check_empty,
    check_restore=departments.check_restore,
)

POSITIONS = _lookup_kind("positions", Position)
FORMS_OF_ADDRESS = _lookup_kind("forms_of_address", FormOfAddress)
COUNTRIES = _lookup_kind("countries", Country, FieldSpec.of(Country.phone_prefix))
REGIONS = _lookup_kind(
    "regions",
    Region,
    FieldSpec.of(Region.country_id, Kind.LOOKUP, required=True),
    country_id=LookupSource(Country, bilingual_name(Country), Country.code),
)
CITIES = _lookup_kind(
    "cities",
    City,
    FieldSpec.of(City.region_id, Kind.LOOKUP, required=True),
    FieldSpec.of(City.area_code),
    FieldSpec.of(City.postal_prefix),
    region_id=LookupSource(Region, bilingual_name(Region), Region.code),
)
INDUSTRIES = _lookup_kind(
    "industries",
    Industry,
    FieldSpec.of(Industry.parent_id, Kind.LOOKUP),
    parent_id=LookupSource(Industry, bilingual_name(Industry), Industry.code),
)

MEDIA_OUTLETS = RecordKind(
    key="media_outlets",
    model=MediaOutlet,
    fields=(
        FieldSpec.of(MediaOutlet.name, required=True),
        FieldSpec.of(
            MediaOutlet.kind,
            Kind.CHOICE,
            required=True,
            choices=tuple(Choice(code, *MEDIA_KIND_LABELS[code]) for code in MEDIA_KINDS),
        ),
        FieldSpec.of(MediaOutlet.is_own, required=False),
        FieldSpec.of(MediaOutlet.publisher),
        FieldSpec.of(MediaOutlet.industry_id, Kind.LOOKUP),
        FieldSpec.of(MediaOutlet.city_id, Kind.LOOKUP),
        FieldSpec.of(MediaOutlet.website, Kind.URL),
        FieldSpec.of(MediaOutlet.circulation, Kind.INT, min_value=0),
        FieldSpec.of(MediaOutlet.notes, Kind.MULTILINE),
    ),
    lookups={
        "industry_id": LookupSource(Industry, bilingual_name(Industry), Industry.code),
        "city_id": LookupSource(City, bilingual_name(City), City.area_code),
    },
)

AD_SERVICES = RecordKind(
    key="ad_services",
    model=AdService,
    fields=(
        FieldSpec.of(AdService.code, required=True),
        FieldSpec.of(AdService.name, required=True),
        FieldSpec.of(AdService.unit),
        FieldSpec.of(AdService.standard_price, Kind.MONEY, min_value=0),
        FieldSpec.of(AdService.active, required=False),
        FieldSpec.of(AdService.description, Kind.MULTILINE),
    ),
)

REFERENCE_KINDS = (
    COMPANY_INFO,
    DEPARTMENTS,
    POSITIONS,
    FORMS_OF_ADDRESS,
    COUNTRIES,
    REGIONS,
    CITIES,
    INDUSTRIES,
    MEDIA_OUTLETS,
    AD_SERVICES,
)
