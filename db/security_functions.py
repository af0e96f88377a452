"""The SQL functions behind PostgreSQL-side security, created by db/security.py.

All are SECURITY DEFINER, owned by the non-login owner role, with a fixed search_path;
identity always comes from `session_user`, which a client cannot change (SET ROLE changes
`current_user` only, and SET SESSION AUTHORIZATION needs a superuser).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from db.ddl import AUDIT_EXCLUDED_COLUMNS
from db.permissions import MODULE_TABLES

if TYPE_CHECKING:
    from db.security import RoleNames

_HEADER = "SECURITY DEFINER SET search_path = pg_catalog, public"
_AUDIT_EXCLUDED = "ARRAY[" + ", ".join(f"'{c}'" for c in AUDIT_EXCLUDED_COLUMNS) + "]"
# Tables that change only through the functions below, whatever a role's permissions say.
_FUNCTION_ONLY_TABLES = ("users", "audit_log")
_DELETE_COLUMNS = ("deleted_at", "deleted_by_id", "version", "updated_at", "updated_by_id")


def function_definitions(names: RoleNames) -> list[str]:
    return [
        *_identity_functions(),
        *_scope_functions(),
        *_message_functions(),
        audit_function(),
        session_log_function(),
        _sync_role_grants_function(names),
        *_sync_all_functions(),
        _role_permission_trigger_function(),
        *_user_functions(names),
    ]


def _identity_functions() -> list[str]:
    current_user_row = (
        "FROM public.users u WHERE u.db_role = session_user::text "
        "AND u.enabled AND u.deleted_at IS NULL"
    )
    return [
        f"""CREATE OR REPLACE FUNCTION mc_user_id() RETURNS integer LANGUAGE sql STABLE {_HEADER}
        AS $$ SELECT u.id {current_user_row} $$""",
        f"""CREATE OR REPLACE FUNCTION mc_employee_id() RETURNS integer LANGUAGE sql STABLE
        {_HEADER} AS $$ SELECT u.employee_id {current_user_row} $$""",
        f"""CREATE OR REPLACE FUNCTION mc_role_id() RETURNS integer LANGUAGE sql STABLE {_HEADER}
        AS $$ SELECT u.role_id {current_user_row} $$""",
        f"""CREATE OR REPLACE FUNCTION mc_department_id() RETURNS integer LANGUAGE sql STABLE
        {_HEADER} AS $$
            SELECT e.department_id FROM public.employees e WHERE e.id = mc_employee_id()
        $$""",
        f"""CREATE OR REPLACE FUNCTION mc_is_superuser() RETURNS boolean LANGUAGE sql STABLE
        {_HEADER} AS $$ SELECT rolsuper FROM pg_roles WHERE rolname = session_user $$""",
        f"""CREATE OR REPLACE FUNCTION mc_has_function(p_module text, p_action text)
        RETURNS boolean LANGUAGE sql STABLE {_HEADER} AS $$
            SELECT EXISTS (
                SELECT 1 FROM public.role_function_permissions p
                WHERE p.role_id = mc_role_id() AND p.module = p_module AND p.action = p_action
            )
        $$""",
    ]


def _scope_functions() -> list[str]:
    return [
        f"""CREATE OR REPLACE FUNCTION mc_scope(p_kind text) RETURNS text LANGUAGE sql STABLE
        {_HEADER} AS $$
            SELECT coalesce((
                SELECT p.scope FROM public.role_data_permissions p
                WHERE p.role_id = mc_role_id() AND p.record_kind = p_kind
            ), 'own')
        $$""",
        f"""CREATE OR REPLACE FUNCTION mc_sees_all(p_kind text) RETURNS boolean LANGUAGE sql
        STABLE {_HEADER} AS $$ SELECT mc_role_id() IS NOT NULL AND mc_scope(p_kind) = 'all' $$""",
        f"""CREATE OR REPLACE FUNCTION mc_visible_departments(p_kind text) RETURNS integer[]
        LANGUAGE sql STABLE {_HEADER} AS $$
            WITH RECURSIVE me AS (
                SELECT mc_scope(p_kind) AS scope, mc_department_id() AS department_id
            ), tree AS (
                SELECT me.department_id AS id FROM me
                WHERE me.scope IN ('department', 'department_tree')
                  AND me.department_id IS NOT NULL
                UNION
                SELECT d.id FROM public.departments d JOIN tree ON d.parent_id = tree.id
                WHERE (SELECT scope FROM me) = 'department_tree'
            )
            SELECT coalesce(array_agg(id), '{{}}') FROM tree
        $$""",
    ]


def _message_functions() -> list[str]:
    return [
        f"""CREATE OR REPLACE FUNCTION mc_is_recipient(p_message_id integer) RETURNS boolean
        LANGUAGE sql STABLE {_HEADER} AS $$
            SELECT EXISTS (SELECT 1 FROM public.message_recipients r
                           WHERE r.message_id = p_message_id AND r.user_id = mc_user_id())
        $$""",
        f"""CREATE OR REPLACE FUNCTION mc_sent_by_me(p_message_id integer) RETURNS boolean
        LANGUAGE sql STABLE {_HEADER} AS $$
            SELECT EXISTS (SELECT 1 FROM public.messages m
                           WHERE m.id = p_message_id AND m.sender_id = mc_user_id())
        $$""",
    ]


def audit_function() -> str:
    # Who, from where and when are the same for every row of the statement: asked once
    # (mc_user_id() in the SELECT list would look the user up again for each row).
    common = "now(), session_user, v_user, TG_TABLE_NAME, v_host, v_application"
    columns = "occurred_at, db_user, user_id, table_name, client_host, application"
    # row_to_json is about twice as fast as to_jsonb on a wide row (a bulk import writes
    # one image per row); jsonb only where columns are to be left out of the image.
    image = (
        "CASE WHEN v_excluding THEN (to_jsonb({row}) - {excluded})::text"
        " ELSE row_to_json({row})::text END"
    )
    new_image = image.format(row="n", excluded=_AUDIT_EXCLUDED)
    return f"""CREATE OR REPLACE FUNCTION mc_audit() RETURNS trigger LANGUAGE plpgsql {_HEADER}
    AS $$
    DECLARE
        v_user integer := mc_user_id();
        v_host text := inet_client_addr()::text;
        v_application text := current_setting('application_name', true);
        v_excluding boolean := EXISTS (
            SELECT 1 FROM pg_attribute
            WHERE attrelid = TG_RELID AND NOT attisdropped AND attname = ANY ({_AUDIT_EXCLUDED}));
    BEGIN
        IF TG_OP = 'INSERT' THEN
            INSERT INTO public.audit_log ({columns}, record_id, operation, after_row)
            SELECT {common}, n.id, 'INSERT', {new_image}
            FROM new_rows n;
        ELSIF TG_OP = 'UPDATE' THEN
            INSERT INTO public.audit_log
                ({columns}, record_id, operation, before_row, after_row, changed_columns)
            SELECT {common}, n.id, 'UPDATE', (to_jsonb(o) - {_AUDIT_EXCLUDED})::text,
                   (to_jsonb(n) - {_AUDIT_EXCLUDED})::text,
                   (SELECT string_agg(e.key, ',' ORDER BY e.key) FROM jsonb_each(to_jsonb(n)) e
                    WHERE e.value IS DISTINCT FROM to_jsonb(o) -> e.key)
            FROM old_rows o JOIN new_rows n ON n.id = o.id;
        ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO public.audit_log ({columns}, record_id, operation, before_row)
            SELECT {common}, o.id, 'DELETE', {image.format(row="o", excluded=_AUDIT_EXCLUDED)}
            FROM old_rows o;
        ELSE
            INSERT INTO public.audit_log ({columns}, operation) VALUES ({common}, 'TRUNCATE');
        END IF;
        RETURN NULL;
    END
    $$"""


def session_log_function() -> str:
    """Logins, logouts and exports: events of a user's session, not of a row, which no user
    may write into the audit log themselves."""
    return f"""CREATE OR REPLACE FUNCTION mc_log_session(p_operation text, p_note text)
    RETURNS void LANGUAGE plpgsql {_HEADER} AS $$
    BEGIN
        IF p_operation NOT IN ('LOGIN', 'LOGOUT', 'EXPORT') THEN
            RAISE EXCEPTION 'unknown session event %', p_operation USING ERRCODE = '22023';
        END IF;
        INSERT INTO public.audit_log
            (occurred_at, db_user, user_id, operation, client_host, application, note)
        VALUES (now(), session_user, mc_user_id(), p_operation, inet_client_addr()::text,
                current_setting('application_name', true), left(p_note, 500));
    END
    $$"""


def _sync_role_grants_function(names: RoleNames) -> str:
    modules = json.dumps(MODULE_TABLES)
    function_only = "ARRAY[" + ", ".join(f"'{t}'" for t in _FUNCTION_ONLY_TABLES) + "]"
    delete_columns = "ARRAY[" + ", ".join(f"'{c}'" for c in _DELETE_COLUMNS) + "]"
    return f"""CREATE OR REPLACE FUNCTION mc_sync_role_grants(p_role_id integer)
    RETURNS void LANGUAGE plpgsql {_HEADER} AS $$
    DECLARE
        pg_role text := '{names.prefix}role_' || p_role_id;
        modules jsonb := '{modules}';
        module text;
        tbl text;
        edit_columns text;
        delete_columns text;
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = pg_role) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', pg_role);
        END IF;
        FOR module, tbl IN
            SELECT m.key, jsonb_array_elements_text(m.value) FROM jsonb_each(modules) m
        LOOP
            CONTINUE WHEN to_regclass(format('public.%I', tbl)) IS NULL;
            EXECUTE format('REVOKE ALL ON public.%I FROM %I', tbl, pg_role);
            CONTINUE WHEN module = 'personal';
            IF mc_role_may(p_role_id, module, 'view') THEN
                IF tbl = 'users' THEN
                    CONTINUE;
                END IF;
                EXECUTE format('GRANT SELECT ON public.%I TO %I', tbl, pg_role);
            END IF;
            CONTINUE WHEN tbl = ANY ({function_only});
            IF mc_role_may(p_role_id, module, 'create') THEN
                EXECUTE format('GRANT INSERT ON public.%I TO %I', tbl, pg_role);
            END IF;
            SELECT string_agg(quote_ident(attname), ', ') FILTER (
                       WHERE attname <> ALL (ARRAY['deleted_at', 'deleted_by_id'])),
                   string_agg(quote_ident(attname), ', ') FILTER (
                       WHERE attname = ANY ({delete_columns}))
              INTO edit_columns, delete_columns
              FROM pg_attribute
             WHERE attrelid = format('public.%I', tbl)::regclass AND attnum > 0
               AND NOT attisdropped;
            IF mc_role_may(p_role_id, module, 'edit') THEN
                EXECUTE format('GRANT UPDATE (%s) ON public.%I TO %I', edit_columns, tbl, pg_role);
            END IF;
            IF mc_role_may(p_role_id, module, 'delete') THEN
                IF delete_columns IS NOT NULL THEN
                    EXECUTE format('GRANT UPDATE (%s) ON public.%I TO %I',
                                   delete_columns, tbl, pg_role);
                END IF;
                EXECUTE format('GRANT DELETE ON public.%I TO %I', tbl, pg_role);
            END IF;
        END LOOP;
    END
    $$"""


def _sync_all_functions() -> list[str]:
    may = f"""CREATE OR REPLACE FUNCTION mc_role_may(p_role_id integer, p_module text,
        p_action text) RETURNS boolean LANGUAGE sql STABLE {_HEADER} AS $$
        SELECT EXISTS (SELECT 1 FROM public.role_function_permissions p
                       WHERE p.role_id = p_role_id AND p.module = p_module
                         AND p.action = p_action)
    $$"""
    sync_all = f"""CREATE OR REPLACE FUNCTION mc_sync_all_role_grants() RETURNS void
    LANGUAGE plpgsql {_HEADER} AS $$
    DECLARE
        role_id integer;
    BEGIN
        FOR role_id IN SELECT id FROM public.roles LOOP
            PERFORM mc_sync_role_grants(role_id);
        END LOOP;
    END
    $$"""
    return [may, sync_all]


def _role_permission_trigger_function() -> str:
    return f"""CREATE OR REPLACE FUNCTION mc_role_permissions_changed() RETURNS trigger
    LANGUAGE plpgsql {_HEADER} AS $$
    BEGIN
        PERFORM mc_sync_all_role_grants();
        RETURN NULL;
    END
    $$"""


def _user_functions(names: RoleNames) -> list[str]:
    require_admin = """
        IF NOT (mc_is_superuser() OR mc_has_function('security', 'admin')) THEN
            RAISE EXCEPTION 'permission denied: managing users needs the security admin permission'
                USING ERRCODE = '42501';
        END IF;"""
    login = f"'{names.prefix}' || p_username"
    return [
        f"""CREATE OR REPLACE FUNCTION mc_create_user(p_username text, p_verifier text,
            p_role_id integer, p_employee_id integer) RETURNS integer LANGUAGE plpgsql {_HEADER}
        AS $$
        DECLARE
            login text := {login};
            new_id integer;
        BEGIN
            {require_admin}
            IF p_username !~ '^[a-z][a-z0-9_.]{{2,31}}$' THEN
                RAISE EXCEPTION 'invalid user name %', p_username USING ERRCODE = '22023';
            END IF;
            IF p_verifier !~ '^SCRAM-SHA-256\\$' THEN
                RAISE EXCEPTION 'a SCRAM verifier is required' USING ERRCODE = '22023';
            END IF;
            IF NOT EXISTS (SELECT 1 FROM pg_roles
                           WHERE rolname = '{names.prefix}role_' || p_role_id) THEN
                PERFORM mc_sync_role_grants(p_role_id);
            END IF;
            EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I, %I', login, p_verifier,
                           '{names.users}', '{names.prefix}role_' || p_role_id);
            INSERT INTO public.users (username, employee_id, role_id, db_role, enabled,
                                      password_changed_at, created_by_id, updated_by_id)
            VALUES (p_username, p_employee_id, p_role_id, login, true, now(),
                    mc_user_id(), mc_user_id())
            RETURNING id INTO new_id;
            RETURN new_id;
        END
        $$""",
        f"""CREATE OR REPLACE FUNCTION mc_set_password(p_username text, p_verifier text)
        RETURNS void LANGUAGE plpgsql {_HEADER} AS $$
        DECLARE
            login text := {login};
        BEGIN
            IF session_user::text <> login THEN
                {require_admin}
            END IF;
            IF p_verifier !~ '^SCRAM-SHA-256\\$' THEN
                RAISE EXCEPTION 'a SCRAM verifier is required' USING ERRCODE = '22023';
            END IF;
            EXECUTE format('ALTER ROLE %I PASSWORD %L', login, p_verifier);
            UPDATE public.users SET password_changed_at = now(), version = version + 1,
                   updated_at = now(), updated_by_id = mc_user_id()
             WHERE db_role = login AND deleted_at IS NULL;
        END
        $$""",
        f"""CREATE OR REPLACE FUNCTION mc_set_user_enabled(p_username text, p_enabled boolean)
        RETURNS void LANGUAGE plpgsql {_HEADER} AS $$
        DECLARE
            login text := {login};
        BEGIN
            {require_admin}
            EXECUTE format('ALTER ROLE %I %s', login,
                           CASE WHEN p_enabled THEN 'LOGIN' ELSE 'NOLOGIN' END);
            UPDATE public.users SET enabled = p_enabled, version = version + 1,
                   updated_at = now(), updated_by_id = mc_user_id()
             WHERE db_role = login AND deleted_at IS NULL;
        END
        $$""",
        f"""CREATE OR REPLACE FUNCTION mc_set_user_role(p_username text, p_role_id integer)
        RETURNS void LANGUAGE plpgsql {_HEADER} AS $$
        DECLARE
            login text := {login};
            old_role integer;
        BEGIN
            {require_admin}
            SELECT role_id INTO old_role FROM public.users
             WHERE db_role = login AND deleted_at IS NULL;
            IF NOT EXISTS (SELECT 1 FROM pg_roles
                           WHERE rolname = '{names.prefix}role_' || p_role_id) THEN
                PERFORM mc_sync_role_grants(p_role_id);
            END IF;
            EXECUTE format('REVOKE %I FROM %I', '{names.prefix}role_' || old_role, login);
            EXECUTE format('GRANT %I TO %I', '{names.prefix}role_' || p_role_id, login);
            UPDATE public.users SET role_id = p_role_id, version = version + 1,
                   updated_at = now(), updated_by_id = mc_user_id()
             WHERE db_role = login AND deleted_at IS NULL;
        END
        $$""",
    ]


# The customer archive's functions (migration 0007). They are not in function_definitions:
# that list is what migration 0003 installs, before the columns these read exist.

DUPLICATE_CHECK_SIGNATURE = "mc_find_customer_duplicates(text[], text[], text[], text[], integer)"


def duplicate_check_function() -> str:
    """Customers that a new one may duplicate (撞单), found among all rows whatever the
    caller may see: for each matched key the customer's id, its owner's and department's
    names, whether the caller may see it, and its name only if so. Credit codes are matched
    in the recycle bin too (the column is unique there as well); names (customers.name_key),
    phones (the customer's, its contacts' mobiles and landlines, a landline with any
    extension) and e-mails among live customers only. At most `p_limit` customers per key
    and rule, whichever the index finds first (a common name must not read thousands).

    Each search is one range of one index, ordered by it: with LIMIT and a key the planner
    cannot see, an OR of conditions made it scan two million contacts instead."""

    def search(table: str, condition: str, column: str) -> str:
        contact = table == "contacts"
        source = (
            "public.contacts t JOIN public.customers c ON c.id = t.customer_id"
            if contact
            else "public.customers c"
        )
        alive = (
            "t.deleted_at IS NULL AND c.deleted_at IS NULL" if contact else "c.deleted_at IS NULL"
        )
        return (
            f"(SELECT c.id FROM {source} WHERE {condition} AND {alive} "
            f"ORDER BY {column} LIMIT p_limit)"
        )

    # A landline "0755-12345678" matches itself and "0755-12345678-123": stored numbers hold
    # digits and hyphens only, so [k, k || '.') in byte order (the "C" collation) is exactly
    # k and k followed by a hyphen.
    def number(column: str) -> str:
        return f"{column} >= k AND {column} < (k || '.')"

    def lateral(rule: str, keys: str, *searches: str) -> str:
        union = "\n                     UNION ALL ".join(searches)
        return f"""SELECT '{rule}'::text AS rule, k AS matched, x.id
              FROM unnest({keys}) k
             CROSS JOIN LATERAL (SELECT DISTINCT y.id FROM ({union}) y LIMIT p_limit) x"""

    found = "\n            UNION ALL\n            ".join(
        (
            """SELECT 'credit_code'::text AS rule, k AS matched, c.id
              FROM unnest(p_credit_codes) k JOIN public.customers c ON c.credit_code = k""",
            lateral("name", "p_name_keys",
                    search("customers", "c.name_key = k", "c.name_key")),
            lateral("phone", "p_phones",
                    search("customers", number("c.phone"), "c.phone"),
                    search("contacts", number("t.phone"), "t.phone"),
                    search("contacts", "t.mobile = k", "t.mobile")),
            lateral("email", "p_emails",
                    search("customers", "c.email = k", "c.email"),
                    search("contacts", "t.email = k", "t.email")),
        )
    )  # fmt: skip
    return f"""CREATE OR REPLACE FUNCTION mc_find_customer_duplicates(
        p_credit_codes text[], p_name_keys text[], p_phones text[], p_emails text[],
        p_limit integer DEFAULT 20)
    RETURNS TABLE (rule text, matched text, customer_id integer, owner_name text,
                   department_name text, visible boolean, customer_name text, deleted boolean)
    LANGUAGE plpgsql STABLE {_HEADER}
    -- Point lookups only: an index range is always the plan. Statistics that lag behind
    -- the tables (an import writing between its checks) made the planner scan a whole
    -- partial index, or AND it with the right one, for every key.
    SET enable_seqscan = off SET enable_bitmapscan = off
    AS $$
    BEGIN
        RETURN QUERY
        -- Materialized: inlined, the caller's rights were looked up again for every match.
        WITH me AS MATERIALIZED (
            SELECT mc_has_function('customers', 'view') AS may_view,
                   mc_sees_all('customers') AS sees_all,
                   mc_employee_id() AS employee_id,
                   mc_visible_departments('customers') AS departments
        ), found AS (
            {found}
        )
        SELECT f.rule, f.matched, c.id, e.name::text, d.name::text, v.visible,
               CASE WHEN v.visible THEN c.name::text END, c.deleted_at IS NOT NULL
          FROM found f
          JOIN public.customers c ON c.id = f.id
          LEFT JOIN public.employees e ON e.id = c.owner_id
          LEFT JOIN public.departments d ON d.id = c.department_id
         CROSS JOIN me
         CROSS JOIN LATERAL (
             SELECT coalesce(me.may_view AND (me.sees_all OR c.owner_id = me.employee_id
                    OR c.department_id = ANY (me.departments)), false) AS visible
         ) v;
    END
    $$"""


def customer_statistics_function() -> str:
    """Fresh planner statistics of customers and contacts when an import has written a
    batch that is over a tenth of the rows they had: the import checks its next batches for
    duplicates in the same transaction (ANALYZE counts that transaction's own rows), and
    planned by the statistics of the smaller tables the check read a whole index for every
    key. Runs as the owner, who alone may ANALYZE."""
    return f"""CREATE OR REPLACE FUNCTION mc_analyze_customers(p_written integer)
    RETURNS void LANGUAGE plpgsql {_HEADER} AS $$
    BEGIN
        IF (SELECT reltuples FROM pg_class WHERE oid = 'public.customers'::regclass)
           < 10 * p_written THEN
            ANALYZE public.customers, public.contacts;
        END IF;
    END
    $$"""


def blacklist_guard_function(type_code: str, refusal: str) -> str:
    """The trigger that refuses an order or quotation for a blacklisted customer, whoever
    writes it: it reads the customer as the owner, so a customer hidden from the writer
    is checked too."""
    return f"""CREATE OR REPLACE FUNCTION mc_refuse_blacklisted_customer() RETURNS trigger
    LANGUAGE plpgsql {_HEADER} AS $$
    BEGIN
        IF EXISTS (SELECT 1 FROM public.customers c
                     JOIN public.customer_types t ON t.id = c.customer_type_id
                    WHERE c.id = NEW.customer_id AND t.code = '{type_code}') THEN
            RAISE EXCEPTION '{refusal}: customer % is blacklisted, no new % for it',
                NEW.customer_id, TG_TABLE_NAME
                USING ERRCODE = '23514', CONSTRAINT = '{refusal}', TABLE = TG_TABLE_NAME;
        END IF;
        RETURN NEW;
    END
    $$"""


SEARCH_SIGNATURE = "mc_search_ids(text, text[], integer)"
SEARCH_PROBE_ROWS = 1_000


def search_function() -> str:
    """The fuzzy query's matches (app/search.py) on PostgreSQL: ids of the live customers or
    contacts (`p_table`) whose search text is LIKE one of `p_patterns`, that the caller may
    see, the first `p_limit` in pinyin order.

    Row-level security keeps a LIKE (not leakproof) from being evaluated before the policy,
    so under it pg_trgm's index cannot be used and every search reads every row (20 s for
    two million contacts). Here the function reads as the owner and applies the policy's
    rule itself (the caller's rights asked once), so the index serves.

    Three plans, as one cannot fit every kind of match: a caller who sees only their own
    customers has those read in pinyin order and matched one by one; for a caller who sees
    every customer the first rows in pinyin order are read first (a common fragment has its
    page among them); when fewer than `p_limit` match there, or for a caller who sees whole
    departments, the index finds every match and the visible ones are sorted. The patterns
    are parameters ($4), never part of the statement's text."""

    def match(text: str) -> str:
        """The patterns ORed, as SQL text to format into a statement: `text` LIKE $4[i]."""
        return (
            "(SELECT string_agg(format('%s LIKE $4[%s]', "
            f"'{text}', i), ' OR ') FROM generate_subscripts(p_patterns, 1) i)"
        )

    visible = "($1 OR c.owner_id = $2 OR c.department_id = ANY ($3))"
    unsorted = "''''"  # x || '' is not the indexed column: neither its order nor its index
    return f"""CREATE OR REPLACE FUNCTION mc_search_ids(
        p_table text, p_patterns text[], p_limit integer)
    RETURNS SETOF integer LANGUAGE plpgsql STABLE {_HEADER} AS $$
    DECLARE
        v_source text;
        v_probed text;
        v_found integer[];
        v_all boolean := coalesce(mc_sees_all('customers'), false);
        v_employee integer := mc_employee_id();
        v_departments integer[] := coalesce(mc_visible_departments('customers'), '{{}}');
    BEGIN
        IF NOT coalesce(mc_has_function('customers', 'view'), false)
           OR coalesce(array_length(p_patterns, 1), 0) = 0 THEN
            RETURN;
        END IF;
        IF p_table = 'customers' THEN
            v_source := 'public.customers t JOIN public.customers c ON c.id = t.id';
            v_probed := 'public.customers t';
        ELSIF p_table = 'contacts' THEN
            v_source := 'public.contacts t JOIN public.customers c'
                        ' ON c.id = t.customer_id AND c.deleted_at IS NULL';
            v_probed := v_source;
        ELSE
            RAISE EXCEPTION 'not searched: %', p_table USING ERRCODE = '22023';
        END IF;
        IF NOT v_all AND cardinality(v_departments) = 0 THEN
            -- Their own customers only: read those in pinyin order and match each (a few
            -- thousand at most, where the index finds every match of everyone's). The
            -- expression keeps the planner from the index.
            RETURN QUERY EXECUTE format(
                'SELECT t.id FROM %s WHERE c.owner_id = $2 AND t.deleted_at IS NULL AND (%s)'
                ' ORDER BY t.name_pinyin, t.id LIMIT $5',
                v_source, {match("(t.search_text || " + unsorted + ")")})
              USING v_all, v_employee, v_departments, p_patterns, p_limit;
            RETURN;
        END IF;
        IF v_all THEN
            EXECUTE format(
                'SELECT array_agg(p.id ORDER BY p.name_pinyin, p.id) FROM ('
                'SELECT t.id, t.name_pinyin, t.search_text FROM %s WHERE t.deleted_at IS NULL'
                ' ORDER BY t.name_pinyin, t.id LIMIT {SEARCH_PROBE_ROWS}) p WHERE %s',
                v_probed, {match("p.search_text")})
              INTO v_found
              USING v_all, v_employee, v_departments, p_patterns;
            IF coalesce(array_length(v_found, 1), 0) >= p_limit THEN
                RETURN QUERY SELECT unnest(v_found[1:p_limit]);
                RETURN;
            END IF;
        END IF;
        -- Every match from the index, the visible ones sorted.
        RETURN QUERY EXECUTE format(
            'SELECT t.id FROM %s WHERE (%s) AND t.deleted_at IS NULL AND {visible}'
            ' ORDER BY t.name_pinyin || {unsorted}, t.id LIMIT $5',
            v_source, {match("t.search_text")})
          USING v_all, v_employee, v_departments, p_patterns, p_limit;
    END
    $$"""
