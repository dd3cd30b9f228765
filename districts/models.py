"""The gazetteer of county-level divisions, and the metrics each district reports."""
from django.db import models
from django.utils.translation import gettext_lazy as _

from simple_history.models import HistoricalRecords

from policies.models import Fact


class DistrictQuerySet(models.QuerySet):
    def with_articles(self):
        """Districts some article is about."""
        return self.filter(articles__isnull=False).distinct()


class District(models.Model):
    """A county-level division of China (区, 县, 县级市, 旗 …) by its GB/T 2260 code."""

    adcode = models.CharField(_("adcode"), max_length=6, help_text=_("Six-digit GB/T 2260 code."))
    name = models.CharField(_("name"), max_length=50, help_text=_("Full name: 丰台区, 滑县."))
    short_name = models.CharField(_("short name"), max_length=50, help_text=_("Name without 区/县/市: 丰台."))
    level = models.CharField(_("type"), max_length=20, help_text=_("市辖区, 县, 县级市, 旗 …"))
    city = models.CharField(_("city"), max_length=50, help_text=_("The prefecture, or the municipality itself."))
    city_adcode = models.CharField(max_length=6)
    province = models.CharField(_("province"), max_length=50)
    province_adcode = models.CharField(max_length=6)
    pinyin = models.CharField(_("pinyin"), max_length=200, help_text=_("fengtaiqu, for search by pinyin."))
    initials = models.CharField(max_length=60, help_text=_("ftq: pinyin initials, for search."))

    objects = DistrictQuerySet.as_manager()

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["adcode"]
        constraints = [
            models.UniqueConstraint(fields=["adcode"], name="district_unique_adcode"),
            models.CheckConstraint(condition=models.Q(adcode__regex=r"^\d{6}$"), name="district_adcode_six_digits"),
        ]
        indexes = [
            # The district picker looks districts up by name and by pinyin prefix.
            models.Index(fields=["short_name"], name="district_short_name_idx"),
            models.Index(fields=["pinyin"], name="district_pinyin_idx"),
            # The province facet groups districts by province.
            models.Index(fields=["province_adcode"], name="district_province_idx"),
        ]

    def __str__(self):
        if self.city == self.province:
            return f"{self.province}{self.name}"
        return f"{self.province}{self.city}{self.name}"


class Metric(Fact):
    """A figure a district reports or sets as a goal: 高新技术企业数量, GDP growth …"""

    label = models.CharField(_("label"), max_length=100, help_text=_("Short label: 高层次人才数量, 地区生产总值同比增长."))

    history = HistoricalRecords(excluded_fields=["created_at", "updated_at"])

    class Meta(Fact.Meta):
        verbose_name = _("metric")
        verbose_name_plural = _("metrics")
        constraints = Fact.base_constraints("metric")
        indexes = [
            # District pages and the comparison read a district's metrics by label.
            models.Index(fields=["district", "label"], name="metric_district_label_idx"),
            models.Index(fields=["year"], name="metric_year_idx"),
        ]

    def __str__(self):
        return f"{self.label}: {self.quote}"
