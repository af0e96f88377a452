"""Alembic environment: always run by app/schema.py on a connection it opened."""

from alembic import context

import db.models  # noqa: F401 - registers every table on Base.metadata
from db.base import Base, made_here

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through `mediacrm db upgrade`, which passes a connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    include_object=made_here(connection.dialect.name),
)
with context.begin_transaction():
    context.run_migrations()
