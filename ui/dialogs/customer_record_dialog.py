"""One record under a customer — a contact, a contact-history entry, a partner, a supply or
demand, a media-ad record — in a dialog: the kind's form without the customer, which is
fixed; its lookups offer what fits that customer (its contacts, other customers as
partners). Saving goes through app/records.py, errors stay at their fields."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from app import customer_records, records
from app.errors import MediaCrmError, ValidationError
from app.records import RecordKind, RecordValues, Values
from ui.widgets.form_view import FormView

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from app.access import CurrentUser
    from app.fields import LookupOption
    from ui.modules import PanelContext

translate = QCoreApplication.translate


def customer_search(
    sessions: sessionmaker[Session],
    user: CurrentUser,
    kind: RecordKind,
    key: str,
    language: str,
    customer_id: Callable[[], int | None],
) -> Callable[[str], list[LookupOption]]:
    """The search of a customer field (customer_records.CUSTOMER_KEYS) of a `kind` record
    under the customer `customer_id()` names."""

    def search(text: str) -> list[LookupOption]:
        with sessions() as session:
            return customer_records.field_options(
                session, user, kind, key, language, customer_id(), text=text
            )

    return search


def keep_customer_option(
    options: dict[str, list[LookupOption]],
    form: FormView,
    key: str,
    shown: int | None,
    options_with: Callable[[int], list[LookupOption]],
) -> None:
    """A record panel's customer field `key` about to show the customer `shown`: its options
    (`options[key]`, only the first customers found) get that customer if they lack it."""
    if shown is None or shown in {option.id for option in options.get(key, ())}:
        return
    options[key] = options_with(shown)
    form.set_lookup_options(key, options[key])


class CustomerRecordDialog(QDialog):
    """A new or an existing record of `kind` under the customer `customer_id`; `fields`
    (keys) limits the form to some of the kind's fields (a quick entry)."""

    def __init__(
        self,
        context: PanelContext,
        kind: RecordKind,
        customer_id: int,
        record: RecordValues | None,
        parent: QWidget | None = None,
        *,
        title: str = "",
        fields: Sequence[str] | None = None,
        heading: str = "",
        initial: Values | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{kind.key}_dialog")
        self._sessions = context.session_factory
        self._user = context.logged_in.user
        self._kind = kind
        self._customer_id = customer_id
        self._record = record
        self.saved: RecordValues | None = None
        self.setWindowTitle(record.title if record is not None and record.title else title)
        wanted = [spec for spec in kind.fields if spec.key != "customer_id"]
        if fields is not None:
            wanted = [spec for spec in wanted if spec.key in fields]
        self.form = FormView(wanted, context.language, self)
        keys = set(self.form.field_keys())
        if record is not None:
            shown = record.values
        else:
            shown = {**customer_records.new_record_values(self._user, kind), **(initial or {})}
        with self._sessions.begin() as session:
            for key in customer_records.lookup_keys(kind):
                if key in keys:
                    options = customer_records.field_options(
                        session,
                        self._user,
                        kind,
                        key,
                        context.language,
                        customer_id,
                        keep=[shown.get(key)],
                    )
                    self.form.set_lookup_options(key, options)
        for key in customer_records.CUSTOMER_KEYS:
            if key in keys:
                search = customer_search(
                    self._sessions, self._user, kind, key, context.language, lambda: customer_id
                )
                self.form.lookup_editor(key).set_search(search)
        self.form.set_values({key: value for key, value in shown.items() if key in keys})
        self.form.submit_requested.connect(self.save)
        layout = QVBoxLayout(self)
        if heading:
            self.heading_label = QLabel(heading, self)
            self.heading_label.setObjectName("heading_label")
            self.heading_label.setWordWrap(True)
            layout.addWidget(self.heading_label)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, min(660, 160 + 44 * len(wanted)))

    def save(self) -> bool:
        """Save the record under the customer and close; errors stay at their fields."""
        try:
            values = self.form.values()
        except ValidationError:
            return False
        values["customer_id"] = self._customer_id
        try:
            with self._sessions.begin() as session:
                if self._record is None:
                    self.saved = records.create(session, self._user, self._kind, values)
                else:
                    record = self._record
                    full = {**record.values, **values}
                    self.saved = records.update(
                        session, self._user, self._kind, record.id, record.version, full
                    )
        except MediaCrmError as error:
            self.form.show_exception(error)
            return False
        self.accept()
        return True
