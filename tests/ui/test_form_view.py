"""The generic form driven as a person would: errors at the field after leaving it, Enter
from field to field, values in and out for every kind of field, dirty tracking, and picking
a lookup by part of its name or its pinyin initials."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from app.errors import ValidationError
from app.fields import Choice, FieldSpec, Kind, LookupOption, pinyin_search_text
from app.identifiers import credit_code_check_char
from app.messages import text
from db.models.company import CompanyInfo
from db.models.lookups import MediaOutlet
from tests.forms import POPUP_WARNINGS
from tests.keyboard import type_in
from ui import i18n
from ui.widgets.fields import (
    BoolFieldEditor,
    ChoiceFieldEditor,
    DateFieldEditor,
    LineFieldEditor,
    LookupFieldEditor,
    MultilineFieldEditor,
)
from ui.widgets.form_view import FormSection, FormView

CREDIT_CODE = "91110108MA01ABCD1" + credit_code_check_char("91110108MA01ABCD1")
OUTLETS = [
    LookupOption(id_, name, pinyin_search_text(name))
    for id_, name in ((1, "北京日报"), (2, "北京晚报"), (3, "南方周末"), (4, "中国日报"))
]
MEDIA_KINDS = (Choice("periodical", "期刊", "Periodical"), Choice("online", "网络", "Online"))


def every_kind() -> list[FieldSpec | FormSection]:
    """One field of each kind, most of them from real columns."""
    return [
        FieldSpec.of(CompanyInfo.name),
        FieldSpec.of(CompanyInfo.notes),
        FieldSpec("issues", Kind.INT, "期数", "Issues", min_value=0, max_value=52),
        FieldSpec("discount", Kind.DECIMAL, "折扣率", "Discount rate", decimals=3),
        FieldSpec("price", Kind.MONEY, "单价", "Price", required=True),
        FieldSpec("signed_on", Kind.DATE, "签约日期", "Signed on"),
        FormSection(
            "联系方式",
            "Contact",
            (
                FieldSpec("mobile", Kind.MOBILE, "手机", "Mobile", max_length=20),
                FieldSpec.of(CompanyInfo.fax, kind="landline"),
                FieldSpec.of(CompanyInfo.phone, kind="phone"),
                FieldSpec.of(CompanyInfo.email, kind="email"),
                FieldSpec.of(CompanyInfo.postal_code, kind="postal_code"),
                FieldSpec.of(CompanyInfo.website, kind="url"),
            ),
        ),
        FormSection(
            "登记信息",
            "Registration",
            (
                FieldSpec.of(CompanyInfo.credit_code, kind="credit_code"),
                FieldSpec.of(MediaOutlet.industry_id, label_zh="媒体", label_en="Outlet"),
                FieldSpec.of(MediaOutlet.is_own),
                FieldSpec.of(MediaOutlet.kind, kind="choice", choices=MEDIA_KINDS),
            ),
        ),
    ]


A_RECORD: dict[str, Any] = {
    "name": "北京华夏传媒广告有限公司",
    "notes": "年度框架合同\n每季度结算",
    "issues": 12,
    "discount": Decimal("0.875"),
    "price": Decimal("12800.00"),
    "signed_on": dt.date(2024, 3, 15),
    "mobile": "13800138000",
    "fax": "0755-12345678-123",
    "phone": "010-62751234",
    "email": "ad@huaxia-media.cn",
    "postal_code": "100080",
    "website": "http://www.huaxia-media.cn",
    "credit_code": CREDIT_CODE,
    "industry_id": 3,
    "is_own": True,
    "kind": "online",
}


@contextmanager
def translations(language: str, folder: Path) -> Iterator[None]:
    """The program's translations of the forms into `language`, compiled from the .ts file."""
    (folder / "forms_zh_CN.ts").write_bytes((i18n.I18N_DIR / "forms_zh_CN.ts").read_bytes())
    app = QCoreApplication.instance()
    assert app is not None
    translators = i18n.install_translators(app, language, folder)
    try:
        yield
    finally:
        i18n.remove_translators(app, translators)


@pytest.fixture
def chinese(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    with translations("zh_CN", tmp_path):
        yield


def open_form(qtbot: QtBot, language: str = "zh_CN") -> FormView:
    form = FormView(every_kind(), language)
    form.set_lookup_options("industry_id", OUTLETS)
    qtbot.addWidget(form)
    form.resize(560, form.sizeHint().height())
    with qtbot.waitActive(form):  # focus moves only in the active window
        form.show()
        form.activateWindow()
    return form


def line_edit(form: FormView, key: str) -> QLineEdit:
    widget = form.editor(key).focus_widget()
    assert isinstance(widget, QLineEdit)
    return widget


def leave(qtbot: QtBot, form: FormView, key: str) -> None:
    """Press Tab in the field, as a person leaving it would."""
    qtbot.keyClick(form.editor(key).focus_widget(), Qt.Key.Key_Tab)


def focused_key(form: FormView) -> str | None:
    focused = QApplication.focusWidget()
    return next((k for k in form.field_keys() if form.editor(k).focus_widget() is focused), None)


# Validation at the field.


def test_a_bad_mobile_gets_the_chinese_message_below_the_field_after_leaving_it(
    qtbot: QtBot, chinese: None
) -> None:
    form = open_form(qtbot)
    mobile = line_edit(form, "mobile")
    mobile.setFocus()
    qtbot.keyClicks(mobile, "1380013800")
    assert form.editor("mobile").error_text() == "", "no message while typing"

    leave(qtbot, form, "mobile")

    expected = text("invalid_cn_mobile", "zh_CN", label_zh="手机", label_en="Mobile")
    assert expected.startswith("手机应为以 1 开头的 11 位手机号码")
    assert form.editor("mobile").error_text() == expected
    assert form.editor("mobile").error_label.isVisible()
    assert form.editor("mobile").error_label.y() > mobile.y(), "below the field"

    qtbot.keyClick(mobile, Qt.Key.Key_Backtab)
    qtbot.keyClicks(line_edit(form, "mobile"), "+86 138 0013 8000")
    assert form.editor("mobile").error_text() == "", "the message goes when the entry changes"
    leave(qtbot, form, "mobile")
    assert mobile.text() == "138 0013 8000" and form.editor("mobile").value() == "13800138000"


def test_passing_through_an_empty_required_field_says_nothing_until_saving(
    qtbot: QtBot,
) -> None:
    form = open_form(qtbot, "en")
    form.focus_first()
    leave(qtbot, form, "name")
    assert form.editor("name").error_text() == ""

    errors = form.validate()

    assert errors == {"name": "Name is required.", "price": "Price is required."}
    assert focused_key(form) == "name", "the first wrong field gets the focus"
    with pytest.raises(ValidationError) as caught:
        form.values()
    assert (caught.value.code, caught.value.field) == ("required", "name")


def test_entries_are_tidied_when_the_field_is_left(qtbot: QtBot) -> None:
    form = open_form(qtbot)
    for key, typed, shown in [
        ("price", "¥12800", "12,800.00"),
        ("fax", "（0755）12345678转123", "0755-12345678-123"),
        ("credit_code", CREDIT_CODE.lower(), CREDIT_CODE),
        ("website", "WWW.Huaxia-Media.cn", "http://www.huaxia-media.cn"),
    ]:
        field = line_edit(form, key)
        field.setFocus()
        type_in(qtbot, field, typed)
        leave(qtbot, form, key)
        assert field.text() == shown, key


def test_an_error_from_a_save_is_shown_at_its_field_or_below_the_form(qtbot: QtBot) -> None:
    form = open_form(qtbot, "en")
    form.show_exception(ValidationError("duplicate", field="credit_code", detail="x"))
    assert form.editor("credit_code").error_text() == "Such a record exists already: x"
    assert focused_key(form) == "credit_code"
    form.show_error(None, "The server refused the change.")
    assert form.general_error_label.isVisible()
    form.clear_errors()
    assert (
        not form.general_error_label.isVisible() and form.editor("credit_code").error_text() == ""
    )


# Keys.


def test_enter_moves_along_the_fields_and_makes_a_new_line_in_notes(qtbot: QtBot) -> None:
    form = open_form(qtbot)
    form.focus_first()
    visited = []
    for _ in range(len(form.field_keys()) - 1):
        key = focused_key(form)
        assert key is not None
        visited.append(key)
        if key == "notes":
            type_in(qtbot, form.editor(key).focus_widget(), "第一行")
            qtbot.keyClick(form.editor(key).focus_widget(), Qt.Key.Key_Return)
            assert focused_key(form) == "notes"
            assert form.editor("notes").raw_text() == "第一行\n"
            qtbot.keyClick(form.editor(key).focus_widget(), Qt.Key.Key_Tab)
            continue
        qtbot.keyClick(form.editor(key).focus_widget(), Qt.Key.Key_Return)
    assert visited == form.field_keys()[:-1]
    assert focused_key(form) == form.field_keys()[-1]


def test_tab_follows_the_fields_order(qtbot: QtBot) -> None:
    form = open_form(qtbot)
    form.focus_first()
    visited = [focused_key(form)]
    for _ in range(len(form.field_keys()) - 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(focused_key(form))
    assert visited == form.field_keys()


def test_ctrl_enter_asks_to_save_from_any_field(qtbot: QtBot) -> None:
    form = open_form(qtbot)
    for key in ("name", "notes", "signed_on", "industry_id"):
        form.editor(key).focus_widget().setFocus()
        with qtbot.waitSignal(form.submit_requested, timeout=1000):
            qtbot.keyClick(
                form.editor(key).focus_widget(),
                Qt.Key.Key_Return,
                Qt.KeyboardModifier.ControlModifier,
            )
    assert form.editor("notes").raw_text() == ""


# Values.


def test_values_come_back_as_they_were_set_for_every_kind(qtbot: QtBot) -> None:
    form = open_form(qtbot)
    form.set_values(A_RECORD)
    assert form.values() == A_RECORD
    assert form.editor("industry_id").raw_text() == "南方周末"
    assert form.editor("kind").raw_text() == "online"
    assert form.editor("signed_on").raw_text() == "2024-03-15"

    form.clear()

    assert form.validate() == {
        "name": "请填写公司名称。",
        "price": "请填写单价。",
        "kind": "请填写媒体类型。",
    }
    form.set_values({"name": "华夏传媒", "price": Decimal(0), "kind": "periodical"})
    assert form.values() == {key: None for key in A_RECORD} | {
        "name": "华夏传媒",
        "price": Decimal("0.00"),
        "is_own": False,
        "kind": "periodical",
    }


def test_each_kind_has_its_own_editor(qtbot: QtBot) -> None:
    form = open_form(qtbot)
    kinds = {key: type(form.editor(key)) for key in form.field_keys()}
    assert kinds["notes"] is MultilineFieldEditor and kinds["signed_on"] is DateFieldEditor
    assert kinds["is_own"] is BoolFieldEditor and kinds["kind"] is ChoiceFieldEditor
    assert kinds["industry_id"] is LookupFieldEditor and kinds["mobile"] is LineFieldEditor
    assert line_edit(form, "name").maxLength() == 200
    assert line_edit(form, "price").alignment() & Qt.AlignmentFlag.AlignRight


def test_a_date_may_be_emptied_and_typed_into_when_empty(qtbot: QtBot) -> None:
    form = open_form(qtbot)
    editor = form.editor("signed_on")
    assert isinstance(editor, DateFieldEditor)
    assert editor.value() is None and editor.date_edit.text().strip() == ""
    editor.date_edit.setFocus()
    qtbot.keyClicks(editor.date_edit, "20240315")
    assert editor.value() == dt.date(2024, 3, 15)
    qtbot.mouseClick(editor.clear_button, Qt.MouseButton.LeftButton)
    assert editor.value() is None
    qtbot.keyClick(editor.date_edit, Qt.Key.Key_Up)
    assert editor.value() == QDate.currentDate().toPython()


def test_read_only_forms_show_but_do_not_change(qtbot: QtBot) -> None:
    form = open_form(qtbot)
    form.set_values(A_RECORD)
    form.set_read_only(True)
    name = line_edit(form, "name")
    name.setFocus()
    qtbot.keyClicks(name, "Ltd")
    qtbot.keyClick(form.editor("is_own").focus_widget(), Qt.Key.Key_Space)
    assert name.text() == A_RECORD["name"] and not form.is_dirty()
    assert form.values() == A_RECORD

    form.set_read_only(False)
    qtbot.keyClicks(name, " Ltd")
    assert form.is_dirty()


# Dirty tracking.


def test_the_form_knows_when_it_differs_from_what_was_loaded(qtbot: QtBot) -> None:
    form = open_form(qtbot)
    form.set_values(A_RECORD)
    changes: list[bool] = []
    form.dirty_changed.connect(changes.append)
    price = line_edit(form, "price")
    price.setFocus()
    price.selectAll()

    qtbot.keyClicks(price, "12800")  # the same amount, typed differently: dirty, then clean
    assert not form.is_dirty()
    qtbot.keyClicks(price, "1")
    assert form.is_dirty()
    qtbot.keyClick(price, Qt.Key.Key_Backspace)
    assert not form.is_dirty()
    qtbot.keyClick(form.editor("is_own").focus_widget(), Qt.Key.Key_Space)
    assert form.is_dirty()
    form.mark_clean()

    assert changes == [True, False] * 3
    assert not form.is_dirty()


# Lookups.


def pick(qtbot: QtBot, form: FormView, typed: str) -> Any:
    combo = form.editor("industry_id").focus_widget()
    combo.setFocus()
    type_in(qtbot, combo, typed)
    return combo


@POPUP_WARNINGS
def test_typing_part_of_a_name_offers_the_matching_options(qtbot: QtBot) -> None:
    form = open_form(qtbot)
    editor = form.editor("industry_id")
    assert isinstance(editor, LookupFieldEditor)
    pick(qtbot, form, "日报")
    popup = editor.completer.popup()
    assert popup is not None and popup.isVisible()
    offered = [editor.completer.completionModel().index(row, 0).data() for row in range(3)]
    assert offered[:2] == ["北京日报", "中国日报"] and offered[2] is None

    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)

    assert editor.value() == 4 and editor.raw_text() == "中国日报"
    assert focused_key(form) == "industry_id", "Enter in the list only picks"


@POPUP_WARNINGS
def test_pinyin_initials_pick_the_option(qtbot: QtBot) -> None:
    form = open_form(qtbot)
    editor = form.editor("industry_id")
    assert isinstance(editor, LookupFieldEditor)
    combo = pick(qtbot, form, "NFZM")
    popup = editor.completer.popup()
    assert popup is not None and popup.isVisible()
    assert editor.completer.completionModel().index(0, 0).data() == "南方周末"
    popup.hide()

    qtbot.keyClick(combo, Qt.Key.Key_Return)

    assert editor.raw_text() == "南方周末" and editor.value() == 3
    assert focused_key(form) == "is_own"


@POPUP_WARNINGS
def test_an_unknown_or_ambiguous_lookup_is_refused_at_the_field(qtbot: QtBot) -> None:
    form = open_form(qtbot, "en")
    editor = form.editor("industry_id")
    assert isinstance(editor, LookupFieldEditor)
    combo = pick(qtbot, form, "北京")
    editor.completer.popup().hide()  # type: ignore[union-attr]
    qtbot.keyClick(combo, Qt.Key.Key_Tab)
    assert editor.error_text() == "Outlet: several entries match “北京”; choose one from the list."
    editor.set_value(None)
    pick(qtbot, form, "人民日报")
    editor.completer.popup().hide()  # type: ignore[union-attr]
    qtbot.keyClick(combo, Qt.Key.Key_Tab)
    assert editor.error_text().startswith("Outlet: “人民日报” is not in the list")


def test_a_value_set_before_the_options_arrive_is_kept(qtbot: QtBot) -> None:
    form = FormView([FieldSpec.of(MediaOutlet.city_id)], "en")
    qtbot.addWidget(form)
    form.set_values({"city_id": 2})
    assert form.values() == {"city_id": 2}
    form.set_lookup_options("city_id", [LookupOption(1, "北京"), LookupOption(2, "上海")])
    assert form.editor("city_id").raw_text() == "上海" and not form.is_dirty()


# How it looks and reads.


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_label_and_input_has_room(qtbot: QtBot, language: str, tmp_path: Path) -> None:
    with translations(language, tmp_path):
        form = open_form(qtbot, language)
        translated = QCoreApplication.translate("FormView", "%1:")
    form.set_values(A_RECORD)
    for key in form.field_keys():
        label, editor = form.labels[key], form.editor(key)
        assert label.width() >= label.sizeHint().width(), key
        widget: QWidget = editor.focus_widget()
        assert widget.width() >= widget.minimumSizeHint().width(), key
    assert form.labels["name"].text().endswith("公司名称：" if language == "zh_CN" else "Name:")
    assert translated == ("%1：" if language == "zh_CN" else "%1:")
    assert "*" in form.labels["name"].text() and "*" not in form.labels["notes"].text()


@POPUP_WARNINGS
def test_an_id_missing_from_the_options_is_kept_until_the_user_changes_the_field(
    qtbot: QtBot,
) -> None:
    form = open_form(qtbot)
    form.set_values({"industry_id": 99})  # say, an outlet no longer offered
    assert form.editor("industry_id").value() == 99 and not form.is_dirty()
    type_in(qtbot, form.editor("industry_id").focus_widget(), "nfzm")
    assert form.editor("industry_id").value() == 3 and form.is_dirty()
    form.editor("industry_id").clear()
    assert form.editor("industry_id").value() is None


@POPUP_WARNINGS
def test_a_searched_lookup_shows_the_answer_to_the_latest_text_only(qtbot: QtBot) -> None:
    """Searches run in the background: a slow answer to an earlier text never replaces the
    answer to what is typed now, and a failed search is told at the field."""
    form = open_form(qtbot)
    editor = form.lookup_editor("industry_id")
    asked: list[str] = []

    def search(typed: str) -> list[LookupOption]:
        asked.append(typed)
        if typed == "北":
            time.sleep(0.5)  # the first, slow answer
        if typed == "坏":
            raise ValidationError("unknown_option", field="industry_id", text=typed)
        return [option for option in OUTLETS if typed in option.text]

    editor.set_search(search)
    editor.line_edit.setFocus()
    type_in(qtbot, editor.line_edit, "北")
    editor.search_now()
    type_in(qtbot, editor.line_edit, "京晚")
    editor.search_now()
    qtbot.waitUntil(lambda: sorted(asked) == ["北", "北京晚"])  # on two threads, any order
    qtbot.waitUntil(lambda: [option.text for option in editor.options()] == ["北京晚报"])
    qtbot.wait(700)  # the slow answer to "北" (two papers) has come meanwhile
    assert [option.text for option in editor.options()] == ["北京晚报"]
    assert editor.line_edit.text() == "北京晚"
    editor.line_edit.selectAll()
    type_in(qtbot, editor.line_edit, "坏")
    editor.search_now()
    qtbot.waitUntil(lambda: editor.error_text() != "")
