<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ListPrinting</name>
    <message>
        <location filename="../../ui/printing.py" line="62"/>
        <source>Printed %1 by %2 · %3 rows</source>
        <translation>%1 由 %2 打印 · 共 %3 行</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="73"/>
        <source>Only the first %1 rows are printed; narrow the query, or export the list.</source>
        <translation>只打印了前 %1 行；请缩小查询范围，或导出列表。</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="135"/>
        <source>Print preview: %1</source>
        <translation>打印预览：%1</translation>
    </message>
</context>
<context>
    <name>ListQueryDialog</name>
    <message>
        <location filename="../../ui/dialogs/list_query_dialog.py" line="77"/>
        <source>is on</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_query_dialog.py" line="78"/>
        <source>is before</source>
        <translation>早于</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_query_dialog.py" line="79"/>
        <source>is on or before</source>
        <translation>不晚于</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_query_dialog.py" line="80"/>
        <source>is after</source>
        <translation>晚于</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_query_dialog.py" line="81"/>
        <source>is on or after</source>
        <translation>不早于</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_query_dialog.py" line="86"/>
        <source>equals</source>
        <translation>等于</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_query_dialog.py" line="87"/>
        <source>contains</source>
        <translation>包含</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_query_dialog.py" line="88"/>
        <source>starts with</source>
        <translation>开头是</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_query_dialog.py" line="89"/>
        <source>is less than</source>
        <translation>小于</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_query_dialog.py" line="90"/>
        <source>is at most</source>
        <translation>不大于</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_query_dialog.py" line="91"/>
        <source>is greater than</source>
        <translation>大于</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_query_dialog.py" line="92"/>
        <source>is at least</source>
        <translation>不小于</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_query_dialog.py" line="93"/>
        <source>is between</source>
        <translation>介于</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_query_dialog.py" line="94"/>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_query_dialog.py" line="146"/>
        <source>Remove</source>
        <translation>删除条件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_query_dialog.py" line="224"/>
        <source>and</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_query_dialog.py" line="238"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_query_dialog.py" line="239"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_query_dialog.py" line="243"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_query_dialog.py" line="295"/>
        <source>Query &amp; Report</source>
        <translation>查询与报告</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_query_dialog.py" line="298"/>
        <source>Show the rows that meet all of these conditions:</source>
        <translation>显示同时满足以下所有条件的记录：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_query_dialog.py" line="323"/>
        <source>Add condition</source>
        <translation>添加条件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_query_dialog.py" line="324"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_query_dialog.py" line="334"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_query_dialog.py" line="335"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_query_dialog.py" line="340"/>
        <source>Your role may not export this list.</source>
        <translation>您的角色无权导出此列表。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_query_dialog.py" line="344"/>
        <source>Your role may not print this list.</source>
        <translation>您的角色无权打印此列表。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_query_dialog.py" line="346"/>
        <source>Apply</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_query_dialog.py" line="348"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_query_dialog.py" line="396"/>
        <source>Condition %1: %2</source>
        <translation>条件 %1：%2</translation>
    </message>
</context>
<context>
    <name>RecordConflictDialog</name>
    <message>
        <location filename="../../ui/dialogs/record_conflict_dialog.py" line="76"/>
        <source>Someone else saved this record</source>
        <translation>记录已被他人修改</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_conflict_dialog.py" line="107"/>
        <source>this record</source>
        <translation>此记录</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_conflict_dialog.py" line="109"/>
        <source>“%1” was saved by someone else after you opened it. Choose, for each highlighted field, which version to keep. Nothing is saved until you click “Save my choice”.</source>
        <translation>您打开“%1”之后，其他人保存了该记录。请逐项选择要保留的版本（已突出显示不同之处）。点击“保存我的选择”之前不会保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_conflict_dialog.py" line="125"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_conflict_dialog.py" line="126"/>
        <source>Your version</source>
        <translation>您的版本</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_conflict_dialog.py" line="127"/>
        <source>Saved version</source>
        <translation>已保存的版本</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_conflict_dialog.py" line="141"/>
        <source>Also show the %1 fields that are the same in both</source>
        <translation>同时显示两个版本相同的 %1 个字段</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_conflict_dialog.py" line="184"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_conflict_dialog.py" line="222"/>
        <source>Save my choice</source>
        <translation>保存我的选择</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_conflict_dialog.py" line="225"/>
        <source>Take theirs, discard mine</source>
        <translation>采用已保存的版本，放弃我的修改</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_conflict_dialog.py" line="227"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_conflict_dialog.py" line="229"/>
        <source>Go back to the form; your changes stay on screen.</source>
        <translation>返回表单；您的修改仍保留在屏幕上。</translation>
    </message>
</context>
<context>
    <name>RecordInformationDialog</name>
    <message>
        <location filename="../../ui/dialogs/record_information_dialog.py" line="65"/>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_information_dialog.py" line="67"/>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_information_dialog.py" line="73"/>
        <source>Moved to the recycle bin</source>
        <translation>移入回收站</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_information_dialog.py" line="75"/>
        <source>Restored</source>
        <translation>从回收站恢复</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_information_dialog.py" line="76"/>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_information_dialog.py" line="82"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_information_dialog.py" line="133"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_information_dialog.py" line="134"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_information_dialog.py" line="135"/>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_information_dialog.py" line="136"/>
        <source>What changed</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_information_dialog.py" line="165"/>
        <source>Information: %1</source>
        <translation>信息：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_information_dialog.py" line="170"/>
        <source>(no. %1)</source>
        <translation>（编号 %1）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_information_dialog.py" line="175"/>
        <source>History</source>
        <translation>修改历史</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_information_dialog.py" line="194"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_information_dialog.py" line="198"/>
        <source>Owner:</source>
        <translation>负责人：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_information_dialog.py" line="199"/>
        <source>Created:</source>
        <translation>创建：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_information_dialog.py" line="200"/>
        <source>Last changed:</source>
        <translation>最后修改：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_information_dialog.py" line="201"/>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_information_dialog.py" line="206"/>
        <source>In the recycle bin since:</source>
        <translation>移入回收站：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_information_dialog.py" line="216"/>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_information_dialog.py" line="220"/>
        <source>%1 by %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_information_dialog.py" line="252"/>
        <source>Your role may not review the audit trail, so the history is not shown.</source>
        <translation>您的角色无权查看审计日志，因此不显示修改历史。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record_information_dialog.py" line="264"/>
        <source>No changes are recorded (the record may have been loaded in bulk).</source>
        <translation>没有修改记录（该记录可能是批量导入的）。</translation>
    </message>
</context>
<context>
    <name>RecordPanel</name>
    <message>
        <location filename="../../ui/panels/record_panel.py" line="142"/>
        <source>New</source>
        <translation>新加</translation>
    </message>
    <message>
        <location filename="../../ui/panels/record_panel.py" line="145"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/panels/record_panel.py" line="148"/>
        <source>Save &amp;&amp; New</source>
        <translation>保存并新加</translation>
    </message>
    <message>
        <location filename="../../ui/panels/record_panel.py" line="153"/>
        <source>Copy as new</source>
        <translation>复制为新记录</translation>
    </message>
    <message>
        <location filename="../../ui/panels/record_panel.py" line="156"/>
        <location filename="../../ui/panels/record_panel.py" line="407"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/panels/record_panel.py" line="160"/>
        <source>Query &amp;&amp; Report</source>
        <translation>查询与报告</translation>
    </message>
    <message>
        <location filename="../../ui/panels/record_panel.py" line="163"/>
        <source>Information</source>
        <translation>信息</translation>
    </message>
    <message>
        <location filename="../../ui/panels/record_panel.py" line="166"/>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../ui/panels/record_panel.py" line="169"/>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location filename="../../ui/panels/record_panel.py" line="275"/>
        <location filename="../../ui/panels/record_panel.py" line="293"/>
        <source>New record</source>
        <translation>新记录</translation>
    </message>
    <message>
        <location filename="../../ui/panels/record_panel.py" line="278"/>
        <source>%1 · version %2</source>
        <translation>%1 · 第 %2 版</translation>
    </message>
    <message>
        <location filename="../../ui/panels/record_panel.py" line="290"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../../ui/panels/record_panel.py" line="291"/>
        <source>“%1” has changes that are not saved. Save them?</source>
        <translation>“%1”有尚未保存的修改，是否保存？</translation>
    </message>
    <message>
        <location filename="../../ui/panels/record_panel.py" line="378"/>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/record_panel.py" line="395"/>
        <source>A copy: change what differs, then save it.</source>
        <translation>已复制：修改不同之处后保存。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/record_panel.py" line="403"/>
        <source>Move “%1” to the recycle bin? It can be restored from there.</source>
        <translation>将“%1”移到回收站？之后可从回收站恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/record_panel.py" line="423"/>
        <source>Moved to the recycle bin: %1</source>
        <translation>已移到回收站：%1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/record_panel.py" line="503"/>
        <source>Export the list</source>
        <translation>导出列表</translation>
    </message>
    <message>
        <location filename="../../ui/panels/record_panel.py" line="505"/>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/record_panel.py" line="535"/>
        <source>Exported %1 rows to %2</source>
        <translation>已导出 %1 行到 %2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/record_panel.py" line="542"/>
        <source>Exporting the list…</source>
        <translation>正在导出列表…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/record_panel.py" line="561"/>
        <source>Reading the list for printing…</source>
        <translation>正在读取要打印的列表…</translation>
    </message>
</context>
<context>
    <name>RecycleBinDialog</name>
    <message>
        <location filename="../../ui/dialogs/recycle_bin_dialog.py" line="45"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recycle_bin_dialog.py" line="46"/>
        <source>Deleted at</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recycle_bin_dialog.py" line="47"/>
        <source>Deleted by</source>
        <translation>删除人</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recycle_bin_dialog.py" line="74"/>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recycle_bin_dialog.py" line="83"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recycle_bin_dialog.py" line="85"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recycle_bin_dialog.py" line="121"/>
        <source>%1 deleted records; select the ones to bring back.</source>
        <translation>共 %1 条已删除的记录；请选择要恢复的记录。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recycle_bin_dialog.py" line="125"/>
        <source>The recycle bin is empty.</source>
        <translation>回收站是空的。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recycle_bin_dialog.py" line="167"/>
        <source>Not restored:</source>
        <translation>未能恢复：</translation>
    </message>
</context>
<context>
    <name>ReferencePanels</name>
    <message>
        <location filename="../../ui/panels/reference_panels.py" line="204"/>
        <source>List:</source>
        <translation>列表：</translation>
    </message>
    <message>
        <location filename="../../ui/panels/reference_panels.py" line="212"/>
        <source>Your role may not restore deleted records.</source>
        <translation>您的角色无权恢复已删除的记录。</translation>
    </message>
</context>
</TS>
