<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../../ui/panels/customer_panel.py" line="197"/>
        <location filename="../../ui/panels/customer_panel.py" line="272"/>
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_panel.py" line="273"/>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_panel.py" line="274"/>
        <location filename="../../ui/panels/customer_panel.py" line="350"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_panel.py" line="282"/>
        <source>Save the customer first, then add its contacts.</source>
        <translation>请先保存客户，再添加其联系人。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_panel.py" line="348"/>
        <source>Move the contact “%1” to the recycle bin?</source>
        <translation>将联系人“%1”移到回收站？</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_panel.py" line="377"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_panel.py" line="424"/>
        <source>Information</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_panel.py" line="426"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_panel.py" line="447"/>
        <source>Not saved.</source>
        <translation>未保存。</translation>
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
</TS>
