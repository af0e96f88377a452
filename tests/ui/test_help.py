"""The help system: every topic has its page in Chinese and English, every link between pages
leads somewhere, F1 opens the page of the screen in the user's language in one help window
that does not block the program; and Help → About names the version, database and schema."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import URL

from app import schema
from app.auth import LoggedIn
from db.engine import make_engine
from tests.security_world import PASSWORD
from ui import help as help_system
from ui.dialogs.about_dialog import AboutDialog

# The offscreen platform cannot raise a window; a desktop one can.
RAISE_IGNORED = pytest.mark.qt_log_ignore("This plugin does not support raise")


class Links(HTMLParser):
    """The title, the links and the style sheets of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag in ("a", "link") and found.get("href"):
            self.targets.append(str(found["href"]))
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def page_links(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(autouse=True)
def no_help_window_left() -> Iterator[None]:
    yield
    help_system.close_help()


@pytest.mark.parametrize("language", help_system.LANGUAGES)
def test_every_topic_has_a_titled_page_in_both_languages(language: str) -> None:
    folder = help_system.HELP_DIR / language
    pages = {path.stem for path in folder.glob("*.html")}
    assert pages == set(help_system.TOPICS), "no topic missing, no page outside the topics"
    for topic in help_system.TOPICS:
        assert page_links(folder / f"{topic}.html").title.strip(), topic


@pytest.mark.parametrize("language", help_system.LANGUAGES)
def test_every_link_between_pages_resolves(language: str) -> None:
    broken = []
    for path in sorted((help_system.HELP_DIR / language).glob("*.html")):
        for target in page_links(path).targets:
            parts = urlsplit(target)
            if parts.scheme or not parts.path:
                continue  # a web site, or an anchor in the same page
            if not (path.parent / parts.path).resolve().is_file():
                broken.append(f"{path.name} → {target}")
    assert broken == []


def test_the_chinese_and_english_pages_link_the_same_topics() -> None:
    for topic in help_system.TOPICS:
        zh, en = (
            sorted(page_links(help_system.HELP_DIR / code / f"{topic}.html").targets)
            for code in help_system.LANGUAGES
        )
        assert zh == en, topic


def test_a_missing_page_falls_back_to_the_other_language_then_the_contents(
    tmp_path: Path,
) -> None:
    for code, topic in (("zh_CN", "index"), ("en", "index"), ("en", "tasks")):
        (tmp_path / code).mkdir(exist_ok=True)
        (tmp_path / code / f"{topic}.html").write_text("<p>x</p>", encoding="utf-8")
    assert help_system.help_path("tasks", "en", tmp_path) == tmp_path / "en" / "tasks.html"
    assert help_system.help_path("tasks", "zh_CN", tmp_path) == tmp_path / "en" / "tasks.html"
    assert help_system.help_path("orders", "zh_CN", tmp_path) == tmp_path / "zh_CN" / "index.html"
    assert help_system.help_path("../../x", "en", tmp_path) == tmp_path / "en" / "index.html"


@RAISE_IGNORED
def test_f1_on_departments_shows_the_chinese_departments_page(qtbot: QtBot) -> None:
    dialog = help_system.show_help("departments", "zh_CN")
    assert dialog.isVisible() and not dialog.isModal()
    assert dialog.current_page() == help_system.HELP_DIR / "zh_CN" / "departments.html"
    assert dialog.browser.documentTitle() == "部门设置"
    assert "部门组成一棵树" in dialog.browser.toPlainText()
    assert dialog.windowTitle().endswith("部门设置")


@RAISE_IGNORED
def test_one_help_window_follows_links_back_and_forward(qtbot: QtBot) -> None:
    dialog = help_system.show_help("recycle_bin", "en")
    assert not dialog.back_button.isEnabled()
    assert help_system.show_help("departments", "en") is dialog, "the window is reused"
    assert dialog.back_button.isEnabled(), "back to the page F1 showed before"
    dialog.browser.setFocus()
    qtbot.keyClick(dialog.browser, Qt.Key.Key_Tab)  # the first link: the contents
    with qtbot.waitSignal(dialog.page_shown):
        qtbot.keyClick(dialog.browser, Qt.Key.Key_Return)
    index = help_system.HELP_DIR / "en" / "index.html"
    assert dialog.current_page() == index
    assert dialog.back_button.isEnabled()
    dialog.back_button.click()
    assert dialog.current_page() == help_system.HELP_DIR / "en" / "departments.html"
    assert dialog.forward_button.isEnabled()
    dialog.forward_button.click()
    assert dialog.current_page() == index
    help_system.show_help("audit", "en")
    dialog.home_button.click()
    assert dialog.current_page() == index


# Help → About.


def test_about_names_the_version_the_database_and_its_schema_revision(
    qtbot: QtBot, admin: LoggedIn
) -> None:
    dialog = AboutDialog(admin.engine, "en")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.schema_shown) as shown:
        dialog.show()
    assert shown.args == [f"{schema.head_revision()} (up to date)"]
    assert dialog.version_label.text()
    database = dialog.database_label.text()
    assert PASSWORD not in database and "@" not in database
    assert (admin.engine.url.database or "") in database
    assert "Qt 6." in dialog.qt_label.text()


def test_about_says_when_the_schema_cannot_be_read(qtbot: QtBot) -> None:
    engine = make_engine(
        URL.create("postgresql+psycopg", host="127.0.0.1", port=9, database="gone"),
        connect_args={"connect_timeout": 2},
    )
    try:
        dialog = AboutDialog(engine, "en")
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.schema_shown, timeout=15_000) as shown:
            dialog.show()
    finally:
        engine.dispose()
    assert shown.args[0].startswith("cannot be read: Cannot connect to the database")
    assert "Traceback" not in shown.args[0]


def test_about_shows_a_status_it_is_given(qtbot: QtBot) -> None:
    status = schema.SchemaStatus(current="0001", head="0002", state="behind")
    dialog = AboutDialog(None, "en", status)
    qtbot.addWidget(dialog)
    assert dialog.schema_label.text() == "0001 (older than this program's 0002)"
    assert dialog.database_label.text() == "not connected"
