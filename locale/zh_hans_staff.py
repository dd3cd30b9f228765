"""Chinese for the staff side (admin, review screen), merged into zh_hans.ZH by locale/fill.py.

Kept apart from the public pages' strings so that the two branches did not
edit the same file; same format as zh_hans.py.
"""
ZH_STAFF = {
    "Provenance": "来源与审核", "name": "名称", "label": "标签", "metric": "指标", "incentive": "激励措施",
    "programs named in the article": "文中提到的项目", "Source": "来源", "article": "文章", "articles": "文章",
    "districts": "区县", "facts to review": "待审核数据", "facts decided": "已处理数据", "review": "审核",
    "review facts": "审核数据", "Review facts": "审核数据",
    "Details read from the text: check them, then save.": "已从正文读出基本信息：请核对后保存。",
    "The extractor proposed %(count)d fact: accept, correct or reject it below.": [
        "提取器提出了 %(count)d 条数据：请在下方逐条接受、修正或驳回。",
    ],
    "Re-extract the selected articles (replaces only facts still proposed)": "重新提取所选文章（只替换仍待审核的数据）",
    "%(articles)d articles re-extracted: %(facts)d new proposals; decided facts were left as they were.":
        "已重新提取 %(articles)d 篇文章：新提出 %(facts)d 条数据；已处理的数据保持不变。",
    "value": "数值", "Accept (verify) the selected facts": "接受（核实）所选数据", "%(n)d facts verified.": "已核实 %(n)d 条数据。",
    "Reject the selected facts": "驳回所选数据", "%(n)d facts rejected.": "已驳回 %(n)d 条数据。",
    "Some rows have errors: nothing was saved. Correct them below.": "部分行有错误，未保存任何内容。请在下方改正。",
    "The form does not match the facts of this article: reload the page.": "表单与本文的数据不一致：请刷新页面。",
    "%(accepted)d accepted, %(corrected)d corrected, %(rejected)d rejected.":
        "已接受 %(accepted)d 条，修正 %(corrected)d 条，驳回 %(rejected)d 条。",
    "Nothing to save: no row was changed, decided or selected.": "没有需要保存的内容：没有修改、决定或选中任何一行。",
    "The fact was not added: see the form below.": "未能添加数据：请查看下方表单。",
    "Added by hand: %(fact)s": "已人工添加：%(fact)s",
    "Program “%(name)s” created.": "已创建项目“%(name)s”。", "Program “%(name)s” already exists.": "项目“%(name)s”已存在。",
    "Review the facts of “%(article)s”": "审核“%(article)s”中的数据",
    "proposed": "待审核", "verified": "已核实", "rejected": "已驳回",
    "Write the date as 2024, 2024-11 or 2024-11-22.": "日期请写作 2024、2024-11 或 2024-11-22。",
    "source URL": "来源网址", "or upload a file": "或上传文件",
    ".txt or .html; UTF-8 (with or without BOM), GBK or GB18030. HTML is reduced to its text.":
        ".txt 或 .html；UTF-8（带或不带 BOM）、GBK 或 GB18030。HTML 只保留正文文字。",
    "Paste the announcement as published, or upload it below.": "粘贴公告原文，或在下方上传。",
    "Left blank, it is read from the text where the extractor can.": "留空时，由提取器尽可能从正文读出。",
    "Upload a .txt or .html file.": "请上传 .txt 或 .html 文件。",
    "The file cannot be read: %(reason)s.": "无法读取文件：%(reason)s。",
    "Paste the text of the article or upload a file.": "请粘贴文章正文或上传文件。",
    "This announcement is already stored:": "这篇公告已经收录：",
    "no decision": "暂不处理", "accept": "接受", "reject": "驳回", "decision": "处理", "select": "选择",
    "kind": "类别", "metric (a figure the district reports)": "指标（区县公布的数据）", "upper value": "上限值",
    "unit": "单位", "qualifier": "限定", "period": "时期", "target": "目标", "quote start": "引文起点", "quote end": "引文终点",
    "Select a span of the article text first.": "请先在正文中选中一段文字。",
    "A metric needs a label, such as 高层次人才数量.": "指标需要标签，例如“高层次人才数量”。",
    "The upper value is below the value.": "上限值小于数值。",
    "where articles name it": "提到它的文章", "aliases": "别名",
    "Merge the selected programs into one": "将所选项目合并为一个",
    "Select at least two programs to merge.": "请至少选择两个项目进行合并。",
    "Choose one of the selected programs to keep.": "请从所选项目中选择要保留的一个。",
    "%(n)d programs merged into “%(name)s”; their names are now its aliases.":
        "已将 %(n)d 个项目并入“%(name)s”，其名称成为它的别名。",
    "Merge programs": "合并项目",
    "Paste the announcement or upload its file. “Read details from the text” fills in the title, publisher and date the extractor finds; “Save” stores the article, runs the extractor and opens the review screen.":
        "粘贴公告或上传文件。“从正文读取信息”会填入提取器找到的标题、发布者和日期；“保存”会收录文章、运行提取器并打开审核页面。",
    "Save and review facts": "保存并审核数据", "Read details from the text": "从正文读取信息",
    "Home": "首页", "source": "来源", "edit details": "编辑基本信息", "rename or merge programs": "重命名或合并项目",
    "Article text": "文章正文",
    "Click a highlight to go to its fact. Select words to add a fact by hand.": "点击高亮文字可跳到对应数据；选中文字可人工添加数据。",
    "Click a highlight to go to its fact.": "点击高亮文字可跳到对应数据。",
    "Facts": "数据", "select all proposed": "选中全部待审核", "Accept selected": "接受所选", "Reject selected": "驳回所选",
    "Save decisions": "保存处理结果", "show in text": "在正文中显示", "history": "修改记录",
    "The extractor found no facts in this article. Select words in the text to add one by hand.":
        "提取器没有在本文中找到数据。可在正文中选中文字人工添加。",
    "Add a fact by hand": "人工添加数据",
    "Select the words that state the figure in the text on the left, then describe it here.":
        "先在左侧正文中选中陈述该数据的文字，再在这里填写。",
    "Nothing selected yet.": "尚未选中文字。", "Add fact": "添加数据", "New program": "新建项目", "Create program": "创建项目",
    "Choose the program to keep. The others are deleted; their names become its aliases, and their facts and mentions move to it.":
        "请选择要保留的项目。其余项目将被删除，其名称成为保留项目的别名，其数据和提及记录转到保留项目下。",
    "Merge": "合并", "Cancel": "取消", "public page": "公开页面", "all facts decided": "数据均已处理", "year": "年份",
}
