"""All tables of MediaCRM; importing this package registers them on `Base.metadata`."""

from db.models import advertising, audit, company, customers, events, lookups, org, work

__all__ = ["advertising", "audit", "company", "customers", "events", "lookups", "org", "work"]
