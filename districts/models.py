"""The gazetteer of county-level divisions: every district an article can be about."""
from django.db import models
from django.utils.translation import get_language, gettext_lazy as _


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
    # English names, stored when the gazetteer is loaded (districts.english)
    # rather than worked out from pinyin on every request.
    name_en = models.CharField(_("English name"), max_length=120, blank=True, help_text=_("Fengtai District."))
    city_en = models.CharField(_("English city name"), max_length=120, blank=True, help_text=_("Changchun."))
    province_en = models.CharField(_("English province name"), max_length=60, blank=True, help_text=_("Beijing."))
    # Where the map draws the district: its centre, or its prefecture's where
    # the gazetteer has none for it (districts.gazetteer.coordinates).
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)

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

    # The names in the reader's language: English (pinyin) in English, Chinese otherwise.
    @property
    def display_name(self) -> str:
        return self.name_en if _english() and self.name_en else self.name

    @property
    def display_city(self) -> str:
        return self.city_en if _english() and self.city_en else self.city

    @property
    def display_province(self) -> str:
        return self.province_en if _english() and self.province_en else self.province

    @property
    def display_region(self) -> str:
        """Where it lies, in the reader's language: 漳州市 · 福建省; a municipality once (天津市, not 天津市 · 天津市)."""
        return " · ".join(dict.fromkeys(p for p in (self.display_city, self.display_province) if p))

    @property
    def label(self) -> str:
        """北京市丰台区 in Chinese; "Fengtai District, Beijing" or "Chaoyang District, Changchun, Jilin" in English."""
        if not (_english() and self.name_en):
            return str(self)
        parts = [self.name_en, self.city_en, self.province_en]
        return ", ".join(dict.fromkeys(p for p in parts if p))


def _english() -> bool:
    return not (get_language() or "zh").startswith("zh")
