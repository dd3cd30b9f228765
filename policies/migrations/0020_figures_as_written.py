"""Areas written in 亩 or 公顷 and prices written in 折 keep that unit as their measure word.

The extractor stores land in m² and a price in percent, and now keeps the unit
it was written in, so that a page shows 20 亩 and not 13,333.3333 m², 8 折
and not 80%. Facts read before have no measure word: each gets the unit its
own quote writes its figure in, where the figure times that unit is the value
stored. Only the measure word is filled; no value changes.
"""
import re
from decimal import Decimal

from django.db import migrations, models

LAND = {"亩": Decimal(2000) / 3, "公顷": Decimal(10_000)}
# 1.5万亩 is read as the extractor reads it: 1.5万 of 亩
WRITTEN = re.compile(r"(\d+(?:\.\d+)?)(万)?(?:余|多)?(亩|公顷)")


def written_unit(quote: str, value: Decimal) -> str:
    for number, wan, unit in WRITTEN.findall(quote):
        if abs(Decimal(number) * (10_000 if wan else 1) * LAND[unit] - value) < Decimal("0.01"):
            return unit
    return ""


# 8折, 九折: a price as a share of ten
PRICE = re.compile(r"(\d+(?:\.\d+)?|[一二三四五六七八九])折")
DIGITS = {c: str(i) for i, c in enumerate("一二三四五六七八九", start=1)}


def price_unit(quote: str, value: Decimal) -> str:
    for number in PRICE.findall(quote):
        if Decimal(DIGITS.get(number, number)) * 10 == value:
            return "折"
    return ""


def fill(apps, schema_editor):
    for name in ("Incentive", "Metric"):
        model = apps.get_model("policies", name)
        for unit, read in (("m2", written_unit), ("percent", price_unit)):
            for fact in model.objects.filter(unit=unit, measure="").only("id", "quote", "value").iterator():
                measure = read(fact.quote, fact.value)
                if measure:
                    model.objects.filter(pk=fact.pk).update(measure=measure)


def measure_field():
    return models.CharField(
        blank=True, max_length=10, verbose_name="measure word",
        help_text="套, 个, 家, 人 … for counts; as written, 亩 or 公顷 for land (the value in m²) and 折 for a price (the value in percent).")


class Migration(migrations.Migration):
    dependencies = [("policies", "0019_constraint_messages")]
    operations = [
        *(migrations.AlterField(model_name=name, name="measure", field=measure_field())
          for name in ("incentive", "metric", "historicalincentive", "historicalmetric")),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
