<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AuditPanel</name>
    <message>
        <location filename="../../ui/panels/audit_panel.py" line="99"/>
        <location filename="../../ui/panels/audit_panel.py" line="106"/>
        <location filename="../../ui/panels/audit_panel.py" line="113"/>
        <source>(any)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/audit_panel.py" line="116"/>
        <source>From</source>
        <translation>时间从</translation>
    </message>
    <message>
        <location filename="../../ui/panels/audit_panel.py" line="120"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../ui/panels/audit_panel.py" line="122"/>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <location filename="../../ui/panels/audit_panel.py" line="123"/>
        <source>Record kind:</source>
        <translation>记录类型：</translation>
    </message>
    <message>
        <location filename="../../ui/panels/audit_panel.py" line="124"/>
        <source>Record no.:</source>
        <translation>记录编号：</translation>
    </message>
    <message>
        <location filename="../../ui/panels/audit_panel.py" line="125"/>
        <source>Operation:</source>
        <translation>操作：</translation>
    </message>
    <message>
        <location filename="../../ui/panels/audit_panel.py" line="133"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/panels/audit_panel.py" line="153"/>
        <source>Change</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <location filename="../../ui/panels/audit_panel.py" line="157"/>
        <source>Choose an entry first.</source>
        <translation>请先选择一条日志。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/audit_panel.py" line="159"/>
        <source>Show record as of this time</source>
        <translation>显示该时刻的记录</translation>
    </message>
    <message>
        <location filename="../../ui/panels/audit_panel.py" line="168"/>
        <source>Record as of…</source>
        <translation>历史记录…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/audit_panel.py" line="195"/>
        <source>%1 entries.</source>
        <translation>共 %1 条日志。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/audit_panel.py" line="197"/>
        <source>The newest %1 entries; narrow the filter to see more.</source>
        <translation>仅显示最新的 %1 条日志；请缩小查询条件查看更多。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/audit_panel.py" line="218"/>
        <source>Choose an entry of a record first.</source>
        <translation>请先选择一条针对某个记录的日志。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/audit_panel.py" line="237"/>
        <source>%1 no. %2 as of %3:</source>
        <translation>%1（编号 %2）在 %3 时的内容：</translation>
    </message>
    <message>
        <location filename="../../ui/panels/audit_panel.py" line="244"/>
        <source>%1 no. %2 did not exist at %3.</source>
        <translation>%1（编号 %2）在 %3 时尚不存在（或已删除）。</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../ui/models/audit_models.py" line="29"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_models.py" line="29"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_models.py" line="58"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_models.py" line="59"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_models.py" line="60"/>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_models.py" line="61"/>
        <source>Record kind</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_models.py" line="62"/>
        <source>Record no.</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_models.py" line="63"/>
        <source>Changed fields</source>
        <translation>修改的字段</translation>
    </message>
</context>
<context>
    <name>ChangeTableModel</name>
    <message>
        <location filename="../../ui/models/audit_models.py" line="103"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_models.py" line="104"/>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_models.py" line="105"/>
        <source>After</source>
        <translation>修改后</translation>
    </message>
</context>
<context>
    <name>DepartmentsTab</name>
    <message>
        <location filename="../../ui/dialogs/security_departments_tab.py" line="49"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/security_departments_tab.py" line="60"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/security_departments_tab.py" line="67"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/security_departments_tab.py" line="68"/>
        <source>Parent department:</source>
        <translation>上级部门：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/security_departments_tab.py" line="71"/>
        <source>Add</source>
        <translation>新加</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/security_departments_tab.py" line="72"/>
        <source>Rename</source>
        <translation>改名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/security_departments_tab.py" line="73"/>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/security_departments_tab.py" line="74"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/security_departments_tab.py" line="87"/>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/security_departments_tab.py" line="90"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/security_departments_tab.py" line="113"/>
        <source>(top level)</source>
        <translation>（顶级）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/security_departments_tab.py" line="185"/>
        <source>Move the department “%1” to the recycle bin?</source>
        <translation>把部门“%1”移到回收站吗？</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/security_departments_tab.py" line="188"/>
        <source>Delete department</source>
        <translation>删除部门</translation>
    </message>
</context>
<context>
    <name>EffectiveTab</name>
    <message>
        <location filename="../../ui/panels/user_permission_tabs.py" line="55"/>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <location filename="../../ui/panels/user_permission_tabs.py" line="85"/>
        <source>%1 (%2) has the role %3 in the department %4.</source>
        <translation>%1（%2）的角色是“%3”，所在部门：%4。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/user_permission_tabs.py" line="89"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>EmployeesPanel</name>
    <message>
        <location filename="../../ui/panels/employees_panel.py" line="95"/>
        <source>Search by name, pinyin, phone or e-mail</source>
        <translation>按姓名、拼音、电话或电子邮件查找</translation>
    </message>
    <message>
        <location filename="../../ui/panels/employees_panel.py" line="98"/>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../ui/panels/employees_panel.py" line="124"/>
        <location filename="../../ui/panels/employees_panel.py" line="192"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/employees_panel.py" line="140"/>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <location filename="../../ui/panels/employees_panel.py" line="144"/>
        <source>New</source>
        <translation>新加</translation>
    </message>
    <message>
        <location filename="../../ui/panels/employees_panel.py" line="145"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/panels/employees_panel.py" line="146"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/panels/employees_panel.py" line="147"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../ui/panels/employees_panel.py" line="163"/>
        <source>Save mine over theirs</source>
        <translation>用我的内容覆盖</translation>
    </message>
    <message>
        <location filename="../../ui/panels/employees_panel.py" line="164"/>
        <source>Take their version</source>
        <translation>采用对方的版本</translation>
    </message>
    <message>
        <location filename="../../ui/panels/employees_panel.py" line="316"/>
        <source>%1: theirs “%2”, yours “%3”</source>
        <translation>%1：对方为“%2”，您的为“%3”</translation>
    </message>
    <message>
        <location filename="../../ui/panels/employees_panel.py" line="327"/>
        <source>Someone else saved this employee after you opened it. Your changes are still in the form.</source>
        <translation>在您打开之后，其他人已保存了该员工。您的修改仍保留在表单中。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/employees_panel.py" line="356"/>
        <source>Move “%1” to the recycle bin?</source>
        <translation>把“%1”移到回收站吗？</translation>
    </message>
    <message>
        <location filename="../../ui/panels/employees_panel.py" line="358"/>
        <source>Delete employee</source>
        <translation>删除员工</translation>
    </message>
</context>
<context>
    <name>ExplainTab</name>
    <message>
        <location filename="../../ui/panels/user_permission_tabs.py" line="118"/>
        <source>Explain</source>
        <translation>说明原因</translation>
    </message>
    <message>
        <location filename="../../ui/panels/user_permission_tabs.py" line="119"/>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <location filename="../../ui/panels/user_permission_tabs.py" line="120"/>
        <source>Record kind:</source>
        <translation>记录类型：</translation>
    </message>
    <message>
        <location filename="../../ui/panels/user_permission_tabs.py" line="121"/>
        <source>Record number:</source>
        <translation>记录编号：</translation>
    </message>
    <message>
        <location filename="../../ui/panels/user_permission_tabs.py" line="134"/>
        <source>Enter the record&apos;s number.</source>
        <translation>请输入记录编号。</translation>
    </message>
</context>
<context>
    <name>FieldValueModel</name>
    <message>
        <location filename="../../ui/models/audit_models.py" line="124"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_models.py" line="125"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>PermissionsPanel</name>
    <message>
        <location filename="../../ui/panels/permissions_panel.py" line="65"/>
        <source>Roles and permissions</source>
        <translation>角色与权限</translation>
    </message>
    <message>
        <location filename="../../ui/panels/permissions_panel.py" line="72"/>
        <source>A user&apos;s permissions</source>
        <translation>用户的权限</translation>
    </message>
    <message>
        <location filename="../../ui/panels/permissions_panel.py" line="75"/>
        <source>Why can a user see a record?</source>
        <translation>用户为何能看到某记录？</translation>
    </message>
</context>
<context>
    <name>RoleTableModel</name>
    <message>
        <location filename="../../ui/models/permission_models.py" line="33"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/models/permission_models.py" line="34"/>
        <source>Key</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../ui/models/permission_models.py" line="35"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/models/permission_models.py" line="36"/>
        <source>Users</source>
        <translation>用户数</translation>
    </message>
    <message>
        <location filename="../../ui/models/permission_models.py" line="46"/>
        <source>Built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../../ui/models/permission_models.py" line="48"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
</context>
<context>
    <name>RolesTab</name>
    <message>
        <location filename="../../ui/panels/permissions_panel.py" line="113"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/panels/permissions_panel.py" line="119"/>
        <source>Key:</source>
        <translation>角色代码：</translation>
    </message>
    <message>
        <location filename="../../ui/panels/permissions_panel.py" line="120"/>
        <source>Chinese name:</source>
        <translation>中文名称：</translation>
    </message>
    <message>
        <location filename="../../ui/panels/permissions_panel.py" line="121"/>
        <source>English name:</source>
        <translation>英文名称：</translation>
    </message>
    <message>
        <location filename="../../ui/panels/permissions_panel.py" line="125"/>
        <source>New role from selected</source>
        <translation>以所选角色新建</translation>
    </message>
    <message>
        <location filename="../../ui/panels/permissions_panel.py" line="126"/>
        <source>Rename</source>
        <translation>改名</translation>
    </message>
    <message>
        <location filename="../../ui/panels/permissions_panel.py" line="127"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/panels/permissions_panel.py" line="143"/>
        <source>Function permissions</source>
        <translation>功能权限</translation>
    </message>
    <message>
        <location filename="../../ui/panels/permissions_panel.py" line="146"/>
        <source>Data permissions: which records the role sees</source>
        <translation>数据权限：该角色能看到哪些记录</translation>
    </message>
    <message>
        <location filename="../../ui/panels/permissions_panel.py" line="160"/>
        <source>Save permissions</source>
        <translation>保存权限</translation>
    </message>
    <message>
        <location filename="../../ui/panels/permissions_panel.py" line="255"/>
        <source>Delete the role “%1”?</source>
        <translation>删除角色“%1”吗？</translation>
    </message>
    <message>
        <location filename="../../ui/panels/permissions_panel.py" line="256"/>
        <source>Delete role</source>
        <translation>删除角色</translation>
    </message>
</context>
<context>
    <name>ScopeTableModel</name>
    <message>
        <location filename="../../ui/models/permission_models.py" line="140"/>
        <source>Record kind</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <location filename="../../ui/models/permission_models.py" line="141"/>
        <source>Sees</source>
        <translation>可见范围</translation>
    </message>
    <message>
        <location filename="../../ui/models/permission_models.py" line="142"/>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
</context>
<context>
    <name>SecurityLabels</name>
    <message>
        <location filename="../../ui/security_labels.py" line="20"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="21"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="22"/>
        <source>Subscriptions</source>
        <translation>征订</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="23"/>
        <source>Events</source>
        <translation>会展活动</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="24"/>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="25"/>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="26"/>
        <source>Reference data</source>
        <translation>基础资料</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="27"/>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="28"/>
        <source>Personal settings</source>
        <translation>个人设置</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="31"/>
        <source>View</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="32"/>
        <source>Create</source>
        <translation>新加</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="33"/>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="34"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="35"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="36"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="37"/>
        <source>Bulk mail</source>
        <translation>群发邮件</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="38"/>
        <source>Administer</source>
        <translation>管理</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="41"/>
        <source>Own records</source>
        <translation>本人</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="42"/>
        <source>Own department</source>
        <translation>本部门</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="43"/>
        <source>Department and sub-departments</source>
        <translation>本部门及下级部门</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="44"/>
        <source>All records</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="47"/>
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="48"/>
        <source>On leave</source>
        <translation>休假</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="49"/>
        <source>Left</source>
        <translation>离职</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="52"/>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="53"/>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="54"/>
        <source>Erased</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="55"/>
        <source>Emptied</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="56"/>
        <source>Logged in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="57"/>
        <source>Logged out</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="58"/>
        <source>Login refused</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="59"/>
        <source>Bulk load</source>
        <translation>批量导入</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="60"/>
        <source>Exported</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>SecurityToolsDialog</name>
    <message>
        <location filename="../../ui/dialogs/security_tools_dialog.py" line="29"/>
        <source>Security tools</source>
        <translation>安全工具</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/security_tools_dialog.py" line="34"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/security_tools_dialog.py" line="35"/>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <location filename="../../ui/models/user_model.py" line="27"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/models/user_model.py" line="28"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/models/user_model.py" line="29"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/models/user_model.py" line="30"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/models/user_model.py" line="31"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/models/user_model.py" line="32"/>
        <source>Last login</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <location filename="../../ui/models/user_model.py" line="38"/>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/models/user_model.py" line="40"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../ui/dialogs/security_users_tab.py" line="62"/>
        <location filename="../../ui/dialogs/security_users_tab.py" line="82"/>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/security_users_tab.py" line="73"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/security_users_tab.py" line="74"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/security_users_tab.py" line="75"/>
        <source>Department:</source>
        <translation>部门：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/security_users_tab.py" line="76"/>
        <location filename="../../ui/dialogs/security_users_tab.py" line="95"/>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/security_users_tab.py" line="77"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/security_users_tab.py" line="78"/>
        <source>Password again:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/security_users_tab.py" line="88"/>
        <source>Selected user</source>
        <translation>所选用户</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/security_users_tab.py" line="91"/>
        <source>Change role</source>
        <translation>修改角色</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/security_users_tab.py" line="102"/>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/security_users_tab.py" line="103"/>
        <source>New password again:</source>
        <translation>再次输入新密码：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/security_users_tab.py" line="106"/>
        <source>Reset password</source>
        <translation>重设密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/security_users_tab.py" line="107"/>
        <location filename="../../ui/dialogs/security_users_tab.py" line="160"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/security_users_tab.py" line="157"/>
        <source>Selected user: %1</source>
        <translation>所选用户：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/security_users_tab.py" line="160"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/security_users_tab.py" line="218"/>
        <source>Disable the account %1? It can no longer log in.</source>
        <translation>停用账户 %1 吗？停用后该账户不能再登录。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/security_users_tab.py" line="221"/>
        <source>Disable user</source>
        <translation>停用用户</translation>
    </message>
</context>
<context>
    <name>VisibilityExplanation</name>
    <message>
        <location filename="../../ui/security_labels.py" line="63"/>
        <source>The role has no “View” permission in the module %1, so none of its records show.</source>
        <translation>该用户的角色在“%1”模块没有“查看”权限，所以看不到其中任何记录。</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="67"/>
        <source>The role&apos;s data permission for %1 is “All records”.</source>
        <translation>该用户的角色对“%1”的数据权限是“全部”。</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="70"/>
        <source>The user owns it: its owner is %1.</source>
        <translation>记录归该用户所有：负责人是%1。</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="71"/>
        <source>Its department, %1, is the user&apos;s own department.</source>
        <translation>记录所属部门“%1”就是该用户所在的部门。</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="74"/>
        <source>Its department, %1, is under the user&apos;s department %2.</source>
        <translation>记录所属部门“%1”是该用户所在部门“%2”的下级部门。</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="77"/>
        <source>The role sees “%1”, and this record&apos;s owner (%2) and department (%3) are outside it.</source>
        <translation>该用户的角色可见范围是“%1”，而此记录的负责人（%2）和所属部门（%3）都不在此范围内。</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="81"/>
        <source>It belongs to the %1 “%2” (no. %3), and is visible exactly when that one is:</source>
        <translation>它属于%1“%2”（编号 %3），能否看到取决于能否看到该记录：</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="85"/>
        <source>It is one of the user&apos;s own personal records.</source>
        <translation>这是该用户自己的个人记录。</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="88"/>
        <source>It is another user&apos;s personal record.</source>
        <translation>这是其他用户的个人记录。</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="91"/>
        <source>Every user who may view %1 sees all of them: no data permission applies.</source>
        <translation>有“%1”查看权限的用户都能看到全部此类记录，不受数据权限限制。</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="145"/>
        <source>%1 can see %2 “%3” (no. %4).</source>
        <translation>%1 能看到%2“%3”（编号 %4）。</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="147"/>
        <source>%1 cannot see %2 “%3” (no. %4).</source>
        <translation>%1 看不到%2“%3”（编号 %4）。</translation>
    </message>
    <message>
        <location filename="../../ui/security_labels.py" line="181"/>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
</TS>
