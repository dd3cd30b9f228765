"""Page noise for tests: what a real web page brings around an article's text.

`add_noise(text, seed)` returns the text as a scraped page might give it,
deterministically for a seed: a breadcrumb and a page header (source,
author, editor, date and a view counter), image captions, a share bar,
上一篇/下一篇 and a list under 相关阅读 with other posts' titles that hold
figures, a site footer
(copyright, ICP record number, organiser, telephone), a paragraph repeated by
a mirror site, the title given again (原标题：…), a page summary and a teaser cut mid-sentence, some digits
full-width and stray blanks inside large numbers.

The article's own words are never changed except digits to their full-width
forms and a blank between thousands (1200 -> 1 200), so every fact of the
clean text is still in the noisy one, and no noise line states a fact of the
article.

    python -m tests.extraction.noise SEED IN_DIR OUT_DIR   # write noisy copies of *.txt
"""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

OUTLETS = ["人民日报", "新华网", "光明日报", "经济日报", "中国组织人事报", "晨报", "都市快报", "融媒体中心"]
NAMES = ["王晓明", "李娜", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "周婷"]
SECTIONS = ["新闻中心", "区县动态", "人才工作", "政务公开", "图片新闻", "工作动态", "要闻"]
OTHER_TITLES = [
    "第3届创新创业大赛启动 总奖金300万元",
    "全市新增高新技术企业128家",
    "2023年一季度GDP同比增长6.5%",
    "18个重点项目集中开工 总投资56亿元",
    "暑期安全教育走进12所学校",
    "今年已发放消费券2000万元",
    "春季招聘会提供岗位4500个",
]
CAPTIONS = [
    "图为人才公寓外景。",
    "图为活动现场。（图片来源：{outlet}）",
    "（摄影：{name}）",
    "图为签约仪式现场。记者 {name} 摄",
    "（图片来源：网络）",
]


_DATE = re.compile(r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


def _date(text: str, rng: random.Random) -> str:
    """The page's date: the article's own (its first date near the top), else none,
    since a date the article does not state would change what 今年 means."""
    m = _DATE.search("\n".join(text.splitlines()[:12]))
    if not m:
        return ""
    y, mo, d = m.groups()
    return f"{y}-{int(mo):02d}-{int(d):02d} {rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}　"


def _header(text: str, rng: random.Random) -> list[str]:
    outlet, name, editor = rng.choice(OUTLETS), rng.choice(NAMES), rng.choice(NAMES)
    return [
        f"首页 > {rng.choice(SECTIONS)} > {rng.choice(SECTIONS)}",
        rng.choice([f"来源：{outlet}　作者：{name}　编辑：{editor}", f"作者：{name} 责任编辑：{editor}"]),
        f"{_date(text, rng)}浏览次数：{rng.randint(100, 99999)}",
        rng.choice(["【字体：大 中 小】", "【打印】【关闭】", "字号：大 中 小"]),
    ]


def _related(rng: random.Random) -> list[str]:
    """A list of other posts under its heading, one title a line, some with a date."""
    heading = rng.choice(["相关阅读", "【相关新闻】", "推荐阅读：", "猜你喜欢"])
    return [heading] + [rng.choice(["", "· ", "• "]) + t + rng.choice(["", f"  2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"])
                        for t in rng.sample(OTHER_TITLES, 3)]


def _footer(rng: random.Random) -> list[str]:
    titles = rng.sample(OTHER_TITLES, 2)
    n = rng.randint(10000000, 99999999)
    return [
        rng.choice(["分享到：微信 微博 QQ空间", "分享：", "【分享到】 微信 朋友圈 微博"]),
        f"上一篇：{titles[0]}",
        f"下一篇：{titles[1]}",
        f"责任编辑：{rng.choice(NAMES)}",
        f"版权所有 © 2024 {rng.choice(OUTLETS)} 备案号：京ICP备{n}号-{rng.randint(1, 9)}",
        f"主办单位：{rng.choice(OUTLETS)}  联系电话：0{rng.randint(10, 999)}-{rng.randint(10000000, 99999999)}",
        f"京公网安备 {rng.randint(10**13, 10**14 - 1)}号  网站标识码：{rng.randint(10**9, 10**10 - 1)}",
    ]


_FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def _digits(line: str, rng: random.Random) -> str:
    """Some numbers full-width, some thousands split by a blank."""
    def one(m: re.Match) -> str:
        s = m.group()
        r = rng.random()
        if r < 0.25:
            return s.translate(_FULL)
        if r < 0.4 and len(s) == 4 and not s.startswith(("19", "20")):
            return s[0] + rng.choice([" ", "\u2009", "\u00a0"]) + s[1:]
        return s
    return re.sub(r"(?<![\d.])\d+(?![\d.])", one, line)


def _paragraphs(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if len(ln.strip()) >= 30 and ln.strip()[-1] in "。！？；”"]


def add_noise(text: str, seed: int) -> str:
    """The text as a page around it; the same text and seed give the same page."""
    rng = random.Random(seed)
    body = _paragraphs(text)
    out: list[str] = []
    after: dict[str, int] = {}  # a clean line -> where its noisy copy ends in out
    for clean in text.splitlines():
        ln = _digits(clean, rng)
        out.append(ln)
        after.setdefault(clean, len(out))
        if ln.strip() and ln.strip()[-1] in "。！？" and rng.random() < 0.15:
            out.append(rng.choice(CAPTIONS).format(outlet=rng.choice(OUTLETS), name=rng.choice(NAMES)))
    head = _header(text, rng)
    title = text.splitlines()[0].strip() if text.strip() else ""
    if 8 <= len(title) <= 40 and rng.random() < 0.5:
        head.append(f"原标题：{title}")  # a mirror site gives the title again
    if body:
        first = body[0].strip()
        head.append("摘要：" + first[: rng.randint(12, min(40, len(first) - 2))] + rng.choice(["…", "...", "……"]))
        rep = rng.choice(body)  # a mirror site repeats a paragraph, next to it or at the end
        at = after[rep] if rng.random() < 0.5 else len(out)
        out.insert(at, rep)
    tail = _footer(rng)
    if body:
        cut = rng.choice(body).strip()
        tail.insert(0, cut[: rng.randint(8, max(9, len(cut) // 2))])  # a teaser cut mid-sentence
    rng.shuffle(tail)
    return "\n".join(head + out + _related(rng) + tail) + "\n"


def main(argv: list[str]) -> None:
    seed, src, dst = int(argv[0]), Path(argv[1]), Path(argv[2])
    dst.mkdir(parents=True, exist_ok=True)
    for f in sorted(src.glob("*.txt")):
        (dst / f.name).write_text(add_noise(f.read_text(encoding="utf-8"), seed), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
