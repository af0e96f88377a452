<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AuditPanel</name>
    <message>
        <source>(any)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <source>From</source>
        <translation>时间从</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Record kind:</source>
        <translation>记录类型：</translation>
    </message>
    <message>
        <source>Record no.:</source>
        <translation>记录编号：</translation>
    </message>
    <message>
        <source>Operation:</source>
        <translation>操作：</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <source>Choose an entry first.</source>
        <translation>请先选择一条日志。</translation>
    </message>
    <message>
        <source>Show record as of this time</source>
        <translation>显示该时刻的记录</translation>
    </message>
    <message>
        <source>Record as of…</source>
        <translation>历史记录…</translation>
    </message>
    <message>
        <source>%1 entries.</source>
        <translation>共 %1 条日志。</translation>
    </message>
    <message>
        <source>The newest %1 entries; narrow the filter to see more.</source>
        <translation>仅显示最新的 %1 条日志；请缩小查询条件查看更多。</translation>
    </message>
    <message>
        <source>Choose an entry of a record first.</source>
        <translation>请先选择一条针对某个记录的日志。</translation>
    </message>
    <message>
        <source>%1 no. %2 as of %3:</source>
        <translation>%1（编号 %2）在 %3 时的内容：</translation>
    </message>
    <message>
        <source>%1 no. %2 did not exist at %3.</source>
        <translation>%1（编号 %2）在 %3 时尚不存在（或已删除）。</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record kind</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Record no.</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <source>Changed fields</source>
        <translation>修改的字段</translation>
    </message>
</context>
<context>
    <name>ChangeTableModel</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
</context>
<context>
    <name>DepartmentsTab</name>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Parent department:</source>
        <translation>上级部门：</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>新加</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>改名</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>（顶级）</translation>
    </message>
    <message>
        <source>Move the department “%1” to the recycle bin?</source>
        <translation>把部门“%1”移到回收站吗？</translation>
    </message>
    <message>
        <source>Delete department</source>
        <translation>删除部门</translation>
    </message>
</context>
<context>
    <name>EffectiveTab</name>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>%1 (%2) has the role %3 in the department %4.</source>
        <translation>%1（%2）的角色是“%3”，所在部门：%4。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>EmployeesPanel</name>
    <message>
        <source>Search by name, pinyin, phone or e-mail</source>
        <translation>按姓名、拼音、电话或电子邮件查找</translation>
    </message>
    <message>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新加</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Save mine over theirs</source>
        <translation>用我的内容覆盖</translation>
    </message>
    <message>
        <source>Take their version</source>
        <translation>采用对方的版本</translation>
    </message>
    <message>
        <source>%1: theirs “%2”, yours “%3”</source>
        <translation>%1：对方为“%2”，您的为“%3”</translation>
    </message>
    <message>
        <source>Someone else saved this employee after you opened it. Your changes are still in the form.</source>
        <translation>在您打开之后，其他人已保存了该员工。您的修改仍保留在表单中。</translation>
    </message>
    <message>
        <source>Move “%1” to the recycle bin?</source>
        <translation>把“%1”移到回收站吗？</translation>
    </message>
    <message>
        <source>Delete employee</source>
        <translation>删除员工</translation>
    </message>
</context>
<context>
    <name>ExplainTab</name>
    <message>
        <source>Explain</source>
        <translation>说明原因</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Record kind:</source>
        <translation>记录类型：</translation>
    </message>
    <message>
        <source>Record number:</source>
        <translation>记录编号：</translation>
    </message>
    <message>
        <source>Enter the record's number.</source>
        <translation>请输入记录编号。</translation>
    </message>
</context>
<context>
    <name>FieldValueModel</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>PermissionsPanel</name>
    <message>
        <source>Roles and permissions</source>
        <translation>角色与权限</translation>
    </message>
    <message>
        <source>A user's permissions</source>
        <translation>用户的权限</translation>
    </message>
    <message>
        <source>Why can a user see a record?</source>
        <translation>用户为何能看到某记录？</translation>
    </message>
</context>
<context>
    <name>RoleTableModel</name>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户数</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
</context>
<context>
    <name>RolesTab</name>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>角色代码：</translation>
    </message>
    <message>
        <source>Chinese name:</source>
        <translation>中文名称：</translation>
    </message>
    <message>
        <source>English name:</source>
        <translation>英文名称：</translation>
    </message>
    <message>
        <source>New role from selected</source>
        <translation>以所选角色新建</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>改名</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Function permissions</source>
        <translation>功能权限</translation>
    </message>
    <message>
        <source>Data permissions: which records the role sees</source>
        <translation>数据权限：该角色能看到哪些记录</translation>
    </message>
    <message>
        <source>Save permissions</source>
        <translation>保存权限</translation>
    </message>
    <message>
        <source>Delete the role “%1”?</source>
        <translation>删除角色“%1”吗？</translation>
    </message>
    <message>
        <source>Delete role</source>
        <translation>删除角色</translation>
    </message>
</context>
<context>
    <name>ScopeTableModel</name>
    <message>
        <source>Record kind</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Sees</source>
        <translation>可见范围</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
</context>
<context>
    <name>SecurityLabels</name>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>征订</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>会展活动</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Reference data</source>
        <translation>基础资料</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <source>Personal settings</source>
        <translation>个人设置</translation>
    </message>
    <message>
        <source>View</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>新加</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Bulk mail</source>
        <translation>群发邮件</translation>
    </message>
    <message>
        <source>Administer</source>
        <translation>管理</translation>
    </message>
    <message>
        <source>Own records</source>
        <translation>本人</translation>
    </message>
    <message>
        <source>Own department</source>
        <translation>本部门</translation>
    </message>
    <message>
        <source>Department and sub-departments</source>
        <translation>本部门及下级部门</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <source>On leave</source>
        <translation>休假</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>离职</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Erased</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Emptied</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Login refused</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Bulk load</source>
        <translation>批量导入</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>SecurityToolsDialog</name>
    <message>
        <source>Security tools</source>
        <translation>安全工具</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>部门：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>Selected user</source>
        <translation>所选用户</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>修改角色</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation>再次输入新密码：</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重设密码</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Selected user: %1</source>
        <translation>所选用户：%1</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Disable the account %1? It can no longer log in.</source>
        <translation>停用账户 %1 吗？停用后该账户不能再登录。</translation>
    </message>
    <message>
        <source>Disable user</source>
        <translation>停用用户</translation>
    </message>
</context>
<context>
    <name>VisibilityExplanation</name>
    <message>
        <source>The role has no “View” permission in the module %1, so none of its records show.</source>
        <translation>该用户的角色在“%1”模块没有“查看”权限，所以看不到其中任何记录。</translation>
    </message>
    <message>
        <source>The role's data permission for %1 is “All records”.</source>
        <translation>该用户的角色对“%1”的数据权限是“全部”。</translation>
    </message>
    <message>
        <source>The user owns it: its owner is %1.</source>
        <translation>记录归该用户所有：负责人是%1。</translation>
    </message>
    <message>
        <source>Its department, %1, is the user's own department.</source>
        <translation>记录所属部门“%1”就是该用户所在的部门。</translation>
    </message>
    <message>
        <source>Its department, %1, is under the user's department %2.</source>
        <translation>记录所属部门“%1”是该用户所在部门“%2”的下级部门。</translation>
    </message>
    <message>
        <source>The role sees “%1”, and this record's owner (%2) and department (%3) are outside it.</source>
        <translation>该用户的角色可见范围是“%1”，而此记录的负责人（%2）和所属部门（%3）都不在此范围内。</translation>
    </message>
    <message>
        <source>It belongs to the %1 “%2” (no. %3), and is visible exactly when that one is:</source>
        <translation>它属于%1“%2”（编号 %3），能否看到取决于能否看到该记录：</translation>
    </message>
    <message>
        <source>It is one of the user's own personal records.</source>
        <translation>这是该用户自己的个人记录。</translation>
    </message>
    <message>
        <source>It is another user's personal record.</source>
        <translation>这是其他用户的个人记录。</translation>
    </message>
    <message>
        <source>Every user who may view %1 sees all of them: no data permission applies.</source>
        <translation>有“%1”查看权限的用户都能看到全部此类记录，不受数据权限限制。</translation>
    </message>
    <message>
        <source>%1 can see %2 “%3” (no. %4).</source>
        <translation>%1 能看到%2“%3”（编号 %4）。</translation>
    </message>
    <message>
        <source>%1 cannot see %2 “%3” (no. %4).</source>
        <translation>%1 看不到%2“%3”（编号 %4）。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
</TS>
