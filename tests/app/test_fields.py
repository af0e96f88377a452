"""Form fields without Qt: typed text becomes values the way people in China type them, wrong
entries are refused with a code naming the field, and what is displayed parses back."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.fields import (
    Choice,
    FieldSpec,
    Kind,
    LookupOption,
    display,
    find_option,
    parse,
    pinyin_search_text,
)
from app.identifiers import CREDIT_CODE_ALPHABET, credit_code_check_char
from app.messages import MESSAGES, describe
from db.models.company import CompanyInfo, ProductService
from db.models.lookups import City, MediaOutlet, Position


def spec(kind: Kind | str, **rules: Any) -> FieldSpec:
    return FieldSpec("field", Kind(kind), label_zh="字段", label_en="Field", **rules)


def refusal(field_spec: FieldSpec, raw: str) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        parse(field_spec, raw)
    assert caught.value.field == field_spec.key
    return caught.value


def credit_code(first17: str) -> str:
    return first17 + credit_code_check_char(first17)


# A spec from the model.


def test_a_spec_from_a_column_takes_its_labels_length_and_nullability() -> None:
    name = FieldSpec.of(CompanyInfo.name)
    assert (name.key, name.kind, name.label_zh, name.label_en) == (
        "name",
        "text",
        "公司名称",
        "Name",
    )
    assert name.required and name.max_length == 200
    assert not FieldSpec.of(CompanyInfo.short_name).required


def test_a_spec_from_a_column_guesses_the_kind_from_its_type() -> None:
    assert FieldSpec.of(CompanyInfo.notes).kind is Kind.MULTILINE
    assert FieldSpec.of(MediaOutlet.is_own).kind is Kind.BOOL
    assert FieldSpec.of(MediaOutlet.city_id).kind is Kind.LOOKUP
    circulation = FieldSpec.of(MediaOutlet.circulation)
    assert circulation.kind is Kind.INT and circulation.max_value == 2**31 - 1


def test_a_money_column_limits_the_amount_to_its_precision() -> None:
    price = FieldSpec.of(ProductService.price, kind="money", min_value=Decimal(0))
    assert (price.kind, price.decimals, price.min_value) == (Kind.MONEY, 2, 0)
    assert price.max_value == Decimal("999999999999.99")
    assert refusal(price, "1000000000000").code == "out_of_range"
    assert refusal(price, "-1").code == "out_of_range"


def test_a_column_with_a_default_is_not_required_and_the_caller_may_say_otherwise() -> None:
    assert not FieldSpec.of(Position.sort_order).required
    assert FieldSpec.of(City.area_code, kind="text", required=True).required
    assert FieldSpec.of(CompanyInfo.credit_code, kind="credit_code").max_length == 18


# Empty, required, too long.


def test_empty_input_is_none_unless_the_field_is_required() -> None:
    assert parse(spec("text"), "   ") is None
    assert parse(spec("money"), "") is None
    assert refusal(spec("date", required=True), " ").code == "required"


def test_text_is_trimmed_and_limited_to_the_column_length() -> None:
    assert parse(spec("text", max_length=5), "  北京日报社 ") == "北京日报社"
    error = refusal(spec("text", max_length=4), "北京日报社")
    assert (error.code, error.params["maximum"], error.params["length"]) == ("too_long", 4, 5)


def test_the_message_names_the_field_in_the_users_language() -> None:
    error = refusal(FieldSpec.of(CompanyInfo.name), "")
    assert describe(error, "zh_CN") == "请填写公司名称。"
    assert describe(error, "en") == "Name is required."


def test_every_code_a_field_raises_has_words_in_both_languages() -> None:
    codes = [
        "required", "too_long", "not_a_number", "out_of_range", "too_many_decimals",
        "invalid_date", "invalid_cn_mobile", "invalid_landline", "invalid_cn_phone",
        "invalid_email", "invalid_postal_code", "invalid_url", "invalid_credit_code",
        "unknown_option", "ambiguous_option",
    ]  # fmt: skip
    params = {"maximum": 3, "length": 4, "example": "1", "range": "≥ 0", "decimals": 2}
    for code in codes:
        error = ValidationError(code, field="f", label_zh="手机", label_en="Mobile", text="x")
        error.params.update(params)
        zh, en = describe(error, "zh_CN"), describe(error, "en")
        assert "{" not in zh + en and zh != en, code
        assert code in MESSAGES


# Numbers and money.


@pytest.mark.parametrize(
    ("raw", "amount"),
    [
        ("1,234.50", "1234.50"),
        ("¥1234", "1234.00"),
        ("￥ 1,234.5", "1234.50"),
        ("１２３４．５０", "1234.50"),
        ("1234。5", "1234.50"),
        ("RMB 88", "88.00"),
        ("88元", "88.00"),
        ("5.5万", "55000.00"),
        ("-0.01", "-0.01"),
    ],
)
def test_money_accepts_what_people_type(raw: str, amount: str) -> None:
    value = parse(spec("money"), raw)
    assert value == Decimal(amount) and value.as_tuple().exponent == -2


def test_money_refuses_fractions_of_a_fen_and_words() -> None:
    assert refusal(spec("money"), "12.345").code == "too_many_decimals"
    assert parse(spec("money"), "12.340") == Decimal("12.34")
    error = refusal(spec("money"), "十二元")
    assert (error.code, error.params["example"]) == ("not_a_number", "1,234.50")
    assert refusal(spec("money"), "1e5").code == "not_a_number"


def test_whole_numbers_and_their_range() -> None:
    issues = spec("int", min_value=1, max_value=52)
    assert parse(issues, "１２") == 12 and parse(issues, "12.0") == 12
    assert refusal(issues, "1.5").code == "not_a_number"
    error = refusal(issues, "53")
    assert (error.code, error.params["range"]) == ("out_of_range", "1 – 52")
    assert refusal(spec("int", min_value=0), "-1").params["range"] == "≥ 0"


def test_a_decimal_keeps_its_places() -> None:
    assert parse(spec("decimal"), "3.14159") == Decimal("3.14159")
    assert parse(spec("decimal", decimals=1), "7") == Decimal("7.0")
    assert refusal(spec("decimal", decimals=1), "7.25").params["decimals"] == 1


amounts = st.decimals(
    min_value=Decimal("-999999999999.99"),
    max_value=Decimal("999999999999.99"),
    places=2,
    allow_nan=False,
    allow_infinity=False,
)


@given(amounts)
def test_money_reads_back_what_it_displays(amount: Decimal) -> None:
    money = spec("money")
    assert parse(money, display(money, amount)) == amount


@given(st.integers(min_value=-(2**31) + 1, max_value=2**31 - 1))
def test_whole_numbers_read_back_what_they_display(number: int) -> None:
    assert parse(spec("int"), display(spec("int"), number)) == number


# Dates.


@pytest.mark.parametrize(
    "raw",
    ["2024-03-15", "2024/3/15", "2024.3.15", "2024年3月15日", "20240315", "２０２４年３月１５日"],
)
def test_dates_in_the_usual_chinese_ways(raw: str) -> None:
    assert parse(spec("date"), raw) == dt.date(2024, 3, 15)


@pytest.mark.parametrize("raw", ["2024-02-30", "15/03/2024", "明天", "2024-13-01"])
def test_impossible_or_foreign_dates_are_refused(raw: str) -> None:
    assert refusal(spec("date"), raw).code == "invalid_date"


def test_a_date_outside_its_range_is_refused() -> None:
    bounded = spec("date", min_value=dt.date(2000, 1, 1))
    assert refusal(bounded, "1999-12-31").params["range"] == "≥ 2000-01-01"


@given(st.dates(min_value=dt.date(1000, 1, 1)))
def test_dates_read_back_what_they_display(day: dt.date) -> None:
    assert parse(spec("date"), display(spec("date"), day)) == day
    assert parse(spec("date"), display(spec("date"), day, date_format="%Y年%m月%d日")) == day


# Telephone numbers.


@pytest.mark.parametrize(
    "raw",
    [
        "13800138000",
        "138 0013 8000",
        "138-0013-8000",
        "+86 138 0013 8000",
        "+8613800138000",
        "0086 13800138000",
        "８６１３８００１３８０００",
    ],
)
def test_a_mainland_mobile_is_kept_as_its_eleven_digits(raw: str) -> None:
    assert parse(spec("mobile"), raw) == "13800138000"


@pytest.mark.parametrize("number", ["13912345678", "15012345678", "18612345678", "19912345678"])
def test_mobiles_of_every_operator_range(number: str) -> None:
    assert parse(spec("mobile"), number) == number
    assert display(spec("mobile"), number) == f"{number[:3]} {number[3:7]} {number[7:]}"


@pytest.mark.parametrize("raw", ["12345678901", "1380013800", "138001380001", "+44 7700 900123"])
def test_what_is_not_a_mainland_mobile_is_refused(raw: str) -> None:
    assert refusal(spec("mobile"), raw).code == "invalid_cn_mobile"


@pytest.mark.parametrize(
    ("raw", "number"),
    [
        ("010-12345678", "010-12345678"),
        ("01012345678", "010-12345678"),
        ("(0755)12345678-123", "0755-12345678-123"),
        ("（0755）12345678", "0755-12345678"),
        ("0755 8765 4321", "0755-87654321"),
        ("021-6543210 转 88", "021-6543210-88"),
        ("0571-87654321 ext. 12", "0571-87654321-12"),
        ("+86 10 12345678", "010-12345678"),
        ("+86 (0)755 1234 5678", "0755-12345678"),
        ("400-810-8888", "400-810-8888"),
    ],
)
def test_landlines_with_area_code_and_extension(raw: str, number: str) -> None:
    assert parse(spec("landline"), raw) == number
    assert parse(spec("phone"), raw) == number


@pytest.mark.parametrize("raw", ["12345678", "0755-123", "010-0123456", "13800138000", "电话"])
def test_what_is_not_a_landline_is_refused(raw: str) -> None:
    assert refusal(spec("landline"), raw).code == "invalid_landline"


def test_a_phone_field_takes_a_mobile_or_a_landline() -> None:
    assert parse(spec("phone"), "+86 186 1234 5678") == "18612345678"
    assert parse(spec("phone"), "(010)62751234") == "010-62751234"
    assert refusal(spec("phone"), "6275").code == "invalid_cn_phone"


# E-mail, postal code, web address, credit code.


@pytest.mark.parametrize(
    ("raw", "address"),
    [
        ("Li.Wei@Example.COM", "Li.Wei@example.com"),
        ("zhangsan＠163．com", "zhangsan@163.com"),
        ("10001@qq。com", "10001@qq.com"),
    ],
)
def test_email_addresses_typed_with_a_chinese_input_method(raw: str, address: str) -> None:
    assert parse(spec("email"), raw) == address


@pytest.mark.parametrize("raw", ["liwei", "li wei@163.com", "liwei@163", "li..wei@163.com"])
def test_what_is_not_an_email_address_is_refused(raw: str) -> None:
    assert refusal(spec("email"), raw).code == "invalid_email"


def test_postal_codes_have_six_digits() -> None:
    assert parse(spec("postal_code"), "100080") == "100080"
    assert parse(spec("postal_code"), "５１８０００") == "518000"
    for raw in ("10008", "1000801", "10008A"):
        assert refusal(spec("postal_code"), raw).code == "invalid_postal_code"


def test_web_addresses_get_a_scheme_and_lower_case_host() -> None:
    assert parse(spec("url"), "www.people.com.cn") == "http://www.people.com.cn"
    assert (
        parse(spec("url"), "HTTPS://Www.Xinhuanet.com/a?b=1") == "https://www.xinhuanet.com/a?b=1"
    )
    for raw in ("人民网", "http://", "www example com", "ftp://example.com"):
        assert refusal(spec("url"), raw).code == "invalid_url"


def test_credit_codes_need_their_check_character() -> None:
    made = credit_code("91110108" + "MA01ABCD" + "X")
    assert parse(spec("credit_code"), made.lower()) == made
    assert parse(spec("credit_code"), f"{made[:6]} {made[6:12]} {made[12:]}") == made
    assert parse(spec("credit_code"), "91350100M000100Y43") == "91350100M000100Y43"
    wrong = made[:17] + next(c for c in CREDIT_CODE_ALPHABET if c != made[17])
    for raw in (wrong, made[:17], "91350100I000100Y43"):
        assert refusal(spec("credit_code"), raw).code == "invalid_credit_code"


@given(st.text(alphabet=CREDIT_CODE_ALPHABET, min_size=17, max_size=17))
def test_every_code_with_its_check_character_is_accepted(first17: str) -> None:
    code = credit_code(first17[:2] + "110108" + first17[8:])
    assert parse(spec("credit_code"), code) == code


# Yes/no, choices, lookups.


def test_yes_and_no() -> None:
    assert parse(spec("bool"), "是") is True and parse(spec("bool"), "false") is False
    assert display(spec("bool"), True) == "是"
    assert display(spec("bool"), False, language="en") == "No"
    assert refusal(spec("bool"), "也许").code == "unknown_option"


KINDS = spec(
    "choice",
    choices=(Choice("periodical", "期刊", "Periodical"), Choice("online", "网络", "Online")),
)


def test_a_choice_is_its_code_typed_as_code_or_label() -> None:
    assert parse(KINDS, "online") == "online"
    assert parse(KINDS, "期刊") == "periodical" and parse(KINDS, "periodical") == "periodical"
    assert (
        display(KINDS, "online") == "网络" and display(KINDS, "online", language="en") == "Online"
    )
    error = refusal(KINDS, "tv")
    assert (error.code, error.params["text"]) == ("unknown_option", "tv")


OUTLETS = [
    LookupOption(1, "北京日报", pinyin_search_text("北京日报")),
    LookupOption(2, "北京晚报", pinyin_search_text("北京晚报")),
    LookupOption(3, "南方周末", pinyin_search_text("南方周末")),
    LookupOption(4, "China Daily"),
]


def test_pinyin_search_text_has_initials_and_full_pinyin() -> None:
    assert pinyin_search_text("北京日报") == "bjrb beijingribao"


@pytest.mark.parametrize(
    ("typed", "id_"),
    [("北京日报", 1), ("china daily", 4), ("bjwb", 2), ("nfzm", 3), ("周末", 3), ("daily", 4)],
)
def test_a_lookup_takes_the_option_typed_or_the_only_one_that_matches(typed: str, id_: int) -> None:
    outlet = spec("lookup")
    assert parse(outlet, typed, OUTLETS) == id_
    assert display(outlet, id_, options=OUTLETS) == find_option(outlet, OUTLETS, typed).text


def test_a_lookup_refuses_an_unknown_or_ambiguous_entry() -> None:
    with pytest.raises(ValidationError) as caught:
        parse(spec("lookup"), "北京", OUTLETS)
    assert caught.value.code == "ambiguous_option"
    with pytest.raises(ValidationError) as caught:
        parse(spec("lookup"), "人民日报", OUTLETS)
    assert (caught.value.code, caught.value.params["text"]) == ("unknown_option", "人民日报")


def test_a_lookup_without_options_takes_an_id() -> None:
    assert parse(spec("lookup"), "42") == 42
    assert refusal(spec("lookup"), "北京").code == "unknown_option"


def test_the_caller_may_rename_a_column_for_its_form() -> None:
    outlet = FieldSpec.of(MediaOutlet.industry_id, label_zh="媒体", label_en="Outlet")
    assert (outlet.label_zh, outlet.label_en, outlet.kind) == ("媒体", "Outlet", Kind.LOOKUP)
