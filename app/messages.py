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
    "cancelled": ("已取消，未写入任何内容。", "Cancelled; nothing was written."),
    "permission_denied": ("您没有执行此操作的权限。", "You are not allowed to do this."),
    # Sales tracking and attachments (app/sales_tracking.py, app/attachments.py).
    "stage_unknown": ("请选择销售阶段。", "Choose a step of the sales process."),
    "stage_unchanged": (
        "客户已处于该销售阶段，请选择另一个阶段。",
        "The customer is at this step already; choose another step.",
    ),
    "stage_date_required": ("请填写变更日期。", "Enter the date of the change."),
    "stage_date_in_future": (
        "变更日期 {date} 不能晚于今天。",
        "The date of the change, {date}, cannot be after today.",
    ),
    "stage_date_before_last": (
        "变更日期不能早于上一次阶段变更的日期 {last}。",
        "The date of the change cannot be before the last change, on {last}.",
    ),
    "attachment_too_large": (
        "文件“{name}”大小为 {size}，超过了附件大小上限 {limit}，不能添加。"
        "管理员可在“本公司信息”中修改上限。",
        "The file “{name}” is {size}, more than the largest attachment allowed, {limit}; "
        "it was not added. An administrator sets the limit in Company information.",
    ),
    "file_unwritable": (
        "无法写入文件 {path}：{reason}",
        "Cannot write the file {path}: {reason}",
    ),
    "file_name_invalid": (
        '文件名不能包含 \\ / : * ? " < > | 这些字符。',
        'A file name cannot contain \\ / : * ? " < > |.',
    ),
    "file_extension_changed": (
        "文件名须保留扩展名“{extension}”，否则无法用对应的程序打开。",
        "The file name must keep its extension “{extension}”, or no program will open it.",
    ),
    # Employees, departments, roles and accounts (app/employees.py, departments, roles, accounts).
    "record_changed": (
        "记录已被他人修改，请刷新后再保存。",
        "Someone else changed the record; reload it, then save.",
    ),
    "value_taken": (
        "“{value}”已被另一条记录使用，请换一个。",
        "“{value}” is already used by another record; choose another.",
    ),
    "text_too_long": ("最多 {maximum} 个字符。", "At most {maximum} characters."),
    "employee_name_required": ("请输入姓名。", "Enter the name."),
    "invalid_phone": (
        "电话号码只能包含数字、空格、+、-、括号，可加分机号（如 转 123）。",
        "A phone number has digits, spaces, +, - and brackets, and may end in an extension.",
    ),
    "invalid_mobile": (
        "手机号码应为以 1 开头的 11 位数字，或以 + 开头的国际号码。",
        "A mobile number has 11 digits starting with 1, or is international, starting with +.",
    ),
    "invalid_email": ("电子邮件地址格式不正确。", "This is not an e-mail address."),
    "invalid_status": ("请选择状态。", "Choose a status."),
    "department_missing": (
        "所选部门不存在或已删除。",
        "The chosen department does not exist or was deleted.",
    ),
    "position_missing": (
        "所选职务不存在或已删除。",
        "The chosen position does not exist or was deleted.",
    ),
    "employee_has_account": (
        "员工“{name}”有启用的登录账户 {username}，请先在安全工具中停用该账户。",
        "The employee “{name}” has the enabled account {username}; disable it first "
        "in Security tools.",
    ),
    "department_cycle": (
        "不能把部门移到它自己或它的下级部门之下。",
        "A department cannot move under itself or one of its sub-departments.",
    ),
    "department_not_empty": (
        "部门“{name}”不是空的（{children} 个下级部门，{employees} 名员工），不能删除。",
        "The department “{name}” is not empty ({children} sub-departments, "
        "{employees} employees); it cannot be deleted.",
    ),
    "department_parent_deleted": (
        "部门“{name}”的上级部门已删除，请先恢复上级部门。",
        "The parent of the department “{name}” is deleted; restore the parent first.",
    ),
    "role_key_invalid": (
        "角色代码须以小写字母开头，由 2–40 个小写字母、数字或下划线组成。",
        "A role key starts with a lower-case letter and has 2–40 lower-case letters, "
        "digits or underscores.",
    ),
    "role_key_taken": ("角色代码“{name}”已被使用。", "The role key “{name}” is taken."),
    "role_name_invalid": (
        "角色名称不能为空，且不超过 60 个字符。",
        "A role name is required and has at most 60 characters.",
    ),
    "built_in_role": (
        "“{name}”是内置角色，不能删除。",
        "“{name}” is a built-in role; it cannot be deleted.",
    ),
    "role_in_use": (
        "角色“{name}”还有 {count} 个用户，不能删除。",
        "The role “{name}” still has {count} users; it cannot be deleted.",
    ),
    "unknown_permission": (
        "未知的权限：{module}/{action}",
        "Unknown permission: {module}/{action}",
    ),
    "admin_role_keeps_security_admin": (
        "管理员角色必须保留“安全”模块的“管理”权限，否则没有人能再管理权限。",
        "The administrator role keeps the Security “Administer” permission; without it "
        "nobody could manage permissions any more.",
    ),
    "cannot_disable_yourself": ("不能停用自己的账户。", "You cannot disable your own account."),
    "cannot_change_own_role": (
        "不能修改自己的角色，请让另一位管理员修改。",
        "You cannot change your own role; ask another administrator.",
    ),
    "unknown_table": ("未知的记录类型：{name}", "Unknown record kind: {name}"),
    "bad_url": (
        "数据库地址无效：{url}。请使用 sqlite:///文件路径、.db 文件路径，"
        "或 postgresql://用户:密码@主机:端口/数据库。",
        "Invalid database URL: {url}. Use sqlite:///PATH, a path to a .db file, "
        "or postgresql://user:password@host:port/dbname.",
    ),
    "bad_sslmode": (
        "SSL 模式无效：{mode}。可选：disable、allow、prefer、require、verify-ca、verify-full。",
        "Invalid SSL mode: {mode}. Use disable, allow, prefer, require, verify-ca or verify-full.",
    ),
    "path_required": ("请选择数据库文件。", "Choose the database file."),
    "host_required": ("请输入服务器地址。", "Enter the server's address."),
    "database_name_required": ("请输入数据库名称。", "Enter the database name."),
    "ca_file_missing": (
        "找不到 CA 证书文件：{path}",
        "The CA certificate file does not exist: {path}",
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
    "search_needs_utf8": (
        "数据库的字符分类（LC_CTYPE = {ctype}）不是 UTF-8，中文检索无法工作。请管理员以 UTF-8 的 "
        "LC_CTYPE 重建数据库（例如 CREATE DATABASE … TEMPLATE template0 "
        "LC_CTYPE 'zh_CN.UTF-8'）后再导入数据。",
        "The database's character classification (LC_CTYPE = {ctype}) is not UTF-8, so "
        "searching Chinese text cannot work. Ask your administrator to create the database "
        "with a UTF-8 LC_CTYPE (for example CREATE DATABASE … TEMPLATE template0 "
        "LC_CTYPE 'en_US.UTF-8') and load the data into it.",
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
    "invalid_username": (
        "用户名须以小写字母开头，由 3–32 个小写字母、数字、下划线或点组成。",
        "A user name starts with a lower-case letter and has 3–32 lower-case letters, digits, "
        "underscores or dots.",
    ),
    "password_required": ("请输入密码。", "Enter the password."),
    "password_too_short": (
        "密码至少需要 {minimum} 个字符。",
        "The password needs at least {minimum} characters.",
    ),
    "password_too_long": (
        "密码不能超过 {maximum} 个字符。",
        "The password may have at most {maximum} characters.",
    ),
    "password_blank": ("密码不能只包含空格。", "The password cannot be only spaces."),
    "passwords_differ": ("两次输入的密码不一致。", "The two passwords differ."),
    "wrong_old_password": ("原密码不正确。", "The current password is wrong."),
    "account_disabled": (
        "用户 {user} 已被停用，请联系管理员。",
        "The user {user} is disabled; ask your administrator.",
    ),
    "tls_failed": (
        "安全连接失败：{detail}。请检查 SSL 模式和 CA 证书设置。",
        "The secure connection failed: {detail}. Check the SSL mode and the CA certificate.",
    ),
    "administrator_exists": (
        "已经存在管理员；请用管理员账户在“安全工具”中添加用户。",
        "An administrator exists already; add users as that administrator.",
    ),
    "department_not_found": ("找不到部门“{name}”。", "No department named “{name}”."),
    "department_ambiguous": (
        "有多个部门名为“{name}”，请写出完整路径，如 广告部/广告一部。",
        "Several departments are named “{name}”; give the path, such as Sales/Team 1.",
    ),
    "department_name_invalid": (
        "部门名称不能为空，且不超过 100 个字符。",
        "A department name is required and has at most 100 characters.",
    ),
    "department_exists": ("部门“{name}”已存在。", "The department “{name}” exists already."),
    "role_not_found": ("找不到角色“{name}”。", "No role named “{name}”."),
    "username_taken": ("用户名“{name}”已被使用。", "The user name “{name}” is taken."),
    "user_not_found": ("找不到用户“{name}”。", "No user named “{name}”."),
    "duplicate": ("已存在相同的记录：{detail}", "Such a record exists already: {detail}"),
    "missing_reference": (
        "引用的记录不存在：{detail}",
        "A record it refers to does not exist: {detail}",
    ),
    "check_failed": ("数据不符合规则：{detail}", "The data breaks a rule: {detail}"),
    # Customers (app/customers.py, app/customer_duplicates.py, app/ownership.py).
    "credit_code_taken": (
        "该统一社会信用代码已被另一客户使用（负责人：{owner}，{department}），不能重复录入。",
        "This unified social credit code belongs to another customer (owner: {owner}, "
        "{department}); a customer is entered only once.",
    ),
    "duplicate_customer": (
        "可能与已有客户重复（{rule}），该客户的负责人：{owner}，{department}。",
        "This may duplicate an existing customer ({rule}), owned by {owner}, {department}.",
    ),
    "customer_blacklisted": (
        "该客户已列入黑名单，不能新建订单、报价或群发邮件。",
        "This customer is blacklisted: no new orders, quotations or bulk mail.",
    ),
    "blacklist_reason_required": (
        "列入黑名单须填写原因。",
        "A blacklisted customer needs the reason for blacklisting.",
    ),
    "customer_missing": (
        "所选客户不存在、已删除或您无权查看。",
        "The chosen customer does not exist, was deleted, or is not yours to see.",
    ),
    "employee_missing": (
        "所选员工不存在或已离职。",
        "The chosen employee does not exist or has left.",
    ),
    "transfer_not_allowed": (
        "只有部门主管（本部门范围内）、决策者和管理员可以移交客户。",
        "Only department heads (within their departments), decision makers and "
        "administrators hand customers over.",
    ),
    "same_employee": (
        "移交的对象不能是原负责人本人。",
        "Customers are handed over to someone other than their owner.",
    ),
    "own_partner": (
        "客户不能是自己的合作伙伴。",
        "A customer cannot be its own partner.",
    ),
    "end_before_start": (
        "结束日期不能早于开始日期。",
        "The end date cannot be before the start date.",
    ),
    "contact_of_other_customer": (
        "所选联系人不属于该客户。",
        "The chosen contact is not one of this customer's.",
    ),
    "merge_same_customer": ("不能把客户与其自身合并。", "A customer cannot be merged with itself."),
    "merge_into_blacklisted": (
        "保留的客户已列入黑名单，不能接收被合并客户的订单和报价；请保留另一方，或先解除黑名单。",
        "The customer kept is blacklisted and cannot take the merged customer's orders and "
        "quotations; keep the other one, or lift the blacklist first.",
    ),
    # The business log (app/business_log.py).
    "log_end_before_start": (
        "{label_zh}不能早于开始时间 {start}。",
        "{label_en} cannot be before the start, {start}.",
    ),
    "log_not_own": (
        "这是别人的事务日志：您可以查看，但只有本人可以修改或删除。",
        "This is someone else's business log entry: you may read it, but only its writer "
        "changes or deletes it.",
    ),
    # Form fields (app/fields.py): each names its field by the label in the user's language.
    "required": ("请填写{label_zh}。", "{label_en} is required."),
    "too_long": (
        "{label_zh}最多 {maximum} 个字符（现有 {length} 个）。",
        "{label_en} has at most {maximum} characters (now {length}).",
    ),
    "not_a_number": (
        "{label_zh}应为数字，如 {example}。",
        "{label_en} must be a number, such as {example}.",
    ),
    "out_of_range": (
        "{label_zh}超出允许的范围（{range}）。",
        "{label_en} is outside the allowed range ({range}).",
    ),
    "too_many_decimals": (
        "{label_zh}最多 {decimals} 位小数。",
        "{label_en} has at most {decimals} decimal places.",
    ),
    "invalid_date": (
        "{label_zh}不是有效日期，请按 2024-03-15 或 2024年3月15日 填写。",
        "{label_en} is not a valid date; write it like 2024-03-15.",
    ),
    "invalid_time": (
        "{label_zh}不是有效时间，请按 09:30 或 9点30 填写。",
        "{label_en} is not a valid time; write it like 09:30.",
    ),
    "invalid_cn_mobile": (
        "{label_zh}应为以 1 开头的 11 位手机号码（可加 +86），如 138 0013 8000。",
        "{label_en}: a mobile number has 11 digits starting with 1 (+86 allowed), "
        "such as 138 0013 8000.",
    ),
    "invalid_landline": (
        "{label_zh}应为区号加 7–8 位号码，可带分机，如 010-12345678、(0755)12345678-123。",
        "{label_en}: a landline number is an area code and 7–8 digits, perhaps with an "
        "extension, such as 010-12345678 or (0755)12345678-123.",
    ),
    "invalid_cn_phone": (
        "{label_zh}应为手机号码（如 138 0013 8000）或带区号的固定电话（如 010-12345678）。",
        "{label_en}: enter a mobile number (such as 138 0013 8000) or a landline number "
        "with its area code (such as 010-12345678).",
    ),
    "invalid_postal_code": (
        "{label_zh}应为 6 位数字，如 100080。",
        "{label_en}: a postal code has 6 digits, such as 100080.",
    ),
    "invalid_url": (
        "{label_zh}不是有效的网址，如 www.example.com。",
        "{label_en} is not a web address such as www.example.com.",
    ),
    "invalid_credit_code": (
        "{label_zh}应为 18 位统一社会信用代码（数字和大写字母，不含 I、O、S、V、Z），"
        "且最后一位校验码正确，请核对。",
        "{label_en}: a unified social credit code has 18 digits and capital letters "
        "(no I, O, S, V or Z) and ends in a matching check character; check it.",
    ),
    "unknown_option": (
        "{label_zh}：没有“{text}”这一项，请从列表中选择。",
        "{label_en}: “{text}” is not in the list; choose from the list.",
    ),
    "ambiguous_option": (
        "{label_zh}：有多项与“{text}”相符，请从列表中选择。",
        "{label_en}: several entries match “{text}”; choose one from the list.",
    ),
    # Importing customers (app/customer_import*.py, app/import_files.py, app/cli_import.py).
    "file_unreadable": (
        "无法读取文件 {path}：{reason}",
        "Cannot read the file {path}: {reason}",
    ),
    "file_empty": ("文件 {path} 没有标题行。", "The file {path} has no header row."),
    "file_format_unknown": (
        "不支持此文件格式：{path}。请另存为 .xlsx 或 CSV 后再导入。",
        "This file format is not supported: {path}. Save it as .xlsx or CSV, then import it.",
    ),
    "unknown_import_field": ("未知的导入字段：{name}", "Unknown import field: {name}"),
    "field_mapped_twice": (
        "字段“{name}”对应了两列，每个字段只能对应一列。",
        "The field “{name}” is mapped to two columns; map each field to one column.",
    ),
    "bad_mapping_file": ("列对应文件无效：{detail}", "The mapping file is not valid: {detail}"),
    "name_not_mapped": (
        "请指定哪一列是客户名称。",
        "Choose the column that holds the customer's name.",
    ),
    "city_not_in_region": (
        "{label_zh}“{text}”不属于所填的省份/地区。",
        "{label_en} “{text}” is not in the province or region given.",
    ),
    "duplicate_credit_code": (
        "统一社会信用代码已被另一客户使用，不能重复录入。",
        "Another customer has this unified social credit code; it cannot be entered twice.",
    ),
    "ambiguous_duplicate": (
        "这一行与多个已有客户相同，无法确定更新哪一个。",
        "This row matches several customers; it is not clear which one to update.",
    ),
    "credit_code_conflict": (
        "已有客户的统一社会信用代码与文件中的不同，不会被修改。",
        "The existing customer has another unified social credit code; it is not changed.",
    ),
    "import_cancelled": (
        "导入已取消，没有写入任何数据。",
        "Import cancelled; nothing was written.",
    ),
    "owner_not_allowed": (
        "您不能把客户分配给“{name}”：该员工不在您的数据权限范围内。",
        "You cannot make “{name}” the owner: that employee is outside your data permission.",
    ),
    "owner_required": (
        "请用 --owner 指定客户的负责人（以此数据库账户导入时没有默认负责人）。",
        "Name the customers' owner with --owner (this database account has no employee).",
    ),
    "import_summary": (
        "读取 {read} 行：新建 {created} 个客户，更新 {updated} 个，重复 {duplicates} 行，"
        "拒绝 {rejected} 行；新建联系人 {contacts_created} 个。",
        "Read {read} rows: {created} customers created, {updated} updated, "
        "{duplicates} duplicates, {rejected} rejected; {contacts_created} contacts created.",
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
