"""The fuzzy query on both databases, as real users, over a fixed set of customers and
contacts entered through the services: every kind of query with its known answer and rank,
polyphonic characters, full-width and mixed names, one typo, the index kept in step by every
write, permissions on hits, and hostile input."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select, text

from app import customers, ownership, records, search
from app.customers import CONTACTS, CUSTOMERS
from db import search_index
from db.engine import make_engine, make_session_factory
from db.models.customers import Contact, Customer
from tests.customer_world import add_customer, session_as
from tests.databases import fresh_database
from tests.security_world import World, build_world


@dataclass
class Data:
    world: World
    ids: dict[str, int]


# name: (owner, more values)
CUSTOMERS_DATA = {
    "华夏": ("staff_a", {}),
    "华夏银行股份有限公司": ("staff_a", {}),
    "新华夏广告有限公司": ("staff_a", {}),
    "乐行文化传播有限公司": ("staff_a", {}),
    "重庆长江传媒有限公司": ("staff_a", {}),
    "ＨＵＡＸＩＡ数码": ("staff_a", {}),
    "北京ABC传媒有限公司": (
        "staff_a",
        {
            "phone": "010-88886666",
            "email": "Info@ABC-Media.cn",
            "address": "北京市朝阳区建国路88号",
            "mnemonic": "MEDIA01",
        },
    ),
    "华夏秘密咨询有限公司": ("staff_b", {"phone": "010-77776666"}),
}
# contact name: (customer, more values)
CONTACTS_DATA = {
    "单田芳": ("乐行文化传播有限公司", {"mobile": "13912345678", "email": "tf.shan@example.com"}),
    "长孙无忌": ("重庆长江传媒有限公司", {}),
    "秦华夏": ("华夏秘密咨询有限公司", {"mobile": "13987654321"}),
}


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def data(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Data]:
    with fresh_database(request.param, request, tmp_path_factory.mktemp("search")) as url:
        world = build_world(url)
        ids = {}
        for name, (owner, more) in CUSTOMERS_DATA.items():
            ids[name] = add_customer(world, owner, name, **more)
        for name, (customer, more) in CONTACTS_DATA.items():
            owner = CUSTOMERS_DATA[customer][0]
            with session_as(world, owner) as (session, user):
                values = {"customer_id": ids[customer], "name": name, **more}
                ids[name] = records.create(session, user, CONTACTS, values).id
        yield Data(world, ids)


def found(data: Data, username: str, query: str, limit: int = search.PAGE) -> list[str]:
    return [hit.name for hit in hits(data, username, query, limit)]


def hits(data: Data, username: str, query: str, limit: int = search.PAGE) -> list[search.SearchHit]:
    with session_as(data.world, username) as (session, user):
        return search.search(session, user, query, limit)


def test_two_chinese_characters_find_exact_then_prefix_then_inside_by_pinyin(data: Data) -> None:
    result = hits(data, "staff_a", "华夏")
    assert [(hit.name, hit.rank) for hit in result] == [
        ("华夏", search.EXACT),
        ("华夏银行股份有限公司", search.PREFIX),
        ("新华夏广告有限公司", search.INNER),
    ]
    assert {hit.field for hit in result} == {"name"}
    assert result[2].span == (1, 3)


def test_one_chinese_character_finds_every_name_holding_it(data: Data) -> None:
    assert found(data, "staff_a", "夏") == ["华夏", "华夏银行股份有限公司", "新华夏广告有限公司"]
    assert found(data, "staff_a", "单") == ["单田芳"]


def test_full_pinyin_with_or_without_spaces_and_initials(data: Data) -> None:
    assert found(data, "staff_a", "huaxia")[:3] == [
        "华夏",
        "ＨＵＡＸＩＡ数码",
        "华夏银行股份有限公司",
    ]
    assert found(data, "staff_a", "hua xia yin hang") == ["华夏银行股份有限公司"]
    assert found(data, "staff_a", "HXYH") == ["华夏银行股份有限公司"]
    result = hits(data, "staff_a", "chongqingchangjiang")
    assert [(hit.name, hit.field, hit.span) for hit in result] == [
        ("重庆长江传媒有限公司", "pinyin", (0, 4))
    ]
    assert found(data, "staff_a", "cqcj") == ["重庆长江传媒有限公司"]
    assert [hit.field for hit in hits(data, "staff_a", "cqcj")] == ["initials"]


def test_every_reading_of_a_polyphonic_character_finds_the_record(data: Data) -> None:
    for query in ("lexing", "yuexing", "lehangwenhua", "yuexingwenhua", "lxwh", "lhwh", "yxwh"):
        assert found(data, "staff_a", query) == ["乐行文化传播有限公司"], query
    for query in ("shantianfang", "dantianfang", "stf"):
        assert found(data, "staff_a", query) == ["单田芳"], query
    assert found(data, "staff_a", "zhangsunwuji") == ["长孙无忌"]  # the surname's reading


def test_place_names_are_read_as_places(data: Data) -> None:
    """重庆 is chong qing as a place; 银行 is yin hang."""
    assert [hit.rank for hit in hits(data, "staff_a", "chongqing")] == [search.PREFIX]
    assert [hit.rank for hit in hits(data, "staff_a", "yinhang")] == [search.INNER]


def test_full_width_and_mixed_names_match_either_way(data: Data) -> None:
    for query in ("abc", "ＡＢＣ", "abc传媒", "ＡＢＣ传媒", "北京abc"):
        assert found(data, "staff_a", query) == ["北京ABC传媒有限公司"], query
    assert found(data, "staff_a", "huaxia数码") == ["ＨＵＡＸＩＡ数码"]
    hit = hits(data, "staff_a", "abc传媒")[0]
    assert hit.span == (2, 7)


def test_phone_email_address_and_mnemonic_fragments(data: Data) -> None:
    for query, field in (
        ("8888", "phone"),
        ("010-8888", "phone"),
        ("abc-media", "email"),
        ("@abc-media.cn", "email"),
        ("朝阳区", "address"),
        ("建国路88", "address"),
        ("media01", "mnemonic"),
    ):
        result = hits(data, "staff_a", query)
        assert [(hit.name, hit.field) for hit in result] == [("北京ABC传媒有限公司", field)], query
    mobile = hits(data, "staff_a", "1234 5678")
    assert [(hit.kind, hit.name, hit.field, hit.text) for hit in mobile] == [
        ("contact", "单田芳", "phone", "13912345678")
    ]
    assert mobile[0].span == (3, 11)
    assert found(data, "staff_a", "example.com") == ["单田芳"]


def test_one_typo_in_a_latin_word_is_forgiven_after_the_exact_hits(data: Data) -> None:
    for query in ("huaixa", "huaxja", "huaxxia", "hxaxia"):
        result = hits(data, "staff_a", query)
        assert "华夏" in [hit.name for hit in result], query
        assert {hit.rank for hit in result} == {search.TYPO}, query
    assert found(data, "staff_a", "lexnig") == ["乐行文化传播有限公司"]
    assert found(data, "staff_a", "abd") == []  # three letters: no typo forgiven
    assert found(data, "staff_a", "huaxiq")[:2] == ["华夏", "ＨＵＡＸＩＡ数码"]


def test_ties_are_broken_by_pinyin_then_id_and_the_limit_holds(data: Data) -> None:
    result = found(data, "admin", "有限公司")
    with session_as(data.world, "admin") as (session, _user):
        rows = session.execute(select(Customer.name, Customer.name_pinyin)).all()
    keys = {name: search_index.normalise(pinyin) for name, pinyin in rows}
    assert len(result) == len(set(result)) > 8
    assert [keys[name] for name in result] == sorted(keys[name] for name in result)
    assert found(data, "admin", "有限公司", limit=2) == result[:2]


@pytest.mark.parametrize("limit", [2, search.PAGE])
def test_a_page_read_in_index_order_ranks_as_a_full_read(
    data: Data, limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Many matches are read in rank order off the index, few are all read and ranked:
    the same page either way."""
    for query in ("华夏", "夏", "有限公司", "hua", "c", "s"):
        full = [(hit.kind, hit.id, hit.rank) for hit in hits(data, "admin", query, limit)]
        monkeypatch.setattr(search, "CAP", 1)
        ordered = [(hit.kind, hit.id, hit.rank) for hit in hits(data, "admin", query, limit)]
        monkeypatch.undo()
        assert ordered == full, query
        assert full, query


def test_a_user_never_finds_what_they_may_not_open(data: Data) -> None:
    assert "华夏秘密咨询有限公司" not in found(data, "staff_a", "华夏")
    assert "秦华夏" not in found(data, "staff_a", "华夏")
    assert found(data, "staff_a", "7777") == []
    assert found(data, "staff_a", "13987654321") == []
    assert found(data, "staff_b", "华夏") == ["华夏秘密咨询有限公司", "秦华夏"]
    assert found(data, "staff_b", "8888") == []
    assert set(found(data, "admin", "华夏")) >= {"华夏", "华夏秘密咨询有限公司", "秦华夏"}
    assert found(data, "head_a", "7777") == []


def test_the_database_itself_hides_other_customers_terms(data: Data) -> None:
    """On PostgreSQL a user's own connection reads only the terms of customers they see."""
    world = data.world
    if not world.is_postgresql:
        pytest.skip("row-level security exists on PostgreSQL only")
    engine = world.engine_as("staff_a")
    try:
        with engine.connect() as connection:
            customer_ids = set(
                connection.scalars(text("SELECT DISTINCT customer_id FROM search_terms"))
            )
            hidden = connection.scalar(
                text("SELECT count(*) FROM search_terms WHERE term LIKE '7777%'")
            )
    finally:
        engine.dispose()
    assert data.ids["华夏秘密咨询有限公司"] not in customer_ids
    assert data.ids["华夏"] in customer_ids
    assert hidden == 0


@pytest.mark.parametrize(
    "query",
    [
        "'",
        '"; DROP TABLE customers; --',
        "' OR 1=1 --",
        "%",
        "_",
        "%%华%",
        "\\",
        "华\\夏",
        "_夏",
        "x" * 10_000,
        "华" * 10_000,
        "😀",
        "华😀夏",
        "\x00",
        "   ",
        "",
    ],
)
def test_hostile_input_is_answered_without_error_or_leak(data: Data, query: str) -> None:
    result = found(data, "staff_a", query)
    assert "华夏秘密咨询有限公司" not in result
    assert "秦华夏" not in result
    with session_as(data.world, "admin") as (session, _user):
        assert session.scalar(select(func.count()).select_from(Customer)) >= len(CUSTOMERS_DATA)


def test_punctuation_alone_matches_nothing(data: Data) -> None:
    for query in ("%", "_", "\\", "'", "😀", "   "):
        assert found(data, "admin", query) == [], query


# --- the index in step with every write ----------------------------------------------------


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    """A world of its own, without business records, for a test that writes."""
    with fresh_database(request.param, request, tmp_path_factory.mktemp("search_write")) as url:
        yield build_world(url, business=False)


def names(world: World, username: str, query: str) -> list[str]:
    with session_as(world, username) as (session, user):
        return [hit.name for hit in search.search(session, user, query)]


def test_edit_delete_and_restore_keep_the_index_in_step(fresh: World) -> None:
    customer = add_customer(fresh, "staff_a", "星辰传媒有限公司", phone="13800138000")
    assert names(fresh, "staff_a", "星辰") == ["星辰传媒有限公司"]
    with session_as(fresh, "staff_a") as (session, user):
        read = records.read(session, user, CUSTOMERS, customer)
        customers.update_customer(
            session,
            user,
            customer,
            read.version,
            {**read.values, "name": "月光广告有限公司"},
            accept_warnings=True,
        )
    assert names(fresh, "staff_a", "星辰") == []
    assert names(fresh, "staff_a", "yueguang") == ["月光广告有限公司"]
    assert names(fresh, "staff_a", "0013") == ["月光广告有限公司"]
    with session_as(fresh, "staff_a") as (session, user):
        contact = records.create(
            session, user, CONTACTS, {"customer_id": customer, "name": "欧阳娜娜"}
        )
    assert names(fresh, "staff_a", "ouyang") == ["欧阳娜娜"]
    with session_as(fresh, "staff_a") as (session, user):
        values = {**contact.values, "name": "司马光"}
        records.update(session, user, CONTACTS, contact.id, contact.version, values)
    assert names(fresh, "staff_a", "ouyang") == []
    assert names(fresh, "staff_a", "sima") == ["司马光"]
    with session_as(fresh, "admin") as (session, user):
        version = records.read(session, user, CUSTOMERS, customer).version
        records.delete(session, user, CUSTOMERS, customer, version)
    assert names(fresh, "admin", "月光") == []
    assert names(fresh, "admin", "sima") == []  # the contact of a deleted customer too
    with session_as(fresh, "admin") as (session, user):
        records.restore(session, user, CUSTOMERS, customer)
    assert names(fresh, "admin", "月光") == ["月光广告有限公司"]
    assert names(fresh, "admin", "sima") == ["司马光"]


def test_a_merge_moves_the_contacts_terms_to_the_kept_customer(
    fresh: World,
) -> None:
    kept = add_customer(fresh, "staff_a", "东方红广告有限公司")
    merged = add_customer(fresh, "staff_b", "东方红广告公司", email="dfh@east.cn")
    with session_as(fresh, "staff_b") as (session, user):
        records.create(session, user, CONTACTS, {"customer_id": merged, "name": "诸葛亮"})
    assert names(fresh, "staff_a", "zhuge") == []
    with session_as(fresh, "admin") as (session, user):
        ownership.merge_customers(session, user, kept, merged)
    assert names(fresh, "staff_a", "zhuge") == ["诸葛亮"]
    assert names(fresh, "staff_b", "zhuge") == []
    assert names(fresh, "admin", "东方红") == ["东方红广告有限公司"]
    assert names(fresh, "staff_a", "east") == ["东方红广告有限公司"]  # a blank filled


def test_bulk_writers_index_customers_with_their_contacts(fresh: World) -> None:
    """What the importer calls after its bulk inserts (which bypass the ORM)."""
    engine = make_engine(fresh.url)
    try:
        with make_session_factory(engine).begin() as session:
            type_id = session.scalar(text("SELECT id FROM customer_types WHERE code = 'target'"))
            employee = session.scalar(text("SELECT min(id) FROM employees"))
            connection = session.connection()
            connection.execute(
                Customer.__table__.insert(),
                [{"name": "欧亚商贸有限公司", "customer_type_id": type_id, "owner_id": employee}],
            )
            customer = connection.scalar(select(func.max(Customer.id)))
            connection.execute(
                Contact.__table__.insert(), [{"customer_id": customer, "name": "公孙胜"}]
            )
            assert search_index.index_customers(connection, [customer]) > 0
    finally:
        engine.dispose()
    assert names(fresh, "admin", "欧亚") == ["欧亚商贸有限公司"]
    assert names(fresh, "admin", "gongsunsheng") == ["公孙胜"]


def test_rebuild_gives_the_terms_the_writes_gave(data: Data) -> None:
    engine = make_engine(data.world.url)
    try:
        with engine.begin() as connection:
            before = set(connection.execute(select(search_index.search_terms)).all())
            search_index.rebuild(connection)
            after = set(connection.execute(select(search_index.search_terms)).all())
    finally:
        engine.dispose()
    assert before == after
