"""The column mapping an import used, remembered per user and per set of headers, so that
the next file with the same columns (in any order) starts with it (issue 5 item 10).

Kept in the user's own settings (app/preferences.py layouts: `user_settings`, which each
user reads and writes only for themselves) as the mapping's JSON.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence

from sqlalchemy.orm import Session

from app import preferences
from app.access import CurrentUser
from app.customer_import import Mapping
from app.customer_import_fields import header_key
from app.errors import ValidationError

log = logging.getLogger(__name__)

KEY_PREFIX = "import_mapping."


def mapping_key(headers: Sequence[str]) -> str:
    """The settings key of a header set: the same for the same headers in another order,
    written another way (full width, case, spaces)."""
    names = sorted(header_key(header) for header in headers)
    digest = hashlib.sha256("\x1f".join(names).encode("utf-8")).hexdigest()[:32]
    return KEY_PREFIX + digest


def remembered_mapping(
    session: Session, user: CurrentUser, headers: Sequence[str]
) -> Mapping | None:
    """The mapping the user last used for these headers, applied to them; None if none
    (or the stored one cannot be read any more: it is then forgotten quietly)."""
    stored = preferences.load_layout(session, user, mapping_key(headers))
    if not stored:
        return None
    try:
        return Mapping.from_json(json.loads(stored)).for_headers(headers)
    except (ValueError, ValidationError) as exc:
        log.info("a remembered import mapping is unreadable: %s", exc)
        return None


def remember_mapping(session: Session, user: CurrentUser, mapping: Mapping) -> None:
    """Keep `mapping` for the next file with the same headers, in the caller's transaction."""
    text = json.dumps(mapping.as_json(), ensure_ascii=False)
    preferences.save_layout(session, user, mapping_key(mapping.headers), text)


__all__ = ["mapping_key", "remember_mapping", "remembered_mapping"]
