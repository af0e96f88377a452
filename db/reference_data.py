"""Reference data every MediaCRM database starts with, seeded by a migration.

Frozen once released: a later change to these lists is a new migration, never an edit here.
"""

from __future__ import annotations

# (code, 中文, English, colour) — the six customer types of SPEC §3.4.
CUSTOMER_TYPES = (
    ("existing", "老客户", "Existing customer", "#2E7D32"),
    ("target", "目标客户", "Target customer", "#1565C0"),
    ("prospect", "潜在客户", "Prospect", "#6A1B9A"),
    ("partner", "合作伙伴", "Partner", "#00838F"),
    ("blacklist", "黑名单", "Blacklist", "#212121"),
    ("competitor", "竞争对手", "Competitor", "#C62828"),
)

# (step, code, 中文, English, win probability %) — the sales process of SPEC §3.9.
SALES_STAGES = (
    (1, "find_prospects", "寻找准客户", "Find prospects", 5),
    (2, "appointment", "约见拜访", "Appointment and visit", 10),
    (3, "build_trust", "建立信任关系", "Build trust", 20),
    (4, "uncover_needs", "挖掘客户需求", "Uncover needs", 35),
    (5, "solution", "研究解决方案", "Work out a solution", 50),
    (6, "proposal", "提出客户方案", "Propose", 65),
    (7, "sign", "签约承诺", "Sign", 90),
    (8, "satisfied", "客户满意", "Satisfied customer", 100),
)

FORMS_OF_ADDRESS = (
    ("mr", "先生", "Mr"),
    ("ms", "女士", "Ms"),
    ("manager", "经理", "Manager"),
    ("director", "总监", "Director"),
    ("president", "总经理", "General manager"),
    ("chairman", "董事长", "Chairman"),
    ("professor", "教授", "Professor"),
    ("doctor", "博士", "Dr"),
)

POSITIONS = (
    ("chairman", "董事长", "Chairman"),
    ("general_manager", "总经理", "General manager"),
    ("deputy_gm", "副总经理", "Deputy general manager"),
    ("marketing_director", "市场总监", "Marketing director"),
    ("sales_director", "销售总监", "Sales director"),
    ("department_manager", "部门经理", "Department manager"),
    ("brand_manager", "品牌经理", "Brand manager"),
    ("purchasing_manager", "采购经理", "Purchasing manager"),
    ("account_manager", "客户经理", "Account manager"),
    ("sales_rep", "销售代表", "Sales representative"),
    ("editor", "编辑", "Editor"),
    ("assistant", "助理", "Assistant"),
    ("clerk", "职员", "Clerk"),
)

# (code, 中文, English) — GB/T 4754 sections a media company sells to.
INDUSTRIES = (
    ("manufacturing", "制造业", "Manufacturing"),
    ("automotive", "汽车", "Automotive"),
    ("real_estate", "房地产", "Real estate"),
    ("finance", "金融业", "Finance"),
    ("it", "信息技术", "Information technology"),
    ("telecom", "通信", "Telecommunications"),
    ("retail", "批发和零售业", "Wholesale and retail"),
    ("food", "食品饮料", "Food and beverages"),
    ("pharma", "医药健康", "Pharmaceuticals and health"),
    ("education", "教育", "Education"),
    ("tourism", "旅游酒店", "Tourism and hotels"),
    ("culture_media", "文化传媒", "Culture and media"),
    ("construction", "建筑建材", "Construction and materials"),
    ("logistics", "交通物流", "Transport and logistics"),
    ("energy", "能源化工", "Energy and chemicals"),
    ("agriculture", "农林牧渔", "Agriculture"),
    ("apparel", "服装纺织", "Apparel and textiles"),
    ("home", "家居家电", "Home and appliances"),
    ("government", "政府及公共事业", "Government and public services"),
    ("other", "其他", "Other"),
)

CUSTOMER_SOURCES = (
    ("exhibition", "展会", "Exhibition"),
    ("referral", "客户推荐", "Referral"),
    ("cold_call", "电话开发", "Cold call"),
    ("website", "网站", "Website"),
    ("advertising", "广告", "Advertising"),
    ("campaign", "市场活动", "Marketing campaign"),
    ("existing_relation", "老关系", "Existing relationship"),
    ("other", "其他", "Other"),
)

# (key, 中文, English, description) — the built-in roles of SPEC §1.
BUILT_IN_ROLES = (
    ("admin", "管理员", "Administrator", "系统管理：用户、权限、数据库与日志"),
    ("decision_maker", "决策者", "Decision maker", "公司管理层：查看全部数据与决策分析"),
    ("dept_head", "部门主管", "Department head", "管理本部门及下级部门的客户与业务"),
    ("staff", "员工", "Staff", "销售与服务人员：管理自己的客户与业务"),
)

COUNTRIES = (
    ("CN", "中国", "China", "+86"),
    ("HK", "中国香港", "Hong Kong, China", "+852"),
    ("MO", "中国澳门", "Macao, China", "+853"),
    ("TW", "中国台湾", "Taiwan, China", "+886"),
    ("US", "美国", "United States", "+1"),
    ("JP", "日本", "Japan", "+81"),
    ("KR", "韩国", "Korea", "+82"),
    ("SG", "新加坡", "Singapore", "+65"),
    ("DE", "德国", "Germany", "+49"),
    ("GB", "英国", "United Kingdom", "+44"),
    ("FR", "法国", "France", "+33"),
)

CityRow = tuple[str, str, str, str, str]

# (GB/T 2260 code, 中文, English, [(code, 中文, English, area code, postal code)]).
REGIONS: tuple[tuple[str, str, str, list[CityRow]], ...] = (
    ("110000", "北京市", "Beijing", [("110100", "北京", "Beijing", "010", "100000")]),
    ("120000", "天津市", "Tianjin", [("120100", "天津", "Tianjin", "022", "300000")]),
    (
        "130000",
        "河北省",
        "Hebei",
        [
            ("130100", "石家庄", "Shijiazhuang", "0311", "050000"),
            ("130200", "唐山", "Tangshan", "0315", "063000"),
            ("130600", "保定", "Baoding", "0312", "071000"),
        ],
    ),
    (
        "140000",
        "山西省",
        "Shanxi",
        [
            ("140100", "太原", "Taiyuan", "0351", "030000"),
            ("140200", "大同", "Datong", "0352", "037000"),
        ],
    ),
    (
        "150000",
        "内蒙古自治区",
        "Inner Mongolia",
        [
            ("150100", "呼和浩特", "Hohhot", "0471", "010000"),
            ("150200", "包头", "Baotou", "0472", "014000"),
        ],
    ),
    (
        "210000",
        "辽宁省",
        "Liaoning",
        [
            ("210100", "沈阳", "Shenyang", "024", "110000"),
            ("210200", "大连", "Dalian", "0411", "116000"),
        ],
    ),
    (
        "220000",
        "吉林省",
        "Jilin",
        [
            ("220100", "长春", "Changchun", "0431", "130000"),
            ("220200", "吉林", "Jilin", "0432", "132000"),
        ],
    ),
    (
        "230000",
        "黑龙江省",
        "Heilongjiang",
        [
            ("230100", "哈尔滨", "Harbin", "0451", "150000"),
            ("230600", "大庆", "Daqing", "0459", "163000"),
        ],
    ),
    ("310000", "上海市", "Shanghai", [("310100", "上海", "Shanghai", "021", "200000")]),
    (
        "320000",
        "江苏省",
        "Jiangsu",
        [
            ("320100", "南京", "Nanjing", "025", "210000"),
            ("320200", "无锡", "Wuxi", "0510", "214000"),
            ("320300", "徐州", "Xuzhou", "0516", "221000"),
            ("320500", "苏州", "Suzhou", "0512", "215000"),
            ("320600", "南通", "Nantong", "0513", "226000"),
        ],
    ),
    (
        "330000",
        "浙江省",
        "Zhejiang",
        [
            ("330100", "杭州", "Hangzhou", "0571", "310000"),
            ("330200", "宁波", "Ningbo", "0574", "315000"),
            ("330300", "温州", "Wenzhou", "0577", "325000"),
            ("330600", "绍兴", "Shaoxing", "0575", "312000"),
        ],
    ),
    (
        "340000",
        "安徽省",
        "Anhui",
        [
            ("340100", "合肥", "Hefei", "0551", "230000"),
            ("340200", "芜湖", "Wuhu", "0553", "241000"),
        ],
    ),
    (
        "350000",
        "福建省",
        "Fujian",
        [
            ("350100", "福州", "Fuzhou", "0591", "350000"),
            ("350200", "厦门", "Xiamen", "0592", "361000"),
            ("350500", "泉州", "Quanzhou", "0595", "362000"),
        ],
    ),
    (
        "360000",
        "江西省",
        "Jiangxi",
        [
            ("360100", "南昌", "Nanchang", "0791", "330000"),
            ("360700", "赣州", "Ganzhou", "0797", "341000"),
        ],
    ),
    (
        "370000",
        "山东省",
        "Shandong",
        [
            ("370100", "济南", "Jinan", "0531", "250000"),
            ("370200", "青岛", "Qingdao", "0532", "266000"),
            ("370600", "烟台", "Yantai", "0535", "264000"),
            ("370700", "潍坊", "Weifang", "0536", "261000"),
        ],
    ),
    (
        "410000",
        "河南省",
        "Henan",
        [
            ("410100", "郑州", "Zhengzhou", "0371", "450000"),
            ("410300", "洛阳", "Luoyang", "0379", "471000"),
        ],
    ),
    (
        "420000",
        "湖北省",
        "Hubei",
        [
            ("420100", "武汉", "Wuhan", "027", "430000"),
            ("420500", "宜昌", "Yichang", "0717", "443000"),
            ("420600", "襄阳", "Xiangyang", "0710", "441000"),
        ],
    ),
    (
        "430000",
        "湖南省",
        "Hunan",
        [
            ("430100", "长沙", "Changsha", "0731", "410000"),
            ("430200", "株洲", "Zhuzhou", "0731", "412000"),
        ],
    ),
    (
        "440000",
        "广东省",
        "Guangdong",
        [
            ("440100", "广州", "Guangzhou", "020", "510000"),
            ("440300", "深圳", "Shenzhen", "0755", "518000"),
            ("440400", "珠海", "Zhuhai", "0756", "519000"),
            ("440500", "汕头", "Shantou", "0754", "515000"),
            ("440600", "佛山", "Foshan", "0757", "528000"),
            ("441900", "东莞", "Dongguan", "0769", "523000"),
        ],
    ),
    (
        "450000",
        "广西壮族自治区",
        "Guangxi",
        [
            ("450100", "南宁", "Nanning", "0771", "530000"),
            ("450300", "桂林", "Guilin", "0773", "541000"),
        ],
    ),
    (
        "460000",
        "海南省",
        "Hainan",
        [
            ("460100", "海口", "Haikou", "0898", "570000"),
            ("460200", "三亚", "Sanya", "0898", "572000"),
        ],
    ),
    ("500000", "重庆市", "Chongqing", [("500100", "重庆", "Chongqing", "023", "400000")]),
    (
        "510000",
        "四川省",
        "Sichuan",
        [
            ("510100", "成都", "Chengdu", "028", "610000"),
            ("510700", "绵阳", "Mianyang", "0816", "621000"),
        ],
    ),
    ("520000", "贵州省", "Guizhou", [("520100", "贵阳", "Guiyang", "0851", "550000")]),
    ("530000", "云南省", "Yunnan", [("530100", "昆明", "Kunming", "0871", "650000")]),
    ("540000", "西藏自治区", "Tibet", [("540100", "拉萨", "Lhasa", "0891", "850000")]),
    ("610000", "陕西省", "Shaanxi", [("610100", "西安", "Xi'an", "029", "710000")]),
    ("620000", "甘肃省", "Gansu", [("620100", "兰州", "Lanzhou", "0931", "730000")]),
    ("630000", "青海省", "Qinghai", [("630100", "西宁", "Xining", "0971", "810000")]),
    ("640000", "宁夏回族自治区", "Ningxia", [("640100", "银川", "Yinchuan", "0951", "750000")]),
    (
        "650000",
        "新疆维吾尔自治区",
        "Xinjiang",
        [
            ("650100", "乌鲁木齐", "Urumqi", "0991", "830000"),
        ],
    ),
    ("710000", "台湾省", "Taiwan", []),
    ("810000", "香港特别行政区", "Hong Kong", []),
    ("820000", "澳门特别行政区", "Macao", []),
)
