"""A stale save: someone else saved the record after the user read it. Both versions side by
side, field by field; the user picks one per differing field, or takes the saved version
whole. Cancel keeps the user's edits on screen, so nothing is lost either way.

`merged()` is what to save next, over the saved version (`theirs.version`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.fields import FieldSpec, LookupOption, display
from app.records import RecordValues

Side = Literal["mine", "theirs"]
translate = QCoreApplication.translate
DIFFERENT_STYLE = "background-color: #fff4d6;"  # a pale amber: "look here"
CHOSEN_STYLE = "background-color: #dff0d8; font-weight: bold;"  # pale green: "this is kept"
EMPTY_STYLE = "color: #808080;"
VALUE_WIDTH = 260


def same(left: Any, right: Any) -> bool:
    """Equal as saved: an empty text is no value, 12.5 and 12.50 are the same amount."""
    return (None if left == "" else left) == (None if right == "" else right)


class RecordConflictDialog(QDialog):
    """Mine against theirs for every field of the form; a choice for each one that differs.

    Fields the user did not change (same as `original`, the values as the user read them)
    default to the saved version, so another user's change is not undone by accident; the
    fields the user changed default to the user's version. Without `original` every
    differing field defaults to the user's version.
    """

    def __init__(
        self,
        fields: Sequence[FieldSpec],
        mine: Mapping[str, Any],
        theirs: RecordValues,
        language: str,
        parent: QWidget | None = None,
        *,
        original: Mapping[str, Any] | None = None,
        lookup_options: Mapping[str, Sequence[LookupOption]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._fields = tuple(fields)
        self._mine = dict(mine)
        self._theirs = theirs
        self._language = language
        self._options = dict(lookup_options or {})
        self._theirs_taken = False
        self.groups: dict[str, QButtonGroup] = {}
        self.mine_buttons: dict[str, QRadioButton] = {}
        self.theirs_buttons: dict[str, QRadioButton] = {}
        self._same_rows: list[list[QWidget]] = []
        self.setWindowTitle(translate("RecordConflictDialog", "Someone else saved this record"))
        self._build(original)
        self.resize(760, min(640, 190 + 32 * max(len(self.groups), 3)))

    # What the caller reads.
    def differing_keys(self) -> list[str]:
        return list(self.groups)

    def choice(self, key: str) -> Side:
        return "mine" if self.mine_buttons[key].isChecked() else "theirs"

    def choose(self, key: str, side: Side) -> None:
        (self.mine_buttons if side == "mine" else self.theirs_buttons)[key].setChecked(True)

    def theirs_taken(self) -> bool:
        """True when the user took the saved version whole: nothing of theirs to save."""
        return self._theirs_taken

    def merged(self) -> dict[str, Any]:
        """Every field's value to save: the chosen side where they differ, else the saved."""
        values = dict(self._theirs.values)
        if self._theirs_taken:
            return values
        for spec in self._fields:
            if spec.key in self.groups and self.choice(spec.key) == "mine":
                values[spec.key] = self._mine.get(spec.key)
        return values

    # Building.
    def _build(self, original: Mapping[str, Any] | None) -> None:
        layout = QVBoxLayout(self)
        title = self._theirs.title or translate("RecordConflictDialog", "this record")
        self.intro_label = QLabel(
            translate(
                "RecordConflictDialog",
                "“%1” was saved by someone else after you opened it. Choose, for each "
                "highlighted field, which version to keep. Nothing is saved until you click "
                "“Save my choice”.",
            ).replace("%1", title)
        )
        self.intro_label.setWordWrap(True)
        layout.addWidget(self.intro_label)
        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        grid.setHorizontalSpacing(12)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        for column, text in enumerate(
            (
                translate("RecordConflictDialog", "Field"),
                translate("RecordConflictDialog", "Your version"),
                translate("RecordConflictDialog", "Saved version"),
            )
        ):
            header = QLabel(f"<b>{text}</b>")
            grid.addWidget(header, 0, column)
        for row, spec in enumerate(self._fields, start=1):
            self._add_field(grid, row, spec, original)
        grid.setRowStretch(len(self._fields) + 1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(grid_widget)
        layout.addWidget(scroll, 1)
        self.show_same_check = QCheckBox(
            translate(
                "RecordConflictDialog", "Also show the %1 fields that are the same in both"
            ).replace("%1", str(len(self._same_rows)))
        )
        self.show_same_check.setVisible(bool(self._same_rows))
        self.show_same_check.toggled.connect(self._on_show_same_check_toggled)
        self._on_show_same_check_toggled(False)
        layout.addWidget(self.show_same_check)
        layout.addWidget(self._buttons())

    def _add_field(
        self, grid: QGridLayout, row: int, spec: FieldSpec, original: Mapping[str, Any] | None
    ) -> None:
        mine = self._mine.get(spec.key, self._theirs.values.get(spec.key))
        theirs = self._theirs.values.get(spec.key)
        label = QLabel(spec.label(self._language))
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        if same(mine, theirs):
            cells: list[QWidget] = [label, self._value_label(spec, mine), QWidget()]
            for column, cell in enumerate(cells):
                grid.addWidget(cell, row, column)
            self._same_rows.append(cells)
            return
        label.setText(f"<b>{spec.label(self._language)}</b>")
        group = QButtonGroup(self)
        mine_button = self._radio(spec, mine, f"{spec.key}_mine_button")
        theirs_button = self._radio(spec, theirs, f"{spec.key}_theirs_button")
        group.addButton(mine_button)
        group.addButton(theirs_button)
        self.groups[spec.key] = group
        self.mine_buttons[spec.key] = mine_button
        self.theirs_buttons[spec.key] = theirs_button
        user_changed = original is None or not same(mine, original.get(spec.key))
        (mine_button if user_changed else theirs_button).setChecked(True)
        for button in (mine_button, theirs_button):
            button.toggled.connect(lambda _on, key=spec.key: self._style_choice(key))
        self._style_choice(spec.key)
        for column, cell in enumerate((label, mine_button, theirs_button)):
            grid.addWidget(cell, row, column)

    def _text(self, spec: FieldSpec, value: Any) -> str:
        options = self._options.get(spec.key, ())
        text = display(spec, value, language=self._language, options=options)
        return text if text != "" else translate("RecordConflictDialog", "(empty)")

    def _value_label(self, spec: FieldSpec, value: Any) -> QLabel:
        label = QLabel(self._text(spec, value))
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setMinimumWidth(VALUE_WIDTH // 2)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        if value is None or value == "":
            label.setStyleSheet(EMPTY_STYLE)
        return label

    def _radio(self, spec: FieldSpec, value: Any, name: str) -> QRadioButton:
        # A radio button does not wrap its text: long values are cut in the middle, shown in
        # full in the tooltip.
        text = self._text(spec, value)
        button = QRadioButton(self._elided(text))
        button.setObjectName(name)
        button.setToolTip(text)
        return button

    def _elided(self, text: str) -> str:
        first_line = text.splitlines()[0] if text else text
        metrics = self.fontMetrics()
        elided = metrics.elidedText(first_line, Qt.TextElideMode.ElideMiddle, VALUE_WIDTH)
        return elided if first_line == text else elided + " …"

    def _style_choice(self, key: str) -> None:
        for button in (self.mine_buttons[key], self.theirs_buttons[key]):
            button.setStyleSheet(CHOSEN_STYLE if button.isChecked() else DIFFERENT_STYLE)

    def _on_show_same_check_toggled(self, shown: bool) -> None:
        for cells in self._same_rows:
            for cell in cells:
                cell.setVisible(shown)

    def _buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox()
        self.save_button = QPushButton(translate("RecordConflictDialog", "Save my choice"))
        self.save_button.setDefault(True)
        self.take_theirs_button = QPushButton(
            translate("RecordConflictDialog", "Take theirs, discard mine")
        )
        self.cancel_button = QPushButton(translate("RecordConflictDialog", "Cancel"))
        self.cancel_button.setToolTip(
            translate("RecordConflictDialog", "Go back to the form; your changes stay on screen.")
        )
        box.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.take_theirs_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        box.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.take_theirs_button.clicked.connect(self._on_take_theirs_button_clicked)
        self.cancel_button.clicked.connect(self.reject)
        return box

    def _on_save_button_clicked(self) -> None:
        self._theirs_taken = False
        self.accept()

    def _on_take_theirs_button_clicked(self) -> None:
        self._theirs_taken = True
        self.accept()
