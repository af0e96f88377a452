"""The demo's media and rate card: our periodicals and sites, competitors' media, issues,
channels, ad products and services, events, campaigns, templates, notices and targets."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from app.demo_master import RECORD, Batch, World
from app.demo_sink import Row
from db.pinyin import pinyin_key

# (code, title, frequency, issues a year, cover price and annual price in fen, page size).
PERIODICALS = (
    ("TIME", "时代商业", "monthly", 12, 2_000, 24_000, "大16开"),
    ("AUTO", "汽车生活", "monthly", 12, 1_500, 18_000, "大16开"),
    ("HOME", "家居与设计", "bimonthly", 6, 3_000, 18_000, "8开"),
    ("HLTH", "健康之家", "semimonthly", 24, 1_000, 24_000, "16开"),
    ("CITY", "都市周刊", "weekly", 52, 500, 26_000, "8开"),
)
# (name, kind, publisher): other media our customers advertise in (for competitor analysis).
COMPETITOR_MEDIA = (
    ("东方商报", "newspaper", "东方报业集团"), ("新城晚报", "newspaper", "新城日报社"),
    ("财智月刊", "periodical", "财智传媒有限公司"), ("车主指南", "periodical", "车主指南杂志社"),
    ("居家生活", "periodical", "居家生活杂志社"), ("城市交通广播", "radio", "城市广播电视台"),
    ("都市生活频道", "tv", "城市广播电视台"), ("城市地铁广告", "outdoor", "地铁传媒有限公司"),
    ("楼宇视频媒体", "outdoor", "楼宇传媒有限公司"), ("易搜搜索推广", "online", "易搜网络有限公司"),
    ("快看短视频", "online", "快看科技有限公司"), ("同城生活网", "online", "同城网络有限公司"),
    ("新知资讯门户", "online", "新知信息技术有限公司"), ("行业博览会", "exhibition", "会展集团"),
)  # fmt: skip
# (site, channel, code, daily page views).
CHANNELS = (
    ("华夏时代网", "首页", "HOME", 1_200_000), ("华夏时代网", "财经频道", "FIN", 260_000),
    ("华夏时代网", "汽车频道", "AUTO", 310_000), ("华夏时代网", "房产频道", "HOUSE", 220_000),
    ("华夏时代网", "家居频道", "DECO", 150_000), ("华夏时代网", "健康频道", "HLTH", 180_000),
    ("时代商业公众号", "头条推送", "WX1", 90_000), ("时代商业公众号", "次条推送", "WX2", 40_000),
)  # fmt: skip
# (code, position, size, colour, price per insertion in fen).
PRINT_POSITIONS = (
    ("FC", "封面", "全页", "colour", 8_000_000), ("IFC", "封二", "全页", "colour", 5_000_000),
    ("IBC", "封三", "全页", "colour", 4_000_000), ("BC", "封底", "全页", "colour", 6_000_000),
    ("FP", "内页整版", "210×285mm", "colour", 3_000_000),
    ("HP", "内页半版", "210×140mm", "colour", 1_600_000),
    ("QP", "内页四分之一版", "100×140mm", "bw", 600_000),
)  # fmt: skip
# (code, position, size, pricing model, list price per day or per thousand in fen, min days).
ONLINE_POSITIONS = (
    ("BAN", "通栏", "1200×90", "per_day", 800_000, 7), ("FOC", "焦点图", "750×400", "per_day",
    1_200_000, 3), ("BTN", "按钮", "200×200", "per_day", 200_000, 7),
    ("FEED", "信息流", "图文", "cpm", 6_000, 1),
)  # fmt: skip
SERVICES = (
    ("S01", "广告设计", "项", 300_000), ("S02", "文案撰写", "篇", 150_000),
    ("S03", "商业摄影", "组", 500_000), ("S04", "软文代写", "篇", 200_000),
    ("S05", "视频制作", "条", 1_500_000), ("S06", "活动策划", "项", 2_000_000),
    ("S07", "投放效果报告", "份", 80_000), ("S08", "翻译服务", "千字", 30_000),
)  # fmt: skip
FREQUENCY_DAYS = {"weekly": 7, "semimonthly": 15, "monthly": 30, "bimonthly": 61}


class Publication(NamedTuple):
    id: int
    title: str
    annual_price: int
    issues: list[tuple[int, int]]  # (issue id, publish day offset), oldest first


class Product(NamedTuple):
    id: int
    medium: str  # print / online
    name: str
    pricing: str
    price: int  # fen per insertion, per day, or per thousand impressions
    publication: int  # index into publications, -1 for online


def outlet_batches(world: World) -> Iterator[Batch]:
    f = world.formats
    base = world.id_base["media_outlets"]
    own = [(f"《{title}》", "periodical", "浙江华夏时代传媒集团有限公司")
           for _, title, *_ in PERIODICALS]  # fmt: skip
    own += [("华夏时代网", "online", "浙江华夏时代传媒集团有限公司"),
            ("时代商业公众号", "online", "浙江华夏时代传媒集团有限公司"),
            ("华夏时代会展", "exhibition", "浙江华夏时代传媒集团有限公司")]  # fmt: skip
    outlets = [(*row, True) for row in own] + [
        (f"《{name}》" if kind in ("newspaper", "periodical") else name, kind, publisher, False)
        for name, kind, publisher in COMPETITOR_MEDIA
    ]
    rows = [
        (base + k, f.stamp(-2000, 36000), f.stamp(-100, 36000), name, pinyin_key(name), kind,
         is_own, publisher, world.reference.industries["culture_media"], 50_000 + 37_000 * k)
        for k, (name, kind, publisher, is_own) in enumerate(outlets, 1)
    ]  # fmt: skip
    world.media["own_outlets"] = [base + k for k in range(1, len(own) + 1)]
    world.media["competitor_outlets"] = [base + k for k in range(len(own) + 1, len(rows) + 1)]
    world.media["site_outlets"] = {"华夏时代网": base + 6, "时代商业公众号": base + 7}
    columns = (
        *RECORD, "name", "name_pinyin", "kind", "is_own", "publisher", "industry_id",
        "circulation",
    )  # fmt: skip
    yield "media_outlets", columns, rows
    yield from _publication_batches(world)
    yield _channel_batch(world)


def _publication_batches(world: World) -> Iterator[Batch]:
    f = world.formats
    base = world.id_base["publications"]
    issue_id = world.id_base["publication_issues"]
    publications, pub_rows, issue_rows = [], [], []
    for k, (_, title, frequency, per_year, cover, annual, size) in enumerate(PERIODICALS):
        pub_id = base + k + 1
        pub_rows.append((
            pub_id, f.stamp(-2000, 36000), f.stamp(-100, 36000), world.media["own_outlets"][k],
            title, _issn(1000 + 37 * k), f"33-{1201 + k}/F", frequency, f.money(cover),
            f.money(annual), size, 30_000 + 8_000 * k,
        ))  # fmt: skip
        issues = []
        for year in (2025, 2026, 2027):
            for number in range(1, per_year + 1):
                issue_id += 1
                published = _publish_offset(year, number, frequency)
                issues.append((issue_id, published))
                issue_rows.append(_issue_row(world, issue_id, pub_id, year, number, published))
        publications.append(Publication(pub_id, title, annual, issues))
    world.media["publications"] = publications
    yield "publications", (
        *RECORD, "media_outlet_id", "name", "issn", "cn_number", "frequency", "cover_price",
        "annual_subscription_price", "page_size", "print_run",
    ), pub_rows  # fmt: skip
    yield "publication_issues", (
        *RECORD, "publication_id", "year", "number", "name", "publish_date", "ad_closing_date",
        "pages", "status",
    ), issue_rows  # fmt: skip


def _publish_offset(year: int, number: int, frequency: str) -> int:
    """Day offset of an issue's publication: issue `number` of `year`, from 1 January."""
    start_of_year = {2025: -669, 2026: -304, 2027: 61}[year]  # 2026-11-01 is day 0
    return start_of_year + (number - 1) * FREQUENCY_DAYS[frequency] + 5


def _issue_row(world: World, issue_id: int, pub_id: int, year: int, number: int, day: int) -> Row:
    f = world.formats
    closing = day - 14
    status = "published" if day <= 0 else ("closed" if closing <= 0 else "planned")
    created = min(closing - 60, -1)
    return (
        issue_id, f.stamp(created, 36000), f.stamp(min(day, 0), 36000), pub_id, year, number,
        f"{year}年第{number}期", f.day(day), f.day(closing), 96 + 16 * (number % 3), status,
    )  # fmt: skip


def _issn(serial: int) -> str:
    digits = f"{serial:07d}"
    check = (11 - sum(int(d) * w for d, w in zip(digits, range(8, 1, -1), strict=True)) % 11) % 11
    return f"{digits[:4]}-{digits[4:]}{'X' if check == 10 else check}"


def _channel_batch(world: World) -> Batch:
    f = world.formats
    base = world.id_base["online_channels"]
    sites = world.media["site_outlets"]
    rows = [
        (base + k, f.stamp(-1500, 36000), f.stamp(-90, 36000), sites[site], site, channel,
         f"https://www.hxsdmedia.com/{code.lower()}/", views)
        for k, (site, channel, code, views) in enumerate(CHANNELS, 1)
    ]  # fmt: skip
    world.media["channel_ids"] = [row[0] for row in rows]
    columns = (*RECORD, "media_outlet_id", "site_name", "channel_name", "url", "daily_page_views")
    return "online_channels", columns, rows


def rate_card_batches(world: World) -> Iterator[Batch]:
    """Advertising services and products (广告产品库): print per position, online per slot."""
    f = world.formats
    base = world.id_base["ad_services"]
    services = [(base + k, code, name, unit, price)
                for k, (code, name, unit, price) in enumerate(SERVICES, 1)]  # fmt: skip
    world.media["services"] = [(id_, price, name) for id_, _, name, _, price in services]
    columns = (*RECORD, "code", "name", "name_pinyin", "unit", "standard_price", "description")
    yield "ad_services", columns, [
        (id_, f.stamp(-900, 36000), f.stamp(-90, 36000), code, name, pinyin_key(name), unit,
         f.money(price), f"{name}（按{unit}计价）") for id_, code, name, unit, price in services
    ]  # fmt: skip
    products = _products(world)
    world.media["products"] = products
    yield "ad_products", (
        *RECORD, "code", "name", "medium", "publication_id", "online_channel_id", "position",
        "size", "color", "pricing_model", "list_price", "cpm_rate", "min_days", "valid_from",
        "valid_to",
    ), [_product_row(world, product, spec) for product, spec in products]  # fmt: skip
    world.media["products"] = [product for product, _ in products]


def _products(world: World) -> list[tuple[Product, tuple]]:
    base = world.id_base["ad_products"]
    products: list[tuple[Product, tuple]] = []
    spec: tuple[Any, ...]
    for p, publication in enumerate(world.media["publications"]):
        for code, position, size, colour, price in PRINT_POSITIONS:
            scaled = price * (3 + p % 3) // 4
            spec = (f"P-{PERIODICALS[p][0]}-{code}", position, size, colour, None, 1, p, None)
            name = f"《{publication.title}》{position}"
            products.append((Product(base + len(products) + 1, "print", name, "per_insertion",
                                     scaled, p), spec))  # fmt: skip
    for c, channel_id in enumerate(world.media["channel_ids"]):
        site, channel, channel_code, _ = CHANNELS[c]
        for code, position, size, pricing, price, min_days in ONLINE_POSITIONS:
            cpm = price if pricing == "cpm" else None
            spec = (f"W-{channel_code}-{code}", position, size, "na", cpm, min_days, -1,
                    channel_id)  # fmt: skip
            name = f"{site}{channel}{position}"
            products.append((Product(base + len(products) + 1, "online", name, pricing,
                                     price, -1), spec))  # fmt: skip
    return products


def _product_row(world: World, product: Product, spec: tuple) -> Row:
    f = world.formats
    code, position, size, colour, cpm, min_days, pub, channel = spec
    publication_id = world.media["publications"][pub].id if pub >= 0 else None
    return (
        product.id, f.stamp(-400, 36000), f.stamp(-61, 36000), code, product.name, product.medium,
        publication_id, channel, position, size, colour, product.pricing, f.money(product.price),
        None if cpm is None else f.money(cpm), min_days, f.day(-304), f.day(60),
    )  # fmt: skip
