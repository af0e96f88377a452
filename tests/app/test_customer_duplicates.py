"""Collision protection (撞单): the normalised name, and the check against every customer —
one the user may not see included, named by its owner only — on both databases."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import customers, records
from app.customer_duplicates import (
    CustomerCandidate,
    candidate_keys,
    email_keys,
    find_duplicates,
    find_duplicates_many,
    normalise_name,
    phone_keys,
)
from app.errors import ValidationError
from tests.customer_world import add_customer, credit_code, customer_values, session_as
from tests.databases import fresh_database
from tests.security_world import World, build_world

HUAXIA = "北京华夏传媒有限公司"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    """One world per backend; each test enters customers of its own names."""
    with fresh_database(request.param, request, tmp_path_factory.mktemp("dupes")) as url:
        yield build_world(url)


# The normalised name.


@pytest.mark.parametrize(
    "name",
    [
        "北京华夏传媒有限公司",
        "华夏传媒（北京）有限责任公司",
        "华夏传媒【北京】股份有限公司",
        "华夏传媒(北京)集团有限公司",
        " 华夏 传媒 有限公司 ",
        "华夏传媒有限公司北京分公司",
        "北京市华夏传媒",
    ],
)
def test_names_of_one_company_meet_one_key(name: str) -> None:
    assert normalise_name(name) == "华夏传媒"


def test_full_width_latin_and_legal_words_meet_the_half_width_name() -> None:
    assert (
        normalise_name("ＨＵＡＸＩＡ传媒")
        == normalise_name("HuaXia 传媒 Co., Ltd.")
        == "huaxia传媒"
    )
    assert normalise_name("ABC（中国）有限公司") == normalise_name("abc inc.") == "abc"


def test_a_place_that_is_the_name_itself_stays() -> None:
    assert normalise_name("北京银行") == "北京银行"
    assert normalise_name("上海银行") != normalise_name("北京银行")
    assert normalise_name("有限公司") == "有限公司"
    assert normalise_name("Tesco") == "tesco"  # "co" only as a word of its own


CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
CJK_NAMES = st.text(alphabet=st.one_of(CJK, st.sampled_from("0123456789")), min_size=1, max_size=12)
SUFFIXES = st.sampled_from(["", "有限公司", "股份有限公司", "有限责任公司", "集团", "公司"])


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_normalising_is_idempotent(name: str) -> None:
    key = normalise_name(name)
    assert normalise_name(key) == key


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=30))
def test_full_width_text_meets_its_half_width_form(name: str) -> None:
    full_width = "".join(chr(ord(char) + 0xFEE0) for char in name)
    assert normalise_name(full_width) == normalise_name(name)


@settings(max_examples=200, deadline=None)
@given(CJK_NAMES, SUFFIXES, st.lists(st.sampled_from(" \u3000\t·、-_."), max_size=5), st.data())
def test_spaces_and_punctuation_between_chinese_characters_change_nothing(
    name: str, suffix: str, marks: list[str], data: st.DataObject
) -> None:
    text = name + suffix
    spoiled = list(text)
    for mark in marks:
        spoiled.insert(data.draw(st.integers(0, len(spoiled))), mark)
    assert normalise_name("".join(spoiled)) == normalise_name(text)


@settings(max_examples=200, deadline=None)
@given(
    CJK_NAMES,
    CJK_NAMES,
    SUFFIXES,
    st.sampled_from(["()", "（）", "【】", "[]", "〔〕", "《》", "「」"]),
)
def test_the_kind_of_bracket_changes_nothing(
    name: str, inner: str, suffix: str, brackets: str
) -> None:
    plain = f"{name}({inner}){suffix}"
    other = f"{name}{brackets[0]}{inner}{brackets[1]}{suffix}"
    assert normalise_name(other) == normalise_name(plain)


def test_phones_and_e_mails_are_compared_normalised() -> None:
    assert phone_keys("+86 138-0013-8000") == {"13800138000"}
    assert phone_keys("(0755)1234 5678 转 123") == {"0755-12345678"}
    assert phone_keys("400 810 8888") == {"400-810-8888"}
    assert phone_keys("call me") == frozenset()
    assert email_keys("Li.Lei@Example.COM") == {"li.lei@example.com", "Li.Lei@example.com"}
    keys = candidate_keys(CustomerCandidate(HUAXIA, " 9111 0108 ma00 0000 1x "))
    assert (keys.name_key, keys.credit_code) == ("华夏传媒", "91110108MA0000001X")


# The check against the database.


def test_staff_of_another_department_is_warned_without_seeing_the_customer(world: World) -> None:
    """staff_b enters staff_a's customer, hidden from them by row-level security (by
    visible_rows on SQLite): the warning names its owner and department, not the customer."""
    hidden = world.customer_of["staff_a"]
    candidate = CustomerCandidate("（北京）staff_a 的客户股份有限公司")
    with session_as(world, "staff_b") as (session, staff_b):
        assert records.deleted_records(session, staff_b, customers.CUSTOMERS) == []
        found = find_duplicates(session, staff_b, candidate)
    assert [(m.rule, m.customer_id, m.owner_name, m.department_name) for m in found] == [
        ("name", hidden, "王小明", "A")
    ]
    assert found[0].customer_name is None
    with session_as(world, "staff_a") as (session, staff_a):
        mine = find_duplicates(session, staff_a, candidate)
    assert mine[0].customer_name == "staff_a 的客户有限公司"


def test_a_near_identical_name_with_another_suffix_and_full_width_letters_matches(
    world: World,
) -> None:
    kept = add_customer(world, "staff_a", "北京ＸＹ华夏传媒有限公司")
    with session_as(world, "staff_b") as (session, staff_b):
        found = find_duplicates(
            session, staff_b, CustomerCandidate("xy华夏传媒（北京）股份有限公司")
        )
        other = find_duplicates(session, staff_b, CustomerCandidate("XY华夏文化有限公司"))
    assert [(m.rule, m.customer_id) for m in found] == [("name", kept)]
    assert other == []


def test_phones_and_e_mails_of_customers_and_their_contacts_match(world: World) -> None:
    kept = add_customer(
        world, "staff_a", "电话测试甲公司", phone="0571-87654321-8", email="Sales@Phone-Test.cn"
    )
    with session_as(world, "staff_a") as (session, staff_a):
        records.create(
            session,
            staff_a,
            customers.CONTACTS,
            {"customer_id": kept, "name": "王经理", "mobile": "13912345678",
             "email": "wang@phone-test.cn"},
        )  # fmt: skip
    by_landline = CustomerCandidate("完全不同的名字", phones=("(0571) 8765 4321",))
    by_mobile = CustomerCandidate("完全不同的名字", phones=("+86 139 1234 5678",))
    by_email = CustomerCandidate("完全不同的名字", emails=("Wang@Phone-Test.CN",))
    by_customer_email = CustomerCandidate("完全不同的名字", emails=("SALES@phone-test.cn",))
    with session_as(world, "staff_b") as (session, staff_b):
        found = find_duplicates_many(
            session, staff_b, [by_landline, by_mobile, by_email, by_customer_email]
        )
    assert [[(m.rule, m.customer_id, m.matched) for m in matches] for matches in found] == [
        [("phone", kept, "0571-87654321")],  # the customer's number, with an extension
        [("phone", kept, "13912345678")],  # the contact's mobile
        [("email", kept, "wang@phone-test.cn")],
        [("email", kept, "sales@phone-test.cn")],  # stored in lower case
    ]


def test_a_deleted_customer_warns_no_more_but_keeps_its_credit_code(world: World) -> None:
    code = credit_code(9001)
    gone = add_customer(world, "staff_a", "回收站测试传媒有限公司", credit_code=code)
    with session_as(world, "head_a") as (session, head_a):  # staff may not delete
        version = records.read(session, head_a, customers.CUSTOMERS, gone).version
        records.delete(session, head_a, customers.CUSTOMERS, gone, version)
    with session_as(world, "staff_b") as (session, staff_b):
        assert find_duplicates(session, staff_b, CustomerCandidate("回收站测试传媒")) == []
        found = find_duplicates(session, staff_b, CustomerCandidate("别的名字", code))
        assert [(m.rule, m.customer_id, m.in_recycle_bin) for m in found] == [
            ("credit_code", gone, True)
        ]
        with pytest.raises(ValidationError) as refused:
            customers.create_customer(
                session, staff_b, customer_values(world, "别的名字", credit_code=code)
            )
    assert (refused.value.code, refused.value.field) == ("credit_code_taken", "credit_code")
    assert refused.value.params["owner"] == "王小明"
    assert refused.value.params["customer"] is None


def test_the_customer_being_edited_is_not_its_own_duplicate(world: World) -> None:
    kept = add_customer(world, "staff_a", "自身测试有限公司")
    with session_as(world, "staff_a") as (session, staff_a):
        assert find_duplicates(session, staff_a, CustomerCandidate("自身测试"), kept) == []


def test_many_candidates_are_checked_together_each_with_its_own_matches(world: World) -> None:
    first = add_customer(world, "staff_b", "批量甲科技有限公司", phone="13700000001")
    second = add_customer(world, "staff_b", "批量乙科技有限公司", email="hi@batch-b.cn")
    candidates = [
        CustomerCandidate("批量甲科技"),
        CustomerCandidate("无关公司"),
        CustomerCandidate("另一个", phones=("137 0000 0001",), emails=("HI@batch-b.cn",)),
        *(CustomerCandidate(f"批量新客户{n}") for n in range(600)),
    ]
    with session_as(world, "head_a") as (session, head_a):
        found = find_duplicates_many(session, head_a, candidates)
    assert len(found) == len(candidates)
    assert [(m.rule, m.customer_id) for m in found[0]] == [("name", first)]
    assert found[1] == []
    assert [(m.rule, m.customer_id) for m in found[2]] == [("phone", first), ("email", second)]
    assert all(matches == [] for matches in found[3:])
    assert found[0][0].owner_name == "韩梅梅" and found[0][0].customer_name is None
