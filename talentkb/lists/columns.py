"""The columns of the research lists' tables, and what sorts each (`Column.order_by`, ascending).

Names sort by pinyin (District.pinyin, Program.pinyin), provinces in the
gazetteer's order (their codes), vocabularies in their declared order.
Every list ends its ordering with the primary key (listing.ListSpec.ordering).
"""
from django.utils.translation import gettext_lazy as _

from policies.choices import IncentiveKind
from programs.choices import Status

from .listing import Column, choice_order


def district_columns(path: str) -> dict[str, Column]:
    return {
        "district": Column(_("district"), (f"{path}__pinyin", f"{path}__adcode")),
        "province": Column(_("province"), (f"{path}__province_adcode",)),
    }


def fact_columns(what: dict[str, Column]) -> dict[str, Column]:
    """Incentives' and metrics' columns; `what` is the kind (incentives) or indicator (metrics) column."""
    return {
        **district_columns("district"),
        **what,
        "value": Column(_("value"), ("value", "value_max"), kind="number"),
        # Fact.published is its article's date, kept beside the period so that one index sorts them.
        "period": Column(_("period"), ("year", "period", "published"), kind="date"),
        "target": Column(_("goal or report"), ("target",)),
        "status": Column(_("status"), (choice_order("status", Status),)),
        "program": Column(_("program"), ("program__pinyin", "program__name")),
        "quote": Column(_("quote"), ("quote",)),
    }


INCENTIVE_COLUMNS = fact_columns({
    "kind": Column(_("kind"), (choice_order("kind", IncentiveKind), "label")),
})

METRIC_COLUMNS = fact_columns({
    # The metric's own wording for now. When Metric.indicator (the indicator vocabulary) lands,
    # this column shows the indicator's name above the label and sorts by it first:
    # ("indicator__name", "label") — the key stays "indicator", so URLs keep working.
    "indicator": Column(_("indicator"), ("label",)),
})

PROGRAM_COLUMNS = {
    "name": Column(_("name"), ("pinyin", "name")),
    **district_columns("district"),
    "incentives": Column(_("incentives"), ("n_incentives",), kind="number"),
    "articles": Column(_("articles"), ("n_articles",), kind="number"),
    "status": Column(_("status"), (choice_order("status", Status),)),
    # Its life: the stage today, launched – ends; sorted by when it was launched.
    "life": Column(_("life stage"), ("launched_on", "ends_on"), kind="date"),
}

ARTICLE_COLUMNS = {
    "title": Column(_("title"), ("title",)),
    "published": Column(_("published"), ("published", "imported_at"), kind="date"),
    "publisher": Column(_("publisher"), ("publisher",)),
    "districts": Column(_("districts")),  # several per article: shown, not sorted by
    "incentives": Column(_("incentives"), ("n_incentives",), kind="number"),
    "metrics": Column(_("metrics"), ("n_metrics",), kind="number"),
}
