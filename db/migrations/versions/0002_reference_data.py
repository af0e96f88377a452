"""Reference data: customer types, sales stages, built-in roles and the standard lookup lists.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 16:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db import reference_data as ref

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LOOKUP_TABLES = ("forms_of_address", "positions", "industries", "customer_sources")


def _table(name: str, *columns: str) -> sa.TableClause:
    return sa.table(name, *(sa.column(column) for column in columns))


def upgrade() -> None:
    lookup_columns = ("code", "name_zh", "name_en", "sort_order")
    for name, rows in zip(
        LOOKUP_TABLES,
        (ref.FORMS_OF_ADDRESS, ref.POSITIONS, ref.INDUSTRIES, ref.CUSTOMER_SOURCES),
        strict=True,
    ):
        op.bulk_insert(
            _table(name, *lookup_columns),
            [
                dict(zip(lookup_columns, (*row, order), strict=True))
                for order, row in enumerate(rows)
            ],
        )
    op.bulk_insert(
        _table("customer_types", "code", "name_zh", "name_en", "color", "sort_order"),
        [
            {"code": code, "name_zh": zh, "name_en": en, "color": color, "sort_order": order}
            for order, (code, zh, en, color) in enumerate(ref.CUSTOMER_TYPES)
        ],
    )
    op.bulk_insert(
        _table("sales_stages", "step", "code", "name_zh", "name_en", "probability", "sort_order"),
        [
            {
                "step": step,
                "code": code,
                "name_zh": zh,
                "name_en": en,
                "probability": p,
                "sort_order": step,
            }
            for step, code, zh, en, p in ref.SALES_STAGES
        ],
    )
    op.bulk_insert(
        _table("roles", "key", "name_zh", "name_en", "built_in", "description"),
        [
            {"key": key, "name_zh": zh, "name_en": en, "built_in": True, "description": text}
            for key, zh, en, text in ref.BUILT_IN_ROLES
        ],
    )
    _insert_places()


def _insert_places() -> None:
    bind = op.get_bind()
    countries = _table(
        "countries", "id", "code", "name_zh", "name_en", "phone_prefix", "sort_order"
    )
    op.bulk_insert(
        countries,
        [
            {
                "code": code,
                "name_zh": zh,
                "name_en": en,
                "phone_prefix": prefix,
                "sort_order": order,
            }
            for order, (code, zh, en, prefix) in enumerate(ref.COUNTRIES)
        ],
    )
    china = bind.execute(sa.select(countries.c.id).where(countries.c.code == "CN")).scalar_one()
    regions = _table("regions", "id", "country_id", "code", "name_zh", "name_en", "sort_order")
    cities = _table(
        "cities",
        "region_id",
        "code",
        "name_zh",
        "name_en",
        "area_code",
        "postal_prefix",
        "sort_order",
    )
    for order, (code, zh, en, region_cities) in enumerate(ref.REGIONS):
        region_id = bind.execute(
            sa.insert(regions)
            .values(country_id=china, code=code, name_zh=zh, name_en=en, sort_order=order)
            .returning(regions.c.id)
        ).scalar_one()
        op.bulk_insert(
            cities,
            [
                {
                    "region_id": region_id,
                    "code": c_code,
                    "name_zh": c_zh,
                    "name_en": c_en,
                    "area_code": area,
                    "postal_prefix": postal,
                    "sort_order": c_order,
                }
                for c_order, (c_code, c_zh, c_en, area, postal) in enumerate(region_cities)
            ],
        )


def downgrade() -> None:
    for name in (
        "cities",
        "regions",
        "countries",
        "roles",
        "sales_stages",
        "customer_types",
        *LOOKUP_TABLES,
    ):
        op.execute(sa.delete(sa.table(name)))
