"""How much the extractor's score on the development split moves when the
texts carry the noise of real web pages: hard-wrapped lines, a page printed
twice, quotation marks as corner brackets or straight quotes, counts in
Chinese numerals, amounts in 万 or 亿 without 元, 扶持 for 资助, 补贴资金 for 补贴, 提供 or 发放 for 给予, 元每年 for 元/年, a caption,
a province's figures (该省…), a navigation trail, a 相关阅读 list of other titles, the title
given again (原标题：), blanks around every number and a byline. Only development files
(R number not divisible by 3) are read; half A is R mod 6 in 1-2, half B 4-5.

    .venv/bin/python scripts/extraction_noise.py [../shared] [NOISE ...]

prints, for each noise and half, gold/predicted/hit per category and the
overall line of ../shared/eval/score.py.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from policies.extraction.score_seeds import export_files  # noqa: E402


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


NOISE = {
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
    "province": lambda t: _insert(t, 2, "去年，该省共引进高层次人才1.2万名，发放人才补贴8.6亿元。"),
    "origtitle": lambda t: "原标题：" + t.split("\n")[0] + "\n" + t,
    "byline": lambda t: _insert(t, 1, "发布时间：2023-05-12 09:30  来源：组织部  作者：王明  浏览次数：1253"),
}


def score(shared: Path, noise: str, half: str) -> str:
    gold = [g for g in sorted((ROOT / "tests/extraction/real_gold").glob("R*.json"))
            if int(g.stem[1:]) % 6 in ((1, 2) if half == "A" else (4, 5))]
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        for g in gold:
            (d / "gold").mkdir(exist_ok=True)
            (d / "gold" / g.name).write_text(g.read_text(encoding="utf-8"), encoding="utf-8")
            text = (shared / "corpus/real" / f"{g.stem}.txt").read_text(encoding="utf-8")
            (d / f"{g.stem}.txt").write_text(NOISE[noise](text), encoding="utf-8")
        (d / "kb.json").write_text(json.dumps(export_files(sorted(d.glob("*.txt"))), ensure_ascii=False))
        out = subprocess.run([sys.executable, str(shared / "eval/score.py"), str(d / "kb.json"), str(d / "gold")],
                             capture_output=True, text=True, check=True).stdout.splitlines()
    rows = {line.split()[0]: line.split() for line in out if line and not line.startswith(" ")}
    cats = "  ".join(f"{k[:4]} {'/'.join(rows[k][1:4])}" for k in ("districts", "programs", "incentives", "metrics"))
    return f"{noise:8}{half}  {cats}  {out[-1]}"


def main(argv: list[str]) -> None:
    shared = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared"
    for noise in argv[2:] or list(NOISE):
        for half in "AB":
            print(score(shared, noise, half))


if __name__ == "__main__":
    main(sys.argv)
