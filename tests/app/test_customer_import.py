"""Importing customers and contacts from .xlsx and CSV (UTF-8 with BOM, GBK): bad rows left out
and reported, duplicates by the rules and the policy, the owner's permissions, Cancel, and
random rows that never crash nor half-import. Each database test runs on SQLite and
PostgreSQL, acting through the user's own login role on PostgreSQL."""

from __future__ import annotations

import csv
import datetime as dt
import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import openpyxl
import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from app import customer_import, export
from app.access import CurrentUser, visible_rows
from app.customer_duplicates import email_keys, phone_keys
from app.customer_import import (
    ImportCancelledError,
    ImportOptions,
    ImportResult,
    Mapping,
    _email_keys,
    _phone_keys,
    auto_mapping,
    import_customers,
    plan_and_write,
    plan_import,
    resolve_owner,
    write_error_report,
    write_import,
)
from app.customer_import_fields import FIELD_BY_KEY
from app.customer_import_rows import NameKeys
from app.customer_import_write import NewCustomer, Writer
from app.customers import mnemonic_of
from app.errors import PermissionDeniedError, ValidationError
from app.fields import parse
from app.identifiers import credit_code_check_char
from app.import_files import cell_text, open_table, preview_rows
from db.customer_keys import customer_name_key
from db.models.audit import AuditLog
from db.models.customers import Contact, Customer
from db.models.lookups import City, CustomerType, Industry, Region
from db.pinyin import pinyin_key
from tests.acting_users import acting
from tests.security_world import World, build_world

PEOPLE = {
    "admin": ("admin", "B", "管理员"),
    "staff_a": ("staff", "A", "王小明"),
    "staff_b": ("staff", "B", "韩梅梅"),
    "head_a": ("dept_head", "A", "张主管"),
}
HEADERS = [
    "公司名称",
    "联系人",
    "手机",
    "电话",
    "城市",
    "行业",
    "客户类型",
    "统一社会信用代码",
    "备注",
]
FORMULA = "=cmd|' /C calc'!A0"
LONG = "长" * 10_000


def code(number: int) -> str:
    first = f"91110108{number:09d}"
    return first + credit_code_check_char(first)


def bad_code(number: int) -> str:
    good = code(number)
    return good[:-1] + ("0" if good[-1] != "0" else "1")


def sample_rows() -> list[list[str]]:
    """Line 2 good; 3 wrong phone; 4 no name; 5 bad check character; 6 the same company as
    line 2 (another legal form, full-width); 7 a 10,000-character cell; 8 formulas as text."""
    return [
        ["北京星辰传媒有限公司", "张伟", "138 0013 8000", "010-62345678", "北京", "制造业",
         "目标客户", code(1), "首单客户"],
        ["上海东方广告有限公司", "李娜", "1380013", "", "上海", "", "", "", ""],
        ["", "王芳", "13900139000", "", "", "", "", "", ""],
        ["杭州西湖文化有限公司", "", "", "", "杭州", "", "", bad_code(2), ""],
        ["北京星辰传媒有限责任公司", "", "", "", "", "", "", "", "同一家"],
        ["深圳长文科技有限公司", "", "", "", "深圳", "", "", "", LONG],
        ["广州公式贸易有限公司", "赵六", "13700137000", "", "广州市", "", "重点客户", code(3),
         FORMULA],
    ]  # fmt: skip


def write_csv(path: Path, rows: Sequence[Sequence[str]], encoding: str = "utf-8-sig") -> Path:
    with path.open("w", encoding=encoding, newline="") as stream:
        csv.writer(stream).writerows([HEADERS, *rows])
    return path


def write_xlsx(
    path: Path, rows: Sequence[Sequence[object]], headers: Sequence[str] = HEADERS
) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for values in [headers, *rows]:
        sheet.append(list(values))
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text that looks like a formula, as Excel keeps it
    workbook.save(path)
    return path


@pytest.fixture
def world(db_url: URL) -> World:
    return build_world(db_url, PEOPLE, business=False)


@pytest.fixture
def staff_a(world: World) -> Iterator[tuple[sessionmaker[Session], CurrentUser]]:
    with acting(world, "staff_a") as pair:
        yield pair


def run_import(
    pair: tuple[sessionmaker[Session], CurrentUser], path: Path, **options: object
) -> ImportResult:
    factory, user = pair
    with factory.begin() as session:
        return import_customers(session, user, path, options=ImportOptions(**options))  # type: ignore[arg-type]


def customers(pair: tuple[sessionmaker[Session], CurrentUser]) -> dict[str, Customer]:
    """The customers the user sees, by name."""
    factory, user = pair
    with factory() as session:
        return {c.name: c for c in session.scalars(visible_rows(user, Customer))}


def customer_count(pair: tuple[sessionmaker[Session], CurrentUser]) -> int:
    factory, user = pair
    with factory() as session:
        statement = visible_rows(user, Customer, select(func.count()).select_from(Customer))
        return int(session.scalar(statement) or 0)


# Reading files (no database).
@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8-sig", ","), ("utf-8", ";"), ("gbk", ","), ("gb18030", "\t"), ("utf-16", "\t")],
)
def test_csv_encodings_and_delimiters_are_found(
    tmp_path: Path, encoding: str, delimiter: str
) -> None:
    path = tmp_path / "客户.csv"
    with path.open("w", encoding=encoding, newline="") as stream:
        csv.writer(stream, delimiter=delimiter).writerows(
            [["公司名称", "备注"], ["北京星辰传媒", "多行\n备注"], ["", ""], ["上海", "x"]]
        )
    headers, rows = preview_rows(path, 10)
    assert headers == ["公司名称", "备注"]
    assert [(row.line, row.cells) for row in rows] == [
        (2, ("北京星辰传媒", "多行\n备注")),
        (5, ("上海", "x")),
    ]


def test_workbook_cells_read_as_typed(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "a.xlsx",
        [[13800138000, dt.datetime(2024, 3, 15), 1.5, True, None, FORMULA]],
        ["手机", "成立日期", "注册资本", "重点客户", "空", "备注"],
    )
    with open_table(path) as (found, headers, rows):
        assert found.kind == "xlsx"
        assert headers[0] == "手机"
        assert [row.cells for row in rows] == [
            ("13800138000", "2024-03-15", "1.5", "true", "", FORMULA)
        ]
    assert cell_text(dt.datetime(2024, 3, 15, 9, 30)) == "2024-03-15 09:30:00"


def with_shared_strings(path: Path, extra: Sequence[str]) -> Path:
    """The workbook as Excel saves it: its strings in a shared-strings table (openpyxl
    writes them inline), and a last row of `extra` table entries (rich text, phonetics)."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name).decode() for name in source.namelist()}
    strings: dict[str, int] = {}

    def shared(found: re.Match[str]) -> str:
        number = strings.setdefault(found.group(2), len(strings))
        return f'<c r="{found.group(1)}" t="s"><v>{number}</v></c>'

    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = re.sub(
        r'<c r="([A-Z]+\d+)" t="inlineStr"><is><t>(.*?)</t></is></c>', shared, parts[sheet]
    )
    last = int(re.findall(r'<row r="(\d+)"', parts[sheet])[-1]) + 1
    cells = "".join(
        f'<c r="{chr(65 + i)}{last}" t="s"><v>{len(strings) + i}</v></c>' for i in range(len(extra))
    )
    parts[sheet] = re.sub(
        r'<dimension ref="A1:([A-Z]+)\d+" ?/>', rf'<dimension ref="A1:\g<1>{last}"/>', parts[sheet]
    )
    parts[sheet] = parts[sheet].replace(
        "</sheetData>", f'<row r="{last}">{cells}</row></sheetData>'
    )
    items = "".join(f"<si><t>{text}</t></si>" for text in strings) + "".join(extra)
    parts["xl/sharedStrings.xml"] = (
        f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{items}</sst>'
    )
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        "</Types>",
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    rels = "xl/_rels/workbook.xml.rels"
    parts[rels] = parts[rels].replace(
        "</Relationships>",
        '<Relationship Id="rIdShared" Target="sharedStrings.xml" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>',
    )
    excel = path.with_name("excel.xlsx")
    with zipfile.ZipFile(excel, "w") as target:
        for name, text in parts.items():
            target.writestr(name, text)
    return excel


def test_workbooks_read_as_openpyxl_reads_them(tmp_path: Path) -> None:
    rows = [
        ["北京 ", dt.datetime(2024, 3, 15), 1.5, True, None, "=SUM(1,2)"],
        [None, dt.time(9, 30), dt.date(2020, 1, 2), 13800138000],
        ["  spaces  ", "_x005F_x000D_", "", "北京", None, None, None, "far"],
    ]
    inline = write_xlsx(tmp_path / "a.xlsx", rows, ["公司名称", "日期", "数字", "布尔"])
    shared = with_shared_strings(
        inline,
        [
            "<si><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r></si>",
            '<si><t>北京</t><rPh sb="0" eb="2"><t>ペキン</t></rPh></si>',
            "<si><t>a_x005F_x000D_b</t></si>",
            "<si><t/></si>",
        ],
    )
    for path in (inline, shared):
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        expected = [
            [cell_text(value) for value in values] for values in sheet.iter_rows(values_only=True)
        ]
        workbook.close()
        with open_table(path) as (_format, headers, found):
            assert [headers, *(list(row.cells) for row in found)] == [
                [cell.strip() for cell in expected[0] if cell],
                *(cells[: len(headers)] for cells in expected[1:] if any(cells[: len(headers)])),
            ]
    with open_table(shared) as (_format, _headers, found):
        assert list(found)[-1].cells == ("富文本", "北京", "a_x000D_b", "")


def test_unreadable_files_say_so(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    codes = []
    for path in (broken, old, empty, tmp_path / "missing.csv"):
        with pytest.raises(ValidationError) as caught:
            preview_rows(path, 5)
        codes.append(caught.value.code)
    assert codes == ["file_unreadable", "file_format_unknown", "file_empty", "file_unreadable"]


def test_chinese_and_english_headers_map_automatically() -> None:
    mapping = auto_mapping(
        ["客户名称*", "ＥＭＡＩＬ", "联系人姓名", "手机号", "Tel", "省份", "联系人2", "手机2",
         "统一社会信用代码", "Postal Code", "不认识", "名称"]
    )  # fmt: skip
    assert mapping.columns == {
        0: "name", 1: "email", 2: "contact.name", 3: "contact.mobile", 4: "phone",
        5: "region", 6: "contact2.name", 7: "contact2.mobile", 8: "credit_code",
        9: "postal_code",
    }  # fmt: skip


def test_a_saved_mapping_finds_its_columns_again_by_header(tmp_path: Path) -> None:
    mapping = auto_mapping(["单位", "地址"]).with_column(0, "name").with_column(1, "notes")
    mapping.save(tmp_path / "m.json")
    moved = Mapping.load(tmp_path / "m.json").for_headers(["其他", "地址", "单位"])
    assert moved.columns == {2: "name", 1: "notes"}
    with pytest.raises(ValidationError):
        Mapping({0: "name", 1: "name"})


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
        | st.sampled_from("AbC1 -（）长重行Σ"),
        max_size=12,
    )
)
def test_name_keys_are_the_orm_listeners_keys_and_the_forms_mnemonic(name: str) -> None:
    keys = NameKeys()
    pinyin, initials = keys.keys(name)
    assert pinyin == pinyin_key(name)
    assert keys.mnemonic(initials) == mnemonic_of(name, 200)


PHONE_TEXT = (
    r"(\+86 ?)?1[3-9]\d{9}|1[3-9]\d \d{4} \d{4}|[(（]?0[1-9]\d{1,2}[)）]?[- ]?[1-9]\d{6,7}"
    r"([- ]?(转|ext|-)? ?\d{1,5})?|[48]00-?\d{3}-?\d{4}|[０-９－]{11,13}"
)


@settings(max_examples=300, deadline=None)
@given(
    st.from_regex(PHONE_TEXT, fullmatch=True),
    st.from_regex(
        r"[A-Za-z0-9._Ａ-Ｚ]{1,8}[@＠][A-Za-z0-9-]{1,8}\.[A-Za-z]{2,4} ?", fullmatch=True
    ),
)
def test_an_import_rows_phone_and_email_keys_are_the_duplicate_checks(
    phone: str, email: str
) -> None:
    """The importer takes a parsed number or address as its own key where it can (not
    parsing it again); the keys are still those `find_duplicates` compares."""
    for key in ("phone", "fax", "contact.mobile", "contact.phone"):
        try:
            value = parse(FIELD_BY_KEY[key].spec, phone)
        except ValidationError:
            continue
        assert frozenset(_phone_keys(value)) == phone_keys(value)
    try:
        address = parse(FIELD_BY_KEY["email"].spec, email).lower()
    except ValidationError:
        return
    assert frozenset(_email_keys(address)) == email_keys(address)


# Importing.
@pytest.mark.parametrize("kind", ["xlsx", "utf-8-sig", "gbk"])
def test_bad_rows_are_left_out_and_reported_the_rest_imported(
    staff_a: tuple[sessionmaker[Session], CurrentUser], tmp_path: Path, kind: str
) -> None:
    if kind == "xlsx":
        path = write_xlsx(tmp_path / "客户.xlsx", sample_rows())
    else:
        path = write_csv(tmp_path / "客户.csv", sample_rows(), kind)
    result = run_import(staff_a, path)
    assert (result.read, result.created, result.updated, result.duplicates, result.rejected) == (
        7,
        2,
        0,
        1,
        4,
    )
    assert result.contacts_created == 2
    assert [(e.line, e.field, e.code) for e in result.errors] == [
        (3, "contact.mobile", "invalid_cn_mobile"),
        (4, "name", "required"),
        (5, "credit_code", "invalid_credit_code"),
        (7, "notes", "too_long"),
    ]
    assert result.errors[0].column == "手机"
    assert "手机" in result.errors[0].message("zh_CN")
    assert [(d.line, d.rule, d.earlier_line) for d in result.duplicate_rows] == [(6, "name", 2)]
    saved = customers(staff_a)
    assert set(saved) == {"北京星辰传媒有限公司", "广州公式贸易有限公司"}
    star, formula = saved["北京星辰传媒有限公司"], saved["广州公式贸易有限公司"]
    factory, user = staff_a
    assert star.owner_id == user.employee_id and star.department_id == user.department_id
    assert star.name_pinyin == pinyin_key(star.name) and star.mnemonic == "BJXCCMYXGS"
    assert star.name_key == customer_name_key(star.name)
    assert (star.phone, star.credit_code, star.notes) == ("010-62345678", code(1), "首单客户")
    assert formula.notes == FORMULA and formula.is_key_account
    assert export.csv_text(formula.notes) == "'" + FORMULA
    with factory() as session:
        names: dict[int | None, str] = dict(session.execute(select(City.id, City.name_zh)).all())
        regions: dict[int | None, str] = dict(
            session.execute(select(Region.id, Region.name_zh)).all()
        )
        assert (names[star.city_id], regions[star.region_id]) == ("北京", "北京市")
        assert (names[formula.city_id], regions[formula.region_id]) == ("广州", "广东省")
        assert session.get(Industry, star.industry_id).name_zh == "制造业"  # type: ignore[union-attr]
        assert session.get(CustomerType, star.customer_type_id).code == "target"  # type: ignore[union-attr]
        contact = session.scalars(select(Contact).where(Contact.customer_id == star.id)).one()
        assert (contact.name, contact.mobile, contact.is_primary) == ("张伟", "13800138000", True)
        assert contact.name_pinyin == "zhangwei" and contact.mnemonic == "ZW"


def test_every_imported_row_is_in_the_audit_trail(world: World, tmp_path: Path) -> None:
    with acting(world, "admin") as pair:
        result = run_import(pair, write_csv(tmp_path / "a.csv", sample_rows()))
        factory, _ = pair
        with factory() as session:
            logged = set(
                session.scalars(
                    select(AuditLog.record_id).where(
                        AuditLog.table_name == "customers", AuditLog.operation == "INSERT"
                    )
                )
            )
            user_ids = set(
                session.scalars(select(AuditLog.user_id).where(AuditLog.table_name == "contacts"))
            )
    assert logged == set(result.customer_ids)
    assert user_ids == {world.user_id_of["admin"]}


def test_the_error_report_holds_the_rejected_rows_with_their_reasons(
    staff_a: tuple[sessionmaker[Session], CurrentUser], tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "客户.csv", sample_rows(), "gbk")
    factory, user = staff_a
    with factory() as session:
        plan = plan_import(session, user, path)
    report = tmp_path / "errors.csv"
    assert write_error_report(report, path, plan, "zh_CN") == 4
    with report.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0] == ["行号", "错误", *HEADERS]
    assert [row[0] for row in rows[1:]] == ["3", "4", "5", "7"]
    assert "统一社会信用代码" in rows[3][1] and rows[3][2] == "杭州西湖文化有限公司"


def import_original(staff_a: tuple[sessionmaker[Session], CurrentUser], tmp_path: Path) -> None:
    """The customer that the next file's rows duplicate, imported first."""
    first = [
        [
            "北京星辰传媒有限公司",
            "张伟",
            "13800138000",
            "010-62345678",
            "北京",
            "",
            "",
            code(1),
            "原备注",
        ]
    ]
    run_import(staff_a, write_csv(tmp_path / "1.csv", first))


def test_skip_update_and_insert_anyway(
    staff_a: tuple[sessionmaker[Session], CurrentUser], tmp_path: Path
) -> None:
    import_original(staff_a, tmp_path)
    again = [
        ["北京星辰传媒有限公司", "李娜", "13900139000", "", "", "", "", "", "新备注"],
        ["（北京）星辰传媒", "张伟", "", "", "", "", "", "", ""],
        ["新客户有限公司", "", "", "", "", "", "", code(1), ""],
    ]
    path = write_csv(tmp_path / "2.csv", again)
    skipped = run_import(staff_a, path)
    assert (skipped.created, skipped.updated, skipped.duplicates, skipped.rejected) == (0, 0, 3, 0)
    inserted = run_import(staff_a, path, on_duplicate="insert")
    assert (inserted.created, inserted.duplicates, inserted.rejected) == (2, 0, 1)
    assert [(e.line, e.code) for e in inserted.errors] == [(4, "duplicate_credit_code")]
    assert customer_count(staff_a) == 3


def test_update_overwrites_given_cells_only_and_adds_new_contacts(
    staff_a: tuple[sessionmaker[Session], CurrentUser], tmp_path: Path
) -> None:
    import_original(staff_a, tmp_path)
    again = [
        ["北京星辰传媒有限公司", "李娜", "13900139000", "", "", "", "", "", "新备注"],
        ["北京星辰传媒", "张伟", "", "", "上海", "", "", "", ""],
        ["另一家公司", "", "", "", "", "", "", code(1), ""],
    ]
    result = run_import(staff_a, write_csv(tmp_path / "2.csv", again), on_duplicate="update")
    assert (result.created, result.updated, result.duplicates, result.rejected) == (0, 3, 0, 0)
    assert result.contacts_created == 1
    (saved,) = customers(staff_a).values()
    assert (saved.name, saved.notes, saved.phone) == ("另一家公司", "新备注", "010-62345678")
    assert saved.version == 2 and saved.name_pinyin == pinyin_key("另一家公司")
    factory, _ = staff_a
    with factory() as session:
        names = set(session.scalars(select(Contact.name).where(Contact.customer_id == saved.id)))
    assert names == {"张伟", "李娜"}


def test_a_row_matching_two_customers_is_not_updated(
    staff_a: tuple[sessionmaker[Session], CurrentUser], tmp_path: Path
) -> None:
    run_import(staff_a, write_csv(tmp_path / "1.csv", [
        ["甲公司", "", "", "010-62345678", "", "", "", "", ""],
        ["乙公司", "", "", "010-62345679", "", "", "", "", ""],
    ]))  # fmt: skip
    result = run_import(
        staff_a,
        write_csv(tmp_path / "2.csv", [["甲公司", "", "", "010-62345679", "", "", "", "", "x"]]),
        on_duplicate="update",
    )
    assert [(e.line, e.code) for e in result.errors] == [(2, "ambiguous_duplicate")]


def test_rows_repeating_an_earlier_row_update_what_it_created(
    staff_a: tuple[sessionmaker[Session], CurrentUser], tmp_path: Path
) -> None:
    rows = [
        ["丙公司", "张三", "13800138000", "", "", "", "", "", ""],
        ["丙公司", "李四", "13900139000", "", "", "", "", "", "补充"],
        ["丁公司", "张三", "13800138000", "", "", "", "", code(9), ""],
        ["戊公司", "", "", "", "", "", "", code(9), ""],
    ]
    path = write_csv(tmp_path / "1.csv", rows)
    result = run_import(staff_a, path, on_duplicate="update")
    assert (result.created, result.updated, result.rejected) == (1, 3, 0)
    (saved,) = customers(staff_a).values()
    assert (saved.name, saved.notes, saved.credit_code) == ("戊公司", "补充", code(9))
    assert result.contacts_created == 2


def test_staff_own_what_they_import_and_cannot_give_it_to_another_department(
    world: World, tmp_path: Path
) -> None:
    with acting(world, "staff_a") as (factory, user), factory() as session:
        with pytest.raises(PermissionDeniedError):
            resolve_owner(session, user, "staff_b")
        with pytest.raises(PermissionDeniedError):
            resolve_owner(session, user, "head_a")  # staff see their own customers only
    with acting(world, "head_a") as (factory, user):
        with factory.begin() as session:
            owner = resolve_owner(session, user, "staff_a")
            result = import_customers(
                session, user, write_csv(tmp_path / "a.csv", sample_rows()[:1]),
                options=ImportOptions(owner=owner),
            )  # fmt: skip
            with pytest.raises(PermissionDeniedError):
                resolve_owner(session, user, "staff_b")
        assert result.created == 1
    with acting(world, "staff_a") as pair:
        (saved,) = customers(pair).values()
        assert (
            saved.owner_id == pair[1].employee_id
            and saved.created_by_id == world.user_id_of["head_a"]
        )


def test_a_duplicate_hidden_from_the_user_is_still_caught(world: World, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", sample_rows()[:1])
    with acting(world, "staff_a") as pair:
        run_import(pair, path)
    with acting(world, "staff_b") as pair:
        for policy in ("skip", "update"):
            result = run_import(pair, path, on_duplicate=policy)
            assert (result.created, result.updated, result.duplicates) == (0, 0, 1)
            (row,) = result.duplicate_rows
            assert row.matches[0].rule == "credit_code"
            assert row.matches[0].customer_name is None and row.matches[0].owner_name == "王小明"
        assert customers(pair) == {}


def test_cancel_leaves_nothing(
    staff_a: tuple[sessionmaker[Session], CurrentUser], tmp_path: Path
) -> None:
    rows = [
        [f"公司{n}有限公司", f"联系人{n}", f"138{n:08d}", "", "", "", "", "", ""] for n in range(30)
    ]
    path = write_csv(tmp_path / "a.csv", rows)
    factory, user = staff_a
    asked: list[bool] = []

    def cancelled_at_second_batch() -> bool:
        asked.append(True)
        return len(asked) > 1

    with factory() as session:
        plan = plan_import(session, user, path)
    with pytest.raises(ImportCancelledError), factory.begin() as session:
        write_import(session, user, plan, cancelled=cancelled_at_second_batch)
    assert customers(staff_a) == {}
    with factory() as session:
        assert session.scalar(select(func.count()).select_from(Contact)) == 0


# Written while read: on PostgreSQL plan_and_write writes each batch of new customers while it
# reads and checks the next; batches of three rows make a small file take several.
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(customer_import, "RESOLVE_BATCH", 3)
    monkeypatch.setattr(customer_import, "CHECK_BATCH", 1)


def batch_rows() -> list[list[str]]:
    """Ten companies; line 8 repeats line 3's mobile, line 10 line 2's credit code."""
    rows = [
        [f"批次{n}传媒有限公司", f"联系人{n}", f"139{n:08d}", "", "", "", "", code(100 + n), ""]
        for n in range(10)
    ]
    rows[6][2] = rows[1][2]
    rows[8][7] = rows[0][7]
    return rows


@pytest.mark.parametrize(
    ("policy", "created", "duplicates"),
    [
        ("skip", 8, [(8, "phone", 3, "skipped"), (10, "credit_code", 2, "skipped")]),
        ("insert", 9, [(10, "credit_code", 2, "rejected")]),
    ],
)
def test_rows_repeating_rows_already_written_are_told_as_repeats_of_the_file(
    staff_a: tuple[sessionmaker[Session], CurrentUser],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    policy: str,
    created: int,
    duplicates: list[tuple[int, str, int, str]],
) -> None:
    """A later row matching a customer this import has just written repeats the earlier
    line (no match with a customer of the database), as when nothing is written yet."""
    small_batches(monkeypatch)
    path = write_csv(tmp_path / "batches.csv", batch_rows())
    factory, user = staff_a
    options = ImportOptions(on_duplicate=policy)  # type: ignore[arg-type]
    with factory.begin() as session:
        plan, result = plan_and_write(session, user, path, options=options)
    told = [(d.line, d.rule, d.earlier_line, d.outcome) for d in result.duplicate_rows]
    assert told == duplicates
    assert all(d.matches == () for d in result.duplicate_rows)
    assert (result.read, result.created, len(plan.new)) == (10, created, created)
    assert len(result.customer_ids) == created == len(customers(staff_a))
    assert result.contacts_created == created


def test_cancel_while_batches_are_written_leaves_nothing(
    world: World,
    staff_a: tuple[sessionmaker[Session], CurrentUser],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    small_batches(monkeypatch)
    path = write_csv(tmp_path / "batches.csv", batch_rows())
    factory, user = staff_a
    asked: list[bool] = []

    def cancelled_at_line_nine() -> bool:
        asked.append(True)
        return len(asked) >= 8  # two batches handed to the writer by then

    with pytest.raises(ImportCancelledError), factory.begin() as session:
        plan_and_write(session, user, path, cancelled=cancelled_at_line_nine)
    assert customers(staff_a) == {}
    with acting(world, "admin") as (admin_factory, _admin), admin_factory() as session:
        assert session.scalar(select(func.count()).select_from(Contact)) == 0
        logged = select(func.count()).where(AuditLog.table_name == "customers")
        assert session.scalar(logged) == 0


@pytest.mark.parametrize("backend", ["postgresql"])  # batches are written while read there
def test_a_batch_the_database_refuses_ends_the_import_with_its_error(
    staff_a: tuple[sessionmaker[Session], CurrentUser],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The writer's error is the one raised (not the aborted transaction's next statement),
    and nothing stays."""
    small_batches(monkeypatch)
    path = write_csv(tmp_path / "batches.csv", batch_rows())
    factory, user = staff_a
    customer_row = Writer._customer_row

    def refusing_row(self: Writer, ident: int, item: NewCustomer) -> tuple[object, ...]:
        row = list(customer_row(self, ident, item))
        if item.row.line == 6:  # in the second batch
            row[1] = "名" * 300  # longer than the column
        return tuple(row)

    monkeypatch.setattr(Writer, "_customer_row", refusing_row)
    with (
        pytest.raises(psycopg.errors.StringDataRightTruncation),
        factory.begin() as session,
    ):
        plan_and_write(session, user, path)
    assert customers(staff_a) == {}


# Random rows: never a crash, never half an import, every rejected row reported.
_CELL = st.one_of(
    st.just(""),
    st.text(max_size=8),
    st.sampled_from(["13800138000", "010-62345678", "a@b.cn", FORMULA, "北京", "制造业", code(5),
                     bad_code(6), "  ", "x" * 300, "重点客户", "目标客户"]),
)  # fmt: skip


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(st.lists(_CELL, min_size=len(HEADERS), max_size=len(HEADERS)), max_size=12),
       policy=st.sampled_from(["skip", "update", "insert"]))  # fmt: skip
def test_random_rows_never_crash_nor_half_import(
    staff_a: tuple[sessionmaker[Session], CurrentUser],
    tmp_path: Path,
    rows: list[list[str]],
    policy: str,
) -> None:
    path = write_csv(tmp_path / "random.csv", [[c.replace("\0", "") for c in row] for row in rows])
    factory, user = staff_a
    with factory() as session, session.begin():
        before = session.scalar(select(func.count()).select_from(Customer))
        result = import_customers(session, user, path, options=ImportOptions(on_duplicate=policy))  # type: ignore[arg-type]
        after = session.scalar(select(func.count()).select_from(Customer))
        contacts = session.scalar(select(func.count()).select_from(Contact))
        session.rollback()
    nonblank = sum(1 for row in rows if any(c.strip() for c in row))
    assert result.read == nonblank
    assert result.read == result.created + result.updated + result.duplicates + result.rejected
    assert after - before == result.created  # type: ignore[operator]
    assert contacts == result.contacts_created
    assert len({e.line for e in result.errors}) == result.rejected


def test_a_missing_name_column_is_refused(
    staff_a: tuple[sessionmaker[Session], CurrentUser], tmp_path: Path
) -> None:
    path = tmp_path / "a.csv"
    path.write_text("地址,电话\n北京,010-62345678\n", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        run_import(staff_a, path)
    assert caught.value.code == "name_not_mapped"


def progress_recorder() -> tuple[list[tuple[int, int]], Callable[[int, int], None]]:
    seen: list[tuple[int, int]] = []
    return seen, lambda done, total: seen.append((done, total))
