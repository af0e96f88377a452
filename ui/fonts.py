"""A font that has Chinese characters, so that no text shows as empty boxes ("tofu").

Windows and macOS ship CJK fonts and Qt falls back to them by itself. A Linux desktop may have
none, or Qt may pick one that lacks simplified characters; so there the program names an
installed CJK family as the fallback behind the default font (Debian/Ubuntu:
fonts-wqy-microhei or fonts-noto-cjk).
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtGui import QFontDatabase, QGuiApplication

log = logging.getLogger(__name__)

# Best first: Noto/Source Han are the most complete, WenQuanYi is what CI installs.
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
)


def use_cjk_font(app: QGuiApplication) -> str | None:
    """Add an installed CJK family behind the application font; returns its name."""
    if not sys.platform.startswith("linux"):
        return None
    installed = set(QFontDatabase.families())
    family = next((name for name in CJK_FAMILIES if name in installed), None)
    if family is None:
        log.warning("no Chinese font installed; install fonts-wqy-microhei or fonts-noto-cjk")
        return None
    font = app.font()
    font.setFamilies([*font.families(), family])
    app.setFont(font)
    return family
