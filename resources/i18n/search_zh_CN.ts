<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>GlobalSearch</name>
    <message>
        <location filename="../../ui/widgets/global_search.py" line="56"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/global_search.py" line="57"/>
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/global_search.py" line="58"/>
        <source>Initials</source>
        <translation>拼音首字母</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/global_search.py" line="59"/>
        <source>Mnemonic</source>
        <translation>助记码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/global_search.py" line="60"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/global_search.py" line="61"/>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/global_search.py" line="62"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/global_search.py" line="86"/>
        <source>Contact of %1</source>
        <translation>%1 的联系人</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/global_search.py" line="91"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/global_search.py" line="163"/>
        <source>Search customers and contacts (Ctrl+K)</source>
        <translation>搜索客户和联系人（Ctrl+K）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/global_search.py" line="209"/>
        <source>Nothing found</source>
        <translation>没有找到</translation>
    </message>
</context>
</TS>
