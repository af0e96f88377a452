<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ImportExportPanel</name>
    <message>
        <location filename="../../ui/panels/import_export_panel.py" line="81"/>
        <source>Import customers…</source>
        <translation>导入客户…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/import_export_panel.py" line="82"/>
        <source>Customers and their contacts from an Excel workbook or a CSV file, checked row by row, duplicates caught.</source>
        <translation>从 Excel 工作簿或 CSV 文件导入客户及其联系人，逐行检查，识别重复（撞单）。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/import_export_panel.py" line="86"/>
        <source>Export customers…</source>
        <translation>导出客户…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/import_export_panel.py" line="87"/>
        <source>The customer list you see, to Excel (.xlsx) or CSV.</source>
        <translation>将您可见的客户列表导出为 Excel（.xlsx）或 CSV。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/import_export_panel.py" line="91"/>
        <source>Export contacts…</source>
        <translation>导出联系人…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/import_export_panel.py" line="92"/>
        <source>Every contact you see, with its company, to Excel (.xlsx) or CSV.</source>
        <translation>将您可见的全部联系人（含所属公司）导出为 Excel（.xlsx）或 CSV。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/import_export_panel.py" line="96"/>
        <source>Transfer customers…</source>
        <translation>移交客户…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/import_export_panel.py" line="97"/>
        <source>Give chosen customers to another employee.</source>
        <translation>把选定的客户移交给另一位员工。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/import_export_panel.py" line="100"/>
        <source>Hand over an employee&apos;s customers…</source>
        <translation>移交离职员工的客户…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/import_export_panel.py" line="101"/>
        <source>All customers of a departing employee to a colleague, in one step.</source>
        <translation>一步把离职员工的全部客户移交给同事。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/import_export_panel.py" line="105"/>
        <source>Merge customers…</source>
        <translation>合并客户…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/import_export_panel.py" line="106"/>
        <source>Two records of one company become one: contacts, history and orders move to the one kept.</source>
        <translation>同一公司的两条记录合并为一条：联系人、联系记录和订单等转到保留的客户名下。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/import_export_panel.py" line="118"/>
        <location filename="../../ui/panels/import_export_panel.py" line="229"/>
        <source>Import and export</source>
        <translation>导入导出</translation>
    </message>
    <message>
        <location filename="../../ui/panels/import_export_panel.py" line="127"/>
        <source>You have no permission for these tools.</source>
        <translation>您没有使用这些工具的权限。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/import_export_panel.py" line="129"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/import_export_panel.py" line="182"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/panels/import_export_panel.py" line="183"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/panels/import_export_panel.py" line="187"/>
        <source>Export the list</source>
        <translation>导出列表</translation>
    </message>
    <message>
        <location filename="../../ui/panels/import_export_panel.py" line="189"/>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/import_export_panel.py" line="212"/>
        <source>Exporting the list…</source>
        <translation>正在导出列表…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/import_export_panel.py" line="220"/>
        <source>Exported %1 rows to %2</source>
        <translation>已导出 %1 行到 %2</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="102"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿（.xlsx）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="104"/>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="105"/>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="106"/>
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="110"/>
        <source>CSV text, encoding %1, delimiter: %2</source>
        <translation>CSV 文本，编码 %1，分隔符：%2</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="135"/>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="137"/>
        <source>An Excel workbook (.xlsx) or a CSV file; its first row names the columns. The text encoding (UTF-8, GBK/GB18030…) is found automatically.</source>
        <translation>Excel 工作簿（.xlsx）或 CSV 文件，第一行为列标题。文本编码（UTF-8、GBK/GB18030…）自动识别。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="145"/>
        <source>&amp;Choose file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="153"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="154"/>
        <source>Read as:</source>
        <translation>读取方式：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="155"/>
        <source>Columns:</source>
        <translation>列：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="161"/>
        <location filename="../../ui/dialogs/import_wizard.py" line="655"/>
        <source>Import customers</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="162"/>
        <source>Spreadsheets (*.xlsx *.csv *.txt);;All files (*)</source>
        <translation>电子表格 (*.xlsx *.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="195"/>
        <source>Match the columns to fields</source>
        <translation>列与字段对应</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="197"/>
        <source>Columns whose header names a field are matched already; a column left on “Not imported” is ignored. The company name must be matched.</source>
        <translation>标题能识别的列已自动对应；设为“不导入”的列将被忽略。公司名称必须对应。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="207"/>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="208"/>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="209"/>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="234"/>
        <source>As you matched these columns last time.</source>
        <translation>沿用您上次对这些列的对应。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="236"/>
        <source>Matched by the column headers.</source>
        <translation>已按列标题自动对应。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="250"/>
        <source>Not imported</source>
        <translation>不导入</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="307"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="322"/>
        <location filename="../../ui/dialogs/import_wizard.py" line="338"/>
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="362"/>
        <source>%1 rows read: %2 rejected (in red, with the reason), %3 repeat an existing customer or an earlier row. The first rows as they will be stored:</source>
        <translation>共读取 %1 行：%2 行被拒绝（红色标出并注明原因），%3 行与已有客户或前面的行重复。以下是前几行保存后的样子：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="373"/>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="373"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="438"/>
        <source>Repeats line %1 of the file</source>
        <translation>与文件第 %1 行重复</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="445"/>
        <source>Repeats the customer %1 (owner: %2)</source>
        <translation>与已有客户 %1 重复（负责人：%2）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="474"/>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="476"/>
        <source>What to do with a row that repeats a customer, and whose the new customers are.</source>
        <translation>与已有客户重复的行如何处理，新客户归谁负责。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="482"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="484"/>
        <source>Skip the row (keep the existing customer)</source>
        <translation>跳过该行（保留已有客户）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="485"/>
        <source>Update the existing customer with the row&apos;s filled cells</source>
        <translation>用该行已填写的内容更新已有客户</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="488"/>
        <source>Insert it anyway (never a second same credit code)</source>
        <translation>仍然新增（统一社会信用代码绝不重复）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="503"/>
        <source>A row that repeats a customer:</source>
        <translation>与已有客户重复的行：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="504"/>
        <source>Owner of the new customers:</source>
        <translation>新客户的负责人：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="532"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="534"/>
        <source>The rows are written in one go: Cancel leaves nothing imported.</source>
        <translation>所有行一次写入：取消则不导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="544"/>
        <source>Rows read:</source>
        <translation>读取行数：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="545"/>
        <source>Customers created:</source>
        <translation>新增客户：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="546"/>
        <source>Customers updated:</source>
        <translation>更新客户：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="547"/>
        <source>Duplicates skipped:</source>
        <translation>跳过的重复：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="548"/>
        <source>Rows rejected:</source>
        <translation>拒绝行数：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="549"/>
        <source>Contacts created:</source>
        <translation>新增联系人：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="554"/>
        <source>&amp;Save error report…</source>
        <translation>保存错误报告(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="570"/>
        <location filename="../../ui/dialogs/import_wizard.py" line="576"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="589"/>
        <source>The import is done.</source>
        <translation>导入完成。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="595"/>
        <source>Nothing was imported: %1</source>
        <translation>没有导入任何数据：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="618"/>
        <source>Save the error report</source>
        <translation>保存错误报告</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="620"/>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="630"/>
        <source>%1 rejected row(s) written to %2.</source>
        <translation>已将 %1 个被拒绝的行写入 %2。</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="63"/>
        <source>Merge customers</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="64"/>
        <source>Search customers by name</source>
        <translation>按名称搜索客户</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="71"/>
        <source>Kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="72"/>
        <source>Merged into it (to the recycle bin)</source>
        <translation>并入（移到回收站）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="81"/>
        <source>&amp;Merge</source>
        <translation>合并(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="105"/>
        <source>Customer to keep</source>
        <translation>保留的客户</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="106"/>
        <source>Customer merged into it</source>
        <translation>并入的客户</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="162"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="163"/>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="164"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="165"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="166"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="167"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="201"/>
        <source>Merge 「%1」 into 「%2」? Its contacts, history, orders and everything else move to 「%2」, and 「%1」 goes to the recycle bin.</source>
        <translation>把「%1」并入「%2」吗？它的联系人、联系记录、订单等全部转到「%2」名下，「%1」移到回收站。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="220"/>
        <source>Merging…</source>
        <translation>正在合并…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="229"/>
        <source>Merged: %1 record(s) moved.</source>
        <translation>合并完成：转移了 %1 条记录。</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../ui/dialogs/transfer_dialog.py" line="94"/>
        <source>%1 customer(s)</source>
        <translation>%1 个客户</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialog.py" line="139"/>
        <source>%1 customer(s) handed over.</source>
        <translation>已移交 %1 个客户。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialog.py" line="172"/>
        <source>Transfer customers</source>
        <translation>移交客户</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialog.py" line="173"/>
        <source>&amp;Transfer</source>
        <translation>移交(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialog.py" line="179"/>
        <source>Search customers by name</source>
        <translation>按名称搜索客户</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialog.py" line="181"/>
        <source>Customers to transfer:</source>
        <translation>要移交的客户：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialog.py" line="192"/>
        <source>New owner:</source>
        <translation>新负责人：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialog.py" line="193"/>
        <location filename="../../ui/dialogs/transfer_dialog.py" line="257"/>
        <location filename="../../ui/dialogs/transfer_dialog.py" line="258"/>
        <source>Search employees</source>
        <translation>搜索员工</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialog.py" line="228"/>
        <source>%1 customer(s) chosen.</source>
        <translation>已选 %1 个客户。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialog.py" line="240"/>
        <location filename="../../ui/dialogs/transfer_dialog.py" line="321"/>
        <source>Handing the customers over…</source>
        <translation>正在移交客户…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialog.py" line="255"/>
        <source>Hand over an employee&apos;s customers</source>
        <translation>移交员工的客户</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialog.py" line="256"/>
        <source>&amp;Hand over</source>
        <translation>移交(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialog.py" line="261"/>
        <source>From (departing):</source>
        <translation>移出（离职员工）：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialog.py" line="262"/>
        <source>To:</source>
        <translation>移交给：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialog.py" line="293"/>
        <source>Choose the departing employee.</source>
        <translation>请选择离职员工。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialog.py" line="296"/>
        <source>%1 has %2 customer(s).</source>
        <translation>%1 名下有 %2 个客户。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialog.py" line="312"/>
        <source>Hand over all %1 customer(s) of %2 to %3?</source>
        <translation>把 %2 名下的全部 %1 个客户移交给 %3 吗？</translation>
    </message>
</context>
</TS>
