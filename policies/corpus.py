"""Synthetic articles for filling the knowledge base to a country's size.

Plain Python with no Django import (like the extractor): `generate(n, seed)`
yields `GeneratedArticle`s, each a text in the seeds' sentence patterns
together with the facts it was written to state (its "plan"). The text goes
through `import_articles` like any announcement; the plan is what
`generate_corpus --load` writes straight into the database without running
the extractor, for benchmarks.

What makes it look like the real thing:
* districts from the gazetteer, skewed toward big districts: a Zipf weight
  (rank ** -ZIPF_EXPONENT) over a fixed ranking whose head is the seeds'
  districts and other big urban districts, so 丰台 (110106) is large;
* years 2015–2026, dates written in the several ways sites write them;
* programs named after their district (“{short name}英才”, “…人才卡” …),
  drawn from a per-district pool so that they recur across articles;
* every incentive kind and unit, metrics reported (with the year) and set as
  goals (到2028年), in sentences the extractor is known to read
  (seeds/*.txt, tests/extraction/corpus/*.txt), with other numbers.

Article i depends only on (seed, i), so a corpus can be written or loaded in
parts and the same seed always gives the same texts.
"""
from __future__ import annotations

import bisect
import hashlib
import random
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

from districts.gazetteer import counties

YEARS = range(2015, 2027)
ZIPF_EXPONENT = 0.9
PROGRAM_SKEW = 0.5  # Pareto shape of the pick within a district's pool (~30,000 programs at 150,000 articles)
# The head of the ranking: the seeds' and the extraction corpus's districts
# and other large urban districts, so that the benchmark's "big districts"
# are the ones people look at.
BIG_DISTRICTS = [
    "110106", "110105", "110108", "120103", "440305", "330106", "510107", "350605",
    "310115", "440106", "320583", "420111", "610113", "500112", "440304", "330110",
]
PROGRAM_SUFFIXES = [
    "英才", "人才卡", "学子回家", "人才驿站", "青年人才计划", "菁英计划", "人才安居工程", "领军人才计划",
    "引才计划", "人才服务月", "乡土人才计划", "工匠计划", "人才港", "揽才行动", "名师计划", "人才社区",
]


@dataclass
class PlannedProgram:
    name: str
    start: int
    end: int


@dataclass
class PlannedIncentive:
    kind: str
    value: float
    unit: str
    qualifier: str
    measure: str
    label: str
    start: int
    end: int
    program: str | None


@dataclass
class PlannedMetric:
    label: str
    value: float
    unit: str
    qualifier: str
    measure: str
    period: str
    target: bool
    start: int
    end: int


@dataclass
class GeneratedArticle:
    number: int
    adcode: str
    title: str
    publisher: str
    published: str  # ISO date
    text: str
    programs: list[PlannedProgram] = field(default_factory=list)
    incentives: list[PlannedIncentive] = field(default_factory=list)
    metrics: list[PlannedMetric] = field(default_factory=list)

    @property
    def filename(self) -> str:
        digest = hashlib.sha1(self.text.encode("utf-8")).hexdigest()[:12]
        return f"{self.number:07d}_{self.adcode}_{digest}.txt"

    @property
    def year(self) -> int:
        return int(self.published[:4])


class _Text:
    """Builds a text piece by piece and remembers where marked figures are."""

    def __init__(self):
        self.parts: list[str] = []
        self.length = 0

    def add(self, piece: str) -> None:
        self.parts.append(piece)
        self.length += len(piece)

    def mark(self, piece: str) -> tuple[int, int]:
        start = self.length
        self.add(piece)
        return start, self.length

    def add_template(self, template: str, **values) -> tuple[int, int] | None:
        """`template` with one [marked] part: the span of the marked part."""
        before, _, rest = template.partition("[")
        marked, _, after = rest.partition("]")
        self.add(before.format(**values))
        span = self.mark(marked.format(**values)) if marked else None
        self.add(after.format(**values))
        return span

    def __str__(self):
        return "".join(self.parts)


# ---- numbers as Chinese announcements write them ----------------------------

def _wan(rng, low, high) -> tuple[float, str]:
    """An amount of 万元 (10,000 yuan): (value in yuan, '50万元')."""
    n = rng.randint(low, high)
    return n * 10_000, f"{n}万元"


def _int(rng, low, high) -> tuple[float, str]:
    n = rng.randint(low, high)
    return n, str(n)


def _yi(rng, low, high) -> tuple[float, str]:
    """An amount of 亿元 (100 million yuan) with one decimal: (2.35e9, '23.5')."""
    v = round(rng.uniform(low, high), 1)
    return v * 100_000_000, f"{v:g}"


def _pct(rng, low, high) -> tuple[float, str]:
    """A percentage with one decimal: (6.2, '6.2')."""
    v = round(rng.uniform(low, high), 1)
    return v, f"{v:g}"


def _people(rng, low, high) -> tuple[float, str]:
    """A head count, written in 万 above 10,000 as the press does: (125000, '12.5万')."""
    n = rng.randint(low, high)
    if n >= 10_000:
        v = round(n / 10_000, 1)
        return v * 10_000, f"{v:g}万"
    return n, str(n)


# ---- incentives: (kind, unit, qualifier, measure, label, template, number) ---
# Each template states one offer; the [marked] part is the figure's quote.

def _incentives(rng, name: str, short: str):
    n = rng.randint
    options = [
        ("apartment", "count", "gt", "套", "人才公寓",
         "陆续统筹投放[超{v}套人才公寓]，用于定向配租。", n(50, 3000)),
        ("apartment", "count", "eq", "张", "床位",
         "在全区新建人才驿站，[可提供免费床位{v}张]。", n(20, 600)),
        ("workstation", "count", "gt", "个", "免租减租工位",
         "聚焦打造一批“青创苗圃”，{name}将提供[{v}余个免租减租工位]。", n(30, 800)),
        ("office_space", "m2", "gt", "", "优惠办公空间",
         "为初创团队提供[超{v}平方米优惠办公空间]。", n(10, 400) * 100),
        ("office_space", "m2", "le", "", "办公场地",
         "对入驻创业园的团队给予办公场地支持，[面积最大可达{v}平方米]。", n(5, 60) * 10),
        ("fund", "CNY", "eq", "", "专项资金",
         "区财政每年安排[人才发展专项资金{v}]，支持企业建设研发平台。", _wan(rng, 100, 20000)),
        ("fund", "CNY", "eq", "", "人才发展基金",
         "设立规模[{v}亿元的人才发展基金]。", n(1, 50)),
        ("subsidy", "CNY", "eq", "", "生活补贴",
         "对新引进的全日制博士研究生，给予每人每月[{v}元生活补贴]。", n(8, 60) * 100),
        ("subsidy", "CNY", "le", "", "购房补贴",
         "对引进的顶尖人才给予[最高{v}购房补贴]。", _wan(rng, 10, 500)),
        ("subsidy", "CNY", "eq", "", "奖励",
         "对新认定的省级工程技术研究中心[一次性奖励{v}]。", _wan(rng, 5, 100)),
        ("subsidy", "percent", "eq", "", "贴息",
         "对符合条件的人才创业贷款，按贷款利率的[{v}%给予贴息]。", n(2, 10) * 10),
        ("rent_free_period", "day", "eq", "", "免费入住",
         "来{short}求职的全国高校应届毕业生，可在人才驿站[免费入住{v}天]。", n(3, 30)),
        ("rent_free_period", "month", "eq", "", "免租",
         "对入驻孵化器的项目，给予免租[{v}个月的办公场地支持]。", n(3, 24)),
        ("rent_free_period", "year", "le", "", "减租期",
         "入驻企业免租、[减租期最长可达{v}年]。", n(1, 5)),
        ("jobs", "count", "gt", "个", "实践就业岗位",
         "{name}将发布[超{v}个实践就业岗位]。", n(100, 9000)),
        ("jobs", "count", "eq", "个", "见习岗位",
         "[提供青年人才见习岗位{v}个]。", n(50, 2000)),
        ("service_org", "count", "eq", "家", "创业服务机构",
         "联合[{v}家创业服务机构]，配套创业培训、投融资对接等全链条服务。", n(3, 80)),
        ("other", "percent", "le", "", "租金减免",
         "入住人才公寓的，[租金最高减免{v}%]。", n(2, 9) * 10),
        ("other", "count", "eq", "项", "绿色通道服务",
         "持卡人才可享受[{v}项绿色通道服务]。", n(5, 40)),
    ]
    for kind, unit, qualifier, measure, label, template, number in options:
        if isinstance(number, tuple):
            value, written = number
        elif template.find("亿元") > 0:
            value, written = number * 100_000_000, str(number)
        else:
            value, written = number, str(number)
        yield kind, unit, qualifier, measure, label, template, value, written


# ---- metrics: (label, unit, qualifier, measure, fragment, number) ------------

def _reported(rng):
    n = rng.randint
    return [
        ("地区生产总值同比增长", "percent", "eq", "", "[地区生产总值同比增长{v}%]", _pct(rng, 1, 12)),
        ("高新技术企业数量", "count", "eq", "家", "[高新技术企业达{v}家]", _int(rng, 20, 6000)),
        ("人才总量", "count", "eq", "人", "[人才总量达到{v}人]", _people(rng, 5_000, 900_000)),
        ("新增人才数量", "count", "eq", "人", "[全区新增各类人才{v}人]", _people(rng, 500, 90_000)),
        ("高层次人才数量", "count", "eq", "人", "[全区高层次人才达到{v}人]", _int(rng, 20, 9000)),
        ("技能人才数量", "count", "gt", "人", "[技能人才达{v}人以上]", _int(rng, 100, 9900)),
        ("新增博士后科研工作站数量", "count", "eq", "家", "[新增博士后科研工作站{v}家]", _int(rng, 1, 30)),
        ("发放人才卡数量", "count", "eq", "张", "[发放人才卡{v}张]", _int(rng, 50, 5000)),
        ("引进急需紧缺人才数量", "count", "eq", "名", "[引进急需紧缺人才{v}名]", _int(rng, 10, 3000)),
        ("常住人口", "count", "eq", "人", "[常住人口达{v}人]", _people(rng, 50_000, 3_000_000)),
        ("规模以上工业增加值同比增长", "percent", "eq", "", "[规模以上工业增加值同比增长{v}%]", _pct(rng, 1, 15)),
        ("一般公共预算收入", "CNY", "eq", "", "[一般公共预算收入{v}亿元]", _yi(rng, 2, 400)),
        ("固定资产投资同比增长", "percent", "eq", "", "[固定资产投资同比增长{v}%]", _pct(rng, 1, 25)),
        ("居民人均可支配收入", "CNY", "eq", "", "[全区居民人均可支配收入{v}元]", _int(rng, 15_000, 95_000)),
    ]


def _goals(rng):
    n = rng.randint
    return [
        ("人才总量", "count", "eq", "人", "[全区人才资源总量达到{v}人]", _people(rng, 10_000, 1_500_000)),
        ("高层次人才数量", "count", "gt", "人", "[高层次人才突破{v}人]", _int(rng, 100, 9000)),
        ("专业技术人才总量", "count", "eq", "人", "[全区专业技术人才总量达到{v}人]", _people(rng, 10_000, 500_000)),
    ]


FILLER = [
    "人才是发展的第一资源，{name}坚持把人才工作摆在突出位置。",
    "下一步，{name}将持续优化人才发展生态，营造近悦远来的良好氛围。",
    "据介绍，新政策贯穿人才引进、培养、使用、激励、服务全过程。",
    "有关负责人表示，将以更大力度集聚各类优秀人才，为高质量发展注入新动能。",
    "{short}将深化校地合作，推动科技成果加速转化。",
    "活动现场，多家重点企业与高校签订了人才合作协议。",
]


@lru_cache(maxsize=1)
def _ranking():
    """(counties in rank order, cumulative Zipf weights)."""
    by_code = {c.adcode: c for c in counties()}
    head = [by_code[a] for a in BIG_DISTRICTS if a in by_code]
    rest = [c for c in counties() if c.adcode not in set(BIG_DISTRICTS)]
    # Urban districts (市辖区 are 区) before counties, each group in a fixed shuffle.
    random.Random("talentkb-ranking").shuffle(rest)
    rest.sort(key=lambda c: 0 if c.level == "区" else 1)
    ranked = head + rest
    weights = [(rank + 1) ** -ZIPF_EXPONENT for rank in range(len(ranked))]
    return ranked, list(accumulate(weights))


def pick_district(rng):
    ranked, cumulative = _ranking()
    return ranked[bisect.bisect(cumulative, rng.random() * cumulative[-1])]


# A full district name before a facility noun (滑县人才驿站) names a place, not a
# program, by the annotation rules the extractor follows: districts whose short
# name is their full name (one-character stems) do without these.
FACILITY_SUFFIXES = {"人才驿站", "人才社区"}


def program_names(county) -> list[str]:
    """The district's pool of program names, the most used first."""
    suffixes = PROGRAM_SUFFIXES
    if county.short_name == county.name:
        suffixes = [s for s in PROGRAM_SUFFIXES if s not in FACILITY_SUFFIXES]
    return [county.short_name + suffix for suffix in suffixes]


def _full_name(county) -> str:
    """北京市丰台区, 河南省安阳市滑县: the name with its city, so the extractor places it."""
    if county.city == county.province:
        return county.province + county.name
    if county.name == county.city:
        return county.province + county.name
    return county.city + county.name


def generate_one(seed: int, number: int) -> GeneratedArticle:
    rng = random.Random(f"{seed}:{number}")
    county = pick_district(rng)
    name, short = county.name, county.short_name
    year = rng.choice(YEARS)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    published = f"{year}-{month:02d}-{day:02d}"
    pool = program_names(county)
    # Programs recur: the first few of a district's pool are used most.
    chosen = list(dict.fromkeys(pool[min(int(rng.paretovariate(PROGRAM_SKEW)) - 1, len(pool) - 1)] for _ in range(2)))
    main = chosen[0]

    title = rng.choice([
        f"{name}出台“{main}”实施办法 加快集聚青年人才",
        f"{name}发布“{main}” 多项举措引才聚才",
        f"“{main}”升级 {name}人才新政出炉",
    ])
    publisher = rng.choice([f"{name}人民政府", county.city.removesuffix("市") + "日报", f"{name}融媒体中心"])
    dateline = rng.choice([
        f"发布时间：{published}　来源：{publisher}",
        f"{year}年{month}月{day}日 来源：{publisher}",
        f"时间：{published} 10:{rng.randint(10, 59)}:{rng.randint(10, 59)}   来源：{publisher}",
    ])

    text = _Text()
    article = GeneratedArticle(number, county.adcode, title, publisher, published, "")
    text.add(f"{title}\n{dateline}\n　　近日，{_full_name(county)}印发《{name}")
    span = text.mark(f"“{main}”")
    article.programs.append(PlannedProgram(main, span[0] + 1, span[1] - 1))
    text.add("计划实施办法》，从引进、培养、激励、服务、保障五个方面提出具体措施。")
    fmt = {"name": name, "short": short}

    offers = list(_incentives(rng, name, short))
    rng.shuffle(offers)
    offers = offers[: rng.randint(4, 9)]
    # With a second program, it is named in a paragraph of its own among the offers.
    split = len(offers) if len(chosen) == 1 else rng.randint(2, len(offers) - 1)
    for i, (kind, unit, qualifier, measure, label, template, value, written) in enumerate(offers):
        if i == split:
            text.add(f"\n　　同时，{name}将深入实施")
            span = text.mark(f"“{chosen[1]}”")
            article.programs.append(PlannedProgram(chosen[1], span[0] + 1, span[1] - 1))
            text.add("。")
        elif i % 3 == 0:
            text.add("\n　　")
        start, end = text.add_template(template, v=written, **fmt)
        article.incentives.append(PlannedIncentive(kind, float(value), unit, qualifier, measure, label, start, end, None))
    text.add("\n　　" + rng.choice(FILLER).format(**fmt))

    # Reports: one sentence per year, each a list of figures of that year.
    metrics = _reported(rng)
    rng.shuffle(metrics)
    sentences = rng.randint(2, 4)
    per = [metrics[i::sentences] for i in range(sentences)]
    for back, group in enumerate(per, start=1):
        period = str(year - back)
        text.add(f"\n　　{period}年，{name}")
        for j, (label, unit, qualifier, measure, fragment, (value, written)) in enumerate(group[: rng.randint(3, 5)]):
            if j:
                text.add("，")
            start, end = text.add_template(fragment, v=written)
            article.metrics.append(PlannedMetric(label, float(value), unit, qualifier, measure, period, False, start, end))
        text.add("。")
    goals = _goals(rng)
    rng.shuffle(goals)
    goal_year = str(min(year + rng.randint(2, 5), 2030))
    text.add(f"\n　　到{goal_year}年，")
    for j, (label, unit, qualifier, measure, fragment, (value, written)) in enumerate(goals[:2]):
        if j:
            text.add("，")
        start, end = text.add_template(fragment, v=written)
        article.metrics.append(PlannedMetric(label, float(value), unit, qualifier, measure, goal_year, True, start, end))
    text.add("。\n　　" + rng.choice(FILLER).format(**fmt) + "\n")
    article.text = str(text)
    mentions = [(article.text.find(f"“{main}”"), main)] if main in title else []
    mentions += [(p.start, p.name) for p in article.programs]
    for offer in article.incentives:
        offer.program = _program_of(article.text, offer.start, mentions)
    return article


def _program_of(text: str, at: int, mentions: list[tuple[int, str]]) -> str | None:
    """The program an offer belongs to, as the extractor decides it: one named
    before it in its sentence, else the nearest named within 600 characters."""
    sentence_start = max(text.rfind("。", 0, at), text.rfind("\n", 0, at)) + 1
    before = [(p, n) for p, n in mentions if sentence_start <= p < at]
    if before:
        return max(before)[1]
    near = [(abs(p - at), n) for p, n in mentions if abs(p - at) <= 600]
    return min(near)[1] if near else None


def generate(count: int, seed: int, start: int = 0):
    """Articles start … start+count-1 of the corpus of `seed`, one at a time (memory flat)."""
    for number in range(start, start + count):
        yield generate_one(seed, number)
