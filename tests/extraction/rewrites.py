"""The same article as other pages give it: rewritten one way at a time, its facts kept.

Real pages word and set the same facts in other ways than the texts the
extractor was developed on: other synonyms (扶持 for 资助, 发放 for 给予),
amounts without 元, blanks around every number, lines hard-wrapped, a page
printed twice, a 相关阅读 list of other posts, 原标题：, a province's figures
beside the district's (docs/extraction.md, x8 and x9); ASCII punctuation as
mirror sites print it, thousands written with commas (12,000), sentences run
on with semicolons, every sentence on its own line, the whole page on one,
the county said as 我区/我县 or by its short name (x10). `REWRITES` maps a name
to a function of the text; scripts/extraction_noise.py scores each on the
development split, tests/extraction/test_extract_rewrites.py checks that those
the extractor reads alike give the same facts.
"""
from __future__ import annotations

import re


def _wrap(t: str, width: int = 38) -> str:
    return "\n".join("\n".join(line[i:i + width] for i in range(0, len(line), width)) if line else line
                     for line in t.split("\n"))


def _insert(t: str, at: int, line: str) -> str:
    lines = t.split("\n")
    lines.insert(min(at, len(lines)), line)
    return "\n".join(lines)


_DIGITS = "零一二三四五六七八九"
_COUNTED = re.compile(r"(?<![\d.年月日第\-/:])([1-9]\d?)(?=[个名家人套项所位次条批场间处栋座])")


def _chinese(n: int) -> str:
    tens, ones = divmod(n, 10)
    head = "" if not tens else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones or not tens else "")


def _chinese_numerals(t: str) -> str:
    """Counts below 100 in Chinese numerals, as many pages write them (博士3人 -> 博士三人)."""
    return _COUNTED.sub(lambda m: _chinese(int(m.group(1))), t)


def _own_place(t: str):
    """The Place of the article's district, or None (none, or several)."""
    from policies.extraction import extract
    from policies.extraction.places import place

    x = extract(t)
    return place(x.districts[0]) if len(x.districts) == 1 else None  # an article of one district speaks for it


def _own_name(t: str):
    """The full and short name of the article's district, or None (none, or several)."""
    from policies.extraction.places import _short_name

    p = _own_place(t)
    return (p.name, _short_name(p.name)) if p else None


def _after_first(t: str, name: str, by: str) -> str:
    """Every mention of name that opens a clause after the first mention, said as `by`
    (not in a list of districts, nor after its city's name)."""
    i = t.find(name)
    if i < 0:
        return t
    rest = re.sub(rf"(?<=[，。；！？：,;!?:\n]){re.escape(name)}(?![、和与及])", by, t[i + len(name):])
    return t[: i + len(name)] + rest


def _self_named(t: str) -> str:
    """The district named in full once, then as 我区/我县 (a government release's own voice)."""
    own = _own_name(t)
    return _after_first(t, own[0], "我" + own[0][-1]) if own and own[0][-1] in "区县旗" else t


def _short_named(t: str) -> str:
    """The district named in full once, then by its short name (长兴县 … 长兴)."""
    own = _own_name(t)
    return _after_first(t, own[0], own[1]) if own and own[1] != own[0] else t


def _hundreds(n: int) -> str:
    """100-9999 in Chinese numerals (1200 -> 一千二百, 305 -> 三百零五)."""
    out, zero = "", False
    for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, value)
        if d:
            out += ("零" if zero else "") + _DIGITS[d] + name
            zero = False
        elif out:
            zero = True
    return out


_HUNDREDS = re.compile(r"(?<![\d.年月日第\-/:、—~至到])([1-9]\d{2,3})(?![\d.年])(?=[个名家人套项所位次条批场间处栋座万])")


def _percent_in_words(m: re.Match) -> str:
    whole, tenths = m.group(1), m.group(2)
    return "百分之" + _chinese(int(whole)) + ("点" + "".join(_DIGITS[int(d)] for d in tenths) if tenths else "")


def _percents_in_words(t: str) -> str:
    """Percentages below 100 in words, as formal documents write them (50% -> 百分之五十)."""
    return re.sub(r"(?<![\d.])([1-9]\d?)(?:\.(\d))?%", _percent_in_words, t)


def _city_named(t: str) -> str:
    """The county named with its city the first time (湖州市安吉县), as many reports do."""
    p = _own_place(t)
    i = t.find(p.name) if p else -1
    if i < 0 or not p.city or p.city == p.name or t[max(0, i - len(p.city)):i] == p.city:
        return t
    return t[:i] + p.city + t[i:]


REWRITES = {
    "none": lambda t: t,
    "wrap": _wrap,
    "twice": lambda t: t + "\n\n" + t,
    "caption": lambda t: _insert(t, 3, "图为活动现场。 摄影 李华"),
    "nav": lambda t: "首页 > 新闻中心 > 工作动态\n" + t + "\n上一篇：关于做好人才工作的通知\n【打印本页】【关闭窗口】",
    "corner": lambda t: t.replace("“", "「").replace("”", "」"),
    "straight": lambda t: t.replace("“", '"').replace("”", '"'),
    "cnnum": _chinese_numerals,
    "wan": lambda t: t.replace("万元", "万"),
    "yi": lambda t: t.replace("亿元", "亿"),
    "support": lambda t: t.replace("资助", "扶持"),
    "provide": lambda t: t.replace("给予", "提供"),
    "grantmoney": lambda t: t.replace("补贴", "补贴资金"),
    "payout": lambda t: t.replace("给予", "发放"),
    "peryear": lambda t: t.replace("元/年", "元每年"),
    "related": lambda t: t + "\n\n相关阅读\n白云区力争2023年建成人才公寓700套\n淄博首批10家“青年驿站”正式启用  2023-05-12",
    "spaces": lambda t: re.sub(r"(\d+(?:\.\d+)?)", r" \1 ", t),
    "province": lambda t: _insert(t, 2, "去年，该省共引进高层次人才1.37万名，发放人才补贴8.63亿元。"),
    "origtitle": lambda t: "原标题：" + t.split("\n")[0] + "\n" + t,
    "byline": lambda t: _insert(t, 1, "发布时间：2023-05-12 09:30  来源：组织部  作者：王明  浏览次数：1253"),
    "ascii": lambda t: t.translate(str.maketrans("，；：（）！？", ",;:()!?")),
    "thousands": lambda t: re.sub(r"(?<![\d.])(\d{1,3})(\d{3})(?![\d年])", r"\1,\2", t),
    "semicolons": lambda t: re.sub(r"。(?=[^\n])", "；", t),
    "oneline": lambda t: re.sub(r"\s*\n\s*", "", t),
    "yuyi": lambda t: t.replace("给予", "予以"),
    "pingmi": lambda t: t.replace("平方米", "平米"),
    "gongji": lambda t: t.replace("累计", "共计"),
    "meiming": lambda t: t.replace("每人", "每名"),
    "shixian": lambda t: t.replace("达到", "实现"),
    "wuchang": lambda t: t.replace("免费", "无偿"),
    "peibei": lambda t: t.replace("提供", "配备"),
    "zhufang": lambda t: t.replace("人才公寓", "人才住房"),
    "anpai": lambda t: t.replace("提供", "安排"),
    "huode": lambda t: t.replace("享受", "获得"),
    "budiyu": lambda t: t.replace("不少于", "不低于"),
    "bugaoyu": lambda t: t.replace("不超过", "不高于"),
    "jiyishang": lambda t: re.sub(r"(?<!及)以上", "及以上", t),
    "yu": lambda t: re.sub(r"(?<!不)超过", "逾", t),
    "jiangjin": lambda t: re.sub(r"(?<![将接])近(?=\d)", "将近", t),
    "jiezhi": lambda t: t.replace("截至", "截止"),
    "shangsheng": lambda t: t.replace("增长", "上升"),
    "dangqian": lambda t: t.replace("目前", "当前"),
    "changsuo": lambda t: t.replace("办公场地", "办公场所").replace("创业场地", "创业场所"),
    "anjiafei": lambda t: t.replace("安家补贴", "安家费"),
    "jintie": lambda t: t.replace("生活补贴", "生活津贴"),
    "zulin": lambda t: t.replace("租房补贴", "租赁补贴"),
    "gongwei": lambda t: t.replace("工位", "办公工位"),
    "wanming": lambda t: re.sub(r"万人(?![次才])", "万名", t),
    "bizhong": lambda t: t.replace("占比", "比重"),
    "pctwords": _percents_in_words,
    "city": _city_named,
    "barewan": lambda t: re.sub(r"(\d)万(?:人|名)(?=[，。；,;])", r"\1万", t),
    "cnhundreds": lambda t: _HUNDREDS.sub(lambda m: _hundreds(int(m.group(1))), t),
    "cnwan": lambda t: re.sub(r"(?<![\d.、—\-~至到])([1-9]\d?)万元", lambda m: _chinese(int(m.group(1))) + "万元", t),
    "sentlines": lambda t: re.sub(r"。(?=[^\n])", "。\n", t),
    "self": _self_named,
    "short": _short_named,
}
