"""The Customer archive's lists of what is recorded under customers, over every customer the
user sees (SPEC §3.4): contacts, contact history, supply and demand, media-advertising
records — each the standard RecordPanel with the customer's name as the first column; the
form picks the customer, then that customer's contacts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app import customer_records
from app.customer_records import CONTACT_HISTORY, MEDIA_AD_RECORDS, SUPPLY_DEMAND
from app.customers import CONTACTS
from app.errors import ValidationError
from app.fields import LookupOption
from app.listing import ListSpec
from app.records import RecordKind, RecordValues, Values
from ui.dialogs.customer_record_dialog import customer_search, keep_customer_option
from ui.panels.customer_tabs import contact_list_spec
from ui.panels.record_panel import RecordPanel
from ui.widgets.prompter import Prompter

if TYPE_CHECKING:
    from ui.modules import PanelContext

translate = QCoreApplication.translate


class CustomerRecordsPanel(RecordPanel):
    """A RecordPanel over records under customers: its lookups are what the user may
    choose (customers they see; the chosen customer's contacts), and a new record starts
    with the kind's defaults (now, by the user)."""

    def __init__(
        self,
        context: PanelContext,
        kind: RecordKind,
        list_spec: ListSpec,
        title: str,
        *,
        prompter: Prompter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            context, kind, list_spec, "customers", title, prompter=prompter, parent=parent
        )
        keys = self.form.field_keys()
        if "customer_id" in keys and "contact_id" in keys:
            self.form.editor("customer_id").edited.connect(self._reload_contacts)
        for key in customer_records.CUSTOMER_KEYS:
            if key in keys:
                search = customer_search(
                    self._sessions, self.user, kind, key, self._language, self._customer_id
                )
                self.form.lookup_editor(key).set_search(search)

    def reload_lookups(self) -> None:
        with self._sessions.begin() as session:
            for key in customer_records.lookup_keys(self._kind):
                options = customer_records.field_options(
                    session, self.user, self._kind, key, self._language, self._customer_id()
                )
                self._options[key] = options
                self.form.set_lookup_options(key, options)

    def _customer_id(self) -> int | None:
        try:
            value = self.form.editor("customer_id").value()
        except ValidationError:  # a half-typed name: no customer yet
            return None
        return value if isinstance(value, int) else None

    def _reload_contacts(self) -> None:
        with self._sessions.begin() as session:
            options = customer_records.contact_options(session, self.user, self._customer_id())
        self._options["contact_id"] = options
        self.form.set_lookup_options("contact_id", options)

    def _keep_customers(self, values: Values) -> None:
        """The record's customers among its customer fields' options."""
        for key in customer_records.CUSTOMER_KEYS:
            if key not in self.form.field_keys():
                continue

            def options_with(shown: int, key: str = key) -> list[LookupOption]:
                with self._sessions.begin() as session:
                    return customer_records.field_options(
                        session,
                        self.user,
                        self._kind,
                        key,
                        self._language,
                        values.get("customer_id"),
                        keep=[shown],
                    )

            keep_customer_option(self._options, self.form, key, values.get(key), options_with)

    def _show(self, record: RecordValues | None) -> None:
        if record is not None:
            self._keep_customers(record.values)
        super()._show(record)
        if record is None:
            self.form.set_values(
                {
                    key: value
                    for key, value in customer_records.new_record_values(
                        self.user, self._kind
                    ).items()
                    if key in self.form.field_keys()
                }
            )
        if "contact_id" in self.form.field_keys():
            blocked = self.form.blockSignals(True)
            try:
                self._reload_contacts()
                if record is not None:
                    self.form.set_values({"contact_id": record.values.get("contact_id")})
            finally:
                self.form.blockSignals(blocked)


def _records_panel(context: PanelContext, kind: RecordKind, title: str) -> QWidget:
    """Everyone's records of `kind` the user sees, each with its customer."""
    spec = customer_records.list_spec(kind, context.language, with_customer=True)
    return CustomerRecordsPanel(context, kind, spec, title)


def contacts_panel(context: PanelContext) -> QWidget:
    return CustomerRecordsPanel(
        context,
        CONTACTS,
        contact_list_spec(context.language, with_customer=True),
        translate("CustomerRecordPanels", "Contacts"),
    )


def contact_history_panel(context: PanelContext) -> QWidget:
    return _records_panel(
        context, CONTACT_HISTORY, translate("CustomerRecordPanels", "Contact history")
    )


def supply_demand_panel(context: PanelContext) -> QWidget:
    return _records_panel(
        context, SUPPLY_DEMAND, translate("CustomerRecordPanels", "Supply and demand")
    )


def media_ad_records_panel(context: PanelContext) -> QWidget:
    return _records_panel(
        context, MEDIA_AD_RECORDS, translate("CustomerRecordPanels", "Media advertising records")
    )
