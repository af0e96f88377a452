<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../ui/widgets/fields.py" line="313"/>
        <source>Clear the date (Ctrl+Delete)</source>
        <translation>清除日期（Ctrl+Delete）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/fields.py" line="405"/>
        <source>Type to search</source>
        <translation>输入文字或拼音首字母查找</translation>
    </message>
</context>
<context>
    <name>FormView</name>
    <message>
        <location filename="../../ui/widgets/form_view.py" line="115"/>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
</context>
</TS>
