"""A small knowledge base built directly, so that page assertions can be exact.

`make_kb` writes three districts' worth of articles and facts (one rejected,
one verified); `make_more(n)` adds n articles with an incentive, a metric and
a program each, for query-count tests that must not depend on the row count.
The fixtures `build`, `kb` and `grow` in tests/conftest.py wrap them.
"""
from __future__ import annotations

from decimal import Decimal


FENGTAI, HEXI, CHAOYANG = "110106", "120103", "110105"

FENGTAI_TEXT = (
    "近日，2024“丰台·学子回家”活动正式启动。\n"
    "丰台区将发布超2000个实践就业岗位；\n"
    "陆续统筹投放超500套人才公寓，用于定向配租，给予7天免租服务；\n"
    "提供300余个免租减租工位，超16000平方米优惠办公空间。"
)
HEXI_TEXT = (
    "河西区以人才引领开创发展新局面。\n"
    "全区累计建设人才公寓120套，设立人才发展资金5000万元。\n"
    "到2025年，高层次人才数量力争达到3000人。"
)
CHAOYANG_TEXT = "朝阳区建设国际人才社区，提供人才公寓800套，高层次人才数量达到1.2万人。"


class Builder:
    def __init__(self):
        from districts.models import District
        from programs.models import TargetGroup

        self.districts = District.objects.in_bulk([FENGTAI, HEXI, CHAOYANG], field_name="adcode")
        self.groups = TargetGroup.objects.in_bulk(field_name="code")
        self.grown = 0

    def article(self, text, adcodes=(), *, title="", published="2024-11-22"):
        from policies.importing import checksum
        from policies.models import Article

        article = Article.objects.create(
            text=text, sha256=checksum(text), title=title, published=published, source_file=f"{title or 'a'}.txt"
        )
        article.districts.add(*(self.districts[a] for a in adcodes))
        return article

    def span(self, article, quote, occurrence=0):
        start = -1
        for _ in range(occurrence + 1):
            start = article.text.index(quote, start + 1)
        return start, start + len(quote)

    def _fact(self, model, article, quote, *, value, unit="count", measure="", qualifier="eq", value_max=None,
              adcode=None, status="proposed", target=False, period="", program=None, **extra):
        start, end = self.span(article, quote)
        district = self.districts[adcode] if adcode else (article.districts.first())
        return model.objects.create(
            article=article, district=district, program=program, value=Decimal(str(value)),
            value_max=None if value_max is None else Decimal(str(value_max)), unit=unit, measure=measure,
            qualifier=qualifier, period=period, target=target, span_start=start, span_end=end, quote=quote,
            status=status, **extra,
        )

    def incentive(self, article, quote, *, kind, groups=(), **kwargs):
        from policies.models import Incentive

        fact = self._fact(Incentive, article, quote, kind=kind, **kwargs)
        fact.groups.add(*(self.groups[g] for g in groups))
        return fact

    def metric(self, article, quote, *, label, **kwargs):
        from policies.models import Metric

        return self._fact(Metric, article, quote, label=label, **kwargs)

    def program(self, name, article, quote, *, adcode, groups=(), status="proposed"):
        from policies.models import Mention
        from programs.models import Program

        program = Program.objects.create(name=name, district=self.districts[adcode], status=status)
        start, end = self.span(article, quote)
        Mention.objects.create(program=program, article=article, span_start=start, span_end=end, quote=quote)
        program.groups.add(*(self.groups[g] for g in groups))
        return program


def make_kb(b: Builder):
    ns = type("KB", (), {})()
    ns.b = b
    ns.fengtai = b.article(FENGTAI_TEXT, [FENGTAI], title="丰台学子回家", published="2024-11-22")
    ns.hexi = b.article(HEXI_TEXT, [HEXI], title="河西区人才", published="2023-05-01")
    ns.chaoyang = b.article(CHAOYANG_TEXT, [CHAOYANG], title="朝阳国际人才社区", published="2022")
    ns.xuezi = b.program("学子回家", ns.fengtai, "丰台·学子回家", adcode=FENGTAI, groups=["graduates"], status="verified")
    f = ns.fengtai
    ns.jobs = b.incentive(f, "超2000个实践就业岗位", kind="jobs", value=2000, measure="个", qualifier="gt",
                          groups=["graduates"], program=ns.xuezi)
    ns.apartments = b.incentive(f, "超500套人才公寓", kind="apartment", value=500, measure="套", qualifier="gt",
                                groups=["graduates", "high_level"], status="verified", program=ns.xuezi)
    ns.rent_free = b.incentive(f, "7天免租", kind="rent_free_period", value=7, unit="day", status="rejected")
    ns.stations = b.incentive(f, "300余个免租减租工位", kind="workstation", value=300, measure="个", qualifier="gt",
                              groups=["entrepreneurs"])
    ns.office = b.incentive(f, "超16000平方米优惠办公空间", kind="office_space", value=16000, unit="m2", qualifier="gt",
                            groups=["entrepreneurs"])
    h = ns.hexi
    ns.hexi_apartments = b.incentive(h, "人才公寓120套", kind="apartment", value=120, measure="套", groups=["high_level"])
    ns.hexi_fund = b.incentive(h, "人才发展资金5000万元", kind="fund", value=50_000_000, unit="CNY", status="verified")
    ns.hexi_goal = b.metric(h, "高层次人才数量力争达到3000人", label="高层次人才数量", value=3000, measure="人",
                            target=True, period="2025")
    c = ns.chaoyang
    ns.chaoyang_apartments = b.incentive(c, "人才公寓800套", kind="apartment", value=800, measure="套")
    ns.chaoyang_talent = b.metric(c, "高层次人才数量达到1.2万人", label="高层次人才数量", value=12000, measure="人")
    return ns


def make_more(build: Builder, n: int):
    first = build.grown
    build.grown += n
    for i in range(first, first + n):
        text = f"第{i}号通知：丰台区“计划{i}”提供人才公寓{i + 1}套，人才数量达到{i + 10}人。"
        article = build.article(text, [FENGTAI], title=f"通知{i}", published=f"20{10 + i % 15}-01-01")
        program = build.program(f"计划{i}", article, f"计划{i}", adcode=FENGTAI, groups=["skilled"])
        build.incentive(article, f"人才公寓{i + 1}套", kind="apartment", value=i + 1, measure="套",
                        groups=["skilled", "graduates"], program=program)
        build.metric(article, f"人才数量达到{i + 10}人", label="人才数量", value=i + 10, measure="人", program=program)


def bulk_offers(n_districts: int, *, seed: int, this_year: int, per_district: int = 4):
    """A generated knowledge base for ranking tests: `n_districts` districts of the gazetteer,
    each with one article and up to `per_district` offers of random kind, year, status,
    value and target groups (some naming none), written with bulk_create: a few queries, not thousands.
    Returns the incentives as plain dicts ({adcode, province, city, kind, year, status, groups, published,
    value, unit})."""
    import random

    from districts.models import District
    from policies.importing import checksum
    from policies.models import Article, Incentive
    from programs.models import TargetGroup

    rng = random.Random(seed)
    districts = list(District.objects.order_by("adcode")[:: max(1, 2849 // n_districts)][:n_districts])
    groups = list(TargetGroup.objects.all())
    kinds = ["apartment", "workstation", "office_space", "fund", "subsidy", "rent_free_period", "jobs", "other"]
    articles = []
    for i, d in enumerate(districts):
        year = this_year - rng.randrange(0, 8)
        text = f"生成的通知{seed}-{i}：{d.name}提供人才公寓{i + 1}套。"
        articles.append(Article(text=text, sha256=checksum(text), title=f"生成{i}", published=f"{year}-0{rng.randrange(1, 10)}-01"))
    articles = Article.objects.bulk_create(articles)
    Article.districts.through.objects.bulk_create(
        [Article.districts.through(article=a, district=d) for a, d in zip(articles, districts)]
    )
    rows, plain = [], []
    for a, d in zip(articles, districts):
        for _ in range(rng.randrange(1, per_district + 1)):
            kind = rng.choice(kinds)
            year = rng.choice([None, int(a.published[:4]), this_year + 1, this_year - rng.randrange(0, 9)])
            status = rng.choice(["proposed", "proposed", "verified", "rejected"])
            chosen = rng.sample(groups, rng.randrange(0, 3))
            value, unit = Decimal(rng.randrange(1, 10**6)), "CNY" if kind in ("fund", "subsidy") else "count"
            rows.append((Incentive(
                article=a, district=d, kind=kind, value=value, unit=unit, measure="" if unit == "CNY" else "套",
                year=year, status=status, span_start=0, span_end=5, quote=a.text[:5],
            ), chosen))
            plain.append({"adcode": d.adcode, "province": d.province_adcode, "city": d.city_adcode, "kind": kind,
                          "year": year, "status": status, "groups": {g.code for g in chosen},
                          "published": a.published, "value": value, "unit": unit})
    created = Incentive.objects.bulk_create([r for r, _g in rows])
    Incentive.groups.through.objects.bulk_create([
        Incentive.groups.through(incentive=row, targetgroup=g) for row, (_r, gs) in zip(created, rows) for g in gs
    ])
    return plain


def admin_form_data(client, url, **changes):
    """The admin's change form at `url` as it is, with `changes`: what an editor's save sends."""
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {k: ("" if v is None else v) for k, v in data.items() if not isinstance(v, (list, bool))}
    data.update(changes)
    return data
