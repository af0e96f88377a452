<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="41"/>
        <source>development version</source>
        <translation>开发版</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="46"/>
        <source>%1 (up to date)</source>
        <translation>%1（最新）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="47"/>
        <source>%1 (older than this program&apos;s %2)</source>
        <translation>%1（早于本程序所需的 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="48"/>
        <source>%1 (newer than this program&apos;s %2)</source>
        <translation>%1（比本程序的 %2 新）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="49"/>
        <source>not set up (this program needs %2)</source>
        <translation>尚未初始化（本程序需要 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="68"/>
        <source>About MediaCRM</source>
        <translation>关于 MediaCRM</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="73"/>
        <location filename="../../ui/dialogs/about_dialog.py" line="94"/>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="83"/>
        <source>MediaCRM customer relationship management</source>
        <translation>MediaCRM 媒体客户关系管理系统</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="97"/>
        <source>reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="99"/>
        <source>Qt %1, PySide6 %2</source>
        <translation>Qt %1，PySide6 %2</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="105"/>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="106"/>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="107"/>
        <source>Schema revision:</source>
        <translation>数据库结构版本：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="108"/>
        <source>Qt:</source>
        <translation>Qt：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="109"/>
        <source>Python:</source>
        <translation>Python：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="117"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="133"/>
        <source>cannot be read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../ui/dialogs/help_dialog.py" line="28"/>
        <location filename="../../ui/dialogs/help_dialog.py" line="96"/>
        <source>MediaCRM Help</source>
        <translation>MediaCRM 帮助</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_dialog.py" line="42"/>
        <source>◀ Back</source>
        <translation>◀ 后退</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_dialog.py" line="44"/>
        <source>Forward ▶</source>
        <translation>前进 ▶</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_dialog.py" line="46"/>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_dialog.py" line="47"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_dialog.py" line="69"/>
        <source>Help is not available</source>
        <translation>帮助不可用</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_dialog.py" line="70"/>
        <source>The help pages were not found in %1. Reinstall MediaCRM.</source>
        <translation>在 %1 中找不到帮助页面。请重新安装 MediaCRM。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_dialog.py" line="94"/>
        <source>MediaCRM Help — %1</source>
        <translation>MediaCRM 帮助 — %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="46"/>
        <source>None (welcome page)</source>
        <translation>无（欢迎页）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="47"/>
        <source>Customer archive</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="48"/>
        <source>Customer management</source>
        <translation>客户管理</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="49"/>
        <source>Business (advertising orders)</source>
        <translation>事务管理（广告订单）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="50"/>
        <location filename="../../ui/dialogs/settings_dialog.py" line="214"/>
        <source>Business log</source>
        <translation>事务日志</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="51"/>
        <source>Tasks</source>
        <translation>任务管理</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="52"/>
        <location filename="../../ui/dialogs/settings_dialog.py" line="212"/>
        <source>Information manager</source>
        <translation>信息管理器</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="53"/>
        <source>File management</source>
        <translation>文件管理</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="54"/>
        <source>Query &amp; Report</source>
        <translation>查询与报告</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="62"/>
        <source>Choose one of the languages offered.</source>
        <translation>请从列表中选择一种语言。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="63"/>
        <source>Choose one of the date formats offered.</source>
        <translation>请从列表中选择一种日期格式。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="66"/>
        <source>Choose one of the modules offered.</source>
        <translation>请从列表中选择一个模块。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="67"/>
        <source>Enter a number of rows from %1 to %2.</source>
        <translation>请输入 %1 到 %2 之间的行数。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="72"/>
        <source>Tick or untick the box.</source>
        <translation>请勾选或取消勾选。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="99"/>
        <source>Personal settings</source>
        <translation>个人设置</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="110"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="111"/>
        <source>Shortcut panel</source>
        <translation>快捷面板</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="115"/>
        <source>Database connection</source>
        <translation>数据库连接</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="130"/>
        <source>A new language takes effect after you log in again.</source>
        <translation>新的语言在重新登录后生效。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="137"/>
        <source>Separate thousands in numbers and amounts</source>
        <translation>数字和金额使用千位分隔符</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="144"/>
        <source>How many rows a list reads at a time (%1–%2); fewer help on a slow network.</source>
        <translation>列表每次读取的行数（%1–%2）；网络较慢时可以调小。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="158"/>
        <source>Language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="163"/>
        <source>Date format:</source>
        <translation>日期格式：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="168"/>
        <source>Numbers:</source>
        <translation>数字格式：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="173"/>
        <source>Rows per page:</source>
        <translation>每页行数：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="178"/>
        <source>Open at start:</source>
        <translation>启动时打开：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="203"/>
        <source>Choose the parts of the shortcut panel beside the main window. With none ticked the panel is hidden.</source>
        <translation>选择主窗口旁快捷面板中显示的部分。都不勾选时，快捷面板隐藏。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="210"/>
        <source>Task manager</source>
        <translation>任务管理器</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="230"/>
        <source>Database in use:</source>
        <translation>当前数据库：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="232"/>
        <source>Change database…</source>
        <translation>更改数据库…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="239"/>
        <source>A new database is used from the next start of MediaCRM. No password is saved: every user enters their own when logging in.</source>
        <translation>新的数据库在 MediaCRM 下次启动时使用。这里不保存密码：每个用户登录时输入自己的密码。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="251"/>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="252"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="253"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="254"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="352"/>
        <location filename="../../ui/dialogs/settings_dialog.py" line="355"/>
        <source>Example: %1</source>
        <translation>示例：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="380"/>
        <source>From the next start MediaCRM uses: %1</source>
        <translation>MediaCRM 下次启动时使用：%1</translation>
    </message>
</context>
</TS>
