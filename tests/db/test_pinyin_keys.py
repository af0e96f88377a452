"""The pinyin sort key follows the name through every ORM write, and rows written without
the ORM (seeds, bulk loads) get theirs from fill_missing_keys."""

from __future__ import annotations

from sqlalchemy import Engine, insert, select
from sqlalchemy.orm import Session

from db.models.lookups import Industry, Position
from db.models.org import Department
from db.pinyin import fill_missing_keys, pinyin_key


def test_orm_writes_keep_the_key_in_step(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        department = Department(name="广告部")
        session.add(department)
        session.flush()
        assert department.name_pinyin == "guanggaobu"
        department.name = "长春发行部"
        session.flush()
        assert department.name_pinyin == pinyin_key("长春发行部") == "changchunfaxingbu"


def test_seeded_rows_have_keys_and_bulk_rows_get_theirs(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        assert session.scalar(select(Position.name_pinyin).where(Position.code == "editor")) == (
            "bianji"
        )
        session.execute(insert(Industry).values(code="bulk", name_zh="重工业"))
        assert fill_missing_keys(session.connection(), ["industries"]) == 1
        assert session.scalar(select(Industry.name_pinyin).where(Industry.code == "bulk")) == (
            "zhonggongye"
        )
