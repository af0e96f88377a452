"""SQLite's index of the search text: an FTS5 table with the trigram tokenizer for each
searched table (`customers_search`, `contacts_search`), holding the rows' `search_text` by
rowid (external content: the text itself stays in the table), kept in step by triggers.

The trigram tokenizer answers LIKE from its index when the pattern has three characters
in a row and no ESCAPE clause; the search text's tokens sit between spaces, so even a
one-character query (`% ~华 %`) is four. PostgreSQL uses pg_trgm instead (the models'
GIN indexes).
"""

from __future__ import annotations

from sqlalchemy import Connection, TableClause, column, table, text

SEARCHED_TABLES = ("customers", "contacts")


def search_table(name: str) -> TableClause:
    """The FTS5 table of `name`, to select rowids from."""
    return table(f"{name}_search", column("rowid"), column("search_text"))


def is_search_table(name: str | None) -> bool:
    """Whether `name` is one of the FTS5 tables or their shadow tables (which the models
    do not describe: the migrations make them)."""
    return name is not None and any(name.startswith(f"{t}_search") for t in SEARCHED_TABLES)


def create_search_table(bind: Connection, name: str) -> None:
    """The FTS5 table of `name`, filled from its rows, and the triggers that keep it."""
    index = f"{name}_search"
    bind.execute(
        text(
            f"CREATE VIRTUAL TABLE {index} USING fts5(search_text, content='{name}', "
            "content_rowid='id', tokenize='trigram')"
        )
    )
    bind.execute(text(f"INSERT INTO {index}({index}) VALUES ('rebuild')"))
    forget = (
        f"INSERT INTO {index}({index}, rowid, search_text) "
        "VALUES ('delete', OLD.id, OLD.search_text)"
    )
    learn = f"INSERT INTO {index}(rowid, search_text) VALUES (NEW.id, NEW.search_text)"
    bodies = {
        "insert": ("AFTER INSERT", learn),
        "delete": ("AFTER DELETE", forget),
        "update": ("AFTER UPDATE OF search_text", f"{forget}; {learn}"),
    }
    for event, (when, body) in bodies.items():
        bind.execute(
            text(f"CREATE TRIGGER trg_{name}_search_{event} {when} ON {name} BEGIN {body}; END")
        )


def drop_search_table(bind: Connection, name: str) -> None:
    for event in ("insert", "delete", "update"):
        bind.execute(text(f"DROP TRIGGER IF EXISTS trg_{name}_search_{event}"))
    bind.execute(text(f"DROP TABLE IF EXISTS {name}_search"))
