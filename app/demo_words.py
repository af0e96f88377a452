"""Word lists of the demo data generator (app/demo.py): names, trades, streets, media.

Plain data, no logic. Every entry is free of tabs, newlines and backslashes, so rows built
from them need no escaping in PostgreSQL's COPY text format (a test checks this).
"""

from __future__ import annotations

# (surname, its reading as a surname, relative frequency). Readings are given by hand:
# several characters read differently as surnames (单 shan, 曾 zeng, 解 xie, 仇 qiu, 区 ou…).
SURNAMES: tuple[tuple[str, str, int], ...] = (
    ("王", "wang", 72), ("李", "li", 72), ("张", "zhang", 68), ("刘", "liu", 53),
    ("陈", "chen", 45), ("杨", "yang", 31), ("黄", "huang", 23), ("赵", "zhao", 21),
    ("吴", "wu", 20), ("周", "zhou", 20), ("徐", "xu", 15), ("孙", "sun", 15),
    ("马", "ma", 14), ("朱", "zhu", 13), ("胡", "hu", 12), ("郭", "guo", 11),
    ("何", "he", 10), ("林", "lin", 10), ("高", "gao", 10), ("罗", "luo", 9),
    ("郑", "zheng", 9), ("梁", "liang", 8), ("谢", "xie", 7), ("宋", "song", 7),
    ("唐", "tang", 7), ("许", "xu", 6), ("韩", "han", 6), ("冯", "feng", 6),
    ("邓", "deng", 6), ("曹", "cao", 6), ("彭", "peng", 5), ("曾", "zeng", 5),
    ("肖", "xiao", 5), ("田", "tian", 5), ("董", "dong", 5), ("袁", "yuan", 4),
    ("潘", "pan", 4), ("于", "yu", 4), ("蒋", "jiang", 4), ("蔡", "cai", 4),
    ("余", "yu", 4), ("杜", "du", 4), ("叶", "ye", 4), ("程", "cheng", 4),
    ("苏", "su", 3), ("魏", "wei", 3), ("吕", "lv", 3), ("丁", "ding", 3),
    ("任", "ren", 3), ("沈", "shen", 3), ("姚", "yao", 3), ("卢", "lu", 3),
    ("姜", "jiang", 3), ("崔", "cui", 3), ("钟", "zhong", 3), ("谭", "tan", 3),
    ("陆", "lu", 3), ("汪", "wang", 3), ("范", "fan", 3), ("金", "jin", 3),
    ("石", "shi", 3), ("廖", "liao", 3), ("贾", "jia", 2), ("夏", "xia", 2),
    ("韦", "wei", 2), ("付", "fu", 2), ("方", "fang", 2), ("白", "bai", 2),
    ("邹", "zou", 2), ("孟", "meng", 2), ("熊", "xiong", 2), ("秦", "qin", 2),
    ("邱", "qiu", 2), ("江", "jiang", 2), ("尹", "yin", 2), ("薛", "xue", 2),
    ("闫", "yan", 2), ("段", "duan", 2), ("雷", "lei", 2), ("侯", "hou", 2),
    ("龙", "long", 2), ("史", "shi", 2), ("陶", "tao", 2), ("黎", "li", 2),
    ("贺", "he", 2), ("顾", "gu", 2), ("毛", "mao", 2), ("郝", "hao", 2),
    ("龚", "gong", 2), ("邵", "shao", 2), ("万", "wan", 2), ("钱", "qian", 2),
    ("严", "yan", 2), ("覃", "qin", 1), ("武", "wu", 2), ("戴", "dai", 2),
    ("莫", "mo", 1), ("孔", "kong", 1), ("向", "xiang", 1), ("汤", "tang", 1),
    ("单", "shan", 1), ("解", "xie", 1), ("仇", "qiu", 1), ("区", "ou", 1),
    ("查", "zha", 1), ("朴", "piao", 1), ("盖", "ge", 1), ("缪", "miao", 1),
    ("乐", "yue", 1), ("翟", "zhai", 1), ("尉", "yu", 1), ("纪", "ji", 1),
    ("欧阳", "ouyang", 1), ("司马", "sima", 1), ("诸葛", "zhuge", 1), ("上官", "shangguan", 1),
    ("尉迟", "yuchi", 1), ("令狐", "linghu", 1),
)  # fmt: skip

# Characters of given names; a given name is one of them or two in a row.
GIVEN_CHARS_MALE = (  # noqa: SIM905 - a list of words reads best as words
    "伟 强 磊 军 勇 杰 涛 斌 超 明 刚 平 辉 鹏 华 飞 鑫 波 "
    "宁 凯 浩 宇 俊 峰 建 国 志 文 海 林 东 新 晨 阳 博 睿 "
    "轩 哲 然 瑞 成 翔 健 彬 亮 政 昊 天 子 嘉 泽 龙 豪"
).split()
GIVEN_CHARS_FEMALE = (  # noqa: SIM905 - a list of words reads best as words
    "芳 娜 敏 静 丽 艳 娟 霞 秀 玲 桂 英 萍 红 燕 雪 琳 晶 "
    "倩 婷 颖 慧 莹 佳 欣 悦 怡 雯 琪 璐 梦 思 雨 诗 涵 萱 "
    "蕾 薇 妍 彤 露 洁 月 兰 春 梅 云 清 晓 宁 艺 欢"
).split()

# Two of these make a trade name (字号): auspicious characters, as Chinese companies choose.
TRADE_NAME_CHARS = (  # noqa: SIM905 - a list of words reads best as words
    "瑞 丰 华 泰 安 康 盛 达 恒 信 隆 祥 福 鑫 源 通 宏 昌 "
    "兴 旺 金 嘉 永 顺 利 德 鼎 新 天 宇 博 创 汇 佳 美 海 "
    "东 方 中 正 成 益 润 聚 合 诚 吉 富 荣 腾 飞 耀 明 星 "
    "辉 圣 百 万 久 远 锦 汉 骏 凯 晟"
).split()

# (trade words 行业用语, English words, industry code of db.reference_data.INDUSTRIES).
TRADE_WORDS: tuple[tuple[str, str, str], ...] = (
    ("文化传播", "Culture Communication", "culture_media"),
    ("广告", "Advertising", "culture_media"),
    ("影视传媒", "Film and Media", "culture_media"),
    ("会展服务", "Exhibition Services", "culture_media"),
    ("印务", "Printing", "culture_media"),
    ("网络科技", "Network Technology", "it"),
    ("信息技术", "Information Technology", "it"),
    ("软件", "Software", "it"),
    ("通信技术", "Communication Technology", "telecom"),
    ("房地产开发", "Real Estate Development", "real_estate"),
    ("物业管理", "Property Management", "real_estate"),
    ("置业", "Property", "real_estate"),
    ("汽车销售", "Automobile Sales", "automotive"),
    ("汽车服务", "Automobile Services", "automotive"),
    ("汽车配件", "Auto Parts", "automotive"),
    ("医药", "Pharmaceutical", "pharma"),
    ("生物科技", "Biotechnology", "pharma"),
    ("医疗器械", "Medical Devices", "pharma"),
    ("食品", "Food", "food"),
    ("饮料", "Beverage", "food"),
    ("酒业", "Wine and Spirits", "food"),
    ("电子", "Electronics", "manufacturing"),
    ("机械制造", "Machinery", "manufacturing"),
    ("新材料", "New Materials", "manufacturing"),
    ("建筑工程", "Construction Engineering", "construction"),
    ("建材", "Building Materials", "construction"),
    ("装饰工程", "Decoration Engineering", "construction"),
    ("物流", "Logistics", "logistics"),
    ("国际货运代理", "International Freight Forwarding", "logistics"),
    ("商贸", "Trading", "retail"),
    ("百货", "Department Store", "retail"),
    ("电器", "Electrical Appliances", "home"),
    ("家居", "Home Furnishing", "home"),
    ("服饰", "Apparel", "apparel"),
    ("纺织", "Textile", "apparel"),
    ("教育科技", "Education Technology", "education"),
    ("培训", "Training", "education"),
    ("旅游", "Travel", "tourism"),
    ("酒店管理", "Hotel Management", "tourism"),
    ("投资", "Investment", "finance"),
    ("融资租赁", "Financial Leasing", "finance"),
    ("能源", "Energy", "energy"),
    ("化工", "Chemical", "energy"),
    ("农业科技", "Agricultural Technology", "agriculture"),
    ("环保科技", "Environmental Technology", "other"),
    ("咨询", "Consulting", "other"),
)

# (legal form, English, weight).
LEGAL_FORMS: tuple[tuple[str, str, int], ...] = (
    ("有限公司", "Co., Ltd.", 60),
    ("有限责任公司", "Co., Ltd.", 20),
    ("股份有限公司", "Holdings Co., Ltd.", 12),
    ("集团有限公司", "Group Co., Ltd.", 8),
)

STREETS = (  # noqa: SIM905 - a list of words reads best as words
    "人民路 中山路 解放路 建设路 和平路 长江路 黄河路 新华路 文化路 "
    "胜利路 朝阳路 光明路 健康路 青年路 北京路 上海路 南京路 延安路 "
    "东风路 工业路 科技路 创业路 环城路 滨江路 湖滨路 学院路 友谊路 "
    "迎宾大道 世纪大道 金融街"
).split()
STREET_SUFFIXES = ("", "", "", "东", "西", "南", "北", "中")
BUILDINGS = (  # noqa: SIM905 - a list of words reads best as words
    "国际大厦 金融中心 商务中心 科技园 写字楼 广场 中心大厦 创业大厦 "
    "国贸中心 时代广场 财富中心 银泰中心 万达广场 软件园 产业园"
).split()

DEPARTMENT_WORDS = ("市场部", "品牌部", "销售部", "采购部", "总经办", "行政部", "宣传部", "企划部")
EDUCATION = ("高中", "大专", "本科", "本科", "硕士", "硕士", "博士")
HOBBIES = ("高尔夫", "登山", "摄影", "茶艺", "钓鱼", "阅读", "书法", "跑步", "旅行", "围棋")
MARITAL = ("已婚", "未婚", "已婚")
BANKS = ("中国工商银行", "中国建设银行", "中国农业银行", "中国银行", "交通银行", "招商银行")
BANK_SHORT = ("工行", "建行", "农行", "中行", "交行", "招行")

CONTACT_SUBJECTS = (
    "年度广告投放沟通", "新刊广告位推荐", "报价单确认", "合同条款协商", "广告样稿确认",
    "回款跟进", "展会参展邀请", "期刊征订回访", "客户满意度回访", "网络推广方案介绍",
    "节日问候", "新产品发布合作",
)  # fmt: skip
CONTACT_RESULTS = (
    "客户有意向，待内部审批", "客户暂无预算", "已确认样稿", "约定下周面谈",
    "客户要求调整报价", "已安排付款", "客户满意",
)  # fmt: skip
NEXT_STEPS = ("发送报价单", "安排拜访", "准备方案", "跟进合同", "提醒付款", "寄送样刊")

LOG_CONTENTS = (
    "电话沟通广告投放计划", "上门拜访客户市场部", "陪同客户审阅广告样稿", "与客户确认排期",
    "催收广告款", "介绍网络媒体资源", "邀请客户参加行业展会", "收集客户竞品投放信息",
)  # fmt: skip

SUPPLY_TITLES = ("供应{}产品", "承接{}项目", "寻求{}合作伙伴", "采购{}服务", "招募{}代理商")
COMPLAINT_SUBJECTS = (
    ("complaint", "广告刊出位置与合同不符"),
    ("complaint", "样刊未按时寄达"),
    ("complaint", "网络广告展示量不足"),
    ("complaint", "发票开具延误"),
    ("suggestion", "建议增加电子版期刊"),
    ("suggestion", "希望提供投放效果报告"),
    ("praise", "广告设计效果很好"),
    ("praise", "业务员服务周到"),
    ("inquiry", "咨询明年刊例价格"),
    ("inquiry", "咨询展会展位情况"),
)
OPPORTUNITY_WORDS = ("年度广告合作", "新品上市推广", "品牌形象宣传", "展会赞助", "网络推广")
TASK_TITLES = (
    ("call", "电话回访"), ("visit", "上门拜访"), ("email", "发送报价邮件"),
    ("meeting", "方案讨论会"), ("follow_up", "跟进合同签订"), ("todo", "整理客户资料"),
)  # fmt: skip
BUSINESS_LOG_SUBJECTS = (
    ("visit", "拜访客户"), ("call", "电话营销"), ("meeting", "部门例会"),
    ("admin", "整理合同与发票"), ("travel", "出差"), ("other", "行业培训"),
)  # fmt: skip
EXPENSE_NOTES = (
    ("travel", "出差交通费"), ("entertainment", "客户招待"), ("gift", "客户节日礼品"),
    ("advertising", "推广物料制作"), ("event", "展会布展"), ("office", "办公用品"),
    ("other", "快递费"),
)  # fmt: skip
