"""A form built from FieldSpecs, for fast entry: Enter moves to the next field (a newline in a
multi-line field), Ctrl+Enter anywhere asks to save, Tab follows the fields' order.

The back-office lists (company information, departments, positions, forms of address,
places, industries, media outlets, ad services) and the customer screens build their forms
from their model's columns: `FormView([FieldSpec.of(Model.name), …], language)`.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.errors import ValidationError
from app.fields import FieldSpec, LookupOption
from ui.errors import error_text
from ui.widgets.fields import FieldEditor, LookupFieldEditor, editor_for
from ui.widgets.form_feedback import error_label

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
REQUIRED_MARK = '<span style="color: #c62828;">*</span>'


@dataclass(frozen=True)
class FormSection:
    """Fields shown together under a title."""

    title_zh: str
    title_en: str
    fields: tuple[FieldSpec, ...]

    def title(self, language: str) -> str:
        return self.title_en if language.startswith("en") else self.title_zh


class FormView(QWidget):
    """Labelled editors in the fields' order; `values()` checks them all, `is_dirty()` tells
    whether anything differs from what was loaded."""

    dirty_changed = Signal(bool)
    submit_requested = Signal()

    def __init__(
        self,
        fields: Sequence[FieldSpec | FormSection],
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._language = language
        self._editors: dict[str, FieldEditor] = {}
        self.labels: dict[str, QLabel] = {}
        self._baseline: dict[str, object] = {}
        self._current: dict[str, object] = {}
        self._dirty = False
        self._build(fields)
        self._set_tab_order()
        self.mark_clean()

    def _build(self, fields: Sequence[FieldSpec | FormSection]) -> None:
        layout = QVBoxLayout(self)
        plain: QFormLayout | None = None
        for item in fields:
            if isinstance(item, FormSection):
                box = QGroupBox(item.title(self._language))
                box.setObjectName(f"section_{len(self.labels)}_box")
                form = self._new_form_layout(box)
                for spec in item.fields:
                    self._add_row(form, spec)
                layout.addWidget(box)
                plain = None
            else:
                if plain is None:
                    plain = self._new_form_layout(None)
                    layout.addLayout(plain)
                self._add_row(plain, item)
        self.general_error_label = error_label(self)
        layout.addWidget(self.general_error_label)
        layout.addStretch()

    @staticmethod
    def _new_form_layout(parent: QWidget | None) -> QFormLayout:
        form = QFormLayout(parent) if parent is not None else QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return form

    def _add_row(self, form: QFormLayout, spec: FieldSpec) -> None:
        if spec.key in self._editors:
            raise ValueError(f"the field {spec.key} appears twice in the form")
        editor = editor_for(spec, self._language)
        editor.setObjectName(f"{spec.key}_editor")
        label = QLabel(self._label_text(spec))
        label.setObjectName(f"{spec.key}_label")
        label.setBuddy(editor.focus_widget())
        label.setToolTip(spec.help(self._language))
        # As high as one line of input, so it stays beside the input's (first) line when a
        # message below the input makes the row taller.
        single_line = QLineEdit() if editor.is_multiline() else editor.focus_widget()
        label.setFixedHeight(single_line.sizeHint().height())
        form.addRow(label, editor)
        editor.focus_widget().installEventFilter(self)
        editor.edited.connect(lambda key=spec.key: self._on_editor_edited(key))
        self._editors[spec.key] = editor
        self.labels[spec.key] = label

    def _label_text(self, spec: FieldSpec) -> str:
        text = QCoreApplication.translate("FormView", "%1:").replace(
            "%1", html.escape(spec.label(self._language))
        )
        return f"{REQUIRED_MARK} {text}" if spec.required else text

    def _set_tab_order(self) -> None:
        widgets = [editor.focus_widget() for editor in self._editors.values()]
        for first, second in pairwise(widgets):
            QWidget.setTabOrder(first, second)

    # Fields.

    def field_keys(self) -> list[str]:
        """The fields' keys in their order on the form."""
        return list(self._editors)

    def editor(self, key: str) -> FieldEditor:
        return self._editors[key]

    def lookup_editor(self, key: str) -> LookupFieldEditor:
        editor = self._editors[key]
        if not isinstance(editor, LookupFieldEditor):
            raise TypeError(f"the field {key} is not a lookup")
        return editor

    def set_lookup_options(self, key: str, options: Sequence[LookupOption]) -> None:
        self.lookup_editor(key).set_options(options)
        self._on_editor_edited(key)

    def focus_first(self) -> None:
        for editor in self._editors.values():
            if editor.focus_widget().isEnabled():
                editor.focus_widget().setFocus(Qt.FocusReason.TabFocusReason)
                return

    # Values.

    def validate(self) -> dict[str, str]:
        """Check every field, show each error at its field and focus the first wrong one;
        returns the messages by key (empty when all is well)."""
        return {key: self._editors[key].error_text() for key in self._check()}

    def values(self) -> dict[str, Any]:
        """Every field's value by key; after showing every error at its field, raises the
        first field's ValidationError."""
        errors = self._check()
        if errors:
            raise next(iter(errors.values()))
        return {key: editor.value() for key, editor in self._editors.items()}

    def _check(self) -> dict[str, ValidationError]:
        errors = {}
        for key, editor in self._editors.items():
            error = editor.validate()
            if error is not None:
                errors[key] = error
        if errors:
            self._editors[next(iter(errors))].focus_widget().setFocus()
        return errors

    def set_values(self, values: Mapping[str, Any]) -> None:
        """Show a record; fields whose key is not in `values` keep what they hold. The form
        is clean afterwards."""
        unknown = set(values) - set(self._editors)
        if unknown:
            raise KeyError(f"the form has no fields {sorted(unknown)}")
        for key, value in values.items():
            self._editors[key].set_value(value)
        self.clear_errors()
        self.mark_clean()

    def set_edited_values(self, values: Mapping[str, Any]) -> None:
        """Put `values` in the fields as if the user typed them: what the form was loaded
        with stays its baseline, so it is dirty where they differ (a copy, a merged
        conflict)."""
        for key, value in values.items():
            self._editors[key].set_value(value)
            self._current[key] = self._editors[key].comparable()
        self._update_dirty()

    def clear(self) -> None:
        for editor in self._editors.values():
            editor.clear()
        self.clear_errors()
        self.mark_clean()

    def set_read_only(self, read_only: bool) -> None:
        for editor in self._editors.values():
            editor.set_read_only(read_only)

    # Dirty tracking.

    def is_dirty(self) -> bool:
        return self._dirty

    def mark_clean(self) -> None:
        self._baseline = {key: editor.comparable() for key, editor in self._editors.items()}
        self._current = dict(self._baseline)
        self._update_dirty()

    def _on_editor_edited(self, key: str) -> None:
        self._current[key] = self._editors[key].comparable()
        self._update_dirty()

    def _update_dirty(self) -> None:
        dirty = self._current != self._baseline
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    # Errors from elsewhere (a save that was refused).

    def show_error(self, key: str | None, message: str) -> None:
        """Show `message` at the field `key` and focus it, or below the form when the form
        has no such field."""
        editor = self._editors.get(key or "")
        if editor is None:
            self.general_error_label.setText(message)
            self.general_error_label.show()
            return
        editor.show_error(message)
        editor.focus_widget().setFocus()

    def show_exception(self, error: Exception) -> str:
        """Show an error raised by a service where it belongs; returns the message."""
        message = error_text(error, self._language)
        self.show_error(error.field if isinstance(error, ValidationError) else None, message)
        return message

    def clear_errors(self) -> None:
        for editor in self._editors.values():
            editor.clear_error()
        self.general_error_label.clear()
        self.general_error_label.hide()

    # Keys.

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER_KEYS
            and self._on_enter(watched, event)
        ):
            return True
        return super().eventFilter(watched, event)

    def _on_enter(self, watched: QObject, event: QKeyEvent) -> bool:
        """Ctrl+Enter asks to save; Enter leaves the field for the next one, except in a
        multi-line field, where it starts a new line. True when the key was used."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.submit_requested.emit()
            return True
        editors = list(self._editors.values())
        current = next((e for e in editors if e.focus_widget() is watched), None)
        if current is None or current.is_multiline():
            return False
        current.check_if_changed()
        for following in editors[editors.index(current) + 1 :]:
            widget = following.focus_widget()
            if widget.isEnabled() and widget.isVisibleTo(self):
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                break
        return True
