"""Nameless articles get a title from their words; a month in a byline is kept (policies.details)."""
import importlib

import pytest
from django.apps import apps

from policies.details import derive_title, looks_like_file_name, refine_published
from policies.importing import import_article
from policies.models import Article

# Seed 000 starts with a list of measures, no headline.
NO_HEADLINE = (
    "　　围绕提供一批“优培岗位”，丰台区将发布超2000个实践就业岗位；\n"
    "　　陆续统筹投放超500套人才公寓，用于定向配租；\n"
)


@pytest.mark.parametrize("text, title", [
    (NO_HEADLINE, "围绕提供一批“优培岗位”，丰台区将发布超2000个实践就业岗位"),
    # A section heading (seed 004) reads as a headline, without its list mark.
    ("(五)发展生态优化行动\n高标准、全方位提升区域发展品质。", "发展生态优化行动"),
    # The extractor refuses a headline that ends with a closing quote; this does not.
    ("鼓楼区人才工作交出亮眼“成绩单”\n［发布时间］2023-12-28　［来源］区委组织部\n正文。", "鼓楼区人才工作交出亮眼“成绩单”"),
    # Page furniture before the headline is skipped.
    ("您当前的位置:资讯 > >正文\n时间:2023-06-19 19:14:56\n河西区人才新政发布\n正文。", "河西区人才新政发布"),
    # A long first sentence is cut at a comma, with an ellipsis.
    ("为进一步推进经济转型升级，充分发挥人才第一资源作用，加快建设人才强区，区委区政府研究制定了若干措施。",
     "为进一步推进经济转型升级，充分发挥人才第一资源作用，加快建设人才强区…"),
])
def test_a_title_is_derived_from_the_text(text, title):
    assert derive_title(text) == title


def test_the_extractors_title_wins():
    assert derive_title(NO_HEADLINE, "丰台学子回家") == "丰台学子回家"


def test_a_derived_title_is_never_empty_nor_a_file_name():
    for text in ["123", "短", "a.txt"]:
        title = derive_title(text)
        assert title.strip()
    assert looks_like_file_name("000_43ecf88b4ddff57a.txt")
    assert not looks_like_file_name("丰台学子回家")


@pytest.mark.parametrize("text, found, published", [
    ("西湖区人才新政\n浙江在线　2025年3月\n正文写到2024年。", "2025", "2025-03"),
    ("标题\n2025年3月\n正文", "", "2025-03"),
    # A month in the body dates an event, not the article.
    ("标题\n" + "正文" * 30 + "，2025年3月正式启动。", "2025", "2025"),
    # A full date the extractor read is kept.
    ("标题\n2025年3月\n", "2025-03-05", "2025-03-05"),
    # A month of another year than the one read is not taken.
    ("标题\n2024年12月\n", "2025", "2025"),
])
def test_read_details_keep_the_month(text, found, published):
    assert refine_published(text, found) == published


def test_a_nameless_text_is_imported_with_a_title(reference_data):
    article = import_article(NO_HEADLINE, source_file="000_43ecf88b4ddff57a.txt").article
    assert article.title == "围绕提供一批“优培岗位”，丰台区将发布超2000个实践就业岗位"
    # The search words follow the title too (the pre_save signal).
    assert " 岗位 " in article.search_text


def test_the_migration_names_untitled_articles(reference_data):
    """Rows stored before the import named them: empty, or under their file name."""
    untitled = Article.objects.create(text=NO_HEADLINE, sha256="a" * 64, source_file="000.txt")
    filename = Article.objects.create(text="河西区人才新政发布\n正文。", sha256="b" * 64,
                                      title="002_a75eb1bf7b1f9caf.txt", source_file="002_a75eb1bf7b1f9caf.txt")
    named = Article.objects.create(text="正文。", sha256="c" * 64, title="有标题")
    Article.objects.filter(pk=untitled.pk).update(title="", search_text="")
    migration = importlib.import_module("policies.migrations.0004_name_untitled_articles")
    migration.name_untitled(apps, None)
    untitled.refresh_from_db(), filename.refresh_from_db(), named.refresh_from_db()
    assert untitled.title.startswith("围绕提供一批") and "岗位" in untitled.search_text
    assert filename.title == "河西区人才新政发布"
    assert named.title == "有标题"


def test_an_article_always_has_a_display_title(reference_data):
    article = Article.objects.create(text="x", sha256="d" * 64, source_file="file.txt")
    Article.objects.filter(pk=article.pk).update(title="")
    article.refresh_from_db()
    assert article.display_title and "file.txt" not in article.display_title
    assert str(article) == article.display_title
