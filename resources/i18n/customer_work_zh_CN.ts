<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AttachmentsTab</name>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="120"/>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="121"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="122"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="123"/>
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="124"/>
        <source>Added at</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="125"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="140"/>
        <source>Attachment properties</source>
        <translation>附件属性</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="148"/>
        <source>File &amp;name:</source>
        <translation>文件名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="149"/>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="150"/>
        <source>&amp;Description:</source>
        <translation>说明(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="210"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="234"/>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="253"/>
        <source>No program opens %1.</source>
        <translation>没有可以打开 %1 的程序。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="257"/>
        <source>Save the attachment as</source>
        <translation>附件另存为</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="272"/>
        <source>Move the attachment “%1” to the recycle bin?</source>
        <translation>把附件“%1”移到回收站？</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="273"/>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="356"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="352"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="353"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="354"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="355"/>
        <source>Properties…</source>
        <translation>属性…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="400"/>
        <source>Add files with Add… or drop them here.</source>
        <translation>点击“添加…”或把文件拖到这里即可添加附件。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="402"/>
        <source>Save the customer first, then add its files.</source>
        <translation>请先保存客户，再添加附件。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="420"/>
        <source>Add files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="439"/>
        <source>Adding files (%1)…</source>
        <translation>正在添加文件（%1 个）…</translation>
    </message>
</context>
<context>
    <name>FileManagementPanel</name>
    <message>
        <location filename="../../ui/panels/file_management_panel.py" line="91"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/panels/file_management_panel.py" line="92"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/file_management_panel.py" line="93"/>
        <source>Properties…</source>
        <translation>属性…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/file_management_panel.py" line="94"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/panels/file_management_panel.py" line="95"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/panels/file_management_panel.py" line="96"/>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location filename="../../ui/panels/file_management_panel.py" line="106"/>
        <source>File name:</source>
        <translation>文件名：</translation>
    </message>
    <message>
        <location filename="../../ui/panels/file_management_panel.py" line="108"/>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <location filename="../../ui/panels/file_management_panel.py" line="120"/>
        <source>Files are added to a customer on the Attachments tab of the customer archive.</source>
        <translation>附件在客户档案的“附件”页中添加到客户。</translation>
    </message>
</context>
<context>
    <name>SalesTrackingPanel</name>
    <message>
        <location filename="../../ui/panels/sales_tracking_panel.py" line="103"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/panels/sales_tracking_panel.py" line="105"/>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location filename="../../ui/panels/sales_tracking_panel.py" line="140"/>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <location filename="../../ui/panels/sales_tracking_panel.py" line="141"/>
        <source>No step yet</source>
        <translation>尚未开始</translation>
    </message>
    <message>
        <location filename="../../ui/panels/sales_tracking_panel.py" line="217"/>
        <source>Sales tracking</source>
        <translation>销售跟踪</translation>
    </message>
</context>
<context>
    <name>SalesTrackingTab</name>
    <message>
        <location filename="../../ui/panels/customer_sales_tab.py" line="78"/>
        <source>Win probability: %1%</source>
        <translation>成交概率：%1%</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_sales_tab.py" line="133"/>
        <location filename="../../ui/panels/customer_sales_tab.py" line="180"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_sales_tab.py" line="134"/>
        <source>From step</source>
        <translation>原阶段</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_sales_tab.py" line="135"/>
        <source>To step</source>
        <translation>新阶段</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_sales_tab.py" line="136"/>
        <source>Staff</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_sales_tab.py" line="137"/>
        <location filename="../../ui/panels/customer_sales_tab.py" line="181"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_sales_tab.py" line="156"/>
        <source>Change step</source>
        <translation>变更销售阶段</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_sales_tab.py" line="179"/>
        <source>New step</source>
        <translation>新阶段</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_sales_tab.py" line="244"/>
        <source>Change step…</source>
        <translation>变更阶段…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_sales_tab.py" line="257"/>
        <source>History</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_sales_tab.py" line="288"/>
        <source>Save the customer first.</source>
        <translation>请先保存客户。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_sales_tab.py" line="300"/>
        <source>Current step: none yet</source>
        <translation>当前阶段：尚未开始</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_sales_tab.py" line="302"/>
        <source>Current step: %1</source>
        <translation>当前阶段：%1</translation>
    </message>
</context>
</TS>
