"""The fuzzy query on both databases, over a fixed set of customers and contacts entered
through the services: every kind of query with its known answer, the ranking, what a hit
highlights, permissions on hits, the search text kept in step with every write, and
hostile input."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app import customers, ownership, records
from app.customer_import import import_customers
from app.customers import CONTACTS, CUSTOMERS
from app.search import CONTAINS, EXACT, PREFIX, TYPO, SearchHit, fuzzy_search
from db.models.customers import Customer
from tests.customer_world import add_customer, session_as
from tests.databases import fresh_database
from tests.security_world import World, build_world

HUAXIA = "北京华夏传媒有限公司"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    with fresh_database(request.param, request, tmp_path_factory.mktemp("search")) as url:
        world = build_world(url)
        huaxia = add_customer(
            world,
            "staff_a",
            HUAXIA,
            phone="010-8888 1234",
            email="info@huaxia-media.cn",
            address="北京市朝阳区建国路88号",
        )
        add_customer(world, "staff_a", "华夏之星广告有限公司")
        add_customer(world, "staff_a", "乐华娱乐有限公司")  # 乐: le, yue
        add_customer(world, "staff_a", "重庆银行股份有限公司")  # 重: chong; 行: hang, xing
        add_customer(world, "staff_a", "北京ＡＢＣ传媒")  # full width
        add_customer(world, "staff_a", "Huawei Media Group")
        add_customer(world, "staff_b", "华夏金融有限公司")  # another department's
        with session_as(world, "staff_a") as (session, staff):
            records.create(
                session,
                staff,
                CONTACTS,
                {"customer_id": huaxia, "name": "单田芳", "mobile": "139 1234 5678"},
            )
            records.create(session, staff, CONTACTS, {"customer_id": huaxia, "name": "曾志伟"})
        yield world


def search(world: World, username: str, text: str, limit: int = 50) -> list[SearchHit]:
    with session_as(world, username) as (session, user):
        return fuzzy_search(session, user, text, limit)


def names(hits: list[SearchHit]) -> list[str]:
    return [hit.name for hit in hits]


def highlighted(hit: SearchHit) -> list[str]:
    return [hit.shown[start:end] for start, end in hit.spans]


# Every kind of query.


def test_two_chinese_characters_find_the_name_that_holds_them_ranked_prefix_first(
    world: World,
) -> None:
    hits = search(world, "staff_a", "华夏")
    assert names(hits) == ["华夏之星广告有限公司", HUAXIA]
    assert [hit.tier for hit in hits] == [PREFIX, CONTAINS]
    assert (hits[1].field, highlighted(hits[1])) == ("name", ["华夏"])


def test_one_chinese_character_finds_every_name_with_it(world: World) -> None:
    assert set(names(search(world, "staff_a", "夏"))) == {HUAXIA, "华夏之星广告有限公司"}
    assert names(search(world, "staff_a", "娱")) == ["乐华娱乐有限公司"]


def test_four_chinese_characters_and_the_exact_name(world: World) -> None:
    assert names(search(world, "staff_a", "华夏传媒")) == [HUAXIA]
    exact = search(world, "staff_a", HUAXIA)
    assert [(hit.name, hit.tier) for hit in exact] == [(HUAXIA, EXACT)]


def test_full_pinyin_with_or_without_spaces_and_the_initials(world: World) -> None:
    for typed in ("huaxiachuanmei", "hua xia chuan mei", "HuaXia"):
        assert HUAXIA in names(search(world, "staff_a", typed)), typed
    initials = search(world, "staff_a", "bjhxcm")
    assert names(initials) == [HUAXIA]
    assert initials[0].field in {"initials", "mnemonic"}
    pinyin_hit = next(h for h in search(world, "staff_a", "chuanmei") if h.name == HUAXIA)
    assert (pinyin_hit.field, highlighted(pinyin_hit)) == ("pinyin", ["传媒"])


def test_every_reading_of_a_polyphonic_character_finds_the_name(world: World) -> None:
    for typed in ("lehua", "yuehua", "lhyl", "yhyl"):
        assert "乐华娱乐有限公司" in names(search(world, "staff_a", typed)), typed
    for typed in ("chongqingyinhang", "chongqingyinxing", "cqyh"):
        assert "重庆银行股份有限公司" in names(search(world, "staff_a", typed)), typed


def test_surnames_are_found_by_their_proper_reading(world: World) -> None:
    shan = search(world, "staff_a", "shantianfang")
    assert [(hit.kind, hit.name, hit.customer_name) for hit in shan] == [
        ("contact", "单田芳", HUAXIA)
    ]
    assert names(search(world, "staff_a", "zengzhiwei")) == ["曾志伟"]
    assert "单田芳" in names(search(world, "staff_a", "stf"))


def test_full_width_and_half_width_and_mixed_names_match_either_way(world: World) -> None:
    for typed in ("abc", "ＡＢＣ", "北京abc", "北京ＡＢＣ传媒", "beijingabc"):
        assert "北京ＡＢＣ传媒" in names(search(world, "staff_a", typed)), typed
    hit = next(h for h in search(world, "staff_a", "abc") if h.name == "北京ＡＢＣ传媒")
    assert highlighted(hit) == ["ＡＢＣ"]


def test_phone_mobile_email_and_address_fragments(world: World) -> None:
    phone = search(world, "staff_a", "8888 12")
    assert [(hit.name, hit.field) for hit in phone] == [(HUAXIA, "phone")]
    assert highlighted(phone[0]) == ["888812"]  # stored as validated: 01088881234
    mobile = search(world, "staff_a", "139-1234")
    assert [(hit.name, hit.field) for hit in mobile] == [("单田芳", "phone")]
    email = search(world, "staff_a", "huaxia-media")
    assert [(hit.name, hit.field) for hit in email] == [(HUAXIA, "email")]
    address = search(world, "staff_a", "建国路")
    assert [(hit.name, hit.field, highlighted(hit)) for hit in address] == [
        (HUAXIA, "address", ["建国路"])
    ]


def test_one_typo_in_a_latin_word_is_tolerated(world: World) -> None:
    for typed in ("huawie", "hauwei", "huwei", "huaweii", "huaxei"):
        hits = search(world, "staff_a", typed)
        assert "Huawei Media Group" in names(hits), typed
        assert next(h for h in hits if h.name == "Huawei Media Group").tier == TYPO
    assert "Huawei Media Group" not in names(search(world, "staff_a", "hwaxie"))  # two edits
    assert "Huawei Media Group" in names(search(world, "staff_a", "med"))
    # Three letters are matched as typed only.
    assert "Huawei Media Group" not in names(search(world, "staff_a", "mde"))


def test_the_page_is_the_limit_best_first(world: World) -> None:
    everything = search(world, "boss", "有限公司")
    assert len(everything) == 11  # the six users' own customers, five of the data set
    first_two = search(world, "boss", "有限公司", limit=2)
    assert first_two == everything[:2]


# Permissions.


def test_a_user_never_finds_what_they_may_not_open(world: World) -> None:
    assert "华夏金融有限公司" not in names(search(world, "staff_a", "华夏"))
    assert names(search(world, "staff_b", "华夏")) == ["华夏金融有限公司"]
    assert "华夏金融有限公司" in names(search(world, "boss", "华夏"))
    # The hidden one is not counted either: staff B sees one hit, not three.
    assert len(search(world, "staff_b", "hx")) == 1


def test_contacts_of_a_customer_the_user_may_not_see_are_not_found(world: World) -> None:
    assert search(world, "staff_b", "单田芳") == []


# Hostile input.


@pytest.mark.parametrize(
    "typed",
    [
        "%",
        "_",
        "\\",
        "'",
        '"',
        "%华%",
        "华_",
        "'; DROP TABLE customers; --",
        "' OR '1'='1",
        "\\%",
        "x" * 10_000,
        "华" * 10_000,
        "😀",
        "😀华夏",
        "\x00",
        " ",
        "",
    ],
)
def test_hostile_input_is_answered_without_error_or_leak(world: World, typed: str) -> None:
    hits = search(world, "staff_a", typed)
    assert all(hit.name != "华夏金融有限公司" for hit in hits)
    assert len(hits) <= 2 if "华" in typed else hits == []


# The search text kept in step with every write.


def test_an_edit_a_delete_and_a_restore_are_found_at_once(world: World) -> None:
    ident = add_customer(world, "staff_a", "旧名称文化有限公司")
    with session_as(world, "staff_a") as (session, staff):
        row = records.read(session, staff, CUSTOMERS, ident)
        customers.update_customer(
            session, staff, ident, row.version, {**row.values, "name": "新名字文化有限公司"}
        )
    assert names(search(world, "staff_a", "旧名称")) == []
    assert names(search(world, "staff_a", "xinmingzi")) == ["新名字文化有限公司"]
    with session_as(world, "admin") as (session, admin):
        version = records.read(session, admin, CUSTOMERS, ident).version
        records.delete(session, admin, CUSTOMERS, ident, version)
    assert names(search(world, "staff_a", "新名字")) == []
    with session_as(world, "admin") as (session, admin):
        records.restore(session, admin, CUSTOMERS, ident)
    assert names(search(world, "staff_a", "新名字")) == ["新名字文化有限公司"]


def test_a_merge_leaves_the_kept_customer_found_by_what_it_took_over(world: World) -> None:
    keep = add_customer(world, "staff_a", "合并保留有限公司")
    merged = add_customer(world, "staff_a", "合并并入有限公司", phone="021-6543 2109")
    with session_as(world, "admin") as (session, admin):
        ownership.merge_customers(session, admin, keep, merged)
    assert names(search(world, "boss", "合并")) == ["合并保留有限公司"]
    assert names(search(world, "boss", "65432109")) == ["合并保留有限公司"]


def test_imported_customers_and_contacts_are_found(world: World, tmp_path: Path) -> None:
    path = tmp_path / "import.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["公司名称", "联系人", "手机", "地址"])
        writer.writerow(["音乐之声导入有限公司", "欧阳娜娜", "13700001111", "深圳市南山区科技园"])
    with session_as(world, "staff_a") as (session, staff):
        result = import_customers(session, staff, path)
    assert result.created == 1
    assert names(search(world, "staff_a", "yinyuezhisheng")) == ["音乐之声导入有限公司"]
    assert names(search(world, "staff_a", "ouyang")) == ["欧阳娜娜"]
    assert names(search(world, "staff_a", "0000111")) == ["欧阳娜娜"]
    assert names(search(world, "staff_a", "科技园")) == ["音乐之声导入有限公司"]


def test_every_customer_has_its_search_text_written(world: World) -> None:
    with session_as(world, "boss") as (session, _boss):
        missing = session.scalars(select(Customer.name).where(Customer.search_text.is_(None)))
        assert list(missing) == []
