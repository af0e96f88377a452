"""Lookup lists kept in System settings → Information tools (信息工具)."""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, String, Text, false, true
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from db.base import Base, Record, label, live_unique, table_label
from db.pinyin import PinyinSortedMixin

MEDIA_KINDS = ("periodical", "newspaper", "online", "tv", "radio", "outdoor", "exhibition", "other")


class LookupMixin(Record, PinyinSortedMixin):
    """A named entry of a pick list, in Chinese and English, in a chosen order."""

    __pinyin_source__ = "name_zh"

    code: Mapped[str] = mapped_column(String(30), info=label("代码", "Code"))
    name_zh: Mapped[str] = mapped_column(String(100), info=label("中文名称", "Chinese name"))
    name_en: Mapped[str | None] = mapped_column(String(100), info=label("英文名称", "English name"))
    sort_order: Mapped[int] = mapped_column(
        default=0, server_default="0", info=label("排序", "Order")
    )
    active: Mapped[bool] = mapped_column(
        Boolean, default=True, server_default=true(), info=label("启用", "Active")
    )

    @declared_attr.directive
    def __table_args__(cls) -> tuple:
        zh, en = cls.__labels__  # type: ignore[attr-defined]
        return (live_unique(cls.__tablename__, "code"), table_label(zh, en))  # type: ignore[attr-defined]


class Position(Base, LookupMixin):
    """Job titles (职务设置), for employees and for customers' contacts."""

    __tablename__ = "positions"
    __labels__ = ("职务", "Position")


class FormOfAddress(Base, LookupMixin):
    """Forms of address (称谓): 先生, 女士, 经理, 总监…"""

    __tablename__ = "forms_of_address"
    __labels__ = ("称谓", "Form of address")


class Industry(Base, LookupMixin):
    """Industries (行业设置), a two-level classification."""

    __tablename__ = "industries"
    __labels__ = ("行业", "Industry")

    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("industries.id", ondelete="RESTRICT"),
        index=True,
        info=label("上级行业", "Parent industry"),
    )


class Country(Base, LookupMixin):
    """Countries (国家), with their ISO 3166 code as `code`."""

    __tablename__ = "countries"
    __labels__ = ("国家", "Country")

    phone_prefix: Mapped[str | None] = mapped_column(String(8), info=label("电话区号", "Dial code"))


class Region(Base, LookupMixin):
    """Provinces, autonomous regions and municipalities (地区设置, table 16)."""

    __tablename__ = "regions"
    __labels__ = ("地区", "Region")

    country_id: Mapped[int] = mapped_column(
        ForeignKey("countries.id", ondelete="RESTRICT"), index=True, info=label("国家", "Country")
    )


class City(Base, LookupMixin):
    """Cities (城市设置), with the telephone area code and postal code prefix."""

    __tablename__ = "cities"
    __labels__ = ("城市", "City")

    region_id: Mapped[int] = mapped_column(
        ForeignKey("regions.id", ondelete="RESTRICT"), index=True, info=label("地区", "Region")
    )
    area_code: Mapped[str | None] = mapped_column(String(6), info=label("长途区号", "Area code"))
    postal_prefix: Mapped[str | None] = mapped_column(
        String(6), info=label("邮编前缀", "Postal code prefix")
    )


class CustomerType(Base, LookupMixin):
    """The six customer types of SPEC §3.4 (seeded), with a colour for lists."""

    __tablename__ = "customer_types"
    __labels__ = ("客户类型", "Customer type")

    color: Mapped[str | None] = mapped_column(String(7), info=label("颜色", "Colour"))


class CustomerSource(Base, LookupMixin):
    """Where a customer came from: exhibition, referral, cold call, website…"""

    __tablename__ = "customer_sources"
    __labels__ = ("客户来源", "Customer source")


class SalesStage(Base, LookupMixin):
    """The eight steps of the sales process (SPEC §3.9), seeded; `step` orders them."""

    __tablename__ = "sales_stages"
    __labels__ = ("销售阶段", "Sales stage")

    step: Mapped[int] = mapped_column(unique=True, info=label("步骤", "Step"))
    probability: Mapped[int] = mapped_column(
        default=0, server_default="0", info=label("成交概率(%)", "Win probability (%)")
    )


class MediaOutlet(Base, Record, PinyinSortedMixin):
    """A medium carrying advertising: our own periodicals and sites, and competitors' media."""

    __pinyin_source__ = "name"

    __tablename__ = "media_outlets"
    __table_args__ = (
        live_unique("media_outlets", "name"),
        CheckConstraint(
            "kind IN ('periodical', 'newspaper', 'online', 'tv', 'radio', 'outdoor', "
            "'exhibition', 'other')",
            name="kind_known",
        ),
        table_label("媒体", "Media outlet"),
    )

    name: Mapped[str] = mapped_column(String(120), info=label("媒体名称", "Name"))
    kind: Mapped[str] = mapped_column(String(20), info=label("媒体类型", "Kind"))
    is_own: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false(), info=label("本公司媒体", "Our own")
    )
    publisher: Mapped[str | None] = mapped_column(
        String(120), info=label("出版/运营单位", "Publisher")
    )
    industry_id: Mapped[int | None] = mapped_column(
        ForeignKey("industries.id", ondelete="RESTRICT"), info=label("行业", "Industry")
    )
    city_id: Mapped[int | None] = mapped_column(
        ForeignKey("cities.id", ondelete="RESTRICT"), info=label("城市", "City")
    )
    website: Mapped[str | None] = mapped_column(String(200), info=label("网址", "Website"))
    circulation: Mapped[int | None] = mapped_column(
        CheckConstraint("circulation IS NULL OR circulation >= 0", name="circulation_positive"),
        info=label("发行量/流量", "Circulation / traffic"),
    )
    notes: Mapped[str | None] = mapped_column(Text, info=label("备注", "Notes"))
