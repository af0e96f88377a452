"""The back-office panels of System settings → Information tools: each a RecordPanel over a
kind of app/reference_records.py, with the list's columns chosen here; countries, regions
and cities share one panel in tabs; the recycle bin lists any of these kinds."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget
from sqlalchemy import case, select

from app import records
from app.listing import ListColumn, ListSpec
from app.records import RecordKind
from app.reference_records import (
    AD_SERVICES,
    CITIES,
    COMPANY_INFO,
    COUNTRIES,
    DEPARTMENTS,
    INDUSTRIES,
    MEDIA_KIND_LABELS,
    MEDIA_OUTLETS,
    REFERENCE_KINDS,
    REGIONS,
)
from db.base import Label
from db.models.lookups import City, Country, MediaOutlet, Region
from ui.dialogs.recycle_bin_dialog import RecycleBinDialog
from ui.panels.record_panel import RecordPanel
from ui.widgets.prompter import Prompter

if TYPE_CHECKING:
    from ui.modules import PanelContext

translate = QCoreApplication.translate


def _lookup_columns(model: Any, *extra: ListColumn) -> tuple[ListColumn, ...]:
    return (
        ListColumn.of(model.name_zh, sort=model.name_pinyin),
        ListColumn.of(model.code),
        ListColumn.of(model.name_en),
        *extra,
        ListColumn.of(model.sort_order, kind="int"),
        ListColumn.of(model.active, kind="bool"),
    )


def _lookup_spec(kind: RecordKind, *extra: ListColumn, base: Any = None) -> ListSpec:
    return ListSpec(kind.model, _lookup_columns(kind.model, *extra), base=base)


def _media_kind_text(language: str) -> Any:
    index = 1 if language.startswith("en") else 0
    return case(
        {code: labels[index] for code, labels in MEDIA_KIND_LABELS.items()},
        value=MediaOutlet.kind,
        else_=MediaOutlet.kind,
    )


def list_spec(kind: RecordKind, language: str) -> ListSpec:
    """The columns each back-office list shows (the form shows every field)."""
    if kind is COMPANY_INFO:
        model: Any = kind.model
        return ListSpec(
            model,
            (
                ListColumn.of(model.name),
                ListColumn.of(model.short_name),
                ListColumn.of(model.phone),
                ListColumn.of(model.email),
                ListColumn.of(model.updated_at, kind="datetime"),
            ),
        )
    if kind in (DEPARTMENTS, INDUSTRIES):
        title = kind.model.name if kind is DEPARTMENTS else kind.model.name_zh  # type: ignore[attr-defined]
        return ListSpec(kind.model, (ListColumn.of(title, sort=kind.model.name_pinyin),))  # type: ignore[attr-defined]
    if kind is REGIONS:
        return _lookup_spec(
            kind,
            ListColumn.of(Country.name_zh, key="country", kind="lookup", sort=Country.name_pinyin),
            base=select(Region.id).join(Country, Country.id == Region.country_id),
        )
    if kind is CITIES:
        return _lookup_spec(
            kind,
            ListColumn.of(Region.name_zh, key="region", kind="lookup", sort=Region.name_pinyin),
            ListColumn.of(City.area_code),
            base=select(City.id).join(Region, Region.id == City.region_id),
        )
    if kind is MEDIA_OUTLETS:
        label = MediaOutlet.kind.info["label"]
        return ListSpec(
            MediaOutlet,
            (
                ListColumn.of(MediaOutlet.name, sort=MediaOutlet.name_pinyin),
                ListColumn.of(
                    _media_kind_text(language).label("kind_text"),
                    key="kind",
                    label=Label(label.zh, label.en),
                    sort=MediaOutlet.kind,
                ),
                ListColumn.of(MediaOutlet.is_own, kind="bool"),
                ListColumn.of(MediaOutlet.publisher),
                ListColumn.of(MediaOutlet.circulation, kind="int"),
            ),
        )
    if kind is AD_SERVICES:
        model = kind.model
        return ListSpec(
            model,
            (
                ListColumn.of(model.name, sort=model.name_pinyin),
                ListColumn.of(model.code),
                ListColumn.of(model.unit),
                ListColumn.of(model.standard_price, kind="money"),
                ListColumn.of(model.active, kind="bool"),
            ),
        )
    return _lookup_spec(kind)


TITLES = {
    "company_info": ("本公司信息", "Company information"),
    "departments": ("部门设置", "Departments"),
    "positions": ("职务设置", "Positions"),
    "forms_of_address": ("称谓设置", "Forms of address"),
    "countries": ("国家", "Countries"),
    "regions": ("地区", "Regions"),
    "cities": ("城市", "Cities"),
    "industries": ("行业设置", "Industries"),
    "media_outlets": ("媒体", "Media outlets"),
    "ad_services": ("广告服务", "Advertising services"),
}
HELP_TOPICS = {"countries": "geography", "regions": "geography", "cities": "geography"}


def kind_title(kind: RecordKind, language: str) -> str:
    zh, en = TITLES[kind.key]
    return en if language.startswith("en") else zh


def record_panel(
    context: PanelContext, kind: RecordKind, prompter: Prompter | None = None
) -> RecordPanel:
    return RecordPanel(
        context,
        kind,
        list_spec(kind, context.language),
        HELP_TOPICS.get(kind.key, kind.key),
        kind_title(kind, context.language),
        tree_parent="parent_id" if kind in (DEPARTMENTS, INDUSTRIES) else None,
        prompter=prompter,
    )


class GeographyPanel(QTabWidget):
    """Countries, regions and cities, one tab each; a tab with unsaved changes is left only
    after Save / Discard."""

    def __init__(self, context: PanelContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("geography_panel")
        self.panels = [record_panel(context, kind) for kind in (COUNTRIES, REGIONS, CITIES)]
        for panel in self.panels:
            self.addTab(panel, panel.title())
        self._shown = 0
        self.currentChanged.connect(self._on_current_changed)

    @property
    def help_topic(self) -> str:
        return "geography"

    def maybe_leave(self) -> bool:
        return self.panels[self.currentIndex()].maybe_leave()

    def _on_current_changed(self, index: int) -> None:
        if index == self._shown:
            return
        if not self.panels[self._shown].maybe_leave():
            blocked = self.blockSignals(True)
            self.setCurrentIndex(self._shown)
            self.blockSignals(blocked)
            return
        self._shown = index
        self.panels[index].reload_lookups()  # a region added in the other tab shows here


class RecycleBinPanel(QWidget):
    """The recycle bin of the back-office lists: pick a list, restore its deleted records."""

    def __init__(self, context: PanelContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recycle_bin_panel")
        self._context = context
        self._sessions = context.session_factory
        user = context.logged_in.user
        self._kinds = [kind for kind in REFERENCE_KINDS if user.may(kind.module, "delete")]
        self._layout = layout = QVBoxLayout(self)
        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(translate("ReferencePanels", "List:")))
        self.kind_combo = QComboBox(self)
        for kind in self._kinds:
            self.kind_combo.addItem(kind_title(kind, context.language), kind.key)
        chooser.addWidget(self.kind_combo)
        chooser.addStretch(1)
        layout.addLayout(chooser)
        self.empty_label = QLabel(
            translate("ReferencePanels", "Your role may not restore deleted records."), self
        )
        self.empty_label.setVisible(not self._kinds)
        layout.addWidget(self.empty_label)
        self.bin: RecycleBinDialog | None = None
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_changed)
        if self._kinds:
            self._on_kind_combo_changed(0)

    @property
    def help_topic(self) -> str:
        return "recycle_bin"

    def _on_kind_combo_changed(self, index: int) -> None:
        kind = self._kinds[index]
        user = self._context.logged_in.user

        def load() -> list[records.DeletedRecord]:
            with self._sessions.begin() as session:
                return records.deleted_records(session, user, kind)

        def restore(record_id: int) -> None:
            with self._sessions.begin() as session:
                records.restore(session, user, kind, record_id)

        if self.bin is not None:
            self._layout.removeWidget(self.bin)
            self.bin.deleteLater()
        self.bin = RecycleBinDialog(load, restore, self._context.language, self)
        self.bin.setWindowFlags(Qt.WindowType.Widget)  # shown inside the panel
        self.bin.close_button.hide()
        self._layout.addWidget(self.bin)
        self.bin.show()
