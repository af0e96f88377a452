<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/dialogs/change_password_dialog.py" line="32"/>
        <location filename="../../ui/dialogs/change_password_dialog.py" line="67"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/change_password_dialog.py" line="46"/>
        <source>Current password:</source>
        <translation>原密码：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/change_password_dialog.py" line="51"/>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/change_password_dialog.py" line="56"/>
        <source>New password again:</source>
        <translation>再次输入新密码：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/change_password_dialog.py" line="68"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="34"/>
        <source>No database chosen</source>
        <translation>尚未选择数据库</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="37"/>
        <source>Local file %1</source>
        <translation>本机文件 %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="41"/>
        <source>Server %1, SSL: %2</source>
        <translation>服务器 %1，SSL：%2</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="53"/>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="55"/>
        <source>SQLite database (*.db *.sqlite)</source>
        <translation>SQLite 数据库 (*.db *.sqlite)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="63"/>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="65"/>
        <source>Certificates (*.crt *.pem *.cer)</source>
        <translation>证书 (*.crt *.pem *.cer)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="73"/>
        <source>disable — no encryption</source>
        <translation>disable — 不加密</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="74"/>
        <source>allow — encrypt only if the server insists</source>
        <translation>allow — 仅在服务器要求时加密</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="75"/>
        <source>prefer — encrypt when the server can</source>
        <translation>prefer — 服务器支持时加密</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="76"/>
        <source>require — always encrypt, certificate not checked</source>
        <translation>require — 始终加密，不验证证书</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="79"/>
        <source>verify-ca — encrypt and check the certificate</source>
        <translation>verify-ca — 加密并验证证书</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="80"/>
        <source>verify-full — encrypt, check the certificate and host name</source>
        <translation>verify-full — 加密并验证证书和主机名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="100"/>
        <source>Connection settings</source>
        <translation>连接设置</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="113"/>
        <source>Local database file (this computer only)</source>
        <translation>本机数据库文件（仅限本电脑）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="120"/>
        <source>Shared PostgreSQL server</source>
        <translation>共享的 PostgreSQL 服务器</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="125"/>
        <source>No password is saved here: every user enters their own when logging in.</source>
        <translation>此处不保存任何密码：每位用户登录时输入自己的密码。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="141"/>
        <location filename="../../ui/dialogs/connection_dialog.py" line="161"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="143"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="163"/>
        <source>Host:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="164"/>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="165"/>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="166"/>
        <source>SSL mode:</source>
        <translation>SSL 模式：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="168"/>
        <source>CA certificate:</source>
        <translation>CA 证书：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="181"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_dialog.py" line="183"/>
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
        <location filename="../../ui/dialogs/first_run_dialog.py" line="38"/>
        <source>Welcome to MediaCRM</source>
        <translation>欢迎使用 MediaCRM</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run_dialog.py" line="46"/>
        <source>This computer&apos;s database has no administrator yet. Create the first administrator account now; you will log in with it next.</source>
        <translation>本机数据库还没有管理员。请现在创建第一个管理员账户，随后用它登录。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run_dialog.py" line="59"/>
        <source>Create administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run_dialog.py" line="60"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run_dialog.py" line="74"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run_dialog.py" line="75"/>
        <source>Display name:</source>
        <translation>显示名称：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run_dialog.py" line="76"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run_dialog.py" line="78"/>
        <source>Password again:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run_dialog.py" line="85"/>
        <source>lower-case letters and digits, e.g. admin</source>
        <translation>小写字母和数字，例如 admin</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run_dialog.py" line="87"/>
        <source>at least 8 characters</source>
        <translation>至少 8 个字符</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="64"/>
        <source>Log in — MediaCRM</source>
        <translation>登录 — MediaCRM</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="76"/>
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
        <location filename="../../ui/modules.py" line="69"/>
        <source>File</source>
        <translation>文件管理</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="70"/>
        <source>System settings</source>
        <translation>系统设置</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="71"/>
        <source>Customer archive</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="72"/>
        <source>Customer management</source>
        <translation>客户管理</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="73"/>
        <source>Business</source>
        <translation>事务管理</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="74"/>
        <source>Help</source>
        <translation>帮助系统</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="553"/>
        <source>MediaCRM</source>
        <translation>MediaCRM 媒体客户关系管理系统</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="356"/>
        <source>MediaCRM — %1</source>
        <translation>MediaCRM — %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="129"/>
        <source>Welcome, %1. Choose a module from the menus above.</source>
        <translation>欢迎，%1。请从上方菜单中选择模块。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="224"/>
        <source>Shortcut panel</source>
        <translation>快捷面板</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="238"/>
        <source>User: %1 (%2) · Role: %3</source>
        <translation>用户：%1（%2）· 角色：%3</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="243"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="359"/>
        <location filename="../../ui/main_window.py" line="369"/>
        <source>Module: %1</source>
        <translation>模块：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="364"/>
        <source>MediaCRM — %1 — %2</source>
        <translation>MediaCRM — %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="518"/>
        <source>Your password has been changed.</source>
        <translation>您的密码已修改。</translation>
    </message>
</context>
<context>
    <name>Modules</name>
    <message>
        <location filename="../../ui/modules.py" line="77"/>
        <source>Information tools</source>
        <translation>信息工具</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="167"/>
        <source>File management</source>
        <translation>附件管理</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="175"/>
        <source>Customer archive</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="183"/>
        <source>Business log</source>
        <translation>事务日志</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="191"/>
        <source>Task information</source>
        <translation>任务信息</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="199"/>
        <source>Change password…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="204"/>
        <source>Log in again…</source>
        <translation>重新登录…</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="208"/>
        <source>Exit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="218"/>
        <source>Personal settings…</source>
        <translation>个人设置…</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="225"/>
        <source>Security tools…</source>
        <translation>安全工具…</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="232"/>
        <source>Employees</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="241"/>
        <source>Permissions</source>
        <translation>权限管理</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="249"/>
        <source>Log review</source>
        <translation>日志监察</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="258"/>
        <source>Company information</source>
        <translation>本公司信息</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="268"/>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="277"/>
        <source>Positions</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="286"/>
        <source>Forms of address</source>
        <translation>称谓</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="295"/>
        <source>Countries, regions and cities</source>
        <translation>国家、地区和城市</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="304"/>
        <source>Industries</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="313"/>
        <source>Media outlets</source>
        <translation>媒体</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="322"/>
        <source>Advertising services</source>
        <translation>广告服务</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="331"/>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="339"/>
        <source>Print settings</source>
        <translation>打印设置</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="348"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="356"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="364"/>
        <source>Contact history</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="372"/>
        <source>Supply and demand</source>
        <translation>供求信息</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="380"/>
        <source>Media advertising records</source>
        <translation>媒体广告记录</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="388"/>
        <source>Import and export</source>
        <translation>导入与导出</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="398"/>
        <source>Sales tracking</source>
        <translation>销售跟踪</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="406"/>
        <source>Customer statistics</source>
        <translation>客户统计</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="414"/>
        <source>Competitor analysis</source>
        <translation>竞争对手分析</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="422"/>
        <source>Comprehensive query</source>
        <translation>综合查询</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="430"/>
        <source>Find customer or contact…</source>
        <translation>查找客户或联系人…</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="438"/>
        <source>Bulk mail</source>
        <translation>群发邮件</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="448"/>
        <source>Quotations</source>
        <translation>报价单</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="456"/>
        <source>Advertising orders</source>
        <translation>广告订单</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="464"/>
        <source>Order execution</source>
        <translation>订单执行</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="472"/>
        <source>Payments</source>
        <translation>收款记录</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="480"/>
        <source>Subscriptions</source>
        <translation>期刊订阅</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="489"/>
        <source>Exhibitions and conferences</source>
        <translation>会展</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="497"/>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="506"/>
        <source>Marketing campaigns</source>
        <translation>市场活动</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="514"/>
        <source>Decision analysis</source>
        <translation>决策分析</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="524"/>
        <source>Help contents</source>
        <translation>帮助内容</translation>
    </message>
    <message>
        <location filename="../../ui/modules.py" line="532"/>
        <source>About MediaCRM</source>
        <translation>关于 MediaCRM</translation>
    </message>
</context>
<context>
    <name>PendingPanel</name>
    <message>
        <location filename="../../ui/panels/pending_panel.py" line="28"/>
        <source>%1 arrives in a later version of MediaCRM. This is where it will open.</source>
        <translation>“%1”将在 MediaCRM 的后续版本中提供，届时在此处打开。</translation>
    </message>
</context>
<context>
    <name>ShortcutPanel</name>
    <message>
        <location filename="../../ui/widgets/shortcut_panel.py" line="54"/>
        <source>Task manager</source>
        <translation>任务管理器</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/shortcut_panel.py" line="55"/>
        <source>Information manager</source>
        <translation>信息管理器</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/shortcut_panel.py" line="56"/>
        <source>Business log</source>
        <translation>事务日志</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/shortcut_panel.py" line="59"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/shortcut_panel.py" line="60"/>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/shortcut_panel.py" line="61"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/shortcut_panel.py" line="62"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/shortcut_panel.py" line="65"/>
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/shortcut_panel.py" line="66"/>
        <location filename="../../ui/widgets/shortcut_panel.py" line="328"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/shortcut_panel.py" line="67"/>
        <location filename="../../ui/widgets/shortcut_panel.py" line="68"/>
        <source>E-mail</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/shortcut_panel.py" line="128"/>
        <source>My work</source>
        <translation>我的工作</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/shortcut_panel.py" line="133"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/shortcut_panel.py" line="141"/>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/shortcut_panel.py" line="142"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/shortcut_panel.py" line="143"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/shortcut_panel.py" line="147"/>
        <location filename="../../ui/widgets/shortcut_panel.py" line="154"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/shortcut_panel.py" line="148"/>
        <source>From</source>
        <translation>发送人</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/shortcut_panel.py" line="149"/>
        <source>Received</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/shortcut_panel.py" line="153"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/shortcut_panel.py" line="179"/>
        <source>Add a log line…</source>
        <translation>添加一条日志…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/shortcut_panel.py" line="183"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/shortcut_panel.py" line="187"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/shortcut_panel.py" line="189"/>
        <source>Open the business log</source>
        <translation>打开事务日志</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/shortcut_panel.py" line="217"/>
        <source>%1 · today (%2)</source>
        <translation>%1 · 今天（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/shortcut_panel.py" line="223"/>
        <source>%1 (%2 unread)</source>
        <translation>%1（%2 条未读）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/shortcut_panel.py" line="229"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/shortcut_panel.py" line="314"/>
        <source>Overdue</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/shortcut_panel.py" line="323"/>
        <source>[%1] %2</source>
        <translation>【%1】%2</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/shortcut_panel.py" line="370"/>
        <source>Write what you did first.</source>
        <translation>请先填写工作内容。</translation>
    </message>
</context>
</TS>
