"""The gazetteer of county-level divisions: every district an article can be about."""
from django.db import models
from django.utils.translation import gettext_lazy as _


class DistrictQuerySet(models.QuerySet):
    def with_articles(self):
        """Districts some article is about (policies.Article.districts points here)."""
        return self.filter(articles__isnull=False).distinct()

    def get_by_natural_key(self, adcode):
        return self.get(adcode=adcode)


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

    def natural_key(self):
        """A backup names a district by its code (policies.backup), not by its row id."""
        return (self.adcode,)

    def __str__(self):
        if self.city == self.province:
            return f"{self.province}{self.name}"
        return f"{self.province}{self.city}{self.name}"
