<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BusinessLogPanel</name>
    <message>
        <location filename="../../ui/panels/business_log_panel.py" line="52"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../ui/panels/business_log_panel.py" line="54"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../ui/panels/business_log_panel.py" line="56"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../ui/panels/business_log_panel.py" line="57"/>
        <source>All dates</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <location filename="../../ui/panels/business_log_panel.py" line="83"/>
        <source>Business log</source>
        <translation>事务日志</translation>
    </message>
    <message>
        <location filename="../../ui/panels/business_log_panel.py" line="110"/>
        <source>My entries</source>
        <translation>我的日志</translation>
    </message>
    <message>
        <location filename="../../ui/panels/business_log_panel.py" line="111"/>
        <source>Everyone I may see</source>
        <translation>我可查看的全部日志</translation>
    </message>
    <message>
        <location filename="../../ui/panels/business_log_panel.py" line="120"/>
        <source>Previous</source>
        <translation>上一时段</translation>
    </message>
    <message>
        <location filename="../../ui/panels/business_log_panel.py" line="123"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/panels/business_log_panel.py" line="124"/>
        <source>Go to today</source>
        <translation>回到今天</translation>
    </message>
    <message>
        <location filename="../../ui/panels/business_log_panel.py" line="128"/>
        <source>Next</source>
        <translation>下一时段</translation>
    </message>
    <message>
        <location filename="../../ui/panels/business_log_panel.py" line="138"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location filename="../../ui/panels/business_log_panel.py" line="281"/>
        <source>%1 · someone else&apos;s entry, read only</source>
        <translation>%1 · 他人的日志，只读</translation>
    </message>
</context>
<context>
    <name>CustomerStatisticsPanel</name>
    <message>
        <location filename="../../ui/panels/customer_statistics_panel.py" line="59"/>
        <source>Customer type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_statistics_panel.py" line="60"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_statistics_panel.py" line="61"/>
        <source>Region (province)</source>
        <translation>地区（省份）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_statistics_panel.py" line="62"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_statistics_panel.py" line="63"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_statistics_panel.py" line="64"/>
        <source>Sales step</source>
        <translation>销售阶段</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_statistics_panel.py" line="65"/>
        <source>Month of creation</source>
        <translation>建档月份</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_statistics_panel.py" line="91"/>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_statistics_panel.py" line="93"/>
        <source>Contacts</source>
        <translation>联系人数</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_statistics_panel.py" line="94"/>
        <source>Share of customers</source>
        <translation>客户占比</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_statistics_panel.py" line="119"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_statistics_panel.py" line="122"/>
        <source>(none)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_statistics_panel.py" line="124"/>
        <source>Month %1</source>
        <translation>%1月</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_statistics_panel.py" line="173"/>
        <source>Customer statistics</source>
        <translation>客户统计</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_statistics_panel.py" line="186"/>
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_statistics_panel.py" line="188"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_statistics_panel.py" line="191"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_statistics_panel.py" line="194"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_statistics_panel.py" line="196"/>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_statistics_panel.py" line="200"/>
        <source>Count by:</source>
        <translation>统计依据：</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_statistics_panel.py" line="299"/>
        <source>Customer statistics by %1</source>
        <translation>客户统计（按%1）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_statistics_panel.py" line="304"/>
        <source>%1 (%2)</source>
        <translation>%1，%2年</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_statistics_panel.py" line="313"/>
        <source>Export the statistics</source>
        <translation>导出统计表</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_statistics_panel.py" line="315"/>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/customer_statistics_panel.py" line="337"/>
        <source>Exported %1 rows to %2</source>
        <translation>已导出 %1 行到 %2</translation>
    </message>
</context>
</TS>
