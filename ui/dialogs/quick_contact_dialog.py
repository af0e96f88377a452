"""Quick entry of a call, visit, meeting or e-mail with a customer (SPEC §3.5): when, how,
with whom, by whom, what was said, the next step and the follow-up date — a contact-history
entry in a compact dialog, opened from the customer list (Ctrl+L) or the customer's
detail."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.customer_records import CONTACT_HISTORY
from ui.dialogs.customer_record_dialog import CustomerRecordDialog

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.modules import PanelContext

translate = QCoreApplication.translate

QUICK_FIELDS = (
    "contacted_at",
    "channel",
    "contact_id",
    "employee_id",
    "subject",
    "content",
    "next_step",
    "follow_up_on",
)


class QuickContactDialog(CustomerRecordDialog):
    """A contact with the customer, logged now by the user unless they say otherwise."""

    def __init__(
        self,
        context: PanelContext,
        customer_id: int,
        customer_name: str,
        parent: QWidget | None = None,
        channel: str = "phone",
    ) -> None:
        super().__init__(
            context,
            CONTACT_HISTORY,
            customer_id,
            None,
            parent,
            title=translate("QuickContactDialog", "Log contact"),
            fields=QUICK_FIELDS,
            heading=translate(
                "QuickContactDialog", "A call, visit, meeting or e-mail with %1"
            ).replace("%1", customer_name),
            initial={"channel": channel},
        )
        self.setObjectName("quick_contact_dialog")
        self.form.editor("subject").focus_widget().setFocus()
