"""Words for the command line and for errors raised by `app/`, in Chinese and English.

The Qt program translates its own strings through Qt Linguist; the command line runs
without Qt, so its messages live here, keyed by the error codes of app/errors.py.
"""

from __future__ import annotations

from app.errors import MediaCrmError

MESSAGES: dict[str, tuple[str, str]] = {
    "error": ("出错了：{detail}", "Error: {detail}"),
    "invalid": ("输入无效：{detail}", "Invalid input: {detail}"),
    "not_found": ("找不到记录。", "Record not found."),
    "stale_version": (
        "记录已被他人修改（版本 {expected} → {actual}），请刷新后再保存。",
        "Someone else changed the record (version {expected} → {actual}); reload it, then save.",
    ),
    "permission_denied": ("您没有执行此操作的权限。", "You are not allowed to do this."),
    "bad_url": (
        "数据库地址无效：{url}。请使用 sqlite:///文件路径、.db 文件路径，"
        "或 postgresql://用户:密码@主机:端口/数据库。",
        "Invalid database URL: {url}. Use sqlite:///PATH, a path to a .db file, "
        "or postgresql://user:password@host:port/dbname.",
    ),
    "sqlite_on_network_share": (
        "SQLite 数据库文件不能放在网络共享上（{path}）：多台电脑同时写入会损坏文件。"
        "请把文件放在本机磁盘上，或请管理员配置共享的 PostgreSQL 服务器。",
        "The SQLite database file cannot live on a network share ({path}): SQLite files "
        "get corrupted there. Keep the file on a local disk, or ask your administrator "
        "for the shared PostgreSQL server.",
    ),
    "sqlite_missing": (
        "数据库文件不存在：{path}。请先运行：mediacrm --db {url} db upgrade",
        "The database file does not exist: {path}. Run first: mediacrm --db {url} db upgrade",
    ),
    "cannot_connect": (
        "无法连接数据库 {target}：{detail}",
        "Cannot connect to the database {target}: {detail}",
    ),
    "authentication_failed": (
        "数据库拒绝了登录（用户 {user}）：用户名或密码错误，或账户已停用。",
        "The database refused the login (user {user}): wrong user name or password, "
        "or the account is disabled.",
    ),
    "schema_empty": (
        "数据库尚未初始化。请管理员运行：{command}",
        "The database is not set up yet. Ask your administrator to run: {command}",
    ),
    "schema_behind": (
        "数据库结构版本（{current}）早于本程序所需的版本（{head}）。请管理员运行：{command}",
        "The database schema ({current}) is older than this program needs ({head}). "
        "Ask your administrator to run: {command}",
    ),
    "schema_ahead": (
        "数据库结构版本（{current}）比本程序新。请更新 MediaCRM 程序后再连接。",
        "The database schema ({current}) is newer than this program. "
        "Update MediaCRM before connecting.",
    ),
    "upgrade_needs_owner": (
        "升级数据库结构需要超级用户或结构所有者的账户：{detail}",
        "Upgrading the schema needs a superuser or the schema owner's account: {detail}",
    ),
    "database_not_empty": (
        "数据库中已有客户数据，演示数据只能装入空数据库。",
        "The database already holds customer data; demo data goes into an empty database only.",
    ),
    "upgraded": (
        "数据库结构已是最新版本（{head}）。",
        "The database schema is up to date ({head}).",
    ),
    "demo_loaded": (
        "已生成演示数据：{customers} 个客户，{contacts} 个联系人，用时 {seconds:.1f} 秒。",
        "Demo data loaded: {customers} customers, {contacts} contacts in {seconds:.1f} s.",
    ),
}


def text(code: str, language: str, **params: object) -> str:
    """The message for `code` in `language` ('zh_CN' or 'en'), filled in with `params`."""
    zh, en = MESSAGES.get(code, MESSAGES["error"])
    template = en if language.startswith("en") else zh
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def describe(error: MediaCrmError, language: str) -> str:
    params = {k: v for k, v in error.params.items() if v is not None}
    params.setdefault("detail", str(error))
    return text(error.code, language, **params)
