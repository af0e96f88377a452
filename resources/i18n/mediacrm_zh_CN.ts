<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/dialogs/change_password_dialog.py" line="36"/>
        <location filename="../../ui/dialogs/change_password_dialog.py" line="76"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/change_password_dialog.py" line="50"/>
        <source>Current password:</source>
        <translation>原密码：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/change_password_dialog.py" line="55"/>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/change_password_dialog.py" line="60"/>
        <source>New password again:</source>
        <translation>再次输入新密码：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/change_password_dialog.py" line="78"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="35"/>
        <source>No database chosen</source>
        <translation>尚未选择数据库</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="38"/>
        <source>Local file %1</source>
        <translation>本机文件 %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="42"/>
        <source>Server %1, SSL: %2</source>
        <translation>服务器 %1，SSL：%2</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="54"/>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="56"/>
        <source>SQLite database (*.db *.sqlite)</source>
        <translation>SQLite 数据库 (*.db *.sqlite)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="64"/>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="66"/>
        <source>Certificates (*.crt *.pem *.cer)</source>
        <translation>证书 (*.crt *.pem *.cer)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="74"/>
        <source>disable — no encryption</source>
        <translation>disable — 不加密</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="75"/>
        <source>allow — encrypt only if the server insists</source>
        <translation>allow — 仅在服务器要求时加密</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="76"/>
        <source>prefer — encrypt when the server can</source>
        <translation>prefer — 服务器支持时加密</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="77"/>
        <source>require — always encrypt, certificate not checked</source>
        <translation>require — 始终加密，不验证证书</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="80"/>
        <source>verify-ca — encrypt and check the certificate</source>
        <translation>verify-ca — 加密并验证证书</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="81"/>
        <source>verify-full — encrypt, check the certificate and host name</source>
        <translation>verify-full — 加密并验证证书和主机名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="101"/>
        <source>Connection settings</source>
        <translation>连接设置</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="114"/>
        <source>Local database file (this computer only)</source>
        <translation>本机数据库文件（仅限本电脑）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="121"/>
        <source>Shared PostgreSQL server</source>
        <translation>共享的 PostgreSQL 服务器</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="126"/>
        <source>No password is saved here: every user enters their own when logging in.</source>
        <translation>此处不保存任何密码：每位用户登录时输入自己的密码。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="142"/>
        <location filename="../../ui/dialogs/connection_dialog.py" line="162"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="144"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="164"/>
        <source>Host:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="165"/>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="166"/>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="167"/>
        <source>SSL mode:</source>
        <translation>SSL 模式：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="169"/>
        <source>CA certificate:</source>
        <translation>CA 证书：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="182"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="184"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/errors.py" line="21"/>
        <source>Something unexpected went wrong. The details are in the log file %1.</source>
        <translation>发生了意外错误。详细信息已记录在日志文件 %1 中。</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../ui/dialogs/first_run_dialog.py" line="41"/>
        <source>Welcome to MediaCRM</source>
        <translation>欢迎使用 MediaCRM</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run_dialog.py" line="49"/>
        <source>This computer&apos;s database has no administrator yet. Create the first administrator account now; you will log in with it next.</source>
        <translation>本机数据库还没有管理员。请现在创建第一个管理员账户，随后用它登录。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run_dialog.py" line="65"/>
        <source>Create administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run_dialog.py" line="68"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run_dialog.py" line="84"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run_dialog.py" line="85"/>
        <source>Display name:</source>
        <translation>显示名称：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run_dialog.py" line="86"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run_dialog.py" line="87"/>
        <source>Password again:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run_dialog.py" line="93"/>
        <source>lower-case letters and digits, e.g. admin</source>
        <translation>小写字母和数字，例如 admin</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run_dialog.py" line="95"/>
        <source>at least 8 characters</source>
        <translation>至少 8 个字符</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="63"/>
        <source>Log in — MediaCRM</source>
        <translation>登录 — MediaCRM</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="75"/>
        <source>MediaCRM customer relationship management</source>
        <translation>MediaCRM 媒体客户关系管理系统</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="97"/>
        <source>Remember password</source>
        <translation>记住密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="106"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="107"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="110"/>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="116"/>
        <source>Connection…</source>
        <translation>连接设置…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="118"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="120"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="142"/>
        <source>Remembering the password is unavailable: this computer has no password store (keyring).</source>
        <translation>无法记住密码：本电脑没有可用的密码存储（钥匙串）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="167"/>
        <source>Choose the database first (Connection…).</source>
        <translation>请先选择数据库（连接设置…）。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="19"/>
        <source>File</source>
        <translation>文件管理</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="20"/>
        <source>System settings</source>
        <translation>系统设置</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="21"/>
        <source>Customer archive</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="22"/>
        <source>Customer management</source>
        <translation>客户管理</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="23"/>
        <source>Business</source>
        <translation>事务管理</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="24"/>
        <source>Help</source>
        <translation>帮助系统</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="38"/>
        <source>MediaCRM</source>
        <translation>MediaCRM 媒体客户关系管理系统</translation>
    </message>
    <message>
        <source>Security tools…</source>
        <translation>安全工具…</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>权限管理</translation>
    </message>
    <message>
        <source>Log review</source>
        <translation>日志监察</translation>
    </message>
    <message>
        <source>MediaCRM — %1</source>
        <translation>MediaCRM — %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="42"/>
        <source>Welcome, %1. The modules open here as they are built.</source>
        <translation>欢迎您，%1。各功能模块完成后将在此打开。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="57"/>
        <source>Change password…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="60"/>
        <source>Log in again…</source>
        <translation>重新登录…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="63"/>
        <source>Exit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="71"/>
        <source>User: %1 (%2) · Role: %3</source>
        <translation>用户：%1（%2）· 角色：%3</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="77"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="95"/>
        <source>Your password has been changed.</source>
        <translation>您的密码已修改。</translation>
    </message>
</context>
</TS>
