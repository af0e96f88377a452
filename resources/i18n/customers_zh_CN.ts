<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../../ui/panels/customer_panel.py" line="190"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_panel.py" line="242"/>
        <source>Information</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_panel.py" line="324"/>
        <source>Log contact…</source>
        <translation>记录联系…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_panel.py" line="339"/>
        <source>Choose a customer first.</source>
        <translation>请先选择一个客户。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_panel.py" line="349"/>
        <source>Contact logged: %1</source>
        <translation>已记录联系：%1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_panel.py" line="356"/>
        <source>Transfer…</source>
        <translation>移交…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_panel.py" line="358"/>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_panel.py" line="405"/>
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
</context>
<context>
    <name>CustomerRecordPanels</name>
    <message>
        <location filename="../../ui/panels/customer_record_panels.py" line="136"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_record_panels.py" line="142"/>
        <source>Contact history</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_record_panels.py" line="148"/>
        <source>Supply and demand</source>
        <translation>供求信息</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_record_panels.py" line="154"/>
        <source>Media advertising records</source>
        <translation>媒体广告记录</translation>
    </message>
</context>
<context>
    <name>CustomerTabs</name>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="146"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="147"/>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="148"/>
        <location filename="../../ui/panels/customer_tabs.py" line="250"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="163"/>
        <source>Save the customer first, then add what belongs to it.</source>
        <translation>请先保存客户，再添加其下的记录。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="248"/>
        <source>Move “%1” to the recycle bin?</source>
        <translation>将“%1”移到回收站？</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="308"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="309"/>
        <source>What</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="310"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="311"/>
        <source>Staff</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="312"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="340"/>
        <source>Log contact…</source>
        <translation>记录联系…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="564"/>
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="585"/>
        <source>New contact record</source>
        <translation>新建联系记录</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="590"/>
        <source>New partner</source>
        <translation>新建合作伙伴</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="597"/>
        <source>New supply or demand</source>
        <translation>新建供求信息</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="602"/>
        <source>New media ad record</source>
        <translation>新建媒体广告记录</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="609"/>
        <source>New log entry</source>
        <translation>新建日志</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="627"/>
        <source>Orders are entered and changed in the Orders module.</source>
        <translation>订单在“订单管理”模块中录入和修改，此处仅供查看。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="632"/>
        <source>Tasks are entered and changed in the Tasks module.</source>
        <translation>任务在“任务管理”模块中录入和修改，此处仅供查看。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="637"/>
        <source>Complaints and feedback are entered in the Customer service module.</source>
        <translation>投诉与反馈在“客户服务”模块中录入，此处仅供查看。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="646"/>
        <source>Subscriptions are entered and changed in the Subscriptions module.</source>
        <translation>订阅在“发行订阅”模块中录入和修改，此处仅供查看。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="653"/>
        <source>Exhibition and event attendance is entered in the Events module.</source>
        <translation>参展与参会情况在“会展活动”模块中录入，此处仅供查看。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="663"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="664"/>
        <source>Contact history</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="665"/>
        <source>Sales tracking</source>
        <translation>销售跟踪</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="666"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="667"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="668"/>
        <source>Partners</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="669"/>
        <source>Supply &amp;&amp; demand</source>
        <translation>供求信息</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="670"/>
        <source>Media ads</source>
        <translation>媒体广告</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="671"/>
        <source>Salesperson log</source>
        <translation>业务员日志</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="672"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="673"/>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="674"/>
        <source>Feedback</source>
        <translation>投诉反馈</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="675"/>
        <source>Subscriptions</source>
        <translation>订阅</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_tabs.py" line="676"/>
        <source>Exhibitions</source>
        <translation>展会</translation>
    </message>
</context>
<context>
    <name>DuplicateWarningDialog</name>
    <message>
        <location filename="../../ui/dialogs/duplicate_warning_dialog.py" line="30"/>
        <source>Same name</source>
        <translation>同名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duplicate_warning_dialog.py" line="32"/>
        <source>Same phone</source>
        <translation>同电话</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duplicate_warning_dialog.py" line="34"/>
        <source>Same e-mail</source>
        <translation>同邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duplicate_warning_dialog.py" line="35"/>
        <source>Same credit code</source>
        <translation>同信用代码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duplicate_warning_dialog.py" line="41"/>
        <source>(not visible to you)</source>
        <translation>（您无权查看）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duplicate_warning_dialog.py" line="56"/>
        <source>Possible duplicate customer</source>
        <translation>疑似重复客户（撞单）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duplicate_warning_dialog.py" line="60"/>
        <source>This customer looks like existing customers. Ask their owner before you go on, or save it anyway.</source>
        <translation>该客户与已有客户相似。请先与其负责人确认，或仍然保存。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duplicate_warning_dialog.py" line="73"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duplicate_warning_dialog.py" line="74"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duplicate_warning_dialog.py" line="75"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duplicate_warning_dialog.py" line="76"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duplicate_warning_dialog.py" line="90"/>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
</context>
<context>
    <name>QuickContactDialog</name>
    <message>
        <location filename="../../ui/dialogs/quick_contact_dialog.py" line="51"/>
        <source>Log contact</source>
        <translation>记录联系</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quick_contact_dialog.py" line="53"/>
        <source>A call, visit, meeting or e-mail with %1</source>
        <translation>与 %1 的电话、拜访、会议或邮件往来</translation>
    </message>
</context>
</TS>
