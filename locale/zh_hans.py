"""Chinese translations of the English msgids, applied to locale/zh_Hans by locale/fill.py.

Kept as data beside the catalogues so a newcomer can review them in one place;
`python locale/fill.py` after `makemessages` fills new entries and reports missing ones.
"""
ZH = {
    "districts": "区县", "metric": "指标", "value range": "数值区间", "adcode": "行政区划代码",
    "Six-digit GB/T 2260 code.": "六位 GB/T 2260 代码。", "name": "名称", "Full name: 丰台区, 滑县.": "全称：丰台区、滑县。",
    "short name": "简称", "Name without 区/县/市: 丰台.": "去掉区/县/市的名称：丰台。", "type": "类型",
    "市辖区, 县, 县级市, 旗 …": "市辖区、县、县级市、旗……", "city": "地级市",
    "The prefecture, or the municipality itself.": "所属地级市，或直辖市本身。", "province": "省份", "pinyin": "拼音",
    "fengtaiqu, for search by pinyin.": "fengtaiqu，用于拼音检索。", "ftq: pinyin initials, for search.": "ftq：拼音首字母，用于检索。",
    "district": "区县", "label": "标签", "Short label: 高层次人才数量, 地区生产总值同比增长.": "简短标签：高层次人才数量、地区生产总值同比增长。",
    "metrics": "指标", "Metrics": "指标", "newest first": "最新优先", "largest value": "数值从大到小", "smallest value": "数值从小到大",
    "policies": "政策", "count": "数量", "yuan": "元", "m²": "平方米", "days": "天", "months": "个月", "years": "年",
    "percent": "百分比", "exactly": "等于", "more than": "超过", "at least": "不少于", "just under": "不足", "up to": "最多",
    "about": "约", "proposed": "待审核", "verified": "已核实", "rejected": "已驳回", "extracted": "自动提取",
    "entered by hand": "人工录入", "corrected by hand": "人工修正", "talent apartments": "人才公寓", "workstations": "工位",
    "office space": "办公空间", "funds": "资金", "subsidies and awards": "补贴和奖励", "rent-free period": "免租期",
    "jobs": "岗位", "service organisations": "服务机构", "other offers": "其他措施", "search": "搜索", "goals": "目标",
    "reported figures": "已实现数据", "unit": "单位", "year": "年份", "goal or report": "目标或实绩", "status": "审核状态",
    "incentive kind": "措施类别",
    ("unit after a number", "yuan"): "元", ("unit after a number", "m²"): "平方米", ("unit after a number", "days"): "天",
    ("unit after a number", "months"): "个月", ("unit after a number", "years"): "年",
    "title": "标题", "publisher": "发布者", "published": "发布日期",
    "ISO date or the part of it the text states: 2024, 2024-11 or 2024-11-22.": "ISO 日期，或正文写明的部分：2024、2024-11 或 2024-11-22。",
    "source file": "来源文件", "source URL": "来源网址", "text": "正文",
    "The article as published; facts point into it.": "发布时的原文；各条数据都指向其中的位置。", "checksum": "校验和",
    "SHA-256 of the normalised text: the same announcement is stored once.": "规范化正文的 SHA-256：同一公告只存一次。",
    "imported at": "导入时间", "article": "文章", "articles": "文章", "program": "项目", "value": "数值", "upper value": "上限值",
    "Upper end of a range such as 5万元至20万元; empty for a single figure.": "区间（如 5万元至20万元）的上限；单一数值时留空。",
    "measure word": "量词", "套, 个, 家, 人 … for counts.": "计数用的量词：套、个、家、人……", "qualifier": "限定",
    "period": "时期", "2023, 2024Q1 or 2024-01..2024-04.": "2023、2024Q1 或 2024-01..2024-04。",
    "First year of the period, else of the article; kept for the year filter.": "时期的起始年份，否则取文章年份；用于年份筛选。",
    "target": "目标", "A goal (到2025年, 力争), not a report.": "目标（到2025年、力争），而非实绩。", "quote start": "引文起点",
    "quote end": "引文终点", "quote": "引文", "The shortest span of the article that states the figure.": "文章中陈述该数据的最短片段。",
    "origin": "来源方式", "reviewed by": "审核人", "reviewed at": "审核时间",
    "What the extractor proposed, so that re-extraction never proposes it again.": "提取器提出的内容，避免重新提取时再次提出。",
    "Articles": "文章", "oldest first": "最早优先", "most facts": "数据最多", "programs": "项目", "kind": "类别",
    "target group": "面向人群", "code": "代码", "Chinese name": "中文名称", "English name": "英文名称", "target groups": "面向人群",
    "Canonical name, without quotes or district prefix.": "规范名称，不含引号和区名前缀。", "aliases": "别名",
    "Other names the articles use: 丰台·学子回家 …": "文章使用的其他名称：丰台·学子回家……", "mention": "提及", "mentions": "提及",
    "What is offered, as written: 人才公寓.": "原文所写的提供内容：人才公寓。", "incentive": "激励措施", "incentives": "激励措施",
    "Incentives": "激励措施", "Programs": "人才项目", "most incentives": "措施最多", "most articles": "文章最多",
    "Talent policy knowledge base": "人才政策知识库", "Skip to content": "跳到正文", "Main": "主导航", "Districts": "区县",
    "Compare": "对比", "Search": "搜索", "Search: 人才公寓, 免租 …": "搜索：人才公寓、免租……",
    "Figures are read from public announcements; each links to the sentence it comes from. Facts marked “verified” have been checked by an editor.":
        "数据摘自公开发布的公告，每条都链接到其出处原句。标有“已核实”的数据已经编辑核对。",
    "Data and downloads": "数据与下载", "Compare districts": "区县对比", "Districts compared": "对比的区县",
    "Remove %(name)s": "移除%(name)s", "Add a district (2 to 6): Chinese name or pinyin": "添加区县（2 至 6 个）：中文名或拼音",
    "Find": "查找", "No district of that name.": "没有这个名称的区县。",
    "Six districts at most: remove one to add another.": "最多六个区县：移除一个才能再添加。",
    "Choose at least two districts to compare.": "请至少选择两个区县进行对比。",
    "Values as the announcements state them; each links to its source sentence.": "数值按公告原文给出，每个都链接到出处原句。",
    "what": "项目", "not reported": "未报告", "%(n)s more": ["另外 %(n)s 项"], "Charts": "图表",
    "Where two or more districts state a row in the same unit: the largest figure each states. The table above has every value.":
        "两个及以上区县以同一单位报告的项目：取各区县所述的最大数值。上表列出全部数值。",
    "These districts report nothing yet.": "这些区县暂无数据。", "Compare with other districts": "与其他区县对比",
    "Filter its incentives": "筛选其激励措施", "Filter its metrics": "筛选其指标", "%(n)s incentive": ["%(n)s 项措施"],
    "None recorded.": "暂无记录。", "Announcements": "公告", "Find any district by name or pinyin": "按名称或拼音查找任一区县",
    "Districts with announcements": "有公告的区县", "No districts yet.": "暂无区县。",
    "Who offers what to talent, and how districts compare": "各区为人才提供什么，区县之间如何比较",
    "Programs, incentives and figures read from China's district talent-policy announcements, each linked to its source sentence.":
        "从各区县人才政策公告中摘取的项目、激励措施和数据，每条都链接到出处原句。",
    "人才公寓, 免租, 学子回家 …": "人才公寓、免租、学子回家……", "Start here": "从这里开始",
    "Talent apartments, district by district": "各区人才公寓", "Funds, subsidies and awards": "资金、补贴和奖励",
    "Offers for graduates": "面向高校毕业生的措施", "Goals districts have set": "各区设定的目标",
    "Compare districts side by side": "区县并排对比", "Latest announcements": "最新公告", "No articles yet.": "暂无文章。",
    "Every list, search and comparison can be downloaded as CSV or JSON with the filters you chose: use the links under each list, or add ?format=csv or ?format=json to its address. Rejected facts are never included.":
        "每个列表、搜索和对比都可按所选筛选条件下载为 CSV 或 JSON：使用列表下方的链接，或在网址后加上 ?format=csv 或 ?format=json。已驳回的数据不会包含在内。",
    "Search within the list": "在列表中搜索", "Filters": "筛选", "%(n)s metric": ["%(n)s 项指标"], "goal": "目标",
    "Download what is shown": "下载当前结果", "about the formats": "格式说明", "selected": "已选", "Sort values by": "选项排序",
    "clear": "清除", "checked by an editor": "已经编辑核对", "source sentence": "出处原句", "%(shown)s result": ["%(shown)s 条结果"],
    "Sort by": "排序", "Apply": "应用", "Active filters": "当前筛选", "remove": "移除", "Clear all": "全部清除",
    "Nothing matches these filters.": "没有符合这些条件的结果。", "Pages": "分页", "previous": "上一页",
    "page %(n)s of %(total)s": "第 %(n)s 页，共 %(total)s 页", "next": "下一页", "%(n)s article": ["%(n)s 篇文章"],
    "Also called": "又称", "original": "原文", "%(n)s fact read from this text": ["从本文摘取的 %(n)s 条数据"],
    "Programs named": "提及的项目", "in the text": "在原文中", "Named in": "出现于", "Search: %(q)s": "搜索：%(q)s",
    "Result types": "结果类型", "Narrow the results": "缩小结果范围",
    "Search the articles' texts, the programs' names and every quoted figure. Chinese words are found whole or as part of a phrase.":
        "搜索文章正文、项目名称和每条引用的数据。中文词语可整词匹配，也可作为短语的一部分匹配。",
    "value range": "数值区间",
}

# The staff side's strings (admin, review screen) are kept in zh_hans_staff.py;
# the entries above win where both translate the same msgid.
from zh_hans_staff import ZH_STAFF  # noqa: E402

ZH = {**ZH_STAFF, **ZH}
