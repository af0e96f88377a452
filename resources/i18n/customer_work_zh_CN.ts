<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AttachmentsTab</name>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="112"/>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="113"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="114"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="115"/>
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="116"/>
        <source>Added at</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="144"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="168"/>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="182"/>
        <source>No program opens %1.</source>
        <translation>没有可以打开 %1 的程序。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="187"/>
        <source>Save the attachment as</source>
        <translation>附件另存为</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="195"/>
        <source>Move the attachment “%1” to the recycle bin?</source>
        <translation>把附件“%1”移到回收站？</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="196"/>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="249"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="246"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="247"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="248"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="282"/>
        <source>Add files with Add… or drop them here.</source>
        <translation>点击“添加…”或把文件拖到这里即可添加附件。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="284"/>
        <source>Save the customer first, then add its files.</source>
        <translation>请先保存客户，再添加附件。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="301"/>
        <source>Add files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_attachments_tab.py" line="320"/>
        <source>Adding files (%1)…</source>
        <translation>正在添加文件（%1 个）…</translation>
    </message>
</context>
<context>
    <name>FileManagementPanel</name>
    <message>
        <location filename="../../ui/panels/file_management_panel.py" line="95"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/panels/file_management_panel.py" line="96"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/file_management_panel.py" line="97"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/panels/file_management_panel.py" line="98"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/panels/file_management_panel.py" line="99"/>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location filename="../../ui/panels/file_management_panel.py" line="107"/>
        <source>File name:</source>
        <translation>文件名：</translation>
    </message>
    <message>
        <location filename="../../ui/panels/file_management_panel.py" line="109"/>
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
        <location filename="../../ui/panels/sales_tracking_panel.py" line="108"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/panels/sales_tracking_panel.py" line="110"/>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location filename="../../ui/panels/sales_tracking_panel.py" line="145"/>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <location filename="../../ui/panels/sales_tracking_panel.py" line="146"/>
        <source>No step yet</source>
        <translation>尚未开始</translation>
    </message>
    <message>
        <location filename="../../ui/panels/sales_tracking_panel.py" line="222"/>
        <source>Sales tracking</source>
        <translation>销售跟踪</translation>
    </message>
</context>
<context>
    <name>SalesTrackingTab</name>
    <message>
        <location filename="../../ui/panels/customer_sales_tab.py" line="80"/>
        <source>Win probability: %1%</source>
        <translation>成交概率：%1%</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_sales_tab.py" line="135"/>
        <location filename="../../ui/panels/customer_sales_tab.py" line="182"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_sales_tab.py" line="136"/>
        <source>From step</source>
        <translation>原阶段</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_sales_tab.py" line="137"/>
        <source>To step</source>
        <translation>新阶段</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_sales_tab.py" line="138"/>
        <source>Staff</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_sales_tab.py" line="139"/>
        <location filename="../../ui/panels/customer_sales_tab.py" line="183"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_sales_tab.py" line="158"/>
        <source>Change step</source>
        <translation>变更销售阶段</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_sales_tab.py" line="181"/>
        <source>New step</source>
        <translation>新阶段</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_sales_tab.py" line="246"/>
        <source>Change step…</source>
        <translation>变更阶段…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_sales_tab.py" line="265"/>
        <source>History</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_sales_tab.py" line="296"/>
        <source>Save the customer first.</source>
        <translation>请先保存客户。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_sales_tab.py" line="308"/>
        <source>Current step: none yet</source>
        <translation>当前阶段：尚未开始</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_sales_tab.py" line="310"/>
        <source>Current step: %1</source>
        <translation>当前阶段：%1</translation>
    </message>
</context>
</TS>
